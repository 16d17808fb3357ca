"""Constants shared by the tests (the protocol's own come from vperp.sdk)."""

from vperp.chain.deploy import NO_PYTH
from vperp.sdk.client import FAR_DEADLINE
from vperp.sdk.units import ONE, RATIO_ONE, SCALE

__all__ = [
    "DAY",
    "FAR_DEADLINE",
    "FEE_RATIO",
    "HOUR",
    "INSURANCE_SHARE",
    "MARKETS",
    "MAX_UINT256",
    "NO_PYTH",
    "ONE",
    "RATIO_ONE",
    "SCALE",
    "ZERO",
]

ZERO = "0x" + "00" * 20  # address(0)
MAX_UINT256 = 2**256 - 1
HOUR = 3_600
DAY = 86_400
MARKETS = ("vETH", "vBTC")  # the markets of config/deploy.yaml
# both default markets' fee parameters (config/deploy.yaml), 1e6-based
FEE_RATIO = 1_000  # 0.10% of the notional
INSURANCE_SHARE = 200_000  # 20% of the fee to the insurance fund
