"""Who is signed in to the shared server, for the whole window: ``SessionState``.

The sync code calls ``session_expired(reason)`` (from any thread) when the server answers 401;
the window then forgets the dead token and asks the person to sign in again. Nothing local is
touched: quotes, the outbox and the library stay as they are and go up after the next sign-in.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from dealkit.desktop.tasks import TaskRunner
from dealkit.engine.auth.token_store import SavedSession, TokenStore
from dealkit.engine.ids import utcnow
from dealkit.engine.workspace import Workspace

SESSION_FILE = "session.json"  # in the workspace folder, mode 0600, when there is no keyring


class SessionState(QObject):
    """The signed-in session of one workspace.

    Signals: ``changed()`` on any change (restored, signed in or out, expired);
    ``signed_in(SavedSession)`` after a new sign-in; ``signed_out()``; and ``expired(str)``
    with the server's reason when a sign-in stopped working (the window prompts to sign in).

    The saved sign-in is read by ``restore`` off the GUI thread once the window is up (the
    keyring is slow to load); until then ``current()`` is None and ``restored`` is False.
    """

    changed = Signal()
    signed_in = Signal(object)
    signed_out = Signal()
    expired = Signal(str)
    _expire_requested = Signal(str)  # crosses from a worker thread to the GUI thread

    def __init__(self, tokens: TokenStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tokens = tokens
        self.restored = False
        self.last: SavedSession | None = None  # kept after expiry, to pre-fill the dialog
        self._session: SavedSession | None = None
        self._expire_requested.connect(self._expire)

    def restore(self, tasks: TaskRunner | None = None) -> None:
        """Read the saved sign-in (on a worker thread with ``tasks``, else right here)."""
        if tasks is None:
            self._restored(self.tokens.load())
        else:
            tasks.run(self.tokens.load, self._restored)

    def _restored(self, saved: SavedSession | None) -> None:
        if self._session is None and self.last is None:  # a sign-in meanwhile wins
            self.last = saved
            if saved is not None and not saved.expired(utcnow()):
                self._session = saved
        self.restored = True
        self.changed.emit()

    @classmethod
    def for_workspace(cls, workspace: Workspace, parent: QObject | None = None) -> SessionState:
        root = Path(workspace.root)
        return cls(TokenStore(root / SESSION_FILE, account=f"session:{root}"), parent)

    def current(self) -> SavedSession | None:
        """The live session (None when signed out or expired)."""
        return self._session

    @property
    def is_signed_in(self) -> bool:
        return self._session is not None

    def remember(self, session: SavedSession) -> None:
        """Keep a new sign-in (keyring or private file) and tell the window."""
        self.tokens.save(session)
        self._session = self.last = session
        self.signed_in.emit(session)
        self.changed.emit()

    def forget(self) -> None:
        """Drop the token on this computer (local work is untouched)."""
        self.tokens.forget()
        if self._session is not None:
            self._session = None
            self.signed_out.emit()
            self.changed.emit()

    def session_expired(self, reason: str = "") -> None:
        """The server refused the token (401): forget it and ask to sign in again.

        Safe to call from any thread and more than once: the prompt shows once.
        """
        self._expire_requested.emit(reason)

    def _expire(self, reason: str) -> None:
        if self._session is None:
            return
        self.tokens.forget()
        self._session = None
        self.expired.emit(reason)
        self.changed.emit()

    def sign_out(self, tasks: TaskRunner, done: Callable[[str, bool], None] | None = None) -> None:
        """Forget the token here at once, and revoke it on the server off the GUI thread.

        ``done(message, ok)`` gets a sentence for the status bar.
        """
        session = self._session
        if session is None:
            return
        self.forget()

        def revoke() -> str | None:
            from dealkit.engine.auth.client import SignInError, sign_out

            try:
                sign_out(session)
            except SignInError as error:  # offline: expected, said plainly (not a failure)
                return str(error)
            return None

        def finished(problem: str | None) -> None:
            if done is not None:
                if problem is None:
                    done(self.tr("Signed out of %1.").replace("%1", session.server), True)
                else:
                    done(problem, False)

        tasks.run(revoke, finished, label=self.tr("Signing out…"))
