// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {vm} from "../utils/Vm.sol";
import {UnitBase} from "./UnitBase.sol";
import {BaseToken} from "../../../contracts/BaseToken.sol";
import {ChainlinkAggregatorMock} from "../../../contracts/test/ChainlinkAggregatorMock.sol";
import {IPriceOracle} from "../../../interfaces/IPriceOracle.sol";
import {IClearingHouseErrors as E} from "../../../interfaces/IClearingHouseErrors.sol";

/// @notice An account's market set lives in two words (AccountBalance): ids below 29 are bits of
///         its balance slot (written by every trade anyway), ids from 29 on are bits of
///         `accountMarkets[trader]`, flagged by HIGH_MARKETS in the balance slot. These tests
///         hold positions on both sides of that boundary (ids 28, 29, 31) and check that the
///         views, the margin checks, the withdrawal and the ten-market limit see all of them.
contract AccountMarketsTest is UnitBase {
    uint256 internal constant BALANCES = 6; // CoreStorage.Layout field: balances
    uint256 internal constant ACCOUNT_MARKETS = 21; // CoreStorage.Layout field: accountMarkets
    uint256 internal constant HIGH_MARKETS = 1 << 31;
    uint256 internal constant TOUCHED = 1 << 255;
    uint256 internal constant PRICE = 100e18;

    address[] internal ids; // market by id
    ChainlinkAggregatorMock[] internal extraFeeds; // by id; 0 and 1: none (the stack's own)

    function setUp() public override {
        super.setUp();
        ids.push(b0);
        ids.push(b1);
        extraFeeds.push(ChainlinkAggregatorMock(address(0)));
        extraFeeds.push(ChainlinkAggregatorMock(address(0)));
        for (uint256 i = 2; i < 32; ++i) {
            address token = address(new BaseToken("Extra", "X"));
            ChainlinkAggregatorMock feed = new ChainlinkAggregatorMock(8, int256(PRICE / 1e10));
            IPriceOracle.Feed memory f = oracle.getFeed(b0);
            (f.chainlink, f.pythId) = (address(feed), bytes32(0));
            oracle.setFeed(token, f);
            ch.addMarket(token, 10_000_000e18 * ONE / PRICE, 10_000_000e18, _params());
            ids.push(token);
            extraFeeds.push(feed);
        }
        assertEq(ch.getMarkets().length, 32, "32 markets");
        _deposit(ALICE, 10_000e6);
    }

    function test_positionsOnBothSidesOfTheBoundary() public {
        uint256[4] memory held = [uint256(0), 28, 29, 31];
        for (uint256 k; k < 4; ++k) {
            _long(ALICE, ids[held[k]], 1_000e18);
        }
        address[] memory got = ch.getAccountMarkets(ALICE);
        assertEq(got.length, 4, "four markets");
        for (uint256 k; k < 4; ++k) {
            assertEq(got[k], ids[held[k]], "market in id order");
        }
        assertEq(_lowWord(ALICE), 1 | 1 << 28 | HIGH_MARKETS, "balance word: ids 0, 28 and the high flag");
        assertEq(_highWord(ALICE), 1 << 29 | 1 << 31 | TOUCHED, "high word: ids 29, 31");

        // closing id 29 keeps the flag (31 is still held); closing 31 clears it
        vm.prank(ALICE);
        ch.closePosition(ids[29], 0, DEADLINE);
        assertEq(_lowWord(ALICE), 1 | 1 << 28 | HIGH_MARKETS, "flag kept");
        assertEq(_highWord(ALICE), 1 << 31 | TOUCHED, "id 31 left");
        vm.prank(ALICE);
        ch.closePosition(ids[31], 0, DEADLINE);
        assertEq(_lowWord(ALICE), 1 | 1 << 28, "flag cleared");
        assertEq(_highWord(ALICE), TOUCHED, "high word empty, never zero again");
        assertEq(ch.getAccountMarkets(ALICE).length, 2, "two markets left");
    }

    /// @dev A position only in a high market: its loss lowers the account value, its requirement
    ///      bounds the withdrawal (free collateral, exactly, and one wei more is refused), and
    ///      it makes the account liquidatable.
    function test_aHighMarketCountsInEveryMarginCheck() public {
        address m = ids[30];
        _long(ALICE, m, 60_000e18); // about 6x on 10,000 USD
        int256 before = ch.getAccountValue(ALICE);
        _nextBlock(12);
        extraFeeds[30].updateAnswer(int256(95e8)); // the index drops 5%
        int256 afterDrop = ch.getAccountValue(ALICE);
        assertTrue(afterDrop < before - 2_500e18, "the high market's loss is counted");

        int256 free = ch.getFreeCollateral(ALICE);
        assertTrue(free > 0, "some collateral is free");
        uint256 freeUsdc = uint256(free) / 1e12; // whole USDC units at most
        vm.prank(ALICE);
        vm.expectRevert(
            abi.encodeWithSelector(E.InsufficientFreeCollateral.selector, ALICE, (freeUsdc + 1) * 1e12, free)
        );
        ch.withdraw(freeUsdc + 1);
        vm.prank(ALICE);
        ch.withdraw(freeUsdc);

        _nextBlock(12);
        extraFeeds[30].updateAnswer(int256(88e8)); // 12% below the first price
        assertTrue(ch.isLiquidatable(ALICE), "liquidatable through its high market");
        vm.prank(KEEPER);
        ch.liquidate(ALICE, m);
    }

    /// @dev The ten-market limit counts both words: five low and three high markets, two more
    ///      low ones fill it; closing a high one frees a place for a low one.
    function test_theMarketLimitCountsBothWords() public {
        uint256[10] memory held = [uint256(24), 25, 26, 27, 28, 29, 30, 31, 0, 1];
        for (uint256 k; k < 10; ++k) {
            _long(ALICE, ids[held[k]], 100e18);
        }
        assertEq(ch.getAccountMarkets(ALICE).length, 10, "ten");
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(E.TooManyMarkets.selector, ALICE, 10));
        ch.openPosition(_params(ids[2], false, true, 100e18, 0));
        vm.prank(ALICE);
        ch.closePosition(ids[31], 0, DEADLINE);
        _long(ALICE, ids[2], 100e18);
        assertEq(ch.getAccountMarkets(ALICE).length, 10, "ten again");
    }

    function _lowWord(address t) internal view returns (uint256) {
        bytes32 slot = keccak256(abi.encode(t, uint256(CORE_SLOT) + BALANCES));
        return uint256(vm.load(address(ch), slot)) >> 224;
    }

    function _highWord(address t) internal view returns (uint256) {
        return uint256(vm.load(address(ch), keccak256(abi.encode(t, uint256(CORE_SLOT) + ACCOUNT_MARKETS))));
    }
}
