"""Password hashing with argon2id (argon2-cffi's defaults, RFC 9106's second recommendation).

A password is slow to guess only if its hash is slow to compute: argon2id is memory-hard, and
``needs_rehash`` lets a later Dealkit raise the cost; the next successful sign-in re-hashes.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher()  # argon2id, time_cost=3, memory_cost=64 MiB, parallelism=4

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024  # argon2 takes any length; a bound keeps hostile requests cheap


class PasswordRejected(ValueError):
    """A new password that does not meet the rules; the message says which and how to fix it."""


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordRejected(
            f"the password is {len(password)} characters; use at least {MIN_PASSWORD_LENGTH}"
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise PasswordRejected(f"the password is longer than {MAX_PASSWORD_LENGTH} characters")


def hash_password(password: str) -> str:
    """The argon2id hash (PHC string, salt included) of a password that passes the rules."""
    check_new_password(password)
    return _HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when ``password`` matches; False for a mismatch or a damaged stored hash."""
    if len(password) > MAX_PASSWORD_LENGTH:
        return False
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _HASHER.check_needs_rehash(stored_hash)


# A hash of a password nobody has: verifying against it when the user does not exist makes a
# failed sign-in take as long either way, so timing does not tell which usernames exist.
DUMMY_HASH = _HASHER.hash("dealkit-no-such-user-" + "x" * 16)
