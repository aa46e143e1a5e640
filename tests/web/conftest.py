"""A real ``storybot run`` with the web platform on (and, when asked, Telegram on the
fake Bot API), served on a loopback port: what the browser tests and API tests use."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from adapters.web.adapter import WebAdapter
from adapters.web.guard import hash_password
from bot.config import Settings
from bot.service import Service, run_service

PASSWORD = "correct horse battery staple"
HASHED = hash_password(PASSWORD)


@dataclass
class Running:
    service: Service
    url: str
    stop: asyncio.Event
    task: asyncio.Task[int]

    @property
    def web(self) -> WebAdapter:
        adapter = self.service.adapters["web"]
        assert isinstance(adapter, WebAdapter)
        return adapter


def web_settings(tmp_path: Path, **extra: Any) -> Settings:
    web: dict[str, Any] = {"enabled": True, "password_hash": HASHED, "access": "open"}
    web.update(extra.pop("web", {}))
    base: dict[str, Any] = {
        "database_path": str(tmp_path / "web.db"),
        "offline": {"chunk_delay": 0.002, "seed": 7},
        "http": {"port": 0},
        "shutdown_grace": 1,
        "web": web,
    }
    base.update(extra)
    return Settings(**base)


async def start(settings: Settings) -> Running:
    stop = asyncio.Event()
    ready: asyncio.Future[Service] = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(run_service(settings, stop=stop, on_ready=ready.set_result))
    waiting: list[asyncio.Future[Any]] = [task, ready]
    done, _ = await asyncio.wait(waiting, timeout=20, return_when=asyncio.FIRST_COMPLETED)
    if task in done:
        raise AssertionError(f"the service ended at start with {task.result()}")
    service = ready.result()
    assert service.runner is not None
    host, port = service.runner.addresses[0][:2]
    return Running(service, f"http://{host}:{port}", stop, task)


@pytest.fixture
async def running(tmp_path: Path, request: pytest.FixtureRequest) -> AsyncIterator[Running]:
    extra: dict[str, Any] = getattr(request, "param", {})
    live = await start(web_settings(tmp_path, **extra))
    try:
        yield live
    finally:
        live.stop.set()
        await asyncio.wait_for(live.task, 20)


@asynccontextmanager
async def signed_in(live: Running) -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client signed in as the operator, sending the CSRF token."""
    async with httpx.AsyncClient(base_url=live.url) as client:
        answer = await client.post("/api/v1/session", json={"password": PASSWORD})
        assert answer.status_code == 200, answer.text
        client.headers["X-CSRF-Token"] = answer.json()["csrf_token"]
        yield client
