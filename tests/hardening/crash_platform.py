"""Helpers for the crash-safety test: a fake Telegram that knows which run it serves,
a story workload, and the real service in a subprocess that can be SIGKILLed.

Each run of the service gets its own bot token (``4242:run<k>``), so the fake
can tell from the request path which process asked; an update handed out to
one run and again to a later one is a redelivery, exactly as Telegram sees it
(an update stays pending until a ``getUpdates`` with a higher offset confirms it).
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import contextvars
import os
import random
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from aiohttp import web

from tests.fakes.telegram_api import BOT_ID, FakeTelegram, message

ROOT = Path(__file__).resolve().parents[2]
_token: contextvars.ContextVar[str] = contextvars.ContextVar("token", default="")


def run_token(run: int) -> str:
    return f"{BOT_ID}:run{run}"


def run_of(token: str) -> int | None:
    _, _, tail = token.partition(":run")
    return int(tail) if tail.isdigit() else None


ServeHook = Callable[[int, list[int]], None]
"""Called with (run, update ids) whenever a live run is handed a non-empty batch."""


class CrashTelegram(FakeTelegram):
    """The fake Bot API, remembering which run each pending update was handed to."""

    def __init__(self) -> None:
        super().__init__(max_poll_wait=0.3)
        self.served: dict[int, list[int]] = {}
        """update id -> the runs that were handed it, in order."""
        self.dead: set[int] = set()
        self.polling: set[int] = set()
        """Runs that have asked for updates, i.e. are up."""
        self.on_serve: ServeHook | None = None
        self.replays: dict[int, int] = {}
        """update id -> how many times it had been handed out when first replayed."""
        self.shown_by: dict[tuple[int, int], set[int]] = {}
        """(chat id, message id) -> the runs that sent or edited it: a message a killed run
        left and a later run completed (the inbox remembers where a reply began) has two."""

    async def inject(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update, kept in update_id order as Telegram returns them."""
        update.setdefault("update_id", next(self._update_ids))
        ids = [u["update_id"] for u in self.updates]
        self.updates.insert(bisect.bisect(ids, update["update_id"]), update)
        await self._notify()
        return update

    async def _dispatch(self, request: web.Request) -> web.Response:
        _token.set(request.match_info["token"])
        return await super()._dispatch(request)

    async def _api_getUpdates(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        run = run_of(_token.get())
        if run is not None and run not in self.polling:
            self.polling.add(run)
            await self._notify()
        batch = await super()._api_getUpdates(params, files)
        if batch and run is not None and run not in self.dead:
            ids = [u["update_id"] for u in batch]
            for number in ids:
                self.served.setdefault(number, []).append(run)
            if self.on_serve is not None:
                self.on_serve(run, ids)
        return batch

    def _shown_by(self, chat_id: int, message_id: int) -> None:
        run = run_of(_token.get())
        if run is not None:
            self.shown_by.setdefault((chat_id, message_id), set()).add(run)

    async def _api_sendMessage(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        sent = await super()._api_sendMessage(params, files)
        self._shown_by(sent["chat"]["id"], sent["message_id"])
        return sent

    async def _api_editMessageText(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        edited = await super()._api_editMessageText(params, files)
        self._shown_by(edited["chat"]["id"], edited["message_id"])
        return edited

    def completed_later(self) -> list[tuple[int, int]]:
        """Messages a killed run began and a later run finished showing."""
        return [place for place, runs in self.shown_by.items() if len(runs) > 1]

    async def replay(self, update: dict[str, Any]) -> None:
        """Deliver a handled update again under its own id, as a retried delivery would."""
        self.replays.setdefault(update["update_id"], len(self.served.get(update["update_id"], [])))
        await self.inject(update)

    def redelivered(self) -> dict[int, list[int]]:
        """Updates handed to more than one run because a crash left them unconfirmed
        (hand-outs after a deliberate replay are not counted)."""
        found = {}
        for number, runs in self.served.items():
            natural = runs[: self.replays.get(number, len(runs))]
            if len(set(natural)) > 1:
                found[number] = natural
        return found


# the workload

STORY_MAKING = {"new", "continue", "choose", "end", "chat"}


@dataclass
class Injected:
    update_id: int
    chat_id: int
    kind: str
    text: str
    tag: str


GROUP_MEMBER = 401
VOTING_OFF = "/story settings voting off"


@dataclass
class Workload:
    """A steady stream of story requests from several chats, all tagged so each
    premise and direction names the one update it came from."""

    tg: CrashTelegram
    rng: random.Random
    dms: tuple[int, ...] = (301, 302, 303, 304, 305)
    groups: tuple[int, ...] = (-1009,)
    sent: list[Injected] = field(default_factory=list)
    _count: int = 0

    def _texts(self, chat_id: int) -> tuple[str, str, str]:
        """(kind, text, tag) for one request from ``chat_id``."""
        self._count += 1
        tag = f"u{self._count}x"
        roll = self.rng.random()
        if chat_id < 0 or roll < 0.55:  # a /story command
            pick = self.rng.random()
            if pick < 0.3:
                return "new", f"/story new a lighthouse keeper named Wren, tale {tag}", tag
            if pick < 0.6:
                return "continue", f"/story continue the fog rolls in, step {tag}", tag
            if pick < 0.85:
                return "choose", f"/story choose {self.rng.randint(1, 3)}", tag
            if pick < 0.9:
                return "end", "/story end", tag
            return "new", f"/story a clockwork fox in Lisbon, tale {tag}", tag
        if roll < 0.7:
            return "chat", str(self.rng.randint(1, 3)), tag  # a bare number chooses
        return "chat", f"then a bell rings under the sea, step {tag}", tag

    async def inject_one(self) -> Injected:
        chat_id = self.rng.choice(self.dms + self.groups)
        kind, text, tag = self._texts(chat_id)
        return await self._inject(chat_id, kind, text, tag)

    async def _inject(self, chat_id: int, kind: str, text: str, tag: str = "") -> Injected:
        user_id = chat_id if chat_id > 0 else GROUP_MEMBER
        update = await self.tg.inject(message(text, chat_id=chat_id, user_id=user_id))
        item = Injected(update["update_id"], chat_id, kind, text, tag)
        self.sent.append(item)
        return item

    async def run(self, stop: asyncio.Event, *, low: float = 0.1, high: float = 0.4) -> None:
        for chat_id in self.groups:
            # A choice in a group is a ballot; with voting off the first one chooses and
            # writes a part, as this workload expects (votes have tests of their own).
            self.tg.members[(chat_id, GROUP_MEMBER)] = "administrator"
            await self._inject(chat_id, "settings", VOTING_OFF)
        while not stop.is_set():
            await self.inject_one()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.rng.uniform(low, high))

    def making(self, chat_id: int) -> int:
        """How many updates from ``chat_id`` could each have written one part."""
        return sum(1 for item in self.sent if item.chat_id == chat_id and item.kind in STORY_MAKING)


# the service under test


def service_env(
    tg: CrashTelegram, database: Path, run: int, chunk_delay: float = 0.01
) -> dict[str, str]:
    """The real service's environment: the fake Telegram, offline storyteller, port 0.

    ``chunk_delay`` paces the storyteller: slow enough that kills land mid-story."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("STORYBOT_") and key != "CREDENTIALS_DIRECTORY"
    }
    env.update(
        STORYBOT_DATABASE_PATH=str(database),
        STORYBOT_LOG_LEVEL="INFO",
        STORYBOT_TELEGRAM__TOKEN=run_token(run),
        STORYBOT_TELEGRAM__API_BASE_URL=tg.base_url,
        STORYBOT_TELEGRAM__FILE_BASE_URL=tg.file_base_url,
        STORYBOT_TELEGRAM__PRIVATE_INTERVAL="0.05",
        STORYBOT_TELEGRAM__GROUP_INTERVAL="0.05",
        STORYBOT_TELEGRAM__POLL_TIMEOUT="1",
        STORYBOT_OFFLINE__CHUNK_DELAY=str(chunk_delay),
        STORYBOT_STORY__MAX_QUEUE="50",
        STORYBOT_SHUTDOWN_GRACE="20",
        STORYBOT_HTTP__PORT="0",
        PYTHONUNBUFFERED="1",
    )
    return env


class ServiceProcess:
    """``python -m bot run`` for one run, its output in ``logs/run<k>.log``."""

    def __init__(
        self, tg: CrashTelegram, database: Path, logs: Path, run: int, chunk_delay: float = 0.01
    ) -> None:
        self.tg, self.database, self.run = tg, database, run
        self.chunk_delay = chunk_delay
        self.log_path = logs / f"run{run}.log"
        self.process: asyncio.subprocess.Process | None = None
        self._log: IO[bytes] | None = None
        self._sent: set[signal.Signals] = set()

    async def start(self) -> None:
        self._log = _open_log(self.log_path)
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            cwd=ROOT,
            env=service_env(self.tg, self.database, self.run, self.chunk_delay),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=self._log,
            stderr=asyncio.subprocess.STDOUT,
        )

    def kill(self) -> None:
        """SIGKILL: no cleanup, no confirmation of fetched updates, no closing the database."""
        self.tg.dead.add(self.run)
        self._signal(signal.SIGKILL)

    def terminate(self) -> None:
        self._signal(signal.SIGTERM)

    def _signal(self, number: signal.Signals) -> None:
        """Send each signal at most once: Popen.send_signal polls first, and a second call
        could reap the dead child before asyncio's watcher does (it then reports 255)."""
        if self.process is not None and self.process.returncode is None:
            if number not in self._sent:
                self._sent.add(number)
                self.process.send_signal(number)

    async def wait(self) -> int:
        assert self.process is not None
        code = await self.process.wait()
        self.tg.dead.add(self.run)
        if self._log is not None:
            self._log.close()
            self._log = None
        return code


def _open_log(path: Path) -> IO[bytes]:
    return path.open("wb")
