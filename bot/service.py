"""``storybot run``: every configured platform, the scheduler and one HTTP server.

Each platform adapter module exposes ``create(app, web) -> Adapter``; it may
add routes (webhooks) to the aiohttp application it is given, which are served
only if the adapter starts. Adapters are imported only when configured, so an
unused platform library is never loaded, and one that cannot connect is
reported and left out without taking the others down.

Shutdown on SIGTERM or SIGINT: new requests are turned away, stories being
written get ``shutdown_grace`` seconds, then are interrupted (and marked so,
in the chat and in storage); adapters, scheduler, HTTP server and database
close in reverse order of opening.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import importlib
import logging
import signal
import socket
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from aiohttp import web
from aiohttp.typedefs import Handler

from bot.app import Adapter, App, open_app
from bot.commands import Command, Parsed
from bot.config import ConfigError, Settings, secret_values
from bot.delivery import Delivered, deliver
from bot.http_server import HttpServer, PortTaken, bind
from bot.identity import ChannelKey, Sender
from bot.instance import AlreadyRunning, InstanceLock
from bot.leases import Leadership
from bot.platforms import Backoff, CredentialsRefused
from bot.probes import Probes, masking
from bot.redact import Masker
from bot.scheduler import DailyRun, Scheduler
from bot.sdnotify import SystemdNotifier, run_watchdog, watchdog_interval
from bot.types import ReplyKind, ReplyStream, Request
from bot.vote_clock import VoteClock
from storage.base import Subscription
from storage.sqlite import check_path

log = logging.getLogger(__name__)

START_TIMEOUT = 30.0
EXIT_CONFIG = 2
SHUTDOWN_LIMIT = 19.0
"""Seconds from the signal to a closed database, within systemd's and Docker's patience."""

HOW_TO_CONFIGURE = """\
No platform is configured, so there is nothing to run. Set at least one of:
  STORYBOT_TELEGRAM__TOKEN      a Telegram bot token from @BotFather
  STORYBOT_SLACK__BOT_TOKEN     a Slack bot token (xoxb-...), with STORYBOT_SLACK__APP_TOKEN
                                for Socket Mode or STORYBOT_SLACK__SIGNING_SECRET for HTTP
  STORYBOT_DISCORD__TOKEN       a Discord bot token
  STORYBOT_WEB__ENABLED=true    the browser chat and operator console (see "Web" in the README)
