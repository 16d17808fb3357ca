// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {InvariantBase} from "../utils/InvariantBase.sol";
import {PerpHandler} from "../handlers/PerpHandler.sol";

/// @notice Invariant 9: with the index fixed and no funding update, a coalition of three
///         accounts trades, liquidates each other and itself, withdraws, in one block or many,
///         and ends with no more USDC than it deposited; the insurance fund, the pool and a
///         passive depositor lose nothing. Invariants 1, 2, 4 and 10 hold throughout.
contract CoalitionInvariantsTest is InvariantBase {
    int256 internal fund0;
    int256 internal pool0;

    function setUp() public {
        _setUp(true);
        fund0 = h.ch().balanceOf(h.fund());
        pool0 = h.ch().balanceOf(address(h.pool()));
    }

    function _selectors() internal pure override returns (bytes4[] memory s) {
        s = new bytes4[](9);
        s[0] = PerpHandler.deposit.selector;
        s[1] = PerpHandler.withdraw.selector;
        s[2] = PerpHandler.open.selector;
        s[3] = PerpHandler.reduce.selector;
        s[4] = PerpHandler.close.selector;
        s[5] = PerpHandler.liquidate.selector;
        s[6] = PerpHandler.nextBlock.selector;
        s[7] = PerpHandler.push.selector;
        s[8] = PerpHandler.drag.selector;
    }

    /// @notice Nobody outside the coalition loses, at any step; and section 7's state checks.
    function invariant_9_othersLoseNothing() public view {
        _othersLoseNothing();
        _checkAll();
    }

    function _othersLoseNothing() internal view {
        require(h.ch().balanceOf(h.fund()) >= fund0, "inv9: the insurance fund lost");
        require(h.ch().balanceOf(address(h.pool())) >= pool0, "inv9: the pool lost");
        address passive = h.actors(7);
        require(h.ch().balanceOf(passive) >= int256(h.deposited(passive) * SCALE), "inv9: a passive account lost");
        require(h.ch().protocolDeficit() == 0, "inv9: a deficit was recorded");
    }

    /// @notice After each run: the coalition closes everything and withdraws it all; it ends
    ///         with no more USDC than it put in.
    function afterInvariant() public {
        if (!h.closeEverything()) return;
        h.withdrawEverything();
        uint256 inflow;
        uint256 outflow;
        for (uint256 i; i < h.actorCount(); ++i) {
            if (!h.isCoalition(i)) continue;
            inflow += h.deposited(h.actors(i));
            outflow += h.withdrawn(h.actors(i));
        }
        require(outflow <= inflow, "inv9: the coalition withdrew more USDC than it deposited");
        _othersLoseNothing();
        _checkReservesRestored();
        _checkAll();
    }

    /// @notice The coalition campaign reaches its paths on a fixed seed.
    function test_coalitionReachesEveryPath() public {
        _drive(2000, 2);
        string[6] memory keys = ["open:ok", "open:guard", "reduce:ok", "flip:ok", "close:ok", "withdraw:ok"];
        for (uint256 i; i < keys.length; ++i) {
            require(_reached(keys[i]) > 0, keys[i]);
        }
    }
}
