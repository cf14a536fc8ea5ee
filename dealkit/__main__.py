"""Allow ``python -m dealkit``."""

from dealkit.cli.main import main

raise SystemExit(main())
