"""Bounded memory: the context handed to the storyteller does not grow with the story."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Sequence
from typing import Any

from bot.config import StoryConfig
from bot.delivery import Limits, deliver
from bot.engine import Engine
from bot.memory import TURN_PARTS, Memory, offline_summariser
from bot.providers.base import Chunk, Generation, StoryState, Task
from bot.types import ReplyKind
from storage.sqlite import SqliteStore
from tests.conftest import CHANNEL, collect, make_request
from tests.fakes.adapter import Outbox
from tests.fakes.provider import ScriptedProvider

OPENING = (
    "Captain Mira and her friend Oskar sailed from Port Amber with a silver compass. "
    "The sea was calm and the gulls were loud."
)


def script(generation: Generation) -> str:
    n = generation.context.part_number
    if generation.task is Task.OPEN:
        return OPENING
    return (
        f"In part {n} the ship drifted on through fog and sunlight. The crew mended sails, "
        f"counted stars and told old jokes. Nothing much happened, and that was part {n}."
    )


def context_size(generation: Generation) -> int:
    return len(generation.system) + sum(len(m.content) for m in generation.messages)


async def test_context_is_bounded_at_part_200_and_keeps_first_names(store: SqliteStore) -> None:
    config = StoryConfig(context_tokens=400, summary_tokens=150)
    provider = ScriptedProvider(script, chunk=500)
    memory = Memory(store, config, offline_summariser(config.summary_tokens * 4))
    engine = Engine(store, provider, config, memory)
    await collect(engine.handle(make_request("a voyage", mode="command")))
    sizes: dict[int, int] = {}
    for _ in range(199):
        _, final = await collect(engine.handle(make_request("continue")))
        assert final is not None
        generation = provider.generations[-1]
        sizes[generation.context.part_number] = context_size(generation)

    story = await store.active_story(CHANNEL)
    assert story is not None
    assert story.last_seq == 200
    last = provider.generations[-1]
    assert last.context.part_number == 200
    assert "Mira" in last.context.summary
    assert "Oskar" in last.context.summary
    assert len(last.context.summary) <= config.summary_tokens * 4
    assert sum(len(t) for t in last.context.recent) <= config.context_tokens * 4 + 400
    # Flat: the context late in the story is no bigger than in its first stretch.
    early = max(size for part, size in sizes.items() if part <= 40)
    late = max(size for part, size in sizes.items() if part > 150)
    assert late <= early * 1.2


async def test_context_includes_the_recent_parts_in_order(store: SqliteStore) -> None:
    config = StoryConfig()
    provider = ScriptedProvider(script)
    engine = Engine(store, provider, config, Memory(store, config, offline_summariser(1600)))
    await collect(engine.handle(make_request("a voyage")))
    await collect(engine.handle(make_request("continue")))
    await collect(engine.handle(make_request("continue toward the island")))
    generation = provider.generations[-1]
    assert generation.context.recent[0] == OPENING
    assert "part 2" in generation.context.recent[1]
    assert generation.messages[-1].content == "What should happen next: toward the island"
    assert generation.messages[-1].role == "user"
    assert "toward the island" not in generation.system


async def test_memory_upkeep_runs_after_delivered_replies(store: SqliteStore) -> None:
    """Delivery stops reading at the final reply; folding is the engine's own step."""
    config = StoryConfig(context_tokens=200, summary_tokens=100)
    engine = Engine(
        store,
        ScriptedProvider(script, chunk=500),
        config,
        Memory(store, config, offline_summariser(400)),
    )
    outbox = Outbox()
    limits = Limits(max_length=4000, interval=0)
    await deliver(engine.handle(make_request("a voyage")), outbox, limits, typing=False)
    for _ in range(12):
        await deliver(engine.handle(make_request("continue")), outbox, limits, typing=False)
    await engine.settled()
    story = await store.active_story(CHANNEL)
    assert story is not None
    assert story.summary_upto > 0
    assert "Mira" in story.summary


