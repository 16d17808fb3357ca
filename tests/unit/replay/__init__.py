"""The crash replays' pure parts: the account plan, invariant 10's checker, the table and the plot."""
