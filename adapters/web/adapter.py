"""The browser as a platform: the story chat, the operator console and ``/api/v1``,
served by the service's own HTTP server.

A player plays exactly as in a DM (``web:<user>``), or in a named room several
browsers share (``web:room:<name>``), where choices are put to a vote. Who may
play is ``web.access``: operators only, invited players, or anyone. The
adapter owns the in-memory parts (sessions, rooms) and asks the core for the
rest (:class:`bot.console.Console`, the engine).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import TYPE_CHECKING

from aiohttp import web

from adapters.web.api import Api
from adapters.web.guard import Attempts, Passwords
from adapters.web.pages import Pages
from adapters.web.play import LIMITS, Play, WebSurface
from adapters.web.rooms import Rooms
from adapters.web.sessions import Session, Sessions
from adapters.web.site import Site
from bot.console import Console
from bot.delivery import Limits
from bot.identity import WEB, ChannelKey

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger(__name__)


class WebAdapter:
    name = WEB

    def __init__(
        self, app: App, web_app: web.Application, *, sessions: Sessions | None = None
    ) -> None:
        config = app.settings.web
        self.config = config
        self.engine = app.engine
        self.console = Console(app.store, app.engine, app.settings, app.metrics)
        self.sessions = sessions or Sessions(
            idle=config.idle_minutes * 60,
            most_age=config.max_session_hours * 3600,
            most=config.max_sessions,
        )
        self.site = Site(config, self.sessions, app.metrics)
        hashed = config.password_hash.get_secret_value() if config.password_hash else None
        self.passwords = Passwords(hashed)
        self.attempts = Attempts(config.signin_attempts)
        sockets = min(config.max_sockets, max(1, app.settings.http.max_connections // 2))
        self.rooms = Rooms(config.max_rooms, config.replay_events, config.room_connections, sockets)
        self._tasks: set[asyncio.Future[None]] = set()
        self.grace = app.settings.shutdown_grace
        language = app.settings.i18n.default
        self.play = Play(self.site, self.engine, self.rooms, self._keep, self.may_play, language)
        self.api = Api(
            self.site, self.console, self.passwords, self.attempts, self.invite_link, self._revoked
        )
        self.pages = Pages(
            self.site, self.console, self.passwords, self.attempts, self.may_play, language
        )
        self.api.routes(web_app)
        self.pages.routes(web_app)
        web_app.router.add_get("/web/ws", self.site.wrap("/web/ws", self.play.socket, api=False))
        app.metrics.track_web(lambda: len(self.sessions), lambda: self.rooms.connections)

    async def may_play(self, session: Session) -> bool:
        """Operators always; players as ``web.access`` allows (a revoked invite no more)."""
        if session.operator:
            return True
        if self.config.access == "operator":
            return False
        if session.invite is not None:
            return await self.console.still_invited(session.invite)
        return self.config.access == "open"

    def invite_link(self, request: web.Request, token: str) -> str:
        base = (
            self.config.public_url
            or f"{'https' if self.site.https(request) else 'http'}://{request.host}"
        )
        return f"{base.rstrip('/')}/web/join/{token}"

    def _revoked(self, invite_id: int) -> None:
        ended = self.sessions.close_where(lambda session: session.invite == invite_id)
        log.info("invite %d revoked; %d session(s) ended", invite_id, ended)

    def _keep(self, work: Awaitable[None]) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Future[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("a browser reply failed", exc_info=task.exception())

    # lifecycle

    async def start(self) -> None:
        log.info("web: access %s; console and API at /web/ and /api/v1", self.config.access)

    async def stop(self) -> None:
        """Let replies being written finish within the grace; close every socket."""
        if self._tasks:
            _, pending = await asyncio.wait(set(self._tasks), timeout=self.grace)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        await self.rooms.close()

    async def surface_for(self, channel: ChannelKey) -> tuple[WebSurface, Limits] | None:
        """A room's surface for posts nobody asked for (a vote closing, the story of the day)."""
        if channel.platform != WEB:
            return None
        room = self.rooms.get(channel)
        return (WebSurface(room, None), LIMITS) if room is not None else None
