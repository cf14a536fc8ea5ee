"""The shared server: an ASGI app over the same engine, on PostgreSQL (or embedded SQLite)."""
