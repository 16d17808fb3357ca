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
    /// @dev Market ids below LOW_MARKETS are bits of the account's balance slot
    ///      (DataTypes.Balance.markets), which every trade writes anyway (its fee), so that opening
    ///      or closing a position there costs no write of its own. Ids from LOW_MARKETS on are bits
    ///      of `accountMarkets[trader]`, and HIGH_MARKETS in the balance slot says that it holds
    ///      any (only then is it read). Bit 29 is Ledger.SYSTEM_ACCOUNT.
    uint256 internal constant LOW_MARKETS = 29;
    uint256 internal constant LOW_MASK = (1 << LOW_MARKETS) - 1;
    /// @dev Set in the balance slot once the account has queued a netting order: only then does
    ///      a withdrawal read its reserved margin.
    uint256 internal constant HAS_RESERVE = 1 << 30;
    uint256 internal constant HIGH_MARKETS = 1 << 31;
    /// @dev Set in every `accountMarkets` word once written, so that the slot never returns to
    ///      zero (re-opening there after a full close then costs a warm write, not a fresh one).
    ///      Market ids are therefore below 255.
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
            settleFunding(s, trader, marketAt(s, id));
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
            address token = marketAt(s, id);
            total += pendingFunding(s.positions[trader][token], s.funding[token].cumulativeIndex);
        }
    }

    /// @notice The account's market ids as a bitmap (bit i: a position in market i).
    function marketBits(CoreStorage.Layout storage s, address trader) internal view returns (uint256 bits) {
        uint256 w = s.balances[trader].markets;
        bits = w & LOW_MASK;
        if (w & HIGH_MARKETS != 0) bits |= s.accountMarkets[trader] & ~ACCOUNT_TOUCHED;
    }

    /// @notice Margin reserved by the account's queued netting orders (0 unless it ever queued).
    function reservedMargin(CoreStorage.Layout storage s, address trader) internal view returns (uint256) {
        return s.balances[trader].markets & HAS_RESERVE == 0 ? 0 : s.reservedMargin[trader];
    }

    /// @notice Marks the account as holding a netting reserve (read by withdrawals from then on).
    function flagReserve(CoreStorage.Layout storage s, address trader) internal {
        DataTypes.Balance storage b = s.balances[trader];
        uint32 w = b.markets;
        if (w & HAS_RESERVE == 0) b.markets = w | uint32(HAS_RESERVE);
    }

    /// @notice The market of id `id`, read without the list's length: every id in an account's
    ///         bitmap (or a market's own id) is that of a listed market.
    function marketAt(CoreStorage.Layout storage s, uint256 id) internal view returns (address token) {
        address[] storage list = s.marketList;
        assembly ("memory-safe") {
            mstore(0, list.slot)
            token := sload(add(keccak256(0, 0x20), id))
        }
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
        // the (long, short) word read and written once (a struct copy writes member by member)
        DataTypes.OpenInterest storage oi = s.openInterest[baseToken];
        uint256 w;
        assembly ("memory-safe") {
            w := sload(oi.slot)
        }
        uint256 long = uint128(w);
        uint256 short = w >> 128;
        if (oldSize > 0) long -= uint256(oldSize);
        else short -= uint256(-oldSize);
        if (newSize > 0) long += uint256(newSize);
        else short += uint256(-newSize);
        if ((long | short) >> 128 != 0) revert E.AmountTooLarge(long > short ? long : short, type(uint128).max);
        assembly ("memory-safe") {
            sstore(oi.slot, or(long, shl(128, short)))
        }
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
        DataTypes.Balance storage b = s.balances[trader];
        uint256 w = b.markets;
        uint256 bit = uint256(1) << id;
        uint256 high; // ids from LOW_MARKETS on
        if (w & HIGH_MARKETS != 0 || id >= LOW_MARKETS) high = s.accountMarkets[trader] & ~ACCOUNT_TOUCHED;
        if (id < LOW_MARKETS) {
            w = newSize == 0 ? w & ~bit : w | bit;
        } else {
            high = newSize == 0 ? high & ~bit : high | bit;
            s.accountMarkets[trader] = high | ACCOUNT_TOUCHED;
            w = high == 0 ? w & ~HIGH_MARKETS : w | HIGH_MARKETS;
        }
        if (newSize == 0) {
            emit Ev.PositionBurned(trader, baseToken, tokenId(trader, id));
        } else {
            if (popcount((w & LOW_MASK) | high) > MAX_MARKETS_PER_ACCOUNT) {
                revert E.TooManyMarkets(trader, MAX_MARKETS_PER_ACCOUNT);
            }
            emit Ev.PositionMinted(trader, baseToken, tokenId(trader, id));
        }
        b.markets = uint32(w);
    }
}
