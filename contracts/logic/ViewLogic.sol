// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClearingHouseErrors as E} from "../../interfaces/IClearingHouseErrors.sol";
import {IPriceOracle} from "../../interfaces/IPriceOracle.sol";
import {CoreStorage} from "../core/CoreStorage.sol";
import {DataTypes} from "../core/DataTypes.sol";
import {AccountBalance} from "../libraries/AccountBalance.sol";
import {CurveMath} from "../libraries/CurveMath.sol";
import {Funding} from "../libraries/Funding.sol";
import {Ledger} from "../libraries/Ledger.sol";
import {Margin} from "../libraries/Margin.sol";
import {PerpMath} from "../libraries/PerpMath.sol";
import {Twap} from "../libraries/Twap.sol";
import {VirtualAMM} from "../libraries/VirtualAMM.sol";
import {LogicBase} from "./LogicBase.sol";

/// @title ViewLogic
/// @notice The core's views other than its plain storage getters (accounts, markets, curves,
///         funding), run in the core's context: each core view of the same signature delegates
///         here and returns this answer as is (`ClearingHouse.inViewLogic`). Every function is a
///         view, so the delegated code cannot change state. Same libraries as the hot path: no
///         second copy of any formula. Semantics and errors are the core's (IClearingHouseState).
contract ViewLogic is LogicBase {
    using PerpMath for uint256;
    using Twap for Twap.State;

    constructor(IPriceOracle oracle_) LogicBase(oracle_) {}

    // ------------------------------------------------------------------ accounts

    /// @notice `trader`'s position in `baseToken`.
    function getPosition(address trader, address baseToken)
        external
        view
        onlyDelegateCall
        returns (DataTypes.Position memory)
    {
        return CoreStorage.layout().positions[trader][baseToken];
    }

    /// @notice Account value at valuation prices.
    function getAccountValue(address trader) external view onlyDelegateCall returns (int256) {
        return _accountState(trader).accountValue;
    }

    /// @notice Initial and maintenance requirements.
    function getMarginRequirements(address trader)
        external
        view
        onlyDelegateCall
        returns (uint256 initial, uint256 maintenance)
    {
        DataTypes.AccountState memory st = _accountState(trader);
        return (st.initialRequirement, st.maintenanceRequirement);
    }

    /// @notice What `trader` may withdraw.
    function getFreeCollateral(address trader) external view onlyDelegateCall returns (int256) {
        CoreStorage.Layout storage s = CoreStorage.layout();
        // less the margin its queued netting orders reserve (withdraw's rule)
        return Margin.freeCollateral(s, oracle, trader, Ledger.balanceOf(s, trader))
            - int256(AccountBalance.reservedMargin(s, trader));
    }

    /// @notice True when `trader` holds a position and is below maintenance.
    function isLiquidatable(address trader) external view onlyDelegateCall returns (bool) {
        if (AccountBalance.marketBits(CoreStorage.layout(), trader) == 0) return false;
        return Margin.isLiquidatable(_accountState(trader), true);
    }

    /// @notice Account value, requirements and liquidatability in one call.
    function getAccountState(address trader)
        external
        view
        onlyDelegateCall
        returns (int256 accountValue, uint256 initialRequirement, uint256 maintenanceRequirement, bool liquidatable)
    {
        DataTypes.AccountState memory st = _accountState(trader);
        bool has = AccountBalance.marketBits(CoreStorage.layout(), trader) != 0;
        return (st.accountValue, st.initialRequirement, st.maintenanceRequirement, Margin.isLiquidatable(st, has));
    }

    /// @dev What a batch of account states reads once: each market's figures, and the globals
    ///      of Ledger.balanceOf.
    struct Batch {
        DataTypes.PriceCache cache;
        address insuranceFund;
        address liquidityPool;
        uint256 collateralIndex;
    }

    /// @notice Account figures of many traders, each market's figures read once. Each account's
    ///         figures are written in place in the answer's ABI encoding (a static struct array:
    ///         offset, length, six words per account): no copy, memory linear in the batch.
    function getAccountStates(address[] calldata traders)
        external
        view
        onlyDelegateCall
        returns (DataTypes.AccountState[] memory)
    {
        CoreStorage.Layout storage s = CoreStorage.layout();
        Batch memory b = Batch(Margin.newCache(s), s.insuranceFund, s.liquidityPool, s.collateralIndex);
        uint256 n = traders.length;
        uint256 out;
        uint256 size = 0x40 + n * 0xc0;
        assembly ("memory-safe") {
            out := mload(0x40)
            mstore(out, 0x20)
            mstore(add(out, 0x20), n)
            mstore(0x40, add(out, size))
        }
        for (uint256 i; i < n; ) {
            address trader;
            DataTypes.AccountState memory st; // account i's place in the answer
            assembly ("memory-safe") {
                trader := calldataload(add(traders.offset, shl(5, i)))
                if shr(160, trader) { revert(0, 0) } // not an address (as the ABI decoder)
                st := add(out, add(0x40, mul(i, 0xc0)))
            }
            int256 collateral = trader == b.insuranceFund || trader == b.liquidityPool
                ? Ledger.balanceOf(s, trader)
                : Ledger.traderBalanceAt(s, trader, b.collateralIndex);
            Margin.fillAccountState(st, s, oracle, trader, collateral, b.cache);
            unchecked {
                ++i;
            }
        }
        assembly ("memory-safe") {
            return(out, size)
        }
    }

    /// @notice Funding `trader` owes in `baseToken` since its last settlement.
    function getPendingFunding(address trader, address baseToken) external view onlyDelegateCall returns (int256) {
        CoreStorage.Layout storage s = CoreStorage.layout();
        return AccountBalance.pendingFunding(s.positions[trader][baseToken], s.funding[baseToken].cumulativeIndex);
    }

    /// @notice The markets in which `trader` holds a position.
    function getAccountMarkets(address trader) external view onlyDelegateCall returns (address[] memory tokens) {
        CoreStorage.Layout storage s = CoreStorage.layout();
        uint256 bitmap = AccountBalance.marketBits(s, trader);
        tokens = new address[](AccountBalance.popcount(bitmap));
        uint256 n;
        while (bitmap != 0) {
            uint256 id = AccountBalance.lowestBit(bitmap);
            bitmap &= bitmap - 1;
            tokens[n++] = AccountBalance.marketAt(s, id);
        }
    }

    /// @notice Shares of the collateral index and debt of a trader.
    function rawBalance(address trader) external view onlyDelegateCall returns (uint256 shares, uint256 debt) {
        DataTypes.Balance memory b = CoreStorage.layout().balances[trader];
        return (b.shares, b.debt);
    }

    // ------------------------------------------------------------------ markets and curves

    /// @notice Every listed market, by id.
    function getMarkets() external view onlyDelegateCall returns (address[] memory) {
        return CoreStorage.layout().marketList;
    }

    /// @notice A market's configuration.
    function getMarket(address baseToken) external view onlyDelegateCall returns (DataTypes.Market memory) {
        return CoreStorage.layout().markets[baseToken];
    }

    /// @notice The valuation price and whether the index is fresh.
    function getValuationPrice(address baseToken)
        external
        view
        onlyDelegateCall
        returns (uint256 price, bool indexFresh)
    {
        CoreStorage.Layout storage s = CoreStorage.layout();
        _requireMarket(s, baseToken);
        (price,, indexFresh) = Margin.prices(s, oracle, baseToken);
    }

    /// @notice The oracle's index price (0 when stale).
    function getIndexPrice(address baseToken) external view onlyDelegateCall returns (uint256 price) {
        (price,) = oracle.getIndexPrice(baseToken);
    }

    /// @notice Time-weighted mark over about the last `window` seconds.
    function getMarkTwap(address baseToken, uint32 window) external view onlyDelegateCall returns (uint256) {
        CoreStorage.Layout storage s = CoreStorage.layout();
        return VirtualAMM.markTwap(_requireCurve(s, baseToken), s.markTwaps[baseToken], window);
    }

    /// @notice The mark TWAP accumulator extrapolated to now.
    function markCumulative(address baseToken) external view onlyDelegateCall returns (uint256) {
        CoreStorage.Layout storage s = CoreStorage.layout();
        DataTypes.Curve storage c = _requireCurve(s, baseToken);
        return s.markTwaps[baseToken].cumulativeNow(VirtualAMM.markPrice(c));
    }

    /// @notice The traders' net position (+ net long).
    function netBase(address baseToken) external view onlyDelegateCall returns (int256) {
        return VirtualAMM.netBase(CoreStorage.layout().curves[baseToken]);
    }

    /// @notice The base reserve at which the traders' net position is zero.
    function referenceBaseReserve(address baseToken) external view onlyDelegateCall returns (uint256) {
        return CoreStorage.layout().curves[baseToken].referenceBase;
    }

    /// @notice Exit value of the traders' net position on the current curve.
    function netPositionValue(address baseToken) external view onlyDelegateCall returns (int256) {
        DataTypes.Curve memory c = CoreStorage.layout().curves[baseToken];
        return CurveMath.netPositionValue(c.baseReserve, c.quoteReserve, VirtualAMM.netBase(c));
    }

    /// @notice Cost to the pool of moving the curve to the given reserves.
    function migrationCost(address baseToken, uint256 newBaseReserve, uint256 newQuoteReserve)
        external
        view
        onlyDelegateCall
        returns (int256)
    {
        DataTypes.Curve memory c = _requireCurve(CoreStorage.layout(), baseToken);
        return VirtualAMM.migrationCost(c, newBaseReserve, newQuoteReserve);
    }

    /// @notice The base and quote a swap would exchange now.
    function quoteSwap(address baseToken, bool isBaseToQuote, bool isExactInput, uint256 amount)
        external
        view
        onlyDelegateCall
        returns (uint256 base, uint256 quote)
    {
        DataTypes.Curve storage c = _requireCurve(CoreStorage.layout(), baseToken);
        return VirtualAMM.quote(c.baseReserve, c.quoteReserve, isBaseToQuote, isExactInput, amount);
    }

    /// @notice The curve's mark price (quote per base, 18 decimals).
    function getMarkPrice(address baseToken) external view onlyDelegateCall returns (uint256) {
        return VirtualAMM.markPrice(_requireCurve(CoreStorage.layout(), baseToken));
    }

    /// @notice The curve's virtual reserves (0, 0 for an unknown market).
    function getReserves(address baseToken) external view onlyDelegateCall returns (uint256 baseReserve, uint256 quoteReserve) {
        DataTypes.Curve storage c = CoreStorage.layout().curves[baseToken];
        return (c.baseReserve, c.quoteReserve);
    }

    /// @notice Long and short open interest in base units (0, 0 for an unknown market).
    function getOpenInterest(address baseToken) external view onlyDelegateCall returns (uint256 longSize, uint256 shortSize) {
        DataTypes.OpenInterest memory oi = CoreStorage.layout().openInterest[baseToken];
        return (oi.long, oi.short);
    }

    /// @notice Per-side open-interest caps of a market.
    function getOpenInterestCaps(address baseToken)
        external
        view
        onlyDelegateCall
        returns (uint256 longCap, uint256 shortCap)
    {
        DataTypes.OpenInterestCap memory c = CoreStorage.layout().oiCaps[baseToken];
        return (c.long, c.short);
    }

    /// @notice Open interest of all markets, both sides, at valuation prices.
    function openInterestNotional() external view onlyDelegateCall returns (uint256 total) {
        CoreStorage.Layout storage s = CoreStorage.layout();
        uint256 n = s.marketList.length;
        for (uint256 i; i < n; ++i) {
            address token = s.marketList[i];
            DataTypes.OpenInterest memory oi = s.openInterest[token];
            if (oi.long == 0 && oi.short == 0) continue;
            (uint256 price,,) = Margin.prices(s, oracle, token);
            total += (uint256(oi.long) + oi.short).mulUp(price);
        }
    }

    /// @notice Timestamp of the market's last funding update.
    function lastFundingTime(address baseToken) external view onlyDelegateCall returns (uint256) {
        return CoreStorage.layout().funding[baseToken].lastTime;
    }

    /// @notice Funding state and the rate an update now would apply.
    function getFundingState(address baseToken)
        external
        view
        onlyDelegateCall
        returns (int256 cumulativeIndex, int256 lastRate, int256 nextRate, uint256 lastTime)
    {
        CoreStorage.Layout storage s = CoreStorage.layout();
        _requireMarket(s, baseToken);
        DataTypes.FundingState memory fs = s.funding[baseToken];
        if (block.timestamp > fs.lastTime) {
            (uint256 indexCum,,) = oracle.indexCumulative(baseToken);
            nextRate = Funding.rate(s, baseToken, fs.lastTime, indexCum).rate;
        }
        return (fs.cumulativeIndex, fs.rate, nextRate, fs.lastTime);
    }

    // ------------------------------------------------------------------ internals

    // ------------------------------------------------------------------ globals

    /// @notice See IClearingHouseState.collateralIndex.
    function collateralIndex() external view onlyDelegateCall returns (uint256) {
        return CoreStorage.layout().collateralIndex;
    }

    /// @notice See IClearingHouseState.totalShares.
    function totalShares() external view onlyDelegateCall returns (uint256) {
        return CoreStorage.layout().totalShares;
    }

    /// @notice See IClearingHouseState.totalDebt.
    function totalDebt() external view onlyDelegateCall returns (uint256) {
        return CoreStorage.layout().totalDebt;
    }

    /// @notice See IClearingHouseState.protocolDeficit.
    function protocolDeficit() external view onlyDelegateCall returns (uint256) {
        return CoreStorage.layout().protocolDeficit;
    }

    /// @notice See IClearingHouseState.fundingEscrow.
    function fundingEscrow() external view onlyDelegateCall returns (int256) {
        return CoreStorage.layout().fundingEscrow;
    }

    /// @notice See IClearingHouseState.poolFeeIncome.
    function poolFeeIncome() external view onlyDelegateCall returns (uint256) {
        return Ledger.poolFeeIncome(CoreStorage.layout());
    }

    /// @notice See IClearingHouseState.fundingPayoutBudget.
    function fundingPayoutBudget() external view onlyDelegateCall returns (uint256) {
        return CoreStorage.layout().fundingPayoutBudget;
    }

    /// @notice See IClearingHouseState.insuranceFund.
    function insuranceFund() external view onlyDelegateCall returns (address) {
        return CoreStorage.layout().insuranceFund;
    }

    /// @notice See IClearingHouseState.liquidityPool.
    function liquidityPool() external view onlyDelegateCall returns (address) {
        return CoreStorage.layout().liquidityPool;
    }

    /// @notice See IClearingHouseState.guardian.
    function guardian() external view onlyDelegateCall returns (address) {
        return CoreStorage.layout().guardian;
    }

    /// @notice See IClearingHouseState.globalPaused.
    function globalPaused() external view onlyDelegateCall returns (bool) {
        return CoreStorage.layout().globalPaused;
    }

    /// @notice See IClearingHouseState.liquidatorShare.
    function liquidatorShare() external view onlyDelegateCall returns (uint24) {
        return CoreStorage.layout().liquidatorShare;
    }

    /// @notice See IClearingHouseState.minPositionNotional.
    function minPositionNotional() external view onlyDelegateCall returns (uint128) {
        return CoreStorage.layout().minPositionNotional;
    }

    /// @notice See IClearingHouseState.fullLiquidationThreshold.
    function fullLiquidationThreshold() external view onlyDelegateCall returns (uint128) {
        return CoreStorage.layout().fullLiquidationThreshold;
    }

    function _accountState(address trader) internal view returns (DataTypes.AccountState memory) {
        CoreStorage.Layout storage s = CoreStorage.layout();
        return Margin.accountState(s, oracle, trader, Ledger.balanceOf(s, trader), Margin.newCache(s));
    }

    function _requireMarket(CoreStorage.Layout storage s, address baseToken) internal view {
        if (!s.markets[baseToken].listed) revert E.UnknownMarket(baseToken);
    }

    function _requireCurve(CoreStorage.Layout storage s, address baseToken)
        internal
        view
        returns (DataTypes.Curve storage c)
    {
        c = s.curves[baseToken];
        if (c.baseReserve == 0) revert E.UnknownMarket(baseToken);
    }
}
