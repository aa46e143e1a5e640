"""Per-channel order with global concurrency.

Each channel key has a lane: turns enter it in arrival order and run one at a
time; different lanes run concurrently. A place in the lane is taken when the
request arrives (synchronously), so order is arrival order even if the caller
awaits something before it starts consuming the reply. Lanes are bounded: a
turn that would wait behind too many others in its channel, or while too many
turns are admitted across all channels, is refused, never silently dropped.
"""

from __future__ import annotations

import asyncio
from collections import deque

from bot.identity import ChannelKey


class LaneFull(Exception):
    """The channel's lane is full."""


class AllFull(LaneFull):
    """Too many turns are admitted across all channels."""


class Slot:
    """A place in a channel's lane; ``wait`` until it is this turn's go, then ``leave``."""

    __slots__ = ("_future", "_key", "_lanes", "_left")

    def __init__(self, lanes: Lanes, key: ChannelKey, future: asyncio.Future[None]) -> None:
        self._lanes = lanes
        self._key = key
        self._future = future
        self._left = False

    async def wait(self) -> None:
        await asyncio.shield(self._future)

    def leave(self) -> None:
        if not self._left:
            self._left = True
            self._lanes._leave(self._key, self._future)


class Lanes:
    def __init__(self, max_waiting: int, max_total: int = 2000) -> None:
        self.max_waiting = max_waiting
        self.max_total = max_total
        self._total = 0
        self._lanes: dict[ChannelKey, deque[asyncio.Future[None]]] = {}
        self._empty = asyncio.Event()
        self._empty.set()

    def enter(self, key: ChannelKey) -> Slot:
        """Take a place in the channel's lane, or raise :class:`LaneFull`."""
        if self._total >= self.max_total:
            raise AllFull(key)
        lane = self._lanes.get(key)
        if lane is None:
            lane = self._lanes[key] = deque()
        if len(lane) > self.max_waiting:  # one running plus max_waiting queued
            raise LaneFull(key)
        self._total += 1
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        lane.append(future)
        self._empty.clear()
        if len(lane) == 1:
            future.set_result(None)
        return Slot(self, key, future)

    def _leave(self, key: ChannelKey, future: asyncio.Future[None]) -> None:
        lane = self._lanes.get(key)
        if lane is None:
            return
        was_head = bool(lane) and lane[0] is future
        try:
            lane.remove(future)
        except ValueError:
            return
        self._total -= 1
        if not lane:
            del self._lanes[key]
            if not self._lanes:
                self._empty.set()
        elif was_head and not lane[0].done():
            lane[0].set_result(None)

    async def wait_empty(self) -> None:
        """Until no turn is running or waiting in any channel."""
        await self._empty.wait()

    @property
    def depth(self) -> int:
        """Turns waiting (not running) across all channels."""
        return sum(len(lane) - 1 for lane in self._lanes.values())
