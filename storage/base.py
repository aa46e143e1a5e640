"""The storage interface the core depends on, split by role.

The engine, the channel library and the scheduler each see only the role they
use (:class:`TurnStore`, :class:`ChannelStore`, :class:`ScheduleStore`); the
composition root holds a :class:`Store`, which is all of them. Channel keys
and settings cross this seam as values; how they are kept is the store's
business. This is the seam a PostgreSQL store implements.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import TracebackType
from typing import Protocol

from bot.identity import ChannelKey
from bot.story_settings import StorySettings


class Failure(StrEnum):
    """Why a store could not do what it was asked; callers decide by this, never by text."""

    DUPLICATE_EVENT = "duplicate_event"
    """The platform event was handled already; nothing was written."""
    MOVED_ON = "moved_on"
    """The story changed since the caller read it (a part was added, undone or it ended)."""
    CONSTRAINT = "constraint"
    """The write broke another rule of the schema."""
    IO = "io"
    """The database cannot be read or written (missing, full, damaged, locked)."""


class StorageError(RuntimeError):
    """The store failed; ``kind`` says how, the message says what to do for a person."""

    def __init__(self, message: str, kind: Failure = Failure.IO) -> None:
        super().__init__(message)
        self.kind = kind


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
    channel: ChannelKey
    premise: str
    status: StoryStatus
    summary: str
    summary_upto: int
    """Parts with ``seq`` up to this are folded into ``summary``."""
    last_seq: int
    created_at: float
    note: str = ""
    """The author's note: guidance every generation of this story follows."""
    turn_user: str | None = None
    """With turns on, the player whose turn it is, since ``turn_since``."""
    turn_since: float | None = None


@dataclass(frozen=True, slots=True)
class Part:
    story_id: int
    seq: int
    text: str
    direction: str
    author: str
    choices: tuple[str, ...]
    status: PartStatus
    state: str = ""
    """The storyteller's state after this part (opaque; '' when it keeps none)."""


@dataclass(frozen=True, slots=True)
class WorldEntry:
    """A fact of the story's world, given to the storyteller when its name comes up."""

    id: int
    name: str
    aliases: tuple[str, ...]
    description: str
    pinned: bool = False
    last_triggered: int = 0
    """The part number it last entered the storyteller's context for (0: never)."""


@dataclass(frozen=True, slots=True)
class Player:
    """Who plays which character in a story."""

    user_id: str
    user_name: str
    character: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Branch:
    """An alternative line of a story: its parent's parts up to ``fork_seq``, then its own."""

    id: int
    parent_id: int
    fork_seq: int
    parts: int
    """Its own parts, after the fork."""
    kind: str
    """What made it: retry, undo, edit, branch or switch."""
    created_at: float
    opening: str
    """The start of its first own part, to tell it apart."""


@dataclass(frozen=True, slots=True)
class Vote:
    """A group vote on the options of part ``seq``, and the ballots cast so far."""

    story_id: int
    seq: int
    channel: ChannelKey
    options: int
    opened_at: float
    closes_at: float
    ballots: tuple[tuple[str, int], ...] = ()
    """(voter, option) pairs, one per voter."""
    closed_at: float | None = None
    winner: int | None = None


@dataclass(frozen=True, slots=True)
class StoryListing:
    """One of a channel's stories, as ``/story stories`` lists it."""

    id: int
    premise: str
    status: StoryStatus
    parts: int
    last_played: float


@dataclass(frozen=True, slots=True)
class Prompt:
    id: int
    text: str
    author: str


@dataclass(frozen=True, slots=True)
class Subscription:
    channel: ChannelKey
    at_time: str
    timezone: str
    failures: int
    enabled: bool
    last_run: float | None = None
    created_at: float = 0.0

    @property
    def platform(self) -> str:
        return self.channel.platform


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
    """Tokens one request spent, counted for the user and the channel on ``day``."""

    day: date
    channel: ChannelKey
    user: str
    """The user's key across platforms, ``platform:user_id``."""
    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True, slots=True)
class UsageToday:
    user: int
    channel: int


@dataclass(frozen=True, slots=True)
class TurnState:
    """What a turn needs to know before it writes, read in one round trip."""

    settings: StorySettings
    story: Story | None
    """The channel's active story."""
    recent: tuple[Part, ...]
    """The story's newest parts, oldest first: its unsummarised parts (up to the
    limit asked for) and, whatever the summary holds, its last two parts (a retry
    goes back to the state of the part before the last)."""
    handled: bool
    """The request's platform event was handled before."""
    handled_part: Part | None = None
    """The part that handling wrote, if it is still the active story's last part."""
    world: tuple[WorldEntry, ...] = ()
    """The active story's world book."""
    players: tuple[Player, ...] = ()
    """Who plays in the active story."""


