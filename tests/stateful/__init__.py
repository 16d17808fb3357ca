"""Stateful property tests (hypothesis state machines) and their machinery (machine.py)."""
