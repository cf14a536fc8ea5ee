"""``dealkit server --workers 2``: two server processes on one port and one database answer
alike (the server keeps nothing in memory), so a rep's laptop syncs through either."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from dealkit.engine.store.database import open_store_url
from tests.e2e.laptops import open_laptop
from tests.helpers.sync import quote_data, save_local_quote, seed_server


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                out.append(int(entry.name))
    return out


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_two_worker_processes_serve_one_database(backend, tmp_path, request):
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'server.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    store = open_store_url(url)
    seed_server(store)
    port = _free_port()
    command = [sys.executable, "-m", "dealkit", "server", "--database-url", url]
    command += ["--port", str(port), "--workers", "2"]
    server = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ}
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/v1/status", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None, server.stderr.read().decode()
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        assert len(_children(server.pid)) >= 2  # uvicorn's supervisor and its two workers
        alex = open_laptop(tmp_path / "alex", store, base, "alex")
        alex.sync()
        save_local_quote(alex.workspace, quote_data("Q-2026-0031"))
        report = alex.sync()  # the push, then the pull: any process may answer either
        assert report.pushed == 1 and not report.rejected
        second = open_laptop(tmp_path / "alex2", store, base, "alex")  # the rep's 2nd laptop
        for _ in range(6):  # several connections: both processes see the same data
            second.sync()
            assert second.quote("Q-2026-0031").version == 1
    finally:
        server.terminate()
        server.wait(timeout=30)
        store.close()
    assert server.returncode == 0 or server.returncode == -15
