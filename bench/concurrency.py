"""Concurrency: a thousand stories written at once, each shown through ``deliver``.

Each channel's turn streams 200 tokens over two seconds from a paced
storyteller into an in-memory chat. The baseline is the same thousand streams
read with no engine at all, so the difference is what Storybot adds. Each side
runs in its own process, so its peak RSS is its own.

The goal is measured to the moment every story is written, stored and its
final reply handed to delivery. Delivery then shows it within one edit
interval of the previous edit (the platform's rate limit, 1 s here), which is
reported beside it.

A second phase sends three turns at once to each of 50 channels and checks
that they were stored and finished in the order they were sent.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncGenerator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench.fakes import MemorySurface, PacedProvider
from bench.report import Row, Section
from bench.seed import build_engine, create_schema, seed_stories
from bot.delivery import Delivered, Limits, deliver
from bot.engine import Engine
from bot.identity import ChannelKey, Sender
from bot.providers.base import Generation, StoryContext, Task
from bot.story_settings import StorySettings
from bot.types import Final, ReplyEvent, ReplyKind, ReplyStream, Request
from storage.sqlite import SqliteStore

GOAL_WALL_FACTOR = 1.2
"""Wall time within 1.2 times the stream's own length: 2.4 s for 200 tokens over 2 s."""
GOAL_RSS_MB = 200.0
SEEDED = 10
"""Parts already in each story."""


@dataclass(frozen=True, slots=True)
class ConcurrencyConfig:
    channels: int = 1000
    tokens: int = 200
    interval: float = 0.01
    """Seconds between tokens: 200 tokens over 2 s."""
    edit_interval: float = 1.0
    max_length: int = 4096
    ordered_channels: int = 50
    ordered_turns: int = 3
    ordered_tokens: int = 50
    """Tokens per turn in the order phase (0.5 s each), to keep it short."""


