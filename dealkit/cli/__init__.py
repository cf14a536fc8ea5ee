"""The ``dealkit`` command: the window when run alone, headless subcommands otherwise."""
