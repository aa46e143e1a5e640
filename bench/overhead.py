"""Engine overhead per turn, against the floor of the same SQL done by hand.

A turn is ``/story continue <direction>`` consumed to the end: load the
settings, story and recent parts, generate with an instant storyteller, record
usage, store the part, fold old parts into the summary when due. The floor is
the same reads and writes in one plain-sqlite3 transaction with no asyncio, so
the gap between the two is what the engine, aiosqlite and the event loop add.
"""

from __future__ import annotations

import asyncio
import gc
import random
import sqlite3
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bench.fakes import PacedProvider
from bench.report import Row, Section, percentile
from bench.seed import PART_TEXT, build_engine, connect, create_schema, seed_stories
from bot.engine import Engine
from bot.identity import ChannelKey, Sender
from bot.types import Final, ReplyKind, Request
from storage.sqlite import SqliteStore

GOAL_P50_MS = 1.0
GOAL_P99_MS = 3.0


@dataclass(frozen=True, slots=True)
class OverheadConfig:
    turns: int = 2000
    warmup: int = 200
    tokens: int = 200
    """Tokens per generated part (the instant storyteller yields them one by one)."""


@dataclass(frozen=True, slots=True)
class Target:
    """A seeded database to run turns on; ``floor`` runs the hand-written SQL instead."""

    path: str
    channels: Sequence[str]
    event_ids: bool = False
    floor: bool = False
    tokens: int | None = None
    """Tokens per part here, if not the config's."""


@dataclass(slots=True)
class TurnRun:
    """Per-turn wall times in nanoseconds, and whether every turn did its job.

    ``to_final`` is from the request to its final reply: what the reader
    waits for. ``samples`` runs on to the end of the turn, memory upkeep
    included, which is what the next turn in the channel waits for.
    """

    samples: list[int]
    ok: bool
    to_final: list[int] = field(default_factory=list)


async def turn(
    engine: Engine, channel: str, direction: str, event_id: str | None = None
) -> tuple[Final, int]:
    """One continue turn, consumed to the end as ``deliver`` does.

    Returns the final reply and the ``perf_counter_ns`` time it arrived.
    """
    request = Request(
        ChannelKey.from_text(channel),
        Sender("u1", "Ada"),
        f"continue {direction}",
        event_id=event_id,
    )
    final: Final | None = None
    arrived = 0
    async for event in engine.handle(request):
        if isinstance(event, Final) and final is None:
            final, arrived = event, time.perf_counter_ns()
    if final is None:
        raise AssertionError(f"turn in {channel} ended without a final reply")
    return final, arrived


def floor_turn(db: sqlite3.Connection, channel: str, direction: str, day: str) -> None:
    """The turn's essential SQL by hand: the least any store could do."""
    db.execute("BEGIN IMMEDIATE")
    story_id, upto = db.execute(
        "SELECT id, summary_upto FROM stories WHERE channel_key = ? AND status = 'active'",
        (channel,),
    ).fetchone()
    db.execute(
        "SELECT id, story_id, seq, text, direction, author, choices, status FROM parts "
        "WHERE story_id = ? AND seq > ? ORDER BY seq DESC LIMIT 25",
        (story_id, upto),
    ).fetchall()
    db.executemany(
        "INSERT INTO usage (day, scope, key, requests, prompt_tokens, completion_tokens) "
        "VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (day, scope, key) DO UPDATE SET "
        "requests = requests + 1, prompt_tokens = prompt_tokens + excluded.prompt_tokens, "
        "completion_tokens = completion_tokens + excluded.completion_tokens",
        [(day, "user", "bench:u1", 500, 200), (day, "channel", channel, 500, 200)],
    )
    now = time.time()
    (seq,) = db.execute(
        "UPDATE stories SET last_seq = last_seq + 1, updated_at = ? WHERE id = ? "
        "RETURNING last_seq",
        (now, story_id),
    ).fetchone()
    db.execute(
        "INSERT INTO parts (story_id, seq, text, direction, author, choices, status, created_at) "
        "VALUES (?, ?, ?, ?, 'Ada', '[]', 'complete', ?)",
        (story_id, seq, PART_TEXT, direction, now),
    )
    db.execute("COMMIT")


def _last_seqs(path: str, channels: Sequence[str]) -> dict[str, int]:
    db = connect(path)
    try:
        return {
            channel: db.execute(
                "SELECT last_seq FROM stories WHERE channel_key = ? AND status = 'active'",
                (channel,),
            ).fetchone()[0]
            for channel in channels
        }
    finally:
        db.close()


