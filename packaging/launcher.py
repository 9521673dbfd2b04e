"""Entry point of the frozen bundle: the same command line as `atelier`."""

from atelier.cli import main

raise SystemExit(main())