(or the same keys in the TOML file given with --config). To try Storybot without
any platform, run: storybot chat"""

AdapterFactory = Callable[[App, web.Application], Adapter]
STORY_OF_THE_DAY = Sender("storybot", "Story of the day")


def configured_platforms(settings: Settings) -> list[str]:
    platforms = []
    if settings.telegram.token:
        platforms.append("telegram")
    if settings.slack.bot_token:
        platforms.append("slack")
    if settings.discord.token:
        platforms.append("discord")
    if settings.web.enabled:
        platforms.append("web")
    return platforms


def default_factory(name: str) -> AdapterFactory:
    module = importlib.import_module(f"adapters.{name}")
    factory: AdapterFactory = module.create
    return factory


@dataclass
class Service:
    """The running bot: what started, and what /readyz reports."""

    app: App
    platforms: list[str]
    factory: Callable[[str], AdapterFactory] = default_factory
    http_app: web.Application = field(default_factory=web.Application)
    adapters: dict[str, Adapter] = field(default_factory=dict)
    """The platforms that are connected."""
    failed: dict[str, str] = field(default_factory=dict)
    """The platforms that are down, with the kind of error (never a library's message)."""
    refused: set[str] = field(default_factory=set)
    """Platforms whose credentials were refused: they stay down until the config is fixed."""
    scheduler: Scheduler | None = None
    leader: Leadership | None = None
    """Whether this instance runs the scheduled jobs, with several on one database."""
    votes: VoteClock | None = None
    runner: HttpServer | None = None
    exit_code: int = 0
    stopping: asyncio.Event = field(default_factory=asyncio.Event)
    backoff: Callable[[], Backoff] = Backoff
    _built: dict[str, Adapter] = field(default_factory=dict)
    _starting: dict[str, asyncio.Task[None]] = field(default_factory=dict)
    _tried: dict[str, asyncio.Event] = field(default_factory=dict)

    def build_web(self) -> None:
        self.http_app.middlewares.append(masking(Masker(secret_values(self.app.settings))))
        Probes(self).add_to(self.http_app)

    def build_adapter(self, name: str) -> None:
        """Make one platform's adapter and serve its routes, answering 503 until it is up.

        Routes must be on the server before it starts (aiohttp freezes its router),
        while the platform may connect much later; a configuration the adapter
        cannot work with (Slack with neither app token nor signing secret) leaves
        it out, refused, as a token would.
        """
        routes = web.Application()
        try:
            adapter = self.factory(name)(self.app, routes)
        except ConfigError as exc:
            self._refused(name, exc)
            return
        self._built[name] = adapter
        for route in routes.router.routes():
            if route.resource is not None:
                self.http_app.router.add_route(
                    route.method, route.resource.canonical, self._while_up(name, route.handler)
                )

    def _while_up(self, name: str, handler: Handler) -> Handler:
        async def guarded(request: web.Request) -> web.StreamResponse:
            if name not in self.adapters:  # the platform delivers again later
                return web.Response(status=503, text=f"{name} is not connected yet")
            return await handler(request)

        return guarded

    def bring_up(self) -> None:
        """Start every built platform in the background, each retried until it connects."""
        for name in self._built:
            self._tried[name] = asyncio.Event()
            self._starting[name] = asyncio.create_task(self._keep_starting(name))

    async def first_attempts(self) -> None:
        """Until every platform has connected or failed once (for readiness and the log)."""
        await asyncio.gather(*(tried.wait() for tried in self._tried.values()))

    async def _keep_starting(self, name: str) -> None:
        adapter, backoff = self._built[name], self.backoff()
        attempt = 0
        while not self.stopping.is_set():
            attempt += 1
            try:
                await asyncio.wait_for(adapter.start(), START_TIMEOUT)
            except CredentialsRefused as exc:
                self._refused(name, exc)
                self._tried[name].set()
                return
            except Exception as exc:  # unreachable, timed out, down: try again later
                wait = backoff.delay()
                self.failed[name] = type(exc).__name__
                self.app.metrics.platform_error(name, "start")
                log.warning(
                    "the %s adapter could not start (attempt %d: %s: %s); trying again in %.0f s",
                    name,
                    attempt,
                    type(exc).__name__,
                    exc,
                    wait,
                )
                self._tried[name].set()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.stopping.wait(), wait)
                continue
            self.failed.pop(name, None)
            self.adapters[name] = adapter
            self._tried[name].set()
            log.info("%s adapter connected", name)
            return
        self._tried[name].set()  # stopped before a first try: start-up must not wait for one

    def _refused(self, name: str, exc: Exception) -> None:
        """Once, clearly; when no platform is left to serve, the service ends with status 2,
        which the systemd unit's RestartPreventExitStatus keeps from a restart loop."""
        self.failed[name] = (
            "credentials refused" if isinstance(exc, CredentialsRefused) else "config"
        )
        self.refused.add(name)
        self.app.metrics.platform_error(name, "start")
        log.error("%s is not started and will not be retried: %s", name, exc)
        if self.refused >= set(self.platforms):
            log.error("no platform is left to serve; fix the configuration and start again")
            self.exit_code = EXIT_CONFIG
            self.stopping.set()

    async def publish(self, sub: Subscription, run: DailyRun) -> bool:
        """The story of the day: a fresh opening from the prompt pool, through the adapter.

        It is the platform event ``run.event``, so it is stored once; run again after an
        instance died posting it, what that one stored is shown instead of a new story."""
        request = Request(
            channel=sub.channel,
            sender=STORY_OF_THE_DAY,
            command=Parsed(Command.RANDOM),
            event_id=run.event,
            retaken=run.again,
        )
        delivered = await self._into(sub.channel, self.app.engine.handle(request))
        return (
            delivered is not None
            and delivered.final is not None
            and (delivered.final.kind is ReplyKind.STORY)
        )

    async def post(self, channel: ChannelKey, stream: ReplyStream) -> bool:
        """A reply nobody asked for in the moment (a vote closing); False if unreachable."""
        return await self._into(channel, stream) is not None

    async def _into(self, channel: ChannelKey, stream: ReplyStream) -> Delivered | None:
        adapter = self.adapters.get(channel.platform)
        target = await adapter.surface_for(channel) if adapter is not None else None
        if target is None:
            log.warning("cannot post to %s: its platform is not connected", channel)
            await stream.aclose()
            return None
        surface, limits = target
        return await deliver(stream, surface, limits)

    async def stop(self) -> None:
        self.stopping.set()
        for task in self._starting.values():
            task.cancel()
        await asyncio.gather(*self._starting.values(), return_exceptions=True)
        for name, adapter in reversed(list(self.adapters.items())):
            try:
                await adapter.stop()
            except Exception as exc:
                log.warning("the %s adapter did not stop cleanly: %s", name, exc)
        if self.votes is not None:
            await self.votes.stop()
        if self.scheduler is not None:
            await self.scheduler.stop()
        if self.leader is not None:
            await self.leader.stop()
        if self.runner is not None:
            await self.runner.stop()


