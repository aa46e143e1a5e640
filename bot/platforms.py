"""Bringing platforms up and keeping them up: what a failure to start means.

A platform that cannot be reached at start (network, DNS, its API down) is
tried again with a capped, jittered exponential backoff while the service runs;
it joins when it connects. A platform that refuses the bot's credentials will
refuse them again: that is a configuration error, reported once, and the
platform stays down. Adapters say which by raising :class:`CredentialsRefused`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


class CredentialsRefused(Exception):
    """The platform refused the bot's token: retrying cannot help; the operator must fix it."""


@dataclass(slots=True)
class Backoff:
    """Delays for retries: ``first``, doubling up to ``most``, each with ±20 % jitter so
    several instances (or platforms) do not retry in step."""

    first: float = 1.0
    most: float = 60.0
    rng: random.Random | None = None
    _next: float = 0.0

    def delay(self) -> float:
        self._next = self.first if not self._next else min(self._next * 2, self.most)
        jitter = (self.rng or random).uniform(0.8, 1.2)
        return self._next * jitter

    def reset(self) -> None:
        self._next = 0.0
