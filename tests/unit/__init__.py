"""Unit tests, one folder per area of the protocol; each test starts from the freshly deployed stack."""
