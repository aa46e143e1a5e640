"""Closing group votes when their time comes.

A vote nobody finishes must still close after its ``vote_seconds``, whether or
not anyone writes in the channel then, so the service keeps a timer per open
vote and, when it fires, posts the engine's answer into the channel as it does
the story of the day. Votes are stored: at start every open vote is scheduled
again, and one whose time passed while the bot was down closes at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable

from bot.engine import Engine
from bot.identity import ChannelKey
from bot.types import ReplyStream
from storage.base import Vote

log = logging.getLogger(__name__)

Post = Callable[[ChannelKey, ReplyStream], Awaitable[bool]]
"""Delivers a stream into a channel nobody asked in; False when the channel could not be
reached (its platform is down), whatever the stream then said."""

RETRY_SECONDS = 30.0
"""When a vote's channel cannot be reached (its platform is down), or its winner could not
be written (the storyteller failed), try again this often."""
MOST_RETRIES = 20


class VoteClock:
    def __init__(
        self,
        engine: Engine,
        post: Post,
        *,
        now: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.engine = engine
        self.post = post
        self.now = now
        self.sleep = sleep
        self._timers: dict[tuple[int, int], asyncio.Task[None]] = {}
        engine.voting.on_opened = self.schedule

    async def start(self) -> None:
        for vote in await self.engine.store.open_votes():
            self.schedule(vote)

    def schedule(self, vote: Vote) -> None:
        key = (vote.story_id, vote.seq)
        if key not in self._timers:
            task = asyncio.create_task(self._close_when_due(vote), name=f"vote-{key}")
            self._timers[key] = task
            task.add_done_callback(lambda _: self._timers.pop(key, None))

    @property
    def pending(self) -> int:
        return len(self._timers)

    async def _close_when_due(self, vote: Vote) -> None:
        await self.sleep(max(0.0, vote.closes_at - self.now()))
        for _ in range(MOST_RETRIES):
            try:
                if await self.post(vote.channel, self.engine.close_vote(vote)) and (
                    await self._over(vote)
                ):
                    return
            except Exception:
                log.exception(
                    "closing the vote on part %d of story %d failed", vote.seq, vote.story_id
                )
                return
            await self.sleep(RETRY_SECONDS)
        log.warning("the vote on part %d of story %d could not be closed", vote.seq, vote.story_id)

    async def _over(self, vote: Vote) -> bool:
        """Whether the vote is closed: it stays open when the storyteller failed to write
        its winner (it closes with its part stored), and is tried again then."""
        now = await self.engine.store.vote(vote.story_id, vote.seq)
        return now is None or now.closed_at is not None

    async def idle(self) -> None:
        """Until every due vote has closed (tests)."""
        while self._timers:
            await asyncio.gather(*self._timers.values(), return_exceptions=True)

    async def stop(self) -> None:
        for task in list(self._timers.values()):
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.gather(*self._timers.values(), return_exceptions=True)
