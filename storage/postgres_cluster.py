"""Several instances on one PostgreSQL database, acting as one.

**Heartbeats.** Each process adds a row to ``instances`` at start and renews
it every :attr:`Timing.renew` seconds; a row not renewed for
:attr:`Timing.heartbeat` seconds is dead to the others. Everything an
instance holds is held through that row: its turns' places in line, its
leases, its claimed scheduled runs, its inbox events. So a dead instance lets
go of all of it at once, within ``heartbeat + sweep`` seconds (12 s with the
defaults), without a lease per channel to renew.

**Why leases and not advisory locks.** A session advisory lock is released the
moment its connection closes, which is quick for a killed process, but it is
held by one connection: a channel's turn would pin a pooled connection for the
whole story (a thousand stories, a thousand connections), and a process that
hangs with its connection open holds its channels for ever. A lease row can be
seen (``/readyz``, ``psql``), outlives no heartbeat, needs no connection while
held, and works through a transaction-pooling proxy such as PgBouncer.
Advisory locks are used only inside one transaction (``pg_advisory_xact_lock``),
where they are released at commit whatever happens.

**Per-channel order.** A turn takes a ticket when it is admitted (before
anything is awaited, in arrival order: ``storybot_take_turns``, migration 003)
and runs when no smaller ticket of its channel is left, on any instance. The
tickets of one channel are taken under a per-channel lock held to commit, so
they commit in ticket order, and "no smaller ticket" can never miss one still
being written. This order includes the instance's own turns, so it replaces
the in-process lane's order: a turn taken up from a dead instance keeps that
instance's ticket (``adopted``), and runs in its old place even when later
turns of the channel are already waiting here. A turn whose ticket is gone
(this instance was taken for dead) takes a new one. Waiting turns are woken by
``NOTIFY`` when a ticket of their channel is released, and every
:attr:`Timing.poll` seconds in case a notification was missed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import asyncpg

from bot.identity import ChannelKey
from storage.base import ChannelTurn, ClusterState, Local, RunClaim, StorageError
from storage.postgres_db import Connection, classified, escape
from storage.postgres_inbox import alive

log = logging.getLogger(__name__)

TAKE_MOST = 400
"""Turns given tickets in one statement, when that many are admitted at once."""


@dataclass(frozen=True, slots=True)
class Timing:
    """Seconds that bound how long a dead instance holds anything (tests shorten them)."""

    heartbeat: float = 10.0
    """An instance not heard from for this long is dead to the others."""
    renew: float = 3.0
    """How often an instance renews its heartbeat (and its leases, see bot/leases.py)."""
    sweep: float = 2.0
    """How often each instance clears dead instances' places in line."""
    poll: float = 1.0
    """How often waiting turns look again, in case a notification was missed."""
    adopt_grace: float = 8.0
    """How long a dead instance's unanswered inbox events keep their places in line for
    another instance to take them up; after that the places go (the events do not)."""


_SWEEP = f"""
WITH gone AS (
    DELETE FROM turn_queue AS q
    WHERE NOT {alive("q.instance")}
      AND (q.event_id IS NULL
           OR NOT EXISTS (SELECT 1 FROM inbox AS b
                          WHERE b.platform = q.platform AND b.event_id = q.event_id)
           OR COALESCE((SELECT i.expires_at FROM instances AS i WHERE i.id = q.instance), 0)
              < storybot_now() - $1)
    RETURNING q.channel_key
)
SELECT pg_notify($2, c) FROM (SELECT DISTINCT channel_key AS c FROM gone) AS x
"""

# For each waiting turn: is its ticket still there, is it first in its channel, and has
# its event an earlier place (kept for it when another instance died, or taken by one
# that died) that it should take instead of its own?
_HEADS = f"""
SELECT t.ticket, q.ticket IS NOT NULL,
       q.ticket IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM turn_queue AS o
           WHERE o.channel_key = q.channel_key AND o.ticket < q.ticket),
       (SELECT a.ticket FROM turn_queue AS a
        WHERE t.event IS NOT NULL AND a.platform = t.platform AND a.event_id = t.event
          AND a.ticket < t.ticket
          AND ((a.instance = $4 AND a.adopted) OR NOT {alive("a.instance")}))
FROM unnest($1::bigint[], $2::text[], $3::text[]) AS t (ticket, platform, event)
LEFT JOIN turn_queue AS q ON q.ticket = t.ticket
"""

