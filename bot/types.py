"""Platform-free request and reply types: the one inbound contract and the reply stream.

Every adapter hands the engine the same :class:`Request`: where (a
:class:`~bot.identity.ChannelKey`), who (a :class:`~bot.identity.Sender`), the
text or an already-parsed command, and a way to ask "may this sender manage
this channel?" that the engine calls only when the command needs it. Parsing
and authorisation happen once, in the core, after the request has taken its
place in the channel's line. Adapters render the :class:`Delta`/:class:`Final`
stream the engine returns.
"""

from __future__ import annotations

import re
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Protocol

from bot.commands import TEXT, Dialect, Mode, Parsed
from bot.identity import ChannelKey, Sender

__all__ = [
    "Attachment",
    "ChannelKey",
    "Delta",
    "Final",
    "ManagerCheck",
    "Mode",
    "ReplyEvent",
    "ReplyKind",
    "ReplyStream",
    "Request",
    "Sender",
    "manages",
    "nothing",
    "only",
    "refused",
    "well_formed",
]

_SURROGATE = re.compile("[\ud800-\udfff]")


def well_formed(text: str) -> str:
    """``text`` with lone surrogates (from a Slack payload's JSON, or undecodable bytes
    read with surrogateescape) replaced by U+FFFD: they cannot be stored or sent."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


ManagerCheck = Callable[[], Awaitable[bool]]
"""Asks the platform whether the sender manages the channel (an API call, maybe)."""


async def manages() -> bool:
    """For DMs, the terminal and anyone the adapter already knows manages the channel."""
    return True


async def refused() -> bool:
    """The default: nobody manages a channel unless the adapter says how to tell."""
    return False


@dataclass(frozen=True, slots=True)
class Request:
    """One thing a user asked of the bot, stripped of platform detail.

    ``text`` is read by ``mode``; ``command``, when set, is the command already
    parsed from native options and ``text`` is ignored. ``ref`` names the story
    part a pressed button belongs to, so a press on an old message is
    recognised as stale. ``event_id`` is the platform's id for this event, so
    a redelivered event is answered once.
    """

    channel: ChannelKey
    sender: Sender
    text: str = ""
    mode: Mode = Mode.COMMAND
    command: Parsed | None = None
    may_manage: ManagerCheck = refused
    dialect: Dialect = TEXT
    event_id: str | None = None
    ref: str | None = None
    trace_id: str | None = None
    retaken: bool = False
    """The event was fetched by a process that stopped before answering it: if that
    process stored a part for it, the reader may never have seen it whole."""
    shared: bool = False
    """A group channel, where several people play: choices there are put to a vote."""

    def __post_init__(self) -> None:
        """Whatever a platform sent, what the engine sees can be stored and shown."""
        object.__setattr__(self, "text", well_formed(self.text))
        if _SURROGATE.search(self.sender.name):
            object.__setattr__(
                self, "sender", replace(self.sender, name=well_formed(self.sender.name))
            )
        if self.command is not None and _SURROGATE.search(self.command.args):
            fixed = replace(self.command, args=well_formed(self.command.args))
            object.__setattr__(self, "command", fixed)

    @property
    def platform(self) -> str:
        return self.channel.platform


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file the reply carries, such as the Markdown export."""

    filename: str
    content: bytes


@dataclass(frozen=True, slots=True)
class Delta:
    """Text appended to the reply while it is being written."""

    text: str


class ReplyKind(StrEnum):
    STORY = "story"
    INFO = "info"
    ERROR = "error"
    TALLY = "tally"
    """A ballot was counted: the options' buttons show the counts, the voter is told."""


@dataclass(frozen=True, slots=True)
class Final:
    """The complete reply. Its ``text`` is everything the user should see.

    ``choices`` are the labels of the numbered options in ``text``; adapters may
    also show them as buttons, carrying ``ref`` so a press can be checked.
    ``private`` marks help, errors and settings answers that platforms with
    ephemeral messages should show only to the asker.
    """

    text: str
    kind: ReplyKind = ReplyKind.INFO
    choices: tuple[str, ...] = ()
    ref: str | None = None
    attachments: tuple[Attachment, ...] = ()
    private: bool = False
    command: str = ""
    outcome: str = "ok"
    tally: tuple[int, ...] = ()
    """With a TALLY reply: the ballots per option, option 1 first."""
    language: str = ""
    """The language ``text`` is written in (a code from :data:`bot.i18n.LANGUAGES`), decided
    once per turn; adapters write their own words around it (buttons, menus) in it too.
    Admission stamps the turn's on every final that has none; a flow sets its own only
    when it answers in another (the confirmation of a new ``ui`` is in that language)."""


ReplyEvent = Delta | Final


class ReplyStream(Protocol):
    """The engine's answer: deltas, then one final reply. Close it if you stop early.

    Closing gives the channel's place in line to the next request, so
    :func:`bot.delivery.deliver` always does, however delivery ends.
    """

    def __aiter__(self) -> AsyncIterator[ReplyEvent]: ...

    def __anext__(self) -> Awaitable[ReplyEvent]: ...

    def aclose(self) -> Awaitable[None]: ...


async def only(final: Final) -> AsyncGenerator[ReplyEvent, None]:
    """A reply stream of one final reply, for answers that need no engine turn."""
    yield final


async def nothing() -> AsyncGenerator[ReplyEvent, None]:
    """A reply stream with no reply at all, for requests answered by silence."""
    return
    yield
