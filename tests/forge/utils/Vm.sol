// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice The few forge cheatcodes the invariant suite uses (forge-std is not installable here:
/// npm's forge-std is an old unofficial copy). Signatures as in forge's cheatcode spec.
interface Vm {
    struct Log {
        bytes32[] topics;
        bytes data;
        address emitter;
    }

    function deployCode(string calldata artifactPath, bytes calldata constructorArgs) external returns (address);
    function recordLogs() external;
    function getRecordedLogs() external returns (Log[] memory);
    function warp(uint256 timestamp) external;
    function roll(uint256 blockNumber) external;
    function prank(address sender) external;
    function startPrank(address sender) external;
    function stopPrank() external;
    function deal(address who, uint256 newBalance) external;
    function label(address account, string calldata newLabel) external;
    function assume(bool condition) external pure;
    function expectRevert(bytes4 revertData) external;
    function expectRevert(bytes calldata revertData) external;
    function expectRevert() external;
    function addr(uint256 privateKey) external pure returns (address);
    function envOr(string calldata name, bool defaultValue) external view returns (bool);
    function envOr(string calldata name, string calldata defaultValue) external view returns (string memory);
    function toString(uint256 value) external pure returns (string memory);
    function toString(int256 value) external pure returns (string memory);
    function toString(address value) external pure returns (string memory);
    // unit tests (tests/forge/unit)
    function expectEmit() external;
    function expectEmit(address emitter) external;
    function store(address target, bytes32 slot, bytes32 value) external;
    function load(address target, bytes32 slot) external view returns (bytes32);
    function getCode(string calldata artifactPath) external view returns (bytes memory);
    function snapshotState() external returns (uint256 snapshotId);
    function revertToState(uint256 snapshotId) external returns (bool success);
}

/// @dev The cheatcode address (keccak256("hevm cheat code") truncated).
Vm constant vm = Vm(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);

/// @dev The artifact of one of the protocol's contracts, for `vm.deployCode` / `vm.getCode`. With
///      VPERP_FORGE_ARTIFACTS set (`make test`, `make fuzz`: tools/forge_on_ape_build.sh), the JSON file of that
///      name in that folder: Ape's build of contracts/, exported by tools/export_artifacts.py, so
///      that the contracts are compiled once for both test runners and forge compiles only
///      tests/forge. Unset (plain `forge test`, `tools/hunt.py`, `tools/mutate.py`, coverage), forge's own
///      build of contracts/.
function artifact(string memory name) view returns (string memory) {
    string memory dir = vm.envOr("VPERP_FORGE_ARTIFACTS", string(""));
    return bytes(dir).length == 0 ? string.concat(name, ".sol:", name) : string.concat(dir, "/", name, ".json");
}
