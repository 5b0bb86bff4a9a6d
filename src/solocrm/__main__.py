from solocrm.cli import main

raise SystemExit(main())
