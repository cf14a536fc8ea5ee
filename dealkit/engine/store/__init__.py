"""Local engine store: SQLAlchemy 2 typed models over SQLite (desktop) or PostgreSQL (server)."""
