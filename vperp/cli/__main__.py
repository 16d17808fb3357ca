"""`python -m vperp.cli`: the same as the `vperp` console script."""

from vperp.cli.main import main

main()