async def test_folding_reads_every_waiting_part_when_the_turn_read_fewer(
    store: SqliteStore,
) -> None:
    """Parts the turn did not read (folding failed for a while) are folded too, none skipped."""
    config = StoryConfig(context_tokens=400)
    provider = ScriptedProvider(script, chunk=500)

    async def down(*args: Any) -> str:
        raise RuntimeError("summariser down")

    engine = Engine(store, provider, config, Memory(store, config, down))
    await collect(engine.handle(make_request("a voyage")))
    for _ in range(TURN_PARTS + 5):
        _, final = await collect(engine.handle(make_request("continue")))
        assert final is not None  # the reply stands though upkeep failed
    await engine.settled()
    story = await store.active_story(CHANNEL)
    assert story is not None
    assert story.summary_upto == 0

    folded: list[list[str]] = []
    fallback = offline_summariser(1600)

    async def summarise(previous: str, parts: Sequence[str], *rest: Any) -> str:
        folded.append(list(parts))
        return await fallback(previous, parts, *rest)

    engine = Engine(store, provider, config, Memory(store, config, summarise))
    await collect(engine.handle(make_request("continue")))
    await engine.settled()
    story = await store.active_story(CHANNEL)
    assert story is not None
    assert folded[0][0] == OPENING  # from part 1 on, though the turn read only the newest
    assert story.summary_upto == len(folded[0]) > TURN_PARTS
    assert "Mira" in story.summary


async def test_the_next_turn_does_not_wait_for_a_slow_summary(store: SqliteStore) -> None:
    """Folding runs beside the channel's next turn, which uses the summary it has."""
    config = StoryConfig(context_tokens=200)
    provider = ScriptedProvider(script, chunk=500)
    release = asyncio.Event()
    started = asyncio.Event()

    async def slow(previous: str, parts: Sequence[str], *rest: Any) -> str:
        started.set()
        await release.wait()
        return "Mira and Oskar sailed."

    engine = Engine(store, provider, config, Memory(store, config, slow))
    await collect(engine.handle(make_request("a voyage")))
    while not started.is_set():
        _, final = await collect(engine.handle(make_request("continue")))
        assert final is not None
    before = await store.active_story(CHANNEL)
    assert before is not None
    # A fold is running and held; the next turn is answered anyway, at once.
    _, final = await asyncio.wait_for(collect(engine.handle(make_request("continue"))), 2)
    assert final is not None
    assert final.kind is ReplyKind.STORY
    assert engine.compactions.running == 1
    release.set()
    await engine.settled()
    after = await store.active_story(CHANNEL)
    assert after is not None
    assert after.summary == "Mira and Oskar sailed."
    assert after.last_seq == before.last_seq + 1


async def test_a_fold_overtaken_by_undo_is_not_stored(store: SqliteStore) -> None:
    """The summary is written only if the story is still as the fold read it."""
    config = StoryConfig(context_tokens=200)
    engine = Engine(
        store,
        ScriptedProvider(script, chunk=500),
        config,
        Memory(store, config, offline_summariser(400)),
    )
    await collect(engine.handle(make_request("a voyage")))
    for _ in range(3):
        await collect(engine.handle(make_request("continue")))
    story = await store.active_story(CHANNEL)
    assert story is not None
    assert await store.set_summary(story, "stale", story.last_seq + 1) is False  # not past the end
    await collect(engine.handle(make_request("undo")))
    assert await store.set_summary(story, "ok", 1) is True
    assert await store.set_summary(story, "again", 2) is False  # summary_upto moved since read
    now = await store.active_story(CHANNEL)
    assert now is not None
    assert (now.summary, now.summary_upto) == ("ok", 1)


class StatefulProvider(ScriptedProvider):
    """Keeps a counter in its state, as the offline storyteller keeps its cast and plot."""

    async def stream(self, generation: Generation) -> AsyncGenerator[Chunk, None]:
        async for chunk in super().stream(generation):
            yield chunk
        if generation.task is not Task.RECAP:
            yield StoryState(f"after {generation.context.part_number}")


async def test_a_storytellers_state_follows_the_part_it_belongs_to(store: SqliteStore) -> None:
    """Continue sees the last part's state, retry the one before, undo goes back, and it
    survives a new engine on the same database."""
    config = StoryConfig()
    provider = StatefulProvider()
    engine = Engine(store, provider, config, Memory(store, config, offline_summariser(1600)))
    seen: list[str] = []
    for text in ("a voyage", "continue", "continue", "retry", "undo", "recap"):
        await collect(engine.handle(make_request(text)))
        seen.append(provider.generations[-1].context.state)
    assert seen[:4] == ["", "after 1", "after 2", "after 2"]  # a retry rewrites part 3
    assert seen[5] == "after 2"  # undo dropped part 3: back to part 2's state
    again = StatefulProvider()
    engine = Engine(store, again, config, Memory(store, config, offline_summariser(1600)))
    await collect(engine.handle(make_request("continue")))
    assert again.generations[-1].context.state == "after 2"
    story = await store.active_story(CHANNEL)
    assert story is not None
    assert [p.state for p in await store.all_parts(story.id)] == ["after 1", "after 2", "after 3"]
