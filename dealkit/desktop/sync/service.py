"""``SyncService``: the window's sync with the shared server, in the background.

When it syncs: once the saved sign-in is known (at start) and after each sign-in, every few
minutes on a timer, on demand (File ▸ Sync now, F5 or Ctrl+R), after a local change meant for
others (an approval decision: ``request_sync``), and when the server says something changed
(the ``/api/v1/events`` stream, heard on a worker).

How: ``SyncClient.sync`` (push the outbox, then pull) runs through the window's ``TaskRunner``
with its progress in the status bar; one round at a time (a request during a round runs one more
round after it). Nothing here blocks the GUI thread. A round that cannot reach the server leaves
everything local as it is (the outbox waits); a refused token (401) goes to the session's
"sign in again" prompt, the outbox kept. After a pull that brought library items, the search
index is brought up to them (``library_refresh``) and the files those rows name are downloaded
(``SyncClient.fetch_missing_blobs``: resumable, hash-checked); decisions the server refused
are taken back locally (``approvals.decisions.settle_refused``) and said in ``refused``.

``status_text()`` is the status bar's sentence: "Sign in to sync", "Syncing…", "Synced 2 min
ago", "Offline — 3 changes waiting".
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.session import SessionState
from dealkit.desktop.tasks import ProgressReporter, TaskFailure, TaskProgress, run_task
from dealkit.engine.auth.token_store import SavedSession
from dealkit.engine.ids import utcnow

CURRENT_USER_KEY = "current_user_id"
OK, OFFLINE, SIGN_IN, FAILED = "ok", "offline", "sign_in", "failed"


@dataclass
class SyncOutcome:
    """What one round did, handed back to the GUI thread."""

    state: str  # ok, offline, sign_in, failed
    message: str = ""
    pushed: int = 0
    pulled: int = 0
    waiting: int = 0  # outbox entries still pending
    changed: dict[str, set[str]] = field(default_factory=dict)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    refused: list[Any] = field(default_factory=list)  # approvals.decisions.RefusedDecision
    at: datetime | None = None
    blobs: int = 0  # files downloaded this round


def run_sync_round(
    workspace: Any, saved: SavedSession, report: ProgressReporter | None = None
) -> SyncOutcome:
    """One push-then-pull round (worker thread). Never raises for the network or the token."""
    from dealkit.engine.approvals.decisions import settle_refused
    from dealkit.engine.store.models import User
    from dealkit.engine.sync.client import SyncClient
    from dealkit.engine.sync.outbox import PENDING
    from dealkit.engine.sync.transport import SignInNeeded, SyncError, SyncOffline

    stages = {
        "push": "Sending your changes",
        "pull": "Receiving changes",
        "blob": "Files",
        "blobs": "Downloading library files",
    }

    def progress(stage: str, done: int, total: int | None) -> None:
        if report is not None:
            report(done, total or 0, f"{stages.get(stage, stage)}… {done}")

    client = SyncClient(workspace, saved.server, saved.token, progress=progress)
    try:
        try:
            result = client.sync()
        except SignInNeeded as error:
            return SyncOutcome(SIGN_IN, str(error), waiting=client.outbox_count(PENDING))
        except SyncOffline as error:
            return SyncOutcome(OFFLINE, str(error), waiting=client.outbox_count(PENDING))
        except SyncError as error:
            return SyncOutcome(FAILED, str(error), waiting=client.outbox_count(PENDING))
        message = ""
        try:  # the files the pulled rows name, for preview and "open original" offline
            client.fetch_missing_blobs(result)
        except SyncError as error:  # offline or signed out mid-way: a partial file resumes later
            message = str(error)
        if result.blob_failures:
            message = "; ".join(reason for _digest, reason in result.blob_failures[:3])
        with workspace.store.session() as session, session.begin():
            refused = settle_refused(session)
            me = session.get(User, saved.user_id) if saved.user_id else None
        if me is not None and workspace.info(CURRENT_USER_KEY) != me.id:
            workspace.set_info(CURRENT_USER_KEY, me.id)  # the signed-in person is this laptop's
        return SyncOutcome(
            OK,
            message,
            pushed=result.pushed,
            pulled=result.pulled,
            waiting=client.outbox_count(PENDING),
            changed=result.changed,
            rejected=result.rejected,
            refused=refused,
            at=utcnow(),
            blobs=result.blobs,
        )
    finally:
        client.transport.close()


def listen_for_changes(
    saved: SavedSession,
    stop: threading.Event,
    report: ProgressReporter,
    holder: dict[str, Any] | None = None,
) -> str:
    """Worker: hold the server's event stream open; report each "changed" notice.

    Returns when ``stop`` is set (checked at each line: a heartbeat at least every 15 s) or the
    stream ends; the service reconnects later. Network errors end it quietly (offline is normal).
    """
    import httpx

    headers = {"Authorization": f"Bearer {saved.token}", "Accept": "text/event-stream"}
    event = ""
    try:
        with (
            httpx.Client(timeout=httpx.Timeout(10.0, read=45.0)) as client,
            client.stream("GET", saved.server + "/api/v1/events", headers=headers) as response,
        ):
            if holder is not None:
                holder["response"] = response  # ``stop`` closes it to end a blocked read
            if response.status_code != 200:
                return f"events: {response.status_code}"
            for line in response.iter_lines():
                if stop.is_set():
                    return "stopped"
                if line.startswith("event: "):
                    event = line[len("event: ") :]
                elif line.startswith("data: ") and event in ("changed", "signed-out"):
                    report(1, 0, event)  # signed out: the round's 401 brings the sign-in prompt
    except (httpx.HTTPError, OSError, RuntimeError) as error:  # closed by ``stop``, or offline
        return f"events: {type(error).__name__}"
    return "ended"


class SyncService(QObject):
    """Background sync for one window. Signals: ``state_changed()`` (the status text changed),
    ``synced(SyncOutcome)`` after each round that reached the server."""

    state_changed = Signal()
    synced = Signal(object)

    def __init__(
        self,
        context: DesktopContext,
        session: SessionState,
        parent: QObject | None = None,
        *,
        interval_ms: int = 5 * 60 * 1000,
        listen: bool = True,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.session = session
        self.running = False
        self.last: SyncOutcome | None = None
        self.last_ok: datetime | None = None
        self.waiting = 0
        self.rounds = 0
        self._again = False
        self._listen = listen
        self._listening: SavedSession | None = None
        self._stop_listening = threading.Event()
        self._stream: dict[str, Any] = {}
        self._listen_pool = QThreadPool(self)  # the stream lives long: not on TaskRunner's two
        self._listen_pool.setMaxThreadCount(1)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.sync_now)
        self.clock = QTimer(self)  # "2 min ago" moves on
        self.clock.setInterval(30_000)
        self.clock.timeout.connect(self.state_changed.emit)
        session.changed.connect(self._session_changed)

    # when --------------------------------------------------------------------------------------

    def start(self) -> None:
        """Begin: sync now if signed in, then on the timer."""
        self.timer.start()
        self.clock.start()
        self._session_changed()

    def stop(self) -> None:
        """Stop the timers and hang up the event stream (the window is closing)."""
        self.timer.stop()
        self.clock.stop()
        self._hang_up()
        self._listen_pool.waitForDone(3000)

    def _hang_up(self) -> None:
        self._stop_listening.set()
        response = self._stream.pop("response", None)
        if response is not None:
            with contextlib.suppress(Exception):  # a stream another thread is reading
                response.close()

    def _session_changed(self) -> None:
        saved = self.session.current()
        if saved is None:
            self._hang_up()
            self._listening = None
        elif self.timer.isActive():
            self.sync_now()
        self.state_changed.emit()

    def request_sync(self) -> None:
        """A local change others wait for (a decision): send it now, if signed in."""
        if self.session.current() is not None:
            self.sync_now()

    def sync_now(self) -> None:
        saved = self.session.current()
        if saved is None:
            self.state_changed.emit()
            return
        if self.running:
            self._again = True
            return
        self.running = True
        self.state_changed.emit()
        workspace = self.context.workspace
        self.context.tasks.run(
            lambda report: run_sync_round(workspace, saved, report),
            self._finished,
            self._crashed,
            label=self.tr("Syncing…"),
            name="sync",
        )

    # results -----------------------------------------------------------------------------------

    def _finished(self, outcome: SyncOutcome) -> None:
        self.running = False
        self.rounds += 1
        self.last = outcome
        self.waiting = outcome.waiting
        if outcome.state == SIGN_IN:
            self.session.session_expired(outcome.message)  # the prompt; the outbox is kept
        if outcome.state == OK:
            self.last_ok = outcome.at
            self._refresh_library(outcome)
            self._start_listening()
            self.synced.emit(outcome)
        self.state_changed.emit()
        if self._again:
            self._again = False
            self.sync_now()

    def _crashed(self, failure: TaskFailure) -> None:  # a bug, already shown by the window
        self.running = False
        self.last = SyncOutcome(FAILED, failure.message)
        self.state_changed.emit()

    def _refresh_library(self, outcome: SyncOutcome) -> None:
        from dealkit.desktop.sync.library_refresh import pulled_content_ids

        ids = pulled_content_ids(outcome.changed)
        if ids:
            self.context.library.update_items(ids)

    # the event stream --------------------------------------------------------------------------

    def _start_listening(self) -> None:
        saved = self.session.current()
        if not self._listen or saved is None or self._listening == saved:
            return
        self._hang_up()  # an older stream (another sign-in)
        stop = self._stop_listening = threading.Event()
        holder = self._stream = {}
        self._listening = saved

        def ended(_why: str) -> None:
            if self._listening == saved and not stop.is_set():
                self._listening = None  # offline or the stream ended: next good round reopens

        run_task(
            lambda report: listen_for_changes(saved, stop, report, holder),
            ended,
            lambda _failure: ended("failed"),
            self._notice,
            name="sync-events",
            pool=self._listen_pool,
        )

    def _notice(self, _progress: TaskProgress) -> None:
        self.sync_now()

    # the status bar ----------------------------------------------------------------------------

    def status_text(self, now: datetime | None = None) -> str:
        if self.session.current() is None:
            if self.waiting:
                return self.tr("Sign in to sync — %n change(s) waiting", "", self.waiting)
            return self.tr("Sign in to sync")
        if self.running:
            return self.tr("Syncing…")
        last = self.last
        if last is not None and last.state in (OFFLINE, FAILED):
            if self.waiting:
                return self.tr("Offline — %n change(s) waiting", "", self.waiting)
            return self.tr("Offline — your work is saved on this computer")
        if self.last_ok is None:
            return self.tr("Not synced yet")
        text = self.tr("Synced %1").replace("%1", self.ago(self.last_ok, now or utcnow()))
        if self.waiting:
            text += " — " + self.tr("%n change(s) waiting", "", self.waiting)
        return text

    def ago(self, when: datetime, now: datetime) -> str:
        minutes = int((now - when).total_seconds() // 60)
        if minutes < 1:
            return self.tr("just now")
        if minutes < 60:
            return self.tr("%n min ago", "", minutes)
        return self.tr("%n hour(s) ago", "", minutes // 60)

    def status_tooltip(self) -> str:
        saved = self.session.current()
        last = self.last
        lines = []
        if saved is not None:
            lines.append(self.tr("Server: %1").replace("%1", saved.server))
        if last is not None and last.message:
            lines.append(last.message)
        if last is not None and last.rejected:
            lines.append(
                self.tr("%n change(s) refused by the server:", "", len(last.rejected))
                + "\n"
                + "\n".join(f"• {reason}" for _cid, reason in last.rejected[:5])
            )
        lines.append(self.tr("Sync now: F5"))
        return "\n".join(lines)
