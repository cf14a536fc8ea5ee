"""Where the desktop keeps its sign-in: the operating system's keyring, else a private file.

The token is a password-equivalent until it expires, so it goes to the keyring (macOS Keychain,
Windows Credential Locker, the Secret Service on Linux desktops) when ``keyring`` finds a usable
backend. On a machine without one (a headless Linux box, a minimal desktop) it falls back to a
JSON file created with mode 0600, so only the user can read it. ``TokenStore.where`` says which,
for the preferences page and the docs.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

SERVICE = "Dealkit"
FILE_MODE = 0o600


@dataclass(frozen=True)
class SavedSession:
    server: str  # the base URL, e.g. https://dealkit.example.com
    username: str
    token: str
    expires_at: datetime
    user_id: str = ""  # the user's id on the server
    display_name: str = ""

    def expired(self, now: datetime) -> bool:
        return self.expires_at <= now

    def to_json(self) -> str:
        data = asdict(self)
        data["expires_at"] = self.expires_at.isoformat()
        return json.dumps(data)

    @classmethod
    def from_json(cls, text: str) -> SavedSession | None:
        """The session in ``text``; None for anything unreadable (treated as signed out)."""
        try:
            data = json.loads(text)
            return cls(
                server=str(data["server"]),
                username=str(data["username"]),
                token=str(data["token"]),
                expires_at=datetime.fromisoformat(data["expires_at"]),
                user_id=str(data.get("user_id", "")),
                display_name=str(data.get("display_name", "")),
            )
        except (ValueError, KeyError, TypeError):
            return None


def _usable_keyring() -> Any | None:
    """The keyring backend, or None when there is no real one (fail/null backends)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration: fall back rather than not sign in
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return backend


class TokenStore:
    """Save, load and forget the one signed-in session of this desktop.

    ``file`` is the fallback file; ``use_keyring=False`` forces the file (tests, and machines
    where the keyring prompts on every access).
    """

    def __init__(self, file: Path, *, account: str = "session", use_keyring: bool = True) -> None:
        self.file = Path(file)
        self.account = account  # the keyring entry's name: one per workspace
        self.use_keyring = use_keyring
        self._resolved = False
        self._backend: Any | None = None

    @property
    def _keyring(self) -> Any | None:
        """The keyring backend, found on first use (importing keyring takes ~0.25 s)."""
        if not self._resolved:
            self._backend = _usable_keyring() if self.use_keyring else None
            self._resolved = True
        return self._backend

    @property
    def where(self) -> str:
        if self._keyring is not None:
            return f"the system keyring ({type(self._keyring).__name__})"
        return f"{self.file} (readable by you only)"

    def save(self, session: SavedSession) -> None:
        if self._keyring is not None:
            self._keyring.set_password(SERVICE, self.account, session.to_json())
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.file.with_name(self.file.name + ".tmp")
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        # O_EXCL + mode: the file is private from its first byte, whatever the umask.
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(session.to_json())
        os.chmod(temporary, FILE_MODE)  # on systems where os.open ignored the mode
        os.replace(temporary, self.file)

    def load(self) -> SavedSession | None:
        if self._keyring is not None:
            text = self._keyring.get_password(SERVICE, self.account)
            return SavedSession.from_json(text) if text else None
        try:
            text = self.file.read_text(encoding="utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            return None
        return SavedSession.from_json(text)

    def forget(self) -> None:
        if self._keyring is not None:
            # keyring.errors.PasswordDeleteError when nothing was saved: already forgotten
            with contextlib.suppress(Exception):
                self._keyring.delete_password(SERVICE, self.account)
            return
        with contextlib.suppress(FileNotFoundError):
            self.file.unlink()
