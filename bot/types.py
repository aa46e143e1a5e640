"""Platform-free request and reply types.

Adapters translate native events into a :class:`Request` and render the
:class:`Delta`/:class:`Final` stream the engine yields. Nothing here knows about
Discord, Telegram or Slack, which is what lets one engine serve all three.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from enum import StrEnum


class Mode(StrEnum):
    """How the request's text should be read."""

    COMMAND = "command"
    """Text after ``/story``: a subcommand, or a prompt for a new story."""
    CHAT = "chat"
    """Plain text in a DM or thread: a subcommand, else steer the active story."""


@dataclass(frozen=True, slots=True)
class Request:
    """One thing a user asked of the bot, already stripped of platform detail.

    ``channel`` names the conversation whose story this is (``telegram:<chat>``,
    ``slack:<team>:<channel>:<thread_ts>``, ``discord:<guild>:<channel>``...).
    ``can_manage`` is set by the adapter: true in DMs and for channel managers.
    ``ref`` names the story part a button was attached to, so a press on an old
    message can be recognised as stale.
    """

    platform: str
    channel: str
    user_id: str
    text: str = ""
    mode: Mode = Mode.COMMAND
    user_name: str = ""
    locale: str | None = None
    can_manage: bool = True
    event_id: str | None = None
    ref: str | None = None
    trace_id: str | None = None


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file the reply carries, such as the Markdown export."""

    filename: str
    content: bytes
    mime_type: str = "text/markdown"


@dataclass(frozen=True, slots=True)
class Delta:
    """Text appended to the reply while it is being written."""

    text: str


class ReplyKind(StrEnum):
    STORY = "story"
    INFO = "info"
    ERROR = "error"


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


ReplyEvent = Delta | Final
ReplyStream = AsyncIterator[ReplyEvent]