async def interleaved_turns(targets: Sequence[Target], config: OverheadConfig) -> list[TurnRun]:
    """Time turns on every target in turn, so background load hits them all alike.

    Channels are picked at random (seeded). Checks that each turn answered with
    a story part and that each channel's story grew by exactly its turns.
    """
    rng = random.Random(7)
    total = config.warmup + config.turns
    picks = [[rng.choice(t.channels) for _ in range(total)] for t in targets]
    before = [_last_seqs(t.path, sorted(set(p))) for t, p in zip(targets, picks, strict=True)]
    day = datetime.now(UTC).date().isoformat()
    stores: list[SqliteStore | None] = []
    engines: list[Engine | None] = []
    floors: list[sqlite3.Connection | None] = []
    runs = [TurnRun([], True) for _ in targets]
    try:
        for target in targets:
            store = None if target.floor else SqliteStore(target.path)
            if store is not None:
                await store.open()
            stores.append(store)
            provider = PacedProvider(target.tokens or config.tokens)
            engines.append(None if store is None else build_engine(store, provider))
            floors.append(connect(target.path) if target.floor else None)
        gc.collect()
        for index in range(total):
            for number, target in enumerate(targets):
                channel, engine, floor = picks[number][index], engines[number], floors[number]
                started = time.perf_counter_ns()
                if floor is not None:
                    floor_turn(floor, channel, f"step {index}", day)
                    ok, arrived = True, time.perf_counter_ns()
                else:
                    assert engine is not None
                    event_id = f"e{index}" if target.event_ids else None
                    final, arrived = await turn(engine, channel, f"step {index}", event_id)
                    ok = final.kind is ReplyKind.STORY and final.outcome == "ok"
                elapsed = time.perf_counter_ns() - started
                runs[number].ok = runs[number].ok and ok
                if index >= config.warmup:
                    runs[number].samples.append(elapsed)
                    runs[number].to_final.append(arrived - started)
    finally:
        for store in stores:
            if store is not None:
                await store.close()
        for floor in floors:
            if floor is not None:
                floor.close()
    for run_, target, pick, seqs in zip(runs, targets, picks, before, strict=True):
        after = _last_seqs(target.path, list(seqs))
        run_.ok = run_.ok and all(after[c] - seqs[c] == pick.count(c) for c in seqs)
    return runs


def ms(nanoseconds: float) -> float:
    return nanoseconds / 1e6


def spread(samples: list[int]) -> dict[str, float]:
    """p50, p90, p99 and max in milliseconds."""
    return {
        "p50": ms(percentile(samples, 50)),
        "p90": ms(percentile(samples, 90)),
        "p99": ms(percentile(samples, 99)),
        "max": ms(max(samples)),
    }


VARIANTS = {
    "floor": {"floor": True},
    "engine": {},
    "engine, 1-token part": {"tokens": 1},
    "engine, event_id dedupe": {"event_ids": True},
}


async def _measure(folder: Path, config: OverheadConfig) -> dict[str, TurnRun]:
    targets: list[Target] = []
    for number, options in enumerate(VARIANTS.values()):
        path = str(folder / f"{number}.db")
        await create_schema(path)
        channel = f"bench:{number}"
        seed_stories(path, [channel], parts_each=10)
        targets.append(Target(path, [channel], **options))  # type: ignore[arg-type]
    runs = await interleaved_turns(targets, config)
    return dict(zip(VARIANTS, runs, strict=True))


def run(config: OverheadConfig | None = None) -> Section:
    """Benchmark 1: p50/p99 of a full engine turn next to the plain-sqlite3 floor."""
    config = config or OverheadConfig()
    with tempfile.TemporaryDirectory(prefix="storybot-bench-") as folder:
        runs = asyncio.run(_measure(Path(folder), config))
    stats = {name: spread(found.samples) for name, found in runs.items()}
    floor, engine = stats["floor"], stats["engine"]
    section = Section("overhead", "Engine overhead per turn (instant storyteller)")
    section.rows += [
        Row(
            f"turn p50 ({config.tokens}-token part)",
            engine["p50"],
            "ms",
            floor["p50"],
            "sqlite3 floor",
            f"<= {GOAL_P50_MS} ms",
            engine["p50"] <= GOAL_P50_MS,
        ),
        Row(
            f"turn p99 ({config.tokens}-token part)",
            engine["p99"],
            "ms",
            floor["p99"],
            "sqlite3 floor",
            f"<= {GOAL_P99_MS} ms",
            engine["p99"] <= GOAL_P99_MS,
        ),
    ]
    to_final = spread(runs["engine"].to_final)
    for p in ("p50", "p99"):
        label = f"request to final reply {p} ({config.tokens}-token part)"
        section.rows.append(Row(label, to_final[p], "ms", floor[p], "sqlite3 floor"))
    for name in ("engine, 1-token part", "engine, event_id dedupe"):
        for p in ("p50", "p99"):
            label = f"turn {p} ({name.removeprefix('engine, ')})"
            section.rows.append(Row(label, stats[name][p], "ms", floor[p], "sqlite3 floor"))
    section.checks["every turn answered and stored its part"] = all(r.ok for r in runs.values())
    section.details = {
        "turns": config.turns,
        "warmup": config.warmup,
        "tokens_per_part": config.tokens,
        "ms": stats,
        "request_to_final_ms": {name: spread(found.to_final) for name, found in runs.items()},
    }
    return section
