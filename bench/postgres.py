"""Benchmark 8: the PostgreSQL store beside SQLite, and several instances on one database.

1. **Turn overhead.** ``/story continue`` consumed to the end with an instant
   storyteller, on the SQLite store and on the PostgreSQL store, interleaved
   turn by turn so background load hits both alike, next to the PostgreSQL
   floor: the same statements a turn makes there (its place in line, its read,
   its write, giving the place up) sent by hand through one asyncpg connection.
2. **Throughput across instances.** Instances are processes, each with its own
   engine and pool on one PostgreSQL database, each turning its own share of 200
   channels as fast as an instant storyteller allows, for a fixed time; turns per
   second for one instance and for two (goal: two at least 1.7 times one), and
   SQLite in one process for scale.
3. **1,000 stories at once across two instances**, 500 each, 200 tokens over
   2 s, as benchmark 3 runs them in one process, against the same bare-stream
   baseline (one process reading the 1,000 streams with no engine at all).

PostgreSQL comes from ``STORYBOT_BENCH_DATABASE_URL`` (else the test URL, else
``postgresql://postgres@127.0.0.1:5432/test``); every run works in a schema of
its own and drops it afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg

from bench.concurrency import ConcurrencyConfig, _child, _noting_final, _spread
from bench.fakes import MemorySurface, PacedProvider
from bench.overhead import spread, turn
from bench.report import Row, Section
from bench.seed import PART_TEXT, create_schema, seed_stories
from bot.app import tune_process
from bot.config import StoryConfig
from bot.delivery import Delivered, Limits, deliver
from bot.engine import Engine
from bot.identity import ChannelKey, Sender
from bot.memory import Memory, offline_summariser
from bot.providers.base import Provider
from bot.types import Final, ReplyKind, Request
from storage.base import Store
from storage.db_copy import copy_database
from storage.postgres import PostgresStore
from storage.postgres_cluster import _RELEASE
from storage.postgres_db import prepare_connection
from storage.postgres_turns import _TURN_STATES, WRITE_PART
from storage.sqlite import SqliteStore

GOAL_SCALING = 1.7
GOAL_WALL_FACTOR = 1.2
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class PostgresConfig:
    turns: int = 2000
    warmup: int = 200
    tokens: int = 200
    channels: int = 200
    """Channels the throughput instances share out between them."""
    seconds: float = 10.0
    """How long each throughput measurement runs."""
    stories: int = 1000
    story_tokens: int = 200
    story_interval: float = 0.01
    instances: int = 2


def database_url() -> str:
    return (
        os.environ.get("STORYBOT_BENCH_DATABASE_URL")
        or os.environ.get("STORYBOT_TEST_DATABASE_URL")
        or DEFAULT_URL
    )


def build_engine(store: Store, provider: Provider) -> Engine:
    """The engine as the app builds it for the offline storyteller, minus metrics."""
    config = StoryConfig()
    memory = Memory(store, config, offline_summariser(config.summary_tokens * 4))
    return Engine(store, provider, config, memory, seed=1)


async def reachable(url: str) -> bool:
    try:
        conn = await asyncpg.connect(url, timeout=5)
    except (OSError, asyncpg.PostgresError, TimeoutError):
        return False
    await conn.close()
    return True


async def schema(url: str) -> tuple[str, str]:
    """A new schema for this run, and the URL that uses it."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    name = f"bench_{secrets.token_hex(4)}"
    admin = await asyncpg.connect(url)
    try:
        await admin.execute(f'CREATE SCHEMA "{name}"')
    finally:
        await admin.close()
    parts = urlsplit(url)
    query = [*parse_qsl(parts.query), ("search_path", name)]
    return name, urlunsplit(parts._replace(query=urlencode(query)))


async def drop(url: str, name: str) -> None:
    admin = await asyncpg.connect(url)
    try:
        await admin.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
    finally:
        await admin.close()


async def seeded(url: str, folder: Path, channels: Sequence[str], parts_each: int = 10) -> str:
    """``channels`` with a story each in a SQLite file, copied into PostgreSQL as well."""
    path = str(folder / f"seed-{secrets.token_hex(3)}.db")
    await create_schema(path)
    seed_stories(path, channels, parts_each=parts_each)
    await copy_database(path, url)
    return path


# 1. turn overhead


