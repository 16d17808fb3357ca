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

    /// @dev Accounts per core call: each external call gets fresh memory, so the quadratic
    ///      memory cost of a batch never grows with the whole scan.
    uint256 internal constant CHUNK = 100;
    /// @dev ABI sizes of an AccountState (the core's answer) and of an AccountRisk (the scan's).
    uint256 internal constant STATE_BYTES = 6 * 32;
    uint256 internal constant RISK_BYTES = 7 * 32;

    /// @notice Risk figures for every account in `traders` (valuation prices read once per chunk).
    /// @dev The answer is written once, in place in its ABI encoding (a static struct array:
    ///      offset, length, seven words per account), straight from each chunk's return data:
    ///      no intermediate array of states, and memory linear in the number of accounts.
    function scan(address[] calldata traders) external view returns (AccountRisk[] memory) {
        uint256 n = traders.length;
        uint256 out;
        uint256 size = 0x40 + n * RISK_BYTES;
        assembly ("memory-safe") {
            out := mload(0x40)
            mstore(out, 0x20)
            mstore(add(out, 0x20), n)
            mstore(0x40, add(out, size))
        }
        for (uint256 i; i < n; i += CHUNK) {
            uint256 end = i + CHUNK < n ? i + CHUNK : n;
            _scanChunk(traders[i:end], out + 0x40 + i * RISK_BYTES);
        }
        assembly ("memory-safe") {
            return(out, size)
        }
    }

    /// @notice Only the liquidatable accounts among `traders`, with their shortfall and the
    ///         market to liquidate first.
    function liquidatable(address[] calldata traders)
        external
        view
        returns (address[] memory accounts, uint256[] memory shortfalls, address[] memory firstMarkets)
    {
        uint256 n = traders.length;
        accounts = new address[](n);
        shortfalls = new uint256[](n);
        firstMarkets = new address[](n);
        uint256 k;
        for (uint256 i; i < n; i += CHUNK) {
            uint256 end = i + CHUNK < n ? i + CHUNK : n;
            uint256 free;
            assembly ("memory-safe") {
                free := mload(0x40)
            }
            DataTypes.AccountState[] memory st = clearingHouse.getAccountStates(traders[i:end]);
            for (uint256 j; j < st.length; ++j) {
                if (!_isLiquidatable(st[j])) continue;
                accounts[k] = traders[i + j];
                shortfalls[k] = uint256(int256(st[j].maintenanceRequirement) - st[j].accountValue);
                firstMarkets[k] = st[j].largestMarket;
                ++k;
            }
            assembly ("memory-safe") {
                mstore(0x40, free) // the chunk's states are dead: the next chunk reuses their memory
            }
        }
        assembly ("memory-safe") {
            mstore(accounts, k)
            mstore(shortfalls, k)
            mstore(firstMarkets, k)
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

    /// @dev One core call (getAccountStates) for `chunk`; account j's AccountRisk is written at
    ///      `dst` + j * RISK_BYTES, copied word by word from the return data (never decoded into
    ///      memory). The call's calldata is built above the free memory pointer, which it does
    ///      not move, so every chunk reuses the same scratch memory.
    function _scanChunk(address[] calldata chunk, uint256 dst) internal view {
        address core = address(clearingHouse);
        bytes4 selector = clearingHouse.getAccountStates.selector;
        assembly ("memory-safe") {
            let n := chunk.length
            let ptr := mload(0x40)
            mstore(ptr, selector)
            mstore(add(ptr, 0x04), 0x20)
            mstore(add(ptr, 0x24), n)
            calldatacopy(add(ptr, 0x44), chunk.offset, mul(n, 0x20))
            if iszero(staticcall(gas(), core, ptr, add(0x44, mul(n, 0x20)), 0, 0)) {
                returndatacopy(ptr, 0, returndatasize())
                revert(ptr, returndatasize())
            }
            // the answer: offset, length n, then n static AccountStates (a shorter one makes
            // returndatacopy revert)
            for { let j := 0 } lt(j, n) { j := add(j, 1) } {
                let src := add(0x40, mul(j, STATE_BYTES)) // AccountState j in the return data
                let d := add(dst, mul(j, RISK_BYTES)) // AccountRisk j in the answer
                mstore(d, calldataload(add(chunk.offset, mul(j, 0x20)))) // trader
                returndatacopy(add(d, 0x20), src, 0x60) // accountValue, initial, maintenance
                returndatacopy(add(d, 0xc0), add(src, 0xa0), 0x20) // largestMarket
                let value := mload(add(d, 0x20))
                let maintenance := mload(add(d, 0x60))
                // liquidatable (_isLiquidatable): holds a position (a largest market) and is
                // below maintenance; then the shortfall
                let liq := and(iszero(iszero(mload(add(d, 0xc0)))), slt(value, maintenance))
                mstore(add(d, 0x80), liq)
                mstore(add(d, 0xa0), mul(liq, sub(maintenance, value)))
            }
        }
    }

    /// @dev Holds a position (a largest market) and is below maintenance.
    function _isLiquidatable(DataTypes.AccountState memory st) internal pure returns (bool) {
        return st.largestMarket != address(0) && st.accountValue < int256(st.maintenanceRequirement);
    }
}
