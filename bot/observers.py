"""What the engine tells whoever watches it (metrics), without knowing who that is.

Turns are reported through :class:`bot.admission.TurnObserver`; the story-craft
events are reported here the same way, so the core stays free of Prometheus:
:class:`bot.metrics.Metrics` implements both protocols, and an engine built
without an observer tells :class:`Unobserved`, which counts nothing.
"""

from __future__ import annotations

from typing import Protocol

from bot.admission import TurnObserver


class CraftObserver(Protocol):
    """Told about votes, world-book use, edits, branches and imports as they happen."""

    def vote(self, event: str) -> None:
        """A group vote ``"opened"`` (its first ballot) or ``"closed"`` (decided or timed out)."""
        ...

    def world_given(self, entries: int) -> None:
        """A part was written with this many world-book entries given to the storyteller."""
        ...

    def edited(self) -> None:
        """A part was rewritten with ``/story edit``."""
        ...

    def branched(self, kind: str) -> None:
        """A line was kept as a branch: ``branch``, ``switch``, ``edit``, ``retry`` or ``undo``."""
        ...

    def imported(self) -> None:
        """A shared story was imported into a channel."""
        ...


class EngineObserver(TurnObserver, CraftObserver, Protocol):
    """Everything the engine reports."""


class Unobserved:
    """The observer of an engine nobody watches."""

    def vote(self, event: str) -> None:
        return None

    def world_given(self, entries: int) -> None:
        return None

    def edited(self) -> None:
        return None

    def branched(self, kind: str) -> None:
        return None

    def imported(self) -> None:
        return None
