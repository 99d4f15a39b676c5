"""``python -m gunflow``: the command line."""

from gunflow.cli import main

raise SystemExit(main())
