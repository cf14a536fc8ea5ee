"""Bearer tokens: random, shown once, stored as their sha256.

Why sha256 and not argon2: a token is 32 random bytes (256 bits), so no dictionary or brute
force can find it from its hash, and a fast hash lets every request be checked with one indexed
lookup. A slow password hash is for low-entropy secrets people choose; it would add tens of
milliseconds to every API call for no extra safety here. Storing only the hash means a copy of
the database does not let anyone act as a user.
"""

from __future__ import annotations

import hashlib
import secrets

TOKEN_BYTES = 32


def new_token() -> str:
    """A fresh token: 32 random bytes, URL-safe base64 (43 characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    """The hex sha256 of a token, as stored in ``auth_tokens.token_hash``."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
