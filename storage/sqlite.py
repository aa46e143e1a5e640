"""The SQLite store: one aiosqlite connection, WAL, numbered migrations.

The queries live by role in ``sqlite_turns.py`` (story turns),
``sqlite_ops.py`` (channels and scheduled work) and ``sqlite_inbox.py``
(platform events in flight), on the connection helpers of
``sqlite_db.py``; this module opens, upgrades and closes the database.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import aiosqlite

from storage.base import Failure, StorageError
from storage.migrations import load_migrations, upgrade_script
from storage.single import SingleProcess
from storage.sqlite_console import ConsoleQueries
from storage.sqlite_craft import CraftQueries
from storage.sqlite_db import SWITCH_INTERVAL
from storage.sqlite_inbox import InboxQueries
from storage.sqlite_ops import ChannelQueries, ScheduleQueries
from storage.sqlite_turns import TurnQueries

__all__ = ["SWITCH_INTERVAL", "SqliteStore", "check_path"]

FAILURE_MEMORY = 300.0
"""Seconds a database failure keeps /readyz reporting the database as failing."""


def check_path(path: str) -> None:
    """Fail early, with a message a person can act on, when the file cannot be created."""
    if path == ":memory:" or path.startswith("file:"):
        return
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise StorageError(
            f"The database folder {folder} does not exist. Create it, or set "
            "STORYBOT_DATABASE_PATH to a file in a folder that exists."
        )
    probe = target if target.exists() else folder
    if not os.access(probe, os.W_OK):
        raise StorageError(
            f"Storybot cannot write to {probe}. Give the bot's user write access, or set "
            "STORYBOT_DATABASE_PATH to a writable place."
        )


def damaged(path: str, found: str) -> str:
    return (
        f"The database {path} is damaged ({found[:300]}). Restore it from a backup "
        "(see Backups in the README), or move it aside to start with an empty one."
    )


class SqliteStore(
    TurnQueries,
    ChannelQueries,
    ScheduleQueries,
    InboxQueries,
    CraftQueries,
    ConsoleQueries,
    SingleProcess,
):
    """The :class:`storage.base.Store` on SQLite."""

    def __init__(self, path: str, *, busy_timeout_ms: int = 5000) -> None:
        super().__init__()
        self.path = path
        self._busy_timeout_ms = busy_timeout_ms

    async def open(self) -> None:
        check_path(self.path)
        try:
            self._db = await aiosqlite.connect(self.path, isolation_level=None)
            await self._prepare(self._db)
        except sqlite3.DatabaseError as exc:
            await self.close()
            code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
            if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
                raise StorageError(damaged(self.path, str(exc))) from exc
            raise StorageError(f"Cannot open the database {self.path}: {exc}") from exc
        except StorageError:
            await self.close()
            raise

    async def _prepare(self, db: aiosqlite.Connection) -> None:
        await self._check_sound(db)
        await db.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout_ms)}")
        await db.execute("PRAGMA foreign_keys = ON")
        await db.execute("PRAGMA journal_mode = WAL")
        await db.execute("PRAGMA synchronous = NORMAL")
        migrations = load_migrations()
        known = migrations[-1].version
        current = await self._scalar("PRAGMA user_version")
        if current > known:
            raise StorageError(
                f"The database {self.path} has schema version {current}, newer than this "
                f"Storybot knows ({known}). Upgrade Storybot, or point it at another database."
            )
        script = upgrade_script(current, migrations)
        if script is None:
            return
        try:
            await db.executescript(script)
        except sqlite3.Error:
            if db.in_transaction:
                await db.execute("ROLLBACK")
            raise

    async def _check_sound(self, db: aiosqlite.Connection) -> None:
        """A damaged page otherwise passes start-up and fails every request later."""
        rows = await db.execute_fetchall("PRAGMA quick_check(5)")
        problems = [str(row[0]) for row in rows]
        if problems != ["ok"]:
            raise StorageError(damaged(self.path, "; ".join(problems)))

    async def health(self) -> str | None:
        try:
            await self._fetchall("SELECT 1 FROM stories LIMIT 1")
        except StorageError as exc:
            return f"{exc.kind}: cannot read the database"
        failure = self.last_failure
        if failure is not None and time.monotonic() - failure[0] < FAILURE_MEMORY:
            return f"{Failure.IO}: a read or write failed {time.monotonic() - failure[0]:.0f} s ago"
        return None

    async def close(self) -> None:
        if self._db is not None:
            db, self._db = self._db, None
            await db.close()
