"""Per-channel order across instances on one PostgreSQL database (storage/postgres_cluster.py).

Several stores on one schema in this process stand for instances: turns of one
channel run one at a time in the order they were admitted, whichever instance
admitted them; an instance that dies lets its channels go within its heartbeat;
an event it kept keeps its place for the instance that takes it up.
"""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.identity import ChannelKey
from storage.base import NewPart, RunClaim, TurnWrite
from storage.postgres import PostgresStore, Timing
from storage.postgres_cluster import PgTurn
from tests.cluster.instances import FAST, instances, kill

X = ChannelKey.of("t", "x")
Log = list[tuple[str, str]]


async def never() -> None:
    raise AssertionError("a shared store never waits for the process's lane")


async def turn(store: PostgresStore, name: str, log: Log, *, hold: float = 0.02) -> None:
    async with store.channel_turn(X, name, local=never):
        log.append(("in", name))
        await asyncio.sleep(hold)
        log.append(("out", name))


def one_at_a_time(log: Log) -> list[str]:
    """The turns in the order they ran, after checking no two overlapped."""
    assert [kind for kind, _ in log] == ["in", "out"] * (len(log) // 2)
    assert all(log[n][1] == log[n + 1][1] for n in range(0, len(log), 2))
    return [name for kind, name in log if kind == "in"]


async def test_one_channel_runs_one_turn_at_a_time_in_admission_order(pg_url: str) -> None:
    async with instances(pg_url, 3) as stores:
        log: Log = []
        tasks = []
        for number in range(12):
            store = stores[number % 3]
            place = store.channel_turn(X, f"e{number}", local=never)
            assert isinstance(place, PgTurn)
            await place.placed()  # admitted here before the next one is, elsewhere

            async def run(place: object = place, name: str = f"e{number}") -> None:
                async with place:  # type: ignore[attr-defined]
                    log.append(("in", name))
                    await asyncio.sleep(0.02)
                    log.append(("out", name))

            tasks.append(asyncio.create_task(run()))
        await asyncio.gather(*reversed(tasks))
        assert one_at_a_time(log) == [f"e{n}" for n in range(12)]
        await until_empty(stores[0])


async def until_empty(store: PostgresStore) -> None:
    """Places are given up in the background, a moment after their turns end."""
    for _ in range(100):
        if await store._fetchval("SELECT COUNT(*) FROM turn_queue") == 0:
            return
        await asyncio.sleep(0.02)
    raise AssertionError("places in line were never given up")


async def test_different_channels_run_at_once(pg_url: str) -> None:
    async with instances(pg_url, 2) as (a, b):
        inside = 0
        most = 0

        async def run(store: PostgresStore, channel: ChannelKey) -> None:
            nonlocal inside, most
            async with store.channel_turn(channel, None, local=never):
                inside += 1
                most = max(most, inside)
                await asyncio.sleep(0.2)
                inside -= 1

        await asyncio.gather(*(run((a, b)[n % 2], ChannelKey.of("t", f"c{n}")) for n in range(6)))
        assert most == 6


async def waited(store: PostgresStore, name: str, log: Log) -> float:
    started = time.monotonic()
    await turn(store, name, log, hold=0)
    return time.monotonic() - started


async def test_a_dead_instance_lets_its_channels_go_within_its_heartbeat(pg_url: str) -> None:
    async with instances(pg_url, 2) as (a, b):
        log: Log = []
        held = a.channel_turn(X, "dies", local=never)
        await held.__aenter__()  # A is in the middle of a turn in X ...
        behind = asyncio.create_task(waited(b, "next", log))
        await asyncio.sleep(0.5)
        assert log == [], "B ran while A held the channel"
        await kill(a)  # ... and is killed
        seconds = await asyncio.wait_for(behind, 10)
        assert log == [("in", "next"), ("out", "next")]
        assert seconds < FAST.heartbeat + FAST.sweep + FAST.poll + 1.0


async def test_with_the_shipped_timings_a_dead_instance_is_let_go_within_30_s(
    pg_url: str,
) -> None:
    async with instances(pg_url, 2, Timing()) as (a, b):
        log: Log = []
        held = a.channel_turn(X, None, local=never)
        await held.__aenter__()
        behind = asyncio.create_task(waited(b, "next", log))
        await asyncio.sleep(0.2)
        await kill(a)
        seconds = await asyncio.wait_for(behind, 30)
        assert seconds < 30
        assert log == [("in", "next"), ("out", "next")]


async def test_an_event_a_dead_instance_kept_runs_in_its_place(pg_url: str) -> None:
    """A kept (and placed) an update, then died; a later message of the chat reached B.
    The instance that takes A's update up runs it first, then B's."""
    async with instances(pg_url, 3) as (a, b, c):
        log: Log = []
        assert await a.keep("t", [("u1", "{}")], 100)
        await a.reserve("t", [("u1", X)])
        await kill(a)
        later = asyncio.create_task(turn(b, "u2", log))
        await asyncio.sleep(FAST.heartbeat + 0.5)
        assert log == [], "u2 ran before u1, which was sent first"
        taken = await c.pending("t", 10)
        assert [p.event_id for p in taken] == ["u1"]
        await turn(c, "u1", log)
        await c.done("t", "u1")
        await asyncio.wait_for(later, 5)
        assert one_at_a_time(log) == ["u1", "u2"]


async def test_a_placed_event_that_becomes_no_turn_gives_its_place_up_when_done(
    pg_url: str,
) -> None:
    async with instances(pg_url, 2) as (a, b):
        log: Log = []
        assert await a.keep("t", [("u1", "{}")], 100)
        await a.reserve("t", [("u1", X)])
        later = asyncio.create_task(turn(b, "u2", log))
        await asyncio.sleep(0.3)
        assert log == []
        await a.done("t", "u1")  # a greeting, say: answered without a turn
        await asyncio.wait_for(later, 5)
        assert one_at_a_time(log) == ["u2"]


async def test_an_event_sent_again_to_another_instance_becomes_its_own(pg_url: str) -> None:
    """A load balancer sends an update again, to B, after A died holding it: B keeps it as
    its own, so nobody else takes it up as well."""
    async with instances(pg_url, 3) as (a, b, c):
        assert await a.keep("t", [("u1", "{}")], 100)
        assert await b.keep("t", [("u1", "{}")], 100)
        assert await c.pending("t", 10) == [], "A is alive: its update is not C's to take"
        await kill(a)
        await asyncio.sleep(FAST.heartbeat + 0.3)
        assert await b.keep("t", [("u1", "{}")], 100)  # sent again once A timed out
        assert await c.pending("t", 10) == [], "B has it in hand"


async def test_a_lease_has_one_live_holder(pg_url: str) -> None:
    async with instances(pg_url, 2) as (a, b):
        assert await a.take_lease("scheduler", 30)
        assert await a.take_lease("scheduler", 30), "renewing is taking again"
        assert not await b.take_lease("scheduler", 30)
        await a.drop_lease("scheduler")
        assert await b.take_lease("scheduler", 30), "given up: no need to wait"
        await kill(b)
        assert not await a.take_lease("scheduler", 30)
        await asyncio.sleep(FAST.heartbeat + 0.2)
        assert await a.take_lease("scheduler", 30), "its holder died: the lease is free"


async def test_a_due_run_is_claimed_once_and_again_only_after_its_claimer_died(
    pg_url: str,
) -> None:
    async with instances(pg_url, 2) as (a, b):
        assert await a.claim_run("daily:t:x", 1000.0) is RunClaim.FIRST
        assert await b.claim_run("daily:t:x", 1000.0) is RunClaim.TAKEN
        await a.finish_run("daily:t:x", 1000.0)
        assert await b.claim_run("daily:t:x", 1000.0) is RunClaim.TAKEN
        assert await a.claim_run("daily:t:x", 2000.0) is RunClaim.FIRST
        await kill(a)
        assert await b.claim_run("daily:t:x", 2000.0) is RunClaim.TAKEN, "A may still be alive"
        await asyncio.sleep(FAST.heartbeat + 0.2)
        assert await b.claim_run("daily:t:x", 2000.0) is RunClaim.AGAIN
        assert await b.claim_run("daily:t:x", 2000.0) is RunClaim.TAKEN


async def test_instances_see_each_other(pg_url: str) -> None:
    async with instances(pg_url, 3) as stores:
        await asyncio.sleep(FAST.renew * 2 + 0.1)
        states = [store.cluster() for store in stores]
        assert [(s.instance, s.shared, s.alive, s.others) for s in states] == [
            ("i0", True, True, 2),
            ("i1", True, True, 2),
            ("i2", True, True, 2),
        ]


@pytest.mark.parametrize("dead", [False, True])
async def test_a_turn_whose_place_was_cleared_takes_a_new_one(pg_url: str, dead: bool) -> None:
    """An instance taken for dead (a long pause) finds its tickets gone: it queues again."""
    async with instances(pg_url, 1) as (a,):
        log: Log = []
        blocker = a.channel_turn(X, None, local=never)
        await blocker.__aenter__()
        waiting = asyncio.create_task(turn(a, "mine", log))
        await asyncio.sleep(0.2)
        ticket = await a._fetchval("SELECT MAX(ticket) FROM turn_queue")
        if dead:
            await a._execute("DELETE FROM turn_queue WHERE ticket = $1", ticket)
        await blocker.aclose()
        await asyncio.wait_for(waiting, 5)
        assert log == [("in", "mine"), ("out", "mine")]


async def test_a_copy_waiting_behind_its_own_event_takes_that_place_when_its_holder_dies(
    pg_url: str,
) -> None:
    """A load balancer gave B an update A held, while A still lived: B's copy waits behind
    A's place. When A dies, B's copy takes that earlier place (and the update), so it runs
    before a message that came after it, and no third instance takes the update up too."""
    async with instances(pg_url, 3) as (a, b, c):
        log: Log = []
        assert await a.keep("t", [("u1", "{}")], 100)
        await a.reserve("t", [("u1", X)])
        assert await b.keep("t", [("u1", "{}")], 100)  # A is alive: B just has a copy
        copy = asyncio.create_task(turn(b, "u1", log))
        await asyncio.sleep(0.2)
        later = asyncio.create_task(turn(c, "u2", log))
        await asyncio.sleep(0.2)
        assert log == []
        await kill(a)
        await asyncio.wait_for(asyncio.gather(copy, later), FAST.heartbeat + 5)
        assert one_at_a_time(log) == ["u1", "u2"]
        assert await c.pending("t", 10) == [], "B answers u1: nobody else takes it up"
        await b.done("t", "u1")
        await until_empty(b)


async def test_a_part_whose_turn_ran_to_its_end_is_not_offered_to_show_again(
    pg_url: str,
) -> None:
    """Taken up after a crash, an update whose part was stored is shown again only if the
    turn that stored it did not end: one that ended had shown its final reply."""
    async with instances(pg_url, 1) as (a,):
        async with a.channel_turn(X, "u1", local=never):
            await a.write_turn(TurnWrite(X, part=NewPart("shown"), premise="p", event="u1"))
        unfinished = ChannelKey.of("t", "y")
        await a.write_turn(TurnWrite(unfinished, part=NewPart("cut"), premise="p", event="u2"))
        await until_empty(a)
        ended = await a.turn_state(X, parts=5, event="u1")
        assert ended.handled
        assert ended.handled_part is None
        died = await a.turn_state(unfinished, parts=5, event="u2")
        assert died.handled
        assert died.handled_part is not None
        assert died.handled_part.text == "cut"
