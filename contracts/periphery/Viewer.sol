// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClearingHouse} from "../../interfaces/IClearingHouse.sol";
import {DataTypes} from "../core/DataTypes.sol";

/// @title Viewer
/// @notice Batch reads for keepers, the SDK and the indexer. It has no account maths of its own:
///         `scan` and `liquidatable` read the core's `getAccountStates` (Margin, the one copy),
///         which reads each market's prices once per call; the Viewer only shapes the result.
contract Viewer {
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

    /// @notice The core.
    IClearingHouse public immutable clearingHouse;

    /// @param clearingHouse_ the core
    constructor(IClearingHouse clearingHouse_) {
        clearingHouse = clearingHouse_;
    }

    /// @notice Risk figures for every account in `traders` (valuation prices read once).
    function scan(address[] calldata traders) external view returns (AccountRisk[] memory out) {
        DataTypes.AccountState[] memory st = clearingHouse.getAccountStates(traders);
        out = new AccountRisk[](traders.length);
        for (uint256 i; i < traders.length; ++i) {
            out[i] = _risk(traders[i], st[i]);
        }
    }

    /// @notice Only the liquidatable accounts among `traders`, with their shortfall and the
    ///         market to liquidate first.
    function liquidatable(address[] calldata traders)
        external
        view
        returns (address[] memory accounts, uint256[] memory shortfalls, address[] memory firstMarkets)
    {
        DataTypes.AccountState[] memory st = clearingHouse.getAccountStates(traders);
        uint256 n;
        for (uint256 i; i < traders.length; ++i) {
            if (_isLiquidatable(st[i])) ++n;
        }
        accounts = new address[](n);
        shortfalls = new uint256[](n);
        firstMarkets = new address[](n);
        uint256 j;
        for (uint256 i; i < traders.length; ++i) {
            if (!_isLiquidatable(st[i])) continue;
            accounts[j] = traders[i];
            shortfalls[j] = uint256(int256(st[i].maintenanceRequirement) - st[i].accountValue);
            firstMarkets[j] = st[i].largestMarket;
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
            (v.baseReserve, v.quoteReserve) = clearingHouse.getReserves(t);
            (v.longOpenInterest, v.shortOpenInterest) = clearingHouse.getOpenInterest(t);
            (v.cumulativeFundingIndex, v.lastFundingRate,, v.lastFundingTime) = clearingHouse.getFundingState(t);
        }
    }

    /// @notice All positions of one account with their pending funding.
    function positions(address trader)
        external
        view
        returns (address[] memory tokens, DataTypes.Position[] memory pos, int256[] memory pendingFunding)
    {
        tokens = clearingHouse.getAccountMarkets(trader);
        pos = new DataTypes.Position[](tokens.length);
        pendingFunding = new int256[](tokens.length);
        for (uint256 i; i < tokens.length; ++i) {
            pos[i] = clearingHouse.getPosition(trader, tokens[i]);
            pendingFunding[i] = clearingHouse.getPendingFunding(trader, tokens[i]);
        }
    }

    function _risk(address trader, DataTypes.AccountState memory st) internal pure returns (AccountRisk memory r) {
        r.trader = trader;
        r.accountValue = st.accountValue;
        r.initialRequirement = st.initialRequirement;
        r.maintenanceRequirement = st.maintenanceRequirement;
        r.largestMarket = st.largestMarket;
        if (_isLiquidatable(st)) {
            r.liquidatable = true;
            r.shortfall = uint256(int256(st.maintenanceRequirement) - st.accountValue);
        }
    }

    /// @dev Holds a position (a largest market) and is below maintenance.
    function _isLiquidatable(DataTypes.AccountState memory st) internal pure returns (bool) {
        return st.largestMarket != address(0) && st.accountValue < int256(st.maintenanceRequirement);
    }
}
