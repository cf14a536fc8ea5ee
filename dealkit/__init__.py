"""Dealkit: an offline-first desktop sales workbench (quote, library, commissions)."""

__version__ = "0.1.0"
