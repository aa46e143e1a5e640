"""Shared fixtures: a temp-file store, a scripted storyteller, an engine on both."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from bot.config import StoryConfig
from bot.engine import Engine
from bot.identity import ChannelKey, Sender
from bot.memory import Memory, offline_summariser
from bot.types import Delta, Final, Mode, ReplyEvent, Request, manages, refused
from storage.sqlite import SqliteStore
from tests.fakes.provider import ScriptedProvider
from tests.pg import ENV as PG_ENV
from tests.pg import SKIP_REASON as PG_SKIP_REASON
from tests.pg import fresh_schema, server_url

_PG_LEFT_OUT = pytest.StashKey[int]()


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SqliteStore]:
    store = SqliteStore(str(tmp_path / "storybot.db"))
    await store.open()
    try:
        yield store
    finally:
        await store.close()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgres: needs the PostgreSQL of .ci/run")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without a PostgreSQL to test against, its tests are left out, said in one line."""
    if os.environ.get(PG_ENV):
        return
    left = [item for item in items if needs_postgres(item)]
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = [item for item in items if not needs_postgres(item)]
        config.stash[_PG_LEFT_OUT] = len(left)


def needs_postgres(item: pytest.Item) -> bool:
    callspec = getattr(item, "callspec", None)
    params = callspec.params if callspec is not None else {}
    fixtures = getattr(item, "fixturenames", ())
    return (
        "pg_url" in fixtures
        or item.get_closest_marker("postgres") is not None
        or params.get("store") == "postgres"
    )


def pytest_report_header(config: pytest.Config) -> str:
    return "postgresql: " + (
        "tests run against $" + PG_ENV if os.environ.get(PG_ENV) else PG_SKIP_REASON
    )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    left = terminalreporter.config.stash.get(_PG_LEFT_OUT, 0)
    if left:
        terminalreporter.write_line(f"{left} PostgreSQL tests not run: {PG_SKIP_REASON}")


@pytest.fixture
async def pg_url() -> AsyncIterator[str]:
    """A PostgreSQL URL on a schema of this test's own (skipped without a server)."""
    async with fresh_schema(server_url()) as url:
        yield url


@pytest.fixture
def provider() -> ScriptedProvider:
    return ScriptedProvider()


@pytest.fixture
def story_config() -> StoryConfig:
    return StoryConfig()


@pytest.fixture
def engine(store: SqliteStore, provider: ScriptedProvider, story_config: StoryConfig) -> Engine:
    memory = Memory(store, story_config, offline_summariser(story_config.summary_tokens * 4))
    return Engine(store, provider, story_config, memory, seed=1)


CHANNEL = ChannelKey.of("test", "c1")


def channel(name: str = "c1") -> ChannelKey:
    """A channel key on the test platform."""
    return ChannelKey.of("test", name)


def make_request(text: str = "", **fields: object) -> Request:
    """A request in channel ``test:c1`` from user ``u1`` (Ada), who manages it,
    unless told otherwise. ``channel`` may be given as a name, ``user_id`` and
    ``user_name`` set the sender, ``can_manage`` (a bool) the manager check."""
    where = fields.pop("channel", CHANNEL)
    if isinstance(where, str):
        where = channel(where.removeprefix("test:"))
    sender = Sender(str(fields.pop("user_id", "u1")), str(fields.pop("user_name", "Ada")))
    manage = fields.pop("can_manage", True)
    base: dict[str, object] = {
        "channel": where,
        "sender": sender,
        "text": text,
        "mode": Mode.COMMAND,
        "may_manage": manages if manage else refused,
    }
    base.update(fields)
    return Request(**base)  # type: ignore[arg-type]


async def collect(events: AsyncIterator[ReplyEvent]) -> tuple[str, Final | None]:
    """Drain a reply stream: the streamed text and the final reply."""
    streamed = ""
    final = None
    async for event in events:
        if isinstance(event, Delta):
            streamed += event.text
        else:
            final = event
    return streamed, final


Ask = Callable[..., Awaitable[Final]]


@pytest.fixture
def ask(engine: Engine) -> Ask:
    """Send ``/story <text>`` and return the final reply."""

    async def ask(text: str = "", **fields: object) -> Final:
        _, final = await collect(engine.handle(make_request(text, **fields)))
        assert final is not None
        return final

    return ask
