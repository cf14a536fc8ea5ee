"""Sync speed against a real server (uvicorn on loopback), with a naive baseline in the same run.

    python bench/sync.py [--quotes 5000] [--items 20000] [--products 2000] [--clients 50,200]
                         [--workers 1,2] [--open-loop-s 30] [--every 2]
                         [--database-url postgresql+psycopg://...] [--json]

The server database (embedded SQLite by default, or ``--database-url``) is filled with a rep's
working set by bulk inserts (not timed): ``--products`` products with list prices, ``--items``
published library items, ``--quotes`` quotes of the rep with one line each. Figures:

* ``first_sync_s``: a fresh laptop pulls everything (pages of 1,000 rows, each page applied and
  its cursor stored in one local transaction); rows per second;
* baseline ``one_row_per_request``: the same feed pulled one row per request (``limit=1``) for
  ``--baseline-rows`` rows, its rate, and the time it would take for the whole first sync;
* ``incremental_pull_s``: 1,000 quotes changed on the server, pulled by the synced laptop;
* ``push_s``: 100 quote versions saved on the laptop, pushed (each re-priced and saved by
  the server; 25 mutations per transaction, each in a savepoint);
* ``concurrent`` (closed loop, saturation): per number of server processes (``--workers``,
  as ``dealkit server --workers N``), N clients released at once, each pulling 5 times back to
  back, either up to date (the "anything new?" poll of a synced laptop: no rows) or 100
  changes behind; throughput and latency p50 / p95 / max;
* ``open_loop`` (what syncing laptops do): per number of server processes, the largest N of
  ``--clients`` laptops, each holding an event stream (``/api/v1/events``) open and pulling on
  its own timer (``--every`` s, +-25 % jitter) from its own cursor and whenever its stream
  says something changed, while a trainer's draft (not visible to reps) is saved every second
  and a published item every 10 s, which every laptop hears about; for ``--open-loop-s``
  seconds; the load offered, pull latency p50 / p95 / max, and how long after a publication
  the notices arrived.

All on this machine: the client threads and the server processes share its cores.

Targets (issue 6): first sync under 30 s, incremental pull of 1,000 under 2 s, a push of 100
under 1 s, 200 concurrent syncing clients with pull p95 under 200 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from dealkit.engine.auth.accounts import create_user, sign_in  # noqa: E402
from dealkit.engine.auth.tokens import hash_token, new_token  # noqa: E402
from dealkit.engine.ids import new_id, utcnow  # noqa: E402
from dealkit.engine.pricing import PriceRules  # noqa: E402
from dealkit.engine.quotes import load_quote_catalog, price_document, quote_from_data  # noqa: E402
from dealkit.engine.quotes.store import save_quote  # noqa: E402
from dealkit.engine.store.database import Store, open_sqlite_store, open_store_url  # noqa: E402
from dealkit.engine.store.models import (  # noqa: E402
    AuthToken,
    ContentItem,
    ContentKind,
    ContentStatus,
    Customer,
    PriceBook,
    PriceBookEntry,
    Product,
    ProductFamily,
    ProductKind,
    Quote,
    QuoteLine,
    QuoteStatus,
    Role,
    User,
    UserRole,
)
from dealkit.engine.sync.client import SyncClient  # noqa: E402
from dealkit.engine.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION  # noqa: E402
from dealkit.engine.workspace import Workspace  # noqa: E402
from dealkit.server.changes import install_change_feed  # noqa: E402

PASSWORD = "bench password 1234"
PROTOCOL = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}


def seed(store: Store, quotes: int, items: int, products: int) -> str:
    """Bulk-insert the working set (server_seq left empty: the server numbers it on start)."""
    with store.session() as session:
        rep = create_user(session, "alex", [Role.REP], PASSWORD)
        rep_id = rep.id
    now = utcnow()
    meta = {"created_at": now, "updated_at": now, "deleted": False, "server_seq": None}
    family_id, book_id, customer_id = new_id(), new_id(), new_id()
    product_ids = [new_id() for _ in range(products)]
    with store.engine.begin() as conn:
        conn.execute(
            insert(ProductFamily), [{"id": family_id, "code": "SRV", "name": "Servers", **meta}]
        )
        conn.execute(
            insert(Product),
            [
                {
                    "id": pid,
                    "sku": f"SKU-{n:05d}",
                    "name": f"Product {n}",
                    "family_id": family_id,
                    "kind": ProductKind.HARDWARE,
                    "description": "A product of the bench catalog",
                    "unit": "each",
                    "recurring": False,
                    "configurable": False,
                    "active": True,
                    **meta,
                }
                for n, pid in enumerate(product_ids)
            ],
        )
        conn.execute(
            insert(PriceBook),
            [
                {
                    "id": book_id,
                    "name": "USD List",
                    "currency": "USD",
                    "effective_from": date(2026, 1, 1),
                    **meta,
                }
            ],
        )
        conn.execute(
            insert(PriceBookEntry),
            [
                {
                    "id": new_id(),
                    "price_book_id": book_id,
                    "product_id": pid,
                    "list_price": Decimal(100 + n),
                    "unit_cost": Decimal(60 + n),
                    **meta,
                }
                for n, pid in enumerate(product_ids)
            ],
        )
        conn.execute(
            insert(Customer),
            [
                {
                    "id": customer_id,
                    "name": "Atlantic Mutual Bank",
                    "industry": "banking",
                    "segment": "enterprise",
                    "region": "north_america",
                    "country": "US",
                    "currency": "USD",
                    "owner_id": rep_id,
                    "is_new_logo": False,
                    **meta,
                }
            ],
        )
        words = [
            "pricing",
            "objection",
            "competitor",
            "renewal",
            "discount",
            "security",
            "cloud",
            "migration",
        ]
        conn.execute(
            insert(ContentItem),
            [
                {
                    "id": new_id(),
                    "title": f"Library item {n}",
                    "kind": ContentKind.COLLATERAL,
                    "language": "en",
                    "summary": "A bench item",
                    "body": " ".join(words[(n + k) % len(words)] for k in range(120)),
                    "products": [],
                    "competitors": [],
                    "industries": [],
                    "regions": [],
                    "version": 1,
                    "status": ContentStatus.PUBLISHED,
                    **meta,
                }
                for n in range(items)
            ],
        )
        quote_rows, line_rows = [], []
        for n in range(quotes):
            qid = new_id()
            quote_rows.append(
                {
                    "id": qid,
                    "number": f"Q-2025-{n:05d}",
                    "version": 1,
                    "name": f"Deal {n}",
                    "customer_id": customer_id,
                    "owner_id": rep_id,
                    "currency": "USD",
                    "status": QuoteStatus.DRAFT,
                    "quote_date": date(2025, 6, 1),
                    "notes": "",
                    "competitors": [],
                    "pricing_inputs": {},
                    **meta,
                }
            )
            line_rows.append(
                {
                    "id": new_id(),
                    "quote_id": qid,
                    "position": 1,
                    "product_id": product_ids[n % products],
                    "group_name": "",
                    "quantity": Decimal(2),
                    "list_price": Decimal(100),
                    "net_amount": Decimal(200),
                    "discount_percent": Decimal(0),
                    "options": {},
                    "pricing_inputs": {"id": "L1", "sku": f"SKU-{n % products:05d}", "quantity": 2},
                    **meta,
                }
            )
        conn.execute(insert(Quote), quote_rows)
        conn.execute(insert(QuoteLine), line_rows)
    return rep_id


def more_reps(store: Store, n: int) -> list[str]:
    """``n`` more reps, each signed in once (bulk inserts: argon2 would take a minute): the
    laptops of the open loop are different people, as they are in a sales team."""
    now = utcnow()
    meta = {"created_at": now, "updated_at": now, "deleted": False, "server_seq": None}
    users = [
        {"id": new_id(), "username": f"rep{k:03d}", "display_name": f"Rep {k}", "email": "", **meta}
        for k in range(n)
    ]
    tokens = [new_token() for _ in users]
    if not users:
        return tokens
    with store.engine.begin() as conn:
        conn.execute(insert(User), users)
        conn.execute(
            insert(UserRole),
            [{"id": new_id(), "user_id": u["id"], "role": Role.REP, **meta} for u in users],
        )
        conn.execute(
            insert(AuthToken),
            [
                {
                    "token_hash": hash_token(token),
                    "user_id": u["id"],
                    "created_at": now,
                    "expires_at": now + timedelta(hours=12),
                }
                for u, token in zip(users, tokens, strict=True)
            ],
        )
    return tokens


SERVER = """
import os, sys
import uvicorn
from dealkit.server.app import DATABASE_URL_ENV
os.environ[DATABASE_URL_ENV] = sys.argv[1]
uvicorn.run(
    "dealkit.server.app:app_from_environment", factory=True, workers=int(sys.argv[3]),
    host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", access_log=False,
)
"""


class Served:
    """The server (uvicorn with ``workers`` processes, as ``dealkit server --workers N`` runs
    it, without the access log) in processes of its own, apart from the client threads."""

    def __init__(self, database_url: str, workers: int = 1) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.command = [sys.executable, "-c", SERVER, database_url, str(self.port), str(workers)]

    def __enter__(self) -> str:
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{url}/api/v1/status", timeout=1)
                return url
            except httpx.TransportError:
                time.sleep(0.2)
        self.process.kill()
        raise RuntimeError("the server did not start: " + " ".join(self.command))

    def cpu_seconds(self) -> float:
        """CPU time used so far by the server process and its workers (Linux ``/proc``)."""
        tick = os.sysconf("SC_CLK_TCK")
        stats = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                stats[int(entry.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
        family, total = {self.process.pid}, 0
        for pid, (parent, _) in sorted(stats.items()):  # children have larger pids, mostly
            if parent in family:
                family.add(pid)
        for pid in family:
            total += stats.get(pid, (0, 0))[1]
        return total / tick

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Puller:
    """One simulated laptop's connection, on the standard library's ``http.client``: the load
    generator runs on the server's own cores, so it should cost them as little as it can (httpx,
    the laptop's real client, spends several times more CPU per request than the server)."""

    def __init__(self, url: str, headers: dict[str, str]) -> None:
        parts = urlsplit(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
        self.headers = headers

    def pull(self, since: int) -> tuple[int, dict | None]:
        self.connection.request("GET", f"/api/v1/sync/pull?since={since}", headers=self.headers)
        response = self.connection.getresponse()
        body = response.read()
        return response.status, json.loads(body) if response.status == 200 else None

    def close(self) -> None:
        self.connection.close()


def concurrent_pulls(url: str, headers: dict[str, str], n: int, since: int) -> dict:
    """``n`` clients released at once, each pulling 5 times from ``since``: latencies."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    gate = threading.Barrier(n)

    def poll() -> None:
        nonlocal errors
        puller = Puller(url, headers)
        gate.wait()
        for _ in range(5):
            t0 = time.perf_counter()
            status, _page = puller.pull(since)
            spent = time.perf_counter() - t0
            with lock:
                latencies.append(spent)
                errors += status != 200
        puller.close()

    threads = [threading.Thread(target=poll) for _ in range(n)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "errors": errors,
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1),
        "requests_per_s": round(len(latencies) / wall),
    }


def _content(n: int, status: ContentStatus) -> ContentItem:
    return ContentItem(
        title=f"Open-loop item {n}",
        kind=ContentKind.COLLATERAL,
        language="en",
        status=status,
        published_on=date(2026, 11, 27),
    )


class Laptop:
    """One simulated laptop of the open loop, on asyncio streams: a keep-alive connection for
    its pulls and one for its event stream, as the desktop holds them. Hand-written HTTP/1.1
    (a request line, two headers, a ``Content-Length`` body): two hundred of them in one event
    loop cost the shared cores less than any client library would."""

    def __init__(self, host: str, port: int, headers: dict[str, str]) -> None:
        self.host, self.port = host, port
        self.head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.notice = asyncio.Event()
        self.notices: list[float] = []  # when each "changed" notice arrived (monotonic)

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    async def pull(self, since: int) -> tuple[int, dict | None]:
        request = f"GET /api/v1/sync/pull?since={since} HTTP/1.1\r\nHost: bench\r\n{self.head}\r\n"
        self.writer.write(request.encode())
        status = int((await self.reader.readline()).split()[1])
        length = 0
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        body = await self.reader.readexactly(length)
        return status, json.loads(body) if status == 200 else None

    async def listen(self, opened: asyncio.Event) -> None:
        """The event stream: every ``event: changed`` wakes the laptop up to pull."""
        reader, writer = await asyncio.open_connection(self.host, self.port)
        writer.write(
            f"GET /api/v1/events HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n"
            f"{self.head}\r\n".encode()
        )
        try:
            while line := await reader.readline():
                if line.startswith(b"event: hello"):
                    opened.set()
                elif line.startswith(b"event: changed"):
                    self.notices.append(time.monotonic())
                    self.notice.set()
        finally:
            writer.close()

    def close(self) -> None:
        self.writer.close()


async def open_loop_pulls(
    url: str,
    tokens: list[str],
    n: int,
    since: int,
    seconds: float,
    every: float,
    store: Store,
) -> dict:
    """``n`` syncing laptops as they really behave: each holds an event stream open and pulls
    on its own timer (``every`` seconds, +-25 % jitter, first pull at a random moment) and
    whenever its stream says something changed, following its cursor. Meanwhile the server
    changes: a trainer's draft (which reps may not see) every second moves the change counter,
    and every 10 s a published item (which they may) reaches every laptop's stream. The pulls
    do not wait for each other (an open loop). Figures: the latency of every pull, and how long
    after a publication each laptop's notice came (the server paces notices)."""
    import random

    parts = urlsplit(url)
    laptops = [
        Laptop(parts.hostname, parts.port, {"Authorization": f"Bearer {token}", **PROTOCOL})
        for token in tokens[:n]
    ]
    streams_open = [asyncio.Event() for _ in laptops]
    listeners = [
        asyncio.create_task(laptop.listen(ready))
        for laptop, ready in zip(laptops, streams_open, strict=True)
    ]
    for laptop in laptops:
        await laptop.open()
    await asyncio.wait_for(asyncio.gather(*(ready.wait() for ready in streams_open)), 60)

    latencies: list[float] = []
    errors = 0
    published: list[float] = []
    started = time.monotonic()

    def write(tick: int) -> None:
        shown = tick % 10 == 0
        with store.session() as session, session.begin():
            status = ContentStatus.PUBLISHED if shown else ContentStatus.DRAFT
            session.add(_content(tick, status))
        if shown:
            published.append(time.monotonic())

    async def others() -> None:
        for tick in range(1, int(seconds)):
            await asyncio.sleep(started + tick - time.monotonic())
            await asyncio.to_thread(write, tick)

    async def run_laptop(laptop: Laptop, seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        cursor = since
        due = started + rng.uniform(0, every)
        while (now := time.monotonic()) < started + seconds:
            try:
                await asyncio.wait_for(laptop.notice.wait(), max(0.0, due - now))
            except TimeoutError:
                due += every * rng.uniform(0.75, 1.25)
            laptop.notice.clear()
            t0 = time.perf_counter()
            status, page = await laptop.pull(cursor)
            latencies.append(time.perf_counter() - t0)
            errors += status != 200
            if page is not None:
                cursor = page["next"]

    await asyncio.gather(others(), *(run_laptop(laptop, i) for i, laptop in enumerate(laptops)))
    wall = time.monotonic() - started
    for task in listeners:
        task.cancel()
    await asyncio.gather(*listeners, return_exceptions=True)
    for laptop in laptops:
        laptop.close()
    delays = [
        arrived - max(p for p in published if p <= arrived)
        for laptop in laptops
        for arrived in laptop.notices
        if any(p <= arrived for p in published)
    ]
    return {
        "requests": len(latencies),
        "errors": errors,
        "offered_per_s": round(len(latencies) / wall),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1),
        "publications": len(published),
        "notices": len(delays),
        "notice_p50_s": round(statistics.median(delays), 2) if delays else None,
        "notice_max_s": round(max(delays), 2) if delays else None,
    }


def client_cursor_after(url: str, headers: dict[str, str], since: int) -> int:
    """The rep's cursor once they pulled everything after ``since`` (the next run starts there)."""
    with httpx.Client(base_url=url, headers=headers, timeout=120) as http:
        while True:
            page = http.get("/api/v1/sync/pull", params={"since": since, "limit": 1000}).json()
            since = page["next"]
            if not page["has_more"]:
                return since


def run(args: argparse.Namespace) -> dict:
    work = Path(tempfile.mkdtemp(prefix="dealkit-bench-sync-"))
    if args.database_url:
        store = open_store_url(args.database_url)
    else:
        (work / "server").mkdir()
        store = open_sqlite_store(work / "server" / "server.db")
    seed(store, args.quotes, args.items, args.products)
    laptop_tokens = more_reps(store, max(args.clients, default=0))
    figures: dict = {
        "database": store.engine.dialect.name,
        "quotes": args.quotes,
        "items": args.items,
        "products": args.products,
        "every_s": args.every,
    }
    url_of_store = args.database_url or f"sqlite:///{work / 'server' / 'server.db'}"
    with Served(url_of_store) as url:  # the server numbers the seeded rows as it starts
        install_change_feed(store)  # this process writes server changes too (incremental)
        with store.session() as session:
            token = sign_in(session, "alex", PASSWORD).token
        laptop = Workspace.open(work / "laptop")
        client = SyncClient(laptop, url, token, page_size=1000)

        started = time.perf_counter()
        report = client.pull()
        first = time.perf_counter() - started
        figures["first_sync_s"] = round(first, 2)
        figures["first_sync_rows"] = report.pulled
        figures["first_sync_rows_per_s"] = round(report.pulled / first)

        # baseline: the same feed one row per request
        headers = {"Authorization": f"Bearer {token}", PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
        with httpx.Client(base_url=url, headers=headers) as http:
            cursor, started = 0, time.perf_counter()
            for _ in range(args.baseline_rows):
                page = http.get("/api/v1/sync/pull", params={"since": cursor, "limit": 1}).json()
                cursor = page["next"]
            naive = time.perf_counter() - started
        rate = args.baseline_rows / naive
        figures["one_row_per_request"] = {
            "rows": args.baseline_rows,
            "rows_per_s": round(rate),
            "first_sync_estimate_s": round(report.pulled / rate, 1),
            "speedup_of_paging": round((report.pulled / rate) / first, 1),
        }

        # incremental: 1,000 quotes changed on the server
        with store.session() as session, session.begin():
            for quote in session.scalars(select(Quote).limit(args.changes)):
                quote.notes = "changed on the server"
        started = time.perf_counter()
        report = client.pull()
        figures["incremental_pull_s"] = round(time.perf_counter() - started, 3)
        figures["incremental_rows"] = report.pulled

        # push: 100 quote versions saved on the laptop
        with laptop.store.session() as session, session.begin():
            owner = session.scalars(select(User.id).where(User.username == "alex")).one()
            for n in range(args.push):
                doc = quote_from_data(
                    {
                        "format": "dealkit-quote/1",
                        "number": f"Q-2026-{n:05d}",
                        "version": 1,
                        "customer": {"name": "Atlantic Mutual Bank"},
                        "currency": "USD",
                        "date": "2026-11-27",
                        "lines": [
                            {"id": "L1", "sku": f"SKU-{n % args.products:05d}", "quantity": 3}
                        ],
                    }
                )
                catalog, facts = load_quote_catalog(session, doc)
                _, priced = price_document(doc, catalog, PriceRules(), facts)
                save_quote(session, doc, priced, owner)
        started = time.perf_counter()
        report = client.push()
        figures["push_s"] = round(time.perf_counter() - started, 3)
        figures["push_mutations"] = report.pushed
        figures["push_rejected"] = len(report.rejected)

        client.pull()  # the laptop is up to date (its pushed rows come back to it)
        head = client.cursor
        laptop.close()
    # concurrency, per number of server processes: closed loop (N clients released at once,
    # each pulling back to back: saturation) and open loop (N laptops on their own timers)
    figures["concurrent"] = {}
    figures["open_loop"] = {}
    for workers in args.workers:
        served = Served(url_of_store, workers)
        with served as url:
            for n in args.clients if "closed" in args.loops else ():
                for mode, since in (("up_to_date", head), ("last_100_changes", max(head - 100, 0))):
                    key = f"{workers} {n} {mode}"
                    cpu = served.cpu_seconds()
                    figures["concurrent"][key] = found = concurrent_pulls(url, headers, n, since)
                    found["server_cpu_ms_per_request"] = round(
                        (served.cpu_seconds() - cpu) * 1000 / found["requests"], 2
                    )
            if "open" not in args.loops:
                continue
            n = max(args.clients)
            cpu = served.cpu_seconds()
            figures["open_loop"][f"{workers} {n}"] = found = asyncio.run(
                open_loop_pulls(url, laptop_tokens, n, head, args.open_loop_s, args.every, store)
            )
            found["server_cpu_s"] = round(served.cpu_seconds() - cpu, 1)
            head = client_cursor_after(url, headers, head)
    store.close()
    shutil.rmtree(work, ignore_errors=True)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quotes", type=int, default=5000)
    parser.add_argument("--items", type=int, default=20000)
    parser.add_argument("--products", type=int, default=2000)
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--push", type=int, default=100)
    parser.add_argument("--baseline-rows", type=int, default=300)
    parser.add_argument("--clients", default="50,200")
    parser.add_argument("--workers", default="1,2", help="server processes to try, e.g. 1,2")
    parser.add_argument("--open-loop-s", type=float, default=30.0, help="open-loop run length")
    parser.add_argument("--every", type=float, default=2.0, help="a laptop's pull period (s)")
    parser.add_argument("--loops", default="closed,open", help="load tests to run: closed, open")
    parser.add_argument("--database-url")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    args.clients = [int(c) for c in args.clients.split(",") if c]
    args.workers = [int(w) for w in args.workers.split(",") if w]
    figures = run(args)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"database: {figures['database']}")
    print(
        f"first sync: {figures['first_sync_rows']} rows in {figures['first_sync_s']} s "
        f"({figures['first_sync_rows_per_s']} rows/s; target < 30 s)"
    )
    base = figures["one_row_per_request"]
    print(
        f"  baseline one row per request: {base['rows_per_s']} rows/s, "
        f"~{base['first_sync_estimate_s']} s for the same sync ({base['speedup_of_paging']}x)"
    )
    print(
        f"incremental pull of {figures['incremental_rows']} rows: "
        f"{figures['incremental_pull_s']} s (target < 2 s)"
    )
    print(
        f"push of {figures['push_mutations']} mutations: {figures['push_s']} s "
        f"(target < 1 s; {figures['push_rejected']} rejected)"
    )
    for key, c in figures["concurrent"].items():
        workers, n, mode = key.split(" ")
        print(
            f"closed loop, {workers} server process(es), {n} clients pulling back to back, "
            f"{mode}: p50 {c['p50_ms']} ms, p95 {c['p95_ms']} ms, max {c['max_ms']} ms, "
            f"{c['requests_per_s']} req/s, {c['errors']} errors, "
            f"{c['server_cpu_ms_per_request']} ms of server CPU per request"
        )
    for key, c in figures["open_loop"].items():
        workers, n = key.split(" ")
        print(
            f"open loop, {workers} server process(es), {n} laptops pulling every "
            f"{figures['every_s']} s +-25 % and at notices: {c['offered_per_s']} req/s offered, "
            f"p50 {c['p50_ms']} ms, p95 {c['p95_ms']} ms, max {c['max_ms']} ms, "
            f"{c['errors']} errors (target p95 < 200 ms at 200); {c['notices']} notices of "
            f"{c['publications']} publications, p50 {c['notice_p50_s']} s and at most "
            f"{c['notice_max_s']} s after the publication; server CPU {c['server_cpu_s']} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
