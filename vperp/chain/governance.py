"""The governance step of a deployment: token, timelock and Governor, then every owner and role
of the protocol handed to the timelock, and the deployer's roles renounced.

Order (no EOA is left with a privileged role at the end):

    GovernanceToken (supply -> treasury) -> GovernanceTimelock (2 days, no proposer yet, the
    deployer a temporary admin) -> PerpGovernor -> timelock roles: the Governor proposes,
    executes and cancels, the guardian cancels -> core guardian -> transferOwnership(timelock) on
    every Ownable2Step contract -> timelock.acceptOwnerships (the deployer's admin role: a deploy-
    time path, no vote needed to *receive* ownership) -> the deployer renounces its admin role.

The Governor is the timelock's only executor: anyone executes a passed proposal through the
Governor's permissionless `execute`, which refuses a proposal past its expiry.
"""

from __future__ import annotations

from typing import Any

from eth_utils import keccak

from vperp.chain.config import GovernanceConfig
from vperp.chain.deploy import Deployment, Governance
from vperp.sdk.units import wad

PROPOSER_ROLE = keccak(text="PROPOSER_ROLE")
EXECUTOR_ROLE = keccak(text="EXECUTOR_ROLE")
CANCELLER_ROLE = keccak(text="CANCELLER_ROLE")
DEFAULT_ADMIN_ROLE = b"\x00" * 32
TIMELOCK_ROLES = {
    "DEFAULT_ADMIN_ROLE": DEFAULT_ADMIN_ROLE,
    "PROPOSER_ROLE": PROPOSER_ROLE,
    "EXECUTOR_ROLE": EXECUTOR_ROLE,
    "CANCELLER_ROLE": CANCELLER_ROLE,
}


def owned_contracts(d: Deployment) -> dict[str, Any]:
    """Every Ownable2Step contract of the protocol, by name (the Viewer, the router, the position
    NFT, the logic contracts and the base tokens have no owner; the netting fee is the core's)."""
    return {
        "ClearingHouse": d.clearing_house,
        "PriceOracle": d.oracle,
        "InsuranceFund": d.insurance_fund,
        "LiquidityPool": d.liquidity_pool,
    }


def deploy_governance(
    project: Any, deployer: Any, d: Deployment, g: GovernanceConfig, treasury: str, guardian: str
) -> Governance:
    """Deploys token, timelock and Governor, and hands every owner and role of `d` to the timelock
    (see the module's docstring). `d` must still be owned by `deployer`."""
    tx = {"sender": deployer}
    token = project.GovernanceToken.deploy(g.token_name, g.token_symbol, wad(g.token_supply), treasury, **tx)
    timelock = project.GovernanceTimelock.deploy(g.timelock_min_delay, [], [], deployer.address, **tx)
    governor = project.PerpGovernor.deploy(
        token.address, timelock.address, g.voting_delay, g.voting_period, wad(g.proposal_threshold), **tx
    )
    timelock.grantRole(PROPOSER_ROLE, governor.address, **tx)
    timelock.grantRole(EXECUTOR_ROLE, governor.address, **tx)
    timelock.grantRole(CANCELLER_ROLE, governor.address, **tx)
    timelock.grantRole(CANCELLER_ROLE, guardian, **tx)
    d.clearing_house.setGuardian(guardian, **tx)
    owned = owned_contracts(d)
    for c in owned.values():
        c.transferOwnership(timelock.address, **tx)
    timelock.acceptOwnerships([c.address for c in owned.values()], **tx)
    timelock.renounceRole(DEFAULT_ADMIN_ROLE, deployer.address, **tx)
    gov = Governance(token, timelock, governor, guardian)
    d.governance = gov
    return gov


def treasury_and_guardian(g: GovernanceConfig, deployer: Any, accounts: Any, is_dev: bool) -> tuple[str, str]:
    """The configured treasury and guardian; on local networks, defaults: the deployer and the
    9th test account. A live network must configure both."""
    if not is_dev and (g.treasury is None or g.guardian is None):
        raise SystemExit("a live network needs governance.treasury and governance.guardian in the config")
    treasury = g.treasury or deployer.address
    guardian = g.guardian or accounts.test_accounts[8].address
    return treasury, guardian
