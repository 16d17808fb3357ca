// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClearingHouseErrors as E} from "../../interfaces/IClearingHouseErrors.sol";
import {IPriceOracle} from "../../interfaces/IPriceOracle.sol";
import {CoreStorage} from "../core/CoreStorage.sol";
import {DataTypes} from "../core/DataTypes.sol";
import {CurveMath} from "../libraries/CurveMath.sol";
import {Funding} from "../libraries/Funding.sol";
import {Ledger} from "../libraries/Ledger.sol";
import {Margin} from "../libraries/Margin.sol";
import {PerpMath} from "../libraries/PerpMath.sol";
import {Twap} from "../libraries/Twap.sol";
import {VirtualAMM} from "../libraries/VirtualAMM.sol";
import {LogicBase} from "./LogicBase.sol";

/// @title ViewLogic
/// @notice The core's heavier read-only views (batch account states, funding preview, curve
///         valuations), run in the core's context through `ClearingHouse.delegateView` under a
///         static call, so that they cannot change state. Same libraries as the hot path: no
///         second copy of any formula.
contract ViewLogic is LogicBase {
    using PerpMath for uint256;
    using Twap for Twap.State;

    constructor(IPriceOracle oracle_) LogicBase(oracle_) {}

    /// @notice Account figures of many traders, each market's prices read once.
    function getAccountStates(address[] calldata traders)
        external
        view
        onlyDelegateCall
        returns (DataTypes.AccountState[] memory out)
    {
        CoreStorage.Layout storage s = CoreStorage.layout();
        DataTypes.PriceCache memory cache = Margin.newCache(s);
        out = new DataTypes.AccountState[](traders.length);
        for (uint256 i; i < traders.length; ++i) {
            out[i] = Margin.accountState(s, oracle, traders[i], Ledger.balanceOf(s, traders[i]), cache);
        }
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

    /// @notice Funding state and the rate an update now would apply.
    function getFundingState(address baseToken)
        external
        view
        onlyDelegateCall
        returns (int256 cumulativeIndex, int256 lastRate, int256 nextRate, uint256 lastTime)
    {
        CoreStorage.Layout storage s = CoreStorage.layout();
        if (!s.markets[baseToken].listed) revert E.UnknownMarket(baseToken);
        DataTypes.FundingState memory fs = s.funding[baseToken];
        if (block.timestamp > fs.lastTime) {
            (uint256 indexCum,,) = oracle.indexCumulative(baseToken);
            nextRate = Funding.rate(s, baseToken, fs.lastTime, indexCum).rate;
        }
        return (fs.cumulativeIndex, fs.rate, nextRate, fs.lastTime);
    }

    /// @notice Exit value of the traders' net position on the current curve.
    function netPositionValue(address baseToken) external view onlyDelegateCall returns (int256) {
        DataTypes.Curve memory c = CoreStorage.layout().curves[baseToken];
        return CurveMath.netPositionValue(c.baseReserve, c.quoteReserve, VirtualAMM.netBase(c));
    }

    /// @notice Cost to the pool of moving the curve to the given reserves.
    function migrationCost(DataTypes.Curve memory c, uint256 newBaseReserve, uint256 newQuoteReserve)
        external
        view
        onlyDelegateCall
        returns (int256)
    {
        return VirtualAMM.migrationCost(c, newBaseReserve, newQuoteReserve);
    }

    /// @notice Time-weighted mark over about the last `window` seconds.
    function getMarkTwap(address baseToken, uint32 window) external view onlyDelegateCall returns (uint256) {
        CoreStorage.Layout storage s = CoreStorage.layout();
        return VirtualAMM.markTwap(s.curves[baseToken], s.markTwaps[baseToken], window);
    }
}
