from vperp.web.server import main

raise SystemExit(main())
