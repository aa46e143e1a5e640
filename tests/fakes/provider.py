"""A storyteller with scripted output and delays, for engine and adapter tests."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

from bot.providers.base import Chunk, Generation, ProviderError, StreamCut, Task, Usage


def default_script(generation: Generation) -> str:
    context = generation.context
    if generation.task is Task.RECAP:
        return f"Recap: {context.premise}"
    if generation.task is Task.SUMMARY:
        return "Cast: Scripted\nPlaces: Nowhere\nStory so far: things happened."
    body = f"Part {context.part_number} of {context.premise}."
    if context.direction:
        body += f" Then: {context.direction}."
    if generation.task is Task.ENDING:
        return body + "\n\nThe End."
    if context.settings.choices and generation.task in (Task.OPEN, Task.CONTINUE):
        body += "\n\nWhat happens next?\n1. Go left\n2. Go right\n3. Wait"
    return body


class ScriptedProvider:
    """Streams ``script(generation)`` in chunks of ``chunk`` characters.

    ``fail_after`` makes it break off after that many characters: with
    ``cut=True`` as a :class:`StreamCut`, otherwise as a plain provider error.
    Every generation it was asked for is kept in ``generations``.
    """

    name = "the scripted storyteller"

    def __init__(
        self,
        script: Callable[[Generation], str] = default_script,
        *,
        chunk: int = 7,
        delay: float = 0.0,
        fail_after: int | None = None,
        cut: bool = True,
        usage: Usage | None = None,
    ) -> None:
        self.script = script
        self.chunk = chunk
        self.delay = delay
        self.fail_after = fail_after
        self.cut = cut
        self.usage = usage
        self.generations: list[Generation] = []

    async def stream(self, generation: Generation) -> AsyncIterator[Chunk]:
        self.generations.append(generation)
        text = self.script(generation)
        sent = 0
        for start in range(0, len(text), self.chunk):
            if self.fail_after is not None and sent >= self.fail_after:
                if self.cut and sent:
                    raise StreamCut("connection dropped", user_message="The storyteller stopped.")
                raise ProviderError("down", user_message="The storyteller is down.")
            if self.delay:
                await asyncio.sleep(self.delay)
            piece = text[start : start + self.chunk]
            sent += len(piece)
            yield piece
        if self.usage is not None:
            yield self.usage

    def waiting(self) -> int:
        return 0

    async def aclose(self) -> None:
        return None
