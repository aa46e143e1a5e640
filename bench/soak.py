"""Soak: ``storybot run`` on all three platforms' fakes at a steady rate for minutes.

The service runs as ``storybot run`` in a child process (so its RSS is its
own, not the fakes' or the load generator's), with the offline storyteller.
This process runs the fakes and sends requests at a fixed rate, round robin
over Telegram (updates fetched by long polling), Slack (Socket Mode
envelopes: DM events and button presses) and Discord (gateway
INTERACTION_CREATE: slash commands and button presses). Every channel goes
through the cycle new, continue, choose, help, choose, continue, ... one
request at a time, so each reply can be recognised: a story turn is complete
when a new message carries its choice buttons, help when its message arrived.

Errors are ERROR/CRITICAL log lines of the service, tracebacks on its stderr
and replies that never came (``reply_timeout``). RSS is read from
``/proc/<pid>/status`` after the warm-up and again at the end, once every
reply is in. PASS: no errors, no missed replies, every tick found a free
channel (the rate was held), and RSS grew by less than 10%.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import os
import sys
import tempfile
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from bench.report import Row, Section, machine, percentile, table, write_json
from bench.startup import (
    PLATFORMS,
    Child,
    Env,
    platform_fakes,
    rss_mb,
    running_service,
)
from tests.fakes import slack_api, telegram_api
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.discord_api import Message as DiscordMessage
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_api import Message as SlackMessage
from tests.fakes.telegram_api import FakeTelegram, Sent

GOAL_RSS_GROWTH = 0.10
RESULTS = Path(__file__).with_name("results-soak.json")
CYCLE = ("new", "continue", "choose", "help", "choose", "continue")
PROMPTS = (
    "a lighthouse keeper finds a door",
    "a dragon who bakes bread",
    "a clockwork city wakes up",
    "two foxes steal the moon",
    "a library that lends dreams",
)
DIRECTIONS = ("the storm grows", "a stranger knocks", "the map is wrong", "someone sings")
GUILD = 700
RSS_EVERY = 5.0


@dataclass(frozen=True, slots=True)
class SoakConfig:
    minutes: float = 5.0
    warmup: float = 30.0
    """Seconds of the same load before the starting RSS is read."""
    rate: float = 5.0
    """Requests per second, all platforms together."""
    channels: int = 12
    """Channels (DMs, guild channels) per platform."""
    reply_timeout: float = 60.0
    chunk_delay: float = 0.01
    """The offline storyteller's pause between chunks."""
    interval: float = 0.25
    """Seconds between a reply's edits on every platform (the default is 1 s)."""


class Replies:
    """Checks waiting for a reply, keyed by chat; the fakes poke a key when it changes."""

    def __init__(self) -> None:
        self._waiting: dict[Hashable, list[tuple[Callable[[], bool], asyncio.Future[float]]]] = {}

    def expect(self, key: Hashable, check: Callable[[], bool]) -> asyncio.Future[float]:
        """A future that gets the ``perf_counter`` time at which ``check()`` first held."""
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self._waiting.setdefault(key, []).append((check, future))
        return future

    def poke(self, key: Hashable) -> None:
        waiting = self._waiting.get(key)
        if not waiting:
            return
        now = time.perf_counter()
        for item in list(waiting):
            check, future = item
            if future.done():
                waiting.remove(item)
            elif check():
                future.set_result(now)
                waiting.remove(item)
        if not waiting:
            del self._waiting[key]


