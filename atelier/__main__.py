"""`python -m atelier` runs the command line."""

from atelier.cli import main

raise SystemExit(main())
