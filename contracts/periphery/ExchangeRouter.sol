// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {IPyth} from "@pythnetwork/pyth-sdk-solidity/IPyth.sol";
import {IClearingHouse} from "../../interfaces/IClearingHouse.sol";
import {IPriceOracle} from "../../interfaces/IPriceOracle.sol";
import {DataTypes} from "../core/DataTypes.sol";

/// @title ExchangeRouter
/// @notice The traders' composition layer (PROTOCOL.md section 3): deposit + open, close +
///         withdraw, a Pyth price update + trade, USDC permit, and `multicall` over all of them,
///         each in one transaction. It always acts for its caller and only through the core's
///         operator approval (IOperatorApproval: the caller lets the router open, close, add or
///         remove collateral for it). It never holds a trader's funds: USDC moves from the
///         trader's wallet into the core (`depositFrom`) and from the core back to the trader's
///         address (`withdrawFor`), and whatever ETH is left after the Pyth fee is refunded to the
///         caller at the end of every call, so its balance after any call is zero.
contract ExchangeRouter {
    /// @notice A router action was entered again before the call that runs it ended.
    error RouterReentrancy();
    /// @notice No router function has this selector (ETH sent without a call lands here too).
    error UnknownSelector(bytes4 selector);
    /// @notice The permit failed and the core's allowance is still below `value`.
    error PermitFailed(address owner, uint256 allowance, uint256 value);
    /// @notice A multicall of no calls, or of more than MAX_CALLS.
    error InvalidCallCount(uint256 count, uint256 max);
    error ZeroAddress();

    /// @notice Pyth's update fee, forwarded exactly.
    event PriceUpdated(address indexed trader, uint256 fee);

    /// @notice The most calls in one multicall.
    uint256 public constant MAX_CALLS = 32;

    /// @notice The core (the Vault's deposit and withdraw, trading, operator approvals).
    IClearingHouse public immutable clearingHouse;
    /// @notice The collateral token; permits name the core as spender.
    IERC20 public immutable usdc;
    /// @notice Pyth, whose update fee `updatePrice` forwards.
    IPyth public immutable pyth;

    /// @dev Transient lock: FREE, IN_CALL (one action, or a multicall's refund), IN_MULTICALL (a
    ///      multicall between its calls), IN_MULTICALL_CALL (inside one of them). A call that
    ///      finds IN_CALL or IN_MULTICALL_CALL is a re-entry from outside and reverts.
    bytes32 private constant LOCK_SLOT = keccak256("vperp.router.lock");
    uint256 private constant FREE = 0;
    uint256 private constant IN_CALL = 1;
    uint256 private constant IN_MULTICALL = 2;
    uint256 private constant IN_MULTICALL_CALL = 3;

    /// @dev Every action: refused while another runs (except as a multicall's own call), and the
    ///      outermost call refunds the caller's unspent ETH before it unlocks.
    modifier action() {
        uint256 state = _lock();
        if (state == IN_CALL || state == IN_MULTICALL_CALL) revert RouterReentrancy();
        _setLock(state == IN_MULTICALL ? IN_MULTICALL_CALL : IN_CALL);
        _;
        if (state == IN_MULTICALL) {
            _setLock(IN_MULTICALL);
        } else {
            _refund();
            _setLock(FREE);
        }
    }

    /// @param clearingHouse_ the core; the collateral token and Pyth are read from it and its oracle
    constructor(IClearingHouse clearingHouse_) {
        if (address(clearingHouse_) == address(0)) revert ZeroAddress();
        clearingHouse = clearingHouse_;
        usdc = IERC20(clearingHouse_.usdc());
        pyth = IPyth(IPriceOracle(address(clearingHouse_.oracle())).pyth());
    }

    // ================================================================== collateral

    /// @notice Deposits `amountUsdc` (6 decimals) of the caller's USDC as its collateral (scope: add collateral).
    function deposit(uint256 amountUsdc) external payable action {
        clearingHouse.depositFrom(msg.sender, amountUsdc);
    }

    /// @notice Withdraws `amountUsdc` (6 decimals) of the caller's free collateral to the caller (scope: remove collateral).
    function withdraw(uint256 amountUsdc) external payable action {
        clearingHouse.withdrawFor(msg.sender, amountUsdc);
    }

    /// @notice Lets the core spend `value` of the caller's USDC with an EIP-2612 permit signed for the core (not the router); a permit already used by someone else passes when the allowance is already there.
    function permitUsdc(uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external payable action {
        try IERC20Permit(address(usdc)).permit(msg.sender, address(clearingHouse), value, deadline, v, r, s) {}
        catch {
            uint256 allowance = usdc.allowance(msg.sender, address(clearingHouse));
            if (allowance < value) revert PermitFailed(msg.sender, allowance, value);
        }
    }

    // ================================================================== trading

    /// @notice Opens, increases, reduces or flips the caller's position (scope: open), with `params`' bound and deadline.
    function openPosition(DataTypes.OpenPositionParams calldata params)
        external
        payable
        action
        returns (uint256 base, uint256 quote)
    {
        return clearingHouse.openPositionFor(msg.sender, params);
    }

    /// @notice Closes the caller's position in `baseToken` (scope: close); `oppositeAmountBound` as the core's `closePosition`.
    function closePosition(address baseToken, uint256 oppositeAmountBound, uint256 deadline)
        external
        payable
        action
        returns (uint256 base, uint256 quote)
    {
        return clearingHouse.closePositionFor(msg.sender, baseToken, oppositeAmountBound, deadline);
    }

    /// @notice Deposits `amountUsdc` of the caller's USDC, then opens with `params` (scopes: add collateral, open).
    function openPositionWithCollateral(uint256 amountUsdc, DataTypes.OpenPositionParams calldata params)
        external
        payable
        action
        returns (uint256 base, uint256 quote)
    {
        clearingHouse.depositFrom(msg.sender, amountUsdc);
        return clearingHouse.openPositionFor(msg.sender, params);
    }

    /// @notice Closes the caller's position in `baseToken`, then withdraws `amountUsdc` to the caller, or, when it is 0, all of its free collateral that remains (scopes: close, remove collateral). Returns the amount withdrawn.
    function closePositionAndWithdraw(
        address baseToken,
        uint256 oppositeAmountBound,
        uint256 deadline,
        uint256 amountUsdc
    ) external payable action returns (uint256 withdrawnUsdc) {
        clearingHouse.closePositionFor(msg.sender, baseToken, oppositeAmountBound, deadline);
        withdrawnUsdc = amountUsdc;
        if (withdrawnUsdc == 0) {
            int256 free = clearingHouse.getFreeCollateral(msg.sender);
            if (free <= 0) return 0;
            withdrawnUsdc = uint256(free) / 1e12; // 18 decimals -> USDC, rounded down
            if (withdrawnUsdc == 0) return 0;
        }
        clearingHouse.withdrawFor(msg.sender, withdrawnUsdc);
    }

    /// @notice Pushes a Pyth price update, paying Pyth's fee for it exactly from the ETH sent; the rest is refunded.
    function updatePrice(bytes[] calldata updateData) external payable action {
        _updatePrice(updateData);
    }

    /// @notice Pushes a Pyth price update (fee forwarded exactly, the rest refunded), then trades with `params` (scope: open).
    function updatePriceAndTrade(bytes[] calldata updateData, DataTypes.OpenPositionParams calldata params)
        external
        payable
        action
        returns (uint256 base, uint256 quote)
    {
        _updatePrice(updateData);
        return clearingHouse.openPositionFor(msg.sender, params);
    }

    /// @notice Runs the router's own actions in order, in one transaction, for the caller; any failure reverts them all. The ETH sent is shared by the calls; what is left is refunded at the end.
    function multicall(bytes[] calldata data) external payable returns (bytes[] memory results) {
        if (_lock() != FREE) revert RouterReentrancy();
        if (data.length == 0 || data.length > MAX_CALLS) revert InvalidCallCount(data.length, MAX_CALLS);
        _setLock(IN_MULTICALL);
        results = new bytes[](data.length);
        for (uint256 i; i < data.length; ++i) {
            (bool ok, bytes memory ret) = address(this).delegatecall(data[i]);
            if (!ok) {
                assembly ("memory-safe") {
                    revert(add(ret, 32), mload(ret))
                }
            }
            results[i] = ret;
        }
        _setLock(IN_CALL);
        _refund();
        _setLock(FREE);
    }

    /// @notice Rejects unknown selectors and plain ETH with UnknownSelector.
    fallback() external payable {
        revert UnknownSelector(msg.sig);
    }

    // ================================================================== internals

    function _updatePrice(bytes[] calldata updateData) internal {
        uint256 fee = pyth.getUpdateFee(updateData);
        uint256 available = address(this).balance;
        if (fee > available) revert IPriceOracle.InsufficientPythFee(fee, available);
        pyth.updatePriceFeeds{value: fee}(updateData);
        emit PriceUpdated(msg.sender, fee);
    }

    /// @dev Sends the router's whole ETH balance (what the call brought and did not spend) back to the caller.
    function _refund() internal {
        uint256 amount = address(this).balance;
        if (amount == 0) return;
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert IPriceOracle.RefundFailed(msg.sender, amount);
    }

    function _lock() internal view returns (uint256 state) {
        bytes32 slot = LOCK_SLOT;
        assembly ("memory-safe") {
            state := tload(slot)
        }
    }

    function _setLock(uint256 state) internal {
        bytes32 slot = LOCK_SLOT;
        assembly ("memory-safe") {
            tstore(slot, state)
        }
    }
}
