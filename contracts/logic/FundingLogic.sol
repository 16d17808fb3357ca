// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IClearingHouseErrors as E} from "../../interfaces/IClearingHouseErrors.sol";
import {IClearingHouseEvents as Ev} from "../../interfaces/IClearingHouseEvents.sol";
import {IPriceOracle} from "../../interfaces/IPriceOracle.sol";
import {CoreStorage} from "../core/CoreStorage.sol";
import {DataTypes} from "../core/DataTypes.sol";
import {AccountBalance} from "../libraries/AccountBalance.sol";
import {Funding} from "../libraries/Funding.sol";
import {Ledger} from "../libraries/Ledger.sol";
import {PerpMath} from "../libraries/PerpMath.sol";
import {LogicBase} from "./LogicBase.sol";

/// @title FundingLogic
/// @notice Funding epochs (PROTOCOL.md section 5, "Funding"): the rate, the cumulative index and
///         the AMM's side of the imbalance, paid to or by the liquidity pool within its payout
///         budget, the insurance fund backing it. Delegatecalled by the core.
contract FundingLogic is LogicBase {
    constructor(IPriceOracle oracle_) LogicBase(oracle_) {}

    /// @notice Closes a funding epoch of `baseToken` once its interval has passed: premium of the
    ///         mark TWAP over the index TWAP since the last update, rate = premium * elapsed /
    ///         period clamped to the cap for the elapsed time, cumulative index += rate *
    ///         indexTwap (missed epochs settle as one span, so funding neither lapses nor
    ///         doubles). If the pool and the fund cannot pay the AMM's side, the index moves only
    ///         as far as they can.
    function updateFundingRate(address baseToken) external onlyDelegateCall {
        CoreStorage.Layout storage s = CoreStorage.layout();
        DataTypes.Market memory m = s.markets[baseToken];
        if (!m.listed) revert E.UnknownMarket(baseToken);
        DataTypes.FundingState memory fs = s.funding[baseToken];
        uint256 next = uint256(fs.lastTime) + m.fundingInterval;
        if (block.timestamp < next) revert E.FundingTooEarly(baseToken, next);
        (,, uint256 indexCum) = oracle.observeCumulative(baseToken);
        Funding.Update memory u = Funding.rate(s, baseToken, fs.lastTime, indexCum);
        s.fundingAnchors[baseToken] = DataTypes.FundingAnchor(uint128(u.markCum), uint128(indexCum));

        int256 delta = u.rate * int256(u.indexTwap) / 1e18; // quote per base, rounded towards zero
        DataTypes.OpenInterest memory oi = s.openInterest[baseToken];
        (int256 poolReceived, int256 insuranceReceived, int256 applied) =
            _settleAmm(s, int256(uint256(oi.long)) - int256(uint256(oi.short)), delta);

        fs.cumulativeIndex += int128(applied);
        fs.rate = int64(u.rate);
        fs.lastTime = uint64(block.timestamp);
        s.funding[baseToken] = fs;
        emit Ev.FundingUpdated(baseToken, u.rate, u.markTwap, u.indexTwap);
        emit Ev.FundingIndexMoved(baseToken, applied, fs.cumulativeIndex, poolReceived, insuranceReceived);
    }

    /// @notice Settles `trader`'s pending funding in `baseToken` into its collateral (the
    ///         core's settleFunding, run here to keep the core's code small).
    function settleFunding(address trader, address baseToken) external onlyDelegateCall {
        CoreStorage.Layout storage s = CoreStorage.layout();
        if (!s.markets[baseToken].listed) revert E.UnknownMarket(baseToken);
        AccountBalance.settleFunding(s, trader, baseToken);
    }

    /// @notice Settles `trader`'s pending funding in every market it holds (the core's
    ///         settleAllFunding).
    function settleAllFunding(address trader) external onlyDelegateCall {
        AccountBalance.settleAllFunding(CoreStorage.layout(), trader);
    }

    /// @dev The AMM's side of a funding update: traders' net long `net` times the index move
    ///      `delta`. When traders pay, the pool receives it through the escrow. When the pool
    ///      must pay, the payout is limited by its funding budget (a third of its fee income not
    ///      yet spent on funding) and balance, then the insurance fund backs it; the index moves
    ///      only as far as they can pay (`applied`).
    function _settleAmm(CoreStorage.Layout storage s, int256 net, int256 delta)
        internal
        returns (int256 poolReceived, int256 insuranceReceived, int256 applied)
    {
        applied = delta;
        int256 due = PerpMath.mulFloorSigned(net, delta); // what the pool receives, rounded down
        if (due >= 0) {
            if (due > 0) Ledger.settleSystemFunding(s, s.liquidityPool, -due);
            return (due, 0, applied);
        }
        uint256 payout = uint256(-due);
        uint256 income = Ledger.poolFeeIncome(s);
        uint256 budget = s.fundingPayoutBudget + (income - s.feeIncomeCheckpoint) / 3;
        s.feeIncomeCheckpoint = uint128(income);
        uint256 poolCap = Math.min(budget, s.poolBalance);
        uint256 fundBal = s.insuranceBalance;
        if (payout > poolCap + fundBal) {
            uint256 available = poolCap + fundBal;
            // shrink the index move so that |net * applied| <= available (one unit of margin)
            applied = delta * int256(available) / int256(payout);
            applied += applied > 0 ? int256(-1) : (applied < 0 ? int256(1) : int256(0));
            if ((applied > 0) != (delta > 0)) applied = 0;
            due = PerpMath.mulFloorSigned(net, applied);
            payout = due < 0 ? uint256(-due) : 0;
            if (payout > available) (applied, payout) = (0, 0); // sub-unit net: rounding left no room
        }
        uint256 fromPool = Math.min(payout, poolCap);
        uint256 fromFund = payout - fromPool;
        s.fundingPayoutBudget = uint128(budget - fromPool);
        if (fromPool != 0) Ledger.settleSystemFunding(s, s.liquidityPool, int256(fromPool));
        if (fromFund != 0) Ledger.settleSystemFunding(s, s.insuranceFund, int256(fromFund));
        return (-int256(fromPool), -int256(fromFund), applied);
    }
}
