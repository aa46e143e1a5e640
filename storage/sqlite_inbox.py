"""SQLite queries for the inbox: platform events kept from fetch until handled.

The rows are in flight: stored before the platform may forget the event,
deleted once it is handled. Insertion order (``rowid``) is arrival order,
which is the order to take them up again after a crash.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from itertools import groupby

from storage.base import Pending
from storage.batches import Batches
from storage.sqlite_db import Connection, one

DONE_MOST = 400
"""Events finished together in one transaction (two parameters each, one platform's)."""


class InboxQueries(Connection):
    def __init__(self) -> None:
        super().__init__()
        self._finished = Batches(self._finish, most=DONE_MOST)

    async def keep(self, platform: str, items: list[tuple[str, str]], most: int) -> bool:
        if not items:
            return True
        now = time.time()
        async with self._tx() as db:
            held = await one(db, "SELECT COUNT(*) FROM inbox WHERE platform = ?", (platform,))
            if int(held[0]) + len(items) > most:
                return False
            await db.executemany(
                "INSERT INTO inbox (platform, event_id, payload, received_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (platform, event_id) DO NOTHING",
                [(platform, event_id, payload, now) for event_id, payload in items],
            )
        return True

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
        await self._fetchall(
            "UPDATE inbox SET shown_in = ? WHERE platform = ? AND event_id = ?",
            (where, platform, event_id),
        )

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
            for platform, group in groupby(sorted(events), key=lambda event: event[0]):
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
