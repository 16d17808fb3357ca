// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {vm} from "../utils/Vm.sol";
import {Stack} from "../utils/Stack.sol";
import {DataTypes} from "../../../contracts/core/DataTypes.sol";

/// @notice Shared set-up of the unit tests: the whole stack (Stack.sol, no handler), owned by the
///         test contract, at a fixed time and block; a few named accounts and helpers.
abstract contract UnitBase is Stack {
    /// @dev CoreStorage.SLOT: the core's state (ERC-7201 "vperp.core"); a few tests set a
    ///      field directly (the insurance balance, the deficit) to reach a branch cheaply.
    bytes32 internal constant CORE_SLOT = 0x488317ded107e78ed253007c8e607b50e7700efd175348a472770aa5f8c05d00;
    uint256 internal constant SLOT_SYSTEM_BALANCES = 1; // insuranceBalance | poolBalance << 128
    uint256 internal constant SLOT_DEFICIT = 5; // protocolDeficit
    uint256 internal constant DEADLINE = type(uint64).max;
    uint256 internal constant T0 = 1_700_000_000;

    address internal constant ALICE = address(0xA11CE);
    address internal constant BOB = address(0xB0B);
    address internal constant WHALE = address(0x3A1E);
    address internal constant KEEPER = address(0x4EE9);
    address internal constant STRANGER = address(0x5757);

    address internal b0;
    address internal b1;
    /// @dev The test's clock, kept in storage: under via-IR the optimiser may read
    ///      `block.number` / `block.timestamp` once per call and reuse it across vm.roll /
    ///      vm.warp, so `vm.roll(block.number + 1)` in a loop can roll to the same block again.
    uint256 internal _blockNumber;
    uint256 internal _timestamp;

    function setUp() public virtual {
        (_blockNumber, _timestamp) = (100, T0);
        vm.warp(T0);
        vm.roll(100);
        _deployStack();
        (b0, b1) = (bases[0], bases[1]);
    }

    // ------------------------------------------------------------------ helpers

    function _deposit(address t, uint256 amountUsdc) internal {
        usdc.mint(t, amountUsdc);
        vm.startPrank(t);
        usdc.approve(address(ch), amountUsdc);
        ch.deposit(amountUsdc);
        vm.stopPrank();
    }

    function _params(address base, bool isBaseToQuote, bool isExactInput, uint256 amount, uint256 bound)
        internal
        pure
        returns (DataTypes.OpenPositionParams memory)
    {
        return DataTypes.OpenPositionParams(base, isBaseToQuote, isExactInput, amount, bound, DEADLINE);
    }

    /// @dev Long for exactly `quote` in.
    function _long(address t, address base, uint256 quote) internal returns (uint256, uint256) {
        vm.prank(t);
        return ch.openPosition(_params(base, false, true, quote, 0));
    }

    /// @dev Short for exactly `quote` out.
    function _short(address t, address base, uint256 quote) internal returns (uint256, uint256) {
        vm.prank(t);
        return ch.openPosition(_params(base, true, false, quote, 0));
    }

    function _nextBlock(uint256 secs) internal {
        _blockNumber += 1;
        _timestamp += secs;
        vm.roll(_blockNumber);
        vm.warp(_timestamp);
    }

    /// @dev Publishes a fresh Chainlink round at `price` (18 decimals) for market `m`.
    function _setIndex(uint256 m, uint256 price) internal {
        _publish(m, price);
    }

    /// @dev The whale moves market `m`'s mark to about `target`, at most 2% per block.
    function _pushMarkTo(uint256 m, uint256 target) internal {
        address base = bases[m];
        for (uint256 k; k < 40; ++k) {
            (uint256 x, uint256 y) = ch.getReserves(base);
            uint256 mark = y * ONE / x;
            uint256 gap = mark > target ? mark - target : target - mark;
            if (gap * 10_000 <= mark) return; // within 0.01%
            uint256 step = target;
            if (gap * 100 > mark * 2) step = mark > target ? mark * 98 / 100 : mark * 102 / 100;
            uint256 x1 = Math.sqrt(Math.mulDiv(x * ONE, y, step));
            vm.prank(WHALE);
            if (x1 > x) ch.openPosition(_params(base, true, true, x1 - x, 0)); // sell base
            else ch.openPosition(_params(base, false, false, x - x1, 0)); // buy base
            _nextBlock(12);
        }
        revert("mark not reached");
    }

    /// @dev Sets the insurance fund's ledger balance (keeps the pool's).
    function _setInsuranceBalance(uint256 amount) internal {
        bytes32 slot = bytes32(uint256(CORE_SLOT) + SLOT_SYSTEM_BALANCES);
        uint256 w = uint256(vm.load(address(ch), slot));
        vm.store(address(ch), slot, bytes32((w >> 128 << 128) | amount));
        require(ch.balanceOf(fund) == int256(amount), "insurance balance not set");
    }

    function _mulDown(uint256 a, uint256 b) internal pure returns (uint256) {
        return a * b / ONE;
    }

    function _mulUp(uint256 a, uint256 b) internal pure returns (uint256) {
        return Math.mulDiv(a, b, ONE, Math.Rounding.Ceil);
    }

    function _ratioUp(uint256 a, uint256 r) internal pure returns (uint256) {
        return Math.mulDiv(a, r, 1e6, Math.Rounding.Ceil);
    }

    function _ratioDown(uint256 a, uint256 r) internal pure returns (uint256) {
        return a * r / 1e6;
    }

    // ------------------------------------------------------------------ assertions

    function assertEq(uint256 a, uint256 b, string memory what) internal pure {
        if (a != b) revert(string.concat(what, ": ", vm.toString(a), " != ", vm.toString(b)));
    }

    function assertEq(int256 a, int256 b, string memory what) internal pure {
        if (a != b) revert(string.concat(what, ": ", vm.toString(a), " != ", vm.toString(b)));
    }

    function assertEq(address a, address b, string memory what) internal pure {
        if (a != b) revert(string.concat(what, ": ", vm.toString(a), " != ", vm.toString(b)));
    }

    function assertTrue(bool c, string memory what) internal pure {
        if (!c) revert(what);
    }
}