@dataclass(frozen=True, slots=True)
class NewPart:
    text: str
    direction: str = ""
    author: str = ""
    choices: tuple[str, ...] = ()
    status: PartStatus = PartStatus.COMPLETE
    state: str = ""


@dataclass(frozen=True, slots=True)
class TurnWrite:
    """Everything one turn stores, written atomically: all of it or none.

    - ``premise`` set: archive the channel's active story and start a new one
      with ``part`` as its opening;
    - else ``part`` set: append it to ``story`` (or replace its last part,
      ``replace_last``), failing with :attr:`Failure.MOVED_ON` if ``story`` is
      not as the caller read it;
    - ``part`` None: store nothing but the event and the usage (a recap).

    ``finish`` ends the story in the same write; ``event`` is the platform's
    event id, recorded so a redelivery fails with
    :attr:`Failure.DUPLICATE_EVENT`; ``usage`` is counted with it.
    """

    channel: ChannelKey
    part: NewPart | None = None
    story: Story | None = None
    premise: str | None = None
    replace_last: bool = False
    finish: StoryStatus | None = None
    event: str | None = None
    usage: TokenUse | None = None


@dataclass(frozen=True, slots=True)
class Written:
    story: Story | None
    """The story as it is after the write (None for a recap of no story)."""
    part: Part | None


@dataclass(frozen=True, slots=True)
class Pending:
    """An event kept in the inbox and not handled yet."""

    event_id: str
    payload: str
    tries: int
    """How many start-ups have taken it up, this one included."""
    shown_in: str | None = None
    """Where its reply began to show (see :meth:`InboxStore.showing`), if anywhere."""


class RunClaim(StrEnum):
    """Whether this instance runs a scheduled job for a due time (``ScheduleStore.claim_run``)."""

    FIRST = "first"
    """Nobody has run it: run it."""
    AGAIN = "again"
    """An instance that died claimed it and did not finish: run it again (it may have
    stored or shown part of it)."""
    TAKEN = "taken"
    """It was run, or another live instance is running it: leave it."""


@dataclass(frozen=True, slots=True)
class ClusterState:
    """This instance among the others on the same database, for /readyz."""

    instance: str
    """This instance's name (metrics label it with this)."""
    shared: bool
    """True when other instances may share the database (PostgreSQL)."""
    alive: bool = True
    """The instance's heartbeat is current: the others count it as alive, its channels
    and leases are its own. False after it could not renew it for the lease time."""
    others: int = 0
    """Other live instances on the database, when last seen."""


Local = Callable[[], Awaitable[None]]
"""Waits until a turn is first in its channel's line in this process (bot.lanes)."""


class ChannelTurn(Protocol):
    """A turn's place in its channel's order (:meth:`TurnStore.channel_turn`).

    Entering waits until it is this turn's go; leaving gives the place up, and so
    does ``aclose`` for a turn that never began (refused, or its stream closed
    unread). Giving the place up twice is harmless.
    """

    async def __aenter__(self) -> None: ...

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None: ...

    async def aclose(self) -> None: ...


class Lifecycle(Protocol):
    async def open(self) -> None:
        """Connect, check the database is sound and up to date, or raise StorageError."""
        ...

    async def close(self) -> None: ...

    async def health(self) -> str | None:
        """None when the database answers and has not failed lately; else why not."""
        ...


