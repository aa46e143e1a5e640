"""The terminal adapter: ``storybot chat``, a platform like any other.

Lines become requests and replies go through the same delivery layer. In an
interactive terminal, lines are read with prompt_toolkit (line editing, history
with the arrow keys and Ctrl-R, no 4 KB limit on a pasted line) and replies are
wrapped and styled by :mod:`adapters.terminal.screen`. Piped input is read
line by line on a thread and answered in plain text, exactly as before, so
scripts (and the tests) can drive it.

The terminal's user speaks the language of their locale (``LC_ALL``, else
``LC_MESSAGES``, else ``LANG``, as POSIX orders them: ``de_DE.UTF-8`` is German),
which becomes the sender's locale; the channel's ``ui`` setting still wins in the core.
"""

from __future__ import annotations

import asyncio
import io
import os
import sys
import threading
from collections.abc import AsyncGenerator, Mapping
from pathlib import Path
from typing import IO

from prompt_toolkit import PromptSession
from prompt_toolkit.history import FileHistory, InMemoryHistory
from rich.console import Console

from adapters.terminal.screen import Output, Plain, Screen, TerminalSurface
from bot.commands import typed
from bot.delivery import Limits, deliver
from bot.engine import Engine
from bot.i18n import N_, SOURCE, choose, translator
from bot.identity import ChannelKey, Sender
from bot.types import Final, Mode, ReplyEvent, ReplyStream, Request, manages

__all__ = ["TerminalChat", "TerminalSurface"]

PLATFORM = "terminal"
LIMITS = Limits(max_length=1_000_000, interval=0.0)
PROMPT = "> "
QUIT = {"/quit", "/exit", "/q"}
HELP = {"/help", "help"}
STORY = "/story"
WELCOME = N_("Storybot. {greeting} Ctrl-D leaves.")
NO_SUCH_COMMAND = N_(
    "There is no command `{command}`. `/story help` lists the commands, `/quit` leaves."
)
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def terminal_locale(environ: Mapping[str, str]) -> str | None:
    """The locale the terminal's user reads, as a tag (``de_DE.UTF-8`` → ``de_DE``);
    None for ``C``/``POSIX`` or nothing set."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:  # the first one set decides, even when it says C
            tag = value.split(".", 1)[0].split("@", 1)[0]
            return None if tag in ("C", "POSIX") else tag
    return None


class PipedLines:
    """Lines from a pipe, read on a daemon thread so Ctrl-C never waits for a readline."""

    def __init__(self, stdin: IO[str]) -> None:
        self._lines: asyncio.Queue[str] = asyncio.Queue()
        loop = asyncio.get_running_loop()

        def pump() -> None:
            while True:
                line = stdin.readline()
                loop.call_soon_threadsafe(self._lines.put_nowait, line)
                if not line:
                    return

        threading.Thread(target=pump, name="stdin", daemon=True).start()

    async def next(self) -> str | None:
        line = await self._lines.get()
        return line or None


class EditedLines:
    """Lines typed at a prompt, with editing and a history kept beside the database."""

    def __init__(self, history: Path | None) -> None:
        saved = FileHistory(str(history)) if history is not None else InMemoryHistory()
        self._session: PromptSession[str] = PromptSession(history=saved)

    async def next(self) -> str | None:
        while True:
            try:
                return await self._session.prompt_async(PROMPT)
            except KeyboardInterrupt:  # Ctrl-C clears the line, as in a shell
                continue
            except EOFError:  # Ctrl-D leaves
                return None


class TerminalChat:
    """Reads lines until end of input and answers each one in turn."""

    name = PLATFORM

    def __init__(
        self,
        engine: Engine,
        *,
        user: str,
        channel: str,
        export_dir: Path,
        stdin: IO[str] | None = None,
        stdout: IO[str] | None = None,
        interactive: bool | None = None,
        history: Path | None = None,
        environ: Mapping[str, str] | None = None,
        default_language: str = SOURCE,
    ) -> None:
        self.engine = engine
        self.channel = ChannelKey.of(PLATFORM, channel)
        locale = terminal_locale(os.environ if environ is None else environ)
        self.sender = Sender(user, user, locale)
        self.language = choose(locale, default=default_language)
        """For what the terminal says itself, outside the engine's turns (``i18n.default``
        when the locale names no language Storybot speaks, as in the core)."""
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.export_dir = export_dir
        self.history = history
        if isinstance(self.stdin, io.TextIOWrapper):  # bad bytes become U+FFFD, not an error
            self.stdin.reconfigure(errors="replace")
        self.interactive = self.stdin.isatty() if interactive is None else interactive

    def request(self, line: str) -> Request:
        text, mode = typed(line)
        if mode is Mode.CHAT and text.lower() in HELP:
            text, mode = "", Mode.COMMAND
        return Request(self.channel, self.sender, text, mode, may_manage=manages)

    def _output(self) -> Output:
        if not self.interactive:
            return Plain(self.stdout)
        return Screen(Console(file=self.stdout, highlight=False))

    async def run(self) -> None:
        output = self._output()
        lines = EditedLines(self.history) if self.interactive else PipedLines(self.stdin)
        surface = TerminalSurface(output, self.export_dir, self.language)
        words = translator(self.language).gettext
        if self.interactive:
            greeting = await self.engine.greeting(self.channel, language=self.language)
            output.write(words(WELCOME).format(greeting=greeting) + "\n\n")
        while (line := await lines.next()) is not None:
            text = line.strip()
            if not text:
                continue
            if text.lower() in QUIT:
                break
            unknown = unknown_command(text)
            if unknown is not None:
                output.write(words(NO_SUCH_COMMAND).format(command=unknown) + "\n\n")
                continue
            reply = in_its_language(self.engine.handle(self.request(line)), surface)
            await deliver(reply, surface, LIMITS, typing=False)
            output.write("\n\n")
        if self.interactive:
            output.write("\n")  # after Ctrl-D the shell's prompt starts on a clean line


async def in_its_language(
    stream: ReplyStream, surface: TerminalSurface
) -> AsyncGenerator[ReplyEvent, None]:
    """The reply stream, telling the surface the reply's language before its final text
    is shown, so the hints the surface adds match the reply."""
    try:
        async for event in stream:
            if isinstance(event, Final):
                surface.language = event.language
            yield event
    finally:
        await stream.aclose()


def unknown_command(text: str) -> str | None:
    """The slash word of ``/quit2``-like text, which must never become story text."""
    if not text.startswith("/"):
        return None
    word = text.split(maxsplit=1)[0].lower()
    return None if word in (STORY, *QUIT, *HELP) else word[:40]
