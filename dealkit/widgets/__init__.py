"""Reusable Qt widgets that know nothing of Dealkit's pages (search box, money label, toast)."""