class TurnStore(Protocol):
    """What story turns read and write."""

    async def turn_state(
        self, channel: ChannelKey, *, parts: int, event: str | None = None
    ) -> TurnState:
        """The channel's settings, active story and its newest ``parts`` parts, and
        whether ``event`` was handled: everything a turn reads, at once."""
        ...

    async def write_turn(self, write: TurnWrite) -> Written:
        """Store a turn's outcome atomically; see :class:`TurnWrite`.

        The one write path for everything that records usage.
        """
        ...

    async def claim_event(self, channel: ChannelKey, event: str, reply: str = "") -> bool:
        """Record a platform event handled without a write, with the text it was answered
        with (see :meth:`event_reply`); False when it already was."""
        ...

    async def active_story(self, channel: ChannelKey) -> Story | None: ...

    async def event_part(self, platform: str, event: str) -> Part | None:
        """The part ``event`` wrote, while it is still its story's last part.

        :meth:`turn_state` finds it only in the channel's active story; an ending
        leaves none active, so a kill between storing an ending and showing it is
        healed through this (rare: only events taken up after a kill ask).
        """
        ...

    async def event_reply(self, platform: str, event: str) -> str | None:
        """The reply a claimed event was answered with, until it is known to be shown.

        A kill between the claim and the reply reaching the chat used to leave the
        request unanswered for good: the event was handled, so it was never answered.
        """
        ...

    async def drop_last_part(self, story_id: int) -> Part | None:
        """Remove the last part (undo); returns it, or None when only the opening is left."""
        ...

    async def recent_parts(self, story_id: int, after_seq: int, limit: int) -> list[Part]:
        """Parts with ``seq > after_seq``, the newest ``limit`` of them, oldest first."""
        ...

    async def all_parts(self, story_id: int) -> list[Part]: ...

    async def set_summary(self, story: Story, summary: str, upto: int) -> bool:
        """Fold parts up to ``upto`` into the summary, if the story is still as ``story``
        says (same summary point, not shortened below ``upto``); False otherwise."""
        ...

    async def usage_today(self, day: date, channel: ChannelKey, user: str) -> UsageToday:
        """Tokens used on ``day`` by the user (``platform:user_id``) and in the channel."""
        ...

    def channel_turn(self, channel: ChannelKey, event: str | None, *, local: Local) -> ChannelTurn:
        """Take a turn's place in its channel's order, now: call it when the request is
        admitted, before anything is awaited, so places are taken in arrival order.

        A store for one process leaves the order to the process's lanes (entering
        awaits ``local``). A shared store orders turns across every instance on the
        database, this one's included, by when they were admitted; ``event`` (the
        platform's event id) lets a turn taken up from a dead instance keep its place.
        """
        ...


class ChannelStore(Protocol):
    """What channel commands read and write: settings, prompts, forgetting."""

    async def list_stories(self, channel: ChannelKey, limit: int) -> list[StoryListing]:
        """The channel's stories, the most recently played first."""
        ...

    async def resume_story(self, channel: ChannelKey, story_id: int) -> Story | None:
        """Make one of the channel's earlier stories the active one, archiving the current
        one; None when the channel has no such story. Nothing is deleted."""
        ...

    async def get_settings(self, channel: ChannelKey) -> StorySettings:
        """The channel's settings (defaults when it has none yet)."""
        ...

    async def set_settings(self, channel: ChannelKey, settings: StorySettings) -> None: ...

    async def forget_channel(self, channel: ChannelKey) -> None:
        """Delete everything stored for the channel: settings, stories, prompts."""
        ...

    async def active_story(self, channel: ChannelKey) -> Story | None: ...

    async def all_parts(self, story_id: int) -> list[Part]: ...

    async def recent_parts(self, story_id: int, after_seq: int, limit: int) -> list[Part]: ...

    async def drop_last_part(self, story_id: int) -> Part | None: ...

    async def branches(self, story_id: int) -> list[Branch]: ...

    async def line(self, branch_id: int) -> list[Part]: ...

    async def list_prompts(self, channel: ChannelKey) -> list[Prompt]: ...

    async def add_prompt(self, channel: ChannelKey, text: str, author: str) -> Prompt: ...

    async def remove_prompt(self, channel: ChannelKey, prompt_id: int) -> bool: ...

    async def edit_prompt(
        self, channel: ChannelKey | None, prompt_id: int, text: str
    ) -> Prompt | None:
        """A prompt's new text, in ``channel``'s library or (``None``) the shared pool; None
        when there is no such prompt there. A pool prompt given a text the pool has already
        raises ``StorageError`` of kind ``CONSTRAINT`` (the pool holds each text once)."""
        ...

    async def count_prompts(self, channel: ChannelKey) -> int: ...

    async def count_feed_prompts(self) -> int: ...

    async def feed_prompt_at(self, index: int) -> str | None: ...

    async def subscribe(self, channel: ChannelKey, at_time: str, timezone: str) -> None:
        """Create or replace the channel's subscription, enabled and with no failures."""
        ...

    async def unsubscribe(self, channel: ChannelKey) -> bool: ...


