"""Bounded memory: the context handed to the storyteller does not grow with the story."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.config import StoryConfig
from bot.delivery import Limits, deliver
from bot.engine import Engine
from bot.memory import TURN_PARTS, Memory, offline_summariser
from bot.providers.base import Generation, Task
from storage.sqlite import SqliteStore
from tests.conftest import collect, make_request
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

    story = await store.active_story("test:c1")
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


async def test_memory_upkeep_happens_when_replies_are_delivered(store: SqliteStore) -> None:
    """Adapters stop reading at no point: work after the final reply still runs."""
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
    story = await store.active_story("test:c1")
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
    story = await store.active_story("test:c1")
    assert story is not None
    assert story.summary_upto == 0

    folded: list[list[str]] = []
    fallback = offline_summariser(1600)

    async def summarise(previous: str, parts: Sequence[str], *rest: Any) -> str:
        folded.append(list(parts))
        return await fallback(previous, parts, *rest)

    engine = Engine(store, provider, config, Memory(store, config, summarise))
    await collect(engine.handle(make_request("continue")))
    story = await store.active_story("test:c1")
    assert story is not None
    assert folded[0][0] == OPENING  # from part 1 on, though the turn read only the newest
    assert story.summary_upto == len(folded[0]) > TURN_PARTS
    assert "Mira" in story.summary
