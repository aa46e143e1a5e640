"""``storybot db copy``: everything in a SQLite database arrives in PostgreSQL, checked,
and running it again changes nothing."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from bot.identity import ChannelKey
from bot.instance import InstanceLock
from bot.story_settings import StorySettings
from storage.base import NewPart, Player, TokenUse, TurnWrite
from storage.db_copy import CopyError, copy_database
from storage.postgres import PostgresStore
from storage.sqlite import SqliteStore

ROOT = Path(__file__).resolve().parents[2]
A = ChannelKey.of("telegram", "100")
B = ChannelKey.of("discord", "7", "8")


async def fill(path: str) -> None:
    """A bit of everything a bot keeps, odd text included."""
    store = SqliteStore(path)
    await store.open()
    try:
        day = date(2026, 5, 1)
        written = await store.write_turn(
            TurnWrite(
                A,
                part=NewPart("Once\x00 upon", choices=("left", "right")),
                premise="a fox",
                event="u1",
                usage=TokenUse(day, A, "telegram:1", 10, 20),
            )
        )
        story = written.story
        assert story is not None
        second = await store.write_turn(
            TurnWrite(A, part=NewPart("then", direction="go"), story=story, event="u2")
        )
        assert second.story is not None
        await store.write_turn(  # a retry keeps the old part as a branch
            TurnWrite(A, part=NewPart("then, again"), story=second.story, replace_last=True)
        )
        await store.write_turn(TurnWrite(B, part=NewPart("elsewhere"), premise="a map"))
        await store.set_settings(A, StorySettings(genre="noir"))
        await store.add_prompt(A, "a lighthouse", "Ada")
        await store.add_feed_prompts(["from a feed", "another"])
        await store.subscribe(B, "09:30", "Europe/Berlin")
        await store.record_subscription_run(B, False, 5)
        await store.save_feed_state("https://example.org/f.xml", '"e1"', None, "HTTP 500")
        await store.keep("telegram", [("u9", '{"update_id": 9}')], 100)
        await store.add_world_entry(story.id, "Wren", ("the keeper",), "keeps the light")
        await store.join(story.id, Player("1", "Ada", "Mara", "a sailor"))
        await store.open_vote(story.id, 2, A, 3, time.time() + 60)
        await store.cast_ballot(story.id, 2, "telegram:1", 2)
        await store.save_share("ABC123", '{"premise": "x"}', time.time() + 3600)
        await store.claim_event(B, "d1")
    finally:
        await store.close()


async def snapshot(store: SqliteStore | PostgresStore) -> dict[str, object]:
    """What the bot would see, read through the store's own interface."""
    story = await store.active_story(A)
    assert story is not None
    return {
        "story": story,
        "parts": await store.all_parts(story.id),
        "branches": [
            (b.parent_id, b.fork_seq, b.parts, b.kind) for b in await store.branches(story.id)
        ],
        "other": await store.active_story(B),
        "settings": await store.get_settings(A),
        "prompts": await store.list_prompts(A),
        "feed": [await store.feed_prompt_at(n) for n in range(3)],
        "subscriptions": await store.all_subscriptions(),
        "feed_state": await store.feed_state("https://example.org/f.xml"),
        "usage": await store.usage_today(date(2026, 5, 1), A, "telegram:1"),
        "world": await store.world_entries(story.id),
        "players": await store.players(story.id),
        "vote": await store.vote(story.id, 2),
        "share": await store.shared("ABC123", time.time()),
        "handled": (await store.turn_state(A, parts=5, event="u2")).handled,
        "listing": await store.list_stories(A, 10),
    }


async def read(store: SqliteStore | PostgresStore) -> dict[str, object]:
    await store.open()
    try:
        return await snapshot(store)
    finally:
        await store.close()


