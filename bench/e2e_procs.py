"""Processes for benchmark 7: the fakes, the side being measured, and what /proc says of them.

CPU time is read from ``/proc/<pid>/stat`` (all threads, user and system),
peak RSS from ``VmHWM``, and the whole machine's busy time from
``/proc/stat``, so that CPU the benchmark's own processes did not use (another
job on a shared machine) can be reported beside each run.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

from bench.startup import KEEP_OUT, free_port, storybot_command, wait_ready
from bench.startup import Child as ServiceChild

ROOT = Path(__file__).resolve().parent.parent
TICK = os.sysconf("SC_CLK_TCK")
TOKEN = "123:BENCH"
READY_LIMIT = 60.0


def cpu_seconds(pid: int) -> float:
    """User and system CPU of a process and all its threads, so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise ValueError("no VmHWM line")


def machine_busy() -> float:
    """CPU seconds the whole machine has spent busy (all cores) since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = values[:8]
    return (user + nice + system + irq + softirq + steal) / TICK


def base_env() -> dict[str, str]:
    """Our environment without any Storybot setting or systemd hand-over."""
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("STORYBOT_") and key not in KEEP_OUT
    }


@dataclass(slots=True)
class Fakes:
    """The fakes' process and how to reach it."""

    process: asyncio.subprocess.Process
    urls: dict[str, Any]
    session: aiohttp.ClientSession

    @property
    def pid(self) -> int:
        return self.process.pid

    async def control(self, what: str, **args: Any) -> Any:
        async with self.session.post(f"{self.urls['control']}/{what}", json=args) as response:
            response.raise_for_status()
            return await response.json()


@asynccontextmanager
async def fakes_process(words: int, seconds: float, interval: float) -> AsyncIterator[Fakes]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.e2e_fakes",
        f"--words={words}",
        f"--seconds={seconds}",
        f"--interval={interval}",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        cwd=ROOT,
        env=base_env(),
    )
    assert process.stdout is not None
    assert process.stdin is not None
    try:
        line = await asyncio.wait_for(process.stdout.readline(), 30)
        urls = json.loads(line)
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
            fakes = Fakes(process, urls, session)
            try:
                yield fakes
            finally:
                with contextlib.suppress(aiohttp.ClientError, OSError, TimeoutError):
                    await fakes.control("stop")
    finally:
        process.stdin.close()
        try:
            await asyncio.wait_for(process.wait(), 5)
        except TimeoutError:
            process.kill()
            await process.wait()


@dataclass(slots=True)
class Subject:
    """The side being measured: ``storybot run`` or the floor, in its own process."""

    side: str
    process: asyncio.subprocess.Process
    logs: Path
    errors: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    async def stop(self, patience: float = 30.0) -> int:
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return await asyncio.wait_for(self.process.wait(), patience)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
            return -9

    def log_entries(self) -> list[dict[str, Any]]:
        entries = []
        for raw in self.logs.read_text(errors="replace").splitlines():
            with contextlib.suppress(ValueError):
                entry = json.loads(raw)
                if isinstance(entry, dict):
                    entries.append(entry)
        return entries


def storybot_env(fakes: Fakes, folder: Path, port: int, chats: int) -> dict[str, str]:
    return base_env() | {
        "STORYBOT_DATABASE_PATH": str(folder / "storybot.db"),
        "STORYBOT_HTTP__HOST": "127.0.0.1",
        "STORYBOT_HTTP__PORT": str(port),
        "STORYBOT_TELEGRAM__TOKEN": TOKEN,
        "STORYBOT_TELEGRAM__API_BASE_URL": fakes.urls["telegram"],
        "STORYBOT_TELEGRAM__FILE_BASE_URL": fakes.urls["files"],
        "STORYBOT_LLM__PROVIDER": "openai",
        "STORYBOT_LLM__BASE_URL": fakes.urls["llm"],
        "STORYBOT_LLM__MODEL": "bench-model",
        # One connection per chat writing at once: the load this run is sized for.
        "STORYBOT_LLM__MAX_CONNECTIONS": str(max(100, chats)),
    }


async def _spawn(side: str, command: list[str], env: dict[str, str], folder: Path) -> Subject:
    logs, errors = folder / f"{side}.log", folder / f"{side}.err"
    with logs.open("wb") as out, errors.open("wb") as err:
        process = await asyncio.create_subprocess_exec(
            *command, env=env, cwd=ROOT, stdin=asyncio.subprocess.DEVNULL, stdout=out, stderr=err
        )
    return Subject(side, process, logs, errors)


async def start_storybot(fakes: Fakes, folder: Path, chats: int) -> Subject:
    port = free_port()
    env = storybot_env(fakes, folder, port, chats)
    subject = await _spawn("storybot", storybot_command(), env, folder)
    child = ServiceChild(
        subject.process, subject.logs, subject.errors, port, time.perf_counter(), time.time()
    )
    if not await wait_ready(child, READY_LIMIT):
        await subject.stop(5)
        tail = subject.errors.read_text(errors="replace")[-2000:]
        raise RuntimeError(f"storybot run never got ready:\n{tail}")
    return subject


async def start_floor(
    fakes: Fakes, folder: Path, chats: int, interval: float, client: str = "aiohttp"
) -> Subject:
    command = [
        sys.executable,
        "-m",
        "bench.e2e_floor",
        f"--telegram={fakes.urls['telegram']}",
        f"--llm={fakes.urls['llm']}",
        f"--token={TOKEN}",
        f"--max-connections={max(100, chats)}",
        f"--interval={interval}",
        f"--client={client}",
    ]
    subject = await _spawn("floor", command, base_env(), folder)
    deadline = time.monotonic() + READY_LIMIT
    while "ready" not in subject.logs.read_text():
        if subject.process.returncode is not None or time.monotonic() > deadline:
            await subject.stop(5)
            raise RuntimeError(f"the floor never got ready:\n{subject.errors.read_text()[-2000:]}")
        await asyncio.sleep(0.02)
    return subject


@asynccontextmanager
async def py_spy(
    pid: int, out: Path | None, rate: int = 50, seconds: float | None = None
) -> AsyncIterator[None]:
    """Sample ``pid`` at ``rate`` Hz for the block (or its first ``seconds``), as collapsed
    stacks in ``out`` (if set)."""
    if out is None:
        yield
        return
    limit = [f"--duration={max(1, round(seconds))}"] if seconds else []
    spy = await asyncio.create_subprocess_exec(
        "py-spy",
        "record",
        f"--pid={pid}",
        f"--rate={rate}",
        *limit,
        "--format=raw",
        f"--output={out}",
        "--nonblocking",
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        await asyncio.sleep(0.3)  # attached before the load starts
        yield
    finally:
        if spy.returncode is None:
            spy.send_signal(signal.SIGINT)
        await asyncio.wait_for(spy.wait(), 30)
