"""Fixtures of the sync client tests (shared with tests/server)."""

from tests.helpers.sync import sync_server  # noqa: F401 - a fixture
