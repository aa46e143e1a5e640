"""Flatness: a turn should cost the same in a big database as in a small one.

Two pairs, each run interleaved turn by turn so background load hits both
sides alike: one channel whose story has 10 parts against one with 100,000,
and 10 channels against 10,000 (10 parts each, turns to channels at random).
Stories are seeded at evenly spread points of the summary-folding cycle
(:func:`bench.seed.fold_cycle`), so a turn in a fresh channel folds as often as
one in a busy channel does, and only the size of the database differs.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.overhead import OverheadConfig, Target, interleaved_turns, spread
from bench.report import Row, Section
from bench.seed import create_schema, seed_stories

GOAL_RATIO = 1.3


@dataclass(frozen=True, slots=True)
class FlatnessConfig:
    small_parts: int = 10
    large_parts: int = 100_000
    small_channels: int = 10
    large_channels: int = 10_000
    turns: int = 2000
    warmup: int = 100


async def _seed(path: str, channels: int, parts_each: int) -> tuple[Target, float]:
    started = time.perf_counter()
    await create_schema(path)
    names = [f"bench:{number}" for number in range(channels)]
    seed_stories(path, names, parts_each)
    return Target(path, names), time.perf_counter() - started


async def _pair(
    folder: Path, name: str, sizes: tuple[tuple[int, int], tuple[int, int]], turns: OverheadConfig
) -> tuple[dict[str, dict[str, float]], bool, list[float]]:
    targets, setup = [], []
    for label, (channels, parts) in zip(("small", "large"), sizes, strict=True):
        target, seconds = await _seed(str(folder / f"{name}-{label}.db"), channels, parts)
        targets.append(target)
        setup.append(seconds)
    small, large = await interleaved_turns(targets, turns)
    stats = {"small": spread(small.samples), "large": spread(large.samples)}
    return stats, small.ok and large.ok, setup


def _rows(label: str, small: str, large: str, stats: dict[str, dict[str, float]]) -> list[Row]:
    ratio = stats["large"]["p99"] / stats["small"]["p99"]
    return [
        Row(f"p99 turn, {large}", stats["large"]["p99"], "ms", stats["small"]["p99"], small),
        Row(f"p50 turn, {large}", stats["large"]["p50"], "ms", stats["small"]["p50"], small),
        Row(
            f"p99 ratio, {label}",
            ratio,
            "x",
            1.0,
            "flat",
            f"<= {GOAL_RATIO}",
            ratio <= GOAL_RATIO,
        ),
    ]


async def _measure(folder: Path, config: FlatnessConfig) -> Section:
    turns = OverheadConfig(turns=config.turns, warmup=config.warmup)
    section = Section("flatness", "Turn time against database size")
    parts, parts_ok, parts_setup = await _pair(
        folder, "parts", ((1, config.small_parts), (1, config.large_parts)), turns
    )
    channels, channels_ok, channels_setup = await _pair(
        folder,
        "channels",
        ((config.small_channels, 10), (config.large_channels, 10)),
        turns,
    )
    section.rows += _rows(
        "parts",
        f"{config.small_parts:,} parts",
        f"{config.large_parts:,} parts",
        parts,
    )
    section.rows += _rows(
        "channels",
        f"{config.small_channels:,} channels",
        f"{config.large_channels:,} channels",
        channels,
    )
    section.checks["every turn answered and stored its part (flatness)"] = parts_ok and channels_ok
    section.details = {
        "turns": config.turns,
        "warmup": config.warmup,
        "parts_ms": parts,
        "channels_ms": channels,
        "setup_seconds": {"parts": parts_setup, "channels": channels_setup},
    }
    return section


def run(config: FlatnessConfig | None = None) -> Section:
    """Benchmark 2: p99 per turn with a small and a large database, side by side."""
    config = config or FlatnessConfig()
    with tempfile.TemporaryDirectory(prefix="storybot-bench-") as folder:
        return asyncio.run(_measure(Path(folder), config))
