"""Stand-ins for the outside world: a storyteller at a set pace and an in-memory chat.

Both are as cheap as they can be, so what a benchmark measures is Storybot.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from bot.delivery import Choices
from bot.providers.base import Chunk, Generation, Usage
from bot.types import Attachment

_WORDS = (
    "the", "fox", "ran", "far", "sky", "owl", "sat", "low", "sea", "and", "old", "map", "key",
    "red", "oak", "hid", "cat", "sun", "met", "two",
)  # fmt: skip


def story_tokens(count: int, *, emoji: bool = False, markup: bool = False) -> list[str]:
    """``count`` tokens of about four characters, with sentences and paragraphs.

    ``emoji`` mixes in characters outside the BMP (two UTF-16 units on
    Telegram); ``markup`` mixes in ``&`` and ``<`` (longer once Slack escapes them).
    """
    words = itertools.cycle(_WORDS)
    tokens: list[str] = []
    for index in range(count):
        if index == 0:
            token = next(words).title()  # storytellers start without whitespace
        elif index % 12:
            token = " " + next(words)
        else:
            token = "\n\n" + next(words).title()
        if index % 12 == 11:
            token += "."
        if emoji and index % 40 == 7:
            token = " 🐉"
        if markup and index % 50 == 9:
            token = " <&>"
        tokens.append(token)
    return tokens


class PacedProvider:
    """Streams fixed tokens, one every ``interval`` seconds (0 = as fast as possible).

    Token ``i`` is due at ``start + (i + 1) * interval``: a late reader gets the
    tokens that piled up at once, as from a network socket, so the stream takes
    ``tokens * interval`` seconds however busy the event loop is.
    """

    name = "the bench storyteller"

    def __init__(self, tokens: int = 200, interval: float = 0.0) -> None:
        self.tokens = story_tokens(tokens)
        self.interval = interval
        self.usage = Usage(prompt_tokens=500, completion_tokens=tokens)

    async def stream(self, generation: Generation) -> AsyncIterator[Chunk]:
        loop = asyncio.get_running_loop()
        start = loop.time()
        for index, token in enumerate(self.tokens):
            if self.interval:
                await asyncio.sleep(max(0.0, start + (index + 1) * self.interval - loop.time()))
            yield token
        yield self.usage

    def waiting(self) -> int:
        return 0

    async def aclose(self) -> None:
        return None


@dataclass(slots=True)
class Call:
    kind: str
    at: float
    handle: int
    text: str


@dataclass(slots=True)
class MemorySurface:
    """A chat that keeps every message in a dict and every call in a list."""

    messages: dict[int, str] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    choices: Choices | None = None
    typings: int = 0

    async def send(self, text: str, *, choices: Choices | None, private: bool) -> int:
        handle = len(self.messages)
        self.messages[handle] = text
        self.calls.append(Call("send", time.monotonic(), handle, text))
        self.choices = choices
        return handle

    async def edit(self, handle: Any, text: str, *, choices: Choices | None) -> None:
        self.messages[handle] = text
        self.calls.append(Call("edit", time.monotonic(), handle, text))
        self.choices = choices

    async def typing(self) -> None:
        self.typings += 1

    async def attach(self, attachment: Attachment, *, private: bool) -> None:
        self.calls.append(Call("attach", time.monotonic(), -1, attachment.filename))

    async def show_tally(self, choices: Choices) -> None:
        return None

    @property
    def shown(self) -> str:
        """All messages in order, as a reader sees them."""
        return "\n".join(self.messages[handle] for handle in sorted(self.messages))

    def min_spacing(self) -> float | None:
        """The shortest gap between two platform calls (typing is not one)."""
        times = [call.at for call in self.calls]
        gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
        return min(gaps) if gaps else None
