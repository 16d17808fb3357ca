"""Helpers shared by the tests, each defined once (import them as `from utils.<module> import ...`;
tests/ is on sys.path through tests/conftest.py):

- constants: units, deadlines, addresses and the default markets' parameters;
- reverts: expected-revert helpers (`reverts` for Ape transactions, `Protocol` for the raw
  JSON-RPC layer with allowed errors) and the error sets a trade or an attack may meet;
- actions: set-up and trading helpers (wallets, a new market's token and feed, moving the index);
- checks: shared assertions on receipts;
- models: reference values read from the chain as the Python models of vperp.sdk.curve,
  reference maths shared by several files, and the searches for exact amounts (`smallest`,
  `solve_exact`: a trade amount that puts a figure exactly on a boundary);
- coalition: the coalition attacks of PROTOCOL.md invariant 9 (unit/solvency and stateful).
"""
