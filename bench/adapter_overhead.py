"""Adapter overhead: a Telegram update to the first ``sendMessage``, Storybot against a bare echo.

Both sides are real python-telegram-bot ``Application`` objects built with the
same settings (concurrent updates, no job queue, long polling running against
the same fake Bot API on loopback). Polling latency would swamp a few
milliseconds, so updates are not fetched from the fake: each one is built with
``Update.de_json`` and put straight on ``application.update_queue``, the queue
polling fills. The clock starts just before that ``put`` and stops when the
fake receives the ``sendMessage`` request, so both sides pay for PTB's
dispatch, one HTTP round trip's client half and the fake's request parsing;
what differs is what runs in between.

- echo: a ``MessageHandler`` that calls ``message.reply_text(message.text)``;
- Storybot: the real adapter (``adapters.telegram.create``) and the real
  engine, SQLite store, memory and metrics, with an instant storyteller
  (:class:`tests.fakes.provider.ScriptedProvider`, no delay, one chunk), for a
  plain DM message that continues the chat's story, and for ``/story <prompt>``
  that starts a new one.

Samples are interleaved (echo, Storybot, Storybot-new, then the next round in
another order), so background load hits all sides alike; each update is
handled completely (``update_queue.join()``: the final edit with buttons and
the engine's memory upkeep included) before the next is sent, so this is
latency, not throughput.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from aiohttp import web
from pydantic import SecretStr
from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from adapters.telegram.processing import Deliveries
from bench.report import Row, Section, machine, percentile, table, write_json
from bot.app import App
from bot.config import Settings, TelegramConfig
from bot.engine import Engine
from bot.memory import Memory, offline_summariser
from bot.metrics import MeteredProvider, Metrics
from storage.sqlite import SqliteStore
from tests.fakes.provider import ScriptedProvider
from tests.fakes.telegram_api import FakeTelegram, message

GOAL_P50_DIFF_MS = 5.0
TOKEN = "123:BENCH"
RESULTS = Path(__file__).with_name("results-adapter_overhead.json")
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
POLL_TIMEOUT = 10
STORY_CHATS = 8
"""DM chats the continue turns rotate over, so no story grows past a few dozen parts."""
WAIT = 30.0


@dataclass(frozen=True, slots=True)
class AdapterOverheadConfig:
    samples: int = 300
    warmup: int = 50


class TimedTelegram(FakeTelegram):
    """The fake Bot API, noting when the next ``sendMessage`` request arrives."""

    def __init__(self) -> None:
        super().__init__()
        self.arrival: asyncio.Future[int] | None = None

    async def _dispatch(self, request: web.Request) -> web.Response:
        waiting = self.arrival
        if request.match_info["method"] == "sendMessage" and waiting and not waiting.done():
            waiting.set_result(time.perf_counter_ns())
        return await super()._dispatch(request)


@dataclass(slots=True)
class Side:
    """One application under test, how to make its next update, and what it measured."""

    name: str
    application: Application[Any, Any, Any, Any, Any, Any]
    next_update: Callable[[], dict[str, Any]]
    check: Callable[[dict[str, Any]], bool]
    """Did the bot answer this update as it should (read back from the fake)?"""
    deliveries: Deliveries | None = None
    samples: list[int] = field(default_factory=list)
    failures: int = 0


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.message is not None and update.message.text:
        await update.message.reply_text(update.message.text)


def _builder(tg: FakeTelegram) -> Any:
    """The settings both sides share, as the Storybot adapter sets them."""
    return (
        Application.builder()
        .token(TOKEN)
        .base_url(tg.base_url)
        .base_file_url(tg.file_base_url)
        .concurrent_updates(True)
        .job_queue(None)
    )


async def start_echo(tg: FakeTelegram) -> Application[Any, Any, Any, Any, Any, Any]:
    """The floor: PTB answering a text with itself, polling like the adapter does."""
    application = _builder(tg).build()
    application.add_handler(
        MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND, _echo)
    )
    await application.initialize()
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(
        timeout=timedelta(seconds=POLL_TIMEOUT), allowed_updates=ALLOWED_UPDATES
    )
    return application


async def stop_application(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    updater = application.updater
    if updater is not None and updater.running:
        await updater.stop()
    if application.running:
        await application.stop()
    await application.shutdown()


def storybot_app(tg: FakeTelegram, db: Path, store: SqliteStore) -> App:
    """The app as ``open_app`` wires it (metrics included), with an instant storyteller."""
    settings = Settings(
        database_path=str(db),
        telegram=TelegramConfig(
            token=SecretStr(TOKEN),
            api_base_url=tg.base_url,
            file_base_url=tg.file_base_url,
            # No pause before the final edit: it is not measured, but it would make
            # every sample wait a second before the next one could start.
            private_interval=0,
            group_interval=0,
            poll_timeout=POLL_TIMEOUT,
        ),
    )
    metrics = Metrics()
    provider = ScriptedProvider(chunk=100_000)
    memory = Memory(store, settings.story, offline_summariser(settings.story.summary_tokens * 4))
    metered = MeteredProvider(provider, metrics, "offline")
    engine = Engine(store, metered, settings.story, memory, seed=1, observer=metrics)
    return App(settings, store, provider, engine, metrics)


def _last_text(tg: FakeTelegram, chat_id: int) -> tuple[str, bool]:
    sent = tg.sent_to(chat_id)
    return (sent[-1].text, bool(sent[-1].reply_markup)) if sent else ("", False)


async def _sample(tg: TimedTelegram, side: Side, keep: bool) -> None:
    data = side.next_update()
    update = Update.de_json(data, side.application.bot)
    arrival: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    tg.arrival = arrival
    started = time.perf_counter_ns()
    await side.application.update_queue.put(update)
    try:
        arrived = await asyncio.wait_for(arrival, WAIT)
    except TimeoutError:
        side.failures += 1
        return
    finally:
        tg.arrival = None
    await asyncio.wait_for(side.application.update_queue.join(), WAIT)
    if side.deliveries is not None:  # Storybot delivers beside PTB's processing slot
        await asyncio.wait_for(side.deliveries.idle(), WAIT)
    if not side.check(data):
        side.failures += 1
    if keep:
        side.samples.append(arrived - started)


def spread(samples: list[int]) -> dict[str, float]:
    """Milliseconds: the figures the table and the JSON report."""
    ms = [sample / 1e6 for sample in samples]
    return {
        "min": min(ms),
        "p50": percentile(ms, 50),
        "p90": percentile(ms, 90),
        "p99": percentile(ms, 99),
        "max": max(ms),
        "mean": sum(ms) / len(ms),
        "samples": len(ms),
    }


async def measure(config: AdapterOverheadConfig) -> Section:
    """Run the interleaved samples and build the section."""
    from adapters.telegram import create

    update_ids = itertools.count(1)
    chats = itertools.cycle(range(1, STORY_CHATS + 1))
    new_chats = itertools.count(10_001)

    def numbered(update: dict[str, Any]) -> dict[str, Any]:
        update["update_id"] = next(update_ids)
        return update

    async with TimedTelegram() as tg:
        with tempfile.TemporaryDirectory(prefix="storybot-bench-") as folder:
            db = Path(folder) / "bench.db"
            store = SqliteStore(str(db))
            await store.open()
            echo_app = await start_echo(tg)
            adapter = create(storybot_app(tg, db, store), web.Application())
            await adapter.start()
            try:
                for chat in range(1, STORY_CHATS + 1):  # every continue turn has a story
                    update = Update.de_json(
                        numbered(message("/story a lighthouse keeper", chat_id=chat, user_id=chat)),
                        adapter.bot,
                    )
                    await adapter.application.update_queue.put(update)
                    await asyncio.wait_for(adapter.application.update_queue.join(), WAIT)

                def echo_update() -> dict[str, Any]:
                    chat = 20_000 + next(update_ids) % STORY_CHATS
                    return numbered(message("the oven explodes", chat_id=chat, user_id=chat))

                def echoed(data: dict[str, Any]) -> bool:
                    sent = data["message"]
                    return _last_text(tg, sent["chat"]["id"])[0] == sent["text"]

                def continue_update() -> dict[str, Any]:
                    chat = next(chats)
                    return numbered(message("the oven explodes", chat_id=chat, user_id=chat))

                def new_update() -> dict[str, Any]:
                    chat = next(new_chats)
                    return numbered(message("/story a dragon", chat_id=chat, user_id=chat))

                def story_part(data: dict[str, Any]) -> bool:
                    text, buttons = _last_text(tg, data["message"]["chat"]["id"])
                    return text.startswith("Part ") and "\n1. Go left" in text and buttons

                sides = [
                    Side("echo", echo_app, echo_update, echoed),
                    Side(
                        "storybot",
                        adapter.application,
                        continue_update,
                        story_part,
                        adapter.deliveries,
                    ),
                    Side(
                        "storybot-new",
                        adapter.application,
                        new_update,
                        story_part,
                        adapter.deliveries,
                    ),
                ]
                gc.collect()
                for round_ in range(config.warmup + config.samples):
                    turn = round_ % len(sides)
                    for side in sides[turn:] + sides[:turn]:
                        await _sample(tg, side, keep=round_ >= config.warmup)
            finally:
                await adapter.stop()
                await stop_application(echo_app)
                await store.close()
    return _section(sides, config)


def _section(sides: list[Side], config: AdapterOverheadConfig) -> Section:
    _, story, new = sides
    stats = {side.name: spread(side.samples) for side in sides}
    base = stats["echo"]
    rows = []
    for side, label in ((story, "continue (DM text)"), (new, "new story (/story)")):
        mine = stats[side.name]
        diff = mine["p50"] - base["p50"]
        rows += [
            Row(
                f"p50 update -> first sendMessage, {label}", mine["p50"], "ms", base["p50"], "echo"
            ),
            Row(
                f"p99 update -> first sendMessage, {label}", mine["p99"], "ms", base["p99"], "echo"
            ),
            Row(
                f"p50 difference to echo, {label}",
                diff,
                "ms",
                goal=f"<= {GOAL_P50_DIFF_MS:g} ms",
                ok=diff <= GOAL_P50_DIFF_MS,
            ),
        ]
    checks = {
        f"{side.name}: every update answered correctly ({len(side.samples)} kept)": (
            side.failures == 0 and len(side.samples) == config.samples
        )
        for side in sides
    }
    return Section(
        name="adapter_overhead",
        title="Telegram update to first sendMessage: Storybot vs a bare PTB echo",
        rows=rows,
        checks=checks,
        details={
            "method": "Update.de_json + application.update_queue.put (polling running, idle);"
            " clock stops when the fake Bot API receives sendMessage",
            "samples": config.samples,
            "warmup": config.warmup,
            "load_average_at_end": os.getloadavg(),
            "stats_ms": stats,
        },
    )


def run(config: AdapterOverheadConfig | None = None) -> Section:
    """The benchmark as ``python -m bench`` runs the others: synchronously, to a section."""
    return asyncio.run(measure(config or AdapterOverheadConfig()))


def main(argv: list[str] | None = None) -> int:
    defaults = AdapterOverheadConfig()
    parser = argparse.ArgumentParser(prog="python -m bench.adapter_overhead")
    parser.add_argument("--samples", type=int, default=defaults.samples)
    parser.add_argument("--warmup", type=int, default=defaults.warmup)
    parser.add_argument("--json", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    config = AdapterOverheadConfig(samples=args.samples, warmup=args.warmup)
    info = machine()  # before the run: it notes the load average at the start
    started = time.perf_counter()
    section = run(config)
    sys.stdout.write(table([section], info))
    write_json([section], info, time.perf_counter() - started, args.json)
    return 0 if section.correct else 1


if __name__ == "__main__":
    sys.exit(main())
