// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClearingHouseErrors as E} from "../../interfaces/IClearingHouseErrors.sol";
import {IClearingHouseEvents as Ev} from "../../interfaces/IClearingHouseEvents.sol";
import {CoreStorage} from "../core/CoreStorage.sol";
import {DataTypes} from "../core/DataTypes.sol";
import {AccountBalance} from "./AccountBalance.sol";
import {Ledger} from "./Ledger.sol";
import {PerpMath} from "./PerpMath.sol";
import {VirtualAMM} from "./VirtualAMM.sol";

/// @title Trading
/// @notice The one trade pipeline (PROTOCOL.md section 5): price the fill on the curve
///         (VirtualAMM), check the caller's bound, then book it (`book`: settle the position's
///         funding, realised PnL, open interest and market set in AccountBalance, the fee in the
///         Ledger). Opening, increasing, reducing, flipping, closing and liquidating all go
///         through `trade`; the netting engine prices a whole batch with one swap and books each
///         of its fills with the same `book`. Callers add their own checks.
library Trading {
    using PerpMath for uint256;

    function trade(CoreStorage.Layout storage s, DataTypes.TradeParams memory p, DataTypes.Market memory m)
        internal
        returns (DataTypes.TradeResult memory r)
    {
        VirtualAMM.Swap memory sw = VirtualAMM.swap(
            s.curves[p.baseToken],
            s.markTwaps[p.baseToken],
            p.baseToken,
            p.isBaseToQuote,
            p.isExactInput,
            p.amount,
            p.isLiquidation ? 0 : m.maxPriceMoveRatio
        );
        (r.base, r.quote, r.markPrice, r.oldMarkPrice) = (sw.base, sw.quote, sw.newPrice, sw.oldPrice);
        if (p.oppositeAmountBound != 0) {
            uint256 opposite = p.isBaseToQuote == p.isExactInput ? r.quote : r.base;
            if (p.isExactInput ? opposite < p.oppositeAmountBound : opposite > p.oppositeAmountBound) {
                revert E.SlippageExceeded(opposite, p.oppositeAmountBound);
            }
        }
        book(
            s,
            p.trader,
            p.baseToken,
            m,
            p.isBaseToQuote ? -int256(r.base) : int256(r.base),
            p.isBaseToQuote ? -int256(r.quote) : int256(r.quote),
            r
        );
    }

    /// @notice Books one fill of `exSize` base for `exNotional` quote (both signed as the
    ///         position: + bought) on `trader`: its pending funding first, then realised PnL, open
    ///         interest and market set, and the trading fee on the notional with its insurance and
    ///         pool shares; emits PositionChanged at `r.markPrice`. Fills `r`'s booking fields.
    function book(
        CoreStorage.Layout storage s,
        address trader,
        address baseToken,
        DataTypes.Market memory m,
        int256 exSize,
        int256 exNotional,
        DataTypes.TradeResult memory r
    ) internal {
        AccountBalance.settleFunding(s, trader, baseToken);
        AccountBalance.Fill memory f = AccountBalance.book(s, trader, baseToken, m.id, exSize, exNotional);
        (r.oldSize, r.newSize, r.realizedPnl) = (f.oldSize, f.newSize, f.realizedPnl);
        r.fee = PerpMath.abs(exNotional).mulRatioUp(m.feeRatio);
        r.collateral = Ledger.settleTrade(s, trader, r.realizedPnl, r.fee, r.fee.mulRatioUp(m.insuranceFeeShare));
        emit Ev.PositionChanged(trader, baseToken, exSize, exNotional, r.fee, f.openNotional, r.realizedPnl, r.markPrice);
    }
}
