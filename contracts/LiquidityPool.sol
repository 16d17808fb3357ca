// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient as ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IVault} from "../interfaces/IVault.sol";
import {IVirtualAMM} from "../interfaces/IVirtualAMM.sol";
import {ClearingHouse} from "./ClearingHouse.sol";

/// @title LiquidityPool
/// @notice The AMM's balance sheet as an ERC-4626 vault over USDC (OpenZeppelin's, with its
///         virtual-share inflation defence, 12 decimals of offset). LPs earn the fees the
///         insurance fund does not take, take the AMM's side of funding imbalances and pay for
///         k adjustments and repegs. The pool's value sets each market's depth: after every
///         deposit and withdrawal, each market's k moves towards quote reserve = pool value x its
///         depth ratio, through the ClearingHouse's priced k adjustment (skipped, with an event,
///         when the cost exceeds the per-sync budget). Withdrawals are limited by utilisation:
///         open-interest notional may not exceed pool value x maxUtilisation afterwards.
contract LiquidityPool is ERC4626, Ownable2Step, ReentrancyGuard {
    using SafeERC20 for IERC20;

    error UtilisationTooHigh(uint256 openInterestNotional, uint256 poolValueAfter, uint256 maxUtilisation);
    error TooManyDepthTargets(uint256 count);
    error ParamOutOfBounds(uint256 value, uint256 min, uint256 max);

    event DepthTargetSet(address indexed baseToken, uint32 depthRatio);
    event DepthSynced(address indexed baseToken, uint256 oldQuoteReserve, uint256 newQuoteReserve, int256 cost);
    event DepthSyncSkipped(address indexed baseToken, uint256 targetQuoteReserve, bytes reason);
    event PoolParamsChanged(uint32 maxUtilisation, uint24 maxKCostRatio, uint24 minDepthChange);

    struct DepthTarget {
        address baseToken;
        uint32 depthRatio; // target quote reserve per unit of pool value, 1e6 = 1x
    }

    uint256 internal constant SCALE = 1e12;
    uint256 internal constant RATIO_ONE = 1e6;
    uint256 public constant MAX_DEPTH_TARGETS = 16;

    IVault public immutable vault;
    ClearingHouse public immutable clearingHouse;
    IVirtualAMM public immutable amm;

    uint32 public maxUtilisation = 5_000_000; // OI notional <= 5x pool value
    uint24 public maxKCostRatio = 10_000; // a sync may cost at most 1% of pool value
    uint24 public minDepthChange = 10_000; // re-target only when off by more than 1%
    DepthTarget[] internal _targets;

    constructor(IERC20 usdc_, IVault vault_, ClearingHouse clearingHouse_, address owner_)
        ERC4626(usdc_)
        ERC20("vAMM Perp LP", "vLP")
        Ownable(owner_)
    {
        vault = vault_;
        clearingHouse = clearingHouse_;
        amm = clearingHouse_.amm();
    }

    // ------------------------------------------------------------------ ERC-4626

    /// @notice The pool's USDC claim in the Vault (6 decimals, rounded down).
    function totalAssets() public view override returns (uint256) {
        int256 b = vault.balanceOf(address(this));
        return b > 0 ? uint256(b) / SCALE : 0;
    }

    /// @notice ERC-4626 maxWithdraw, limited by utilisation.
    function maxWithdraw(address owner_) public view override returns (uint256) {
        return Math.min(super.maxWithdraw(owner_), _withdrawable());
    }

    /// @notice ERC-4626 maxRedeem, limited by utilisation.
    function maxRedeem(address owner_) public view override returns (uint256) {
        return Math.min(super.maxRedeem(owner_), previewWithdraw(_withdrawable()));
    }

    /// @inheritdoc ERC4626
    function deposit(uint256 assets, address receiver) public override nonReentrant returns (uint256) {
        return super.deposit(assets, receiver);
    }

    /// @inheritdoc ERC4626
    function mint(uint256 shares, address receiver) public override nonReentrant returns (uint256) {
        return super.mint(shares, receiver);
    }

    /// @inheritdoc ERC4626
    /// @dev An amount the owner's shares cover but utilisation forbids reverts with
    ///      UtilisationTooHigh (OpenZeppelin's maxWithdraw check would hide the reason).
    function withdraw(uint256 assets, address receiver, address owner_) public override nonReentrant returns (uint256) {
        if (assets <= super.maxWithdraw(owner_)) _checkUtilisation(assets);
        return super.withdraw(assets, receiver, owner_);
    }

    /// @inheritdoc ERC4626
    /// @dev As `withdraw`: UtilisationTooHigh when only utilisation stands in the way.
    function redeem(uint256 shares, address receiver, address owner_) public override nonReentrant returns (uint256) {
        if (shares <= super.maxRedeem(owner_)) _checkUtilisation(previewRedeem(shares));
        return super.redeem(shares, receiver, owner_);
    }

    // ------------------------------------------------------------------ depth

    /// @notice Moves every market's k towards the depth the pool's value supports.
    function syncDepth() external nonReentrant {
        _syncDepth();
    }

    /// @notice Sets (or adds) a market's depth ratio; 0 removes automatic depth for it.
    function setDepthTarget(address baseToken, uint32 depthRatio) external onlyOwner {
        uint256 n = _targets.length;
        for (uint256 i; i < n; ++i) {
            if (_targets[i].baseToken == baseToken) {
                _targets[i].depthRatio = depthRatio;
                emit DepthTargetSet(baseToken, depthRatio);
                return;
            }
        }
        if (n >= MAX_DEPTH_TARGETS) revert TooManyDepthTargets(n);
        _targets.push(DepthTarget(baseToken, depthRatio));
        emit DepthTargetSet(baseToken, depthRatio);
    }

    /// @notice Sets the utilisation limit and the k-sync budget.
    function setParams(uint32 maxUtilisation_, uint24 maxKCostRatio_, uint24 minDepthChange_) external onlyOwner {
        if (maxUtilisation_ < 100_000 || maxUtilisation_ > 100_000_000) {
            revert ParamOutOfBounds(maxUtilisation_, 100_000, 100_000_000);
        }
        if (maxKCostRatio_ > 100_000) revert ParamOutOfBounds(maxKCostRatio_, 0, 100_000);
        if (minDepthChange_ > 500_000) revert ParamOutOfBounds(minDepthChange_, 0, 500_000);
        maxUtilisation = maxUtilisation_;
        maxKCostRatio = maxKCostRatio_;
        minDepthChange = minDepthChange_;
        emit PoolParamsChanged(maxUtilisation_, maxKCostRatio_, minDepthChange_);
    }

    /// @notice The depth targets.
    function getDepthTargets() external view returns (DepthTarget[] memory) {
        return _targets;
    }

    /// @notice Open-interest notional against pool value, 1e6 = 1x.
    function utilisation() external view returns (uint256) {
        uint256 value = totalAssets() * SCALE;
        if (value == 0) return type(uint256).max;
        return Math.mulDiv(clearingHouse.openInterestNotional(), RATIO_ONE, value, Math.Rounding.Ceil);
    }

    // ------------------------------------------------------------------ internals

    function _deposit(address caller, address receiver, uint256 assets, uint256 shares) internal override {
        super._deposit(caller, receiver, assets, shares); // pulls USDC here, mints shares
        IERC20(asset()).forceApprove(address(vault), assets);
        vault.depositFor(address(this), assets);
        _syncDepth();
    }

    function _withdraw(address caller, address receiver, address owner_, uint256 assets, uint256 shares)
        internal
        override
    {
        _checkUtilisation(assets);
        vault.withdrawSystem(address(this), assets);
        super._withdraw(caller, receiver, owner_, assets, shares); // burns shares, sends USDC
        _syncDepth();
    }

    /// @dev Reverts when `assets` (<= totalAssets) leaving would break the utilisation limit.
    function _checkUtilisation(uint256 assets) internal view {
        if (assets > _withdrawable()) {
            revert UtilisationTooHigh(
                clearingHouse.openInterestNotional(), (totalAssets() - assets) * SCALE, maxUtilisation
            );
        }
    }

    /// @dev Assets that can leave while OI notional <= value_after * maxUtilisation.
    function _withdrawable() internal view returns (uint256) {
        uint256 value = totalAssets();
        uint256 oi = clearingHouse.openInterestNotional();
        uint256 minValue = Math.mulDiv(oi, RATIO_ONE, uint256(maxUtilisation) * SCALE, Math.Rounding.Ceil);
        return value > minValue ? value - minValue : 0;
    }

    function _syncDepth() internal {
        uint256 value = totalAssets() * SCALE;
        uint256 budget = Math.mulDiv(value, maxKCostRatio, RATIO_ONE);
        uint256 n = _targets.length;
        for (uint256 i; i < n; ++i) {
            DepthTarget memory t = _targets[i];
            if (t.depthRatio == 0) continue;
            (uint256 x, uint256 y) = amm.getReserves(t.baseToken);
            uint256 targetY = Math.mulDiv(value, t.depthRatio, RATIO_ONE);
            uint256 diff = targetY > y ? targetY - y : y - targetY;
            if (targetY == 0 || diff * RATIO_ONE <= y * minDepthChange) continue;
            uint256 newX = Math.mulDiv(x, targetY, y);
            try clearingHouse.adjustK(t.baseToken, newX, budget) returns (int256 cost) {
                (, uint256 newY) = amm.getReserves(t.baseToken);
                emit DepthSynced(t.baseToken, y, newY, cost);
            } catch (bytes memory reason) {
                emit DepthSyncSkipped(t.baseToken, targetY, reason);
            }
        }
    }

    function _decimalsOffset() internal pure override returns (uint8) {
        return 12;
    }
}
