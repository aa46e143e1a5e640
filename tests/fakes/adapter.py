"""An in-memory platform adapter for service tests: an inbox of requests, an outbox of messages."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bot.app import App
from bot.delivery import Choices, Limits, deliver
from bot.identity import ChannelKey, Sender
from bot.platforms import CredentialsRefused
from bot.types import Attachment, Request, manages

LIMITS = Limits(max_length=2000, interval=0.0)


@dataclass
class Outbox:
    messages: dict[int, str] = field(default_factory=dict)
    edits: int = 0

    async def send(self, text: str, *, choices: Choices | None, private: bool) -> int:
        handle = len(self.messages)
        self.messages[handle] = text
        return handle

    async def edit(self, handle: Any, text: str, *, choices: Choices | None) -> None:
        self.messages[handle] = text
        self.edits += 1

    async def typing(self) -> None:
        return None

    async def attach(self, attachment: Attachment, *, private: bool) -> None:
        return None

    async def show_tally(self, choices: Choices) -> None:
        return None


class FakeAdapter:
    """Delivers requests pushed into it; ``fail`` makes start() fail like a bad token."""

    def __init__(
        self,
        name: str,
        app: App,
        web_app: web.Application,
        *,
        fail: bool = False,
        reachable: asyncio.Event | None = None,
    ):
        self.name = name
        self.app = app
        self.fail = fail
        self.reachable = reachable
        """While set to an unset event, start() fails as an unreachable platform does."""
        self.attempts = 0
        self.started = False
        self.stopped = False
        self.channels: dict[str, Outbox] = {}
        self.tasks: set[asyncio.Task[None]] = set()
        web_app.router.add_get(f"/{name}/hook", self._hook)
        web_app.router.add_get(f"/{name}/leak", self._leak)

    async def _hook(self, _: web.Request) -> web.Response:
        return web.Response(text=f"{self.name} hook")

    async def _leak(self, _: web.Request) -> web.Response:
        """A careless route, as a library's error page might be: it shows the token."""
        return web.json_response({"error": f"bad token {self._token()}"})

    def _token(self) -> str:
        section = getattr(self.app.settings, self.name, None)
        token = getattr(section, "token", None)
        return token.get_secret_value() if token is not None else "none"

    async def start(self) -> None:
        self.attempts += 1
        if self.fail:  # as python-telegram-bot's InvalidToken does, it quotes the token
            raise CredentialsRefused(f"401 Unauthorized: the token {self._token()} was refused")
        if self.reachable is not None and not self.reachable.is_set():
            raise ConnectionRefusedError("cannot reach the platform")
        self.started = True

    async def stop(self) -> None:
        if self.tasks:
            await asyncio.wait(self.tasks, timeout=5)
        self.stopped = True

    def outbox(self, channel: ChannelKey) -> Outbox:
        return self.channels.setdefault(channel.text, Outbox())

    def push(self, text: str, channel: str = "c1", user: str = "u1") -> asyncio.Task[None]:
        key = ChannelKey.of(self.name, channel)
        request = Request(key, Sender(user), text, may_manage=manages)
        task = asyncio.create_task(self._deliver(request))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    async def _deliver(self, request: Request) -> None:
        await deliver(self.app.engine.handle(request), self.outbox(request.channel), LIMITS)

    async def surface_for(self, channel: ChannelKey) -> tuple[Outbox, Limits] | None:
        return self.outbox(channel), LIMITS
