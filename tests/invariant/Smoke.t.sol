// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;
import {vm} from "./utils/Vm.sol";
import {ClearingHouse} from "../../contracts/core/ClearingHouse.sol";
contract SmokeTest {
    function test_warp() public {
        vm.warp(1000);
        require(block.timestamp == 1000, "warp");
    }
}
