from vperp.bots.cli import main

main()
