"""SQLite queries for the inbox: platform events kept from fetch until handled.

The rows are in flight: stored before the platform may forget the event,
deleted once it is handled. Insertion order (``rowid``) is arrival order,
which is the order to take them up again after a crash.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Sequence

from storage.base import Pending
from storage.batches import Batches
from storage.sqlite_db import Connection

DONE_MOST = 400
"""Events finished (or noted as showing) together in one statement: at most three
parameters each, well under SQLite's limit."""


class InboxQueries(Connection):
    def __init__(self) -> None:
        super().__init__()
        self._finished = Batches(self._finish, most=DONE_MOST)
        self._shown = Batches(self._show, most=DONE_MOST)

    async def keep(self, platform: str, items: list[tuple[str, str]], most: int) -> bool:
        """One statement, so the poller waits for one round trip, not four.

        The next batch of updates is fetched only once this one is kept, so
        under load every round trip here delayed every update behind it: a
        transaction of four took 0.5-1.5 s per batch with a thousand stories
        streaming. The bound is checked inside the statement; only when
        nothing was inserted is it asked why (all duplicates, or full).
        """
        if not items:
            return True
        if len(items) > most:
            return False
        values = ", ".join(["(?, ?)"] * len(items))
        kept = itertools.chain.from_iterable(items)
        inserted = await self._fetchall(
            "INSERT INTO inbox (platform, event_id, payload, received_at) "
            f"SELECT ?, column1, column2, ? FROM (VALUES {values}) "
            "WHERE (SELECT COUNT(*) FROM inbox WHERE platform = ?) + ? <= ? "
            "ON CONFLICT (platform, event_id) DO NOTHING RETURNING 1",
            (platform, time.time(), *kept, platform, len(items), most),
        )
        if inserted:
            return True
        held = await self._scalar("SELECT COUNT(*) FROM inbox WHERE platform = ?", (platform,))
        return int(held) + len(items) <= most

    async def pending(self, platform: str, limit: int) -> list[Pending]:
        rows = await self._fetchall(
            "UPDATE inbox SET tries = tries + 1 WHERE rowid IN "
            "(SELECT rowid FROM inbox WHERE platform = ? ORDER BY rowid LIMIT ?) "
            "RETURNING rowid, event_id, payload, tries, shown_in",
            (platform, limit),
        )
        # RETURNING gives rows in no particular order.
        return [
            Pending(event, payload, tries, shown)
            for _, event, payload, tries, shown in sorted(rows)
        ]

    async def showing(self, platform: str, event_id: str, where: str) -> None:
        await self._shown.submit((platform, event_id, where))

    async def _show(self, notes: Sequence[tuple[str, str, str]]) -> list[None]:
        """Where replies began to show, noted together: one statement per platform.

        Every story's first message is noted, so a thousand chats answered at
        once noted a thousand times; one by one, each waiting for the GIL under
        load, they held the database thread for 0.8 s, and every turn's read and
        the poller's next batch waited behind them.
        """
        by_platform: dict[str, dict[str, str]] = {}
        for platform, event_id, where in notes:  # in order: an event's last note wins
            by_platform.setdefault(platform, {})[event_id] = where
        for platform, places in by_platform.items():
            cases = " ".join(["WHEN ? THEN ?"] * len(places))
            await self._fetchall(
                f"UPDATE inbox SET shown_in = CASE event_id {cases} END "
                f"WHERE platform = ? AND event_id IN ({', '.join('?' * len(places))})",
                (*itertools.chain.from_iterable(places.items()), platform, *places),
            )
        return [None] * len(notes)

    async def done(self, platform: str, event_id: str) -> None:
        await self._finished.submit((platform, event_id))

    async def _finish(self, events: Sequence[tuple[str, str]]) -> list[None]:
        """Events whose replies were shown (or never will be), all in one transaction.

        A transaction holds the connection's lock for a round trip per
        statement, and every other statement waits meanwhile; a thousand
        chats finishing at once took a thousand of them. Marked finished, a
        copy fetched again is not shown again.
        """
        async with self._tx() as db:
            for platform, group in itertools.groupby(sorted(events), key=lambda event: event[0]):
                ids = [event_id for _, event_id in group]
                marks = ", ".join("?" * len(ids))
                await db.execute(
                    f"DELETE FROM inbox WHERE platform = ? AND event_id IN ({marks})",
                    (platform, *ids),
                )
                await db.execute(
                    "UPDATE processed_events SET finished = 1, reply = NULL "
                    f"WHERE platform = ? AND event_id IN ({marks}) AND NOT finished",
                    (platform, *ids),
                )
        return [None] * len(events)