async def test_everything_arrives_and_reads_the_same(tmp_path: Path, pg_url: str) -> None:
    path = str(tmp_path / "bot.db")
    await fill(path)
    result = await copy_database(path, pg_url)
    assert result.copied
    counts = {table.name: table.rows for table in result.tables}
    assert counts["parts"] == 4  # three in line and one kept by the retry
    assert (counts["inbox"], counts["ballots"], counts["web_invites"]) == (1, 1, 0)
    assert {"channels", "stories", "processed_events", "usage", "shares"} <= set(counts)
    assert await read(PostgresStore(pg_url, pool_size=2)) == await read(SqliteStore(path))

    postgres = PostgresStore(pg_url, pool_size=2)
    await postgres.open()
    try:  # the copied rows' ids are taken: new rows get new ones
        fresh = await postgres.write_turn(
            TurnWrite(ChannelKey.of("telegram", "5"), part=NewPart("new"), premise="p")
        )
        assert fresh.story is not None
        assert fresh.story.id > max(r.id for r in await postgres.list_stories(A, 10))
        assert [p.event_id for p in await postgres.pending("telegram", 10)] == ["u9"]
    finally:
        await postgres.close()


async def test_running_it_again_writes_nothing_and_a_different_target_needs_replace(
    tmp_path: Path, pg_url: str
) -> None:
    path = str(tmp_path / "bot.db")
    await fill(path)
    assert (await copy_database(path, pg_url)).copied
    again = await copy_database(path, pg_url)
    assert not again.copied, "the same rows: nothing to do"

    store = SqliteStore(path)
    await store.open()
    await store.add_prompt(A, "one more", "Bo")
    await store.close()
    with pytest.raises(CopyError, match="--replace"):
        await copy_database(path, pg_url)
    replaced = await copy_database(path, pg_url, replace=True)
    assert replaced.copied
    assert await read(PostgresStore(pg_url, pool_size=2)) == await read(SqliteStore(path))


async def test_postgres_to_postgres(tmp_path: Path, pg_url: str) -> None:
    from tests.pg import fresh_schema, server_url

    path = str(tmp_path / "bot.db")
    await fill(path)
    await copy_database(path, pg_url)
    async with fresh_schema(server_url()) as other:
        assert (await copy_database(pg_url, other)).copied
        assert await read(PostgresStore(other, pool_size=2)) == await read(SqliteStore(path))


def storybot(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("STORYBOT_")}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**clean, **env},
        timeout=120,
        check=False,
    )


async def test_the_command_prints_each_table_and_never_the_password(
    tmp_path: Path, pg_url: str
) -> None:
    path = str(tmp_path / "bot.db")
    await fill(path)
    secret_url = pg_url.replace("postgresql://postgres@", "postgresql://postgres:s3cr3tpw@")
    env = {"STORYBOT_DATABASE__URL": secret_url}
    done = await asyncio.to_thread(storybot, "db", "copy", "--from", path, env=env)
    assert done.returncode == 0, done.stderr
    assert "s3cr3tpw" not in done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["table", "rows", "checksum"]
    assert any(line.split()[:2] == ["parts", "4"] for line in lines)
    assert "each table checked" in done.stderr
    again = await asyncio.to_thread(storybot, "db", "copy", "--from", path, env=env)
    assert again.returncode == 0
    assert "nothing to do" in again.stderr


async def test_a_database_in_use_is_not_copied(tmp_path: Path, pg_url: str) -> None:
    path = str(tmp_path / "bot.db")
    await fill(path)
    with InstanceLock(path):  # as `storybot run` holds it
        done = await asyncio.to_thread(
            storybot, "db", "copy", "--from", path, "--to", pg_url, env={}
        )
    assert done.returncode == 1
    assert "Stop it before copying" in done.stderr


async def test_no_target_is_a_configuration_error(tmp_path: Path) -> None:
    done = await asyncio.to_thread(storybot, "db", "copy", "--from", str(tmp_path / "x.db"), env={})
    assert done.returncode == 2
    assert "--to postgresql://" in done.stderr
