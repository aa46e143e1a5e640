"""The PostgreSQL store's own behaviour: migrations tracked in the database and applied
under a lock, a clear error for a database it cannot reach (without the password), text
PostgreSQL could not hold on its own. What both stores do is in ``test_store.py``."""

from __future__ import annotations

import asyncio
import socket

import asyncpg
import pytest

from storage.base import StorageError
from storage.postgres import PostgresStore, shown
from storage.postgres_db import escape, load_migrations, unescape


async def versions(url: str) -> list[int]:
    conn = await asyncpg.connect(url)
    try:
        rows = await conn.fetch("SELECT version FROM schema_migrations ORDER BY version")
        return [row[0] for row in rows]
    finally:
        await conn.close()


async def test_instances_starting_together_upgrade_the_schema_once(pg_url: str) -> None:
    stores = [PostgresStore(pg_url, pool_size=2, instance=f"s{n}") for n in range(4)]
    try:
        await asyncio.gather(*(store.open() for store in stores))
        assert await versions(pg_url) == [m.version for m in load_migrations()]
        again = PostgresStore(pg_url, pool_size=2)
        await again.open()
        await again.close()
        assert await versions(pg_url) == [m.version for m in load_migrations()]
    finally:
        await asyncio.gather(*(store.close() for store in stores))


async def test_a_newer_schema_is_refused(pg_url: str) -> None:
    store = PostgresStore(pg_url, pool_size=2)
    await store.open()
    await store._execute("INSERT INTO schema_migrations (version, name) VALUES (999, 'x')")
    await store.close()
    with pytest.raises(StorageError, match="newer than this Storybot knows"):
        await PostgresStore(pg_url, pool_size=2).open()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_an_unreachable_database_is_a_clear_error_without_its_password() -> None:
    url = f"postgresql://storybot:hunter2secret@127.0.0.1:{closed_port()}/story"
    store = PostgresStore(url, pool_size=2, connect_timeout=3)
    with pytest.raises(StorageError) as failed:
        await store.open()
    message = str(failed.value)
    assert "hunter2secret" not in message
    assert "Cannot use the database at postgresql://storybot:***@127.0.0.1:" in message
    assert "STORYBOT_DATABASE__URL" in message
    assert "hunter2secret" not in shown(url)


def test_a_url_that_is_not_postgres_is_refused() -> None:
    with pytest.raises(StorageError, match="is not a postgresql:// URL"):
        PostgresStore("sqlite:///data/storybot.db")


@pytest.mark.parametrize(
    "text", ["", "plain", "\x00", "a\x00b", "\uffff", "\uffff0", "\uffff1\x00", "\x00\uffff\x00"]
)
def test_text_is_escaped_and_back_exactly(text: str) -> None:
    kept = escape(text)
    assert "\x00" not in kept
    assert unescape(kept) == text


async def test_a_nul_in_any_text_column_round_trips(pg_url: str) -> None:
    store = PostgresStore(pg_url, pool_size=2)
    await store.open()
    try:
        value = await store._fetchval("SELECT $1::text || $2::text", "a\x00", "\uffff0")
        assert value == "a\x00\uffff0"
    finally:
        await store.close()