class Floor:
    """A PostgreSQL turn's statements by hand: place in line, read, write, give the place up."""

    def __init__(self, conn: asyncpg.Connection, channel: str) -> None:
        self.conn = conn
        self.channel = channel
        self.instance = f"floor-{secrets.token_hex(3)}"

    async def start(self) -> None:
        await self.conn.execute(
            "INSERT INTO instances (id, name, started_at, expires_at) "
            "VALUES ($1, 'floor', storybot_now(), storybot_now() + 3600)",
            self.instance,
        )

    async def turn(self, direction: str, day: str) -> None:
        ticket = await self.conn.fetchval(
            "SELECT ticket FROM storybot_take_turns($1, $2, $3, $4)",
            [self.channel],
            ["bench"],
            [None],
            self.instance,
        )
        row = await self.conn.fetchrow(_TURN_STATES, [0], [self.channel], [None], [None], [25])
        assert row is not None
        now = time.time()
        await self.conn.execute(
            WRITE_PART,
            row["id"],
            row["last_seq"] + 1,
            PART_TEXT,
            direction,
            "Ada",
            "[]",
            "complete",
            "",
            now,
            None,
            None,
            day,
            "bench:u1",
            self.channel,
            500,
            200,
            None,
        )
        await self.conn.execute(_RELEASE, [ticket], "storybot:bench")


OVERHEAD = {"sqlite": "bench:sqlite", "postgres": "bench:pg", "floor": "bench:floor"}


async def _overhead(url: str, path: str, config: PostgresConfig) -> dict[str, Any]:
    names = OVERHEAD
    sqlite, postgres = SqliteStore(path), PostgresStore(url, pool_size=4, instance="bench")
    await sqlite.open()
    await postgres.open()
    conn = await asyncpg.connect(url)
    await prepare_connection(conn)
    samples: dict[str, list[int]] = {name: [] for name in names}
    ok = True
    engines = {
        "sqlite": build_engine(sqlite, PacedProvider(config.tokens)),
        "postgres": build_engine(postgres, PacedProvider(config.tokens)),
    }
    try:
        floor = Floor(conn, names["floor"])
        await floor.start()
        day = datetime.now(UTC).date().isoformat()
        gc.collect()
        order = list(names)
        rng = random.Random(8)
        for index in range(config.warmup + config.turns):
            rng.shuffle(order)
            for name in order:
                started = time.perf_counter_ns()
                if name == "floor":
                    await floor.turn(f"step {index}", day)
                else:
                    final, _ = await turn(engines[name], names[name], f"step {index}")
                    ok = ok and final.outcome == "ok"
                if index >= config.warmup:
                    samples[name].append(time.perf_counter_ns() - started)
        grown = [
            await store.active_story(ChannelKey.from_text(names[kind]))
            for kind, store in (("sqlite", sqlite), ("postgres", postgres))
        ]
        ok = ok and all(
            s is not None and s.last_seq == 10 + config.warmup + config.turns for s in grown
        )
    finally:
        for engine in engines.values():
            await engine.compactions.close(grace=2.0)
        await conn.close()
        await postgres.close()
        await sqlite.close()
    return {"ms": {name: spread(found) for name, found in samples.items()}, "ok": ok}


# 2. throughput, one process per instance


def ask(channel: str, direction: str) -> Request:
    """A channel's own player: each channel's usage is counted on rows of its own.

    With one user in every channel (as benchmarks 1 and 3 have it), every turn of
    every instance would update that user's usage row, and PostgreSQL writes one
    row at a time, durably: it would measure that row, not the store.
    """
    return Request(ChannelKey.from_text(channel), Sender(f"p-{channel}", "Ada"), direction)


async def one_turn(engine: Engine, channel: str, direction: str) -> Final:
    final: Final | None = None
    async for event in engine.handle(ask(channel, f"continue {direction}")):
        if isinstance(event, Final) and final is None:
            final = event
    if final is None:
        raise AssertionError(f"turn in {channel} ended without a final reply")
    return final


async def _go() -> None:
    """Ready; wait for the parent's word, so that instances start together."""
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)


async def _throughput(
    kind: str, url: str, channels: list[str], seconds: float, tokens: int
) -> dict[str, Any]:
    tune_process()
    store: Store = (
        SqliteStore(url) if kind == "sqlite" else PostgresStore(url, instance=f"w{os.getpid()}")
    )
    await store.open()
    try:
        engine = build_engine(store, PacedProvider(tokens))
        done = 0
        failed = 0

        async def drive(channel: str, deadline: float) -> None:
            nonlocal done, failed
            step = 0
            while time.monotonic() < deadline:
                final = await one_turn(engine, channel, f"step {step}")
                step += 1
                if final.outcome == "ok":
                    done += 1
                else:
                    failed += 1

        await _go()
        started, cpu = time.monotonic(), time.process_time()
        await asyncio.gather(*(drive(channel, started + seconds) for channel in channels))
        wall, cpu = time.monotonic() - started, time.process_time() - cpu
        await engine.compactions.close(grace=2.0)
        return {"turns": done, "failed": failed, "seconds": wall, "cpu_s": cpu}
    finally:
        await store.close()


