// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClearingHouse} from "../interfaces/IClearingHouse.sol";
import {IVault} from "../interfaces/IVault.sol";
import {IVirtualAMM} from "../interfaces/IVirtualAMM.sol";
import {IPriceOracle} from "../interfaces/IPriceOracle.sol";
import {PerpMath} from "./libraries/PerpMath.sol";

/// @title AccountBalance
/// @notice Positions per account and market, the market registry, open interest and the
///         cross-margin account maths (PROTOCOL.md section 5, "Margin"). Inherited by the
///         ClearingHouse, so that a trade reads and writes positions without an external call.
///         An account's markets are a bitmap of market ids (at most 10 set), so every account
///         loop is bounded.
abstract contract AccountBalance is IClearingHouse {
    using PerpMath for uint256;

    /// @dev one storage slot
    struct Market {
        uint8 id;
        bool listed;
        bool paused;
        uint24 imRatio;
        uint24 mmRatio;
        uint24 feeRatio;
        uint24 insuranceFeeShare;
        uint24 liquidationPenaltyRatio;
        uint24 maxPriceMoveRatio;
        uint24 maxSpreadRatio;
        uint32 fundingInterval;
        uint32 mmRaisedAt; // last time the maintenance ratio was raised (PROTOCOL.md section 4 bounds)
    }

    struct OpenInterest {
        uint128 long;
        uint128 short;
    }

    struct OpenInterestCap {
        uint128 long;
        uint128 short;
    }

    struct FundingState {
        int128 cumulativeIndex; // quote per unit of base, 18 decimals
        int64 rate; // rate applied at the last update, 18 decimals, for the elapsed span
        uint64 lastTime;
    }

    /// @dev Account-wide figures at valuation prices.
    struct AccountState {
        int256 accountValue;
        uint256 initialRequirement;
        uint256 maintenanceRequirement;
        int256 anchoredValue; // at the anchor prices (Chainlink when fresh): the solvency guards
    }

    uint256 public constant MAX_MARKETS_PER_ACCOUNT = 10;
    /// @dev Set in every account bitmap once written, so that the slot never returns to zero
    ///      (re-opening after a full close then costs a warm write, not a fresh one). Market ids
    ///      are therefore below 255.
    uint256 internal constant ACCOUNT_TOUCHED = 1 << 255;
    uint32 public constant MARK_TWAP_WINDOW = 15 minutes;

    IVault public immutable vault;
    IVirtualAMM public immutable amm;
    IPriceOracle public immutable oracle;

    address[] internal _marketList; // by id
    mapping(address baseToken => Market) internal _markets;
    mapping(address baseToken => OpenInterest) internal _openInterest;
    mapping(address baseToken => OpenInterestCap) internal _oiCaps;
    mapping(address baseToken => FundingState) internal _funding;
    mapping(address trader => mapping(address baseToken => Position)) internal _positions;
    mapping(address trader => uint256) internal _accountMarkets; // bitmap of market ids | ACCOUNT_TOUCHED

    constructor(IVault vault_, IVirtualAMM amm_, IPriceOracle oracle_) {
        vault = vault_;
        amm = amm_;
        oracle = oracle_;
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IClearingHouse
    function getPosition(address trader, address baseToken) external view returns (Position memory) {
        return _positions[trader][baseToken];
    }

    /// @inheritdoc IClearingHouse
    function getAccountValue(address trader) external view returns (int256) {
        return _accountState(trader).accountValue;
    }

    /// @inheritdoc IClearingHouse
    function getMarginRequirements(address trader) external view returns (uint256 initial, uint256 maintenance) {
        AccountState memory s = _accountState(trader);
        return (s.initialRequirement, s.maintenanceRequirement);
    }

    /// @inheritdoc IClearingHouse
    /// @dev min(collateral, account value) - initial requirement; collateral includes pending
    ///      funding so that unrealised profit is never withdrawable.
    function getFreeCollateral(address trader) public view returns (int256) {
        AccountState memory s = _accountState(trader);
        int256 collateral = vault.balanceOf(trader) - _pendingFundingAll(trader);
        return PerpMath.min(collateral, s.accountValue) - int256(s.initialRequirement);
    }

    /// @inheritdoc IClearingHouse
    function isLiquidatable(address trader) public view returns (bool) {
        if (_marketBits(trader) == 0) return false;
        AccountState memory s = _accountState(trader);
        return s.accountValue < int256(s.maintenanceRequirement);
    }

    /// @notice Account value, requirements and whether the account can be liquidated, in one call.
    function getAccountState(address trader)
        external
        view
        returns (int256 accountValue, uint256 initialRequirement, uint256 maintenanceRequirement, bool liquidatable)
    {
        AccountState memory s = _accountState(trader);
        return (
            s.accountValue,
            s.initialRequirement,
            s.maintenanceRequirement,
            _marketBits(trader) != 0 && s.accountValue < int256(s.maintenanceRequirement)
        );
    }

    /// @inheritdoc IClearingHouse
    function getPendingFunding(address trader, address baseToken) public view returns (int256) {
        return _pendingFunding(_positions[trader][baseToken], _funding[baseToken].cumulativeIndex);
    }

    /// @inheritdoc IClearingHouse
    function getValuationPrice(address baseToken) public view returns (uint256 price, bool indexFresh) {
        _requireMarket(baseToken);
        (price,, indexFresh) = _prices(baseToken);
    }

    /// @inheritdoc IClearingHouse
    function getMarkPrice(address baseToken) external view returns (uint256) {
        return amm.getMarkPrice(baseToken);
    }

    /// @inheritdoc IClearingHouse
    function getIndexPrice(address baseToken) external view returns (uint256 price) {
        (price,) = oracle.getIndexPrice(baseToken);
    }

    /// @inheritdoc IClearingHouse
    function getMarkets() external view returns (address[] memory) {
        return _marketList;
    }

    /// @notice A market's configuration.
    function getMarket(address baseToken) external view returns (Market memory) {
        return _markets[baseToken];
    }

    /// @inheritdoc IClearingHouse
    function getAccountMarkets(address trader) external view returns (address[] memory tokens) {
        uint256 bitmap = _marketBits(trader);
        tokens = new address[](_popcount(bitmap));
        uint256 n;
        while (bitmap != 0) {
            uint256 id = _lowestBit(bitmap);
            bitmap &= bitmap - 1;
            tokens[n++] = _marketList[id];
        }
    }

    /// @inheritdoc IClearingHouse
    function getOpenInterest(address baseToken) external view returns (uint256 longSize, uint256 shortSize) {
        OpenInterest memory oi = _openInterest[baseToken];
        return (oi.long, oi.short);
    }

    /// @notice Open interest of all markets, both sides, at valuation prices (the liquidity
    ///         pool's utilisation). Bounded by the number of listed markets (at most 256).
    function openInterestNotional() external view returns (uint256 total) {
        uint256 n = _marketList.length;
        for (uint256 i; i < n; ++i) {
            address token = _marketList[i];
            OpenInterest memory oi = _openInterest[token];
            if (oi.long == 0 && oi.short == 0) continue;
            (uint256 price,,) = _prices(token);
            total += (uint256(oi.long) + oi.short).mulUp(price);
        }
    }

    /// @notice Per-side open-interest caps of a market (base units).
    function getOpenInterestCaps(address baseToken) external view returns (uint256 longCap, uint256 shortCap) {
        OpenInterestCap memory c = _oiCaps[baseToken];
        return (c.long, c.short);
    }

    // ------------------------------------------------------------------ internals

    function _requireMarket(address baseToken) internal view returns (Market memory m) {
        m = _markets[baseToken];
        if (!m.listed) revert UnknownMarket(baseToken);
    }


    /// @dev Funding a position owes since its last settlement (> 0: pays), rounded up.
    function _pendingFunding(Position memory p, int256 index) internal pure returns (int256) {
        if (p.size == 0) return 0;
        return PerpMath.mulCeilSigned(p.size, index - p.lastFundingIndex);
    }

    function _pendingFundingAll(address trader) internal view returns (int256 total) {
        uint256 bitmap = _marketBits(trader);
        while (bitmap != 0) {
            uint256 id = _lowestBit(bitmap);
            bitmap &= bitmap - 1;
            address token = _marketList[id];
            total += _pendingFunding(_positions[trader][token], _funding[token].cumulativeIndex);
        }
    }

    /// @dev Account value and requirements over all the account's markets.
    function _accountState(address trader) internal view returns (AccountState memory) {
        return _accountStateFrom(trader, vault.balanceOf(trader), address(0), 0, 0);
    }

    /// @dev `_accountState` with the collateral already known (a trade's settlement returns it)
    ///      and, for `known`, the valuation and anchor prices a trade has just observed.
    ///      Two valuations in one pass: at the valuation price (index, else the mark TWAP) for
    ///      margin and liquidation, and at the anchor price (Chainlink when fresh, which nobody
    ///      but the oracle network moves) for the solvency guards, so that a Pyth print pushed
    ///      inside the deviation band cannot make an account look solvent.
    function _accountStateFrom(address trader, int256 collateral, address known, uint256 knownPrice, uint256 knownAnchor)
        internal
        view
        returns (AccountState memory s)
    {
        s.accountValue = collateral;
        s.anchoredValue = collateral;
        uint256 bitmap = _marketBits(trader);
        while (bitmap != 0) {
            uint256 id = _lowestBit(bitmap);
            bitmap &= bitmap - 1;
            address token = _marketList[id];
            Position memory p = _positions[trader][token];
            (uint256 price, uint256 anchor) = (knownPrice, knownAnchor);
            if (token != known) (price, anchor,) = _prices(token);
            Market memory m = _markets[token];
            int256 rest = p.openNotional + _pendingFunding(p, _funding[token].cumulativeIndex);
            // value: size * price rounded down (against the account)
            s.accountValue += PerpMath.mulDivFloorSigned(p.size, price, 1e18) - rest;
            s.anchoredValue += PerpMath.mulDivFloorSigned(p.size, anchor, 1e18) - rest;
            uint256 notional = PerpMath.abs(p.size).mulUp(price);
            s.initialRequirement += notional.mulRatioUp(m.imRatio);
            s.maintenanceRequirement += notional.mulRatioUp(m.mmRatio);
        }
    }

    /// @dev (valuation price, anchor price, index fresh): index and Chainlink-anchored price
    ///      when fresh, else the 15-minute mark TWAP for both.
    function _prices(address baseToken) internal view returns (uint256 price, uint256 anchor, bool fresh) {
        IPriceOracle.Source source;
        (price, anchor, source) = oracle.getPrices(baseToken);
        if (source != IPriceOracle.Source.Stale) return (price, anchor, true);
        price = amm.getMarkTwap(baseToken, MARK_TWAP_WINDOW);
        return (price, price, false);
    }

    /// @dev The account's market ids as a bitmap (sentinel bit removed).
    function _marketBits(address trader) internal view returns (uint256) {
        return _accountMarkets[trader] & ~ACCOUNT_TOUCHED;
    }

    function _lowestBit(uint256 x) internal pure returns (uint256 r) {
        // x != 0; index of the lowest set bit
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

    function _popcount(uint256 x) internal pure returns (uint256 n) {
        while (x != 0) {
            x &= x - 1;
            ++n;
        }
    }
}
