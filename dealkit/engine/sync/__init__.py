"""Sync with the shared server (docs/sync-protocol.md): the outbox, the cursor, applying pulled
pages, and the client over HTTP. Pure engine code: no Qt, no server imports."""

from dealkit.engine.sync.outbox import record_mutation
from dealkit.engine.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION

__all__ = ["PROTOCOL_HEADER", "PROTOCOL_VERSION", "record_mutation"]
