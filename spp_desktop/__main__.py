from spp_desktop.cli import main

raise SystemExit(main())
