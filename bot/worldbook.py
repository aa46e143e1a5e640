"""Which world-book entries the storyteller is given for a part, within their budget.

An entry comes up when its name or an alias appears in the parts the
storyteller is shown or in the direction for this part; a pinned entry is
always there. They share ``story.world_tokens``: pinned ones first, then the
ones that came up most recently, then the rest in the order they came up now.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.providers.base import estimate_tokens
from storage.base import WorldEntry


def _mentions(names: Iterable[str], text: str) -> bool:
    for name in names:
        if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
            return True
    return False


def rendered(entry: WorldEntry) -> str:
    also = f" (also: {', '.join(entry.aliases)})" if entry.aliases else ""
    return f"{entry.name}{also}: {entry.description}"


def select(
    entries: Sequence[WorldEntry], shown: Sequence[str], direction: str, budget: int
) -> list[WorldEntry]:
    """The entries for this part, in the order they are given, within ``budget`` tokens."""
    text = "\n".join([*shown, direction])
    pinned = [e for e in entries if e.pinned]
    triggered = [e for e in entries if not e.pinned and _mentions((e.name, *e.aliases), text)]
    triggered.sort(key=lambda e: -e.last_triggered)
    chosen: list[WorldEntry] = []
    used = 0
    for entry in [*pinned, *triggered]:
        cost = estimate_tokens(rendered(entry))
        if used + cost > budget and not entry.pinned:
            continue
        chosen.append(entry)
        used += cost
    return chosen