class ScheduleStore(Protocol):
    """What scheduled work reads and writes: subscriptions, feeds, retention."""

    async def subscription(self, channel: ChannelKey) -> Subscription | None: ...

    async def subscriptions(self) -> list[Subscription]:
        """Every enabled subscription."""
        ...

    async def record_subscription_run(
        self, channel: ChannelKey, ok: bool, max_failures: int
    ) -> Subscription | None:
        """Count a run; after ``max_failures`` failures in a row the subscription is disabled."""
        ...

    async def feed_state(self, url: str) -> FeedState | None: ...

    async def save_feed_state(
        self, url: str, etag: str | None, last_modified: str | None, error: str | None
    ) -> None: ...

    async def add_feed_prompts(self, texts: list[str]) -> int:
        """Add prompts to the shared pool, skipping known ones; returns how many were new."""
        ...

    async def count_feed_prompts(self) -> int: ...

    async def count_active_stories(self) -> int: ...

    async def purge(self, stories_before: float, events_before: float) -> Purged:
        """Delete archived and ended stories finished before the cutoff, and old event ids."""
        ...

    async def claim_run(self, job: str, due: float) -> RunClaim:
        """Whether this instance runs ``job`` for the time it was due (Unix seconds): once
        across every instance on the database. A store for one process always says FIRST."""
        ...

    async def finish_run(self, job: str, due: float) -> None:
        """The claimed run is over (whether it succeeded or not)."""
        ...


class LeaseStore(Protocol):
    """Named leases in the shared database: held by one live instance at a time."""

    async def take_lease(self, name: str, seconds: float) -> bool:
        """Take the lease, or renew it if this instance holds it, for ``seconds``; False
        while another live instance holds it. A store for one process always has it."""
        ...

    async def drop_lease(self, name: str) -> None:
        """Give the lease up at once (on a clean stop), so another instance need not wait."""
        ...

    def cluster(self) -> ClusterState: ...


class InboxStore(Protocol):
    """Platform events kept from fetch to handled, so a killed process loses none
    (:mod:`bot.inbox`). Event ids are the platform's, unique per platform."""

    async def keep(self, platform: str, items: list[tuple[str, str]], most: int) -> bool:
        """Store ``(event id, payload)`` pairs, skipping ids already kept: all of them, or
        none when the platform would then hold more than ``most``. False means none."""
        ...

    async def pending(self, platform: str, limit: int) -> list[Pending]:
        """The oldest ``limit`` events kept and not done, oldest first. Each is counted
        as tried once more (see :attr:`Pending.tries`)."""
        ...

    async def showing(self, platform: str, event_id: str, where: str) -> None:
        """Remember where the event's reply began to show (the platform's handle of its
        first message), so that taking the event up again shows the reply there, not twice."""
        ...

    async def done(self, platform: str, event_id: str) -> None:
        """Forget an event: it was handled (or will never be)."""
        ...

    async def reserve(self, platform: str, places: list[tuple[str, ChannelKey]]) -> None:
        """Give kept events ``(event id, channel)`` their places in their channels' order
        now, before the platform is told they arrived: a message sent after that answer is
        then answered after them, whichever instance gets it. The turn admitted for the
        event takes the place; an event that becomes no turn gives it up when done. A
        store for one process does nothing: its lanes keep arrival order."""
        ...


class CraftStore(Protocol):
    """World books, notes, players, branches, votes and share codes (see migration 008)."""

    async def add_world_entry(
        self, story_id: int, name: str, aliases: tuple[str, ...], description: str
    ) -> WorldEntry:
        """Add an entry, or replace the one with that name (case aside)."""
        ...

    async def remove_world_entry(self, story_id: int, name: str) -> bool: ...

    async def pin_world_entry(self, story_id: int, name: str, pinned: bool) -> bool: ...

    async def world_entries(self, story_id: int) -> list[WorldEntry]: ...

    async def mark_triggered(self, story_id: int, ids: list[int], part: int) -> None:
        """Entries that entered the context for ``part``: the most recent ones win a place."""
        ...

    async def set_note(self, story_id: int, note: str) -> None: ...

    async def join(self, story_id: int, player: Player) -> None:
        """Make the user a player with that character (or change their character)."""
        ...

    async def leave(self, story_id: int, user_id: str) -> bool: ...

    async def players(self, story_id: int) -> list[Player]: ...

    async def set_turn(self, story_id: int, user_id: str | None, since: float) -> None: ...

    async def branch_off(self, story: Story, from_seq: int, kind: str) -> Branch | None:
        """Keep the current line's parts from ``from_seq`` on as an alternative, and end
        the line before them. None when the story no longer ends where it did."""
        ...

    async def edit_last(self, story: Story, part: NewPart) -> Part:
        """Replace the last part's text, keeping the old one as an alternative."""
        ...

    async def branches(self, story_id: int) -> list[Branch]:
        """Every alternative line of the story, the newest first."""
        ...

    async def switch_to(self, story: Story, branch_id: int) -> Story | None:
        """Make an alternative the current line, keeping the current one as an alternative.
        None when ``branch_id`` is not an alternative of this story."""
        ...

    async def line(self, branch_id: int) -> list[Part]:
        """All the parts of a story row's line, its ancestors' included, in order."""
        ...

    async def open_vote(
        self, story_id: int, seq: int, channel: ChannelKey, options: int, closes_at: float
    ) -> Vote:
        """The vote on part ``seq``'s options, opened now if it was not open yet."""
        ...

    async def cast_ballot(self, story_id: int, seq: int, voter: str, choice: int) -> Vote:
        """Record (or change) a voter's ballot; the vote as it stands afterwards."""
        ...

    async def close_vote(self, story_id: int, seq: int, winner: int) -> bool:
        """Close an open vote with its winner; False when it was already closed."""
        ...

    async def vote(self, story_id: int, seq: int) -> Vote | None: ...

    async def open_votes(self) -> list[Vote]:
        """Every vote not closed yet, the soonest to close first."""
        ...

    async def save_share(self, code: str, snapshot: str, expires_at: float) -> None: ...

    async def shared(self, code: str, now: float) -> str | None:
        """The snapshot a code stands for, or None when unknown or expired."""
        ...

    async def import_story(
        self, channel: ChannelKey, snapshot: StorySnapshot, event: str | None
    ) -> Story:
        """Start a copy of a shared story in ``channel`` (the running one is archived)."""
        ...


