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
/// @notice The one trade pipeline (PROTOCOL.md section 5): settle the position's funding, price
///         the fill on the curve (VirtualAMM), check the caller's bound, book it on the account
///         (AccountBalance), charge the fee (Ledger). Opening, increasing, reducing, flipping,
///         closing and liquidating all go through `trade`; callers add their own checks.
library Trading {
    using PerpMath for uint256;

    function trade(CoreStorage.Layout storage s, DataTypes.TradeParams memory p, DataTypes.Market memory m)
        internal
        returns (DataTypes.TradeResult memory r)
    {
        AccountBalance.settleFunding(s, p.trader, p.baseToken);
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
        int256 exSize = p.isBaseToQuote ? -int256(r.base) : int256(r.base);
        int256 exNotional = p.isBaseToQuote ? -int256(r.quote) : int256(r.quote);
        AccountBalance.Fill memory f = AccountBalance.book(s, p.trader, p.baseToken, m.id, exSize, exNotional);
        (r.oldSize, r.newSize, r.realizedPnl) = (f.oldSize, f.newSize, f.realizedPnl);
        r.fee = r.quote.mulRatioUp(m.feeRatio);
        r.collateral = Ledger.settleTrade(s, p.trader, r.realizedPnl, r.fee, r.fee.mulRatioUp(m.insuranceFeeShare));
        emit Ev.PositionChanged(
            p.trader, p.baseToken, exSize, exNotional, r.fee, f.openNotional, r.realizedPnl, r.markPrice
        );
    }
}
