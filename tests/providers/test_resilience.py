"""Retries, the circuit breaker and the fallback storyteller, on a real local server."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from bot.config import ConfigError, Settings, StoryConfig, load_settings
from bot.engine import Engine
from bot.memory import Memory, offline_summariser
from bot.providers import build_provider
from bot.providers.base import Chunk, Generation, Notice, ProviderError, StreamCut, Task, Usage
from bot.providers.offline import OfflineStoryteller
from bot.providers.openai import KEY_REFUSED, OpenAIProvider
from bot.providers.resilience import (
    FALLBACK_NOTICE,
    RESTING,
    BreakerState,
    CircuitBreaker,
    FallbackProvider,
    RetryPolicy,
    parse_retry_after,
)
from storage.base import PartStatus
from storage.sqlite import SqliteStore
from tests.conftest import CHANNEL, collect, make_request
from tests.fakes.openai_server import FakeOpenAI, Reply, Sleeps, drain, generation, story
from tests.fakes.provider import ScriptedProvider


@dataclass
class Clock:
    """A clock that moves only when the test says so."""

    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


# the pieces


def test_retry_after_in_seconds_or_as_an_http_date() -> None:
    now = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after("3", now) == 3.0
    assert parse_retry_after(" 1.5 ", now) == 1.5
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == 30
    assert parse_retry_after(format_datetime(now - timedelta(seconds=30), usegmt=True), now) == 0
    assert parse_retry_after("-4", now) == 0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


def test_backoff_grows_with_jitter_and_caps() -> None:
    policy = RetryPolicy(base_delay=1, max_delay=4, max_retry_after=10, rng=random.Random(3))
    for attempt, ceiling in [(1, 1), (2, 2), (3, 4), (4, 4), (9, 4)]:
        delays = {policy.delay(attempt) for _ in range(20)}
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert len(delays) > 1  # jittered, so clients do not retry in step
    assert policy.delay(1, retry_after=7) == 7
    assert policy.delay(1, retry_after=600) == 10


def test_breaker_opens_half_opens_for_one_trial_and_closes() -> None:
    clock = Clock()
    breaker = CircuitBreaker(failures=3, reset=60, clock=clock)
    for _ in range(2):
        assert breaker.allow()
        breaker.failure()
    breaker.success()  # a success in between resets the count
    for _ in range(3):
        assert breaker.allow()
        breaker.failure()
    assert breaker.state is BreakerState.OPEN
    assert not breaker.allow()
    clock.now += 59
    assert not breaker.allow()
    clock.now += 1
    assert breaker.allow()  # the one trial
    assert breaker.state is BreakerState.HALF_OPEN
    assert not breaker.allow()  # nobody else while it runs
    breaker.failure()  # the trial failed: open again, for a full period
    assert breaker.state is BreakerState.OPEN
    clock.now += 30
    assert not breaker.allow()
    clock.now += 30
    assert breaker.allow()
    breaker.abandon()  # the reader went away mid-trial: another may try
    assert breaker.allow()
    breaker.success()
    assert breaker.state is BreakerState.CLOSED
    assert breaker.allow()
    assert breaker.allow()


class Failing:
    """A storyteller that fails before writing anything, counting its calls."""

    name = "the failing storyteller"

    def __init__(self, error: ProviderError | None = None) -> None:
        self.error = error or ProviderError("down", user_message="It is down.")
        self.calls = 0

    async def stream(self, generation: Generation) -> AsyncIterator[Chunk]:
        self.calls += 1
        raise self.error
        yield ""  # unreachable; makes this an async generator like real providers

    def waiting(self) -> int:
        return 0

    async def aclose(self) -> None:
        return None


async def test_notice_comes_once_before_the_fallback_text_and_never_for_summaries() -> None:
    inner = FallbackProvider(Failing(), ScriptedProvider(), CircuitBreaker(3, 60))
    outer = FallbackProvider(Failing(), inner, CircuitBreaker(3, 60))
    shown = [c async for c in outer.stream(generation(Task.OPEN))]
    assert shown[0] == Notice(FALLBACK_NOTICE)
    assert shown.count(Notice(FALLBACK_NOTICE)) == 1
    assert "".join(c for c in shown if isinstance(c, str)).startswith("Part 2 of a lighthouse")

    summary = [c async for c in outer.stream(generation(Task.SUMMARY))]
    assert not any(isinstance(c, Notice) for c in summary)
    assert "".join(c for c in summary if isinstance(c, str)).startswith("Cast: Scripted")


async def test_no_fallback_means_the_readers_hear_why() -> None:
    breaker = CircuitBreaker(1, 60, clock=Clock())
    failing = Failing(ProviderError("HTTP 401", user_message=KEY_REFUSED))
    provider = FallbackProvider(failing, None, breaker)
    first = await drain(provider.stream(generation()))
    second = await drain(provider.stream(generation()))
    assert first.error is not None
    assert first.error.user_message == KEY_REFUSED
    assert second.error is not None
    assert second.error.user_message == RESTING
    assert failing.calls == 1  # the open breaker kept the second request away


async def test_a_cut_after_text_is_passed_on_not_replaced() -> None:
    primary = ScriptedProvider(fail_after=7, cut=True)
    fallback = ScriptedProvider()
    breaker = CircuitBreaker(1, 60, clock=Clock())
    result = await drain(FallbackProvider(primary, fallback, breaker).stream(generation()))
    assert isinstance(result.error, StreamCut)
    assert result.notices == []
    assert result.text == "Part 2 "
    assert fallback.generations == []
    assert breaker.state is BreakerState.OPEN


# the whole thing, built from settings, against a real server


def settings_for(tmp_path: Path, url: str, **llm: Any) -> Settings:
    values: dict[str, Any] = {
        "provider": "openai",
        "base_url": url,
        "model": "test-model",
        "first_token_timeout": 5,
        "between_tokens_timeout": 5,
        "total_timeout": 20,
    }
    values.update(llm)
    return Settings(
        database_path=str(tmp_path / "db.sqlite"), llm=values, offline={"chunk_delay": 0}
    )


Build = Callable[..., Any]


@pytest.fixture
async def built(tmp_path: Path) -> AsyncIterator[Build]:
    """build_provider with an injected clock and no real waiting; closed after the test."""
    made: list[Any] = []

    def build(url: str, clock: Clock | None = None, **llm: Any) -> Any:
        policy = RetryPolicy(sleep=Sleeps(), rng=random.Random(1))
        provider = build_provider(
            settings_for(tmp_path, url, **llm), clock=clock or Clock(), retry=policy
        )
        made.append(provider)
        return provider

    yield build
    for provider in made:
        await provider.aclose()


def engine_on(store: SqliteStore, provider: Any) -> Engine:
    config = StoryConfig()
    return Engine(store, provider, config, Memory(store, config, offline_summariser(1600)), seed=1)


async def test_three_500s_then_the_offline_story_with_its_notice(
    built: Build, store: SqliteStore
) -> None:
    async with FakeOpenAI(Reply(status=500)) as server:
        engine = engine_on(store, built(server.url))
        streamed, final = await collect(engine.handle(make_request("a lighthouse")))
    assert len(server.requests) == 3
    assert final is not None
    assert final.outcome == "ok"
    assert streamed.startswith(FALLBACK_NOTICE + "\n\n")
    assert final.text.startswith(FALLBACK_NOTICE)
    story_row = await store.active_story(CHANNEL)
    assert story_row is not None
    [part] = await store.recent_parts(story_row.id, 0, 5)
    assert part.status is PartStatus.COMPLETE
    assert FALLBACK_NOTICE not in part.text  # shown, never stored
    assert part.text.strip()


async def test_no_first_token_in_time_gives_the_fallback(built: Build) -> None:
    async with FakeOpenAI(Reply(events=story(["zzlate-token"]), hang_after=1)) as server:
        provider = built(server.url, first_token_timeout=0.2)
        result = await drain(provider.stream(generation(Task.OPEN)))
    assert result.error is None
    assert result.notices == [Notice(FALLBACK_NOTICE)]
    assert result.text.strip()
    assert "zzlate-token" not in result.text


async def test_breaker_opens_then_closes_after_the_reset(built: Build) -> None:
    clock = Clock()
    async with FakeOpenAI(Reply(status=503)) as server:
        provider = built(server.url, clock, breaker_failures=2, breaker_reset=30)
        for _ in range(2):
            result = await drain(provider.stream(generation()))
            assert result.notices == [Notice(FALLBACK_NOTICE)]
        assert len(server.requests) == 6  # two requests, three attempts each
        assert provider.breaker.state is BreakerState.OPEN

        open_result = await drain(provider.stream(generation()))
        assert open_result.notices == [Notice(FALLBACK_NOTICE)]
        assert open_result.text.strip()
        assert len(server.requests) == 6  # straight to the fallback

        server.script(Reply(events=story(["The main one is back."])))
        clock.now += 30
        back = await drain(provider.stream(generation()))
        assert back.notices == []
        assert back.text == "The main one is back."
        assert len(server.requests) == 7
        assert provider.breaker.state is BreakerState.CLOSED


async def test_backup_endpoint_then_offline_with_one_notice(built: Build) -> None:
    async with (
        FakeOpenAI(Reply(status=502)) as main,
        FakeOpenAI(Reply(events=story(["From the backup."], usage=(5, 4)))) as backup,
    ):
        provider = built(
            main.url, fallback="backup", backup={"base_url": backup.url, "model": "small"}
        )
        by_backup = await drain(provider.stream(generation()))
        backup.script(Reply(status=500))
        by_offline = await drain(provider.stream(generation()))
    assert by_backup.notices == [Notice(FALLBACK_NOTICE)]
    assert by_backup.text == "From the backup."
    assert by_backup.usages == [Usage(5, 4)]
    assert backup.requests[0].body["model"] == "small"
    assert by_offline.notices == [Notice(FALLBACK_NOTICE)]
    assert by_offline.text.strip()
    assert "backup" not in by_offline.text.lower()


async def test_fallback_none_tells_the_reader_through_the_engine(
    built: Build, store: SqliteStore
) -> None:
    async with FakeOpenAI(Reply(status=401)) as server:
        engine = engine_on(store, built(server.url, fallback="none", api_key="sk-x"))
        _, final = await collect(engine.handle(make_request("a lighthouse")))
    assert final is not None
    assert final.outcome == "provider_error"
    assert KEY_REFUSED in final.text
    assert len(server.requests) == 1
    assert await store.active_story(CHANNEL) is None


async def test_build_provider_names_and_validates(tmp_path: Path) -> None:
    offline = build_provider(Settings(database_path=str(tmp_path / "db")))
    assert isinstance(offline, OfflineStoryteller)
    url = "http://models.example:11434/v1"
    provider = build_provider(settings_for(tmp_path, url, api_key="sk-secret"))
    assert isinstance(provider, FallbackProvider)
    assert isinstance(provider.primary, OpenAIProvider)
    assert isinstance(provider.fallback, OfflineStoryteller)
    assert provider.name == "the test-model model at models.example"
    # Bad combinations are caught when the configuration is read, naming the key.
    llm = {"provider": "openai", "base_url": url}
    with pytest.raises(ConfigError, match="STORYBOT_LLM__FALLBACK"):
        load_settings(llm={**llm, "fallback": "sometimes"})
    with pytest.raises(ConfigError, match=r"llm\.backup"):
        load_settings(llm={**llm, "fallback": "backup"})
    none = build_provider(settings_for(tmp_path, url, fallback="none"))
    assert isinstance(none, FallbackProvider)
    assert none.fallback is None
    for made in (offline, provider, none):
        await made.aclose()
