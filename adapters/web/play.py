"""Playing in the browser: a WebSocket per page, translated into requests, and the
:class:`WebSurface` the delivery layer writes replies on.

A page says ``{"type": "say", "text": "..."}`` (a line typed as in a DM: ``/story
...`` is a command, anything else steers the story) or ``{"type": "choose", "n":
2, "ref": "..."}`` (a choice button). It first says ``{"type": "resume", "epoch":
..., "after": n}`` so that it gets what it missed (see :mod:`adapters.web.rooms`).
Replies arrive as ``message``/``edit`` events carrying plain text; the page puts
them in the DOM as text, never as HTML.

Every message is checked against the session (it may have ended, or its invite
been revoked), the session's pace, and the socket's size limit; the page's
Origin must be this site's.

A socket speaks the language of the page that opened it (the player's pick, else the
browser's ``Accept-Language``): it is the sender's locale, and the notes below are in it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any

from aiohttp import WSMsgType, web

from adapters.web.guard import Pace
from adapters.web.rooms import Listener, Room, Rooms
from adapters.web.sessions import Session
from adapters.web.site import COOKIE, Problem, Site
from adapters.web.words import page_language
from bot import logs
from bot.commands import Command, Parsed, typed
from bot.delivery import Choices, Limits, deliver
from bot.engine import Engine
from bot.i18n import N_, translator
from bot.identity import ChannelKey, Sender, is_web_room, web_player, web_room
from bot.types import Attachment, Mode, Request, manages, refused

log = logging.getLogger(__name__)

LIMITS = Limits(max_length=20_000, interval=0.15)
"""A browser takes text as fast as it comes; edits are paced only so a long story
does not send hundreds of frames a second."""
ROOM_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
FIRST_MESSAGE_WAIT = 10.0
MOST_RUNNING = 3
"""Replies one page may be waiting for at once (the channel's own queue bounds the rest)."""
MOST_FILE_BYTES = 2_000_000
CLOSE_SIGNED_OUT = 4401
SLOW_DOWN = N_("Slow down a little, please.")
NOT_UNDERSTOOD = N_("That message was not understood.")
CATCH_UP = N_("Wait for the story to catch up.")
CHOSE_OPTION = N_("chose option {number}")


def channel_for(session: Session, room: str | None) -> ChannelKey:
    """A player's own story, or a named room's."""
    if room is None:
        return web_player(session.user_id)
    if not ROOM_NAME.fullmatch(room):
        raise Problem(400, N_("A room name is 1 to 40 lower-case letters, digits and dashes."))
    return web_room(room)


class WebSurface:
    """Replies on a room: messages are events, private ones for the asking session only."""

    def __init__(self, room: Room, asker: str | None) -> None:
        self.room = room
        self.asker = asker

    async def send(self, text: str, *, choices: Choices | None, private: bool) -> Any:
        handle = (self.room.message_id(), self.asker if private else None)
        self.room.publish(
            {"type": "message", "id": handle[0], "text": text, **_choices(choices)},
            handle[1],
        )
        return handle

    async def edit(self, handle: Any, text: str, *, choices: Choices | None) -> None:
        message_id, audience = handle
        self.room.publish(
            {"type": "edit", "id": message_id, "text": text, **_choices(choices)}, audience
        )

    async def typing(self) -> None:
        self.room.publish({"type": "typing"}, keep=False)

    async def attach(self, attachment: Attachment, *, private: bool) -> None:
        content = attachment.content[:MOST_FILE_BYTES].decode("utf-8", "replace")
        self.room.publish(
            {"type": "file", "name": attachment.filename, "text": content},
            self.asker if private else None,
        )

    async def show_tally(self, choices: Choices) -> None:
        self.room.publish({"type": "tally", "ref": choices.ref, "counts": list(choices.counts)})


def _choices(choices: Choices | None) -> dict[str, Any]:
    if choices is None:
        return {"choices": [], "ref": None}
    return {"choices": list(choices.labels), "ref": choices.ref}


@dataclass
class Play:
    site: Site
    engine: Engine
    rooms: Rooms
    spawn: Callable[[Awaitable[None]], None]
    may_play: Callable[[Session], Awaitable[bool]]
    default_language: str = "en"
    """``i18n.default``: for browsers that ask for no language Storybot speaks."""

    async def socket(self, request: web.Request) -> web.StreamResponse:
        session = self.site.session(request)
        if session is None or not await self.may_play(session):
            raise Problem(401, N_("Sign in to play."))
        if not self.site.origin_allowed(request, cors=False):
            raise Problem(403, N_("This page is not one of this site's."))
        channel = channel_for(session, request.query.get("room"))
        room = None if self.rooms.full else self.rooms.get(channel)
        if room is None:
            raise Problem(503, N_("Too many pages are open; try again later."))
        socket = web.WebSocketResponse(heartbeat=30, max_msg_size=self.site.config.message_bytes)
        await socket.prepare(request)
        listener = Listener(socket, session.id)
        language = page_language(request, self.default_language)
        try:
            if await self._join(socket, room, listener, language):
                await self._converse(request, socket, room, listener, session, language)
        finally:
            room.leave(listener)
            await listener.close()
            await socket.close()
        return socket

    async def _join(
        self, socket: web.WebSocketResponse, room: Room, listener: Listener, language: str
    ) -> bool:
        try:
            first = await socket.receive_json(timeout=FIRST_MESSAGE_WAIT)
        except (TypeError, ValueError, TimeoutError):
            await socket.close(code=1008, message=b"say resume first")
            return False
        epoch = str(first.get("epoch") or "") if isinstance(first, dict) else ""
        after = first.get("after") if isinstance(first, dict) else 0
        after = after if isinstance(after, int) and not isinstance(after, bool) else 0
        fresh = not room.events and after == 0
        if self.rooms.full or not room.join(listener, epoch, after):
            await socket.close(code=1013, message=b"room full")
            return False
        if fresh:
            greeting = await self.engine.greeting(room.channel, language=language)
            listener.push({"type": "note", "text": greeting})
        return True

    async def _converse(
        self,
        request: web.Request,
        socket: web.WebSocketResponse,
        room: Room,
        listener: Listener,
        session: Session,
        language: str,
    ) -> None:
        words = translator(language).gettext
        pace = Pace(self.site.config.messages_per_minute)
        running: set[asyncio.Task[None]] = set()
        token = request.cookies.get(COOKIE)
        async for message in socket:
            if message.type is not WSMsgType.TEXT:
                continue
            current = self.site.sessions.get(token)
            if current is None or current is not session or not await self.may_play(session):
                await socket.close(code=CLOSE_SIGNED_OUT, message=b"signed out")
                return
            if not pace.allow():
                listener.push({"type": "note", "text": words(SLOW_DOWN)})
                continue
            built = self._request(message.data, room.channel, session, language)
            if built is None:
                listener.push({"type": "note", "text": words(NOT_UNDERSTOOD)})
                continue
            if len(running) >= MOST_RUNNING:
                listener.push({"type": "note", "text": words(CATCH_UP)})
                continue
            said, req = built
            room.publish({"type": "said", "who": session.name, "text": said})
            task = asyncio.ensure_future(self._answer(req, room, session))
            running.add(task)
            task.add_done_callback(running.discard)
            self.spawn(task)

    def _request(
        self, data: str, channel: ChannelKey, session: Session, language: str = "en"
    ) -> tuple[str, Request] | None:
        try:
            body = json.loads(data)
        except ValueError:
            return None
        if not isinstance(body, dict):
            return None
        shared = is_web_room(channel)
        base = Request(
            channel,
            Sender(session.user_id, session.name, language),
            may_manage=manages if session.operator or not shared else refused,
            shared=shared,
        )
        if body.get("type") == "say" and isinstance(body.get("text"), str):
            text, mode = typed(body["text"])
            if not text and mode is not Mode.COMMAND:
                return None
            return body["text"].strip(), _with(base, text=text, mode=mode)
        number, ref = body.get("n"), body.get("ref")
        if body.get("type") == "choose" and isinstance(number, int) and 0 < number < 100:
            command = Parsed(Command.CHOOSE, str(number))
            chosen = _with(base, command=command, ref=ref if isinstance(ref, str) else None)
            said = translator(language).gettext(CHOSE_OPTION).format(number=number)
            return said, chosen
        return None

    async def _answer(self, request: Request, room: Room, session: Session) -> None:
        trace = logs.bind_request(None, request.platform, request.channel.text)
        stream = self.engine.handle(_with(request, trace_id=trace))
        await deliver(stream, WebSurface(room, session.id), LIMITS)


def _with(request: Request, **changes: Any) -> Request:
    return replace(request, **changes)