async def run_service(
    settings: Settings,
    *,
    factory: Callable[[str], AdapterFactory] = default_factory,
    stop: asyncio.Event | None = None,
    on_ready: Callable[[Service], None] | None = None,
) -> int:
    """Run until SIGTERM/SIGINT (or ``stop`` is set); the exit status for the CLI."""
    platforms = configured_platforms(settings)
    if not platforms:
        sys.stderr.write(HOW_TO_CONFIGURE + "\n")
        return 2
    shared = settings.database.url is not None
    if not shared:
        check_path(settings.database_path)
    # One `run` per SQLite file; on PostgreSQL several instances are the point.
    lock: contextlib.AbstractContextManager[object] = (
        contextlib.nullcontext() if shared else InstanceLock(settings.database_path)
    )
    try:
        http = settings.http
        with lock, bind(http.host, http.port) as sock:
            return await _until_stopped(settings, platforms, factory, stop, on_ready, sock)
    except AlreadyRunning as exc:
        sys.stderr.write(f"storybot: {exc}\n")
        return 2
    except PortTaken as exc:
        sys.stderr.write(f"storybot: {exc}\n")
        return 1


async def _until_stopped(
    settings: Settings,
    platforms: list[str],
    factory: Callable[[str], AdapterFactory],
    stop: asyncio.Event | None,
    on_ready: Callable[[Service], None] | None,
    sock: socket.socket,
) -> int:
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    signals = (signal.SIGTERM, signal.SIGINT)
    for sig in signals:
        loop.add_signal_handler(sig, stop.set)
    try:
        return await _serve(settings, platforms, factory, stop, on_ready, sock)
    finally:
        for sig in signals:
            loop.remove_signal_handler(sig)


async def _serve(
    settings: Settings,
    platforms: list[str],
    factory: Callable[[str], AdapterFactory],
    stop: asyncio.Event,
    on_ready: Callable[[Service], None] | None,
    sock: socket.socket,
) -> int:
    loop = asyncio.get_running_loop()
    notifier = SystemdNotifier()
    async with open_app(settings) as app:
        service = Service(app, platforms, factory, stopping=stop)
        service.build_web()
        for name in platforms:
            service.build_adapter(name)
        if service.exit_code:
            return service.exit_code
        if app.store.cluster().shared:  # one of the instances runs the scheduled jobs
            service.leader = Leadership(app.store)
            await service.leader.start()
        service.scheduler = Scheduler(
            settings, app.store, app.metrics, service.publish, leader=service.leader
        )
        app.engine.library.on_schedule_change = service.scheduler.reschedule
        server = service.runner = HttpServer(service.http_app, settings.http, sock=sock)
        await server.start()
        app.metrics.track_http(lambda: server.open_connections, lambda: asdict(server.stats))
        await service.scheduler.start()
        service.votes = VoteClock(app.engine, service.post)
        service.bring_up()
        await service.first_attempts()
        await service.votes.start()  # votes left open by a restart close on time
        log.info(
            "serving on %s:%s; connected: %s",
            settings.http.host,
            sock.getsockname()[1],
            ", ".join(service.adapters) or "none yet",
        )
        # What start-up allocated lives as long as the process: keep it out of every
        # collection (CPU per story 4.4 -> 4.0 ms at 1,000 chats, bench/RESULTS.md, 7).
        gc.freeze()
        notifier.ready(f"serving {', '.join(service.adapters) or 'no platform yet'}")
        if on_ready is not None:
            on_ready(service)
        interval = watchdog_interval()
        dog = asyncio.create_task(run_watchdog(notifier, interval)) if interval else None
        try:
            await stop.wait()
        finally:
            log.info("shutting down")
            notifier.stopping()
            deadline = loop.time() + SHUTDOWN_LIMIT
            await app.engine.drain(min(settings.shutdown_grace, SHUTDOWN_LIMIT - 5))
            try:
                await asyncio.wait_for(service.stop(), max(1.0, deadline - loop.time()))
            except TimeoutError:
                log.warning("adapters did not stop in time; closing anyway")
            if dog is not None:
                dog.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await dog
            notifier.close()
    return service.exit_code
