// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {vm, artifact} from "../utils/Vm.sol";
import {ChainlinkAggregatorMock} from "../../../contracts/test/ChainlinkAggregatorMock.sol";
import {PythMock} from "../../../contracts/test/PythMock.sol";
import {BrokenFeed} from "../../../contracts/test/BrokenFeed.sol";
import {IPriceOracle} from "../../../interfaces/IPriceOracle.sol";

/// @dev Pays for a Pyth update and cannot take a refund.
contract RefundRejecter {
    function update(IPriceOracle o, bytes[] calldata data) external payable {
        o.updatePythPrice{value: msg.value}(data);
    }
}

/// @notice The price oracle (PriceOracle): feed validation, the index source (Pyth within the
///         deviation band of Chainlink, else Chainlink, else Pyth, else stale), Pyth updates and
///         their fee, feeds that revert, answer garbage or burn gas, and the index TWAP over
///         Chainlink's rounds.
contract OracleTest {
    uint256 internal constant T0 = 1_700_000_000;
    uint256 internal constant FEE = 1e9; // Pyth's fee per update, wei
    address internal constant TOKEN = address(0x70CE);
    bytes32 internal constant ID = bytes32(uint256(0x1d));

    IPriceOracle internal oracle;
    IPriceOracle internal clOnly; // no Pyth
    PythMock internal pyth;
    ChainlinkAggregatorMock internal cl;

    /// @dev The test's clock in storage (via-IR may reuse one read of block.timestamp across vm.warp).
    uint256 internal _now;

    receive() external payable {}

    function _warp(uint256 t) internal {
        _now = t;
        vm.warp(t);
    }

    function setUp() public {
        _warp(T0);
        vm.deal(address(this), 1 ether);
        pyth = new PythMock(60, FEE);
        oracle = IPriceOracle(vm.deployCode(artifact("PriceOracle"), abi.encode(address(pyth), address(this))));
        clOnly = IPriceOracle(vm.deployCode(artifact("PriceOracle"), abi.encode(address(0), address(this))));
        cl = new ChainlinkAggregatorMock(8, 2_000e8);
    }

    function _feed() internal view returns (IPriceOracle.Feed memory) {
        return IPriceOracle.Feed({
            chainlink: address(cl),
            chainlinkDecimals: 0,
            chainlinkMaxAge: 3900,
            pythMaxAge: 60,
            maxDeviation: 20_000,
            pythId: ID,
            minPrice: 1e18,
            maxPrice: 1e24,
            maxConfidence: 10_000
        });
    }

    function _update(int64 price, uint64 conf, int32 expo, uint256 publishTime) internal returns (bytes[] memory d) {
        d = new bytes[](1);
        d[0] = pyth.createPriceFeedUpdateData(ID, price, conf, expo, price, conf, uint64(publishTime), 0);
        oracle.updatePythPrice{value: FEE}(d);
    }

    function _expectSetFeedRevert(IPriceOracle o, IPriceOracle.Feed memory f, bytes memory err) internal {
        vm.expectRevert(err);
        o.setFeed(TOKEN, f);
    }

    // ------------------------------------------------------------------ validation

    function test_setFeedValidation() public {
        IPriceOracle.Feed memory f = _feed();
        vm.expectRevert(abi.encodeWithSelector(IPriceOracle.InvalidBaseToken.selector, address(0)));
        oracle.setFeed(address(0), f);
        vm.prank(address(0xBAD));
        vm.expectRevert(abi.encodeWithSignature("OwnableUnauthorizedAccount(address)", address(0xBAD)));
        oracle.setFeed(TOKEN, f);

        f.chainlink = address(0);
        f.pythId = bytes32(0);
        _expectSetFeedRevert(oracle, f, abi.encodeWithSelector(IPriceOracle.NoPriceSource.selector, TOKEN));
        f = _feed();
        f.chainlinkMaxAge = 0;
        _expectSetFeedRevert(oracle, f, abi.encodeWithSelector(IPriceOracle.ChainlinkMaxAgeOutOfBounds.selector, TOKEN, 0, 1, 2 days));
        f.chainlinkMaxAge = 2 days + 1;
        _expectSetFeedRevert(
            oracle, f, abi.encodeWithSelector(IPriceOracle.ChainlinkMaxAgeOutOfBounds.selector, TOKEN, 2 days + 1, 1, 2 days)
        );
        f = _feed();
        f.chainlink = address(0xDEAD); // no code: no decimals
        _expectSetFeedRevert(
            oracle, f, abi.encodeWithSelector(IPriceOracle.ChainlinkDecimalsUnreadable.selector, TOKEN, address(0xDEAD))
        );
        f.chainlink = address(new ChainlinkAggregatorMock(37, 1));
        _expectSetFeedRevert(oracle, f, abi.encodeWithSelector(IPriceOracle.ChainlinkDecimalsOutOfBounds.selector, TOKEN, 37, 36));
        f = _feed();
        _expectSetFeedRevert(clOnly, f, abi.encodeWithSelector(IPriceOracle.PythUnavailable.selector, TOKEN, ID));
        f.pythMaxAge = 0;
        _expectSetFeedRevert(oracle, f, abi.encodeWithSelector(IPriceOracle.PythMaxAgeOutOfBounds.selector, TOKEN, 0, 1, 1 hours));
        f.pythMaxAge = 1 hours + 1;
        _expectSetFeedRevert(
            oracle, f, abi.encodeWithSelector(IPriceOracle.PythMaxAgeOutOfBounds.selector, TOKEN, 1 hours + 1, 1, 1 hours)
        );
        f = _feed();
        f.maxConfidence = 0;
        _expectSetFeedRevert(oracle, f, abi.encodeWithSelector(IPriceOracle.MaxConfidenceOutOfBounds.selector, TOKEN, 0, 1, 100_000));
        f.maxConfidence = 100_001;
        _expectSetFeedRevert(
            oracle, f, abi.encodeWithSelector(IPriceOracle.MaxConfidenceOutOfBounds.selector, TOKEN, 100_001, 1, 100_000)
        );
        f = _feed();
        f.maxDeviation = 100_001;
        _expectSetFeedRevert(oracle, f, abi.encodeWithSelector(IPriceOracle.MaxDeviationOutOfBounds.selector, TOKEN, 100_001, 100_000));
        f = _feed();
        f.minPrice = 0;
        _expectSetFeedRevert(oracle, f, abi.encodeWithSelector(IPriceOracle.PriceRangeInvalid.selector, TOKEN, 0, 1e24, 1e30));
        f.minPrice = 1e24;
        _expectSetFeedRevert(oracle, f, abi.encodeWithSelector(IPriceOracle.PriceRangeInvalid.selector, TOKEN, 1e24, 1e24, 1e30));
        f.minPrice = 1e18;
        f.maxPrice = 1e30 + 1;
        _expectSetFeedRevert(oracle, f, abi.encodeWithSelector(IPriceOracle.PriceRangeInvalid.selector, TOKEN, 1e18, 1e30 + 1, 1e30));

        // a new market's index must not be stale (Chainlink too old, no Pyth print yet)
        _warp(T0 + 4000);
        _expectSetFeedRevert(oracle, _feed(), abi.encodeWithSelector(IPriceOracle.InitialIndexStale.selector, TOKEN));
        vm.expectRevert(abi.encodeWithSelector(IPriceOracle.UnknownFeed.selector, TOKEN));
        oracle.getIndexPrice(TOKEN);
    }

    function test_setFeedRecordsDecimalsAndReconfigures() public {
        oracle.setFeed(TOKEN, _feed());
        assertEq(uint256(oracle.getFeed(TOKEN).chainlinkDecimals), 8, "decimals read from the aggregator");
        (uint256 price, IPriceOracle.Source source) = oracle.getIndexPrice(TOKEN);
        assertEq(price, 2_000e18, "chainlink price");
        assertTrue(source == IPriceOracle.Source.Chainlink, "chainlink source");
        // reconfigured while stale: the recorded price stays in force
        _warp(T0 + 4000);
        IPriceOracle.Feed memory f = _feed();
        f.pythId = bytes32(0);
        oracle.setFeed(TOKEN, f);
        (uint256 cum, uint256 last, uint64 lastTime) = oracle.indexCumulative(TOKEN);
        assertEq(last, 2_000e18, "recorded price kept");
        assertEq(uint256(lastTime), T0 + 4000, "accrued at the reconfiguration");
        // fresh for 3900 s at 2,000, then the recorded 2,000
        assertEq(cum, 2_000e18 * 4000, "cumulative");
        (price, source) = oracle.getIndexPrice(TOKEN);
        assertEq(price, 0, "stale");
        assertTrue(source == IPriceOracle.Source.Stale, "stale source");
        (uint256 clPrice, bool fresh) = oracle.chainlinkPrice(TOKEN);
        assertEq(clPrice, 0, "chainlink stale");
        assertTrue(!fresh, "not fresh");
    }

    // ------------------------------------------------------------------ Pyth

    function test_pythUpdatesAndFees() public {
        bytes[] memory none = new bytes[](0);
        vm.expectRevert(abi.encodeWithSelector(IPriceOracle.PythUnavailable.selector, address(0), bytes32(0)));
        clOnly.updatePythPrice(none);
        vm.expectRevert(abi.encodeWithSelector(IPriceOracle.NoPythUpdate.selector));
        oracle.updatePythPrice(none);
        bytes[] memory d = new bytes[](1);
        d[0] = pyth.createPriceFeedUpdateData(ID, 2_010e8, 1e8, -8, 2_010e8, 1e8, uint64(_now), 0);
        assertEq(oracle.pythUpdateFee(d), FEE, "fee");
        vm.expectRevert(abi.encodeWithSelector(IPriceOracle.InsufficientPythFee.selector, FEE, FEE - 1));
        oracle.updatePythPrice{value: FEE - 1}(d);
        RefundRejecter r = new RefundRejecter();
        vm.deal(address(r), 0);
        vm.expectRevert(abi.encodeWithSelector(IPriceOracle.RefundFailed.selector, address(r), 5));
        r.update{value: FEE + 5}(oracle, d);

        uint256 before = address(this).balance;
        vm.expectEmit(address(oracle));
        emit IPriceOracle.PythUpdated(address(this), FEE);
        oracle.updatePythPrice{value: FEE + 1_000}(d);
        assertEq(address(this).balance, before - FEE, "the rest refunded");
        assertEq(address(pyth).balance, FEE, "Pyth paid its fee");
    }

    function test_indexSource() public {
        oracle.setFeed(TOKEN, _feed());
        // no Pyth print yet: Chainlink
        (uint256 p, uint256 anchor, IPriceOracle.Source s) = oracle.getPrices(TOKEN);
        assertEq(p, 2_000e18, "chainlink");
        assertTrue(s == IPriceOracle.Source.Chainlink, "chainlink source");
        // Pyth within 2% of Chainlink: Pyth, anchored at Chainlink
        _update(2_010e8, 1e8, -8, _now);
        (p, anchor, s) = oracle.getPrices(TOKEN);
        assertEq(p, 2_010e18, "pyth");
        assertEq(anchor, 2_000e18, "anchor");
        assertTrue(s == IPriceOracle.Source.Pyth, "pyth source");
        (uint256 py, bool fresh) = oracle.pythPrice(TOKEN);
        assertEq(py, 2_010e18, "pyth view");
        assertTrue(fresh, "fresh");
        // beyond the band: Chainlink
        _warp(T0 + 1);
        _update(2_100e8, 1e8, -8, _now);
        (p,, s) = oracle.getPrices(TOKEN);
        assertEq(p, 2_000e18, "chainlink again");
        assertTrue(s == IPriceOracle.Source.Chainlink, "chainlink source again");
        // Chainlink stale, Pyth fresh: Pyth, anchored at itself
        _warp(T0 + 4000);
        _update(2_100e8, 1e8, -8, _now);
        (p, anchor, s) = oracle.getPrices(TOKEN);
        assertEq(p, 2_100e18, "pyth alone");
        assertEq(anchor, 2_100e18, "anchor = index");
        assertTrue(s == IPriceOracle.Source.Pyth, "pyth alone source");
        // both stale
        _warp(T0 + 4061);
        (p,, s) = oracle.getPrices(TOKEN);
        assertEq(p, 0, "stale");
        assertTrue(s == IPriceOracle.Source.Stale, "stale source");
    }

    function test_pythPricesThatDoNotCount() public {
        oracle.setFeed(TOKEN, _feed());
        // not confident enough: conf above 1% of the price
        _update(2_000e8, 21e8, -8, _now);
        (uint256 p, bool fresh) = oracle.pythPrice(TOKEN);
        assertEq(p, 2_000e18, "price");
        assertTrue(!fresh, "not confident");
        // an exponent out of range
        _warp(T0 + 1);
        _update(2_000, 0, -40, _now);
        (p, fresh) = oracle.pythPrice(TOKEN);
        assertTrue(p == 0 && !fresh, "expo below -36");
        // a whole-number exponent: 2,000 x 10^0
        _warp(T0 + 2);
        _update(2_000, 0, 0, _now);
        (p, fresh) = oracle.pythPrice(TOKEN);
        assertEq(p, 2_000e18, "expo 0");
        assertTrue(fresh, "fresh");
        // a negative price
        _warp(T0 + 3);
        _update(-1, 0, -8, _now);
        (p, fresh) = oracle.pythPrice(TOKEN);
        assertTrue(p == 0 && !fresh, "negative");
        // too old
        _warp(T0 + 4);
        _update(2_000e8, 0, -8, _now);
        _warp(T0 + 65);
        (p, fresh) = oracle.pythPrice(TOKEN);
        assertTrue(p == 0 && !fresh, "older than the max age");
        // unknown to Pyth: a feed id without prints
        IPriceOracle.Feed memory f = _feed();
        f.pythId = bytes32(uint256(0x2e));
        oracle.setFeed(address(0x70CF), f);
        (p, fresh) = oracle.pythPrice(address(0x70CF));
        assertTrue(p == 0 && !fresh, "no print");
    }

    function test_pythOnlyFeedAndSmallExponents() public {
        IPriceOracle.Feed memory f = _feed();
        f.chainlink = address(0);
        f.chainlinkDecimals = 7; // ignored: no aggregator
        _update(2_000e8, 1e8, -8, _now);
        oracle.setFeed(TOKEN, f);
        assertEq(uint256(oracle.getFeed(TOKEN).chainlinkDecimals), 0, "no aggregator, no decimals");
        (uint256 p, uint256 anchor, IPriceOracle.Source s) = oracle.observePrices(TOKEN);
        assertEq(p, 2_000e18, "pyth");
        assertEq(anchor, 2_000e18, "anchored at itself");
        assertTrue(s == IPriceOracle.Source.Pyth, "pyth source");
        (uint256 c, bool fresh) = oracle.chainlinkPrice(TOKEN);
        assertTrue(c == 0 && !fresh, "no chainlink");
        // an exponent below -18: divided down (2e17 x 10^-20 = 0.002, below the range)
        _warp(T0 + 1);
        _update(2e17, 0, -20, _now);
        (p, fresh) = oracle.pythPrice(TOKEN);
        assertEq(p, 2e15, "scaled down");
        assertTrue(!fresh, "below the minimum price");
    }

    // ------------------------------------------------------------------ broken feeds

    function test_brokenChainlinkCountsAsStale() public {
        BrokenFeed b = new BrokenFeed();
        IPriceOracle.Feed memory f = _feed();
        f.chainlink = address(b);
        b.configure("boom", true); // reverts
        _update(2_000e8, 1e8, -8, _now);
        oracle.setFeed(TOKEN, f); // Pyth carries the new market
        (uint256 p, IPriceOracle.Source s) = oracle.getIndexPrice(TOKEN);
        assertEq(p, 2_000e18, "pyth");
        assertTrue(s == IPriceOracle.Source.Pyth, "pyth source");
        b.configure(hex"01", false); // too short
        (, bool fresh) = oracle.chainlinkPrice(TOKEN);
        assertTrue(!fresh, "short answer");
        b.configure(abi.encode(uint80(1), int256(0), uint256(0), _now, uint80(1)), false); // zero answer
        (p, fresh) = oracle.chainlinkPrice(TOKEN);
        assertTrue(p == 0 && !fresh, "zero answer");
        b.configure(abi.encode(uint80(1), int256(2_000e8), uint256(0), _now + 1, uint80(1)), false); // future
        (p, fresh) = oracle.chainlinkPrice(TOKEN);
        assertTrue(p == 0 && !fresh, "dated in the future");
        b.configure(abi.encode(uint80(1), int256(1e30), uint256(0), _now, uint80(1)), false); // out of range
        (p, fresh) = oracle.chainlinkPrice(TOKEN);
        assertEq(p, 1e40, "its price");
        assertTrue(!fresh, "out of range: not fresh");
        (p, s) = oracle.getIndexPrice(TOKEN);
        assertTrue(s == IPriceOracle.Source.Pyth, "still Pyth");
        b.configure(abi.encode(uint80(1), int256(2e67), uint256(0), _now, uint80(1)), false); // overflows 1e18
        (p, fresh) = oracle.chainlinkPrice(TOKEN);
        assertTrue(p == 0 && !fresh, "not representable");
        // the index TWAP without a valid Chainlink round: the recorded (Pyth) price throughout
        (uint256 cum0,,) = oracle.indexCumulative(TOKEN);
        _warp(T0 + 30);
        (,, uint256 cum1) = oracle.observeCumulative(TOKEN);
        assertEq(cum1 - cum0, 2_000e18 * 30, "recorded price for the span");
        // a feed that burns its gas: stale, and a caller that starves it is refused
        b.configureBurn(true);
        (p, fresh) = oracle.chainlinkPrice(TOKEN);
        assertTrue(p == 0 && !fresh, "burnt");
        (bool ok, bytes memory err) =
            address(oracle).staticcall{gas: 80_000}(abi.encodeCall(IPriceOracle.getIndexPrice, (TOKEN)));
        assertTrue(!ok && bytes4(err) == IPriceOracle.InsufficientGasForFeed.selector, "starved call refused");
    }

    // ------------------------------------------------------------------ index TWAP

    function test_twapWalksChainlinkRounds() public {
        oracle.setFeed(TOKEN, _feed()); // round 1 at T0: 2,000
        _warp(T0 + 100);
        cl.updateAnswer(2_100e8); // round 2
        _warp(T0 + 200);
        cl.updateAnswer(2_200e8); // round 3
        _warp(T0 + 300);
        (uint256 viewCum,,) = oracle.indexCumulative(TOKEN);
        (uint256 p, IPriceOracle.Source s, uint256 cum) = oracle.observeCumulative(TOKEN);
        assertEq(p, 2_200e18, "latest");
        assertTrue(s == IPriceOracle.Source.Chainlink, "source");
        assertEq(cum, (2_000e18 + 2_100e18 + 2_200e18) * 100, "each round for its span");
        assertEq(viewCum, cum, "view agrees");
        assertEq(oracle.indexTwap(TOKEN, 300), 2_100e18, "TWAP over the three rounds");
        // a gap longer than the max age: the recorded price for the stale part
        _warp(T0 + 300 + 5000);
        cl.updateAnswer(2_300e8);
        _warp(T0 + 300 + 5100);
        (,, uint256 cum2) = oracle.observeCumulative(TOKEN);
        assertEq(cum2 - cum, 2_200e18 * 5000 + 2_300e18 * 100, "fresh 3900 s, recorded 1100 s, new round 100 s");
        (p, s) = oracle.observe(TOKEN);
        assertEq(p, 2_300e18, "observe");
        // a round whose predecessor is missing ends the walk: the rest at the recorded price
        _warp(T0 + 6000);
        cl.updateRoundData(9, 2_400e8, T0 + 5900, T0 + 5900); // rounds 5-8 never existed
        _warp(T0 + 6100);
        (,, uint256 cum3) = oracle.observeCumulative(TOKEN);
        assertEq(cum3 - cum2, 2_300e18 * 500 + 2_400e18 * 200, "recorded 2,300 until round 9, then 2,400");
    }

    // ------------------------------------------------------------------ assertions

    function assertEq(uint256 a, uint256 b, string memory what) internal pure {
        if (a != b) revert(string.concat(what, ": ", vm.toString(a), " != ", vm.toString(b)));
    }

    function assertTrue(bool c, string memory what) internal pure {
        if (!c) revert(what);
    }
}
