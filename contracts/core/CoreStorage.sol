// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DataTypes} from "./DataTypes.sol";
import {Twap} from "../libraries/Twap.sol";

/// @title CoreStorage
/// @notice The core's whole state in one struct at a fixed slot (ERC-7201 namespace
///         "vperp.core"), so that the core, its internal libraries and its delegatecalled logic
///         contracts address the same storage without passing pointers around. Only the core's
///         code (its own, or delegatecalled from it) ever touches it.
library CoreStorage {
    /// @dev keccak256(abi.encode(uint256(keccak256("vperp.core")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 internal constant SLOT = 0x488317ded107e78ed253007c8e607b50e7700efd175348a472770aa5f8c05d00;

    struct Layout {
        // ---------------------------------------------------------- ledger (the Vault)
        uint128 collateralIndex; // collateral per share, 18 decimals (lowered by socialised losses)
        uint128 totalShares; // same slot: every share change reads the index
        uint128 insuranceBalance; // the insurance fund's balance
        uint128 poolBalance; // the liquidity pool's balance; same slot: every fee credits both
        int128 fundingEscrow; // funding the pool settled at epochs and traders have not yet
        int128 poolOtherFlows; // pool balance moves other than fees: fee income = balance - this
        uint128 fundingPayoutBudget; // what the pool may still pay in funding
        uint128 feeIncomeCheckpoint; // fee income already counted into the budget
        uint256 totalDebt; // traders' negative balances
        uint256 protocolDeficit; // bad debt neither the fund nor socialisation covered
        mapping(address trader => DataTypes.Balance) balances;
        // ---------------------------------------------------------- system accounts, globals
        address insuranceFund;
        address liquidityPool;
        address guardian;
        uint96 fullLiquidationThreshold; // <= 100,000e18
        uint128 minPositionNotional; // same slot as the pause: one read per trade
        uint24 liquidatorShare; // of the penalty, when the account is not under water
        bool globalPaused;
        // ---------------------------------------------------------- markets
        address[] marketList; // by id
        mapping(address baseToken => DataTypes.Market) markets;
        mapping(address baseToken => DataTypes.Curve) curves;
        mapping(address baseToken => Twap.State) markTwaps;
        mapping(address baseToken => DataTypes.OpenInterest) openInterest;
        mapping(address baseToken => DataTypes.OpenInterestCap) oiCaps;
        mapping(address baseToken => DataTypes.FundingState) funding;
        mapping(address baseToken => DataTypes.FundingAnchor) fundingAnchors;
        mapping(address baseToken => uint256) lastCurveChange;
        // ---------------------------------------------------------- accounts
        mapping(address trader => mapping(address baseToken => DataTypes.Position)) positions;
        mapping(address trader => uint256) accountMarkets; // market ids >= 29 (AccountBalance.LOW_MARKETS) | ACCOUNT_TOUCHED
        // ---------------------------------------------------------- netting engine (appended)
        mapping(address baseToken => DataTypes.OrderQueue) orderQueues;
        mapping(address baseToken => mapping(uint256 orderId => DataTypes.Order)) orders;
        mapping(address baseToken => DataTypes.Batch) batches;
        mapping(address trader => mapping(address baseToken => DataTypes.OrderCount)) orderCounts;
        mapping(address trader => uint256) reservedMargin; // queued orders' reserves, 18 decimals
        uint128 executionFee; // per order filled or cancelled by a batch, 18 decimals
        uint32 batchWindow; // seconds; 0 reads as 1
        // ---------------------------------------------------------- operators (appended)
        mapping(address trader => mapping(address operator => uint256)) operatorActions; // DataTypes.ACTION_* bits
    }

    function layout() internal pure returns (Layout storage s) {
        bytes32 slot = SLOT;
        assembly ("memory-safe") {
            s.slot := slot
        }
    }
}
