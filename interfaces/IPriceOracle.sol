// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPyth} from "@pythnetwork/pyth-sdk-solidity/IPyth.sol";

/// @title IPriceOracle
/// @notice Index price per market from Chainlink and Pyth (18 decimals), with staleness,
///         deviation and confidence checks, and a time-weighted average for funding.
interface IPriceOracle {
    /// @notice Which source the index came from.
    enum Source { Stale, Pyth, Chainlink }

    /// @notice A market's feeds and limits (three storage slots).
    struct Feed {
        address chainlink; // AggregatorV3Interface, may be zero
        uint8 chainlinkDecimals; // read from the aggregator by setFeed (the value passed is ignored)
        uint32 chainlinkMaxAge; // seconds: heartbeat + margin
        uint32 pythMaxAge; // seconds
        uint24 maxDeviation; // of Pyth from Chainlink, 1e6 = 100%
        bytes32 pythId; // zero: no Pyth feed
        uint112 minPrice; // 18 decimals; answers outside [min, max] are stale
        uint112 maxPrice;
        uint24 maxConfidence; // of a Pyth price: conf / price, 1e6 = 100% (PROTOCOL.md section 4: 1%)
    }

    // ------------------------------------------------------------------ errors
    error UnknownFeed(address baseToken);
    error InvalidBaseToken(address baseToken);
    error NoPriceSource(address baseToken);
    error PythUnavailable(address baseToken, bytes32 pythId);
    error ChainlinkDecimalsUnreadable(address baseToken, address chainlink);
    error ChainlinkDecimalsOutOfBounds(address baseToken, uint256 decimals, uint256 max);
    error ChainlinkMaxAgeOutOfBounds(address baseToken, uint256 maxAge, uint256 min, uint256 max);
    error PythMaxAgeOutOfBounds(address baseToken, uint256 maxAge, uint256 min, uint256 max);
    error MaxDeviationOutOfBounds(address baseToken, uint256 maxDeviation, uint256 max);
    error MaxConfidenceOutOfBounds(address baseToken, uint256 maxConfidence, uint256 min, uint256 max);
    error PriceRangeInvalid(address baseToken, uint256 minPrice, uint256 maxPrice, uint256 maxAllowed);
    error InitialIndexStale(address baseToken);
    error NoPythUpdate();
    error InsufficientPythFee(uint256 required, uint256 provided);
    error RefundFailed(address to, uint256 amount);
    /// @dev A feed call could not be given its full gas allowance: retry with a higher gas limit
    ///      (a starved call must never pass for a stale feed).
    error InsufficientGasForFeed(uint256 gasLeft, uint256 required);
    /// @dev A sequencer uptime feed that does not answer `latestRoundData`.
    error SequencerFeedUnreadable(address feed);
    error SequencerGracePeriodOutOfBounds(uint256 gracePeriod, uint256 min, uint256 max);

    // ------------------------------------------------------------------ events
    /// @dev old: the feed before (all zero for a new market)
    event FeedSet(address indexed baseToken, Feed old, Feed feed);
    /// @notice The price in force in the index TWAP changed (Chainlink's answer while it is
    ///         fresh; the spot index, i.e. Pyth, only while Chainlink is stale or absent).
    event IndexObserved(address indexed baseToken, uint256 price, Source source);
    event PythUpdated(address indexed payer, uint256 fee);
    /// @notice The L2 sequencer uptime feed changed (zero: no feed, the rule is off).
    event SequencerUptimeFeedSet(address indexed old, address indexed feed);
    /// @notice The grace period after a sequencer restart changed (seconds).
    event SequencerGracePeriodSet(uint256 old, uint256 gracePeriod);

    /// @notice The index price of `baseToken` (18 decimals) and its source; (0, Stale) when no source is fresh and sane.
    function getIndexPrice(address baseToken) external view returns (uint256 price, Source source);
    /// @notice The index and the anchor price: Chainlink's when it is fresh and sane (nobody but the oracle network
    ///         moves it), else the index; (0, 0, Stale) when no source is fresh.
    function getPrices(address baseToken) external view returns (uint256 index, uint256 anchor, Source source);
    /// @notice Reads the index and accrues the index TWAP up to now (permissionless).
    function observe(address baseToken) external returns (uint256 price, Source source);
    /// @notice `observe`, also returning the anchor price (Chainlink's when fresh and sane, else the index).
    function observePrices(address baseToken) external returns (uint256 index, uint256 anchor, Source source);
    /// @notice `observe`, also returning the index TWAP accumulator at now (one call for funding).
    function observeCumulative(address baseToken) external returns (uint256 price, Source source, uint256 cumulative);
    /// @notice The index TWAP accumulator at now (what `observeCumulative` would return), the
    ///         price in force from now on and the time of the last accrual.
    function indexCumulative(address baseToken) external view returns (uint256 cumulative, uint256 lastPrice, uint64 lastTime);
    /// @notice Time-weighted index over about the last `window` seconds.
    function indexTwap(address baseToken, uint32 window) external view returns (uint256);
    /// @notice Pyth's contract (address 0: no Pyth on this chain).
    function pyth() external view returns (IPyth);
    /// @notice Pushes Pyth price updates, forwarding exactly Pyth's fee and refunding the rest.
    function updatePythPrice(bytes[] calldata updateData) external payable;
    /// @notice The fee Pyth asks for `updateData`.
    function pythUpdateFee(bytes[] calldata updateData) external view returns (uint256);
    /// @notice Sets a market's feeds and limits (owner).
    function setFeed(address baseToken, Feed calldata feed) external;
    /// @notice The feed configuration of a market.
    function getFeed(address baseToken) external view returns (Feed memory);
    /// @notice Chainlink's answer in 18 decimals and whether it is fresh and sane.
    function chainlinkPrice(address baseToken) external view returns (uint256 price, bool fresh);
    /// @notice Pyth's price in 18 decimals and whether it is fresh, sane and confident enough.
    function pythPrice(address baseToken) external view returns (uint256 price, bool fresh);

    /// @notice Chainlink's L2 sequencer uptime feed (answer 0: up, 1: down; startedAt: the time of
    ///         the last status change); zero on a chain without one (the sequencer rule is off).
    function sequencerUptimeFeed() external view returns (address);
    /// @notice Seconds after a sequencer restart during which opening, increasing and liquidating wait.
    function sequencerGracePeriod() external view returns (uint256);
    /// @notice Sets the sequencer uptime feed (owner); zero turns the sequencer rule off.
    function setSequencerUptimeFeed(address feed) external;
    /// @notice Sets the grace period after a sequencer restart (owner), within
    ///         [MIN_SEQUENCER_GRACE_PERIOD, MAX_SEQUENCER_GRACE_PERIOD].
    function setSequencerGracePeriod(uint256 gracePeriod) external;
    /// @notice The sequencer rule now: `ready` when no feed is set, or the feed says up since at
    ///         least the grace period (block.timestamp >= since + grace period); `down`: the feed
    ///         says down (or cannot be read); `since`: the feed's startedAt; `readyAt`: since +
    ///         grace period while up (0 while down or without a feed).
    function sequencerStatus() external view returns (bool ready, bool down, uint256 since, uint256 readyAt);
    /// @notice Reverts unless the sequencer rule allows it: SequencerUnavailable for opening and
    ///         increasing, LiquidationWaitsForSequencer when `liquidation` (both declared in
    ///         IClearingHouseErrors: they refuse the core's trades, and so appear in its ABI).
    function requireSequencerUp(bool liquidation) external view;
}
