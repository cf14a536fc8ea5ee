"""What authentication costs a request, against the same server without it.

    python bench/auth.py [--requests 300] [--json]

Figures, all in this run, over real HTTP to a server on loopback (SQLite, uvicorn):

* ``hash_ms`` / ``verify_ms``: one argon2id hash / verification (argon2-cffi defaults: 64 MiB,
  3 passes, 4 lanes) -- what a sign-in pays, on purpose;
* ``login_ms``: ``POST /api/v1/auth/login`` end to end (p50 / p95);
* ``me_ms``: ``GET /api/v1/auth/me``, a route behind the bearer token (sha256 + one indexed
  lookup of the token, roles and team), p50 / p95;
* ``baseline_ms``: ``GET /api/v1/status``, the same server without authentication, p50 / p95;
  ``overhead_ms`` is ``me`` minus ``baseline`` at p50.

The machine is shared: figures are noisy.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dealkit.engine.auth.accounts import create_user
from dealkit.engine.auth.passwords import hash_password, verify_password
from dealkit.engine.store.database import open_sqlite_store
from dealkit.engine.store.models import Role
from tests.helpers.servers import running_server


def timed(call, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "p50": round(statistics.median(ordered), 2),
        "p95": round(ordered[int(len(ordered) * 0.95) - 1], 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    stored = hash_password("bench-password")
    figures: dict[str, object] = {
        "hash_ms": summary(timed(lambda: hash_password("bench-password"), 10)),
        "verify_ms": summary(timed(lambda: verify_password(stored, "bench-password"), 10)),
    }
    with tempfile.TemporaryDirectory() as tmp:
        store = open_sqlite_store(Path(tmp) / "server.db")
        with store.session() as session:
            create_user(session, "bench", [Role.REP], "bench-password")
        with running_server(store) as url, httpx.Client(base_url=url) as client:
            body = {"username": "bench", "password": "bench-password"}
            token = client.post("/api/v1/auth/login", json=body).json()["token"]
            headers = {"Authorization": f"Bearer {token}"}
            figures["login_ms"] = summary(
                timed(lambda: client.post("/api/v1/auth/login", json=body), 20)
            )
            client.get("/api/v1/status")
            me = timed(lambda: client.get("/api/v1/auth/me", headers=headers), args.requests)
            base = timed(lambda: client.get("/api/v1/status"), args.requests)
        store.close()
    figures["me_ms"] = summary(me)
    figures["baseline_ms"] = summary(base)
    figures["overhead_ms"] = round(
        figures["me_ms"]["p50"] - figures["baseline_ms"]["p50"],
        2,  # type: ignore[index]
    )
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for name, value in figures.items():
            print(f"{name:<12} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
