"""Start-up to ready and idle memory of ``storybot run`` with all three platforms on fakes.

The fakes (Telegram Bot API, Slack Web API + Socket Mode, Discord REST +
gateway) run in this process on loopback; ``storybot run`` runs in a child
process configured only through ``STORYBOT_*`` variables, with the HTTP
server on a port picked by binding port 0 first. Start-up is the wall time
from just before the exec to the first ``/readyz`` answering 200 (polled every
few milliseconds), which the service does only once every adapter has
connected. Idle RSS is the child's ``VmRSS`` after it has been ready and idle
for a few seconds.

The baseline is the floor of what the libraries cost: ``python -c "import
discord, telegram, slack_bolt, aiohttp, aiosqlite"``, timed from exec to exit,
with its RSS read from ``/proc/self/status`` just before it exits.

Bytecode: an installed Storybot (``pip install .``, the Docker image) has its
``.pyc`` files compiled at install time, but this checkout is an editable
install run with ``PYTHONDONTWRITEBYTECODE=1``, so every start compiles
Storybot's own sources again. The goal is judged with a warm bytecode cache
(``PYTHONPYCACHEPREFIX`` in a temporary folder, filled by the warm-up run);
the checkout's own way is reported next to it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
import socket
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import aiohttp

from bench.report import Row, Section, machine, table, write_json
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.slack_api import FakeSlack
from tests.fakes.telegram_api import FakeTelegram

GOAL_READY_S = 2.0
GOAL_RSS_MB = 120.0
RESULTS = Path(__file__).with_name("results-startup.json")
TELEGRAM_TOKEN = "123:BENCH"
SLACK_BOT_TOKEN = "xoxb-bench"
SLACK_APP_TOKEN = "xapp-bench"
DISCORD_TOKEN = "fake-discord-token"
LIBRARIES = "discord, telegram, slack_bolt, aiohttp, aiosqlite"
READY_LIMIT = 60.0
POLL_EVERY = 0.005
KEEP_OUT = ("CREDENTIALS_DIRECTORY", "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID")
"""Variables from our own environment that would change how the child runs."""
PLATFORMS = ["discord", "slack", "telegram"]
MILESTONES = {
    "telegram connected": ("bot.service", "telegram adapter connected"),
    "slack connected": ("bot.service", "slack adapter connected"),
    "discord gateway READY": ("discord.gateway", "has connected to Gateway"),
    "discord connected": ("bot.service", "discord adapter connected"),
    "ready logged": ("bot.service", "ready on "),
}
"""INFO log lines that mark the way to ready: (logger, text in the message)."""

Env = Mapping[str, str | None]
"""Changes to a child's environment; None removes the variable."""


@dataclass(slots=True)
class Fakes:
    telegram: FakeTelegram
    slack: FakeSlack
    discord: FakeDiscord


@asynccontextmanager
async def platform_fakes(
    telegram: Callable[[], FakeTelegram] = FakeTelegram,
    slack: Callable[..., FakeSlack] = FakeSlack,
    discord: Callable[[], FakeDiscord] = FakeDiscord,
) -> AsyncIterator[Fakes]:
    """All three fake platforms on loopback port 0, closed however the block ends."""
    tg = telegram()
    sl = slack(bot_token=SLACK_BOT_TOKEN, app_token=SLACK_APP_TOKEN)
    dc = discord()
    async with tg:
        await sl.start()
        try:
            await dc.start()
            try:
                yield Fakes(tg, sl, dc)
            finally:
                await dc.close()
        finally:
            await sl.close()


def free_port() -> int:
    """A port nobody listens on right now (bound to 0, then released for the child)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def service_env(
    fakes: Fakes, database: Path, port: int, extra: Env | None = None
) -> dict[str, str]:
    """The child's environment: ours without any Storybot setting, plus the fakes'."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("STORYBOT_") and key not in KEEP_OUT
    }
    env |= {
        "STORYBOT_DATABASE_PATH": str(database),
        "STORYBOT_HTTP__HOST": "127.0.0.1",
        "STORYBOT_HTTP__PORT": str(port),
        "STORYBOT_TELEGRAM__TOKEN": TELEGRAM_TOKEN,
        "STORYBOT_TELEGRAM__API_BASE_URL": fakes.telegram.base_url,
        "STORYBOT_TELEGRAM__FILE_BASE_URL": fakes.telegram.file_base_url,
        "STORYBOT_SLACK__BOT_TOKEN": SLACK_BOT_TOKEN,
        "STORYBOT_SLACK__APP_TOKEN": SLACK_APP_TOKEN,
        "STORYBOT_SLACK__API_BASE_URL": fakes.slack.base_url,
        "STORYBOT_DISCORD__TOKEN": DISCORD_TOKEN,
        "STORYBOT_DISCORD__API_BASE_URL": fakes.discord.api_base_url,
        "STORYBOT_DISCORD__GATEWAY_URL": fakes.discord.gateway_url,
    }
    return changed(env, extra)


