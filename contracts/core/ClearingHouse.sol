// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient as ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IClearingHouse} from "../../interfaces/IClearingHouse.sol";
import {IClearingHouseActions} from "../../interfaces/IClearingHouseActions.sol";
import {IClearingHouseOwnerActions} from "../../interfaces/IClearingHouseOwnerActions.sol";
import {IClearingHouseState} from "../../interfaces/IClearingHouseState.sol";
import {IPriceOracle} from "../../interfaces/IPriceOracle.sol";
import {INettingEngine} from "../../interfaces/INettingEngine.sol";
import {CoreStorage} from "./CoreStorage.sol";
import {DataTypes} from "./DataTypes.sol";
import {AccountBalance} from "../libraries/AccountBalance.sol";
import {Ledger} from "../libraries/Ledger.sol";
import {Margin} from "../libraries/Margin.sol";
import {PerpMath} from "../libraries/PerpMath.sol";
import {Trading} from "../libraries/Trading.sol";
import {Twap} from "../libraries/Twap.sol";
import {VirtualAMM} from "../libraries/VirtualAMM.sol";

/// @title ClearingHouse
/// @notice The protocol's one core contract: it holds every USDC and all hot state (the
///         collateral ledger, the curves, positions, open interest, account market sets and
///         funding). Mechanisms are internal libraries over that state (VirtualAMM prices a
///         fill, AccountBalance books it, Ledger moves collateral, Margin values accounts);
///         cold paths run in logic contracts it delegatecalls (LiquidationLogic, FundingLogic,
///         ConfigLogic). A trade calls only the price oracle: its prices, and on an increase
///         the L2 sequencer rule (requireSequencerUp).
contract ClearingHouse is IClearingHouse, Ownable2Step, ReentrancyGuard {
    using SafeERC20 for IERC20;
    using PerpMath for uint256;
    using Twap for Twap.State;

    uint256 internal constant RATIO_ONE = 1e6;
    /// @inheritdoc IClearingHouseState
    uint256 public constant MAX_TRADE_AMOUNT = type(uint112).max;
    /// @inheritdoc IClearingHouseState
    uint256 public constant MAX_AMOUNT_USDC = Ledger.MAX_AMOUNT_USDC;
    /// @inheritdoc IClearingHouseState
    uint256 public constant MIN_COLLATERAL_INDEX = Ledger.MIN_COLLATERAL_INDEX;
    /// @inheritdoc IClearingHouseState
    uint256 public constant MAX_MARKETS_PER_ACCOUNT = AccountBalance.MAX_MARKETS_PER_ACCOUNT;
    /// @inheritdoc IClearingHouseState
    uint32 public constant MARK_TWAP_WINDOW = VirtualAMM.MARK_TWAP_WINDOW;

    IERC20 internal immutable _usdc;
    /// @inheritdoc IClearingHouseState
    IPriceOracle public immutable oracle;
    address internal immutable _liquidationLogic;
    address internal immutable _fundingLogic;
    address internal immutable _configLogic;
    address internal immutable _viewLogic;
    address internal immutable _orderLogic;
    address internal immutable _nettingLogic;

    modifier checkDeadline(uint256 deadline) {
        if (block.timestamp > deadline) revert DeadlineExpired(deadline, block.timestamp);
        _;
    }

    /// @dev The function is ViewLogic's function of the same signature, run in the core's
    ///      context: its return data (or revert) is this call's, and the (empty) body never runs.
    modifier inViewLogic() {
        _asView(_forward)(_viewLogic);
        _;
    }

    /// @param usdc_ the collateral token (6 decimals)
    /// @param oracle_ the price oracle
    /// @param logic_ the liquidation, funding, configuration, view, order and netting logic contracts, in this order
    /// @param owner_ governance
    constructor(IERC20 usdc_, IPriceOracle oracle_, address[6] memory logic_, address owner_) Ownable(owner_) {
        if (address(usdc_) == address(0) || address(oracle_) == address(0)) revert ZeroAddress();
        for (uint256 i; i < 6; ++i) {
            if (logic_[i] == address(0)) revert ZeroAddress();
        }
        _usdc = usdc_;
        oracle = oracle_;
        (_liquidationLogic, _fundingLogic, _configLogic, _viewLogic) = (logic_[0], logic_[1], logic_[2], logic_[3]);
        (_orderLogic, _nettingLogic) = (logic_[4], logic_[5]);
        CoreStorage.Layout storage s = CoreStorage.layout();
        s.collateralIndex = uint128(Ledger.ONE);
        s.guardian = owner_;
        s.liquidatorShare = 500_000;
        s.minPositionNotional = 10e18;
        s.fullLiquidationThreshold = 500e18;
    }

    // ================================================================== collateral (the Vault)

    /// @inheritdoc IClearingHouseActions
    function deposit(uint256 amountUsdc) external nonReentrant {
        _deposit(msg.sender, msg.sender, amountUsdc);
    }

    /// @inheritdoc IClearingHouseActions
    function depositFor(address account, uint256 amountUsdc) external nonReentrant {
        if (account == address(0)) revert ZeroAddress();
        _deposit(account, msg.sender, amountUsdc);
    }

    /// @inheritdoc IClearingHouseActions
    function depositFrom(address trader, uint256 amountUsdc) external nonReentrant {
        _requireOperator(trader, DataTypes.ACTION_ADD_COLLATERAL);
        _deposit(trader, trader, amountUsdc);
    }

    /// @inheritdoc IClearingHouseActions
    function withdraw(uint256 amountUsdc) external nonReentrant {
        _withdraw(msg.sender, amountUsdc);
    }

    /// @inheritdoc IClearingHouseActions
    function withdrawFor(address trader, uint256 amountUsdc) external nonReentrant {
        _requireOperator(trader, DataTypes.ACTION_REMOVE_COLLATERAL);
        _withdraw(trader, amountUsdc);
    }

    /// @inheritdoc IClearingHouseActions
    function withdrawSystem(address to, uint256 amountUsdc) external nonReentrant {
        _delegate(_configLogic, msg.data); // the caller, the amount, the ledger and the event
        _usdc.safeTransfer(to, amountUsdc);
    }

    /// @inheritdoc IClearingHouseActions
    function repayDeficit(uint256 amountUsdc) external nonReentrant {
        _delegate(_configLogic, msg.data); // the amount, the deficit and the event
        _usdc.safeTransferFrom(msg.sender, address(this), amountUsdc);
    }

    // ================================================================== trading

    /// @inheritdoc IClearingHouseActions
    function openPosition(DataTypes.OpenPositionParams calldata params)
        external
        nonReentrant
        checkDeadline(params.deadline)
        returns (uint256 base, uint256 quote)
    {
        return _open(msg.sender, params);
    }

    /// @inheritdoc IClearingHouseActions
    function openPositionFor(address trader, DataTypes.OpenPositionParams calldata params)
        external
        nonReentrant
        checkDeadline(params.deadline)
        returns (uint256 base, uint256 quote)
    {
        _requireOperator(trader, DataTypes.ACTION_OPEN);
        return _open(trader, params);
    }

    /// @inheritdoc IClearingHouseActions
    function closePosition(address baseToken, uint256 oppositeAmountBound, uint256 deadline)
        external
        nonReentrant
        checkDeadline(deadline)
        returns (uint256 base, uint256 quote)
    {
        return _close(msg.sender, baseToken, oppositeAmountBound);
    }

    /// @inheritdoc IClearingHouseActions
    function closePositionFor(address trader, address baseToken, uint256 oppositeAmountBound, uint256 deadline)
        external
        nonReentrant
        checkDeadline(deadline)
        returns (uint256 base, uint256 quote)
    {
        _requireOperator(trader, DataTypes.ACTION_CLOSE);
        return _close(trader, baseToken, oppositeAmountBound);
    }

    /// @inheritdoc IClearingHouseActions
    function liquidate(address trader, address baseToken) external nonReentrant returns (uint256 base, uint256 quote) {
        return _liquidate(trader, baseToken, 0);
    }

    /// @inheritdoc IClearingHouseActions
    function liquidateWithBound(address trader, address baseToken, uint256 oppositeAmountBound)
        external
        nonReentrant
        returns (uint256 base, uint256 quote)
    {
        return _liquidate(trader, baseToken, oppositeAmountBound);
    }

    /// @inheritdoc IClearingHouseActions
    function settleFunding(address trader, address baseToken) external nonReentrant {
        _delegate(_fundingLogic, msg.data); // the market, the settlement and its event
    }

    /// @inheritdoc IClearingHouseActions
    function settleAllFunding(address trader) external nonReentrant {
        _delegate(_fundingLogic, msg.data);
    }

    /// @inheritdoc IClearingHouseActions
    function updateFundingRate(address baseToken) external nonReentrant {
        _delegate(_fundingLogic, msg.data);
    }

    // ================================================================== governance

    /// @inheritdoc IClearingHouseOwnerActions
    function setSystemAccounts(address insuranceFund_, address liquidityPool_) external onlyOwner {
        _delegate(_configLogic, msg.data);
    }

    /// @inheritdoc IClearingHouseOwnerActions
    function addMarket(address baseToken, uint256 baseReserve, uint256 quoteReserve, DataTypes.MarketParams calldata params)
        external onlyOwner {
        _delegate(_configLogic, msg.data);
    }

    /// @inheritdoc IClearingHouseOwnerActions
    function setMarketParams(address baseToken, DataTypes.MarketParams calldata params) external onlyOwner {
        _delegate(_configLogic, msg.data);
    }

    /// @inheritdoc IClearingHouseOwnerActions
    function setGlobalParams(uint128 minPositionNotional_, uint128 fullLiquidationThreshold_, uint24 liquidatorShare_)
        external onlyOwner {
        _delegate(_configLogic, msg.data);
    }

    /// @inheritdoc IClearingHouseOwnerActions
    function setPaused(address baseToken, bool paused) external {
        _delegate(
            _configLogic,
            abi.encodeWithSignature("setPaused(address,bool,bool)", baseToken, paused, msg.sender == owner())
        );
    }

    /// @inheritdoc IClearingHouseOwnerActions
    function setGuardian(address guardian_) external onlyOwner {
        _delegate(_configLogic, msg.data);
    }

    /// @inheritdoc IClearingHouseOwnerActions
    function adjustK(address baseToken, uint256 newBaseReserve, uint256 maxCost)
        external
        nonReentrant
        returns (int256 cost)
    {
        bool byOwner = msg.sender == owner();
        if (!byOwner && msg.sender != CoreStorage.layout().liquidityPool) revert OwnableUnauthorizedAccount(msg.sender);
        bytes memory ret = _delegate(
            _configLogic,
            abi.encodeWithSignature("adjustK(address,uint256,uint256,bool)", baseToken, newBaseReserve, maxCost, byOwner)
        );
        return abi.decode(ret, (int256));
    }

    /// @inheritdoc IClearingHouseOwnerActions
    function repeg(address baseToken, uint256 maxCost) external onlyOwner nonReentrant returns (int256 cost) {
        return abi.decode(_delegate(_configLogic, msg.data), (int256));
    }

    // ================================================================== views: accounts

    /// @inheritdoc IClearingHouseState
    function getPosition(address trader, address baseToken)
        external
        view
        inViewLogic
        returns (DataTypes.Position memory)
    {}

    /// @inheritdoc IClearingHouseState
    function getAccountValue(address trader) external view inViewLogic returns (int256) {}

    /// @inheritdoc IClearingHouseState
    function getMarginRequirements(address trader)
        external
        view
        inViewLogic
        returns (uint256 initial, uint256 maintenance)
    {}

    /// @inheritdoc IClearingHouseState
    function getFreeCollateral(address trader) external view inViewLogic returns (int256) {}

    /// @inheritdoc IClearingHouseState
    function isLiquidatable(address trader) external view inViewLogic returns (bool) {}

    /// @inheritdoc IClearingHouseState
    function getAccountState(address trader)
        external
        view
        inViewLogic
        returns (int256 accountValue, uint256 initialRequirement, uint256 maintenanceRequirement, bool liquidatable)
    {}

    /// @inheritdoc IClearingHouseState
    function getAccountStates(address[] calldata traders)
        external
        view
        inViewLogic
        returns (DataTypes.AccountState[] memory)
    {}

    /// @inheritdoc IClearingHouseState
    function getPendingFunding(address trader, address baseToken) external view inViewLogic returns (int256) {}

    /// @inheritdoc IClearingHouseState
    function getAccountMarkets(address trader) external view inViewLogic returns (address[] memory tokens) {}

    // ================================================================== views: collateral

    /// @inheritdoc IClearingHouseState
    function balanceOf(address account) external view returns (int256) {
        return Ledger.balanceOf(CoreStorage.layout(), account);
    }

    /// @inheritdoc IClearingHouseState
    function rawBalance(address trader) external view inViewLogic returns (uint256 shares, uint256 debt) {}

    /// @inheritdoc IClearingHouseState
    function collateralIndex() external view inViewLogic returns (uint256) {}

    /// @inheritdoc IClearingHouseState
    function totalShares() external view inViewLogic returns (uint256) {}

    /// @inheritdoc IClearingHouseState
    function totalDebt() external view inViewLogic returns (uint256) {}

    /// @inheritdoc IClearingHouseState
    function protocolDeficit() external view inViewLogic returns (uint256) {}

    /// @inheritdoc IClearingHouseState
    function fundingEscrow() external view inViewLogic returns (int256) {}

    /// @inheritdoc IClearingHouseState
    function poolFeeIncome() external view inViewLogic returns (uint256) {}

    /// @inheritdoc IClearingHouseState
    function fundingPayoutBudget() external view inViewLogic returns (uint256) {}

    /// @inheritdoc IClearingHouseState
    function usdc() external view returns (address) {
        return address(_usdc);
    }

    /// @inheritdoc IClearingHouseState
    function insuranceFund() external view inViewLogic returns (address) {}

    /// @inheritdoc IClearingHouseState
    function liquidityPool() external view inViewLogic returns (address) {}

    // ================================================================== views: markets

    /// @inheritdoc IClearingHouseState
    function getMarkets() external view inViewLogic returns (address[] memory) {}

    /// @inheritdoc IClearingHouseState
    function getMarket(address baseToken) external view inViewLogic returns (DataTypes.Market memory) {}

    /// @inheritdoc IClearingHouseState
    function getValuationPrice(address baseToken)
        external
        view
        inViewLogic
        returns (uint256 price, bool indexFresh)
    {}

    /// @inheritdoc IClearingHouseState
    function getIndexPrice(address baseToken) external view inViewLogic returns (uint256 price) {}

    /// @inheritdoc IClearingHouseState
    function getMarkPrice(address baseToken) external view inViewLogic returns (uint256) {}

    /// @inheritdoc IClearingHouseState
    function getMarkTwap(address baseToken, uint32 window) external view inViewLogic returns (uint256) {}

    /// @inheritdoc IClearingHouseState
    function markCumulative(address baseToken) external view inViewLogic returns (uint256) {}

    /// @inheritdoc IClearingHouseState
    function getReserves(address baseToken)
        external
        view
        inViewLogic
        returns (uint256 baseReserve, uint256 quoteReserve)
    {}

    /// @inheritdoc IClearingHouseState
    function netBase(address baseToken) external view inViewLogic returns (int256) {}

    /// @inheritdoc IClearingHouseState
    function referenceBaseReserve(address baseToken) external view inViewLogic returns (uint256) {}

    /// @inheritdoc IClearingHouseState
    function netPositionValue(address baseToken) external view inViewLogic returns (int256) {}

    /// @inheritdoc IClearingHouseState
    function migrationCost(address baseToken, uint256 newBaseReserve, uint256 newQuoteReserve)
        external
        view
        inViewLogic
        returns (int256)
    {}

    /// @inheritdoc IClearingHouseState
    function quoteSwap(address baseToken, bool isBaseToQuote, bool isExactInput, uint256 amount)
        external
        view
        inViewLogic
        returns (uint256 base, uint256 quote)
    {}

    /// @inheritdoc IClearingHouseState
    function getOpenInterest(address baseToken) external view inViewLogic returns (uint256 longSize, uint256 shortSize) {}

    /// @inheritdoc IClearingHouseState
    function getOpenInterestCaps(address baseToken)
        external
        view
        inViewLogic
        returns (uint256 longCap, uint256 shortCap)
    {}

    /// @inheritdoc IClearingHouseState
    function openInterestNotional() external view inViewLogic returns (uint256) {}

    /// @inheritdoc IClearingHouseState
    function lastFundingTime(address baseToken) external view inViewLogic returns (uint256) {}

    /// @inheritdoc IClearingHouseState
    function getFundingState(address baseToken)
        external
        view
        inViewLogic
        returns (int256 cumulativeIndex, int256 lastRate, int256 nextRate, uint256 lastTime)
    {}

    // ================================================================== views: globals

    /// @inheritdoc IClearingHouseState
    function guardian() external view inViewLogic returns (address) {}

    /// @inheritdoc IClearingHouseState
    function globalPaused() external view inViewLogic returns (bool) {}

    /// @inheritdoc IClearingHouseState
    function liquidatorShare() external view inViewLogic returns (uint24) {}

    /// @inheritdoc IClearingHouseState
    function minPositionNotional() external view inViewLogic returns (uint128) {}

    /// @inheritdoc IClearingHouseState
    function fullLiquidationThreshold() external view inViewLogic returns (uint128) {}


    // ================================================================== netting engine

    /// @notice The netting engine (INettingEngine) and operator approvals (IOperatorApproval),
    ///         in the core's context: batches run in NettingLogic; queueing, cancelling, operator
    ///         approvals, the views and the netting setter (owner only) in OrderLogic, where any
    ///         other unknown selector reverts.
    fallback() external {
        bytes4 sig = msg.sig;
        if (sig == INettingEngine.setNettingParams.selector) _checkOwner();
        _forward(sig == INettingEngine.executeBatch.selector ? _nettingLogic : _orderLogic);
    }

    // ================================================================== internals

    /// @dev The caller acts for `trader`: it is the trader, or holds `action` in the trader's
    ///      operator approval (IOperatorApproval).
    function _requireOperator(address trader, uint256 action) internal view {
        if (msg.sender != trader && CoreStorage.layout().operatorActions[trader][msg.sender] & action == 0) {
            revert NotOperator(trader, msg.sender, action);
        }
    }

    function _open(address trader, DataTypes.OpenPositionParams calldata params) internal returns (uint256, uint256) {
        if (params.amount == 0) revert ZeroAmount();
        if (params.amount > MAX_TRADE_AMOUNT) revert AmountTooLarge(params.amount, MAX_TRADE_AMOUNT);
        return _userTrade(
            DataTypes.TradeParams(
                trader,
                params.baseToken,
                params.isBaseToQuote,
                params.isExactInput,
                params.amount,
                params.oppositeAmountBound,
                false
            )
        );
    }

    function _close(address trader, address baseToken, uint256 oppositeAmountBound) internal returns (uint256, uint256) {
        int256 size = CoreStorage.layout().positions[trader][baseToken].size;
        if (size == 0) {
            _requireMarket(CoreStorage.layout(), baseToken);
            revert NoPosition(trader, baseToken);
        }
        return _userTrade(
            DataTypes.TradeParams(trader, baseToken, size > 0, size > 0, PerpMath.abs(size), oppositeAmountBound, false)
        );
    }

    /// @dev Free collateral to `trader`'s own address, after settling its funding.
    function _withdraw(address trader, uint256 amountUsdc) internal {
        uint256 amount = Ledger.checkedAmount(amountUsdc);
        CoreStorage.Layout storage s = CoreStorage.layout();
        // pending funding first, so that the ledger is what the free-collateral check sees
        AccountBalance.settleAllFunding(s, trader);
        int256 free = Margin.freeCollateral(s, oracle, trader, Ledger.traderBalance(s, trader))
            - int256(AccountBalance.reservedMargin(s, trader)); // queued netting orders' reserve
        if (free < 0 || uint256(free) < amount) revert InsufficientFreeCollateral(trader, amount, free);
        Ledger.debit(s, trader, amount);
        emit Withdrawn(trader, trader, amount);
        _usdc.safeTransfer(trader, amountUsdc);
    }

    /// @dev A user trade (not a liquidation): the oracle once, the shared pipeline, then the
    ///      guards of PROTOCOL.md section 5: increases need no pause, a fresh index, the L2
    ///      sequencer up past its grace period (the oracle's rule), the OI cap
    ///      and the initial requirement; every user trade keeps the mark inside the spread band
    ///      (or moves it back towards the index on the same side), leaves no dust, and never
    ///      leaves the account's collateral negative or its anchored value below zero: only a
    ///      liquidation may realise a loss the account cannot pay.
    function _userTrade(DataTypes.TradeParams memory p) internal returns (uint256, uint256) {
        CoreStorage.Layout storage s = CoreStorage.layout();
        DataTypes.Market memory m = _requireMarket(s, p.baseToken);
        (uint256 price, uint256 anchor, IPriceOracle.Source source) = oracle.getPrices(p.baseToken);
        DataTypes.TradeResult memory r = Trading.trade(s, p, m);
        bool fresh = source != IPriceOracle.Source.Stale;
        bool increased = r.newSize != 0
            && (r.oldSize == 0 || (r.oldSize > 0) != (r.newSize > 0) || PerpMath.abs(r.newSize) > PerpMath.abs(r.oldSize));
        if (increased) {
            if (m.paused || s.globalPaused) revert MarketPaused(p.baseToken);
            if (!fresh) revert IndexStale(p.baseToken);
            oracle.requireSequencerUp(false); // L2 sequencer down or in its grace period: SequencerUnavailable
            _checkOpenInterestCap(s, p.baseToken, r.newSize > 0);
        }
        if (fresh) {
            _checkSpread(p.baseToken, m, r, price);
        } else {
            price = anchor = VirtualAMM.markTwap(s.curves[p.baseToken], s.markTwaps[p.baseToken], MARK_TWAP_WINDOW);
        }
        if (r.newSize != 0) {
            uint256 notional = PerpMath.abs(r.newSize).mulDown(price);
            uint256 minNotional = s.minPositionNotional;
            if (notional < minNotional) revert DustPosition(p.baseToken, notional, minNotional);
        }
        DataTypes.AccountState memory st = Margin.accountState(
            s, oracle, p.trader, r.collateral, Margin.newCacheFor(s, p.trader, p.baseToken, m, price, anchor)
        );
        if (increased && st.accountValue < int256(st.initialRequirement)) {
            revert InsufficientMargin(p.trader, st.accountValue, st.initialRequirement);
        }
        if (r.collateral < 0 || st.anchoredValue < 0) revert AccountUnderWater(p.trader, r.collateral, st.anchoredValue);
        return (r.base, r.quote);
    }

    /// @dev No user trade leaves the mark beyond the max spread from the index, unless it moves
    ///      it back towards the index without crossing it.
    function _checkSpread(address baseToken, DataTypes.Market memory m, DataTypes.TradeResult memory r, uint256 index)
        internal
        pure
    {
        uint256 mark = r.markPrice;
        uint256 diff = mark > index ? mark - index : index - mark;
        if (diff * RATIO_ONE <= index * m.maxSpreadRatio) return;
        uint256 old = r.oldMarkPrice;
        uint256 oldDiff = old > index ? old - index : index - old;
        if ((old > index) != (mark > index) || diff >= oldDiff) {
            revert SpreadTooLarge(baseToken, mark, index, m.maxSpreadRatio);
        }
    }

    function _checkOpenInterestCap(CoreStorage.Layout storage s, address baseToken, bool isLong) internal view {
        DataTypes.OpenInterest memory oi = s.openInterest[baseToken];
        DataTypes.OpenInterestCap memory cap = s.oiCaps[baseToken];
        if (isLong ? oi.long > cap.long : oi.short > cap.short) {
            revert OpenInterestCapExceeded(baseToken, isLong, isLong ? oi.long : oi.short, isLong ? cap.long : cap.short);
        }
    }

    function _liquidate(address trader, address baseToken, uint256 bound) internal returns (uint256, uint256) {
        bytes memory ret = _delegate(
            _liquidationLogic, abi.encodeWithSignature("liquidate(address,address,uint256)", trader, baseToken, bound)
        );
        return abi.decode(ret, (uint256, uint256));
    }

    function _requireMarket(CoreStorage.Layout storage s, address baseToken)
        internal
        view
        returns (DataTypes.Market memory m)
    {
        m = s.markets[baseToken];
        if (!m.listed) revert UnknownMarket(baseToken);
    }

    /// @dev Credits `account` with `amountUsdc` taken from `payer`'s wallet.
    function _deposit(address account, address payer, uint256 amountUsdc) internal {
        uint256 amount = Ledger.checkedAmount(amountUsdc);
        Ledger.add(CoreStorage.layout(), account, int256(amount));
        emit Deposited(account, payer, amount);
        _usdc.safeTransferFrom(payer, address(this), amountUsdc);
    }

    /// @dev Runs `logic`'s function of this call's selector and arguments on the core's storage
    ///      and ends the call with its return data, or its revert. It never returns here, so no
    ///      modifier code after it runs: only for calls whose modifiers all come before it.
    function _forward(address logic) internal {
        assembly {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), logic, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            if iszero(ok) { revert(0, returndatasize()) }
            return(0, returndatasize())
        }
    }

    /// @dev `_forward` typed as a view, for the views that ViewLogic answers. Sound because every
    ///      ViewLogic function is a view (compiler-checked: no state change, static calls only),
    ///      which tests/unit/admin checks on its ABI.
    function _asView(function(address) internal f) internal pure returns (function(address) internal view g) {
        assembly {
            g := f
        }
    }

    /// @dev Runs a logic contract's code on the core's storage; bubbles its revert up.
    function _delegate(address logic, bytes memory data) internal returns (bytes memory ret) {
        bool ok;
        (ok, ret) = logic.delegatecall(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 32), mload(ret))
            }
        }
    }
}
