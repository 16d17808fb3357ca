// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IClearingHouse} from "../interfaces/IClearingHouse.sol";
import {IVault} from "../interfaces/IVault.sol";
import {ClearingHouse} from "./ClearingHouse.sol";
import {AccountBalance} from "./AccountBalance.sol";
import {PerpMath} from "./libraries/PerpMath.sol";

/// @title Viewer
/// @notice Batch reads for keepers, the SDK and the indexer. `scan` values many accounts in one
///         call with each market's valuation price read once (the ClearingHouse reads the oracle
///         per account and market), using the same formulas and roundings as the ClearingHouse
///         (tests assert equality account by account).
contract Viewer {
    using PerpMath for uint256;

    struct AccountRisk {
        address trader;
        int256 accountValue;
        uint256 initialRequirement;
        uint256 maintenanceRequirement;
        bool liquidatable;
        uint256 shortfall; // maintenance requirement - account value, when liquidatable
        address largestMarket; // market of the largest position notional (liquidate it first)
    }

    struct MarketView {
        address baseToken;
        uint256 markPrice;
        uint256 indexPrice;
        bool indexFresh;
        uint256 valuationPrice;
        uint256 baseReserve;
        uint256 quoteReserve;
        uint256 longOpenInterest;
        uint256 shortOpenInterest;
        int256 cumulativeFundingIndex;
        int256 lastFundingRate;
        uint256 lastFundingTime;
    }

    ClearingHouse public immutable clearingHouse;
    IVault public immutable vault;

    constructor(ClearingHouse clearingHouse_) {
        clearingHouse = clearingHouse_;
        vault = clearingHouse_.vault();
    }

    /// @notice Risk figures for every account in `traders` (valuation prices read once).
    function scan(address[] calldata traders) external view returns (AccountRisk[] memory out) {
        (address[] memory markets, uint256[] memory prices) = _prices();
        out = new AccountRisk[](traders.length);
        for (uint256 i; i < traders.length; ++i) {
            out[i] = _risk(traders[i], markets, prices);
        }
    }

    /// @notice Only the liquidatable accounts among `traders`, with their shortfall and the
    ///         market to liquidate first.
    function liquidatable(address[] calldata traders)
        external
        view
        returns (address[] memory accounts, uint256[] memory shortfalls, address[] memory firstMarkets)
    {
        (address[] memory markets, uint256[] memory prices) = _prices();
        AccountRisk[] memory all = new AccountRisk[](traders.length);
        uint256 n;
        for (uint256 i; i < traders.length; ++i) {
            all[i] = _risk(traders[i], markets, prices);
            if (all[i].liquidatable) ++n;
        }
        accounts = new address[](n);
        shortfalls = new uint256[](n);
        firstMarkets = new address[](n);
        uint256 j;
        for (uint256 i; i < traders.length; ++i) {
            if (!all[i].liquidatable) continue;
            accounts[j] = all[i].trader;
            shortfalls[j] = all[i].shortfall;
            firstMarkets[j] = all[i].largestMarket;
            ++j;
        }
    }

    /// @notice Every listed market's prices, reserves, open interest and funding state.
    function markets() external view returns (MarketView[] memory out) {
        address[] memory tokens = clearingHouse.getMarkets();
        out = new MarketView[](tokens.length);
        for (uint256 i; i < tokens.length; ++i) {
            MarketView memory v = out[i];
            address t = tokens[i];
            v.baseToken = t;
            v.markPrice = clearingHouse.getMarkPrice(t);
            (v.valuationPrice, v.indexFresh) = clearingHouse.getValuationPrice(t);
            v.indexPrice = v.indexFresh ? v.valuationPrice : 0;
            (v.baseReserve, v.quoteReserve) = clearingHouse.amm().getReserves(t);
            (v.longOpenInterest, v.shortOpenInterest) = clearingHouse.getOpenInterest(t);
            (v.cumulativeFundingIndex, v.lastFundingRate,, v.lastFundingTime) = clearingHouse.getFundingState(t);
        }
    }

    /// @notice All positions of one account with their pending funding.
    function positions(address trader)
        external
        view
        returns (address[] memory tokens, IClearingHouse.Position[] memory pos, int256[] memory pendingFunding)
    {
        tokens = clearingHouse.getAccountMarkets(trader);
        pos = new IClearingHouse.Position[](tokens.length);
        pendingFunding = new int256[](tokens.length);
        for (uint256 i; i < tokens.length; ++i) {
            pos[i] = clearingHouse.getPosition(trader, tokens[i]);
            pendingFunding[i] = clearingHouse.getPendingFunding(trader, tokens[i]);
        }
    }

    // ------------------------------------------------------------------ internals

    function _prices() internal view returns (address[] memory tokens, uint256[] memory prices) {
        tokens = clearingHouse.getMarkets();
        prices = new uint256[](tokens.length);
        for (uint256 i; i < tokens.length; ++i) {
            (prices[i],) = clearingHouse.getValuationPrice(tokens[i]);
        }
    }

    /// @dev Same maths and rounding as AccountBalance._accountState.
    function _risk(address trader, address[] memory tokens, uint256[] memory prices)
        internal
        view
        returns (AccountRisk memory r)
    {
        r.trader = trader;
        r.accountValue = vault.balanceOf(trader);
        address[] memory held = clearingHouse.getAccountMarkets(trader);
        uint256 largest;
        for (uint256 i; i < held.length; ++i) {
            address t = held[i];
            uint256 price = prices[_indexOf(tokens, t)];
            IClearingHouse.Position memory p = clearingHouse.getPosition(trader, t);
            AccountBalance.Market memory m = clearingHouse.getMarket(t);
            r.accountValue += PerpMath.mulDivFloorSigned(p.size, price, 1e18) - p.openNotional
                - clearingHouse.getPendingFunding(trader, t);
            uint256 notional = PerpMath.abs(p.size).mulUp(price);
            r.initialRequirement += notional.mulRatioUp(m.imRatio);
            r.maintenanceRequirement += notional.mulRatioUp(m.mmRatio);
            if (notional > largest) {
                largest = notional;
                r.largestMarket = t;
            }
        }
        if (held.length != 0 && r.accountValue < int256(r.maintenanceRequirement)) {
            r.liquidatable = true;
            r.shortfall = uint256(int256(r.maintenanceRequirement) - r.accountValue);
        }
    }

    function _indexOf(address[] memory tokens, address t) internal pure returns (uint256 i) {
        while (tokens[i] != t) ++i; // t is a listed market (at most 256)
    }
}
