from vperp.indexer.cli import main

raise SystemExit(main())
