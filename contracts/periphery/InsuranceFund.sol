// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient as ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IClearingHouse} from "../../interfaces/IClearingHouse.sol";

/// @title InsuranceFund
/// @notice Receives its share of trading fees and liquidation penalties, covers bad debt and
///         backs the liquidity pool's funding payouts. Its balance is a claim inside the Vault
///         (no token moves on a trade); anyone may top it up with `Vault.depositFor`.
///
///         Governance may take out surplus only: the fund always keeps a floor of
///         max(MIN_RESERVE = 10,000 USD, 2% of the protocol's open-interest notional at
///         valuation prices, ClearingHouse.openInterestNotional()). The constant part keeps the
///         backstop alive when the book is empty; the proportional part scales it with the risk
///         the fund backs (a 2% move against an unhedged book). The floor is fixed in code: no
///         owner call can lower it. Losses (bad debt, funding backstop) may still take the fund
///         below the floor; then nothing can be withdrawn until it is topped up again.
contract InsuranceFund is Ownable2Step, ReentrancyGuard {
    error ZeroAmount();
    error ZeroAddress();
    error InvalidReceiver(address to);
    /// @param requestedUsdc amount asked for (USDC units)
    /// @param availableUsdc surplus above the floor (USDC units, rounded down)
    /// @param floorUsdc the floor (USDC units, rounded up)
    error SurplusExceeded(uint256 requestedUsdc, uint256 availableUsdc, uint256 floorUsdc);

    event SurplusWithdrawn(address indexed to, uint256 amountUsdc, uint256 balanceAfter, uint256 floor);

    uint256 internal constant SCALE = 1e12; // USDC 6 decimals -> 18
    uint256 internal constant RATIO_ONE = 1e6;
    /// @notice The constant part of the floor: 10,000 USD (18 decimals).
    uint256 public constant MIN_RESERVE = 10_000e18;
    /// @notice The open-interest part of the floor: 2% of open-interest notional (1e6 = 100%).
    uint256 public constant OI_RESERVE_RATIO = 20_000;

    /// @notice The core: the fund's balance lives in its ledger.
    IClearingHouse public immutable clearingHouse;

    /// @param clearingHouse_ the core (its ledger holds the fund's balance; its open interest sets the floor)
    /// @param owner_ governance
    constructor(IClearingHouse clearingHouse_, address owner_) Ownable(owner_) {
        if (address(clearingHouse_) == address(0)) revert ZeroAddress();
        clearingHouse = clearingHouse_;
    }

    /// @notice The fund's balance, 18 decimals.
    function balance() public view returns (uint256) {
        int256 b = clearingHouse.balanceOf(address(this));
        return b > 0 ? uint256(b) : 0;
    }

    /// @notice What the fund must keep: max(MIN_RESERVE, OI_RESERVE_RATIO x open-interest
    ///         notional), 18 decimals, rounded up.
    function reserveFloor() public view returns (uint256) {
        uint256 oiPart = Math.mulDiv(clearingHouse.openInterestNotional(), OI_RESERVE_RATIO, RATIO_ONE, Math.Rounding.Ceil);
        return Math.max(MIN_RESERVE, oiPart);
    }

    /// @notice Surplus governance may withdraw now: balance above the floor, USDC units rounded down.
    function withdrawableSurplus() public view returns (uint256) {
        uint256 b = balance();
        uint256 floor = reserveFloor();
        return b > floor ? (b - floor) / SCALE : 0;
    }

    /// @notice Governance takes surplus out of the fund; the floor (reserveFloor) stays.
    /// @param to USDC receiver (not zero, not this fund, not the Vault: USDC sent there is lost)
    /// @param amountUsdc amount in USDC units (6 decimals), at most withdrawableSurplus()
    function withdrawSurplus(address to, uint256 amountUsdc) external onlyOwner nonReentrant {
        if (to == address(0) || to == address(this) || to == address(clearingHouse)) revert InvalidReceiver(to);
        if (amountUsdc == 0) revert ZeroAmount();
        uint256 floor = reserveFloor();
        uint256 available = withdrawableSurplus();
        if (amountUsdc > available) revert SurplusExceeded(amountUsdc, available, Math.ceilDiv(floor, SCALE));
        emit SurplusWithdrawn(to, amountUsdc, balance() - amountUsdc * SCALE, floor);
        clearingHouse.withdrawSystem(to, amountUsdc);
    }
}
