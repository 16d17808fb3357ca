"""Simulations on a local chain: the scripted demo session (`session`), the crash replays
(`replay`), the historical price series they read (`market_data`) and the checkers of the
protocol's invariants they run (`invariants`)."""
