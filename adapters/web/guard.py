"""The gates in front of the browser: the operator password, sign-in attempts per
address, and the pace of a session's WebSocket messages.

The password is checked against an Argon2 hash with argon2-cffi's
``PasswordHasher``; hashing takes tens of milliseconds of CPU by design, so it
runs on a worker thread and never stalls the event loop. Every structure here
is bounded: an address table cannot grow past ``MOST_ADDRESSES``.
"""

from __future__ import annotations

import asyncio
import hmac
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

WINDOW = 15 * 60.0
"""Seconds over which failed sign-ins from one address are counted."""
MOST_ADDRESSES = 10_000


class Passwords:
    """Checks the operator password; with no hash configured, nothing matches."""

    def __init__(self, hashed: str | None, hasher: PasswordHasher | None = None) -> None:
        self.hashed = hashed
        self.hasher = hasher or PasswordHasher()

    async def check(self, password: str) -> bool:
        if not self.hashed or not password:
            return False
        return await asyncio.to_thread(self._verify, self.hashed, password)

    def _verify(self, hashed: str, password: str) -> bool:
        try:
            return self.hasher.verify(hashed, password)
        except (VerificationError, InvalidHashError):
            return False


def hash_password(password: str) -> str:
    """An Argon2id hash with argon2-cffi's current defaults (``storybot web set-password``)."""
    return PasswordHasher().hash(password)


@dataclass
class Attempts:
    """Failed sign-ins per address in a sliding window; ``most`` of them and the address
    waits until the oldest leaves the window."""

    most: int
    window: float = WINDOW
    clock: Callable[[], float] = time.monotonic
    _failures: OrderedDict[str, deque[float]] = field(default_factory=OrderedDict)

    def wait(self, address: str) -> float:
        """Seconds before this address may try again; 0 when it may now."""
        failures = self._recent(address)
        if len(failures) < self.most:
            return 0.0
        return max(1.0, failures[0] + self.window - self.clock())

    def failed(self, address: str) -> None:
        failures = self._recent(address)
        failures.append(self.clock())
        self._failures[address] = failures
        self._failures.move_to_end(address)
        while len(self._failures) > MOST_ADDRESSES:
            self._failures.popitem(last=False)

    def succeeded(self, address: str) -> None:
        self._failures.pop(address, None)

    def _recent(self, address: str) -> deque[float]:
        failures = self._failures.get(address, deque(maxlen=self.most))
        cutoff = self.clock() - self.window
        while failures and failures[0] <= cutoff:
            failures.popleft()
        return failures


@dataclass
class Pace:
    """A token bucket: ``per_minute`` messages a minute, in bursts of up to a tenth of it."""

    per_minute: int
    clock: Callable[[], float] = time.monotonic
    _tokens: float = -1.0
    _at: float = 0.0

    def allow(self) -> bool:
        burst = max(3.0, self.per_minute / 10)
        now = self.clock()
        if self._tokens < 0:
            self._tokens, self._at = burst, now
        self._tokens = min(burst, self._tokens + (now - self._at) * self.per_minute / 60)
        self._at = now
        if self._tokens < 1:
            return False
        self._tokens -= 1
        return True


def same(given: str | None, expected: str) -> bool:
    """Constant-time comparison of a submitted token with the expected one."""
    return given is not None and hmac.compare_digest(
        given.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass")
    )
