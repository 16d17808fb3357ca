"""Crash replays: the windows of real oracle data and their oracle steps (`windows`), the engine
that drives a deployment through one (`runner`) and the summary it produces (`summary`)."""
