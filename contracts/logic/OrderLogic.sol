// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ReentrancyGuardTransient as ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IClearingHouseErrors as E} from "../../interfaces/IClearingHouseErrors.sol";
import {IClearingHouseEvents as Ev} from "../../interfaces/IClearingHouseEvents.sol";
import {IPriceOracle} from "../../interfaces/IPriceOracle.sol";
import {CoreStorage} from "../core/CoreStorage.sol";
import {DataTypes} from "../core/DataTypes.sol";
import {AccountBalance} from "../libraries/AccountBalance.sol";
import {Ledger} from "../libraries/Ledger.sol";
import {Margin} from "../libraries/Margin.sol";
import {Netting} from "../libraries/Netting.sol";
import {PerpMath} from "../libraries/PerpMath.sol";
import {VirtualAMM} from "../libraries/VirtualAMM.sol";
import {LogicBase} from "./LogicBase.sol";

/// @title OrderLogic
/// @notice The netting engine's orders (PROTOCOL.md section 5, "Netting engine"): queueing with
///         its margin check and reserve, cancelling while the batch window is open, governance
///         of the execution fee and the window, and the views; and the operator approvals
///         (IOperatorApproval). Run in the core's context through the core's fallback; batches
///         run in NettingLogic.
contract OrderLogic is LogicBase, ReentrancyGuard {
    constructor(IPriceOracle oracle_) LogicBase(oracle_) {}

    /// @notice See INettingEngine.queuePositionChange.
    function queuePositionChange(
        address baseToken,
        int256 size,
        uint256 acceptablePrice,
        uint256 deadline,
        bool reduceOnly
    ) external onlyDelegateCall nonReentrant returns (uint256 orderId) {
        CoreStorage.Layout storage s = CoreStorage.layout();
        DataTypes.Market memory m = s.markets[baseToken];
        if (!m.listed) revert E.UnknownMarket(baseToken);
        if (size == 0) revert E.ZeroAmount();
        if (size == type(int256).min) revert E.AmountTooLarge(uint256(type(int256).max) + 1, type(uint112).max);
        uint256 absSize = PerpMath.abs(size);
        if (absSize > type(uint112).max) revert E.AmountTooLarge(absSize, type(uint112).max);
        if (acceptablePrice == 0) revert E.ZeroAmount();
        if (acceptablePrice > type(uint120).max) revert E.AmountTooLarge(acceptablePrice, type(uint120).max);
        if (block.timestamp > deadline) revert E.DeadlineExpired(deadline, block.timestamp);
        if (deadline > type(uint32).max) deadline = type(uint32).max; // stored in 32 bits: 2106

        DataTypes.OrderCount memory n = s.orderCounts[msg.sender][baseToken];
        if (size > 0 ? n.shorts != 0 : n.longs != 0) revert E.SelfTrade(msg.sender, baseToken);
        if (reduceOnly) {
            if (n.reduceOnly != 0) revert E.ReduceOnlyOrderExists(msg.sender, baseToken);
            int256 pos = s.positions[msg.sender][baseToken].size;
            if (pos == 0 || (pos > 0) == (size > 0)) revert E.NothingToReduce(msg.sender, baseToken);
            ++n.reduceOnly;
        } else {
            if (m.paused || s.globalPaused) revert E.MarketPaused(baseToken);
            oracle.requireSequencerUp(false); // no new exposure queued while the L2 sequencer rule holds
        }
        size > 0 ? ++n.longs : ++n.shorts;
        s.orderCounts[msg.sender][baseToken] = n;

        (uint256 price, uint256 anchor, IPriceOracle.Source source) = oracle.getPrices(baseToken);
        if (source == IPriceOracle.Source.Stale) {
            if (!reduceOnly) revert E.IndexStale(baseToken);
            price = anchor =
                VirtualAMM.markTwap(s.curves[baseToken], s.markTwaps[baseToken], VirtualAMM.MARK_TWAP_WINDOW);
        }
        uint256 reserve = Netting.reserve(m, size, acceptablePrice, price, reduceOnly, s.executionFee);
        uint256 reserved = AccountBalance.reservedMargin(s, msg.sender) + reserve;
        if (!reduceOnly) {
            DataTypes.AccountState memory st = Margin.accountState(
                s,
                oracle,
                msg.sender,
                Ledger.traderBalance(s, msg.sender),
                Margin.newCacheFor(s, msg.sender, baseToken, m, price, anchor)
            );
            if (st.accountValue < int256(st.initialRequirement + reserved)) {
                revert E.InsufficientMargin(msg.sender, st.accountValue, st.initialRequirement + reserved);
            }
        }
        s.reservedMargin[msg.sender] = reserved;
        AccountBalance.flagReserve(s, msg.sender);

        DataTypes.OrderQueue memory q = s.orderQueues[baseToken];
        orderId = q.tail;
        if (q.head == q.tail && q.phase == Netting.IDLE) q.windowStart = uint40(block.timestamp);
        ++q.tail;
        s.orderQueues[baseToken] = q;
        s.orders[baseToken][orderId] = DataTypes.Order(
            msg.sender,
            uint32(deadline),
            uint64(reserve / Netting.RESERVE_UNIT),
            int120(size),
            uint120(acceptablePrice),
            reduceOnly,
            Netting.QUEUED
        );
        emit Ev.OrderQueued(msg.sender, baseToken, orderId, size, acceptablePrice, deadline, reduceOnly, reserve);
    }

    /// @notice See INettingEngine.cancelOrder.
    function cancelOrder(address baseToken, uint256 orderId) external onlyDelegateCall nonReentrant {
        CoreStorage.Layout storage s = CoreStorage.layout();
        DataTypes.Order memory o = s.orders[baseToken][orderId];
        DataTypes.OrderQueue memory q = s.orderQueues[baseToken];
        // below the head: a finished order, whose slots a batch leaves as they were
        if (o.status != Netting.QUEUED || orderId < q.head) revert E.UnknownOrder(baseToken, orderId);
        if (o.trader != msg.sender) revert E.NotOrderOwner(msg.sender, o.trader);
        if (q.phase != Netting.IDLE) revert E.BatchInProgress(baseToken);
        uint256 closes = uint256(q.windowStart) + Netting.window(s);
        if (block.timestamp >= closes) revert E.BatchWindowClosed(baseToken, closes);
        Netting.release(s, baseToken, o);
        delete s.orders[baseToken][orderId];
        emit Ev.OrderCancelled(msg.sender, baseToken, orderId, Netting.BY_TRADER, 0);
    }

    /// @notice See INettingEngine.setNettingParams (the core checks the owner).
    function setNettingParams(uint128 executionFee, uint32 batchWindow) external onlyDelegateCall {
        if (executionFee > Netting.MAX_EXECUTION_FEE) revert E.ParamOutOfBounds(executionFee, 0, Netting.MAX_EXECUTION_FEE);
        if (batchWindow == 0 || batchWindow > Netting.MAX_BATCH_WINDOW) {
            revert E.ParamOutOfBounds(batchWindow, 1, Netting.MAX_BATCH_WINDOW);
        }
        CoreStorage.Layout storage s = CoreStorage.layout();
        emit Ev.NettingParamsChanged(s.executionFee, s.batchWindow, executionFee, batchWindow);
        (s.executionFee, s.batchWindow) = (executionFee, batchWindow);
    }

    // ================================================================== operators

    /// @notice See IOperatorApproval.approveOperator.
    function approveOperator(address operator, uint256 actions) external onlyDelegateCall {
        mapping(address => uint256) storage held = _operators(operator, actions);
        uint256 current = held[operator] | actions;
        held[operator] = current;
        emit Ev.OperatorApproved(msg.sender, operator, actions, current);
    }

    /// @notice See IOperatorApproval.revokeOperator.
    function revokeOperator(address operator, uint256 actions) external onlyDelegateCall {
        mapping(address => uint256) storage held = _operators(operator, actions);
        uint256 current = held[operator] & ~actions;
        held[operator] = current;
        emit Ev.OperatorRevoked(msg.sender, operator, actions, current);
    }

    /// @notice See IOperatorApproval.operatorActions.
    function operatorActions(address trader, address operator) external view onlyDelegateCall returns (uint256) {
        return CoreStorage.layout().operatorActions[trader][operator];
    }

    /// @dev The caller's operator map, after checking the arguments of an approval change.
    function _operators(address operator, uint256 actions) private view returns (mapping(address => uint256) storage) {
        if (operator == address(0)) revert E.ZeroAddress();
        if (operator == msg.sender) revert E.SelfOperator(msg.sender);
        if (actions == 0 || actions & ~DataTypes.ACTIONS_ALL != 0) revert E.InvalidOperatorActions(actions);
        return CoreStorage.layout().operatorActions[msg.sender];
    }

    // ================================================================== views

    /// @notice See INettingEngine.getOrder.
    function getOrder(address baseToken, uint256 orderId)
        external
        view
        onlyDelegateCall
        returns (DataTypes.Order memory o)
    {
        CoreStorage.Layout storage s = CoreStorage.layout();
        DataTypes.OrderQueue memory q = s.orderQueues[baseToken];
        // finished orders keep their slots (a batch does not clear them): below the head, or
        // below the cursor of a running fill pass, an order is shown empty
        if (orderId < q.head || (q.phase == Netting.FILL && orderId < q.cursor)) return o;
        o = s.orders[baseToken][orderId];
    }

    /// @notice See INettingEngine.getOrderQueue.
    function getOrderQueue(address baseToken) external view onlyDelegateCall returns (DataTypes.OrderQueue memory) {
        return CoreStorage.layout().orderQueues[baseToken];
    }

    /// @notice See INettingEngine.getBatch.
    function getBatch(address baseToken) external view onlyDelegateCall returns (DataTypes.Batch memory b) {
        CoreStorage.Layout storage s = CoreStorage.layout();
        if (s.orderQueues[baseToken].phase != Netting.IDLE) b = s.batches[baseToken];
    }

    /// @notice See INettingEngine.getOrderCount.
    function getOrderCount(address trader, address baseToken)
        external
        view
        onlyDelegateCall
        returns (DataTypes.OrderCount memory)
    {
        return CoreStorage.layout().orderCounts[trader][baseToken];
    }

    /// @notice See INettingEngine.reservedMargin.
    function reservedMargin(address trader) external view onlyDelegateCall returns (uint256) {
        return AccountBalance.reservedMargin(CoreStorage.layout(), trader);
    }

    /// @notice See INettingEngine.nettingParams.
    function nettingParams() external view onlyDelegateCall returns (uint256 executionFee, uint32 batchWindow) {
        CoreStorage.Layout storage s = CoreStorage.layout();
        return (s.executionFee, uint32(Netting.window(s)));
    }

}
