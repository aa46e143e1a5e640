"""The service: adapters on fakes, health and readiness, metrics, isolation, graceful stop."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from aiohttp import web

from bot.app import App
from bot.config import Settings
from bot.identity import ChannelKey
from bot.service import Service, run_service
from tests.fakes.adapter import FakeAdapter

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Running:
    service: Service
    adapters: dict[str, FakeAdapter]
    stop: asyncio.Event
    task: asyncio.Task[int]
    url: str


def settings_for(tmp_path: Path, **extra: object) -> Settings:
    base: dict[str, object] = {
        "database_path": str(tmp_path / "service.db"),
        "offline": {"chunk_delay": 0},
        "telegram": {"token": "t-token"},
        "discord": {"token": "d-token"},
        "http": {"port": 0},
        "shutdown_grace": 1,
    }
    base.update(extra)
    return Settings(**base)  # type: ignore[arg-type]


def factory(created: dict[str, FakeAdapter], failing: set[str]) -> Callable[[str], object]:
    def for_platform(name: str) -> Callable[[App, web.Application], FakeAdapter]:
        def make(app: App, web_app: web.Application) -> FakeAdapter:
            adapter = FakeAdapter(name, app, web_app, fail=name in failing)
            created[name] = adapter
            return adapter

        return make

    return for_platform


@pytest.fixture
async def running(tmp_path: Path, request: pytest.FixtureRequest) -> AsyncIterator[Running]:
    failing: set[str] = getattr(request, "param", set())
    created: dict[str, FakeAdapter] = {}
    stop = asyncio.Event()
    ready: asyncio.Future[Service] = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(
        run_service(
            settings_for(tmp_path),
            factory=factory(created, failing),  # type: ignore[arg-type]
            stop=stop,
            on_ready=ready.set_result,
        )
    )
    service = await asyncio.wait_for(ready, 10)
    assert service.runner is not None
    host, port = service.runner.addresses[0][:2]
    yield Running(service, created, stop, task, f"http://{host}:{port}")
    stop.set()
    await asyncio.wait_for(task, 20)


async def test_health_ready_and_metrics_move(running: Running) -> None:
    async with httpx.AsyncClient(base_url=running.url) as client:
        assert (await client.get("/healthz")).json() == {"status": "alive"}
        ready = await client.get("/readyz")
        assert ready.status_code == 200
        assert ready.json()["connected"] == ["discord", "telegram"]
        before = (await client.get("/metrics")).text
        assert "storybot_build_info{" in before
        await running.adapters["telegram"].push("a fox named Juniper")
        after = await client.get("/metrics")
    assert after.headers["content-type"].startswith("text/plain")
    text = after.text
    assert 'storybot_requests_total{command="new",outcome="ok",platform="telegram"} 1.0' in text
    assert 'storybot_llm_requests_total{outcome="ok",provider="offline"} 1.0' in text
    assert "storybot_active_stories 1.0" in text
    assert 'storybot_llm_tokens_total{kind="completion",provider="offline"}' in text
    outbox = running.adapters["telegram"].outbox(ChannelKey.of("telegram", "c1"))
    assert "Juniper" in outbox.messages[0]


async def test_adapter_routes_are_served(running: Running) -> None:
    async with httpx.AsyncClient(base_url=running.url) as client:
        assert (await client.get("/telegram/hook")).text == "telegram hook"


@pytest.mark.parametrize("running", [{"discord"}], indirect=True)
async def test_a_bad_token_leaves_the_others_running(running: Running) -> None:
    async with httpx.AsyncClient(base_url=running.url) as client:
        ready = await client.get("/readyz")
        assert ready.status_code == 503
        body = ready.json()
        assert body["connected"] == ["telegram"]
        assert body["down"] == {"discord": "credentials refused"}  # the kind, not the message
        assert body["database"] == "ok"
        assert "d-token" not in ready.text
        assert (await client.get("/discord/hook")).status_code == 503
        metrics = (await client.get("/metrics")).text
    assert 'storybot_platform_errors_total{kind="start",platform="discord"} 1.0' in metrics
    await running.adapters["telegram"].push("a tale")
    assert running.adapters["telegram"].outbox(ChannelKey.of("telegram", "c1")).messages


async def test_no_http_answer_carries_a_configured_secret(running: Running) -> None:
    async with httpx.AsyncClient(base_url=running.url) as client:
        leaked = await client.get("/telegram/leak")
    assert leaked.json() == {"error": "bad token **********"}
    assert "t-token" not in leaked.text


async def test_a_second_service_on_the_same_database_exits_2(
    running: Running, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    created: dict[str, FakeAdapter] = {}
    status = await run_service(
        settings_for(tmp_path),
        factory=factory(created, set()),  # type: ignore[arg-type]
    )
    assert status == 2
    assert created == {}, "it must stop before connecting any platform"
    assert "Another storybot run is already using" in capsys.readouterr().err


async def test_a_taken_port_fails_before_any_platform_connects(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        created: dict[str, FakeAdapter] = {}
        status = await run_service(
            settings_for(tmp_path, http={"port": port}),
            factory=factory(created, set()),  # type: ignore[arg-type]
        )
    assert status == 1
    assert created == {}
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


async def test_every_token_refused_exits_2_without_retrying(tmp_path: Path) -> None:
    """A refused token is a configuration error: systemd must not restart into it forever."""
    created: dict[str, FakeAdapter] = {}
    status = await asyncio.wait_for(
        run_service(
            settings_for(tmp_path),
            factory=factory(created, {"telegram", "discord"}),  # type: ignore[arg-type]
        ),
        10,
    )
    assert status == 2
    assert {name: a.attempts for name, a in created.items()} == {"telegram": 1, "discord": 1}


async def test_an_unreachable_platform_is_retried_and_joins_later(tmp_path: Path) -> None:
    """It used to exit 1 after 1.5 s when it was the only platform."""
    reachable = asyncio.Event()
    created: dict[str, FakeAdapter] = {}

    def make(name: str) -> Callable[[App, web.Application], FakeAdapter]:
        def build(app: App, web_app: web.Application) -> FakeAdapter:
            created[name] = FakeAdapter(name, app, web_app, reachable=reachable)
            return created[name]

        return build

    stop = asyncio.Event()
    ready: asyncio.Future[Service] = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(
        run_service(
            settings_for(tmp_path, discord={}),
            factory=make,
            stop=stop,
            on_ready=ready.set_result,
        )
    )
    service = await asyncio.wait_for(ready, 10)
    assert service.runner is not None
    host, port = service.runner.addresses[0][:2]
    async with httpx.AsyncClient(base_url=f"http://{host}:{port}") as client:
        assert (await client.get("/healthz")).status_code == 200
        down = await client.get("/readyz")
        assert down.status_code == 503
        assert down.json()["down"] == {"telegram": "ConnectionRefusedError"}
        assert (await client.get("/telegram/hook")).status_code == 503
        reachable.set()
        async with asyncio.timeout(5):
            while (await client.get("/readyz")).status_code != 200:  # noqa: ASYNC110
                await asyncio.sleep(0.1)
        assert (await client.get("/telegram/hook")).text == "telegram hook"
    assert created["telegram"].attempts >= 2
    stop.set()
    assert await asyncio.wait_for(task, 20) == 0


async def test_stop_lets_a_story_finish_then_closes(running: Running, tmp_path: Path) -> None:
    telegram = running.adapters["telegram"]
    story = telegram.push("a quiet tale")
    await asyncio.sleep(0)
    running.stop.set()
    assert await asyncio.wait_for(running.task, 20) == 0
    assert story.done()
    assert telegram.stopped
    with sqlite3.connect(tmp_path / "service.db") as db:
        assert db.execute("SELECT status FROM parts").fetchall() == [("complete",)]


SERVICE_MAIN = """
import asyncio, sys
sys.path.insert(0, {root!r})
from bot.config import load_settings
from bot.logs import setup_logging
from bot.service import run_service
from tests.ops.test_service import factory

