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
    /// @dev Set once the account has queued a netting order: only then does a withdrawal read
    ///      its reserved margin. Market ids are therefore below 254.
    uint256 internal constant HAS_RESERVE = 1 << 254;
    uint256 internal constant FLAGS = ACCOUNT_TOUCHED | HAS_RESERVE;

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
        _updateAccountMarkets(s, trader, baseToken, id, f.oldSize, size);
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
        return pendingFunding(p.size, p.lastFundingIndex, index);
    }

    /// @notice Funding a position of `size` last settled at `lastIndex` owes at `index`.
    function pendingFunding(int256 size, int256 lastIndex, int256 index) internal pure returns (int256) {
        if (size == 0 || index == lastIndex) return 0;
        return PerpMath.mulCeilSigned(size, index - lastIndex);
    }

    /// @notice A position's fields, each of its two slots read once.
    function readPosition(CoreStorage.Layout storage s, address trader, address baseToken)
        internal
        view
        returns (int256 size, int256 openNotional, int256 lastFundingIndex)
    {
        DataTypes.Position storage p = s.positions[trader][baseToken];
        assembly ("memory-safe") {
            let w := sload(p.slot)
            size := signextend(15, w)
            openNotional := sar(128, w)
            lastFundingIndex := signextend(15, sload(add(p.slot, 1)))
        }
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
        return s.accountMarkets[trader] & ~FLAGS;
    }

    /// @notice Margin reserved by the account's queued netting orders (0 unless it ever queued).
    function reservedMargin(CoreStorage.Layout storage s, address trader) internal view returns (uint256) {
        return s.accountMarkets[trader] & HAS_RESERVE == 0 ? 0 : s.reservedMargin[trader];
    }

    /// @notice Index of the lowest set bit of `x` (x != 0): the bit is isolated, three
    ///         comparisons find its 32-bit word, and a de Bruijn multiplication and table give
    ///         its place in the word (Stanford "Bit Twiddling Hacks").
    function lowestBit(uint256 x) internal pure returns (uint256 r) {
        assembly ("memory-safe") {
            x := and(x, add(not(x), 1))
            r := shl(7, gt(x, 0xffffffffffffffffffffffffffffffff))
            r := or(r, shl(6, gt(shr(r, x), 0xffffffffffffffff)))
            r := or(r, shl(5, gt(shr(r, x), 0xffffffff)))
            r := or(
                r,
                byte(
                    shr(251, mul(shr(r, x), shl(224, 0x077cb531))),
                    0x00011c021d0e18031e16140f191104081f1b0d17151310071a0c12060b050a09
                )
            )
        }
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

    /// @notice PositionNFT's token id of `trader`'s position in the market of id `id`.
    function tokenId(address trader, uint256 id) internal pure returns (uint256) {
        return uint256(uint160(trader)) << 8 | id;
    }

    function _updateAccountMarkets(
        CoreStorage.Layout storage s,
        address trader,
        address baseToken,
        uint8 id,
        int256 oldSize,
        int256 newSize
    ) private {
        if ((oldSize == 0) == (newSize == 0)) return;
        uint256 raw = s.accountMarkets[trader];
        uint256 bitmap = raw & ~FLAGS;
        if (newSize == 0) {
            bitmap &= ~(uint256(1) << id);
            emit Ev.PositionBurned(trader, baseToken, tokenId(trader, id));
        } else {
            bitmap |= uint256(1) << id;
            if (popcount(bitmap) > MAX_MARKETS_PER_ACCOUNT) revert E.TooManyMarkets(trader, MAX_MARKETS_PER_ACCOUNT);
            emit Ev.PositionMinted(trader, baseToken, tokenId(trader, id));
        }
        s.accountMarkets[trader] = bitmap | (raw & HAS_RESERVE) | ACCOUNT_TOUCHED;
    }
}
