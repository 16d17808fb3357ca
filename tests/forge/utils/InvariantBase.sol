// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {PerpHandler} from "../handlers/PerpHandler.sol";
import {vm} from "./Vm.sol";

/// @dev forge's target-selector record (StdInvariant's FuzzSelector).
struct FuzzSelector {
    address addr;
    bytes4[] selectors;
}

/// @notice PROTOCOL.md section 7's state invariants over a PerpHandler, shared by the campaigns.
///         The checks one action makes (3, 5, 6, the identities of 10, liveness) live in the
///         handler, which records a failure; `invariant_noRecordedFailure` reports it.
abstract contract InvariantBase {
    uint256 internal constant ONE = 1e18;
    uint256 internal constant SCALE = 1e12;
    PerpHandler internal h;
    uint256[2] internal baseReserve0;
    uint256[2] internal quoteReserve0;

    function _setUp(bool fixedIndex) internal {
        h = new PerpHandler(fixedIndex);
        for (uint256 m; m < 2; ++m) {
            (baseReserve0[m], quoteReserve0[m]) = h.ch().getReserves(h.bases(m));
        }
    }

    function targetContracts() public view returns (address[] memory t) {
        t = new address[](1);
        t[0] = address(h);
    }

    function targetSelectors() public view returns (FuzzSelector[] memory s) {
        s = new FuzzSelector[](1);
        s[0] = FuzzSelector(address(h), _selectors());
    }

    function _selectors() internal view virtual returns (bytes4[] memory);

    event log_named_uint(string key, uint256 val);

    /// @dev Drives the handler through `calls` pseudo-random calls of the campaign's selectors
    ///      (seeded, reproducible): the path tests use it to show that the campaign reaches the
    ///      outcomes it is meant to explore, and print its outcome counts (`forge test -vv`).
    function _drive(uint256 calls, uint256 seed) internal {
        bytes4[] memory sel = _selectors();
        for (uint256 i; i < calls; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            bytes4 f = sel[r % sel.length];
            uint256 a = uint256(keccak256(abi.encode(r, 1)));
            uint256 b = uint256(keccak256(abi.encode(r, 2)));
            uint256 c = uint256(keccak256(abi.encode(r, 3)));
            uint256 d = uint256(keccak256(abi.encode(r, 4)));
            (bool ok,) = address(h).call(abi.encodePacked(f, abi.encode(a, b, c, d)));
            require(ok, "handler call reverted");
            if (i % 100 == 99) _checkAll();
        }
        _checkAll();
        for (uint256 k; k < h.countKeyCount(); ++k) {
            bytes32 key = h.countKeys(k);
            emit log_named_uint(string(abi.encodePacked(key)), h.counts(key));
        }
    }

    function _reached(string memory key) internal view returns (uint256) {
        return h.counts(bytes32(bytes(key)));
    }

    /// @dev Every account the campaign touches: the actors, the liquidator, the keeper and the
    ///      prober.
    function _accounts() internal view returns (address[] memory a) {
        uint256 n = h.actorCount();
        a = new address[](n + 3);
        for (uint256 i; i < n; ++i) {
            a[i] = h.actors(i);
        }
        a[n] = h.liquidator();
        a[n + 1] = h.keeper();
        a[n + 2] = h.prober();
    }

    /// @dev forge runs one campaign per invariant_ function: each campaign checks all of
    ///      section 7 through one of them, so a run's depth is spent once.
    function _checkAll() internal view {
        _noRecordedFailure();
        _inv1ZeroSumExposure();
        _inv2VaultSolvency();
        _inv4FundingConservation();
        _inv10BadDebtAccounted();
    }

    /// @notice Liveness and the per-action invariants (3, 5, 6, 10): nothing recorded.
    function _noRecordedFailure() internal view {
        require(h.failures() == 0, h.firstFailure());
    }

    /// @notice Invariant 1: per market, Σ sizes == the AMM's net base, open interest agrees.
    function _inv1ZeroSumExposure() internal view {
        address[] memory a = _accounts();
        for (uint256 m; m < 2; ++m) {
            address b = h.bases(m);
            int256 total;
            uint256 longs;
            uint256 shorts;
            for (uint256 i; i < a.length; ++i) {
                int256 size = h.ch().getPosition(a[i], b).size;
                total += size;
                if (size > 0) longs += uint256(size);
                else shorts += uint256(-size);
            }
            require(total == h.ch().netBase(b), "inv1: sum of sizes != AMM net base");
            (uint256 longOi, uint256 shortOi) = h.ch().getOpenInterest(b);
            require(longOi == longs && shortOi == shorts, "inv1: open interest disagrees with positions");
        }
    }

    /// @notice Invariant 2: USDC held covers every claim (ledger, funding escrow and the
    ///         traders' exit value on the curves net of their open notionals), exact to
    ///         rounding dust in the protocol's favour.
    function _inv2VaultSolvency() internal view {
        (int256 surplus, uint256 n) = _surplus();
        require(surplus >= -int256(n * 4), "inv2: the vault holds less than its claims");
        uint256 dust = 1e6 * n + h.socialisations() * (h.ch().totalShares() / ONE + 1);
        require(surplus <= int256(dust), "inv2: unexplained surplus beyond rounding dust");
    }

    function _surplus() internal view returns (int256 surplus, uint256 n) {
        address[] memory a = _accounts();
        n = a.length + 2;
        int256 held = int256(h.usdc().balanceOf(address(h.ch())) * SCALE);
        int256 claims = h.ch().balanceOf(h.fund()) + h.ch().balanceOf(address(h.pool()));
        claims += h.ch().fundingEscrow();
        for (uint256 i; i < a.length; ++i) {
            claims += h.ch().balanceOf(a[i]);
        }
        for (uint256 m; m < 2; ++m) {
            address b = h.bases(m);
            claims += h.ch().netPositionValue(b);
            for (uint256 i; i < a.length; ++i) {
                claims -= h.ch().getPosition(a[i], b).openNotional;
            }
        }
        surplus = held - claims;
    }

    /// @notice Invariant 4: traders' funding paid and owed covers what the pool and the fund
    ///         received (escrow + pending >= 0).
    function _inv4FundingConservation() internal view {
        address[] memory a = _accounts();
        int256 pending;
        for (uint256 i; i < a.length; ++i) {
            for (uint256 m; m < 2; ++m) {
                pending += h.ch().getPendingFunding(a[i], h.bases(m));
            }
        }
        require(h.ch().fundingEscrow() + pending >= 0, "inv4: traders' funding short of what the pool received");
    }

    /// @notice Invariant 10: Σ bad debt = Σ covered + Σ socialised + recorded deficit, exactly;
    ///         no flat account keeps negative collateral.
    function _inv10BadDebtAccounted() internal view {
        require(h.badDebt() == h.badDebtCovered() + h.badDebtSocialised() + h.deficitRecorded(), "inv10: sums");
        require(h.badDebtSocialised() == h.lossSocialised(), "inv10: socialised != LossSocialized");
        require(h.ch().protocolDeficit() == h.deficitRecorded() - h.deficitRepaid(), "inv10: deficit != recorded");
        address[] memory a = _accounts();
        for (uint256 i; i < a.length; ++i) {
            if (h.ch().getAccountMarkets(a[i]).length == 0) {
                require(h.ch().balanceOf(a[i]) >= 0, "inv10: silent bad debt on a flat account");
            }
        }
    }

    /// @dev Invariant 8 after closing everything: each curve back at its initial reserves
    ///      (base exactly, quote up to the dust k keeps), when no curve change happened.
    function _checkReservesRestored() internal view {
        if (h.curveChanges() != 0) return;
        for (uint256 m; m < 2; ++m) {
            (uint256 x, uint256 y) = h.ch().getReserves(h.bases(m));
            require(x == baseReserve0[m], "inv8: base reserve not restored");
            require(y >= quoteReserve0[m] && y - quoteReserve0[m] <= 1e6, "inv8: quote reserve not restored");
        }
    }
}
