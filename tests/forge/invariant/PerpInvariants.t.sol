// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {InvariantBase} from "../utils/InvariantBase.sol";
import {PerpHandler} from "../handlers/PerpHandler.sol";

/// @notice The main campaign: traders, the coalition, an LP, a liquidator and a keeper; the
///         index walks real ETH/USD prices; funding epochs, k adjustments and repegs.
///         Invariants 1-6, 8 and 10 of PROTOCOL.md section 7, and liveness.
contract PerpInvariantsTest is InvariantBase {
    function setUp() public {
        _setUp(false);
    }

    function _selectors() internal pure override returns (bytes4[] memory s) {
        s = new bytes4[](18);
        s[0] = PerpHandler.deposit.selector;
        s[1] = PerpHandler.withdraw.selector;
        s[2] = PerpHandler.open.selector;
        s[3] = PerpHandler.reduce.selector;
        s[4] = PerpHandler.close.selector;
        s[5] = PerpHandler.liquidate.selector;
        s[6] = PerpHandler.movePrice.selector;
        s[7] = PerpHandler.nextBlock.selector;
        s[8] = PerpHandler.updateFunding.selector;
        s[9] = PerpHandler.settleFunding.selector;
        s[10] = PerpHandler.adjustK.selector;
        s[11] = PerpHandler.repeg.selector;
        s[12] = PerpHandler.lpDeposit.selector;
        s[13] = PerpHandler.lpRedeem.selector;
        s[14] = PerpHandler.push.selector;
        s[15] = PerpHandler.arbitrage.selector;
        s[16] = PerpHandler.edge.selector;
        s[17] = PerpHandler.lateLiquidate.selector;
    }

    /// @notice Section 7 (1, 2, 4, 10 as state; 3, 5, 6 and liveness as recorded by the
    ///         handler) after every call.
    function invariant_sectionSeven() public view {
        _checkAll();
    }

    /// @notice After each run: close every position, then invariant 8 (when no curve change
    ///         happened) and 2 again with every account flat; everyone withdraws what is free.
    function afterInvariant() public {
        if (!h.closeEverything()) return;
        _checkReservesRestored();
        _inv2VaultSolvency();
        h.withdrawEverything();
        _checkAll();
    }

    /// @notice The campaign reaches what it is meant to explore: on a fixed seed, trades of
    ///         every kind succeed and are refused, liquidations happen, funding epochs close,
    ///         k adjustments and repegs pass, the LP comes and goes.
    function test_campaignReachesEveryPath() public {
        _drive(3000, 1);
        string[13] memory keys = [
            "open:ok", "open:refused", "edge:ok", "reduce:ok", "flip:ok", "close:ok", "liquidate:ok",
            "withdraw:ok", "withdraw:over", "updateFunding:ok", "adjustK:ok", "repeg:ok", "lpRedeem:ok"
        ];
        for (uint256 i; i < keys.length; ++i) {
            require(_reached(keys[i]) > 0, keys[i]);
        }
    }
}
