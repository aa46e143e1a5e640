"""Real ``python -m bot run`` instances for the cluster tests: one PostgreSQL database,
a fake Telegram in webhook mode, each instance on a port of its own (bound to 0)."""

from __future__ import annotations

import asyncio
import contextvars
import json
import os
import re
import signal
import sys
import time
from pathlib import Path
from typing import IO, Any

import aiohttp
from aiohttp import web

from tests.fakes.telegram_api import BOT_ID, FakeTelegram

ROOT = Path(__file__).resolve().parents[2]
SECRET = "cluster-webhook-secret"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_SERVING = re.compile(r"serving on [^ ]+:(\d+)")
_token: contextvars.ContextVar[str] = contextvars.ContextVar("token", default="")


def token_of(name: str) -> str:
    """Each instance has a token of its own for the same bot, so the fake knows who asks."""
    return f"{BOT_ID}:{name}"


class ClusterTelegram(FakeTelegram):
    """The fake Bot API, remembering which instance sent or edited each message, and when."""

    def __init__(self) -> None:
        super().__init__()
        self.sent_by: dict[tuple[int, int], str] = {}
        self.last_shown_by: dict[tuple[int, int], tuple[str, float]] = {}

    async def _dispatch(self, request: web.Request) -> web.Response:
        _token.set(request.match_info["token"])
        return await super()._dispatch(request)

    async def _api_sendMessage(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        result = await super()._api_sendMessage(params, files)
        key = (int(params["chat_id"]), int(result["message_id"]))
        who = _token.get().partition(":")[2]
        self.sent_by[key] = who
        self.last_shown_by[key] = (who, time.monotonic())
        return result

    async def _api_editMessageText(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        result = await super()._api_editMessageText(params, files)
        key = (int(params["chat_id"]), int(params["message_id"]))
        self.last_shown_by[key] = (_token.get().partition(":")[2], time.monotonic())
        return result


def instance_env(tg: FakeTelegram, url: str, name: str, chunk_delay: float) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("STORYBOT_") and key != "CREDENTIALS_DIRECTORY"
    }
    env.update(
        STORYBOT_DATABASE__URL=url,
        STORYBOT_DATABASE__INSTANCE=name,
        STORYBOT_DATABASE__POOL_SIZE="6",
        STORYBOT_LOG_LEVEL="INFO",
        STORYBOT_TELEGRAM__TOKEN=token_of(name),
        STORYBOT_TELEGRAM__API_BASE_URL=tg.base_url,
        STORYBOT_TELEGRAM__FILE_BASE_URL=tg.file_base_url,
        STORYBOT_TELEGRAM__WEBHOOK_URL="https://bot.example.org/telegram/webhook",
        STORYBOT_TELEGRAM__WEBHOOK_SECRET=SECRET,
        STORYBOT_TELEGRAM__PRIVATE_INTERVAL="0.2",
        STORYBOT_TELEGRAM__GROUP_INTERVAL="0.2",
        STORYBOT_OFFLINE__CHUNK_DELAY=str(chunk_delay),
        STORYBOT_STORY__MAX_QUEUE="20",
        STORYBOT_SHUTDOWN_GRACE="10",
        STORYBOT_HTTP__PORT="0",
        PYTHONUNBUFFERED="1",
    )
    return env


class Instance:
    """One ``storybot run``, its log in ``<logs>/<name>.log``."""

    def __init__(
        self, tg: FakeTelegram, url: str, name: str, logs: Path, chunk_delay: float = 0.003
    ) -> None:
        self.tg, self.url, self.name = tg, url, name
        self.chunk_delay = chunk_delay
        self.log_path = logs / f"{name}.log"
        self.process: asyncio.subprocess.Process | None = None
        self.port = 0
        self._log: IO[bytes] | None = None
        self.killed_at: float | None = None

    async def start(self) -> None:
        self._log = self.log_path.open("wb")
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            cwd=ROOT,
            env=instance_env(self.tg, self.url, self.name, self.chunk_delay),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=self._log,
            stderr=asyncio.subprocess.STDOUT,
        )

    async def ready(self, within: float = 60) -> None:
        """Until it serves (its port, from its log) and its /readyz says ready."""
        deadline = time.monotonic() + within
        while not self.port:
            assert time.monotonic() < deadline, f"{self.name} never served:\n{self.tail()}"
            assert self.process is not None
            assert self.process.returncode is None, self.tail()
            found = _SERVING.search(self.log_path.read_text(errors="replace"))
            if found:
                self.port = int(found.group(1))
            await asyncio.sleep(0.05)
        async with aiohttp.ClientSession() as http:
            while True:
                assert time.monotonic() < deadline, f"{self.name} never ready:\n{self.tail()}"
                try:
                    async with http.get(f"http://127.0.0.1:{self.port}/readyz") as answer:
                        if answer.status == 200:
                            return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.1)

    @property
    def webhook(self) -> str:
        return f"http://127.0.0.1:{self.port}/telegram/webhook"

    def kill(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.killed_at = time.monotonic()
            self.process.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)

    async def wait(self) -> int:
        assert self.process is not None
        code = await self.process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None
        return code

    def tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def log_entries(self) -> list[dict[str, Any]]:
        found = []
        for line in self.log_path.read_text(errors="replace").splitlines():
            try:
                found.append(json.loads(line))
            except ValueError:
                found.append({"level": "ERROR" if "Traceback" in line else "TEXT", "raw": line})
        return found
