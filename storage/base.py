"""The storage interface the engine depends on.

The engine only sees this protocol and these records, so a PostgreSQL store can
be added later without touching it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol


class StorageError(RuntimeError):
    """The database cannot be used; the message says why and what to do."""


class DuplicateEvent(StorageError):
    """The platform event was handled already; nothing was written."""


EventId = tuple[str, str]
"""A platform and its event id, recorded once handled so redeliveries are ignored."""


class StoryStatus(StrEnum):
    ACTIVE = "active"
    ENDED = "ended"
    ARCHIVED = "archived"


class PartStatus(StrEnum):
    COMPLETE = "complete"
    CUT = "cut"
    """The storyteller stopped midway; the user saw what arrived."""
    INTERRUPTED = "interrupted"
    """The bot shut down while the part was being written."""


@dataclass(frozen=True, slots=True)
class Story:
    id: int
    channel: str
    premise: str
    status: StoryStatus
    summary: str
    summary_upto: int
    """Parts with ``seq`` up to this are folded into ``summary``."""
    last_seq: int
    created_at: float


@dataclass(frozen=True, slots=True)
class Part:
    story_id: int
    seq: int
    text: str
    direction: str
    author: str
    choices: tuple[str, ...]
    status: PartStatus


@dataclass(frozen=True, slots=True)
class Prompt:
    id: int
    text: str
    author: str


@dataclass(frozen=True, slots=True)
class Subscription:
    channel: str
    platform: str
    at_time: str
    timezone: str
    failures: int
    enabled: bool
    last_run: float | None = None
    created_at: float = 0.0


@dataclass(frozen=True, slots=True)
class FeedState:
    url: str
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True, slots=True)
class Purged:
    stories: int
    events: int


@dataclass(frozen=True, slots=True)
class TokenUse:
    """Tokens one request spent, counted per user and per channel for the day's budgets."""

    day: date
    platform: str
    channel: str
    user_id: str
    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True, slots=True)
class TurnState:
    """What a turn needs to know before it writes, read in one round trip."""

    settings: str | None
    """The channel's settings JSON, or None when it has none yet."""
    story: Story | None
    """The channel's active story."""
    recent: tuple[Part, ...]
    """The story's newest parts, oldest first: its unsummarised parts (up to the
    limit asked for) and, whatever the summary holds, its last part."""
    handled: bool
    """The request's platform event was handled before."""


@dataclass(frozen=True, slots=True)
class NewPart:
    text: str
    direction: str = ""
    author: str = ""
    choices: tuple[str, ...] = ()
    status: PartStatus = PartStatus.COMPLETE


class Store(Protocol):
    """Per-channel story memory. Every method is one atomic change or read."""

    async def open(self) -> None: ...

    async def close(self) -> None: ...

    async def turn_state(
        self, channel: str, *, parts: int, event: EventId | None = None
    ) -> TurnState:
        """The channel's settings, active story and its newest ``parts`` parts, and
        whether ``event`` was handled: everything a turn reads, at once."""

    # channels
    async def get_settings(self, channel: str) -> str | None:
        """The channel's settings JSON, or None when it has none yet."""

    async def set_settings(self, channel: str, platform: str, settings_json: str) -> None: ...

    async def forget_channel(self, channel: str) -> None:
        """Delete everything stored for the channel: settings, stories, prompts."""

    # stories
    async def active_story(self, channel: str) -> Story | None: ...

    async def start_story(
        self,
        channel: str,
        platform: str,
        premise: str,
        first: NewPart,
        *,
        event: EventId | None = None,
        usage: TokenUse | None = None,
    ) -> Story:
        """Archive the channel's active story, if any, and start a new one with its first part.

        ``event`` is recorded as handled in the same transaction, so a platform
        event either made its part or can be handled again, never both; a
        repeated event raises :class:`DuplicateEvent` and changes nothing.
        ``usage`` is counted in the same transaction.
        """

    async def add_part(
        self,
        story: Story,
        part: NewPart,
        *,
        replace_last: bool = False,
        event: EventId | None = None,
        usage: TokenUse | None = None,
    ) -> Part:
        """Append a part after ``story.last_seq`` (or replace that part, for retry).

        ``story`` is the story as the caller read it: if it has moved on since,
        nothing is written and :class:`StorageError` says so. ``event`` and
        ``usage`` as in :meth:`start_story`.
        """

    async def drop_last_part(self, story_id: int) -> Part | None:
        """Remove the last part (undo); returns it, or None when only the opening is left."""

    async def recent_parts(self, story_id: int, after_seq: int, limit: int) -> list[Part]:
        """Parts with ``seq > after_seq``, the newest ``limit`` of them, oldest first."""

    async def all_parts(self, story_id: int) -> list[Part]: ...

    async def set_summary(self, story_id: int, summary: str, upto: int) -> None: ...

    async def finish_story(self, story_id: int, status: StoryStatus) -> None: ...

    # prompts
    async def list_prompts(self, channel: str) -> list[Prompt]: ...

    async def add_prompt(self, channel: str, text: str, author: str) -> Prompt: ...

    async def remove_prompt(self, channel: str, prompt_id: int) -> bool: ...

    async def count_prompts(self, channel: str) -> int: ...

    # usage and idempotency
    async def record_usage(self, usage: TokenUse) -> None:
        """Count tokens spent without a part to store them with (a recap)."""

    async def usage_today(self, day: date, scope: str, key: str) -> int:
        """Tokens used on ``day`` by a user (``scope='user'``) or a channel."""

    async def claim_event(self, platform: str, event_id: str) -> bool:
        """Record a platform event id; False when it was already handled."""

    async def count_active_stories(self) -> int: ...

    # story of the day
    async def subscribe(self, channel: str, platform: str, at_time: str, timezone: str) -> None:
        """Create or replace the channel's subscription, enabled and with no failures."""

    async def unsubscribe(self, channel: str) -> bool: ...

    async def subscription(self, channel: str) -> Subscription | None: ...

    async def subscriptions(self) -> list[Subscription]:
        """Every enabled subscription."""

    async def record_subscription_run(
        self, channel: str, ok: bool, max_failures: int
    ) -> Subscription | None:
        """Count a run; after ``max_failures`` failures in a row the subscription is disabled."""

    # prompt feeds
    async def feed_state(self, url: str) -> FeedState | None: ...

    async def save_feed_state(
        self, url: str, etag: str | None, last_modified: str | None, error: str | None
    ) -> None: ...

    async def add_feed_prompts(self, texts: list[str]) -> int:
        """Add prompts to the shared pool, skipping known ones; returns how many were new."""

    async def count_feed_prompts(self) -> int: ...

    async def feed_prompt_at(self, index: int) -> str | None: ...

    # retention
    async def purge(self, stories_before: float, events_before: float) -> Purged:
        """Delete archived and ended stories finished before the cutoff, and old event ids."""