# Take the event's earlier place, and give up the one taken at admission. The event's
# inbox row comes along, so no other instance takes the event up as well.
_SWAP = f"""
WITH took AS (
    UPDATE turn_queue AS a SET instance = $3, adopted = false
    WHERE a.ticket = $1 AND ((a.instance = $3 AND a.adopted) OR NOT {alive("a.instance")})
    RETURNING a.ticket, a.platform, a.event_id
), mine AS (
    UPDATE inbox AS b SET owner = $3 FROM took
    WHERE b.platform = took.platform AND b.event_id = took.event_id
), gone AS (
    DELETE FROM turn_queue WHERE ticket = $2 AND EXISTS (SELECT 1 FROM took)
)
SELECT ticket FROM took
"""

_RELEASE = "SELECT storybot_release_turns($1::bigint[], $2)"

_TAKE_LEASE = f"""
INSERT INTO leases AS l (name, holder, expires_at, taken_at)
VALUES ($1, $2, storybot_now() + $3, storybot_now())
ON CONFLICT (name) DO UPDATE SET
    holder = excluded.holder, expires_at = excluded.expires_at,
    taken_at = CASE WHEN l.holder = excluded.holder THEN l.taken_at ELSE excluded.taken_at END
WHERE l.holder = excluded.holder OR l.expires_at < excluded.taken_at OR NOT {alive("l.holder")}
RETURNING holder
"""

_CLAIM_RUN = f"""
WITH before AS (SELECT 1 FROM scheduled_runs WHERE job = $1 AND due = $2)
INSERT INTO scheduled_runs AS r (job, due, instance, claimed_at)
VALUES ($1, $2, $3, storybot_now())
ON CONFLICT (job, due) DO UPDATE SET instance = excluded.instance,
    claimed_at = excluded.claimed_at
WHERE r.done_at IS NULL AND r.instance <> excluded.instance AND NOT {alive("r.instance")}
RETURNING (SELECT COUNT(*) FROM before) = 0
"""


class TicketGone(Exception):
    """This instance's place in line was cleared: it had been taken for dead."""


Taken = tuple[int, bool]
"""A ticket, and whether it was first in its channel when taken."""


@dataclass(slots=True)
class Waiter:
    """A turn waiting for its go: its ticket (which may change for an earlier one)."""

    ticket: int
    platform: str
    event: str | None
    go: asyncio.Future[int]
    """Resolves with the ticket the turn runs under."""


