"""``SyncClient``: push the outbox, pull the change feed, fetch blobs, check and resync.

No Qt here: the desktop runs ``SyncClient.sync`` through its TaskRunner and shows the progress
callback's ``(stage, done, total)``. Every step is safe to cut short at any point:

- push: a mutation is marked acknowledged only with the server's answer, in one local
  transaction with the rows that answer brings; a resend after a drop is recognised by its
  client id on the server and not applied twice;
- pull: a page and the cursor it ends at are applied in one local transaction;
- blob download: bytes go to ``<hash>.part`` and a retry asks for the rest with ``Range``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.exc import IntegrityError

from dealkit.engine.ids import utcnow
from dealkit.engine.store.models import SyncOutbox
from dealkit.engine.sync.apply import (
    SyncApplyError,
    apply_rows,
    pending_row_ids,
    read_cursor,
    replica_transaction,
    write_cursor,
)
from dealkit.engine.sync.outbox import PENDING, pending_mutations
from dealkit.engine.sync.protocol import (
    APPLIED,
    DEFAULT_PULL_LIMIT,
    MutationResult,
    PullPage,
)
from dealkit.engine.sync.rows import id_seq_digest, synced_tables, table_order
from dealkit.engine.sync.transport import (
    HttpTransport,
    SignInNeeded,
    SyncError,
    SyncOffline,
    TooLarge,
)

Progress = Callable[[str, int, int | None], None]
BLOB_FIELDS = ("attachment_hash", "file_hash")
SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass
class SyncReport:
    pushed: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (client id, reason)
    conflicts: list[str] = field(default_factory=list)
    pulled: int = 0
    pages: int = 0
    cursor: int = 0
    resynced: bool = False
    changed: dict[str, set[str]] = field(default_factory=dict)
    blobs: int = 0  # files downloaded by ``fetch_missing_blobs``
    blob_failures: list[tuple[str, str]] = field(default_factory=list)  # (sha256, reason)

    def merge_changed(self, changed: dict[str, set[str]]) -> None:
        for table, ids in changed.items():
            self.changed.setdefault(table, set()).update(ids)


class SyncClient:
    def __init__(
        self,
        workspace: Any,
        base_url: str,
        token: str | None,
        *,
        transport: HttpTransport | None = None,
        page_size: int = DEFAULT_PULL_LIMIT,
        push_batch: int = 100,
        progress: Progress | None = None,
    ) -> None:
        self.workspace = workspace
        self.server = base_url.rstrip("/")
        self.transport = transport or HttpTransport(base_url, token)
        self.page_size = page_size
        self.push_batch = push_batch
        self.progress = progress or (lambda stage, done, total: None)

    @property
    def engine(self):
        return self.workspace.store.engine

    # the whole round ---------------------------------------------------------------------------

    def sync(self) -> SyncReport:
        """Push first (so the server's answers settle local versions), then pull."""
        report = SyncReport()
        self.push(report)
        self.pull(report)
        return report

    @property
    def cursor(self) -> int:
        with self.engine.connect() as conn:
            return read_cursor(conn, self.server)

    # push --------------------------------------------------------------------------------------

    def push(self, report: SyncReport | None = None) -> SyncReport:
        report = report or SyncReport()
        total = self.outbox_count(PENDING)
        done = 0
        size = self.push_batch
        self.progress("push", 0, total)
        while True:
            with self.workspace.store.session() as session:
                batch = pending_mutations(session, size)
            if not batch:
                break
            self._upload_blobs(batch)
            try:
                answer = self.transport.request(
                    "POST", "/api/v1/sync/push", json={"mutations": [m.to_json() for m in batch]}
                ).json()
            except TooLarge:
                if len(batch) == 1:
                    raise
                size = max(1, len(batch) // 2)  # big quotes: fewer at a time
                continue
            results = [MutationResult.from_json(r) for r in answer["results"]]
            if [r.client_id for r in results] != [m.client_id for m in batch]:
                raise SyncError("the server answered a push out of order; nothing was marked")
            self._acknowledge(results, report)
            done += len(results)
            self.progress("push", done, total)
        return report

    def _acknowledge(self, results: list[MutationResult], report: SyncReport) -> None:
        now = utcnow()
        table = SyncOutbox.__table__
        answers, bases = [], []
        for result in results:
            applied = result.status == APPLIED
            answers.append(
                {
                    "answered": result.client_id,
                    "new_state": "applied" if applied else "rejected",
                    "why": result.reason,
                    "answer": {**result.to_json(), "rows": []},
                }
            )
            if applied:
                report.pushed += 1
                if result.seq is not None:  # later local edits of the row build on this one
                    bases.append({"edited": result.row_id, "base": result.seq})
            else:
                report.rejected.append((result.client_id, result.reason or "refused"))
            if result.conflict:
                report.conflicts.append(result.conflict)
        with replica_transaction(self.engine) as conn:
            # a batch holds one change per row: the entries still pending for an answered row
            # are later edits of it, made on this laptop after the batch went up
            conn.execute(
                update(table)
                .where(table.c.client_id == bindparam("answered"), table.c.state == PENDING)
                .values(
                    state=bindparam("new_state"),
                    reason=bindparam("why"),
                    result=bindparam("answer"),
                    acknowledged_at=now,
                ),
                answers,
            )
            if bases:
                conn.execute(
                    update(table)
                    .where(table.c.row_id == bindparam("edited"), table.c.state == PENDING)
                    .values(base_seq=bindparam("base")),
                    bases,
                )
            # the answers' rows in one go: parents first, each row once (its newest state), so
            # the rows of a table land in one multi-row statement rather than one per answer
            newest: dict[tuple[str, str], Any] = {}
            for result in results:
                for row in result.rows:
                    seen = newest.get((row.table, row.id))
                    if seen is None or seen.seq < row.seq:
                        newest[(row.table, row.id)] = row
            order = table_order()
            rows = sorted(newest.values(), key=lambda r: (order.get(r.table, len(order)), r.seq))
            try:
                changed = apply_rows(conn, rows, pending_row_ids(conn))
            except IntegrityError as error:
                raise SyncApplyError(f"a pushed row does not fit locally: {error.orig}") from None
            report.merge_changed(changed)

    def _upload_blobs(self, batch: list[Any]) -> None:
        for mutation in batch:
            for name in BLOB_FIELDS:
                digest = mutation.fields.get(name)
                if isinstance(digest, str) and self.workspace.blob_path(digest).exists():
                    self.transport.request(
                        "PUT",
                        f"/api/v1/blobs/{digest}",
                        content=self.workspace.blob_path(digest).read_bytes(),
                    )

    def outbox_count(self, state: str) -> int:
        with self.workspace.store.session() as session:
            return (
                session.scalar(
                    select(func.count()).select_from(SyncOutbox).where(SyncOutbox.state == state)
                )
                or 0
            )

    def rejected(self) -> list[SyncOutbox]:
        """Changes the server refused, with its reason (kept for the user to see)."""
        with self.workspace.store.session() as session:
            return list(
                session.scalars(
                    select(SyncOutbox)
                    .where(SyncOutbox.state == "rejected")
                    .order_by(SyncOutbox.position)
                )
            )

    # pull --------------------------------------------------------------------------------------

    def pull(self, report: SyncReport | None = None, *, since: int | None = None) -> SyncReport:
        """Pull pages until the server has nothing newer; each page lands whole or not at all."""
        report = report or SyncReport()
        cursor = self.cursor if since is None else since
        while True:
            page = self.fetch_page(cursor)
            if page.next < cursor:
                raise SyncError(f"the server moved the cursor back ({cursor} → {page.next})")
            self.apply_page(page, report)
            cursor = page.next
            report.pages += 1
            report.pulled += len(page.rows)
            self.progress("pull", report.pulled, None)
            if not page.has_more:
                break
        report.cursor = self.cursor
        return report

    def fetch_page(self, since: int) -> PullPage:
        answer = self.transport.request(
            "GET", "/api/v1/sync/pull", params={"since": since, "limit": self.page_size}
        ).json()
        return PullPage.from_json(answer)

    def apply_page(self, page: PullPage, report: SyncReport, seen: dict | None = None) -> None:
        """Apply one page and move the cursor to its end, in one local transaction."""
        with replica_transaction(self.engine) as conn:
            try:
                changed = apply_rows(conn, page.rows, pending_row_ids(conn), force=seen is not None)
            except IntegrityError as error:
                raise SyncApplyError(
                    f"a pulled row clashes with a local one ({error.orig}); push your changes "
                    "first, then sync again"
                ) from None
            write_cursor(conn, self.server, page.next)
        report.merge_changed(changed)
        if seen is not None:
            for row in page.rows:
                seen.setdefault(row.table, set()).add(row.id)

    # check and resync --------------------------------------------------------------------------

    def check(self) -> dict[str, tuple[int, int]]:
        """Tables whose (count, hash) differ from the server's at the same cursor (empty: agree).

        Returns ``{table: (server count, local count)}`` for the tables that disagree.
        """
        for _attempt in range(5):
            self.pull()
            answer = self.transport.request("GET", "/api/v1/sync/check").json()
            if int(answer["cursor"]) <= self.cursor:
                break
        else:
            raise SyncError("the server kept changing while checking; check again later")
        local = self.local_digests()
        differ = {}
        for table, figures in answer["tables"].items():
            count, digest = local.get(table, (0, id_seq_digest([])))
            if count != figures["count"] or digest != figures["hash"]:
                differ[table] = (int(figures["count"]), count)
        with replica_transaction(self.engine) as conn:
            write_cursor(conn, self.server, self.cursor, checked_at=utcnow())
        return differ

    def local_digests(self) -> dict[str, tuple[int, str]]:
        out = {}
        with self.engine.connect() as conn:
            for name, table in synced_tables().items():
                pairs = conn.execute(
                    select(table.c.id, table.c.server_seq).where(
                        table.c.deleted.is_(False), table.c.server_seq.is_not(None)
                    )
                ).all()
                out[name] = (len(pairs), id_seq_digest((r[0], int(r[1])) for r in pairs))
        return out

    def check_and_repair(self) -> SyncReport | None:
        """Check; when a table disagrees, resync in full. Returns the resync's report, if any."""
        if not self.check():
            return None
        return self.full_resync()

    def full_resync(self) -> SyncReport:
        """Pull everything again; local rows the server no longer shows are marked deleted."""
        report = SyncReport(resynced=True)
        seen: dict[str, set[str]] = {}
        cursor = 0
        while True:
            page = self.fetch_page(cursor)
            self.apply_page(page, report, seen)
            cursor = page.next
            report.pages += 1
            report.pulled += len(page.rows)
            self.progress("resync", report.pulled, None)
            if not page.has_more:
                break
        with replica_transaction(self.engine) as conn:
            protect = pending_row_ids(conn)
            for name, table in synced_tables().items():
                keep = seen.get(name, set()) | protect
                ids = conn.scalars(
                    select(table.c.id).where(
                        table.c.deleted.is_(False), table.c.server_seq.is_not(None)
                    )
                ).all()
                gone = [i for i in ids if i not in keep]
                for start in range(0, len(gone), 500):
                    conn.execute(
                        update(table)
                        .where(table.c.id.in_(gone[start : start + 500]))
                        .values(deleted=True)
                    )
                if gone:
                    report.merge_changed({name: set(gone)})
        report.cursor = self.cursor
        return report

    # blobs -------------------------------------------------------------------------------------

    def missing_blobs(self) -> list[str]:
        """The files the live synced rows name (a library item's file, a message's attachment)
        that this workspace does not hold yet, oldest row first."""
        wanted: dict[str, None] = {}
        with self.engine.connect() as conn:
            for table in synced_tables().values():
                for name in BLOB_FIELDS:
                    if name not in table.c:
                        continue
                    column = table.c[name]
                    for digest in conn.scalars(
                        select(column)
                        .where(column.is_not(None), table.c.deleted.is_(False))
                        .order_by(table.c.server_seq)
                    ):
                        if SHA256.fullmatch(digest or ""):  # never a path from the wire
                            wanted.setdefault(digest, None)
        return [d for d in wanted if not self.workspace.blob_path(d).is_file()]

    def fetch_missing_blobs(self, report: SyncReport | None = None) -> SyncReport:
        """Download every missing blob (``missing_blobs``), each resumable and hash-checked, so
        a library item's preview and "open original" work offline after the sync.

        A file the server refuses or that arrives damaged is noted in ``report.blob_failures``
        and tried again at the next round; being offline or signed out stops the downloads
        (``SyncOffline`` / ``SignInNeeded`` go up): a partial file resumes next time.
        """
        report = report or SyncReport()
        missing = self.missing_blobs()
        for done, digest in enumerate(missing, start=1):
            try:
                self.fetch_blob(digest)
            except (SyncOffline, SignInNeeded):
                raise
            except SyncError as error:
                report.blob_failures.append((digest, str(error)))
            else:
                report.blobs += 1
            self.progress("blobs", done, len(missing))
        return report

    def fetch_blob(self, sha256: str, chunk: int = 1 << 20) -> Path:
        """Download a blob into the workspace, resuming a partial download; verify its hash."""
        target = self.workspace.blob_path(sha256)
        if target.exists():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_suffix(".part")
        while True:
            have = part.stat().st_size if part.exists() else 0
            response = self.transport.request(
                "GET",
                f"/api/v1/blobs/{sha256}",
                headers={"Range": f"bytes={have}-{have + chunk - 1}"},
            )
            if response.status_code == 416:  # nothing past what we have: complete
                break
            with part.open("ab") as handle:
                handle.write(response.content)
            total = _total_size(response)
            self.progress("blob", part.stat().st_size, total)
            if total is None or part.stat().st_size >= total:
                break
        digest = hashlib.sha256(part.read_bytes()).hexdigest()
        if digest != sha256:
            part.unlink()
            raise SyncError(f"blob {sha256} arrived damaged (sha256 {digest}); sync again")
        part.replace(target)
        return target


def _total_size(response: Any) -> int | None:
    value = response.headers.get("content-range", "")
    if "/" in value:
        size = value.rsplit("/", 1)[1]
        return int(size) if size.isdigit() else None
    return None
