"""vperp: Python tooling for the vAMM perpetual futures protocol."""
