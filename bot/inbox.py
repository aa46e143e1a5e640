"""The inbox: every platform event is kept from the moment it is fetched until it is handled.

Telegram forgets an update once a later ``getUpdates`` confirms it, and
python-telegram-bot confirmed each batch as soon as it had queued it, before
any handler ran: a process killed in between lost the batch (88 of 132
updates over the crash test's 22 kills). Adapters keep each event here
before it can be confirmed (or before a webhook answers 200), mark it done
once its reply has been delivered, and at start take up what a dead process
left. Taking one up twice is safe: the engine answers an event id once.

Bounded without a purge: rows leave when done; at most :data:`MOST` per
platform are kept, past that a batch is refused whole and the adapter stops
fetching (Telegram keeps updates for a day) or answers the webhook 503
(Telegram delivers again), so nothing is dropped for space. An event still
there after :data:`MAX_TRIES` start-ups is dropped, in case it is what kills
the process.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from bot.identity import ChannelKey
from storage.base import InboxStore, Pending, StorageError

log = logging.getLogger(__name__)

Item = tuple[str, str]
"""An event id and the event as the platform sent it (Telegram: the update's JSON)."""

MOST = 10_000
"""Events kept per platform. Handled ones leave within seconds; the engine admits at
most ``story.max_turns`` (2,000) turns at once, so only a stuck process gets near this."""
MAX_TRIES = 50
"""Start-ups that may take an event up before it is dropped. A start-up counts for every
event still kept, handled or not: in the crash test (22 kills in 40 s) a group's backlog
was taken up 10 times and more before its turn came. Under systemd (5 s between restarts,
a 30 s watchdog) a crash loop on one event ends within about half an hour."""
REMEMBER = 1_000
"""Recently handled event ids kept in memory, so a redelivery right after is not handled again."""


class Inbox:
    """The adapters' view of the inbox store, with what this process has in hand."""

    def __init__(
        self,
        store: InboxStore,
        *,
        most: int = MOST,
        max_tries: int = MAX_TRIES,
        remember: int = REMEMBER,
        shared: bool = False,
    ) -> None:
        self.store = store
        self.shared = shared
        """Other instances keep events in the same inbox (PostgreSQL): what one of them
        leaves when it dies is taken up by the others while they run, not at a restart."""
        self.most = most
        self.max_tries = max_tries
        self.remember = remember
        self._open: set[tuple[str, str]] = set()
        self._recent: dict[tuple[str, str], None] = {}

    def _known(self, platform: str, event_id: str) -> bool:
        key = (platform, event_id)
        return key in self._open or key in self._recent

    async def keep(self, platform: str, items: Sequence[Item]) -> list[Item] | None:
        """Store events before the platform may forget them; returns the ones to handle.

        Events this process already has in hand (or handled a moment ago) are
        left out. None means nothing was kept (the inbox is full or the
        database failed): do not confirm these events; fetch them again later.
        """
        fresh: dict[str, str] = {}
        for event_id, payload in items:
            if not self._known(platform, event_id):
                fresh.setdefault(event_id, payload)
        try:
            stored = await self.store.keep(platform, list(fresh.items()), self.most)
        except StorageError as exc:
            log.warning("could not keep %d %s events: %s", len(fresh), platform, exc)
            return None
        if not stored:
            log.warning(
                "the %s inbox holds %d events; taking no more until some are handled",
                platform,
                self.most,
            )
            return None
        # Only now: an event posted twice at once is then handled twice (the engine
        # answers it once), never acknowledged by a copy while the original failed.
        self._open.update((platform, event_id) for event_id in fresh)
        return list(fresh.items())

    async def reserve(self, platform: str, places: Sequence[tuple[str, ChannelKey]]) -> None:
        """Kept events take their places in their channels' order (see InboxStore.reserve).
        A failure only weakens the order across instances, so it is logged, not raised."""
        try:
            await self.store.reserve(platform, list(places))
        except StorageError as exc:
            log.warning("could not place %d %s events in line: %s", len(places), platform, exc)

    async def pending(self, platform: str) -> list[Pending]:
        """What a stopped or killed process had fetched and not handled, oldest first."""
        try:
            rows = await self.store.pending(platform, self.most)
        except StorageError as exc:
            log.warning("could not read the %s inbox: %s", platform, exc)
            return []
        taken: list[Pending] = []
        for row in rows:
            if row.tries > self.max_tries:
                log.warning(
                    "dropping %s event %s: taken up at %d start-ups, it may be what stops them",
                    platform,
                    row.event_id,
                    row.tries - 1,
                )
                await self.done(platform, row.event_id)
            elif (platform, row.event_id) not in self._open:
                self._open.add((platform, row.event_id))
                taken.append(row)
        return taken

    async def showing(self, platform: str, event_id: str, where: str) -> None:
        """The event's reply began to show at ``where`` (a platform message handle).

        A process killed after a reply reached the chat whole, and before the
        event was marked done, used to show the reply a second time when the
        event was taken up; now it is shown again in the message that already
        holds it. A failure only loses that, so it is logged, not raised."""
        try:
            await self.store.showing(platform, event_id, where)
        except StorageError as exc:
            log.warning("could not note where %s event %s shows: %s", platform, event_id, exc)

    async def done(self, platform: str, event_id: str) -> None:
        """The event was handled, or failed and must not be tried again: forget it."""
        key = (platform, event_id)
        self._open.discard(key)
        self._recent[key] = None
        if len(self._recent) > self.remember:
            del self._recent[next(iter(self._recent))]
        try:
            await self.store.done(platform, event_id)
        except StorageError as exc:  # it is taken up, and answered once, at the next start
            log.warning("could not mark %s event %s done: %s", platform, event_id, exc)

    @property
    def in_hand(self) -> int:
        """Events kept and not yet done in this process (metrics and tests read it)."""
        return len(self._open)