class TurnOrder:
    """Tickets for this instance's turns: taken in admission order, released when done,
    waited on until first in their channel."""

    def __init__(self, store: ClusterQueries) -> None:
        self.store = store
        self._takes: list[tuple[str, str, str | None, asyncio.Future[Taken]]] = []
        self._taking: asyncio.Task[None] | None = None
        self._releases: list[int] = []
        self._releasing: asyncio.Task[None] | None = None
        self._waiting: dict[str, dict[int, Waiter]] = {}
        self._dirty: set[str] = set()
        self._checking: asyncio.Task[None] | None = None
        self.closed = False

    # taking tickets, in the order asked

    def take(self, key: str, platform: str, event: str | None) -> asyncio.Future[Taken]:
        """Ask for a ticket now (no await), so tickets follow the order of the calls."""
        future: asyncio.Future[Taken] = asyncio.get_running_loop().create_future()
        if self.closed:
            future.set_exception(StorageError("The store is closed."))
            return future
        self._takes.append((key, platform, event, future))
        if self._taking is None:
            self._taking = asyncio.create_task(self._take_all())
        return future

    async def _take_all(self) -> None:
        try:
            while self._takes:
                batch, self._takes = self._takes[:TAKE_MOST], self._takes[TAKE_MOST:]
                try:
                    rows = await self.store._fetch(
                        "SELECT n, ticket, head FROM storybot_take_turns($1, $2, $3, $4) "
                        "ORDER BY n",
                        [key for key, _, _, _ in batch],
                        [platform for _, platform, _, _ in batch],
                        [escape(e) if e is not None else None for _, _, e, _ in batch],
                        self.store.instance_id,
                    )
                except StorageError as exc:
                    for *_, future in batch:
                        if not future.done():
                            future.set_exception(exc)
                    continue
                for (_, _, _, future), row in zip(batch, rows, strict=True):
                    taken = (int(row["ticket"]), bool(row["head"]))
                    if future.done():  # its turn was given up meanwhile
                        self.release(taken[0], "")
                    else:
                        future.set_result(taken)
        finally:
            self._taking = None

    # releasing them

    def release(self, ticket: int, key: str) -> None:
        self._releases.append(ticket)
        if key in self._waiting:
            self._dirty.add(key)
        if self._releasing is None:
            self._releasing = asyncio.create_task(self._release_all())

    async def _release_all(self) -> None:
        try:
            while self._releases:
                batch, self._releases = self._releases, []
                with contextlib.suppress(StorageError):  # the sweep clears them for a dead one
                    await self.store._fetch(_RELEASE, batch, self.store.notify_channel)
                self._kick()
        finally:
            self._releasing = None

    # waiting for one's go

    async def wait_first(self, key: str, ticket: int, platform: str, event: str | None) -> int:
        """Until the turn is first in its channel; the ticket it then holds (its event's
        earlier place, if it had one). TicketGone if its ticket was cleared."""
        go: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        waiter = Waiter(ticket, platform, event, go)
        self._waiting.setdefault(key, {})[id(waiter)] = waiter
        self._dirty.add(key)  # look once now: the channel may have moved on meanwhile
        self._kick()
        try:
            return await go
        finally:
            if waiter.ticket != ticket and not (go.done() and not go.cancelled()):
                self.release(waiter.ticket, key)  # given up after taking an earlier place
            waiting = self._waiting.get(key)
            if waiting is not None:
                waiting.pop(id(waiter), None)
                if not waiting:
                    del self._waiting[key]

    def nudge(self, key: str | None = None) -> None:
        """A ticket of ``key`` (or of any channel) was released somewhere: look again."""
        if key is None:
            self._dirty.update(self._waiting)
        elif key in self._waiting:
            self._dirty.add(key)
        else:
            return
        self._kick()

    def _kick(self) -> None:
        if self._dirty and self._checking is None and not self.closed:
            self._checking = asyncio.create_task(self._check())

    async def _check(self) -> None:
        try:
            while self._dirty:
                keys, self._dirty = self._dirty, set()
                waiters = [w for key in keys for w in self._waiting.get(key, {}).values()]
                if waiters:
                    with contextlib.suppress(StorageError):  # the next poll looks again
                        await self._look(keys, waiters)
        finally:
            self._checking = None

    async def _look(self, keys: set[str], waiters: list[Waiter]) -> None:
        rows = await self.store._fetch(
            _HEADS,
            [w.ticket for w in waiters],
            [w.platform for w in waiters],
            [escape(w.event) if w.event is not None else None for w in waiters],
            self.store.instance_id,
        )
        by_ticket = {w.ticket: w for w in waiters}
        for ticket, present, first, earlier in rows:
            waiter = by_ticket[ticket]
            if waiter.go.done():
                continue
            if earlier is not None:
                swapped = await self.store._fetchval(_SWAP, earlier, ticket, self.store.instance_id)
                if swapped is not None:
                    waiter.ticket = int(swapped)
                    self._dirty.update(keys)  # look again under the earlier ticket
                    continue
            if not present:
                waiter.go.set_exception(TicketGone(ticket))
            elif first:
                waiter.go.set_result(waiter.ticket)

    def close(self) -> None:
        self.closed = True
        for waiting in self._waiting.values():
            for waiter in waiting.values():
                if not waiter.go.done():
                    waiter.go.set_exception(StorageError("The store is closing."))
        for *_, taken in self._takes:
            if not taken.done():
                taken.set_exception(StorageError("The store is closing."))
        self._takes = []

    @property
    def waiting(self) -> int:
        return sum(len(tickets) for tickets in self._waiting.values())


