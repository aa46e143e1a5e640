"""Cutting long text into messages at natural boundaries."""

from __future__ import annotations

import re
from collections.abc import Callable

Measure = Callable[[str], int]

# Boundaries in order of preference. Group 1 of each is the whitespace that is
# dropped between two messages; anything else a pattern matches (the closing
# quote after a sentence's full stop) stays with the first message.
_BOUNDARIES = (
    re.compile(r"(\n\s*\n)"),
    re.compile(r"(\n)"),
    re.compile(r"(?<=[.!?…])[\"'”’)\]]*(\s+)"),
    # Japanese writes no space after a sentence: cut right after 。！？ and any closing bracket.
    re.compile(r"(?<=[。！？])[」』）]*(\s*)"),
    re.compile(r"(?<=[;:,])(\s+)"),
    re.compile(r"(?<=[、，])(\s*)"),
    re.compile(r"(\s+)"),
)


def fitting_prefix(text: str, limit: int, measure: Measure = len) -> int:
    """The length of the longest prefix of ``text`` whose measure is within ``limit``."""
    if measure(text) <= limit:
        return len(text)
    if measure is len:
        return limit
    low, high = 0, min(len(text), limit * 4)
    while measure(text[:high]) <= limit:  # measure may count less than len
        high = min(len(text), high * 2)
    while low < high:
        mid = (low + high + 1) // 2
        if measure(text[:mid]) <= limit:
            low = mid
        else:
            high = mid - 1
    return low


def split_point(text: str, limit: int, measure: Measure = len) -> tuple[int, int]:
    """Where to end the first message and where the next one starts.

    Returns ``(end, start)``: ``text[:end]`` fits the limit, and the whitespace
    between ``end`` and ``start`` is dropped. A boundary is looked for in the
    second half of the room, so no message is needlessly short; with none there,
    the text is cut hard at the limit.
    """
    room = fitting_prefix(text, limit, measure)
    if room >= len(text):
        return len(text), len(text)
    if room <= 0:
        raise ValueError("limit is too small for a single character")
    window = text[: room + 1]
    floor = room // 2
    for pattern in _BOUNDARIES:
        best: re.Match[str] | None = None
        for match in pattern.finditer(window):
            if floor <= match.start(1) <= room:
                best = match
        if best is not None and best.start(1) > 0:
            return best.start(1), best.end(1)
    return room, room


def split_text(text: str, limit: int, measure: Measure = len) -> list[str]:
    """Split ``text`` into pieces that each fit ``limit``; only boundary whitespace is dropped."""
    pieces: list[str] = []
    rest = text.strip()
    while rest:
        end, start = split_point(rest, limit, measure)
        pieces.append(rest[:end].rstrip())
        rest = rest[start:].lstrip()
    return [piece for piece in pieces if piece]
