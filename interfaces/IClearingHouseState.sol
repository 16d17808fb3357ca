// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DataTypes} from "../contracts/core/DataTypes.sol";
import {IPriceOracle} from "./IPriceOracle.sol";

/// @title IClearingHouseState
/// @notice Read-only views of the core: accounts, collateral, markets, curves, funding.
interface IClearingHouseState {
    // ------------------------------------------------------------------ constants
    /// @notice Largest trade amount (base or quote): below every curve reserve.
    function MAX_TRADE_AMOUNT() external view returns (uint256);
    /// @notice Largest USDC amount (6 decimals) one collateral call moves.
    function MAX_AMOUNT_USDC() external view returns (uint256);
    /// @notice The collateral index never goes below this through socialisation.
    function MIN_COLLATERAL_INDEX() external view returns (uint256);
    /// @notice Markets one account may hold positions in.
    function MAX_MARKETS_PER_ACCOUNT() external view returns (uint256);
    /// @notice Window of the mark TWAP that values positions while the index is stale.
    function MARK_TWAP_WINDOW() external view returns (uint32);
    /// @notice The price oracle.
    function oracle() external view returns (IPriceOracle);

    // ------------------------------------------------------------------ accounts
    /// @notice `trader`'s position in `baseToken`: size, open notional, last funding index.
    function getPosition(address trader, address baseToken) external view returns (DataTypes.Position memory);
    /// @notice collateral + sum(size * valuation price - open notional) - pending funding, 18 decimals.
    function getAccountValue(address trader) external view returns (int256);
    /// @notice Initial and maintenance requirements: sum(|size| * valuation price * ratio), rounded up.
    function getMarginRequirements(address trader) external view returns (uint256 initial, uint256 maintenance);
    /// @notice min(collateral - pending funding, account value) - initial requirement - the margin its queued netting orders reserve: what `trader` may withdraw.
    function getFreeCollateral(address trader) external view returns (int256);
    /// @notice True when `trader` holds a position and its account value is below the maintenance requirement.
    function isLiquidatable(address trader) external view returns (bool);
    /// @notice Account value, requirements and whether the account can be liquidated, in one call.
    function getAccountState(address trader)
        external
        view
        returns (int256 accountValue, uint256 initialRequirement, uint256 maintenanceRequirement, bool liquidatable);
    /// @notice Account figures of many traders, each market's prices read once (the Viewer's scans).
    function getAccountStates(address[] calldata traders) external view returns (DataTypes.AccountState[] memory);
    /// @notice Funding `trader` owes in `baseToken` since its last settlement (> 0: pays), rounded up.
    function getPendingFunding(address trader, address baseToken) external view returns (int256);
    /// @notice The markets in which `trader` holds a position.
    function getAccountMarkets(address trader) external view returns (address[] memory);

    // ------------------------------------------------------------------ collateral (the Vault)
    /// @notice `account`'s balance in 18 decimals (negative: debt).
    function balanceOf(address account) external view returns (int256);
    /// @notice Shares of the collateral index and debt of a trader.
    function rawBalance(address trader) external view returns (uint256 shares, uint256 debt);
    /// @notice Collateral per share (18 decimals); lowered by socialised losses.
    function collateralIndex() external view returns (uint256);
    /// @notice Shares of the collateral index held by all traders.
    function totalShares() external view returns (uint256);
    /// @notice Sum of traders' negative balances not yet covered.
    function totalDebt() external view returns (uint256);
    /// @notice Bad debt that neither the insurance fund nor socialisation could cover (18 decimals).
    function protocolDeficit() external view returns (uint256);
    /// @notice Funding settled with the pool and not yet settled by traders (positive: paid in by traders).
    function fundingEscrow() external view returns (int256);
    /// @notice Fees the liquidity pool has earned since deployment.
    function poolFeeIncome() external view returns (uint256);
    /// @notice What the pool may still pay in funding: a third of its fee income not yet spent on funding.
    function fundingPayoutBudget() external view returns (uint256);
    /// @notice The collateral token.
    function usdc() external view returns (address);
    /// @notice The insurance fund's address.
    function insuranceFund() external view returns (address);
    /// @notice The liquidity pool's address.
    function liquidityPool() external view returns (address);

    // ------------------------------------------------------------------ markets and curves
    /// @notice Every listed market, by id.
    function getMarkets() external view returns (address[] memory);
    /// @notice A market's configuration.
    function getMarket(address baseToken) external view returns (DataTypes.Market memory);
    /// @notice The price positions are valued at: the index when fresh, else the 15-minute mark TWAP.
    function getValuationPrice(address baseToken) external view returns (uint256 price, bool indexFresh);
    /// @notice The oracle's index price (0 when stale).
    function getIndexPrice(address baseToken) external view returns (uint256);
    /// @notice The curve's price, quote reserve / base reserve, 18 decimals.
    function getMarkPrice(address baseToken) external view returns (uint256);
    /// @notice Time-weighted mark over about the last `window` seconds.
    function getMarkTwap(address baseToken, uint32 window) external view returns (uint256);
    /// @notice The mark TWAP accumulator extrapolated to now.
    function markCumulative(address baseToken) external view returns (uint256);
    /// @notice Base and quote reserves of `baseToken`'s curve.
    function getReserves(address baseToken) external view returns (uint256 baseReserve, uint256 quoteReserve);
    /// @notice The traders' net position (reference base reserve - base reserve): + net long.
    function netBase(address baseToken) external view returns (int256);
    /// @notice The base reserve at which the traders' net position is zero.
    function referenceBaseReserve(address baseToken) external view returns (uint256);
    /// @notice Exit value of the traders' net position on the current curve (PROTOCOL.md section 9).
    function netPositionValue(address baseToken) external view returns (int256);
    /// @notice Cost to the pool of moving the curve to the given reserves (V' - V).
    function migrationCost(address baseToken, uint256 newBaseReserve, uint256 newQuoteReserve)
        external
        view
        returns (int256);
    /// @notice The base and quote a swap would exchange now.
    function quoteSwap(address baseToken, bool isBaseToQuote, bool isExactInput, uint256 amount)
        external
        view
        returns (uint256 base, uint256 quote);
    /// @notice Long and short open interest of `baseToken`, in base units.
    function getOpenInterest(address baseToken) external view returns (uint256 longSize, uint256 shortSize);
    /// @notice Per-side open-interest caps of a market (base units).
    function getOpenInterestCaps(address baseToken) external view returns (uint256 longCap, uint256 shortCap);
    /// @notice Open interest of all markets, both sides, at valuation prices (the pool's utilisation).
    function openInterestNotional() external view returns (uint256);
    /// @notice Timestamp of `baseToken`'s last funding update.
    function lastFundingTime(address baseToken) external view returns (uint256);
    /// @notice Cumulative funding index, the rate applied at the last update, the rate an update now would apply, and its time.
    function getFundingState(address baseToken)
        external
        view
        returns (int256 cumulativeIndex, int256 lastRate, int256 nextRate, uint256 lastTime);

    // ------------------------------------------------------------------ globals
    /// @notice Who may pause opening.
    function guardian() external view returns (address);
    /// @notice Opening paused in every market.
    function globalPaused() external view returns (bool);
    /// @notice Liquidator's share of the penalty (1e6-based) when the account is not under water.
    function liquidatorShare() external view returns (uint24);
    /// @notice Smallest position notional left by a trade (18 decimals).
    function minPositionNotional() external view returns (uint128);
    /// @notice Positions below this notional are liquidated whole.
    function fullLiquidationThreshold() external view returns (uint128);
}