def _peak_rss_mb() -> float:
    """This process's own peak RSS.

    ``VmHWM`` belongs to the process's own address space; ``ru_maxrss`` can
    carry the parent's peak over from before ``exec``, so it is the fallback.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


async def _baseline(config: ConcurrencyConfig) -> dict[str, Any]:
    """The same streams, read bare: what the work costs with no engine."""
    provider = PacedProvider(config.tokens, config.interval)
    generation = Generation(
        task=Task.CONTINUE,
        system="",
        messages=(),
        max_tokens=config.tokens * 2,
        context=StoryContext("A fox finds a map.", StorySettings()),
    )

    async def read() -> str:
        return "".join(
            [chunk async for chunk in provider.stream(generation) if isinstance(chunk, str)]
        )

    started, cpu = time.perf_counter(), time.process_time()
    texts = await asyncio.gather(*(read() for _ in range(config.channels)))
    wall = time.perf_counter() - started
    expected = "".join(provider.tokens)
    return {
        "wall_s": wall,
        "cpu_s": time.process_time() - cpu,
        "peak_rss_mb": _peak_rss_mb(),
        "all_streams_complete": all(text == expected for text in texts),
    }


def _request(channel: str, text: str) -> Request:
    return Request(ChannelKey.from_text(channel), Sender("u1", "Ada"), text)


async def _noting_final(
    stream: ReplyStream, at: list[float], index: int
) -> AsyncGenerator[ReplyEvent, None]:
    """Pass the stream on, noting when its final reply (the stored story) came out."""
    try:
        async for event in stream:
            if isinstance(event, Final):
                at[index] = time.monotonic()
            yield event
    finally:
        await stream.aclose()


def _spread(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"min": ordered[0], "p50": ordered[len(ordered) // 2], "max": ordered[-1]}


async def _all_at_once(
    engine: Engine, channels: list[str], limits: Limits
) -> tuple[float, bool, dict[str, Any]]:
    """One turn in every channel at once; True if every reply arrived whole.

    Also says when, from the start, each reply's first text and last call
    were made, and the CPU time used: a late first text means the turn waited
    before its storyteller could start.
    """
    surfaces = [MemorySurface() for _ in channels]
    finals = [float("inf")] * len(channels)
    started, cpu, clock = time.perf_counter(), time.process_time(), time.monotonic()
    delivered: list[Delivered] = await asyncio.gather(
        *(
            deliver(
                _noting_final(engine.handle(_request(channel, "continue")), finals, index),
                surface,
                limits,
            )
            for index, (channel, surface) in enumerate(zip(channels, surfaces, strict=True))
        )
    )
    wall = time.perf_counter() - started
    timeline = {
        "written_s": max(finals) - clock,
        "cpu_s": time.process_time() - cpu,
        "first_text_s": _spread([s.calls[0].at - clock for s in surfaces if s.calls]),
        "last_call_s": _spread([s.calls[-1].at - clock for s in surfaces if s.calls]),
    }
    whole = all(
        d.final is not None
        and d.final.kind is ReplyKind.STORY
        and d.final.outcome == "ok"
        and surface.shown == d.final.text
        for d, surface in zip(delivered, surfaces, strict=True)
    )
    return wall, whole, timeline


async def _in_order(
    engine: Engine, store: SqliteStore, channels: list[str], turns: int, limits: Limits
) -> tuple[float, bool, bool]:
    """Several turns per channel sent at once; were they finished and stored in order?"""
    finished: dict[str, list[int]] = {channel: [] for channel in channels}

    async def one(channel: str, number: int, stream: Any) -> None:
        delivered = await deliver(stream, MemorySurface(), limits)
        if delivered.final is not None and delivered.final.outcome == "ok":
            finished[channel].append(number)

    # handle() takes each turn's place in its channel's lane at once, in this order.
    jobs = [
        one(channel, number, engine.handle(_request(channel, f"continue order {number}")))
        for number in range(turns)
        for channel in channels
    ]
    started = time.perf_counter()
    await asyncio.gather(*jobs)
    wall = time.perf_counter() - started
    delivered_in_order = all(done == list(range(turns)) for done in finished.values())
    stored_in_order = True
    for channel in channels:
        story = await store.active_story(ChannelKey.from_text(channel))
        assert story is not None
        parts = await store.recent_parts(story.id, story.last_seq - turns, turns)
        directions = [part.direction for part in parts]
        stored_in_order &= directions == [f"order {number}" for number in range(turns)]
    return wall, delivered_in_order, stored_in_order


async def _engine(config: ConcurrencyConfig) -> dict[str, Any]:
    limits = Limits(config.max_length, config.edit_interval)
    with tempfile.TemporaryDirectory(prefix="storybot-bench-") as folder:
        path = str(Path(folder) / "concurrency.db")
        await create_schema(path)
        channels = [f"bench:{number}" for number in range(config.channels)]
        seed_stories(path, channels, parts_each=SEEDED)
        store = SqliteStore(path)
        await store.open()
        try:
            engine = build_engine(store, PacedProvider(config.tokens, config.interval))
            wall, whole, timeline = await _all_at_once(engine, channels, limits)
            grown = [await store.active_story(ChannelKey.from_text(c)) for c in channels]
            stored = all(story is not None and story.last_seq == SEEDED + 1 for story in grown)
            rss = _peak_rss_mb()
            engine = build_engine(store, PacedProvider(config.ordered_tokens, config.interval))
            ordered = channels[: config.ordered_channels]
            order_wall, delivered_in_order, stored_in_order = await _in_order(
                engine, store, ordered, config.ordered_turns, limits
            )
        finally:
            await store.close()
    return {
        "wall_s": wall,
        **timeline,
        "peak_rss_mb": rss,
        "every_reply_whole": whole,
        "every_part_stored": stored,
        "order_phase_wall_s": order_wall,
        "delivered_in_order": delivered_in_order,
        "stored_in_order": stored_in_order,
    }


def _child(side: str, config: ConcurrencyConfig) -> dict[str, Any]:
    """Run one side in a fresh interpreter and read its JSON answer."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.concurrency", side, json.dumps(asdict(config))],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def run(config: ConcurrencyConfig | None = None) -> Section:
    """Benchmark 3: wall time, peak RSS and order for many concurrent stories."""
    config = config or ConcurrencyConfig()
    baseline = _child("baseline", config)
    engine = _child("engine", config)
    section = Section("concurrency", f"{config.channels:,} stories at once")
    goal_s = GOAL_WALL_FACTOR * config.tokens * config.interval
    section.rows += [
        Row(
            f"wall time, {config.channels:,} stories written and stored",
            engine["written_s"],
            "s",
            baseline["wall_s"],
            "bare streams",
            f"<= {goal_s:.3g} s",
            engine["written_s"] <= goal_s,
        ),
        Row(
            f"wall time, {config.channels:,} final edits shown ({config.edit_interval:g} s apart)",
            engine["wall_s"],
            "s",
            baseline["wall_s"] + config.edit_interval,
            "bare streams + one interval",
        ),
        Row("CPU time", engine["cpu_s"], "s", baseline["cpu_s"], "bare streams"),
        Row(
            "first text, median story",
            engine["first_text_s"]["p50"],
            "s",
            config.interval,
            "first token",
        ),
        Row(
            "first text, slowest story",
            engine["first_text_s"]["max"],
            "s",
            config.interval,
            "first token",
        ),
        Row(
            "peak RSS",
            engine["peak_rss_mb"],
            "MB",
            baseline["peak_rss_mb"],
            "bare streams",
            f"<= {GOAL_RSS_MB:.0f} MB",
            engine["peak_rss_mb"] <= GOAL_RSS_MB,
        ),
        Row(
            f"wall time, {config.ordered_turns} turns x {config.ordered_channels} channels",
            engine["order_phase_wall_s"],
            "s",
            config.ordered_turns * config.ordered_tokens * config.interval,
            "streams back to back",
        ),
    ]
    section.checks["bare streams complete"] = baseline["all_streams_complete"]
    section.checks["every reply shown whole"] = engine["every_reply_whole"]
    section.checks["every part stored"] = engine["every_part_stored"]
    section.checks["turns delivered in order per channel"] = engine["delivered_in_order"]
    section.checks["turns stored in order per channel"] = engine["stored_in_order"]
    section.details = {"config": asdict(config), "engine": engine, "baseline": baseline}
    return section


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("side", choices=("engine", "baseline"))
    parser.add_argument("config", help="ConcurrencyConfig as JSON")
    args = parser.parse_args()
    config = ConcurrencyConfig(**json.loads(args.config))
    side = _engine if args.side == "engine" else _baseline
    sys.stdout.write(json.dumps(asyncio.run(side(config))) + "\n")


if __name__ == "__main__":
    main()
