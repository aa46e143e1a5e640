"""The service on PostgreSQL: several ``run`` at once on one database (no file lock), one
of them leads the scheduler, /readyz reports the leases, metrics carry the instance; an
unreachable database is a clear error at start that never shows the password."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx

from bot.service import Service, run_service
from tests.fakes.adapter import FakeAdapter
from tests.ops.test_service import factory, settings_for

ROOT = Path(__file__).resolve().parents[2]


@asynccontextmanager
async def serving(tmp_path: Path, url: str, name: str) -> AsyncIterator[tuple[Service, str]]:
    created: dict[str, FakeAdapter] = {}
    stop = asyncio.Event()
    ready: asyncio.Future[Service] = asyncio.get_running_loop().create_future()
    settings = settings_for(tmp_path, database={"url": url, "instance": name, "pool_size": 3})
    task = asyncio.create_task(
        run_service(
            settings,
            factory=factory(created, set()),  # type: ignore[arg-type]
            stop=stop,
            on_ready=ready.set_result,
        )
    )
    try:
        service = await asyncio.wait_for(ready, 20)
        assert service.runner is not None
        host, port = service.runner.addresses[0][:2]
        yield service, f"http://{host}:{port}"
    finally:
        stop.set()
        assert await asyncio.wait_for(task, 30) == 0


async def test_two_services_share_one_database_and_one_leads(tmp_path: Path, pg_url: str) -> None:
    async with (
        serving(tmp_path, pg_url, "first") as (first, first_url),
        serving(tmp_path, pg_url, "second") as (second, second_url),
        httpx.AsyncClient() as http,
    ):
        ready = [(await http.get(f"{url}/readyz")) for url in (first_url, second_url)]
        assert [answer.status_code for answer in ready] == [200, 200]
        leases = [answer.json()["leases"] for answer in ready]
        assert [lease["instance"] for lease in leases] == ["first", "second"]
        assert [lease["heartbeat"] for lease in leases] == ["ok", "ok"]
        assert [lease["scheduler"] for lease in leases] == ["leader", "follower"]
        assert all(answer.json()["database"] == "ok" for answer in ready)
        metrics = (await http.get(f"{second_url}/metrics")).text
        assert 'storybot_build_info{instance="second",version=' in metrics
        assert 'storybot_active_stories{instance="second"}' in metrics
    assert first.leader is not None
    assert second.leader is not None


async def test_a_sqlite_service_reports_no_leases(tmp_path: Path) -> None:
    created: dict[str, FakeAdapter] = {}
    stop = asyncio.Event()
    ready: asyncio.Future[Service] = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(
        run_service(
            settings_for(tmp_path),
            factory=factory(created, set()),  # type: ignore[arg-type]
            stop=stop,
            on_ready=ready.set_result,
        )
    )
    service = await asyncio.wait_for(ready, 10)
    assert service.runner is not None
    host, port = service.runner.addresses[0][:2]
    async with httpx.AsyncClient() as http:
        body = (await http.get(f"http://{host}:{port}/readyz")).json()
        metrics = (await http.get(f"http://{host}:{port}/metrics")).text
    stop.set()
    assert await asyncio.wait_for(task, 20) == 0
    assert "leases" not in body
    assert 'instance="' not in metrics
    assert service.leader is None


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_an_unreachable_database_stops_the_start_with_a_clear_error() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STORYBOT_")}
    env.update(
        STORYBOT_DATABASE__URL=f"postgresql://bot:topsecret99@127.0.0.1:{closed_port()}/story",
        STORYBOT_DATABASE__CONNECT_TIMEOUT="3",
        STORYBOT_TELEGRAM__TOKEN="123:abc",
        STORYBOT_HTTP__PORT="0",
    )
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "Cannot use the database at postgresql://bot:***@127.0.0.1:" in done.stderr
    assert "topsecret99" not in done.stdout + done.stderr
