"""How soon a rep's laptop hears of a manager's decision: the server-sent events notice against
polling, in the same run.

    python bench/sync_notice.py [--decisions 10] [--poll-every 2.0] [--json]

A real server on loopback (SQLite, uvicorn); a rep's quotes in review; the manager's laptop
decides on them one at a time and pushes each decision (``SyncClient``). Figures:

* ``notice_s``: from the end of the manager's push to the rep's ``event: changed`` on an open
  ``GET /api/v1/events`` stream (p50 / p95 / max) -- the window then pulls at once;
* ``baseline_poll_s``: the same moment to the first answer of a client that polls ``GET
  /api/v1/events?since=N`` (JSON) every ``--poll-every`` seconds and sees the change (the naive
  way: latency is half the period on average; the window's timer alone, every 5 minutes, would
  leave a decision waiting 2.5 minutes on average);
* ``notice_pull_s``: notice plus the rep's pull of the decision (p50).

The machine is shared: figures are noisy. The target (issue 6): a decision shows "within
seconds" when online.
"""

from __future__ import annotations

import argparse
import json
import queue
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dealkit.engine.approvals.decisions import decide
from tests.e2e.laptops import open_laptop
from tests.helpers.servers import running_server
from tests.helpers.sync import (
    quote_data,
    save_local_quote,
    seed_server,
    sqlite_server_store,
    token_for,
)


def listen(url: str, token: str, notices: queue.Queue, stop: threading.Event) -> None:
    headers = {"Authorization": f"Bearer {token}", "Accept": "text/event-stream"}
    with httpx.stream("GET", url + "/api/v1/events", headers=headers, timeout=60) as response:
        event = ""
        for line in response.iter_lines():
            if stop.is_set():
                return
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: ") and event in ("changed", "hello"):
                notices.put((event, time.monotonic()))


def poll_forever(
    url: str, token: str, every: float, seen: queue.Queue, stop: threading.Event
) -> None:
    """The naive client: ask every ``every`` seconds whether anything changed since last time."""
    headers = {"Authorization": f"Bearer {token}"}
    since = cursor_now(url, token)
    while not stop.is_set():
        answer = httpx.get(url + "/api/v1/events", params={"since": since}, headers=headers)
        data = answer.json()
        if data["changed"]:
            seen.put(time.monotonic())
        since = max(since, int(data["cursor"]))
        time.sleep(every)


def cursor_now(url: str, token: str) -> int:
    answer = httpx.get(url + "/api/v1/events", headers={"Authorization": f"Bearer {token}"})
    return int(answer.json()["cursor"])


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--decisions", type=int, default=10)
    parser.add_argument("--poll-every", type=float, default=2.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        store = sqlite_server_store(root / "server")
        seed_server(store)
        with running_server(store) as url:
            alex = open_laptop(root / "alex", store, url, "alex")
            mia = open_laptop(root / "mia", store, url, "mia")
            alex.sync()
            for n in range(args.decisions):
                data = {**quote_data(f"Q-2026-{n + 1:04d}"), "status": "in_review"}
                save_local_quote(alex.workspace, data)
            alex.sync()
            mia.sync()
            rep_token = token_for(store, "alex")
            notices: queue.Queue = queue.Queue()
            stop = threading.Event()
            threading.Thread(
                target=listen, args=(url, rep_token, notices, stop), daemon=True
            ).start()
            assert notices.get(timeout=10)[0] == "hello"
            polled: queue.Queue = queue.Queue()
            threading.Thread(
                target=poll_forever,
                args=(url, rep_token, args.poll_every, polled, stop),
                daemon=True,
            ).start()
            notice_s, poll_s, pull_s = [], [], []
            for n in range(args.decisions):
                time.sleep(args.poll_every * ((n * 0.37) % 1))  # decisions at varied poll phases
                with mia.workspace.store.session() as session, session.begin():
                    quote = mia.quote(f"Q-2026-{n + 1:04d}")
                    decide(session, mia.principal(), quote.id, "approve", f"ok {n}")
                mia.sync()
                pushed = time.monotonic()
                event, at = notices.get(timeout=30)
                while event != "changed":
                    event, at = notices.get(timeout=30)
                notice_s.append(at - pushed)
                alex.sync()
                pull_s.append(time.monotonic() - pushed)
                seen = polled.get(timeout=30)
                while seen < pushed:
                    seen = polled.get(timeout=30)
                poll_s.append(seen - pushed)
            stop.set()
        store.close()
    figures = {
        "decisions": args.decisions,
        "notice_s": {
            "p50": round(statistics.median(notice_s), 3),
            "p95": round(pct(notice_s, 0.95), 3),
            "max": round(max(notice_s), 3),
        },
        "notice_pull_s": {"p50": round(statistics.median(pull_s), 3)},
        "baseline_poll_s": {
            "every": args.poll_every,
            "p50": round(statistics.median(poll_s), 3),
            "max": round(max(poll_s), 3),
        },
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        n = figures["notice_s"]
        b = figures["baseline_poll_s"]
        print(f"{args.decisions} decisions, rep notified by the event stream:")
        print(f"  notice after push      p50 {n['p50']:.3f} s   p95 {n['p95']:.3f} s")
        print(f"  notice + pull          p50 {figures['notice_pull_s']['p50']:.3f} s")
        print(
            f"  baseline: poll every {b['every']} s   p50 {b['p50']:.3f} s   max {b['max']:.3f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
