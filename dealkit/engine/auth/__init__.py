"""Authentication: argon2id passwords, hashed bearer tokens, sign-in throttling (server side),
and where the desktop keeps its token (``token_store``).

The server's routes (dealkit/server/auth_routes.py) and the admin commands call these; the
access policy they feed lives in ``dealkit.engine.access``.
"""
