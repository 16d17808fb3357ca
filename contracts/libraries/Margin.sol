// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

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

    /// @notice A price cache for the listed markets, empty.
    function newCache(CoreStorage.Layout storage s) internal view returns (DataTypes.PriceCache memory c) {
        uint256 n = s.marketList.length;
        c.price = new uint256[](n);
        c.anchor = new uint256[](n);
    }

    /// @notice A price cache for one account's markets (`bitmap`), with one market's prices and
    ///         token already known: no read of the market list.
    function cacheFor(uint256 bitmap, uint8 id, address token, uint256 price, uint256 anchor)
        internal
        pure
        returns (DataTypes.PriceCache memory c)
    {
        uint256 n = uint256(id) + 1;
        for (uint256 b = bitmap >> n; b != 0; b >>= 1) ++n; // up to the highest id held
        c.price = new uint256[](n);
        c.anchor = new uint256[](n);
        c.price[id] = price;
        c.anchor[id] = anchor;
        c.known = token;
        c.knownId = id;
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
    ///         collateral known; prices come from `cache` (read once per market and call).
    ///         Two valuations in one pass: at the valuation price for margin and liquidation, at
    ///         the anchor price (Chainlink when fresh, which nobody but the oracle network moves)
    ///         for the solvency guards, so that a Pyth print pushed inside the deviation band
    ///         cannot make an account look solvent.
    function accountState(
        CoreStorage.Layout storage s,
        IPriceOracle oracle,
        address trader,
        int256 collateral,
        DataTypes.PriceCache memory cache
    ) internal view returns (DataTypes.AccountState memory st) {
        st.accountValue = collateral;
        st.anchoredValue = collateral;
        uint256 bitmap = AccountBalance.marketBits(s, trader);
        while (bitmap != 0) {
            uint256 id = AccountBalance.lowestBit(bitmap);
            bitmap &= bitmap - 1;
            address token = id == cache.knownId && cache.known != address(0) ? cache.known : s.marketList[id];
            uint256 price = cache.price[id];
            if (price == 0) {
                (price, cache.anchor[id],) = prices(s, oracle, token);
                cache.price[id] = price;
            }
            DataTypes.Position memory p = s.positions[trader][token];
            DataTypes.Market memory m = s.markets[token];
            int256 rest = p.openNotional + AccountBalance.pendingFunding(p, s.funding[token].cumulativeIndex);
            // value: size * price rounded down (against the account)
            st.accountValue += PerpMath.mulDivFloorSigned(p.size, price, 1e18) - rest;
            st.anchoredValue += PerpMath.mulDivFloorSigned(p.size, cache.anchor[id], 1e18) - rest;
            uint256 notional = PerpMath.abs(p.size).mulUp(price);
            st.initialRequirement += notional.mulRatioUp(m.imRatio);
            st.maintenanceRequirement += notional.mulRatioUp(m.mmRatio);
            if (notional > st.largestNotional) {
                st.largestNotional = notional;
                st.largestMarket = token;
            }
        }
    }

    /// @notice min(collateral - pending funding, account value) - initial requirement: pending
    ///         funding counts so that unrealised profit is never withdrawable.
    function freeCollateral(CoreStorage.Layout storage s, IPriceOracle oracle, address trader, int256 collateral)
        internal
        view
        returns (int256)
    {
        DataTypes.AccountState memory st = accountState(s, oracle, trader, collateral, newCache(s));
        int256 settled = collateral - AccountBalance.pendingFundingAll(s, trader);
        return PerpMath.min(settled, st.accountValue) - int256(st.initialRequirement);
    }

    /// @notice True when the account holds a position and its value is below maintenance.
    function isLiquidatable(DataTypes.AccountState memory st, bool hasPosition) internal pure returns (bool) {
        return hasPosition && st.accountValue < int256(st.maintenanceRequirement);
    }
}