class TrackedTelegram(FakeTelegram):
    """The fake Bot API, keeping each chat's newest message and poking on changes."""

    def __init__(self, replies: Replies) -> None:
        super().__init__()
        self.replies = replies
        self.newest: dict[int, Sent] = {}

    async def _api_sendMessage(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        result = await super()._api_sendMessage(params, files)
        chat = params["chat_id"]
        self.newest[chat] = self.messages[(chat, result["message_id"])]
        self.replies.poke(("telegram", chat))
        return result

    async def _api_editMessageText(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        try:
            return await super()._api_editMessageText(params, files)
        finally:
            self.replies.poke(("telegram", params.get("chat_id")))


class TrackedSlack(FakeSlack):
    """The fake Slack, keeping each conversation's newest message and poking on changes."""

    def __init__(self, replies: Replies, **tokens: str) -> None:
        super().__init__(**tokens)
        self.replies = replies
        self.newest: dict[str, SlackMessage] = {}

    def _chat_postMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        result = super()._chat_postMessage(params)
        if result.get("ok"):
            self.newest[params["channel"]] = self.messages[result["ts"]]
            self.replies.poke(("slack", params["channel"]))
        return result

    def _chat_update(self, params: dict[str, Any]) -> dict[str, Any]:
        result = super()._chat_update(params)
        self.replies.poke(("slack", params.get("channel")))
        return result


class TrackedDiscord(FakeDiscord):
    """The fake Discord, poking the interaction whose message changed."""

    def __init__(self, replies: Replies) -> None:
        super().__init__()
        self.tracker = replies

    def _apply(self, message: DiscordMessage, body: dict[str, Any], files: list[str]) -> None:  # type: ignore[override]
        FakeDiscord._apply(message, body, files)
        if message.token is not None:
            self.tracker.poke(("discord", message.token))


@dataclass(slots=True)
class Channel:
    """One conversation the load goes to, and where its cycle stands."""

    platform: str
    number: int
    step: int = 0
    busy: bool = False
    story: Any = None
    """The newest story message (a fake's message object), for button presses."""

    def next_kind(self) -> str:
        kind = CYCLE[self.step % len(CYCLE)]
        if kind == "choose" and self.story is None:
            kind = "new"
        return kind


@dataclass(slots=True)
class Outcome:
    platform: str
    kind: str
    seconds: float | None
    """None when the reply never came."""


@dataclass(slots=True)
class Load:
    """What the generator did."""

    outcomes: list[Outcome] = field(default_factory=list)
    sent: int = 0
    skipped: int = 0
    rss: list[tuple[float, float]] = field(default_factory=list)
    send_errors: list[str] = field(default_factory=list)


def _has_buttons(message: SlackMessage) -> bool:
    return any(block.get("type") == "actions" for block in message.blocks)


class Driver:
    """Sends one request of a kind on a channel and says how to recognise its reply."""

    def __init__(self, fakes: Any, replies: Replies, config: SoakConfig) -> None:
        self.replies = replies
        self.tg: TrackedTelegram = fakes.telegram
        self.slack: TrackedSlack = fakes.slack
        self.discord: TrackedDiscord = fakes.discord
        self.config = config
        self.words = itertools.count()
        self.interaction_ids = itertools.count(1_200_000_000_000_000_000)

    def _prompt(self) -> str:
        return PROMPTS[next(self.words) % len(PROMPTS)]

    def _direction(self) -> str:
        return DIRECTIONS[next(self.words) % len(DIRECTIONS)]

    async def send(self, channel: Channel, kind: str) -> asyncio.Future[float]:
        sender = getattr(self, f"_{channel.platform}")
        future: asyncio.Future[float] = await sender(channel, kind)
        return future

    # Telegram: DMs with chat ids 5001...

    async def _telegram(self, channel: Channel, kind: str) -> asyncio.Future[float]:
        chat = 5000 + channel.number
        before = self.tg.newest.get(chat)
        story = kind != "help"

        def done() -> bool:
            newest = self.tg.newest.get(chat)
            if newest is None or newest is before:
                return False
            if story and newest.reply_markup:
                channel.story = newest
            return bool(newest.reply_markup) or not story

        future = self.replies.expect(("telegram", chat), done)
        if kind == "choose":
            pressed: Sent = channel.story
            rows = pressed.reply_markup["inline_keyboard"]
            data = rows[channel.step % len(rows)][0]["callback_data"]
            update = telegram_api.callback(data, self.tg.message_json(pressed), user_id=chat)
        else:
            text = {
                "new": f"/story new {self._prompt()}",
                "continue": self._direction(),
                "help": "/help",
            }[kind]
            update = telegram_api.message(text, chat_id=chat, user_id=chat)
        await self.tg.inject(update)
        return future

    # Slack: DM conversations D1..., over Socket Mode

    async def _slack(self, channel: Channel, kind: str) -> asyncio.Future[float]:
        conversation, user = f"D{channel.number}", f"U{channel.number}"
        before = self.slack.newest.get(conversation)
        story = kind != "help"

        def done() -> bool:
            newest = self.slack.newest.get(conversation)
            if newest is None or newest is before:
                return False
            if story and _has_buttons(newest):
                channel.story = newest
            return _has_buttons(newest) or not story

        future = self.replies.expect(("slack", conversation), done)
        if kind == "choose":
            pressed: SlackMessage = channel.story
            buttons = next(b for b in pressed.blocks if b["type"] == "actions")["elements"]
            number = 1 + channel.step % len(buttons)
            payload = slack_api.block_actions(self.slack.url("/"), pressed, number, user=user)
            await self.slack.push("interactive", payload)
        else:
            text = {"new": f"new {self._prompt()}", "continue": self._direction(), "help": "help"}
            event = slack_api.message(text[kind], channel=conversation, user=user)
            await self.slack.push("events_api", slack_api.event_callback(event))
        return future

    # Discord: guild channels 801..., slash commands and buttons

    async def _discord(self, channel: Channel, kind: str) -> asyncio.Future[float]:
        interaction_id = next(self.interaction_ids)
        token = f"itoken-{interaction_id}"
        story = kind != "help"

        def done() -> bool:
            # The fake registers the interaction before it dispatches it.
            interaction = self.discord.interactions.get(interaction_id)
            original = interaction.original if interaction is not None else None
            if original is None or original.loading or not original.content:
                return False
            if story and original.custom_ids:
                channel.story = original
            return bool(original.custom_ids) or not story

        future = self.replies.expect(("discord", token), done)
        user_id = 500 + channel.number
        if kind == "choose":
            pressed: DiscordMessage = channel.story
            payload = self.discord.interaction_payload(
                kind=3,
                data={
                    "custom_id": pressed.custom_ids[channel.step % len(pressed.custom_ids)],
                    "component_type": 2,
                },
                channel_id=pressed.channel_id,
                message=pressed,
                interaction_id=interaction_id,
                token=token,
                user_id=user_id,
                guild_id=GUILD,
            )
            await self.discord.dispatch("INTERACTION_CREATE", payload)
        else:
            path, options = {
                "new": ("story new", {"prompt": self._prompt()}),
                "continue": ("story continue", {"direction": self._direction()}),
                "help": ("story help", None),
            }[kind]
            await self.discord.slash(
                path,
                options,
                channel_id=800 + channel.number,
                interaction_id=interaction_id,
                user_id=user_id,
                guild_id=GUILD,
            )
        self.replies.poke(("discord", token))  # it may have been answered while we dispatched
        return future


async def _one(driver: Driver, channel: Channel, load: Load) -> None:
    kind = channel.next_kind()
    channel.busy = True
    started = time.perf_counter()
    try:
        future = await driver.send(channel, kind)
        load.sent += 1
        try:
            finished = await asyncio.wait_for(future, driver.config.reply_timeout)
            seconds: float | None = finished - started
        except TimeoutError:
            seconds = None
        load.outcomes.append(Outcome(channel.platform, kind, seconds))
    except Exception as exc:  # a broken request is reported, not fatal to the soak
        load.send_errors.append(f"{channel.platform} {kind}: {type(exc).__name__}: {exc}")
    finally:
        channel.step += 1
        channel.busy = False


async def generate(
    driver: Driver, channels: dict[str, list[Channel]], seconds: float, load: Load
) -> None:
    """Send ``rate`` requests a second for ``seconds``, round robin over the platforms."""
    loop = asyncio.get_running_loop()
    period = 1 / driver.config.rate
    start = loop.time()
    tasks: set[asyncio.Task[None]] = set()
    platforms = itertools.cycle(PLATFORMS)
    for tick in itertools.count():
        due = start + tick * period
        if due - start >= seconds:
            break
        await asyncio.sleep(max(0.0, due - loop.time()))
        pool = channels[next(platforms)]
        free = [channel for channel in pool if not channel.busy]
        if not free:
            load.skipped += 1
            continue
        channel = min(free, key=lambda c: c.step)
        channel.busy = True
        task = asyncio.create_task(_one(driver, channel, load))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    if tasks:
        await asyncio.gather(*tasks)


async def watch_rss(child: Child, load: Load, started: float) -> None:
    while True:
        with contextlib.suppress(OSError, ValueError):
            load.rss.append((round(time.perf_counter() - started, 1), rss_mb(child.pid)))
        await asyncio.sleep(RSS_EVERY)


def service_settings(config: SoakConfig) -> dict[str, str]:
    interval = str(config.interval)
    return {
        "STORYBOT_OFFLINE__CHUNK_DELAY": str(config.chunk_delay),
        "STORYBOT_TELEGRAM__PRIVATE_INTERVAL": interval,
        "STORYBOT_TELEGRAM__GROUP_INTERVAL": interval,
        "STORYBOT_SLACK__EDIT_INTERVAL": interval,
        "STORYBOT_DISCORD__EDIT_INTERVAL": interval,
    }


@dataclass(slots=True)
class SoakResult:
    load: Load
    rss_start: float
    rss_end: float
    errors: list[str]
    warnings: list[str]
    exit_code: int
    seconds: float
    api_errors: dict[str, int]


async def soak(config: SoakConfig, extra: Env | None = None) -> SoakResult:
    """Start the service, warm it up, run the load, and collect what happened."""
    load = Load()
    replies = Replies()
    tracked = (partial(TrackedTelegram, replies), partial(TrackedSlack, replies))
    async with platform_fakes(*tracked, partial(TrackedDiscord, replies)) as fakes:
        driver = Driver(fakes, replies, config)
        channels = {
            platform: [Channel(platform, n) for n in range(1, config.channels + 1)]
            for platform in PLATFORMS
        }
        with tempfile.TemporaryDirectory(prefix="storybot-soak-") as name:
            env: dict[str, str | None] = {**service_settings(config), **(extra or {})}
            async with running_service(fakes, Path(name), env) as child:
                started = time.perf_counter()
                watcher = asyncio.create_task(watch_rss(child, load, started))
                try:
                    await generate(driver, channels, config.warmup, load)
                    rss_start = rss_mb(child.pid)
                    await generate(driver, channels, config.minutes * 60, load)
                    rss_end = rss_mb(child.pid)
                finally:
                    watcher.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await watcher
                seconds = time.perf_counter() - started
            code = child.process.returncode if child.process.returncode is not None else -1
            errors = child.error_lines()
            warnings = child.lines_at("WARNING")
        api_errors = _api_errors(fakes.telegram, fakes.slack)
    return SoakResult(load, rss_start, rss_end, errors, warnings, code, seconds, api_errors)


def _api_errors(tg: FakeTelegram, slack: FakeSlack) -> dict[str, int]:
    """Error answers the fakes gave (e.g. "message is not modified"), by description."""
    counts: dict[str, int] = {}
    for call in tg.calls:
        if "_error" in call.params:
            key = f"telegram {call.method}: {call.params['_error'][:60]}"
            counts[key] = counts.get(key, 0) + 1
    for api_call in slack.calls:
        if api_call.error:
            key = f"slack {api_call.method}: {api_call.error}"
            counts[key] = counts.get(key, 0) + 1
    return counts


def section(result: SoakResult, config: SoakConfig) -> Section:
    load = result.load
    replied = [o for o in load.outcomes if o.seconds is not None]
    missing = [o for o in load.outcomes if o.seconds is None]
    growth = (result.rss_end - result.rss_start) / result.rss_start
    latencies = [o.seconds for o in replied if o.seconds is not None]
    error_count = len(result.errors) + len(load.send_errors)
    rows = [
        Row("requests sent", load.sent, ""),
        Row("replies completed", len(replied), ""),
        Row("missing replies", len(missing), "", goal="0", ok=not missing),
        Row("errors (log lines, tracebacks, send failures)", error_count, "", goal="0",
            ok=error_count == 0),
        Row("ticks without a free channel", load.skipped, "", goal="0", ok=load.skipped == 0),
        Row("RSS after warm-up", result.rss_start, "MB"),
        Row("RSS at the end", result.rss_end, "MB", result.rss_start, "after warm-up"),
        Row("RSS growth", growth * 100, "%", goal=f"< {GOAL_RSS_GROWTH * 100:g} %",
            ok=growth < GOAL_RSS_GROWTH),
    ]  # fmt: skip
    if latencies:
        rows += [
            Row("reply time p50 (request -> final reply)", percentile(latencies, 50), "s"),
            Row("reply time p99", percentile(latencies, 99), "s"),
        ]
    by_kind: dict[str, dict[str, int]] = {}
    for outcome in load.outcomes:
        counts = by_kind.setdefault(f"{outcome.platform} {outcome.kind}", {"sent": 0, "ok": 0})
        counts["sent"] += 1
        counts["ok"] += outcome.seconds is not None
    passed = not missing and error_count == 0 and load.skipped == 0 and growth < GOAL_RSS_GROWTH
    checks = {"every request got its reply": not missing and bool(load.outcomes)}
    if config.minutes * 60 + config.warmup >= 60:  # long enough for every channel's cycle
        kinds = len(PLATFORMS) * len(set(CYCLE))
        checks["every platform and kind was exercised"] = len(by_kind) == kinds
    checks["SIGTERM stops it with exit status 0"] = result.exit_code == 0
    checks["PASS"] = passed
    return Section(
        name="soak",
        title=f"storybot run, {config.rate:g} requests/s over three platforms",
        rows=rows,
        checks=checks,
        details={
            "config": {
                "minutes": config.minutes,
                "warmup_s": config.warmup,
                "rate_per_s": config.rate,
                "channels_per_platform": config.channels,
                "reply_timeout_s": config.reply_timeout,
                "chunk_delay_s": config.chunk_delay,
                "edit_interval_s": config.interval,
            },
            "seconds": round(result.seconds, 1),
            "by_kind": by_kind,
            "missing": [f"{o.platform} {o.kind}" for o in missing][:50],
            "errors": (result.errors + load.send_errors)[:50],
            "warnings": sorted(set(result.warnings))[:30],
            "warning_lines": len(result.warnings),
            "platform_api_errors": result.api_errors,
            "rss_series_mb": load.rss,
            "load_average_at_end": os.getloadavg(),
        },
    )


def run(config: SoakConfig | None = None) -> Section:
    """The benchmark as ``python -m bench`` runs the others: synchronously, to a section."""
    config = config or SoakConfig()
    return section(asyncio.run(soak(config)), config)


def main(argv: list[str] | None = None) -> int:
    defaults = SoakConfig()
    parser = argparse.ArgumentParser(prog="python -m bench.soak")
    parser.add_argument("--minutes", type=float, default=defaults.minutes)
    parser.add_argument("--warmup", type=float, default=defaults.warmup, help="seconds")
    parser.add_argument("--rate", type=float, default=defaults.rate, help="requests per second")
    parser.add_argument("--channels", type=int, default=defaults.channels, help="per platform")
    parser.add_argument("--chunk-delay", type=float, default=defaults.chunk_delay)
    parser.add_argument("--interval", type=float, default=defaults.interval, help="edit spacing")
    parser.add_argument("--reply-timeout", type=float, default=defaults.reply_timeout)
    parser.add_argument("--json", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    config = SoakConfig(
        minutes=args.minutes,
        warmup=args.warmup,
        rate=args.rate,
        channels=args.channels,
        reply_timeout=args.reply_timeout,
        chunk_delay=args.chunk_delay,
        interval=args.interval,
    )
    info = machine()  # before the run: it notes the load average at the start
    started = time.perf_counter()
    found = run(config)
    verdict = "PASS" if found.checks["PASS"] else "FAIL"
    sys.stdout.write(table([found], info) + f"\n{verdict}\n")
    write_json([found], info, time.perf_counter() - started, args.json)
    return 0 if found.checks["PASS"] else 1


if __name__ == "__main__":
    sys.exit(main())
