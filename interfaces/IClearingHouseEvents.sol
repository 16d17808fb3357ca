// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DataTypes} from "../contracts/core/DataTypes.sol";

/// @title IClearingHouseEvents
/// @notice Every event of the core, its libraries and its logic contracts, declared once
///         (PROTOCOL.md section 6). All are emitted from the core's address.
interface IClearingHouseEvents {
    // ledger (the Vault)
    event Deposited(address indexed trader, address indexed payer, uint256 amount);
    event Withdrawn(address indexed trader, address indexed to, uint256 amount);
    event BalanceTransferred(address indexed from, address indexed to, uint256 amount);
    event PnlSettled(address indexed account, int256 amount);
    event FundingEscrowChanged(address indexed counterparty, int256 payment, int256 escrow);
    event LossSocialized(address indexed trader, uint256 loss, uint256 oldIndex, uint256 newIndex, uint256 totalShares);
    event DeficitRecorded(address indexed trader, uint256 amount, uint256 totalDeficit);
    event DeficitRepaid(address indexed payer, uint256 amount, uint256 totalDeficit);
    event SystemAccountsSet(address insuranceFund, address liquidityPool);
    // trading
    event PositionChanged(
        address indexed trader,
        address indexed baseToken,
        int256 exchangedSize,
        int256 exchangedNotional,
        uint256 fee,
        int256 openNotional,
        int256 realizedPnl,
        uint256 markPrice
    );
    event PositionLiquidated(
        address indexed trader,
        address indexed baseToken,
        uint256 liquidatedSize,
        uint256 liquidatedNotional,
        uint256 penalty,
        address indexed liquidator
    );
    /// @dev A position opened (size 0 -> non-zero) or closed (-> 0, by its trader, a liquidation or a
    ///      netting fill): PositionNFT's token `tokenId` = trader << 8 | the market's id exists
    ///      exactly while the position does.
    event PositionMinted(address indexed trader, address indexed baseToken, uint256 indexed tokenId);
    event PositionBurned(address indexed trader, address indexed baseToken, uint256 indexed tokenId);
    event LiquidationCapped(
        address indexed trader, address indexed baseToken, uint256 plannedSize, uint256 closedSize, int256 accountValue
    );
    event BadDebtCovered(
        address indexed trader, uint256 debt, uint256 coveredByInsurance, uint256 socialized, uint256 deficit
    );
    // funding
    event FundingUpdated(address indexed baseToken, int256 rate, uint256 markTwap, uint256 indexTwap);
    event FundingIndexMoved(
        address indexed baseToken, int256 indexDelta, int256 cumulativeIndex, int256 poolReceived, int256 insuranceReceived
    );
    event FundingSettled(address indexed trader, address indexed baseToken, int256 amount);
    // curve governance (the VirtualAMM)
    event KAdjusted(
        address indexed baseToken, uint256 oldBase, uint256 oldQuote, uint256 newBase, uint256 newQuote, int256 cost
    );
    event Repegged(
        address indexed baseToken, uint256 oldPrice, uint256 newPrice, uint256 newBase, uint256 newQuote, int256 cost
    );
    event CurveMigrated(address indexed baseToken, int256 cost, bool isRepeg);
    // netting engine
    event OrderQueued(
        address indexed trader,
        address indexed baseToken,
        uint256 indexed orderId,
        int256 size,
        uint256 acceptablePrice,
        uint256 deadline,
        bool reduceOnly,
        uint256 reserve
    );
    /// @dev reason: 0 by its trader, 1 deadline passed, 2 margin (or dust, or market count) failed
    ///      at execution, 3 reduce-only with nothing left to reduce; fee: execution fee paid
    event OrderCancelled(
        address indexed trader, address indexed baseToken, uint256 indexed orderId, uint8 reason, uint256 fee
    );
    event OrderFilled(
        address indexed trader, address indexed baseToken, uint256 indexed orderId, int256 size, uint256 price, uint256 fee
    );
    /// @dev the order (or its unfilled rest, `size`) stays queued as `newOrderId` for later batches
    event OrderRested(
        address indexed trader, address indexed baseToken, uint256 indexed orderId, uint256 newOrderId, int256 size
    );
    event BatchExecuted(
        address indexed baseToken,
        uint256 longTotal,
        uint256 shortTotal,
        uint256 p0,
        int256 swapBase,
        int256 swapQuote,
        uint256 fills
    );
    event NettingParamsChanged(uint256 oldExecutionFee, uint32 oldBatchWindow, uint256 executionFee, uint32 batchWindow);
    // configuration
    event MarketAdded(address indexed baseToken, uint8 id, uint256 baseReserve, uint256 quoteReserve);
    /// @dev old: the parameters before (all zero when the market is being listed)
    event MarketParamsChanged(address indexed baseToken, DataTypes.MarketParams old, DataTypes.MarketParams params);
    event GlobalParamsChanged(
        uint256 oldMinPositionNotional,
        uint256 oldFullLiquidationThreshold,
        uint24 oldLiquidatorShare,
        uint256 minPositionNotional,
        uint256 fullLiquidationThreshold,
        uint24 liquidatorShare
    );
    event GuardianChanged(address oldGuardian, address guardian);
    /// @dev baseToken address(0): every market (the global pause); `wasPaused` the flag before.
    event PauseChanged(address indexed baseToken, bool wasPaused, bool paused);
    // operators (IOperatorApproval): `actions` granted or revoked, `current` what the operator holds after
    event OperatorApproved(address indexed trader, address indexed operator, uint256 actions, uint256 current);
    event OperatorRevoked(address indexed trader, address indexed operator, uint256 actions, uint256 current);
}