created = {{}}

def ready(service):
    created["telegram"].push("a very slow tale of the Glass Coast")
    print("READY", flush=True)

setup_logging("INFO", sys.stderr)
sys.exit(asyncio.run(run_service(load_settings(), factory=factory(created, set()), on_ready=ready)))
"""


def test_sigterm_while_a_story_streams(tmp_path: Path) -> None:
    db_path = tmp_path / "slow.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("STORYBOT_")}
    env.update(
        {
            "STORYBOT_DATABASE_PATH": str(db_path),
            "STORYBOT_TELEGRAM__TOKEN": "x",
            "STORYBOT_HTTP__PORT": "0",
            "STORYBOT_OFFLINE__CHUNK_DELAY": "0.2",  # a story takes ~20 s to write
            "STORYBOT_SHUTDOWN_GRACE": "1",
        }
    )
    process = subprocess.Popen(
        [sys.executable, "-c", SERVICE_MAIN.format(root=str(ROOT))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "READY"
        time.sleep(1.0)  # let some of the story stream
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        status = process.wait(timeout=25)
        elapsed = time.monotonic() - started
    finally:
        if process.poll() is None:
            process.kill()
    stderr = process.stderr.read() if process.stderr else ""
    assert status == 0, stderr
    assert elapsed < 20
    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = db.execute("SELECT status, text FROM parts").fetchall()
    assert len(rows) == 1
    assert rows[0][0] == "interrupted"
    assert rows[0][1]
    assert "interrupting them" in stderr
