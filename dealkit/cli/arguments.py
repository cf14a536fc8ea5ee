"""Argument types shared by the subcommands, with messages that say how to write the value."""

from __future__ import annotations

import argparse
from datetime import date


def iso_date(value: str) -> date:
    """A day written as YYYY-MM-DD."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-11-27"
        ) from None
