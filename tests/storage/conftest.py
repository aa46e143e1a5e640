"""The storage suite runs against both stores: SQLite always, PostgreSQL when there is one.

``store`` here is parametrised, so every test in this folder that asks for it
runs twice; tests of one store's own behaviour (its files, its migrations) ask
for ``sqlite_store`` or live in ``test_postgres.py``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.postgres import PostgresStore
from storage.sqlite import SqliteStore
from tests.pg import fresh_schema, server_url
from tests.storage.raw import AnyStore


@pytest.fixture(params=["sqlite", "postgres"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AnyStore]:
    if request.param == "sqlite":
        sqlite = SqliteStore(str(tmp_path / "storybot.db"))
        await sqlite.open()
        try:
            yield sqlite
        finally:
            await sqlite.close()
        return
    async with fresh_schema(server_url()) as url:
        postgres = PostgresStore(url, pool_size=4)
        await postgres.open()
        try:
            yield postgres
        finally:
            await postgres.close()


@pytest.fixture
async def sqlite_store(tmp_path: Path) -> AsyncIterator[SqliteStore]:
    sqlite = SqliteStore(str(tmp_path / "storybot.db"))
    await sqlite.open()
    try:
        yield sqlite
    finally:
        await sqlite.close()
