"""``storybot run``: every configured platform, one HTTP server, one event loop.

Each platform adapter module exposes ``create(app, web) -> Adapter``; it may add
routes (webhooks) to the shared aiohttp application before the server starts.
Adapters are imported only when configured, so an unused platform library is
never loaded.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import signal
import sys

from aiohttp import web

from bot.app import Adapter, open_app
from bot.config import Settings

log = logging.getLogger(__name__)

HOW_TO_CONFIGURE = """\
No platform is configured, so there is nothing to run. Set at least one of:
  STORYBOT_TELEGRAM__TOKEN      a Telegram bot token from @BotFather
  STORYBOT_SLACK__BOT_TOKEN     a Slack bot token (xoxb-...), with STORYBOT_SLACK__APP_TOKEN
                                for Socket Mode or STORYBOT_SLACK__SIGNING_SECRET for HTTP
  STORYBOT_DISCORD__TOKEN       a Discord bot token
(or the same keys in the TOML file given with --config). To try Storybot without
any platform, run: storybot chat"""


def configured_platforms(settings: Settings) -> list[str]:
    platforms = []
    if settings.telegram.token:
        platforms.append("telegram")
    if settings.slack.bot_token:
        platforms.append("slack")
    if settings.discord.token:
        platforms.append("discord")
    return platforms


async def run_service(settings: Settings) -> int:
    platforms = configured_platforms(settings)
    if not platforms:
        sys.stderr.write(HOW_TO_CONFIGURE + "\n")
        return 2
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with open_app(settings) as app:
        web_app = web.Application()
        web_app.router.add_get("/healthz", lambda _: web.json_response({"status": "ok"}))
        started: list[Adapter] = []
        for name in platforms:
            try:
                module = importlib.import_module(f"adapters.{name}")
                adapter: Adapter = module.create(app, web_app)
                await adapter.start()
            except Exception as exc:
                log.error("the %s adapter could not start: %s", name, exc)
                continue
            started.append(adapter)
            log.info("%s adapter started", name)
        if not started:
            log.error("no platform adapter could start")
            return 1
        runner = web.AppRunner(web_app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, settings.http.host, settings.http.port)
        await site.start()
        log.info("listening on %s:%s", settings.http.host, settings.http.port)
        try:
            await stop.wait()
        finally:
            for adapter in reversed(started):
                with contextlib.suppress(Exception):
                    await adapter.stop()
            await runner.cleanup()
    return 0
