"""One leader among the instances on a shared database: the one that runs scheduled jobs.

The leader holds a named lease in PostgreSQL (:meth:`LeaseStore.take_lease`)
and renews it every :data:`RENEW_EVERY` seconds; it lasts :data:`LEASE_SECONDS`
and ends early if the holder's heartbeat runs out, so when the leader dies
another instance leads within about 15 s. Leading is not what makes a job run
once: each run is also claimed in the database for its due time
(:meth:`ScheduleStore.claim_run`), so a leader that is slow to notice it lost
the lease, or a new leader catching up, never runs a due time twice.

An instance counts itself leader only until the lease it last renewed could
have run out, measured from before it asked: with the database unreachable it
steps down on its own, before another instance can take over. With SQLite
(one process) the store always grants the lease.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable

from storage.base import LeaseStore, StorageError

log = logging.getLogger(__name__)

LEASE_SECONDS = 15.0
RENEW_EVERY = 5.0

OnGain = Callable[[], Awaitable[None]]


class Leadership:
    """Keeps trying to hold the lease ``name``; ``leading`` says whether this instance does."""

    def __init__(
        self,
        store: LeaseStore,
        name: str = "scheduler",
        *,
        seconds: float = LEASE_SECONDS,
        every: float = RENEW_EVERY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.name = name
        self.seconds = seconds
        self.every = every
        self.clock = clock
        self.on_gain: OnGain | None = None
        """Called each time this instance becomes the leader (catch up on missed runs)."""
        self._until = 0.0
        self._held = False
        self._task: asyncio.Task[None] | None = None

    @property
    def leading(self) -> bool:
        return self._held and self.clock() < self._until and self.store.cluster().alive

    @property
    def state(self) -> str:
        return "leader" if self.leading else "follower"

    async def start(self) -> None:
        """Try at once (so a lone instance leads from its first moment), then keep renewing."""
        await self.attempt()
        self._task = asyncio.create_task(self._keep(), name=f"lease-{self.name}")

    async def stop(self) -> None:
        """Stop renewing and give the lease up, so another instance leads without waiting."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._held:
            self._held = False
            with contextlib.suppress(StorageError):
                await self.store.drop_lease(self.name)

    async def _keep(self) -> None:
        while True:
            await asyncio.sleep(self.every)
            await self.attempt()

    async def attempt(self) -> None:
        """Take or renew the lease once; tell ``on_gain`` when leadership begins."""
        asked = self.clock()
        was = self.leading
        try:
            held = await self.store.take_lease(self.name, self.seconds)
        except StorageError as exc:
            log.warning("could not renew the %s lease: %s", self.name, exc)
            held = self._held  # it still holds until _until, whatever the database says
        else:
            if held:
                self._until = asked + self.seconds
        self._held = held
        now_leading = self.leading
        if now_leading and not was:
            log.info("this instance now leads the %s", self.name)
            if self.on_gain is not None:
                try:
                    await self.on_gain()
                except Exception:
                    log.exception("catching up as the new %s leader failed", self.name)
        elif was and not now_leading:
            log.warning("this instance no longer leads the %s", self.name)
