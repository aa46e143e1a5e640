"""Moving parts between a story's current line and its alternatives (see migration 008).

The row a channel plays is always the current line, parts 1..last_seq; an
alternative holds only its own parts after ``fork_seq`` and reads the rest
from its parent. These helpers run inside a caller's transaction, so a retry
(keep the old part, write the new one) is all or nothing.
"""

from __future__ import annotations

import time

import aiosqlite

from storage.sqlite_db import one

MOST_DEPTH = 64
"""Alternatives of alternatives, at most: a line is read by walking up to the story."""


async def branch_off(db: aiosqlite.Connection, story_id: int, from_seq: int, kind: str) -> int:
    """Move the line's parts from ``from_seq`` on into a new alternative; its id.

    Alternatives that forked inside the moved parts depended on them, so they
    now hang from the new alternative (their fork points stay what they were).
    A summary that had folded any moved part no longer tells this line; it is
    cleared and folded again from the parts that remain.
    """
    row = await one(
        db,
        "INSERT INTO stories (channel_key, premise, status, summary, summary_upto, last_seq, "
        "created_at, updated_at, root_id, parent_id, fork_seq, branch_kind, note) "
        "SELECT channel_key, premise, 'archived', '', 0, last_seq, ?1, ?1, "
        "COALESCE(root_id, id), id, ?2, ?3, note FROM stories WHERE id = ?4 RETURNING id",
        (time.time(), from_seq - 1, kind, story_id),
    )
    branch = int(row[0])
    await db.execute(
        "UPDATE stories SET parent_id = ? WHERE parent_id = ? AND fork_seq >= ? AND id != ?",
        (branch, story_id, from_seq, branch),
    )
    await db.execute(
        "UPDATE parts SET story_id = ? WHERE story_id = ? AND seq >= ?",
        (branch, story_id, from_seq),
    )
    await db.execute(
        "UPDATE stories SET last_seq = ?1 - 1, updated_at = ?3, "
        "summary = CASE WHEN summary_upto >= ?1 THEN '' ELSE summary END, "
        "summary_upto = CASE WHEN summary_upto >= ?1 THEN 0 ELSE summary_upto END "
        "WHERE id = ?2",
        (from_seq, story_id, time.time()),
    )
    return branch


async def chain(db: aiosqlite.Connection, row_id: int) -> list[tuple[int, int | None, int]]:
    """``(id, parent_id, fork_seq)`` from ``row_id`` up to its story, nearest first."""
    found: list[tuple[int, int | None, int]] = []
    current: int | None = row_id
    while current is not None and len(found) < MOST_DEPTH:
        row = await one(db, "SELECT id, parent_id, fork_seq FROM stories WHERE id = ?", (current,))
        if row is None:
            break
        found.append((int(row[0]), row[1], int(row[2] or 0)))
        current = row[1]
    return found


def line_sources(links: list[tuple[int, int | None, int]]) -> list[tuple[int, int, int]]:
    """Which row holds which parts of a line: ``(row id, first seq, last seq)``, in order.

    ``links`` is :func:`chain`'s answer: each row lends its own parts after its
    fork, up to the fork of the row below it; the row asked about lends all its own.
    """
    spans: list[tuple[int, int, int]] = []
    limit = 1 << 62
    for row_id, _, fork in links:
        spans.append((row_id, fork + 1, limit))
        limit = fork
    return list(reversed(spans))