async def _stories(url: str, channels: list[str], tokens: int, interval: float) -> dict[str, Any]:
    tune_process()
    store = PostgresStore(url, instance=f"s{os.getpid()}")
    await store.open()
    try:
        engine = build_engine(store, PacedProvider(tokens, interval))
        await _go()
        wall, whole, timeline = await all_at_once(engine, channels, Limits(4096, 1.0))
        grown = [await store.active_story(ChannelKey.from_text(c)) for c in channels]
        stored = all(s is not None and s.last_seq == 11 for s in grown)
        await engine.compactions.close(grace=2.0)
        return {"wall_s": wall, "whole": whole, "stored": stored, **timeline}
    finally:
        await store.close()


async def all_at_once(
    engine: Engine, channels: list[str], limits: Limits
) -> tuple[float, bool, dict[str, Any]]:
    """Benchmark 3's turn in every channel at once, each channel with its own player."""
    surfaces = [MemorySurface() for _ in channels]
    finals = [float("inf")] * len(channels)
    started, cpu, clock = time.perf_counter(), time.process_time(), time.monotonic()
    delivered: list[Delivered] = await asyncio.gather(
        *(
            deliver(
                _noting_final(engine.handle(ask(channel, "continue")), finals, index),
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
    }
    whole = all(
        d.final is not None and d.final.kind is ReplyKind.STORY and surface.shown == d.final.text
        for d, surface in zip(delivered, surfaces, strict=True)
    )
    return wall, whole, timeline


def postgres_cpu() -> float:
    """CPU seconds the local PostgreSQL server has used (0 if none is local): its live
    processes, and the connections that have ended (counted in their parent's children's
    time). On the same cores, it shares them with the instances it serves."""
    total = 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if stat[stat.index("(") + 1 : stat.rindex(")")].startswith("postgres"):
            fields = stat[stat.rindex(")") + 2 :].split()
            total += sum(int(fields[n]) for n in (11, 12, 13, 14)) / ticks
    return total


def machine_cpu() -> tuple[float, float]:
    """(busy, all) CPU seconds of the whole machine so far, from /proc/stat."""
    ticks = os.sysconf("SC_CLK_TCK")
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return (sum(values) - idle) / ticks, sum(values) / ticks


def _together(workers: list[list[str]]) -> list[dict[str, Any]]:
    """Start the workers, let them go at once, and read each one's JSON answer (each with
    the CPU seconds PostgreSQL used while they ran)."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "bench.postgres", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for args in workers
    ]
    try:
        for proc in procs:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            if line.strip() != "ready":
                raise RuntimeError(f"a benchmark worker did not start: {line!r}")
        before, (busy, every) = postgres_cpu(), machine_cpu()
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        answers = []
        for proc in procs:
            out, _ = proc.communicate(timeout=600)
            answers.append(json.loads(out.strip().splitlines()[-1]))
            if proc.returncode:
                raise RuntimeError("a benchmark worker failed")
        after, (busy_after, every_after) = postgres_cpu(), machine_cpu()
        for answer in answers:
            answer["postgres_cpu_s"] = after - before
            answer["machine_busy"] = (busy_after - busy) / max(every_after - every, 1e-9)
        return answers
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()


def _shares(items: list[str], parts: int) -> list[list[str]]:
    return [items[n::parts] for n in range(parts)]


def _rate(answers: list[dict[str, Any]]) -> float:
    return sum(a["turns"] for a in answers) / max(a["seconds"] for a in answers)


async def _prepare(url: str, folder: Path, config: PostgresConfig) -> dict[str, Any]:
    """Every channel the benchmark uses, seeded once, in SQLite and in PostgreSQL alike."""
    throughput = [f"bench:t{n}" for n in range(config.channels)]
    stories = [f"bench:s{n}" for n in range(config.stories)]
    sqlite = await seeded(url, folder, [*OVERHEAD.values(), *throughput, *stories])
    return {"throughput": throughput, "stories": stories, "sqlite": sqlite}


def run(config: PostgresConfig | None = None) -> Section:
    """Benchmark 8: PostgreSQL beside SQLite, and instances side by side."""
    config = config or PostgresConfig()
    base = database_url()
    section = Section("postgres", "PostgreSQL store and several instances")
    named = any(
        os.environ.get(k) for k in ("STORYBOT_BENCH_DATABASE_URL", "STORYBOT_TEST_DATABASE_URL")
    )
    if not named and not asyncio.run(reachable(base)):
        sys.stderr.write(f"bench: no PostgreSQL at {base}: the postgres benchmark is skipped\n")
        section.details = {"skipped": f"no PostgreSQL at {base}"}
        return section
    name, url = asyncio.run(schema(base))
    try:
        with tempfile.TemporaryDirectory(prefix="storybot-bench-") as folder:
            seeds = asyncio.run(_prepare(url, Path(folder), config))
            overhead = asyncio.run(_overhead(url, seeds["sqlite"], config))
            throughput = _throughput_runs(url, seeds, config)
            stories = _together(
                [["stories", url, json.dumps(share), json.dumps(asdict(config))]
                 for share in _shares(seeds["stories"], config.instances)]
            )  # fmt: skip
    finally:
        asyncio.run(drop(base, name))
    baseline = _child(
        "baseline",
        ConcurrencyConfig(
            channels=config.stories, tokens=config.story_tokens, interval=config.story_interval
        ),
    )
    _report(section, config, overhead, throughput, stories, baseline)
    return section


def _throughput_runs(url: str, seeds: dict[str, Any], config: PostgresConfig) -> dict[str, Any]:
    def workers(kind: str, where: str, count: int) -> list[list[str]]:
        return [
            ["throughput", kind, where, json.dumps(share), json.dumps(asdict(config))]
            for share in _shares(seeds["throughput"], count)
        ]

    return {
        "sqlite_1": _together(workers("sqlite", seeds["sqlite"], 1)),
        "postgres_1": _together(workers("postgres", url, 1)),
        "postgres_2": _together(workers("postgres", url, config.instances)),
    }


def _report(
    section: Section,
    config: PostgresConfig,
    overhead: dict[str, Any],
    throughput: dict[str, Any],
    stories: list[dict[str, Any]],
    baseline: dict[str, Any],
) -> None:
    ms = overhead["ms"]
    for p in ("p50", "p99"):
        section.rows.append(
            Row(
                f"turn {p}, PostgreSQL store",
                ms["postgres"][p],
                "ms",
                ms["floor"][p],
                "asyncpg floor",
            )
        )
        section.rows.append(
            Row(
                f"turn {p}, SQLite store (same run)",
                ms["sqlite"][p],
                "ms",
                ms["floor"][p],
                "asyncpg floor",
            )
        )
    one, two = _rate(throughput["postgres_1"]), _rate(throughput["postgres_2"])
    section.rows += [
        Row("turns/s, SQLite, 1 process", _rate(throughput["sqlite_1"]), "turns/s"),
        Row("turns/s, PostgreSQL, 1 instance", one, "turns/s"),
        Row(
            f"turns/s, PostgreSQL, {config.instances} instances",
            two,
            "turns/s",
            one,
            "1 instance",
            f">= {GOAL_SCALING}x",
            two >= GOAL_SCALING * one,
        ),
    ]
    for key in ("postgres_1", "postgres_2"):
        answers = throughput[key]
        turns = sum(a["turns"] for a in answers)
        seconds = max(a["seconds"] for a in answers)
        own = sum(a["cpu_s"] for a in answers) / turns * 1000
        server = answers[0]["postgres_cpu_s"] / turns * 1000
        busy = answers[0]["machine_busy"] * 100
        section.rows.append(
            Row(
                f"CPU per turn, {len(answers)} instance(s): Storybot + PostgreSQL",
                own + server,
                "ms",
                own,
                f"Storybot alone; machine {busy:.0f}% busy over {seconds:.0f} s",
            )
        )
    written = max(s["written_s"] for s in stories)
    goal_s = GOAL_WALL_FACTOR * config.story_tokens * config.story_interval
    section.rows.append(
        Row(
            f"wall time, {config.stories:,} stories on {config.instances} instances",
            written,
            "s",
            baseline["wall_s"],
            "bare streams",
            f"<= {goal_s:.3g} s",
            written <= goal_s,
        )
    )
    section.checks["every turn answered and stored its part"] = overhead["ok"]
    section.checks["no throughput turn failed"] = all(
        a["failed"] == 0 for answers in throughput.values() for a in answers
    )
    section.checks["every story shown whole and stored"] = all(
        s["whole"] and s["stored"] for s in stories
    )
    section.checks["bare streams complete"] = baseline["all_streams_complete"]
    section.details = {
        "config": asdict(config),
        "overhead_ms": ms,
        "throughput": throughput,
        "scaling": two / one if one else 0.0,
        "stories": stories,
        "baseline": baseline,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("role", choices=("throughput", "stories"))
    parser.add_argument("args", nargs="+")
    args = parser.parse_args()
    if args.role == "throughput":
        kind, where, channels, raw = args.args
        config = PostgresConfig(**json.loads(raw))
        answer = asyncio.run(
            _throughput(kind, where, json.loads(channels), config.seconds, config.tokens)
        )
    else:
        where, channels, raw = args.args
        config = PostgresConfig(**json.loads(raw))
        answer = asyncio.run(
            _stories(where, json.loads(channels), config.story_tokens, config.story_interval)
        )
    sys.stdout.write(json.dumps(answer) + "\n")


if __name__ == "__main__":
    main()
