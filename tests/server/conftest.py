"""Fixtures of the server tests (the sync ones are shared with tests/engine/sync)."""

from tests.helpers.sync import sync_server  # noqa: F401 - a fixture
