"""Crash replays: the windows of real oracle data and their oracle steps (`windows`), the accounts
(`cohorts`), the keeper bot that liquidates (`keeper`), the engine that drives a deployment through
a window (`runner`), the summary it produces (`summary`), its plots (`plots`) and table
(`report`), and `make replays` (`batch`: each window on its own Anvil without step tracing)."""
