"""Entry point of the frozen bundle: the same command line as `atelier`."""

from atelier.__main__ import main

raise SystemExit(main())
