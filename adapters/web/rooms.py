"""Rooms: the browsers watching one channel, and what they may have missed.

A player alone and a named room are both a :class:`Room` on their channel key;
every reply, every line a player types and every vote count is an event,
numbered and kept in a bounded replay buffer, and handed to each connection's
bounded queue. A page that lost its WebSocket comes back with the last number
it saw and gets what it missed; if that fell out of the buffer, or the process
restarted (a new ``epoch``), it is told to start over from what is kept.

Bounds: rooms in memory (the least recently used empty room is dropped),
connections per room, events kept per room, and messages queued per connection
(a connection that cannot keep up is closed, and resumes when it reconnects).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import secrets
from collections import OrderedDict, deque
from dataclasses import dataclass
from typing import Any, Protocol

from bot.identity import ChannelKey

log = logging.getLogger(__name__)

QUEUED = 256
"""Events waiting to be written to one browser before it counts as too slow."""
CLOSE_SLOW = 4008
"""The close code a page takes as "reconnect and resume" after falling behind."""

Body = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Event:
    seq: int
    body: Body
    audience: str | None
    """The one session it is for (a private reply), or None for everyone in the room."""

    def for_session(self, session: str) -> bool:
        return self.audience is None or self.audience == session


class Socket(Protocol):
    """What a listener needs of aiohttp's ``WebSocketResponse``."""

    async def send_json(self, data: Any) -> None: ...

    async def close(self, *, code: int = ..., message: bytes = ...) -> bool: ...


class Listener:
    """One WebSocket in a room: a bounded queue and the task that writes it out."""

    def __init__(self, socket: Socket, session: str) -> None:
        self.socket = socket
        self.session = session
        self.queue: asyncio.Queue[Body] = asyncio.Queue(QUEUED)
        self._writer = asyncio.create_task(self._write())
        self._closing: asyncio.Future[bool] | None = None

    def push(self, body: Body) -> None:
        try:
            self.queue.put_nowait(body)
        except asyncio.QueueFull:
            log.info("a browser fell %d events behind; closing it to resume later", QUEUED)
            self._writer.cancel()
            self._closing = asyncio.ensure_future(
                self.socket.close(code=CLOSE_SLOW, message=b"too far behind")
            )

    async def _write(self) -> None:
        with contextlib.suppress(ConnectionError, RuntimeError):
            while True:
                await self.socket.send_json(await self.queue.get())

    async def close(self) -> None:
        self._writer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._writer


class Room:
    def __init__(self, channel: ChannelKey, keep: int, most_listeners: int) -> None:
        self.channel = channel
        self.epoch = secrets.token_hex(6)
        self.events: deque[Event] = deque(maxlen=keep)
        self.listeners: set[Listener] = set()
        self.most_listeners = most_listeners
        self.seq = 0
        self._ids = itertools.count(1)

    def message_id(self) -> int:
        return next(self._ids)

    def publish(self, body: Body, audience: str | None = None, *, keep: bool = True) -> None:
        """Hand an event to everyone it is for, and keep it for pages that come back."""
        if keep:
            self.seq += 1
            body = {**body, "seq": self.seq}
            self.events.append(Event(self.seq, body, audience))
        for listener in list(self.listeners):
            if audience is None or listener.session == audience:
                listener.push(body)

    def join(self, listener: Listener, epoch: str, after: int) -> bool:
        """Add a connection, first queueing what it missed since event ``after`` of ``epoch``
        (or a reset and everything kept). False when the room is full."""
        if len(self.listeners) >= self.most_listeners:
            return False
        oldest = self.events[0].seq if self.events else self.seq + 1
        whole = epoch != self.epoch or after < oldest - 1 or after > self.seq
        if whole:
            listener.push({"type": "reset", "epoch": self.epoch})
            after = 0
        for event in self.events:
            if event.seq > after and event.for_session(listener.session):
                listener.push(event.body)
        listener.push({"type": "ready", "epoch": self.epoch, "seq": self.seq})
        self.listeners.add(listener)
        return True

    def leave(self, listener: Listener) -> None:
        self.listeners.discard(listener)


class Rooms:
    """Every room in memory, bounded; an empty room may be dropped for a new one."""

    def __init__(self, most: int, keep: int, most_listeners: int, most_sockets: int) -> None:
        self.most = most
        self.keep = keep
        self.most_listeners = most_listeners
        self.most_sockets = most_sockets
        """WebSockets across all rooms: each holds one of the HTTP server's connections,
        and a webhook or a health check must always find one free."""
        self._rooms: OrderedDict[ChannelKey, Room] = OrderedDict()

    @property
    def connections(self) -> int:
        return sum(len(room.listeners) for room in self._rooms.values())

    @property
    def full(self) -> bool:
        return self.connections >= self.most_sockets

    def get(self, channel: ChannelKey) -> Room | None:
        """The channel's room, opened if need be; None when every room is in use."""
        room = self._rooms.get(channel)
        if room is not None:
            self._rooms.move_to_end(channel)
            return room
        if len(self._rooms) >= self.most:
            idle = next((key for key, r in self._rooms.items() if not r.listeners), None)
            if idle is None:
                return None
            del self._rooms[idle]
        room = self._rooms[channel] = Room(channel, self.keep, self.most_listeners)
        return room

    async def close(self) -> None:
        """Close every connection with "going away": pages reconnect to a new process."""
        for room in self._rooms.values():
            for listener in list(room.listeners):
                await listener.close()
                with contextlib.suppress(ConnectionError, RuntimeError):
                    await listener.socket.close(code=1001, message=b"server stopping")
            room.listeners.clear()
