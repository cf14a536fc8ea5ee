"""Fixtures of the end-to-end flows: a real server (uvicorn on loopback) and laptops."""

from tests.helpers.sync import sync_server  # noqa: F401 - a fixture
