// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IPriceOracle
/// @notice Index price per market from Chainlink and Pyth (18 decimals), with staleness,
///         deviation check and a time-weighted average.
interface IPriceOracle {
    /// @notice Which source the index came from.
    enum Source { Stale, Pyth, Chainlink }

    error UnknownFeed(address baseToken);
    error InvalidFeedConfig(address baseToken);
    error OnlyOwner(address caller);
    error InsufficientPythFee(uint256 required, uint256 provided);
    error RefundFailed(address to, uint256 amount);

    event FeedSet(address indexed baseToken, address chainlink, bytes32 pythId, uint32 chainlinkMaxAge, uint32 pythMaxAge, uint24 maxDeviation);
    event IndexObserved(address indexed baseToken, uint256 price, Source source);
    event PythUpdated(address indexed payer, uint256 fee);

    /// @notice The index price of `baseToken` (18 decimals) and its source; (0, Stale) when no source is fresh and sane.
    function getIndexPrice(address baseToken) external view returns (uint256 price, Source source);
    /// @notice The index and the anchor price: Chainlink's when it is fresh and sane (nobody but the oracle network
    ///         moves it), else the index; (0, 0, Stale) when no source is fresh.
    function getPrices(address baseToken) external view returns (uint256 index, uint256 anchor, Source source);
    /// @notice Reads the index and accrues it into the index TWAP (permissionless).
    function observe(address baseToken) external returns (uint256 price, Source source);
    /// @notice `observe`, also returning the index TWAP accumulator at now (one call for funding).
    function observeCumulative(address baseToken) external returns (uint256 price, Source source, uint256 cumulative);
    /// @notice The index TWAP accumulator extrapolated to now, the price in force and when it was observed.
    function indexCumulative(address baseToken) external view returns (uint256 cumulative, uint256 lastPrice, uint64 lastTime);
    /// @notice Time-weighted index over about the last `window` seconds.
    function indexTwap(address baseToken, uint32 window) external view returns (uint256);
    /// @notice Pushes Pyth price updates, forwarding exactly Pyth's fee and refunding the rest.
    function updatePythPrice(bytes[] calldata updateData) external payable;
    /// @notice The fee Pyth asks for `updateData`.
    function pythUpdateFee(bytes[] calldata updateData) external view returns (uint256);
}
