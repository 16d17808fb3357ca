// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClearingHouseErrors as E} from "../../interfaces/IClearingHouseErrors.sol";
import {IClearingHouseEvents as Ev} from "../../interfaces/IClearingHouseEvents.sol";
import {CoreStorage} from "../core/CoreStorage.sol";
import {DataTypes} from "../core/DataTypes.sol";
import {Ledger} from "./Ledger.sol";
import {PerpMath} from "./PerpMath.sol";

/// @title AccountBalance
/// @notice Booking a fill on an account (PROTOCOL.md section 3, "AccountBalance"): the
///         realised-PnL rule (pro rata to the cost basis, rounded against the trader), open
///         interest, the account's market set (a bitmap of market ids, at most 10 set, so every
///         account loop is bounded) and lazy funding settlement per position.
library AccountBalance {
    uint256 internal constant MAX_MARKETS_PER_ACCOUNT = 10;
    /// @dev Set in every account bitmap once written, so that the slot never returns to zero
    ///      (re-opening after a full close then costs a warm write, not a fresh one). Market ids
    ///      are therefore below 255.
    uint256 internal constant ACCOUNT_TOUCHED = 1 << 255;

    struct Fill {
        int256 oldSize;
        int256 newSize;
        int256 openNotional; // after the fill
        int256 realizedPnl;
    }

    /// @notice Books a fill of `exSize` base for `exNotional` quote (signed as the position:
    ///         + bought) on `trader`'s position, then open interest and the market bitmap.
    function book(
        CoreStorage.Layout storage s,
        address trader,
        address baseToken,
        uint8 id,
        int256 exSize,
        int256 exNotional
    ) internal returns (Fill memory f) {
        DataTypes.Position storage pos = s.positions[trader][baseToken];
        int256 size = pos.size;
        int256 open = pos.openNotional;
        f.oldSize = size;
        if (size == 0 || (size > 0) == (exSize > 0)) {
            open += exNotional;
        } else if (PerpMath.abs(exSize) <= PerpMath.abs(size)) {
            // reduce or close: the closed cost basis rounds towards +inf, so PnL rounds down
            int256 closedBasis = PerpMath.mulDivCeilSigned(open, PerpMath.abs(exSize), PerpMath.abs(size));
            f.realizedPnl = -(exNotional + closedBasis);
            open -= closedBasis;
        } else {
            // flip: the closing share of the exchanged notional rounds towards +inf
            int256 closedPart = PerpMath.mulDivCeilSigned(exNotional, PerpMath.abs(size), PerpMath.abs(exSize));
            f.realizedPnl = -(closedPart + open);
            open = exNotional - closedPart;
        }
        size += exSize;
        f.newSize = size;
        f.openNotional = open;
        if (size == 0) {
            delete s.positions[trader][baseToken];
        } else {
            pos.size = int128(size);
            pos.openNotional = int128(open);
        }
        _updateOpenInterest(s, baseToken, f.oldSize, size);
        _updateAccountMarkets(s, trader, id, f.oldSize, size);
    }

    /// @notice Settles `trader`'s pending funding in one market into its collateral (through
    ///         the funding escrow), rounded up against the trader.
    function settleFunding(CoreStorage.Layout storage s, address trader, address baseToken) internal {
        DataTypes.Position storage pos = s.positions[trader][baseToken];
        int128 index = s.funding[baseToken].cumulativeIndex;
        int128 last = pos.lastFundingIndex;
        if (index == last) return;
        int256 size = pos.size;
        pos.lastFundingIndex = index;
        if (size == 0) return;
        int256 payment = PerpMath.mulCeilSigned(size, int256(index) - last);
        if (payment != 0) Ledger.settleFunding(s, trader, payment);
        emit Ev.FundingSettled(trader, baseToken, payment);
    }

    /// @notice Settles `trader`'s pending funding in every market it holds.
    function settleAllFunding(CoreStorage.Layout storage s, address trader) internal {
        uint256 bitmap = marketBits(s, trader);
        while (bitmap != 0) {
            uint256 id = lowestBit(bitmap);
            bitmap &= bitmap - 1;
            settleFunding(s, trader, s.marketList[id]);
        }
    }

    /// @notice Funding a position owes since its last settlement (> 0: pays), rounded up.
    function pendingFunding(DataTypes.Position memory p, int256 index) internal pure returns (int256) {
        if (p.size == 0) return 0;
        return PerpMath.mulCeilSigned(p.size, index - p.lastFundingIndex);
    }

    /// @notice Pending funding over all of `trader`'s markets.
    function pendingFundingAll(CoreStorage.Layout storage s, address trader) internal view returns (int256 total) {
        uint256 bitmap = marketBits(s, trader);
        while (bitmap != 0) {
            uint256 id = lowestBit(bitmap);
            bitmap &= bitmap - 1;
            address token = s.marketList[id];
            total += pendingFunding(s.positions[trader][token], s.funding[token].cumulativeIndex);
        }
    }

    /// @notice The account's market ids as a bitmap (sentinel bit removed).
    function marketBits(CoreStorage.Layout storage s, address trader) internal view returns (uint256) {
        return s.accountMarkets[trader] & ~ACCOUNT_TOUCHED;
    }

    /// @notice Index of the lowest set bit of `x` (x != 0).
    function lowestBit(uint256 x) internal pure returns (uint256 r) {
        x &= (~x + 1);
        if (x >= 1 << 128) { x >>= 128; r += 128; }
        if (x >= 1 << 64) { x >>= 64; r += 64; }
        if (x >= 1 << 32) { x >>= 32; r += 32; }
        if (x >= 1 << 16) { x >>= 16; r += 16; }
        if (x >= 1 << 8) { x >>= 8; r += 8; }
        if (x >= 1 << 4) { x >>= 4; r += 4; }
        if (x >= 1 << 2) { x >>= 2; r += 2; }
        if (x >= 1 << 1) r += 1;
    }

    function popcount(uint256 x) internal pure returns (uint256 n) {
        while (x != 0) {
            x &= x - 1;
            ++n;
        }
    }

    function _updateOpenInterest(CoreStorage.Layout storage s, address baseToken, int256 oldSize, int256 newSize)
        private
    {
        DataTypes.OpenInterest memory oi = s.openInterest[baseToken];
        if (oldSize > 0) oi.long -= uint128(uint256(oldSize));
        else oi.short -= uint128(uint256(-oldSize));
        if (newSize > 0) oi.long += uint128(uint256(newSize));
        else oi.short += uint128(uint256(-newSize));
        s.openInterest[baseToken] = oi;
    }

    function _updateAccountMarkets(CoreStorage.Layout storage s, address trader, uint8 id, int256 oldSize, int256 newSize)
        private
    {
        if ((oldSize == 0) == (newSize == 0)) return;
        uint256 bitmap = marketBits(s, trader);
        if (newSize == 0) {
            bitmap &= ~(uint256(1) << id);
        } else {
            bitmap |= uint256(1) << id;
            if (popcount(bitmap) > MAX_MARKETS_PER_ACCOUNT) revert E.TooManyMarkets(trader, MAX_MARKETS_PER_ACCOUNT);
        }
        s.accountMarkets[trader] = bitmap | ACCOUNT_TOUCHED;
    }
}
