// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {CoreStorage} from "../core/CoreStorage.sol";
import {DataTypes} from "../core/DataTypes.sol";
import {PerpMath} from "./PerpMath.sol";
import {Twap} from "./Twap.sol";
import {VirtualAMM} from "./VirtualAMM.sol";

/// @title Funding
/// @notice The funding rate of PROTOCOL.md section 5 ("Funding"), one copy for the epoch update
///         (FundingLogic) and the core's view of the next rate.
library Funding {
    using Twap for Twap.State;

    uint256 internal constant FUNDING_PERIOD = 24 hours;
    /// @dev 0.1% per 8 hours, 18 decimals; scaled linearly to the elapsed span
    int256 internal constant FUNDING_CAP_PER_8H = 1e15;

    struct Update {
        uint256 markTwap;
        uint256 indexTwap;
        int256 rate;
        uint256 markCum;
        uint256 indexCum;
    }

    /// @notice premium = (markTwap - indexTwap) / indexTwap over the span since the last update,
    ///         rate = premium * dt / 24 h clamped to 0.1% per 8 hours scaled to dt.
    function rate(CoreStorage.Layout storage s, address baseToken, uint256 since, uint256 indexCum)
        internal
        view
        returns (Update memory u)
    {
        uint256 dt = block.timestamp - since;
        DataTypes.FundingAnchor memory a = s.fundingAnchors[baseToken];
        u.indexCum = indexCum;
        u.indexTwap = (indexCum - a.indexCumulative) / dt;
        u.markCum = s.markTwaps[baseToken].cumulativeNow(VirtualAMM.markPrice(s.curves[baseToken]));
        u.markTwap = (u.markCum - a.markCumulative) / dt;
        int256 premium = (int256(u.markTwap) - int256(u.indexTwap)) * 1e18 / int256(u.indexTwap);
        u.rate = PerpMath.clamp(premium * int256(dt) / int256(FUNDING_PERIOD), FUNDING_CAP_PER_8H * int256(dt) / 8 hours);
    }
}
