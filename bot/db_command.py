"""``storybot db copy``: move a bot's data into PostgreSQL (or between PostgreSQL servers).

The source is a SQLite file (``--from``, default ``database_path``) or a
PostgreSQL URL; the target a PostgreSQL URL (``--to``, default
``database.url``, so a password need not be typed on a command line, where
``ps`` would show it). A SQLite source must not be in use: the copy takes the
same lock ``storybot run`` does. URLs are printed with their credentials
hidden. See ``storage/db_copy.py`` for what is copied and how it is checked.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys

from bot.config import Settings
from bot.instance import AlreadyRunning, InstanceLock
from storage.base import StorageError

EXIT_FAILURE = 1
EXIT_CONFIG = 2


def run_copy(settings: Settings, source: str | None, target: str | None, replace: bool) -> int:
    from storage.db_copy import copy_database, iter_lines
    from storage.postgres import is_postgres_url, shown

    where = source or settings.database_path
    url = settings.database.url
    to = target or (url.get_secret_value() if url is not None else None)
    if to is None:
        _say("name the target: --to postgresql://... or STORYBOT_DATABASE__URL")
        return EXIT_CONFIG
    if not is_postgres_url(where) and not os.path.isfile(where):
        _say(f"there is no SQLite database at {where}")
        return EXIT_FAILURE
    try:
        lock = contextlib.nullcontext() if is_postgres_url(where) else InstanceLock(where)
        with lock:
            result = asyncio.run(copy_database(where, to, replace=replace))
    except AlreadyRunning as exc:
        _say(f"{exc} Stop it before copying its database.")
        return EXIT_FAILURE
    except StorageError as exc:
        _say(str(exc))
        return EXIT_FAILURE
    for line in iter_lines(result):
        sys.stdout.write(line + "\n")
    rows = sum(table.rows for table in result.tables)
    into = f"{shown(where) if is_postgres_url(where) else where} to {shown(to)}"
    if result.copied:
        _say(f"copied {len(result.tables)} tables, {rows} rows, {into}; each table checked")
    else:
        _say(f"nothing to do: {shown(to)} already holds exactly these {rows} rows")
    return 0


def _say(text: str) -> None:
    sys.stderr.write(f"storybot: {text}\n")
