// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClearingHouseErrors as E} from "../../interfaces/IClearingHouseErrors.sol";
import {CoreStorage} from "../core/CoreStorage.sol";
import {DataTypes} from "../core/DataTypes.sol";
import {PerpMath} from "./PerpMath.sol";

/// @title Netting
/// @notice What the netting engine's two logic contracts share (PROTOCOL.md section 5, "Netting
///         engine"): order statuses and cancel reasons, the reserve of an order, its release,
///         the batch window.
library Netting {
    using PerpMath for uint256;

    uint8 internal constant IDLE = 0;
    uint8 internal constant COLLECT = 1;
    uint8 internal constant CHECK = 2;
    uint8 internal constant FILL = 3;

    uint8 internal constant QUEUED = 1;
    uint8 internal constant DROPPED = 2;
    uint8 internal constant CANCELLED = 3; // + reason

    uint8 internal constant BY_TRADER = 0;
    uint8 internal constant EXPIRED = 1;
    uint8 internal constant MARGIN_FAILED = 2;
    uint8 internal constant NOTHING_TO_REDUCE = 3;

    uint256 internal constant RESERVE_UNIT = 1e12;
    uint256 internal constant MAX_EXECUTION_FEE = 100e18;
    uint32 internal constant MAX_BATCH_WINDOW = 60;

    /// @dev Worst-case margin of an order filled whole at its acceptable price, with the
    ///      trading and execution fees, rounded up to the reserve unit: the initial requirement on
    ///      its size at the valuation price (none for reduce-only), the loss of filling at the
    ///      acceptable price instead of the valuation price, the fee on its notional.
    function reserve(
        DataTypes.Market memory m,
        int256 size,
        uint256 acceptable,
        uint256 price,
        bool reduceOnly,
        uint256 executionFee
    ) internal pure returns (uint256 r) {
        uint256 absSize = PerpMath.abs(size);
        r = absSize.mulUp(acceptable).mulRatioUp(m.feeRatio) + executionFee;
        if (!reduceOnly) r += absSize.mulUp(price).mulRatioUp(m.imRatio);
        if (size > 0 ? acceptable > price : price > acceptable) {
            r += absSize.mulUp(size > 0 ? acceptable - price : price - acceptable);
        }
        r = (r + (RESERVE_UNIT - 1)) / RESERVE_UNIT * RESERVE_UNIT; // rounded up; sizes, prices < 2^120
        if (r / RESERVE_UNIT > type(uint64).max) revert E.AmountTooLarge(r, uint256(type(uint64).max) * RESERVE_UNIT);
    }

    /// @dev Releases an order's reserve and its count.
    function release(CoreStorage.Layout storage s, address baseToken, DataTypes.Order memory o) internal {
        s.reservedMargin[o.trader] -= uint256(o.reserve) * RESERVE_UNIT;
        DataTypes.OrderCount storage n = s.orderCounts[o.trader][baseToken];
        if (o.size > 0) --n.longs;
        else --n.shorts;
        if (o.reduceOnly) --n.reduceOnly;
    }

    function window(CoreStorage.Layout storage s) internal view returns (uint256) {
        uint256 w = s.batchWindow;
        return w == 0 ? 1 : w;
    }
}
