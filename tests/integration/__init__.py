"""Integration tests: the scripts, the smoke test, the bots, the crash replays, NatSpec coverage."""
