"""SQLite queries for the inbox: platform events kept from fetch until handled.

The rows are in flight: stored before the platform may forget the event,
deleted once it is handled. Insertion order (``rowid``) is arrival order,
which is the order to take them up again after a crash.
"""

from __future__ import annotations

import time

from storage.base import Pending
from storage.sqlite_db import Connection, one


class InboxQueries(Connection):
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
        # Its reply was shown (or never will be): a copy fetched again is not shown again.
        async with self._tx() as db:
            await db.execute(
                "DELETE FROM inbox WHERE platform = ? AND event_id = ?", (platform, event_id)
            )
            await db.execute(
                "UPDATE processed_events SET finished = 1, reply = NULL "
                "WHERE platform = ? AND event_id = ? AND NOT finished",
                (platform, event_id),
            )