def changed(env: dict[str, str], extra: Env | None) -> dict[str, str]:
    for key, value in (extra or {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def cached_bytecode(cache: Path) -> dict[str, str | None]:
    """Bytecode compiled once and kept (outside the checkout), as an installed package has."""
    return {"PYTHONDONTWRITEBYTECODE": None, "PYTHONPYCACHEPREFIX": str(cache)}


def storybot_command() -> list[str]:
    """``storybot run`` from this interpreter's environment (the console script if installed)."""
    script = Path(sys.executable).with_name("storybot")
    if script.is_file():
        return [str(script), "run"]
    return [sys.executable, "-m", "bot", "run"]


def rss_mb(pid: int) -> float:
    """Resident set size in MB (MiB) from ``/proc/<pid>/status``."""
    return _vm_rss(Path(f"/proc/{pid}/status").read_text())


def _vm_rss(status: str) -> float:
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise ValueError("no VmRSS line")


@dataclass(slots=True)
class Child:
    """A running ``storybot run`` and where its output goes."""

    process: asyncio.subprocess.Process
    logs: Path
    errors: Path
    port: int
    started: float
    """``time.perf_counter()`` just before the exec."""
    started_wall: float
    """The same moment on the wall clock, to place log lines."""
    ready_after: float | None = None
    readyz: dict[str, Any] = field(default_factory=dict)

    @property
    def pid(self) -> int:
        return self.process.pid

    def log_lines(self) -> list[dict[str, Any]]:
        """The JSON log lines; anything else becomes an ERROR line, so it is not missed."""
        lines = []
        for raw in self.logs.read_text(errors="replace").splitlines():
            try:
                entry = json.loads(raw)
            except ValueError:
                entry = {"level": "ERROR", "message": f"not a JSON log line: {raw[:200]}"}
            if isinstance(entry, dict):
                lines.append(entry)
        return lines

    def lines_at(self, *levels: str) -> list[str]:
        return [
            f"{entry.get('logger')}: {entry.get('message')}"
            for entry in self.log_lines()
            if entry.get("level") in levels
        ]

    def error_lines(self) -> list[str]:
        """ERROR/CRITICAL log lines and every traceback on stderr."""
        found = self.lines_at("ERROR", "CRITICAL")
        stderr = self.errors.read_text(errors="replace")
        found += [f"stderr: {line}" for line in stderr.splitlines() if "Traceback" in line]
        return found

    def timeline(self) -> dict[str, float]:
        """Seconds from the exec to each milestone the logs show (millisecond resolution)."""
        found: dict[str, float] = {}
        for entry in self.log_lines():
            for name, (logger, text) in MILESTONES.items():
                if name in found or entry.get("logger") != logger:
                    continue
                if text in str(entry.get("message", "")) and "time" in entry:
                    when = datetime.fromisoformat(entry["time"]).timestamp()
                    found[name] = round(when - self.started_wall, 3)
        return found

    async def stop(self, patience: float = 30.0) -> int:
        """SIGTERM, as systemd and Docker stop it; the exit status (-9 if it had to be killed)."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return await asyncio.wait_for(self.process.wait(), patience)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
            return -9


async def spawn(
    env: dict[str, str], folder: Path, port: int, command: list[str] | None = None
) -> Child:
    logs, errors = folder / "storybot.log", folder / "storybot.err"
    with logs.open("wb") as out, errors.open("wb") as err:
        started_wall = time.time()
        started = time.perf_counter()
        process = await asyncio.create_subprocess_exec(
            *(command or storybot_command()),
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=out,
            stderr=err,
        )
    return Child(process, logs, errors, port, started, started_wall)


async def wait_ready(child: Child, limit: float = READY_LIMIT) -> bool:
    """Poll ``/readyz`` until it answers 200; False if the child died or took too long."""
    url = f"http://127.0.0.1:{child.port}/readyz"
    timeout = aiohttp.ClientTimeout(total=2)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        while time.perf_counter() - child.started < limit:
            if child.process.returncode is not None:
                return False
            with contextlib.suppress(aiohttp.ClientError, OSError, TimeoutError):
                async with session.get(url) as response:
                    if response.status == 200:
                        child.ready_after = time.perf_counter() - child.started
                        child.readyz = await response.json()
                        return True
            await asyncio.sleep(POLL_EVERY)
    return False


@asynccontextmanager
async def running_service(
    fakes: Fakes,
    folder: Path,
    extra: Env | None = None,
    command: list[str] | None = None,
) -> AsyncIterator[Child]:
    """``storybot run`` against the fakes, ready; stopped with SIGTERM at the end.

    ``command`` replaces ``storybot run``, e.g. to run it under a profiler.
    """
    port = free_port()
    env = service_env(fakes, folder / "storybot.db", port, extra)
    child = await spawn(env, folder, port, command)
    try:
        if not await wait_ready(child):
            code = await child.stop(5)
            tail = child.errors.read_text(errors="replace")[-2000:]
            logs = child.logs.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"storybot run never got ready (exit {code}):\n{tail}\n{logs}")
        yield child
    finally:
        await child.stop()


@dataclass(slots=True)
class StartRun:
    ready_s: float
    rss_mb: float
    connected: list[str]
    exit_code: int
    errors: list[str]
    timeline: dict[str, float]


async def start_once(fakes: Fakes, idle: float, extra: Env | None = None) -> StartRun:
    """One start: time to ready, RSS after ``idle`` seconds, then SIGTERM."""
    with tempfile.TemporaryDirectory(prefix="storybot-start-") as name:
        async with running_service(fakes, Path(name), extra) as child:
            assert child.ready_after is not None
            await asyncio.sleep(idle)
            rss = rss_mb(child.pid)
        code = child.process.returncode if child.process.returncode is not None else -1
        return StartRun(
            child.ready_after,
            rss,
            child.readyz.get("connected", []),
            code,
            child.error_lines(),
            child.timeline(),
        )


@dataclass(slots=True)
class FloorRun:
    seconds: float
    rss_mb: float


async def floor_once(code: str, extra: Env | None = None) -> FloorRun:
    """Time a ``python -c`` from exec to exit; it reports its own RSS just before exiting."""
    script = f"{code}\nimport sys\nsys.stdout.write(open('/proc/self/status').read())"
    env = changed(dict(os.environ), extra)
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", script, stdout=asyncio.subprocess.PIPE, env=env
    )
    out, _ = await process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"python -c {code!r} failed with {process.returncode}")
    return FloorRun(seconds, _vm_rss(out.decode()))


@dataclass(frozen=True, slots=True)
class StartupConfig:
    runs: int = 5
    idle: float = 3.0
    warmup: int = 1
    """Unmeasured rounds first; they fill the bytecode cache."""
    checkout_way: bool = True
    """Also start the service as this checkout runs it (no bytecode cache), for comparison."""
    pycache: bool = True
    """Measure with a warm bytecode cache (False: run as the environment says)."""


@dataclass(slots=True)
class Measured:
    runs: list[StartRun] = field(default_factory=list)
    checkout: list[StartRun] = field(default_factory=list)
    floors: list[FloorRun] = field(default_factory=list)
    bare: list[FloorRun] = field(default_factory=list)


async def measure(config: StartupConfig) -> Section:
    """Rounds of: library floor, bare interpreter, start (cached), start (checkout's way)."""
    found = Measured()
    with tempfile.TemporaryDirectory(prefix="storybot-pycache-") as cache:
        warm = cached_bytecode(Path(cache)) if config.pycache else None
        async with platform_fakes() as fakes:
            for index in range(config.warmup + config.runs):
                keep = index >= config.warmup
                floor = await floor_once(f"import {LIBRARIES}", warm)
                bare = await floor_once("pass", warm)
                run = await start_once(fakes, config.idle, warm)
                if keep:
                    found.floors.append(floor)
                    found.bare.append(bare)
                    found.runs.append(run)
                if config.checkout_way and keep:
                    found.checkout.append(await start_once(fakes, config.idle))
    return _section(found, config)


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _median_timeline(runs: list[StartRun]) -> dict[str, float]:
    names = [name for name in MILESTONES if all(name in run.timeline for run in runs)]
    return {name: _median([run.timeline[name] for run in runs]) for name in names}


def _section(found: Measured, config: StartupConfig) -> Section:
    runs, floors = found.runs, found.floors
    ready = _median([run.ready_s for run in runs])
    rss = _median([run.rss_mb for run in runs])
    library = "import the libraries"
    rows = [
        Row(
            "start-up: exec -> /readyz 200 (median)",
            ready,
            "s",
            _median([floor.seconds for floor in floors]),
            library,
            f"<= {GOAL_READY_S:g} s",
            ready <= GOAL_READY_S,
        ),
        Row(
            f"idle RSS after {config.idle:g} s (median)",
            rss,
            "MB",
            _median([floor.rss_mb for floor in floors]),
            library,
            f"<= {GOAL_RSS_MB:g} MB",
            rss <= GOAL_RSS_MB,
        ),
        Row("bare interpreter: python -c pass", _median([r.seconds for r in found.bare]), "s"),
        Row("bare interpreter RSS", _median([r.rss_mb for r in found.bare]), "MB"),
    ]
    timeline = _median_timeline(runs)
    if "discord gateway READY" in timeline and "discord connected" in timeline:
        wait = timeline["discord connected"] - timeline["discord gateway READY"]
        rows.append(Row("of which: Discord READY -> adapter connected", wait, "s"))
        rows.append(Row("start-up less that wait (derived)", ready - wait, "s"))
    if found.checkout:
        rows.append(
            Row(
                "start-up as this checkout runs (no .pyc cache)",
                _median([run.ready_s for run in found.checkout]),
                "s",
            )
        )
    every = runs + found.checkout
    checks = {
        "all three adapters connected before /readyz said ready": all(
            sorted(run.connected) == PLATFORMS for run in every
        ),
        "SIGTERM stops it with exit status 0": all(run.exit_code == 0 for run in every),
        "no ERROR log lines": not any(run.errors for run in every),
    }
    return Section(
        name="startup",
        title="storybot run with Telegram, Slack (Socket Mode) and Discord on fakes",
        rows=rows,
        checks=checks,
        details={
            "command": " ".join(storybot_command()),
            "floor": f'python -c "import {LIBRARIES}"',
            "bytecode": (
                "warm cache via PYTHONPYCACHEPREFIX (filled by the warm-up round)"
                if config.pycache
                else "as the environment says"
            ),
            "idle_s": config.idle,
            "load_average_at_end": os.getloadavg(),
            "median_timeline_s": timeline,
            "runs": [_run_json(run) for run in runs],
            "checkout_runs": [_run_json(run) for run in found.checkout],
            "floor_runs": [{"seconds": f.seconds, "rss_mb": f.rss_mb} for f in floors],
            "errors": sorted({line for run in every for line in run.errors})[:50],
        },
    )


def _run_json(run: StartRun) -> dict[str, Any]:
    return {
        "ready_s": run.ready_s,
        "rss_mb": run.rss_mb,
        "exit": run.exit_code,
        "timeline_s": run.timeline,
    }


def run(config: StartupConfig | None = None) -> Section:
    """The benchmark as ``python -m bench`` runs the others: synchronously, to a section."""
    return asyncio.run(measure(config or StartupConfig()))


def main(argv: list[str] | None = None) -> int:
    defaults = StartupConfig()
    parser = argparse.ArgumentParser(prog="python -m bench.startup")
    parser.add_argument("--runs", type=int, default=defaults.runs)
    parser.add_argument("--idle", type=float, default=defaults.idle, help="seconds before RSS")
    parser.add_argument("--warmup", type=int, default=defaults.warmup)
    parser.add_argument(
        "--no-checkout-way", action="store_true", help="skip the runs without a .pyc cache"
    )
    parser.add_argument(
        "--no-pycache",
        action="store_true",
        help="no bytecode cache of our own: run as the environment says (quick, for smoke tests)",
    )
    parser.add_argument("--json", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    config = StartupConfig(
        runs=args.runs,
        idle=args.idle,
        warmup=args.warmup,
        checkout_way=not args.no_checkout_way,
        pycache=not args.no_pycache,
    )
    info = machine()  # before the run: it notes the load average at the start
    started = time.perf_counter()
    section = run(config)
    out = table([section], info)
    timeline = section.details["median_timeline_s"]
    out += "\nmedian timeline (s after exec): " + ", ".join(
        f"{name} {seconds:.2f}" for name, seconds in timeline.items()
    )
    sys.stdout.write(out + "\n")
    write_json([section], info, time.perf_counter() - started, args.json)
    return 0 if section.correct else 1


if __name__ == "__main__":
    sys.exit(main())
