// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient as ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IClearingHouse} from "../../interfaces/IClearingHouse.sol";

/// @title LiquidityPool
/// @notice The AMM's balance sheet as an ERC-4626 vault over USDC (OpenZeppelin's, with its
///         virtual-share inflation defence, 12 decimals of offset). LPs earn the fees the
///         insurance fund does not take, take the AMM's side of funding imbalances and pay for
///         k adjustments and repegs. Withdrawals are limited by utilisation: open-interest
///         notional may not exceed pool value x maxUtilisation afterwards.
///
///         Income vesting (PROTOCOL.md section 5: income goes to LPs in proportion to time and
///         capital at risk). The pool remembers the Vault balance it has accounted for. At every
///         checkpoint (each deposit, mint, withdraw, redeem and syncDepth before anything is
///         priced, and the permissionless `checkpoint()`), a rise of the Vault balance above
///         `accounted` is new income (fees, funding received, curve gains, donations): it is
///         locked and vests linearly until now + incomeVestingPeriod, together with what was
///         still locked (re-spread over the new period). A fall is a loss (funding paid, k
///         adjustment or repeg cost): it hits at once, eating locked income first.
///         `totalAssets()` = Vault balance - income not yet vested, where income not yet
///         checkpointed counts as fully locked and a loss not yet checkpointed counts at once; so
///         the view never over-reports and the ERC-4626 previews equal what the next deposit,
///         mint, withdraw or redeem does in the same block. An LP who enters just before an
///         income event and leaves just after takes only the slice that vested during its stay.
///
///         Depth. The pool's value sets each market's depth: after every deposit and
///         withdrawal (and on `syncDepth`), each market with a depth target moves its k towards
///         quote reserve = totalAssets x depth ratio, through the ClearingHouse's priced k
///         adjustment with a budget of zero. Rule: an automatic depth sync moves no value. It
///         applies only while the market's traders' net position N is zero (the change then
///         costs nothing); with N != 0 any k change moves value between the traders and the
///         LPs (deepening hands V' - V to whoever holds N, shallowing takes it from them), and
///         whoever can time it, a trader or an LP, could take it: such a sync is skipped with
///         DepthSyncSkipped(NetPositionOpen). So nobody can trigger a depth change and profit
///         from it (PROTOCOL.md invariant 9); a k change with N != 0 is a deliberate, priced,
///         bounded governance `ClearingHouse.adjustK`. Shares are priced before the sync: a
///         depositor's shares are minted at the pre-sync value, a redeemer's shares are burned
///         before it.
contract LiquidityPool is ERC4626, Ownable2Step, ReentrancyGuard {
    using SafeERC20 for IERC20;

    error NetPositionOpen(address baseToken, int256 netBase);
    error UtilisationTooHigh(uint256 openInterestNotional, uint256 poolValueAfter, uint256 maxUtilisation);
    error TooManyDepthTargets(uint256 count);
    error ParamOutOfBounds(uint256 value, uint256 min, uint256 max);
    error UnknownMarket(address baseToken);
    error DepthRatioOutOfBounds(address baseToken, uint256 depthRatio, uint256 minRatio, uint256 maxRatio);
    error ZeroAmount();
    error ZeroShares(uint256 assets);
    error ZeroAssets(uint256 shares);
    error AmountTooLarge(uint256 amount, uint256 maxAmount);
    error ZeroAddress();

    event DepthTargetSet(address indexed baseToken, uint32 oldDepthRatio, uint32 depthRatio);
    event DepthSynced(address indexed baseToken, uint256 oldQuoteReserve, uint256 newQuoteReserve, int256 cost);
    event DepthSyncSkipped(address indexed baseToken, uint256 targetQuoteReserve, bytes reason);
    event PoolParamsChanged(
        uint32 oldMaxUtilisation, uint24 oldMinDepthChange, uint32 maxUtilisation, uint24 minDepthChange
    );
    event IncomeVestingPeriodSet(uint32 oldPeriod, uint32 period);
    /// @param income new income found at this checkpoint (18 decimals)
    /// @param lockedTotal income now locked: what was still locked plus `income`
    /// @param unlockEnd when the locked income has fully vested
    event IncomeLocked(uint256 income, uint256 lockedTotal, uint256 unlockEnd);
    /// @param loss fall of the Vault balance since the last checkpoint (18 decimals)
    /// @param absorbedByLockedIncome part of it taken from income not yet vested
    /// @param lockedTotal income still locked afterwards
    event LossRecognized(uint256 loss, uint256 absorbedByLockedIncome, uint256 lockedTotal);

    struct DepthTarget {
        address baseToken;
        uint32 depthRatio; // target quote reserve per unit of pool value, 1e6 = 1x
    }

    uint256 internal constant SCALE = 1e12; // USDC 6 decimals -> 18
    uint256 internal constant RATIO_ONE = 1e6;
    uint256 public constant MAX_DEPTH_TARGETS = 16;
    /// @notice A nonzero depth ratio lies in [1x, 1000x] of the pool's value.
    uint32 public constant MIN_DEPTH_RATIO = 1_000_000;
    uint32 public constant MAX_DEPTH_RATIO = 1_000_000_000;
    /// @notice Bounds of the income vesting period.
    uint32 public constant MIN_VESTING_PERIOD = 1 hours;
    uint32 public constant MAX_VESTING_PERIOD = 7 days;
    /// @notice The largest pool (Vault balance, USDC units: one trillion USDC). Keeps every
    ///         share conversion and the Vault's 128-bit ledger far from overflow.
    uint256 public constant MAX_TOTAL_ASSETS = 1e18;
    /// @notice The largest share amount any conversion accepts (2^192).
    uint256 public constant MAX_SHARES = 2 ** 192;

    /// @notice The core: the pool's balance lives in its ledger, its curves are the markets.
    IClearingHouse public immutable clearingHouse;

    uint32 public maxUtilisation = 5_000_000; // OI notional <= 5x pool value
    uint24 public minDepthChange = 10_000; // re-target only when off by more than 1%
    uint32 public incomeVestingPeriod = 1 days;
    /// @notice Time of the last checkpoint.
    uint64 public lastCheckpoint;
    /// @notice When the income locked at the last checkpoint has fully vested.
    uint64 public unlockEnd;
    /// @notice The pool's Vault balance as of the last checkpoint, moved by deposits and
    ///         withdrawals since (18 decimals).
    uint256 public accounted;
    /// @dev income locked at `lastCheckpoint`, vesting linearly until `unlockEnd` (18 decimals)
    uint256 internal _lockedAtCheckpoint;
    DepthTarget[] internal _targets;

    constructor(IERC20 usdc_, IClearingHouse clearingHouse_, address owner_)
        ERC4626(usdc_)
        ERC20("vAMM Perp LP", "vLP")
        Ownable(owner_)
    {
        if (address(usdc_) == address(0) || address(clearingHouse_) == address(0)) {
            revert ZeroAddress();
        }
        clearingHouse = clearingHouse_;
        lastCheckpoint = uint64(block.timestamp);
        unlockEnd = uint64(block.timestamp);
    }

    // ------------------------------------------------------------------ ERC-4626

    /// @notice The LPs' vested claim: the pool's Vault balance less income not yet vested
    ///         (income not yet checkpointed counts as fully locked, a loss not yet checkpointed
    ///         counts at once), USDC units rounded down.
    function totalAssets() public view override returns (uint256) {
        (uint256 balance, uint256 locked) = _vestingState();
        return (balance - locked) / SCALE;
    }

    /// @notice ERC-4626 maxDeposit: up to MAX_TOTAL_ASSETS of Vault balance.
    function maxDeposit(address) public view override returns (uint256) {
        uint256 balance = _vaultBalance() / SCALE;
        return balance >= MAX_TOTAL_ASSETS ? 0 : MAX_TOTAL_ASSETS - balance;
    }

    /// @notice ERC-4626 maxMint: the shares maxDeposit buys.
    function maxMint(address receiver) public view override returns (uint256) {
        return _convertToShares(maxDeposit(receiver), Math.Rounding.Floor);
    }

    /// @notice ERC-4626 maxWithdraw, limited by utilisation.
    function maxWithdraw(address owner_) public view override returns (uint256) {
        return Math.min(super.maxWithdraw(owner_), _withdrawable());
    }

    /// @notice ERC-4626 maxRedeem, limited by utilisation (shares rounded down, so that
    ///         redeeming them never asks for more than the utilisation limit allows).
    function maxRedeem(address owner_) public view override returns (uint256) {
        return Math.min(super.maxRedeem(owner_), _convertToShares(_withdrawable(), Math.Rounding.Floor));
    }

    /// @inheritdoc ERC4626
    /// @dev Checkpoints first; shares are priced before the depth sync the deposit triggers.
    function deposit(uint256 assets, address receiver) public override nonReentrant returns (uint256) {
        if (assets == 0) revert ZeroAmount();
        _checkpoint();
        return super.deposit(assets, receiver);
    }

    /// @inheritdoc ERC4626
    /// @dev Checkpoints first; shares are priced before the depth sync the mint triggers.
    function mint(uint256 shares, address receiver) public override nonReentrant returns (uint256) {
        if (shares == 0) revert ZeroAmount();
        _checkpoint();
        return super.mint(shares, receiver);
    }

    /// @inheritdoc ERC4626
    /// @dev Checkpoints first. An amount the owner's shares cover but utilisation forbids
    ///      reverts with UtilisationTooHigh (OpenZeppelin's maxWithdraw check would hide the reason).
    function withdraw(uint256 assets, address receiver, address owner_) public override nonReentrant returns (uint256) {
        if (assets == 0) revert ZeroAmount();
        _checkpoint();
        if (assets <= super.maxWithdraw(owner_)) _checkUtilisation(assets);
        return super.withdraw(assets, receiver, owner_);
    }

    /// @inheritdoc ERC4626
    /// @dev As `withdraw`: checkpoints first; UtilisationTooHigh when only utilisation stands in the way.
    function redeem(uint256 shares, address receiver, address owner_) public override nonReentrant returns (uint256) {
        if (shares == 0) revert ZeroAmount();
        _checkpoint();
        if (shares <= super.maxRedeem(owner_)) _checkUtilisation(previewRedeem(shares));
        return super.redeem(shares, receiver, owner_);
    }

    // ------------------------------------------------------------------ income vesting

    /// @notice Books the pool's income and losses since the last checkpoint (permissionless,
    ///         for keepers): new income starts vesting now, a loss hits at once. Never changes
    ///         totalAssets().
    function checkpoint() external nonReentrant {
        _checkpoint();
    }

    /// @notice Income not yet vested (18 decimals), including income not yet checkpointed.
    function lockedIncome() external view returns (uint256 locked) {
        (, locked) = _vestingState();
    }

    /// @notice Sets the period over which new income vests (1 hour .. 7 days). Income already
    ///         locked keeps its schedule; the new period applies from the next income on.
    /// @param period seconds
    function setIncomeVestingPeriod(uint32 period) external onlyOwner {
        if (period < MIN_VESTING_PERIOD || period > MAX_VESTING_PERIOD) {
            revert ParamOutOfBounds(period, MIN_VESTING_PERIOD, MAX_VESTING_PERIOD);
        }
        emit IncomeVestingPeriodSet(incomeVestingPeriod, period);
        incomeVestingPeriod = period;
    }

    // ------------------------------------------------------------------ depth

    /// @notice Moves every market's k towards the depth the pool's value supports, for free only:
    ///         a sync that would cost the pool anything is skipped (see the contract's NatSpec).
    function syncDepth() external nonReentrant {
        _checkpoint();
        _syncDepth();
    }

    /// @notice Sets (or adds) a listed market's depth ratio: target quote reserve = pool value
    ///         x depthRatio / 1e6, within [MIN_DEPTH_RATIO, MAX_DEPTH_RATIO]; 0 turns automatic
    ///         depth off for it.
    /// @param baseToken a listed market
    /// @param depthRatio 1e6 = 1x the pool's value
    function setDepthTarget(address baseToken, uint32 depthRatio) external onlyOwner {
        if (!clearingHouse.getMarket(baseToken).listed) revert UnknownMarket(baseToken);
        if (depthRatio != 0 && (depthRatio < MIN_DEPTH_RATIO || depthRatio > MAX_DEPTH_RATIO)) {
            revert DepthRatioOutOfBounds(baseToken, depthRatio, MIN_DEPTH_RATIO, MAX_DEPTH_RATIO);
        }
        uint256 n = _targets.length;
        for (uint256 i; i < n; ++i) {
            if (_targets[i].baseToken == baseToken) {
                emit DepthTargetSet(baseToken, _targets[i].depthRatio, depthRatio);
                _targets[i].depthRatio = depthRatio;
                return;
            }
        }
        if (n >= MAX_DEPTH_TARGETS) revert TooManyDepthTargets(n);
        _targets.push(DepthTarget(baseToken, depthRatio));
        emit DepthTargetSet(baseToken, 0, depthRatio);
    }

    /// @notice Sets the utilisation limit (0.1x .. 100x) and the depth tolerance (0 .. 50%).
    /// @param maxUtilisation_ max open-interest notional per unit of pool value, 1e6 = 1x
    /// @param minDepthChange_ re-target k only when off by more than this ratio, 1e6 = 100%
    function setParams(uint32 maxUtilisation_, uint24 minDepthChange_) external onlyOwner {
        if (maxUtilisation_ < 100_000 || maxUtilisation_ > 100_000_000) {
            revert ParamOutOfBounds(maxUtilisation_, 100_000, 100_000_000);
        }
        if (minDepthChange_ > 500_000) revert ParamOutOfBounds(minDepthChange_, 0, 500_000);
        emit PoolParamsChanged(maxUtilisation, minDepthChange, maxUtilisation_, minDepthChange_);
        maxUtilisation = maxUtilisation_;
        minDepthChange = minDepthChange_;
    }

    /// @notice The depth targets.
    function getDepthTargets() external view returns (DepthTarget[] memory) {
        return _targets;
    }

    /// @notice Open-interest notional against pool value (totalAssets), 1e6 = 1x.
    function utilisation() external view returns (uint256) {
        uint256 value = totalAssets() * SCALE;
        if (value == 0) return type(uint256).max;
        return Math.mulDiv(clearingHouse.openInterestNotional(), RATIO_ONE, value, Math.Rounding.Ceil);
    }

    // ------------------------------------------------------------------ internals: ERC-4626

    /// @dev Pulls the USDC, mints, books it as accounted (not income) and credits the Vault;
    ///      then the depth sync, after the shares were priced.
    function _deposit(address caller, address receiver, uint256 assets, uint256 shares) internal override {
        if (receiver == address(0)) revert ERC20InvalidReceiver(receiver);
        if (shares == 0) revert ZeroShares(assets);
        IERC20(asset()).safeTransferFrom(caller, address(this), assets);
        _mint(receiver, shares);
        accounted += assets * SCALE;
        emit Deposit(caller, receiver, assets, shares);
        IERC20(asset()).forceApprove(address(clearingHouse), assets);
        clearingHouse.depositFor(address(this), assets);
        _syncDepth();
    }

    /// @dev Burns first, books the outflow, then the Vault pays the receiver directly; the
    ///      depth sync runs after the redeemer's shares are gone.
    function _withdraw(address caller, address receiver, address owner_, uint256 assets, uint256 shares)
        internal
        override
    {
        if (receiver == address(0)) revert ERC20InvalidReceiver(receiver);
        if (assets == 0) revert ZeroAssets(shares);
        _checkUtilisation(assets);
        if (caller != owner_) _spendAllowance(owner_, caller, shares);
        _burn(owner_, shares);
        accounted -= assets * SCALE; // assets <= totalAssets <= accounted / SCALE right after a checkpoint
        emit Withdraw(caller, receiver, owner_, assets, shares);
        clearingHouse.withdrawSystem(receiver, assets);
        _syncDepth();
    }

    /// @dev OpenZeppelin's conversion with a bound on `assets`, so that no input overflows.
    function _convertToShares(uint256 assets, Math.Rounding rounding) internal view override returns (uint256) {
        if (assets > MAX_TOTAL_ASSETS) revert AmountTooLarge(assets, MAX_TOTAL_ASSETS);
        return super._convertToShares(assets, rounding);
    }

    /// @dev OpenZeppelin's conversion with a bound on `shares`, so that no input overflows.
    function _convertToAssets(uint256 shares, Math.Rounding rounding) internal view override returns (uint256) {
        if (shares > MAX_SHARES) revert AmountTooLarge(shares, MAX_SHARES);
        return super._convertToAssets(shares, rounding);
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

    function _decimalsOffset() internal pure override returns (uint8) {
        return 12;
    }

    // ------------------------------------------------------------------ internals: vesting

    function _vaultBalance() internal view returns (uint256) {
        int256 b = clearingHouse.balanceOf(address(this));
        return b > 0 ? uint256(b) : 0;
    }

    /// @dev Income locked at the last checkpoint still unvested now (rounded up: never
    ///      over-reports the LPs' claim).
    function _lockedNow() internal view returns (uint256) {
        uint256 end = unlockEnd;
        uint256 locked = _lockedAtCheckpoint;
        if (locked == 0 || block.timestamp >= end) return 0;
        // lastCheckpoint <= block.timestamp < end
        return Math.mulDiv(locked, end - block.timestamp, end - lastCheckpoint, Math.Rounding.Ceil);
    }

    /// @dev (Vault balance, income not vested) as a checkpoint now would leave them:
    ///      income since the last checkpoint is fully locked, a loss eats locked income first.
    ///      locked <= balance always (locked at a checkpoint <= accounted).
    function _vestingState() internal view returns (uint256 balance, uint256 locked) {
        balance = _vaultBalance();
        locked = _lockedNow();
        uint256 booked = accounted;
        if (balance >= booked) {
            locked += balance - booked;
        } else {
            uint256 loss = booked - balance;
            locked = locked > loss ? locked - loss : 0;
        }
    }

    function _checkpoint() internal {
        uint256 balance = _vaultBalance();
        uint256 booked = accounted;
        if (balance == booked) return; // nothing new: the schedule runs on unchanged
        uint256 stillLocked = _lockedNow();
        uint256 locked;
        if (balance > booked) {
            uint256 income = balance - booked;
            locked = stillLocked + income;
            uint256 end = block.timestamp + incomeVestingPeriod;
            unlockEnd = uint64(end);
            emit IncomeLocked(income, locked, end);
        } else {
            uint256 loss = booked - balance;
            uint256 absorbed = Math.min(loss, stillLocked);
            locked = stillLocked - absorbed;
            // the remaining locked income keeps its end date
            emit LossRecognized(loss, absorbed, locked);
        }
        _lockedAtCheckpoint = locked;
        lastCheckpoint = uint64(block.timestamp);
        accounted = balance;
    }

    // ------------------------------------------------------------------ internals: depth

    /// @dev Budget zero: a sync that would cost the pool anything reverts inside adjustK
    ///      (KCostExceedsBudget) and is skipped with DepthSyncSkipped; free syncs and syncs that
    ///      pay the pool apply. Never panics: an empty curve or a zero target is skipped, any
    ///      revert of the k adjustment is caught.
    function _syncDepth() internal {
        uint256 value = totalAssets() * SCALE;
        if (value == 0) return;
        uint256 n = _targets.length;
        for (uint256 i; i < n; ++i) {
            DepthTarget memory t = _targets[i];
            if (t.depthRatio == 0) continue;
            (uint256 x, uint256 y) = clearingHouse.getReserves(t.baseToken);
            if (x == 0 || y == 0) continue;
            uint256 targetY = Math.mulDiv(value, t.depthRatio, RATIO_ONE);
            uint256 diff = targetY > y ? targetY - y : y - targetY;
            if (targetY == 0 || diff * RATIO_ONE <= y * minDepthChange) continue;
            int256 net = clearingHouse.netBase(t.baseToken);
            if (net != 0) {
                // with traders' net position open, any k change moves value between them and the
                // LPs, and whoever times it (a trader, an LP) could take it: skip
                emit DepthSyncSkipped(t.baseToken, targetY, abi.encodeWithSelector(NetPositionOpen.selector, t.baseToken, net));
                continue;
            }
            uint256 newX = Math.mulDiv(x, targetY, y);
            try clearingHouse.adjustK(t.baseToken, newX, 0) returns (int256 cost) {
                (, uint256 newY) = clearingHouse.getReserves(t.baseToken);
                emit DepthSynced(t.baseToken, y, newY, cost);
            } catch (bytes memory reason) {
                emit DepthSyncSkipped(t.baseToken, targetY, reason);
            }
        }
    }
}
