"""What a store for one process does about other instances: nothing, cheaply.

SQLite is the store of one ``storybot run`` (``bot/instance.py`` makes sure of
it), so a turn's place in its channel's order is its place in the process's
lane, every scheduled run is this process's to make, and every lease is its own.
The PostgreSQL store does these for real (``storage/postgres_cluster.py``).
"""

from __future__ import annotations

import os
import socket
from types import TracebackType

from bot.identity import ChannelKey
from storage.base import ChannelTurn, ClusterState, Local, RunClaim


def default_instance_name() -> str:
    """Host name and process id: unique among processes, readable in a metric label."""
    return f"{socket.gethostname()}-{os.getpid()}"


class LaneTurn:
    """A turn ordered by the process's lane alone."""

    __slots__ = ("_local",)

    def __init__(self, local: Local) -> None:
        self._local = local

    async def __aenter__(self) -> None:
        await self._local()

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        return None

    async def aclose(self) -> None:
        return None


class SingleProcess:
    """The coordination roles of :class:`storage.base.Store` for a store only one process uses."""

    instance_name: str = ""

    def channel_turn(self, channel: ChannelKey, event: str | None, *, local: Local) -> ChannelTurn:
        return LaneTurn(local)

    async def claim_run(self, job: str, due: float) -> RunClaim:
        return RunClaim.FIRST

    async def finish_run(self, job: str, due: float) -> None:
        return None

    async def take_lease(self, name: str, seconds: float) -> bool:
        return True

    async def drop_lease(self, name: str) -> None:
        return None

    async def reserve(self, platform: str, places: list[tuple[str, ChannelKey]]) -> None:
        return None

    def cluster(self) -> ClusterState:
        return ClusterState(self.instance_name or default_instance_name(), shared=False)