class PgTurn:
    """A turn's place in its channel's line across instances (:class:`ChannelTurn`)."""

    __slots__ = ("_event", "_key", "_order", "_platform", "_released", "_taken", "_ticket")

    def __init__(self, order: TurnOrder, channel: ChannelKey, event: str | None) -> None:
        self._order = order
        self._key = escape(channel.text)
        self._platform = channel.platform
        self._event = event
        self._taken = order.take(self._key, self._platform, event)
        self._ticket: int | None = None
        """The ticket it holds now, once taken (an earlier one may replace it)."""
        self._released = False

    async def placed(self) -> int:
        """The ticket, once taken (for logs and tests; entering does not need it)."""
        ticket, _ = await asyncio.shield(self._taken)
        return ticket

    async def __aenter__(self) -> None:
        while True:
            ticket, first = await asyncio.shield(self._taken)
            self._ticket = ticket
            if first:
                return
            try:
                self._ticket = await self._order.wait_first(
                    self._key, ticket, self._platform, self._event
                )
                return
            except TicketGone:
                log.warning("this instance lost its place in %s; taking a new one", self._key)
                self._ticket = None
                self._taken = self._order.take(self._key, self._platform, None)

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Give the place up (once); a ticket still being taken is given up when it comes."""
        if self._released:
            return
        self._released = True
        if self._ticket is not None:
            self._order.release(self._ticket, self._key)
        elif self._taken.done():
            if not self._taken.cancelled() and self._taken.exception() is None:
                self._order.release(self._taken.result()[0], self._key)
        else:
            self._taken.add_done_callback(self._release_later)

    def _release_later(self, taken: asyncio.Future[Taken]) -> None:
        if not taken.cancelled() and taken.exception() is None:
            self._order.release(taken.result()[0], self._key)


class ClusterQueries(Connection):
    """This instance's heartbeat, its turns' places in line, leases and scheduled runs."""

    instance_name: str
    timing: Timing
    notify_channel: str

    def _init_cluster(self, name: str, timing: Timing) -> None:
        self.instance_id = secrets.token_hex(8)
        self.instance_name = name
        self.timing = timing
        self.order = TurnOrder(self)
        self._beat_ok = time.monotonic()
        self._others = 0
        self._tasks: list[asyncio.Task[None]] = []
        self._listener: asyncpg.Connection | None = None
        self._connect: Callable[[], Any] | None = None

    # lifecycle (called by PostgresStore)

    async def _join(self, connect: Callable[[], Any]) -> None:
        """Add this instance's heartbeat and start keeping it, listening and sweeping."""
        self._connect = connect
        joined = time.monotonic()
        await self._execute(
            "INSERT INTO instances (id, name, started_at, expires_at) "
            "VALUES ($1, $2, storybot_now(), storybot_now() + $3)",
            self.instance_id,
            self.instance_name,
            self.timing.heartbeat,
        )
        self._beat_ok = joined
        await self._listen()
        self._tasks = [
            asyncio.create_task(self._every(self.timing.renew, self._beat), name="storybot-beat"),
            asyncio.create_task(self._every(self.timing.sweep, self._sweep), name="storybot-sweep"),
            asyncio.create_task(self._every(self.timing.poll, self._poll), name="storybot-poll"),
        ]

    async def _leave(self) -> None:
        """Give everything up at once, so the others need not wait for the heartbeat to run out."""
        self.order.close()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        with contextlib.suppress(StorageError):
            await self._fetch(
                "WITH gone AS (DELETE FROM turn_queue WHERE instance = $1 RETURNING channel_key) "
                "SELECT pg_notify($2, c) FROM (SELECT DISTINCT channel_key AS c FROM gone) AS x",
                self.instance_id,
                self.notify_channel,
            )
            await self._execute("DELETE FROM leases WHERE holder = $1", self.instance_id)
            await self._execute("DELETE FROM instances WHERE id = $1", self.instance_id)
        if self._listener is not None:
            listener, self._listener = self._listener, None
            with contextlib.suppress(Exception):
                await listener.close(timeout=2)

    async def _every(self, seconds: float, work: Callable[[], Any]) -> None:
        while True:
            await asyncio.sleep(seconds)
            try:
                await work()
            except StorageError as exc:
                log.warning("cluster upkeep failed: %s", exc)
            except Exception:
                log.exception("cluster upkeep failed")

    async def _beat(self) -> None:
        asked = time.monotonic()  # the row lasts from a moment after this: never overestimate
        row = await self._fetchrow(
            "UPDATE instances SET expires_at = storybot_now() + $2 WHERE id = $1 RETURNING "
            "(SELECT COUNT(*) FROM instances WHERE id <> $1 AND expires_at > storybot_now())",
            self.instance_id,
            self.timing.heartbeat,
        )
        if row is None:  # taken for dead and swept: come back under the same id
            log.error(
                "this instance's heartbeat had run out and was cleared; its turns in line "
                "and its leases may have passed to other instances"
            )
            await self._execute(
                "INSERT INTO instances (id, name, started_at, expires_at) "
                "VALUES ($1, $2, storybot_now(), storybot_now() + $3)",
                self.instance_id,
                self.instance_name,
                self.timing.heartbeat,
            )
        else:
            self._others = int(row[0])
        self._beat_ok = asked

    async def _sweep(self) -> None:
        await self._fetch(_SWEEP, self.timing.adopt_grace, self.notify_channel)
        await self._execute(
            "DELETE FROM instances WHERE expires_at < storybot_now() - 3600 AND id <> $1",
            self.instance_id,
        )

    async def _poll(self) -> None:
        self.order.nudge()
        if self._listener is None or self._listener.is_closed():
            await self._listen()

    async def _listen(self) -> None:
        """A connection of its own for NOTIFY (a pooled one goes back to the pool)."""
        assert self._connect is not None
        try:
            with classified(self._seen):
                listener = await self._connect()
                await listener.add_listener(self.notify_channel, self._notified)
        except StorageError as exc:
            log.warning("cannot listen for released turns (polling instead): %s", exc)
            return
        self._listener = listener

    def _notified(self, conn: Any, pid: int, channel: str, payload: str) -> None:
        self.order.nudge(payload)

    # the roles

    def channel_turn(self, channel: ChannelKey, event: str | None, *, local: Local) -> ChannelTurn:
        return PgTurn(self.order, channel, event)

    def cluster(self) -> ClusterState:
        alive_now = time.monotonic() - self._beat_ok < self.timing.heartbeat
        return ClusterState(self.instance_name, shared=True, alive=alive_now, others=self._others)

    async def take_lease(self, name: str, seconds: float) -> bool:
        holder = await self._fetchval(_TAKE_LEASE, name, self.instance_id, seconds)
        return holder is not None

    async def drop_lease(self, name: str) -> None:
        await self._execute(
            "DELETE FROM leases WHERE name = $1 AND holder = $2", name, self.instance_id
        )

    async def claim_run(self, job: str, due: float) -> RunClaim:
        first = await self._fetchval(_CLAIM_RUN, job, due, self.instance_id)
        if first is None:
            return RunClaim.TAKEN
        return RunClaim.FIRST if first else RunClaim.AGAIN

    async def finish_run(self, job: str, due: float) -> None:
        await self._execute(
            "UPDATE scheduled_runs SET done_at = storybot_now() WHERE job = $1 AND due = $2",
            job,
            due,
        )
