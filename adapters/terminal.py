"""The terminal adapter: ``storybot chat`` on stdin and stdout.

It is a platform like any other: lines become requests, and replies go
through the same delivery layer. A terminal can only append, so an "edit"
prints what was added since the last call.
"""

from __future__ import annotations

import asyncio
import io
import sys
import threading
from typing import IO

from bot.delivery import Choices, Limits, deliver
from bot.engine import Engine
from bot.identity import ChannelKey, Sender
from bot.types import Attachment, Mode, Request, manages

PLATFORM = "terminal"
LIMITS = Limits(max_length=1_000_000, interval=0.0)
PROMPT = "> "
QUIT = {"/quit", "/exit", "/q"}


class TerminalSurface:
    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self._shown: dict[int, str] = {}

    def _write(self, text: str) -> None:
        self.out.write(text)
        self.out.flush()

    async def send(self, text: str, *, choices: Choices | None, private: bool) -> int:
        handle = len(self._shown)
        self._shown[handle] = text
        self._write(text)
        self._end(choices)
        return handle

    async def edit(self, handle: int, text: str, *, choices: Choices | None) -> None:
        before = self._shown.get(handle, "")
        self._shown[handle] = text
        if text.startswith(before):
            self._write(text[len(before) :])
        else:
            self._write("\n" + text)
        self._end(choices)

    def _end(self, choices: Choices | None) -> None:
        if choices is not None:
            self._write("\n(Type a number to choose, or anything else to steer the story.)")

    async def typing(self) -> None:
        return None

    async def attach(self, attachment: Attachment, *, private: bool) -> None:
        self._write("\n\n" + attachment.content.decode("utf-8", "replace"))


class TerminalChat:
    """Reads lines until end of input and answers each one in turn."""

    name = PLATFORM

    def __init__(
        self,
        engine: Engine,
        *,
        user: str,
        channel: str,
        stdin: IO[str] | None = None,
        stdout: IO[str] | None = None,
    ) -> None:
        self.engine = engine
        self.user = user
        self.channel = ChannelKey.of(PLATFORM, channel)
        self.sender = Sender(user, user)
        self.stdin = stdin or sys.stdin
        if isinstance(self.stdin, io.TextIOWrapper):  # bad bytes become U+FFFD, not an error
            self.stdin.reconfigure(errors="replace")
        self.stdout = stdout or sys.stdout
        self.interactive = self.stdin.isatty()

    def request(self, line: str) -> Request:
        text = line.strip()
        mode = Mode.CHAT
        lowered = text.lower()
        if lowered == "/story" or lowered.startswith("/story "):
            text, mode = text[len("/story") :].strip(), Mode.COMMAND
        elif lowered in ("/help", "help"):
            text, mode = "", Mode.COMMAND
        return Request(self.channel, self.sender, text, mode, may_manage=manages)

    def _start_reader(self) -> asyncio.Queue[str]:
        """Read stdin on a daemon thread, so Ctrl-C never waits for a pending readline."""
        loop = asyncio.get_running_loop()
        lines: asyncio.Queue[str] = asyncio.Queue()

        def pump() -> None:
            while True:
                line = self.stdin.readline()
                loop.call_soon_threadsafe(lines.put_nowait, line)
                if not line:
                    return

        threading.Thread(target=pump, name="stdin", daemon=True).start()
        return lines

    async def run(self) -> None:
        surface = TerminalSurface(self.stdout)
        lines = self._start_reader()
        if self.interactive:
            self.stdout.write(
                "Storybot. Type a story idea, /story help for commands, Ctrl-D to leave.\n"
            )
        while True:
            if self.interactive:
                self.stdout.write(PROMPT)
                self.stdout.flush()
            line = await lines.get()
            if not line:
                break
            if not line.strip():
                continue
            if line.strip().lower() in QUIT:
                break
            await deliver(self.engine.handle(self.request(line)), surface, LIMITS, typing=False)
            self.stdout.write("\n\n")
            self.stdout.flush()
