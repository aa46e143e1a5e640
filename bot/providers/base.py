"""The storyteller interface: streamed text from a prompt.

The engine builds one :class:`Generation` per turn. It carries the chat
messages an LLM needs and, alongside them, the same facts in structured form
(:class:`StoryContext`) for storytellers that are not language models, such as
the offline one. Providers yield text chunks and may end with a :class:`Usage`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, Protocol

from bot.i18n import N_
from bot.story_settings import StorySettings


class Task(StrEnum):
    OPEN = "open"
    """Write the opening part from the premise."""
    CONTINUE = "continue"
    """Write the next part, following the direction if there is one."""
    ENDING = "ending"
    """Write a closing part that resolves the story."""
    RECAP = "recap"
    """Summarise the story so far for the reader."""
    SUMMARY = "summary"
    """Fold older parts into the rolling memory summary."""


@dataclass(frozen=True, slots=True)
class Message:
    role: Literal["system", "user", "assistant"]
    content: str


@dataclass(frozen=True, slots=True)
class StoryContext:
    """What the storyteller knows about the story: bounded, whatever its length."""

    premise: str
    settings: StorySettings
    summary: str = ""
    recent: tuple[str, ...] = ()
    direction: str = ""
    part_number: int = 1
    seed: int | None = None
    state: str = ""
    """What the storyteller kept after the part this one follows (see :class:`StoryState`)."""
    world: tuple[str, ...] = ()
    """World-book entries that came up ("Name (also: alias): description"), within budget."""
    note: str = ""
    """The author's note: guidance for this part (tone, pacing, a fact to respect)."""
    cast: tuple[str, ...] = ()
    """Players and their characters ("Mara, played by Ada: a curious thief")."""


@dataclass(frozen=True, slots=True)
class Generation:
    task: Task
    system: str
    messages: tuple[Message, ...]
    max_tokens: int
    context: StoryContext
    channel: str = ""
    trace_id: str | None = None


@dataclass(frozen=True, slots=True)
class Usage:
    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True, slots=True)
class Notice:
    """A line shown to the reader before the story text but not part of it.

    For example: the backup storyteller wrote this part.
    """

    text: str


@dataclass(frozen=True, slots=True)
class StoryState:
    """A storyteller's own memory of the story after the part it just wrote.

    Stored with the part and handed back as ``StoryContext.state`` for the next
    one, so a storyteller that is not a language model (the offline one) can keep
    its cast, places and plot across turns and restarts. Opaque to the engine.
    """

    text: str


Chunk = str | Usage | Notice | StoryState


class ProviderError(Exception):
    """A storyteller failed. ``user_message`` is safe to show in the chat, once translated."""

    def __init__(self, message: str, *, user_message: str | None = None) -> None:
        super().__init__(message)
        self.user_message = user_message or N_("The storyteller is not answering right now.")
        """In English, a message id: translated where it is shown (the writer does)."""


class StreamCut(ProviderError):
    """The stream broke after some text arrived: keep it, but it is not complete."""


class Overloaded(ProviderError):
    """Too many stories are waiting for a connection to the storyteller, here in Storybot.

    Not the server's failure: it costs no retry, no circuit-breaker count and no
    fallback (a fallback would hide that the bot itself is overloaded).
    """


@dataclass(frozen=True, slots=True)
class Languages:
    """The story languages a storyteller writes, asked of a channel's ``language`` setting.

    A language model writes whatever it is asked in (``codes`` empty); the built-in
    storyteller writes a few, which ``code_of`` recognises by any common name.
    """

    codes: tuple[str, ...] = ()
    """The codes written (``en``, ``de``…), the one a story falls back to first."""
    code_of: Callable[[str], str | None] | None = None

    def __call__(self, name: str) -> bool:
        """Whether a story asked to be in ``name`` is written in it."""
        if not self.codes or self.code_of is None:
            return True
        return self.code_of(name) in self.codes


ANY_LANGUAGE = Languages()


class Provider(Protocol):
    """Something that writes story text.

    ``name`` is shown in ``/story help`` so users know who is writing.
    """

    name: str

    def stream(self, generation: Generation) -> AsyncIterator[Chunk]:
        """Yield text chunks as they are written; may end with a :class:`Usage`."""
        ...

    def waiting(self) -> int:
        """Requests waiting for a connection to the storyteller (for the metrics)."""
        ...

    async def aclose(self) -> None: ...


def estimate_tokens(text: str) -> int:
    """A rough token count (about four characters each) for budgets and usage."""
    return max(1, (len(text) + 3) // 4) if text else 0
