"""PostgreSQL queries for the inbox: platform events kept from fetch until handled.

With several instances the inbox is shared, and every row has an owner: the
instance that kept it, or took it up. An instance takes up (``pending``) only
rows whose owner is dead (its heartbeat ran out, see ``postgres_cluster.py``)
or gone, never what a live instance has in hand, and takes them with ``SKIP
LOCKED`` so two instances taking up at once split them instead of both taking
the same. A dead owner's place in its channels' order passes with its events:
the turn that was waiting for such an event keeps its ticket (``adopted``), so
a chat's later messages still wait for it.
"""

from __future__ import annotations

import time

from bot.identity import ChannelKey
from storage.base import Pending
from storage.postgres_db import Connection, escape

INBOX_LOCK = 1937011305
"""Per platform, so the bound on kept events holds with instances keeping at once."""

_ALIVE = "EXISTS (SELECT 1 FROM instances AS i WHERE i.id = {owner} AND i.expires_at > {now})"


def alive(owner: str, now: str = "storybot_now()") -> str:
    return _ALIVE.format(owner=owner, now=now)


# Keep new events; an event kept by a dead instance (a load balancer sent it again)
# becomes this instance's, with its place in its channel's order.
_KEEP = f"""
WITH given AS (
    SELECT * FROM unnest($2::text[], $3::text[]) AS g (event_id, payload)
), kept AS (
    INSERT INTO inbox AS b (platform, event_id, payload, received_at, owner)
    SELECT $1, event_id, payload, $4, $5 FROM given
    ON CONFLICT (platform, event_id) DO UPDATE SET owner = excluded.owner
    WHERE b.owner IS NULL OR NOT {alive("b.owner")}
    RETURNING b.event_id
)
UPDATE turn_queue AS q SET instance = $5, adopted = true
FROM kept WHERE q.platform = $1 AND q.event_id = kept.event_id AND q.instance <> $5
  AND NOT {alive("q.instance")}
"""

_TAKE_UP = f"""
WITH taken AS (
    SELECT platform, event_id FROM inbox AS b
    WHERE b.platform = $1 AND b.owner IS DISTINCT FROM $3
      AND (b.owner IS NULL OR NOT {alive("b.owner")})
    ORDER BY b.seq LIMIT $2 FOR UPDATE SKIP LOCKED
), moved AS (
    UPDATE turn_queue AS q SET instance = $3, adopted = true
    FROM taken WHERE q.platform = taken.platform AND q.event_id = taken.event_id
      AND q.instance <> $3 AND NOT {alive("q.instance")}
)
UPDATE inbox AS b SET tries = b.tries + 1, owner = $3
FROM taken WHERE b.platform = taken.platform AND b.event_id = taken.event_id
RETURNING b.seq, b.event_id, b.payload, b.tries, b.shown_in
"""

_COUNTS = """
SELECT (SELECT COUNT(*) FROM inbox WHERE platform = $1),
       (SELECT COUNT(*) FROM unnest($2::text[]) AS e (event_id) WHERE NOT EXISTS
           (SELECT 1 FROM inbox AS b WHERE b.platform = $1 AND b.event_id = e.event_id))
"""

_DONE = """
WITH gone AS (
    DELETE FROM inbox WHERE platform = $1 AND event_id = $2
), unused AS (
    DELETE FROM turn_queue WHERE platform = $1 AND event_id = $2 AND adopted
    RETURNING channel_key
)
SELECT pg_notify($3, channel_key) FROM unused
"""


class InboxQueries(Connection):
    instance_id: str
    notify_channel: str

    async def keep(self, platform: str, items: list[tuple[str, str]], most: int) -> bool:
        if not items:
            return True
        events = [escape(event_id) for event_id, _ in items]
        payloads = [escape(payload) for _, payload in items]
        async with self._tx() as conn:
            await conn.execute(
                "SELECT pg_advisory_xact_lock($1, hashtext($2))", INBOX_LOCK, platform
            )
            counts = await conn.fetchrow(_COUNTS, platform, events)
            assert counts is not None
            held, fresh = counts
            if fresh and held + fresh > most:
                return False
            await conn.execute(_KEEP, platform, events, payloads, time.time(), self.instance_id)
        return True

    async def pending(self, platform: str, limit: int) -> list[Pending]:
        rows = await self._fetch(_TAKE_UP, platform, limit, self.instance_id)
        # RETURNING gives rows in no particular order.
        rows.sort(key=lambda row: int(row["seq"]))
        return [
            Pending(row["event_id"], row["payload"], row["tries"], row["shown_in"]) for row in rows
        ]

    async def showing(self, platform: str, event_id: str, where: str) -> None:
        await self._execute(
            "UPDATE inbox SET shown_in = $3 WHERE platform = $1 AND event_id = $2",
            platform,
            event_id,
            where,
        )

    async def done(self, platform: str, event_id: str) -> None:
        await self._fetch(_DONE, platform, event_id, self.notify_channel)

    async def reserve(self, platform: str, places: list[tuple[str, ChannelKey]]) -> None:
        if places:
            await self._execute(
                "SELECT storybot_reserve_turns($1, $2, $3, $4)",
                [escape(channel.text) for _, channel in places],
                platform,
                [escape(event_id) for event_id, _ in places],
                self.instance_id,
            )
