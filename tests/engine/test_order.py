"""Per-channel order under concurrent requests; other channels run meanwhile."""

from __future__ import annotations

import asyncio

from bot.admission import BUSY_NOTE_EVERY
from bot.config import StoryConfig
from bot.engine import Engine
from bot.lanes import Lanes
from bot.memory import Memory, offline_summariser
from bot.types import ReplyKind
from storage.sqlite import SqliteStore
from tests.conftest import CHANNEL, channel, collect, make_request
from tests.fakes.provider import ScriptedProvider


def slow_engine(store: SqliteStore, max_queue: int = 50) -> tuple[Engine, ScriptedProvider]:
    config = StoryConfig(max_queue=max_queue)
    provider = ScriptedProvider(chunk=5, delay=0.002)
    return Engine(store, provider, config, Memory(store, config, offline_summariser(800))), provider


async def test_turns_in_one_channel_run_in_arrival_order(store: SqliteStore) -> None:
    engine, _ = slow_engine(store)
    await collect(engine.handle(make_request("a river")))
    directions = [f"step {i}" for i in range(12)]
    streams = [engine.handle(make_request(f"continue {d}")) for d in directions]
    # Consume them in reverse so that only the lanes can be keeping the order.
    results = await asyncio.gather(*(collect(s) for s in reversed(streams)))
    assert all(final is not None and final.kind is ReplyKind.STORY for _, final in results)
    story = await store.active_story(CHANNEL)
    assert story is not None
    parts = await store.all_parts(story.id)
    assert [p.direction for p in parts[1:]] == directions
    assert [p.seq for p in parts] == list(range(1, 14))


async def test_channels_run_concurrently(store: SqliteStore) -> None:
    engine, _ = slow_engine(store)
    running = 0
    peak = 0
    original = engine.writer.provider.stream

    async def counting(generation):  # type: ignore[no-untyped-def]
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        try:
            async for chunk in original(generation):
                yield chunk
        finally:
            running -= 1

    engine.writer.provider.stream = counting  # type: ignore[method-assign]
    await asyncio.gather(
        *(collect(engine.handle(make_request("tale", channel=f"test:{i}"))) for i in range(5))
    )
    assert peak == 5
    rows = await store._fetchall("SELECT COUNT(*) FROM stories WHERE status = 'active'", ())
    assert rows[0][0] == 5


async def test_a_full_lane_refuses_with_a_message(store: SqliteStore) -> None:
    engine, _ = slow_engine(store, max_queue=2)
    streams = [engine.handle(make_request(f"tale {i}")) for i in range(4)]
    results = await asyncio.gather(*(collect(s) for s in streams))
    finals = [final for _, final in results]
    assert [f.kind for f in finals if f] == [ReplyKind.STORY] * 3 + [ReplyKind.ERROR]
    assert finals[3] is not None
    assert "2 requests waiting" in finals[3].text
    assert engine.queue_depth == 0


async def test_a_flood_gets_one_busy_note_per_window_then_silence(store: SqliteStore) -> None:
    """Every refused request used to send its own note, each fighting flood control."""
    engine, _ = slow_engine(store, max_queue=2)
    now = [0.0]
    engine.admission.clock = lambda: now[0]
    streams = [engine.handle(make_request(f"tale {i}")) for i in range(50)]
    other = engine.handle(make_request("a tale elsewhere", channel="other"))
    results = await asyncio.gather(*(collect(s) for s in [*streams, other]))
    finals = [final for _, final in results]
    notes = [f for f in finals[:50] if f is not None and f.outcome == "busy"]
    assert len(notes) == 1
    assert sum(f is None for f in finals[:50]) == 46  # refused without a word
    assert finals[50] is not None
    assert finals[50].kind is ReplyKind.STORY
    assert engine.admission.refused == 46
    now[0] += BUSY_NOTE_EVERY
    again = [engine.handle(make_request(f"more {i}")) for i in range(5)]
    later = [final for _, final in await asyncio.gather(*(collect(s) for s in again))]
    assert [f.outcome for f in later if f is not None].count("busy") == 1


async def test_turns_across_all_channels_are_bounded(store: SqliteStore) -> None:
    config = StoryConfig(max_turns=3)
    provider = ScriptedProvider(chunk=5, delay=0.002)
    engine = Engine(store, provider, config, Memory(store, config, offline_summariser(800)))
    streams = [engine.handle(make_request("tale", channel=f"c{i}")) for i in range(5)]
    finals = [final for _, final in await asyncio.gather(*(collect(s) for s in streams))]
    assert [f.kind for f in finals if f] == [ReplyKind.STORY] * 3 + [ReplyKind.ERROR] * 2
    assert finals[3] is not None
    assert "too many stories" in finals[3].text
    _, after = await collect(engine.handle(make_request("tale", channel="c9")))
    assert after is not None
    assert after.kind is ReplyKind.STORY


async def test_an_abandoned_stream_releases_its_channel(store: SqliteStore) -> None:
    engine, _ = slow_engine(store)
    stream = engine.handle(make_request("tale one"))
    await anext(stream)
    await stream.aclose()
    _, final = await collect(engine.handle(make_request("tale two")))
    assert final is not None
    assert final.kind is ReplyKind.STORY


async def test_lanes_are_removed_when_empty() -> None:
    lanes = Lanes(max_waiting=3)
    slot = lanes.enter(channel("a"))
    await slot.wait()
    second = lanes.enter(channel("a"))
    assert lanes.depth == 1
    slot.leave()
    await second.wait()
    second.leave()
    await asyncio.wait_for(lanes.wait_empty(), 0.1)


async def test_drain_interrupts_a_long_story_in_chat_and_storage(store: SqliteStore) -> None:
    config = StoryConfig()
    provider = ScriptedProvider(chunk=3, delay=0.05)
    engine = Engine(store, provider, config, Memory(store, config, offline_summariser(800)))
    stream = engine.handle(make_request("a very long tale that will not finish"))
    collecting = asyncio.create_task(collect(stream))
    await asyncio.sleep(0.2)
    await engine.drain(0.1)
    streamed, final = await collecting
    assert final is not None
    assert final.outcome == "interrupted"
    assert "Storybot is restarting" in final.text
    assert final.text.startswith(streamed.strip())
    story = await store.active_story(CHANNEL)
    assert story is not None
    (part,) = await store.all_parts(story.id)
    assert part.status.value == "interrupted"
    _, refused = await collect(engine.handle(make_request("continue")))
    assert refused is not None
    assert refused.outcome == "closing"
