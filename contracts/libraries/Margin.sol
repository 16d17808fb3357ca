// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IPriceOracle} from "../../interfaces/IPriceOracle.sol";
import {CoreStorage} from "../core/CoreStorage.sol";
import {DataTypes} from "../core/DataTypes.sol";
import {AccountBalance} from "./AccountBalance.sol";
import {PerpMath} from "./PerpMath.sol";
import {VirtualAMM} from "./VirtualAMM.sol";

/// @title Margin
/// @notice The one copy of the account maths (PROTOCOL.md section 5, "Margin"): the valuation
///         price, account value, requirements and free collateral. The core's trades, its
///         liquidations, its views and the Viewer's batch scans all value accounts here.
library Margin {
    using PerpMath for uint256;

    uint256 internal constant ONE = 1e18;
    uint256 internal constant RATIO_ONE = 1e6;
    /// @dev `_value`'s answer for an account it leaves to `_valueWide`.
    uint256 private constant WIDE = type(uint256).max;

    /// @notice A cache for the listed markets, empty: one null entry per market, allocated on first
    ///         use (`market`), so that a call that values no position allocates nothing more.
    function newCache(CoreStorage.Layout storage s) internal view returns (DataTypes.PriceCache memory c) {
        return _alloc(s.marketList.length);
    }

    /// @dev A cache of `n` null entries.
    function _alloc(uint256 n) private pure returns (DataTypes.PriceCache memory c) {
        DataTypes.MarketCache[] memory markets;
        assembly ("memory-safe") {
            markets := mload(0x40)
            mstore(markets, n)
            calldatacopy(add(markets, 0x20), calldatasize(), shl(5, n)) // zero pointers
            mstore(0x40, add(markets, add(0x20, shl(5, n))))
        }
        c.markets = markets;
    }

    /// @notice A cache for `trader`'s markets, with market `m` (id `m.id`, token `token`) loaded
    ///         at the prices the caller read: a trade values its own market without reading it
    ///         again, and the cache is only as long as the account's highest market id needs.
    function newCacheFor(
        CoreStorage.Layout storage s,
        address trader,
        address token,
        DataTypes.Market memory m,
        uint256 price,
        uint256 anchor
    ) internal view returns (DataTypes.PriceCache memory c) {
        c = _alloc(Math.log2(AccountBalance.marketBits(s, trader) | uint256(1) << m.id) + 1);
        c.markets[m.id] =
            DataTypes.MarketCache(token, m.imRatio, m.mmRatio, s.funding[token].cumulativeIndex, price, anchor);
    }

    /// @notice Market `id`'s cache entry, allocated (empty) on first use.
    function market(DataTypes.PriceCache memory cache, uint256 id)
        internal
        pure
        returns (DataTypes.MarketCache memory mc)
    {
        mc = cache.markets[id];
        if (_isNull(mc)) {
            mc = DataTypes.MarketCache(address(0), 0, 0, 0, 0, 0);
            cache.markets[id] = mc;
        }
    }

    /// @notice Sets market `id`'s prices in `cache` (a caller that has read them already).
    function setPrices(DataTypes.PriceCache memory cache, uint256 id, uint256 price, uint256 anchor) internal pure {
        DataTypes.MarketCache memory mc = market(cache, id);
        (mc.price, mc.anchor) = (price, anchor);
    }

    function _isNull(DataTypes.MarketCache memory mc) private pure returns (bool isNull) {
        assembly ("memory-safe") {
            isNull := iszero(mc)
        }
    }

    /// @notice (valuation price, anchor price, index fresh): the index and the Chainlink-anchored
    ///         price when fresh, else the 15-minute mark TWAP for both.
    function prices(CoreStorage.Layout storage s, IPriceOracle oracle, address baseToken)
        internal
        view
        returns (uint256 price, uint256 anchor, bool fresh)
    {
        IPriceOracle.Source source;
        (price, anchor, source) = oracle.getPrices(baseToken);
        if (source != IPriceOracle.Source.Stale) return (price, anchor, true);
        price = VirtualAMM.markTwap(s.curves[baseToken], s.markTwaps[baseToken], VirtualAMM.MARK_TWAP_WINDOW);
        return (price, price, false);
    }

    /// @notice Account value and requirements over all the account's markets, with the
    ///         collateral known; each market's figures come from `cache` (read once per market
    ///         and call). Two valuations in one pass: at the valuation price for margin and
    ///         liquidation, at the anchor price (Chainlink when fresh, which nobody but the
    ///         oracle network moves) for the solvency guards, so that a Pyth print pushed inside
    ///         the deviation band cannot make an account look solvent.
    function accountState(
        CoreStorage.Layout storage s,
        IPriceOracle oracle,
        address trader,
        int256 collateral,
        DataTypes.PriceCache memory cache
    ) internal view returns (DataTypes.AccountState memory st) {
        fillAccountState(st, s, oracle, trader, collateral, cache);
    }

    /// @notice `accountState` written into `st` (every field), e.g. in place in a batch's answer.
    function fillAccountState(
        DataTypes.AccountState memory st,
        CoreStorage.Layout storage s,
        IPriceOracle oracle,
        address trader,
        int256 collateral,
        DataTypes.PriceCache memory cache
    ) internal view {
        uint256 status;
        while ((status = _value(st, s, trader, collateral, cache)) != 0) {
            if (status == WIDE) return _valueWide(st, s, oracle, trader, collateral, cache);
            _load(s, oracle, status - 1, market(cache, status - 1));
        }
    }

    /// @dev Values `trader`'s account into `st`, every market's figures from `cache`. Returns 0
    ///      when done; otherwise it stopped, and returns id + 1 of a market not yet in `cache`
    ///      (the caller loads it and calls again: at most once per market and call), or WIDE
    ///      when a price is 2^128 or more (then _valueWide values the account). Per position:
    ///        value    += floor(size * price) - openNotional - ceil(size * (index - lastIndex))
    ///                    (and the same at the anchor price)
    ///        notional  = ceil(|size| * price);  requirement += ceil(notional * ratio)
    ///      (prices and indexes 18 decimals, ratios 1e6), every rounding against the account.
    ///      The largest notional's market is the first (lowest id) of the largest. Every operand
    ///      is in range for plain 256-bit arithmetic: size, openNotional and the funding indexes
    ///      are int128 (their differences below 2^128 in size), prices below 2^128 (else WIDE),
    ///      ratios below 2^24, so every product fits 255 bits, and every sum (at most 10
    ///      positions over a ledger balance, below 2^200) fits an int256. _valueWide is the same
    ///      maths with 512-bit products and checked sums.
    function _value(
        DataTypes.AccountState memory st,
        CoreStorage.Layout storage s,
        address trader,
        int256 collateral,
        DataTypes.PriceCache memory cache
    ) private view returns (uint256 status) {
        uint256 bitmap = AccountBalance.marketBits(s, trader);
        uint256 traderSlot; // positions[trader]
        {
            mapping(address => mapping(address => DataTypes.Position)) storage positions = s.positions;
            assembly ("memory-safe") {
                mstore(0, trader)
                mstore(0x20, positions.slot)
                traderSlot := keccak256(0, 0x40)
            }
        }
        assembly ("memory-safe") {
            mstore(st, collateral) // accountValue
            mstore(add(st, 0x20), 0) // initialRequirement
            mstore(add(st, 0x40), 0) // maintenanceRequirement
            mstore(add(st, 0x60), collateral) // anchoredValue
            mstore(add(st, 0x80), 0) // largestNotional
            mstore(add(st, 0xa0), 0) // largestMarket
            for {} bitmap {} {
                let mc // the market's MarketCache
                {
                    // the lowest set bit's index (AccountBalance.lowestBit), and clear it
                    let x := and(bitmap, add(not(bitmap), 1))
                    bitmap := xor(bitmap, x)
                    let id := shl(7, gt(x, 0xffffffffffffffffffffffffffffffff))
                    id := or(id, shl(6, gt(shr(id, x), 0xffffffffffffffff)))
                    id := or(id, shl(5, gt(shr(id, x), 0xffffffff)))
                    id := or(
                        id,
                        byte(
                            shr(251, mul(shr(id, x), shl(224, 0x077cb531))),
                            0x00011c021d0e18031e16140f191104081f1b0d17151310071a0c12060b050a09
                        )
                    )
                    let markets := mload(cache) // cache.markets
                    if iszero(lt(id, mload(markets))) {
                        mstore(0, shl(224, 0x4e487b71)) // Panic(0x32): array index out of bounds
                        mstore(4, 0x32)
                        revert(0, 0x24)
                    }
                    mc := mload(add(add(markets, 0x20), shl(5, id)))
                    if iszero(mul(mc, mload(mc))) {
                        status := add(id, 1) // not loaded yet (no entry, or only its prices set)
                        break
                    }
                }
                if shr(128, or(mload(add(mc, 0x80)), mload(add(mc, 0xa0)))) {
                    status := not(0) // WIDE
                    break
                }
                let size
                let rest // openNotional + pending funding
                {
                    // the position: (size, openNotional) in one slot, lastFundingIndex in the next
                    mstore(0, mload(mc))
                    mstore(0x20, traderSlot)
                    let slot := keccak256(0, 0x40)
                    let w := sload(slot)
                    size := signextend(15, w)
                    rest := sar(128, w)
                    // pending funding: size * (index - lastFundingIndex), rounded up
                    let f := mul(size, sub(mload(add(mc, 0x60)), signextend(15, sload(add(slot, 1)))))
                    if f {
                        let q := sdiv(f, ONE)
                        rest := add(rest, add(q, and(sgt(f, 0), iszero(iszero(smod(f, ONE))))))
                    }
                }
                // value at the valuation and at the anchor price, each rounded down
                {
                    let v := mul(size, mload(add(mc, 0x80)))
                    let q := sub(sdiv(v, ONE), and(slt(v, 0), iszero(iszero(smod(v, ONE)))))
                    mstore(st, add(mload(st), sub(q, rest)))
                }
                {
                    let v := mul(size, mload(add(mc, 0xa0)))
                    let q := sub(sdiv(v, ONE), and(slt(v, 0), iszero(iszero(smod(v, ONE)))))
                    let p := add(st, 0x60)
                    mstore(p, add(mload(p), sub(q, rest)))
                }
                // notional and requirements, rounded up
                if slt(size, 0) { size := sub(0, size) }
                let notional
                {
                    let v := mul(size, mload(add(mc, 0x80)))
                    notional := add(div(v, ONE), iszero(iszero(mod(v, ONE))))
                }
                {
                    let v := mul(notional, mload(add(mc, 0x20)))
                    let p := add(st, 0x20)
                    mstore(p, add(mload(p), add(div(v, RATIO_ONE), iszero(iszero(mod(v, RATIO_ONE))))))
                    v := mul(notional, mload(add(mc, 0x40)))
                    p := add(st, 0x40)
                    mstore(p, add(mload(p), add(div(v, RATIO_ONE), iszero(iszero(mod(v, RATIO_ONE))))))
                }
                if gt(notional, mload(add(st, 0x80))) {
                    mstore(add(st, 0x80), notional)
                    mstore(add(st, 0xa0), mload(mc))
                }
            }
        }
    }

    /// @dev `_value` with 512-bit products and checked sums, for an account with a price of
    ///      2^128 or more (never in practice).
    function _valueWide(
        DataTypes.AccountState memory st,
        CoreStorage.Layout storage s,
        IPriceOracle oracle,
        address trader,
        int256 collateral,
        DataTypes.PriceCache memory cache
    ) private view {
        (st.accountValue, st.initialRequirement, st.maintenanceRequirement) = (collateral, 0, 0);
        (st.anchoredValue, st.largestNotional, st.largestMarket) = (collateral, 0, address(0));
        uint256 bitmap = AccountBalance.marketBits(s, trader);
        while (bitmap != 0) {
            uint256 id = AccountBalance.lowestBit(bitmap);
            bitmap &= bitmap - 1;
            DataTypes.MarketCache memory mc = market(cache, id);
            if (mc.token == address(0)) _load(s, oracle, id, mc);
            _addPositionWide(st, s, trader, mc);
        }
    }

    function _addPositionWide(
        DataTypes.AccountState memory st,
        CoreStorage.Layout storage s,
        address trader,
        DataTypes.MarketCache memory mc
    ) private view {
        (int256 size, int256 open, int256 last) = AccountBalance.readPosition(s, trader, mc.token);
        int256 rest = open + AccountBalance.pendingFunding(size, last, mc.fundingIndex);
        st.accountValue += PerpMath.mulDivFloorSigned(size, mc.price, 1e18) - rest;
        st.anchoredValue += PerpMath.mulDivFloorSigned(size, mc.anchor, 1e18) - rest;
        uint256 notional = PerpMath.abs(size).mulUp(mc.price);
        st.initialRequirement += notional.mulRatioUp(mc.imRatio);
        st.maintenanceRequirement += notional.mulRatioUp(mc.mmRatio);
        if (notional > st.largestNotional) (st.largestNotional, st.largestMarket) = (notional, mc.token);
    }

    /// @dev Reads market `id`'s figures into `mc`, and its prices unless the caller set them.
    function _load(CoreStorage.Layout storage s, IPriceOracle oracle, uint256 id, DataTypes.MarketCache memory mc)
        private
        view
    {
        address token = AccountBalance.marketAt(s, id);
        DataTypes.Market storage m = s.markets[token];
        (mc.token, mc.imRatio, mc.mmRatio) = (token, m.imRatio, m.mmRatio);
        mc.fundingIndex = s.funding[token].cumulativeIndex;
        if (mc.price == 0) (mc.price, mc.anchor,) = prices(s, oracle, token);
    }

    /// @notice min(collateral - pending funding, account value) - initial requirement: pending
    ///         funding counts so that unrealised profit is never withdrawable.
    function freeCollateral(CoreStorage.Layout storage s, IPriceOracle oracle, address trader, int256 collateral)
        internal
        view
        returns (int256)
    {
        uint256 bits = AccountBalance.marketBits(s, trader);
        DataTypes.PriceCache memory cache = _alloc(bits == 0 ? 0 : Math.log2(bits) + 1);
        DataTypes.AccountState memory st = accountState(s, oracle, trader, collateral, cache);
        int256 settled = collateral - AccountBalance.pendingFundingAll(s, trader);
        return PerpMath.min(settled, st.accountValue) - int256(st.initialRequirement);
    }

    /// @notice True when the account holds a position and its value is below maintenance.
    function isLiquidatable(DataTypes.AccountState memory st, bool hasPosition) internal pure returns (bool) {
        return hasPosition && st.accountValue < int256(st.maintenanceRequirement);
    }
}
