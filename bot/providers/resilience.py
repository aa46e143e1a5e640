"""Staying useful when the storyteller is not: retries, a circuit breaker, a fallback.

A language model behind HTTP fails in ordinary ways: it is busy (429), it
breaks (5xx), it stops answering. Retrying briefly covers the first two; the
circuit breaker stops a dead server from costing every reader a long wait; the
fallback provider makes sure the reader still gets a story, with a notice that
the backup wrote it. None of this may retry once text has reached the reader,
because text cannot be taken back.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum
from typing import TypeVar

from bot.i18n import N_
from bot.providers.base import (
    Chunk,
    Generation,
    Notice,
    Overloaded,
    Provider,
    ProviderError,
    Task,
)

log = logging.getLogger(__name__)

FALLBACK_NOTICE = N_("The backup storyteller wrote this part because the main one is unavailable.")
RESTING = N_(
    "The storyteller failed several times in a row and is resting for a moment; "
    "try again in a minute."
)
"""Kept in English here (compared, logged) and translated where the reader sees them."""

Sleep = Callable[[float], Awaitable[None]]
Clock = Callable[[], float]
T = TypeVar("T")


@asynccontextmanager
async def closing_stream(stream: AsyncIterator[T]) -> AsyncIterator[AsyncIterator[T]]:
    """Close a generator we stop reading early, now rather than whenever it is collected.

    An unclosed stream would keep its HTTP response open until garbage collection.
    """
    try:
        yield stream
    finally:
        close = getattr(stream, "aclose", None)
        if close is not None:
            await close()


class TransientError(ProviderError):
    """A failure worth retrying (busy, server error, connection refused).

    ``retry_after`` is the server's own advice in seconds, when it gave one.
    """

    def __init__(
        self, message: str, *, user_message: str | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message, user_message=user_message)
        self.retry_after = retry_after


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delay-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """At most ``attempts`` tries, with exponential backoff and jitter between them.

    The server's ``Retry-After`` wins over the computed backoff but is capped at
    ``max_retry_after``: a reader waiting in a chat will not wait minutes.
    ``sleep`` and ``rng`` are injectable so tests never really wait.
    """

    attempts: int = 3
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 10.0
    sleep: Sleep = asyncio.sleep
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, failed_attempt: int, retry_after: float | None = None) -> float:
        """How long to wait after attempt number ``failed_attempt`` (1-based) failed."""
        if retry_after is not None:
            return min(retry_after, self.max_retry_after)
        backoff = min(self.max_delay, self.base_delay * 2 ** (failed_attempt - 1))
        return backoff * (0.5 + self.rng.random() / 2)


async def with_retries(
    attempt: Callable[[], AsyncIterator[Chunk]],
    policy: RetryPolicy,
    *,
    remaining: Callable[[], float] = lambda: float("inf"),
) -> AsyncIterator[Chunk]:
    """Stream ``attempt()``, starting it again after a :class:`TransientError`.

    Only while no text has been yielded, and never past the caller's deadline
    (``remaining()`` seconds left), so retries stay inside the total timeout.
    """
    for number in range(1, policy.attempts + 1):
        wrote = False
        try:
            async with closing_stream(attempt()) as chunks:
                async for chunk in chunks:
                    wrote = wrote or (isinstance(chunk, str) and bool(chunk))
                    yield chunk
            return
        except TransientError as exc:
            if wrote or number >= policy.attempts:
                raise
            wait = policy.delay(number, exc.retry_after)
            if wait >= remaining():
                raise
            log.info("storyteller attempt %d failed (%s); retrying in %.2f s", number, exc, wait)
            await policy.sleep(wait)


class BreakerState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half-open"


class CircuitBreaker:
    """Opens after ``failures`` failures in a row; after ``reset`` seconds lets one trial through.

    While it is open, callers skip the failing storyteller at once instead of
    each waiting for its timeouts. The clock is injectable for tests.
    """

    def __init__(self, failures: int, reset: float, *, clock: Clock = time.monotonic) -> None:
        self.failures = failures
        self.reset = reset
        self.clock = clock
        self.state = BreakerState.CLOSED
        self._count = 0
        self._opened_at = 0.0
        self._trial = False

    def allow(self) -> bool:
        """May a request go through now? In half-open state only one trial may."""
        if self.state is BreakerState.OPEN and self.clock() - self._opened_at >= self.reset:
            self.state = BreakerState.HALF_OPEN
            self._trial = False
        if self.state is BreakerState.CLOSED:
            return True
        if self.state is BreakerState.HALF_OPEN and not self._trial:
            self._trial = True
            return True
        return False

    def success(self) -> None:
        if self.state is not BreakerState.CLOSED:
            log.info("storyteller circuit closed again")
        self.state, self._count, self._trial = BreakerState.CLOSED, 0, False

    def failure(self) -> None:
        self._count += 1
        if self.state is BreakerState.HALF_OPEN or self._count >= self.failures:
            if self.state is not BreakerState.OPEN:
                log.warning("storyteller circuit open for %.0f s", self.reset)
            self.state, self._opened_at, self._trial = BreakerState.OPEN, self.clock(), False

    def abandon(self) -> None:
        """A request ended with neither success nor failure (the reader went away)."""
        self._trial = False


class FallbackProvider:
    """The primary storyteller, guarded by a breaker, with a fallback if it fails.

    The fallback is used when the primary fails before writing anything, or
    straight away while the breaker is open. Readers are told with a
    :class:`Notice` (not for the memory summary, which readers never see).
    Once the primary has written text, its failure is passed on unchanged:
    the engine keeps the partial part and says it was cut.
    """

    def __init__(
        self,
        primary: Provider,
        fallback: Provider | None,
        breaker: CircuitBreaker,
        *,
        notice: str = FALLBACK_NOTICE,
    ) -> None:
        self.primary = primary
        self.fallback = fallback
        self.breaker = breaker
        self.notice = notice
        self.name = primary.name

    async def stream(self, generation: Generation) -> AsyncIterator[Chunk]:
        fallback = self.fallback
        if self.breaker.allow():
            wrote = settled = False
            try:
                async with closing_stream(self.primary.stream(generation)) as chunks:
                    async for chunk in chunks:
                        wrote = wrote or (isinstance(chunk, str) and bool(chunk))
                        yield chunk
                settled = True
                self.breaker.success()
                return
            except Overloaded:
                settled = True
                self.breaker.abandon()  # the bot is busy, the server did not fail
                raise
            except ProviderError as exc:
                settled = True
                self.breaker.failure()
                if wrote or fallback is None:
                    raise
                log.warning("%s failed (%s); using %s", self.name, exc, fallback.name)
            finally:
                if not settled:
                    self.breaker.abandon()
        elif fallback is None:
            raise ProviderError("circuit open", user_message=RESTING)
        else:
            log.info("storyteller circuit is open; using %s", fallback.name)
        async for chunk in self._fallback(fallback, generation):
            yield chunk

    async def _fallback(self, fallback: Provider, generation: Generation) -> AsyncIterator[Chunk]:
        """The fallback's chunks, with the notice once before its first text.

        A nested fallback (backup endpoint, then offline) gives the same notice;
        it is shown once. The memory summary is never shown, so it gets none.
        """
        show = generation.task is not Task.SUMMARY
        noticed = not show
        async with closing_stream(fallback.stream(generation)) as chunks:
            async for chunk in chunks:
                if isinstance(chunk, Notice):
                    if not show or chunk.text == self.notice:
                        continue
                elif isinstance(chunk, str) and chunk and not noticed:
                    noticed = True
                    yield Notice(self.notice)
                yield chunk

    def waiting(self) -> int:
        return self.primary.waiting() + (self.fallback.waiting() if self.fallback else 0)

    async def aclose(self) -> None:
        try:
            await self.primary.aclose()
        finally:
            if self.fallback is not None:
                await self.fallback.aclose()