@dataclass(frozen=True, slots=True)
class StorySnapshot:
    """A story as shared: its line, world book, note and cast."""

    premise: str
    parts: tuple[NewPart, ...]
    world: tuple[WorldEntry, ...] = ()
    note: str = ""
    players: tuple[Player, ...] = ()


@dataclass(frozen=True, slots=True)
class ChannelSummary:
    """One channel as the operator console lists it."""

    channel: ChannelKey
    story_id: int | None
    """The active story, if any."""
    premise: str
    parts: int
    players: int
    last_activity: float


@dataclass(frozen=True, slots=True)
class ChannelUsage:
    """Tokens a channel used on one day."""

    day: date
    channel: ChannelKey
    requests: int
    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True, slots=True)
class FeedStatus:
    url: str
    fetched_at: float | None
    last_error: str | None


@dataclass(frozen=True, slots=True)
class Invite:
    """A named browser player the operator invited; revoked invites let nobody in."""

    id: int
    name: str
    created_at: float
    revoked: bool = False


class ConsoleStore(Protocol):
    """What the operator console reads across channels, and the browser's invites."""

    async def channel_summaries(self, offset: int, limit: int) -> list[ChannelSummary]:
        """Channels, the most recently active first."""
        ...

    async def count_channels(self) -> int: ...

    async def channel_summary(self, channel: ChannelKey) -> ChannelSummary | None: ...

    async def story(self, story_id: int) -> Story | None:
        """A story (a current line, not an alternative) by its number, wherever it is."""
        ...

    async def pool_prompts(self, offset: int, limit: int) -> list[Prompt]:
        """The shared pool (feeds and operators), oldest first."""
        ...

    async def add_pool_prompt(self, text: str, author: str) -> Prompt | None:
        """Add to the shared pool; None when the pool has that text already."""
        ...

    async def remove_pool_prompt(self, prompt_id: int) -> bool: ...

    async def all_subscriptions(self) -> list[Subscription]:
        """Every subscription, disabled ones included."""
        ...

    async def feed_statuses(self) -> list[FeedStatus]: ...

    async def channel_usage(self, since: date, offset: int, limit: int) -> list[ChannelUsage]:
        """Usage per channel and day from ``since`` on, the newest day first."""
        ...

    async def add_invite(self, name: str, token_hash: str) -> Invite: ...

    async def invites(self, limit: int) -> list[Invite]:
        """The newest ``limit`` invites, revoked ones included."""
        ...

    async def invite_by_token(self, token_hash: str) -> Invite | None:
        """The invite whose token hashes to this, unless it was revoked."""
        ...

    async def invite(self, invite_id: int) -> Invite | None: ...

    async def revoke_invite(self, invite_id: int) -> bool: ...


class Store(
    Lifecycle,
    TurnStore,
    ChannelStore,
    ScheduleStore,
    InboxStore,
    CraftStore,
    ConsoleStore,
    LeaseStore,
    Protocol,
):
    """Every role: what the composition root opens and hands out."""
