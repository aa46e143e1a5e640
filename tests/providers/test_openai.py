"""The OpenAI-compatible provider against a real local server: aiohttp, HTTP/1.1, real SSE."""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import random
import time
import tracemalloc
from collections.abc import AsyncIterator, Callable

import pytest

from bot.config import ConfigError, LLMEndpoint, StoryConfig, load_settings
from bot.engine import Engine
from bot.memory import Memory, offline_summariser, provider_summariser
from bot.providers import openai
from bot.providers.base import (
    Overloaded,
    StreamCut,
    Usage,
)
from bot.providers.openai import OpenAIProvider, ServerEvent, SSEDecoder
from bot.providers.resilience import (
    BreakerState,
    CircuitBreaker,
    FallbackProvider,
    RetryPolicy,
    TransientError,
)
from bot.story_settings import StorySettings
from storage.base import PartStatus
from storage.sqlite import SqliteStore
from tests.conftest import CHANNEL, collect, make_request
from tests.fakes.openai_server import (
    Drained,
    FakeOpenAI,
    Reply,
    Sleeps,
    chunk,
    drain,
    generation,
    story,
)
from tests.fakes.provider import ScriptedProvider

KEY = "sk-test-do-not-log-4711"


def endpoint(url: str, **fields: object) -> LLMEndpoint:
    values: dict[str, object] = {
        "base_url": url,
        "model": "test-model",
        "first_token_timeout": 5,
        "between_tokens_timeout": 5,
        "total_timeout": 20,
    }
    values.update(fields)
    return LLMEndpoint(**values)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


MakeProvider = Callable[..., OpenAIProvider]


@pytest.fixture
async def make_provider(sleeps: Sleeps) -> AsyncIterator[MakeProvider]:
    """Providers on a fake server, retrying without waiting, closed after the test."""
    made: list[OpenAIProvider] = []

    def make(server: FakeOpenAI, **fields: object) -> OpenAIProvider:
        policy = RetryPolicy(sleep=sleeps, rng=random.Random(7))
        made.append(OpenAIProvider(endpoint(server.url, **fields), retry=policy))
        return made[-1]

    yield make
    for provider in made:
        await provider.aclose()


# the stream


async def test_story_streams_in_order_and_the_request_carries_the_conversation(
    make_provider: MakeProvider, sleeps: Sleeps
) -> None:
    pieces = ["Ada ", "walked ", "to the ", "cove.\n\n", "The tide ", "was out."]
    async with FakeOpenAI(Reply(events=story(pieces, usage=(321, 12)))) as server:
        provider = make_provider(server, max_tokens=200, temperature=0.7)
        result = await drain(provider.stream(generation(max_tokens=500)))

    assert result.error is None
    assert result.text == "".join(pieces)  # in order; what arrived in one read, in one piece
    assert result.usages == [Usage(321, 12)]
    [seen] = server.requests
    body = seen.body
    assert body["model"] == "test-model"
    assert body["stream"] is True
    assert body["stream_options"] == {"include_usage": True}
    assert body["max_tokens"] == 200  # the smaller of the generation's and the configured
    assert body["temperature"] == 0.7
    roles = [m["role"] for m in body["messages"]]
    assert roles == ["system", "user", "assistant", "user"]
    assert body["messages"][0]["content"] == generation().system
    assert "a lighthouse keeper finds a map" in body["messages"][1]["content"]
    assert "Ada found a map." in body["messages"][1]["content"]  # the summary
    assert body["messages"][2]["content"] == "Ada unrolled the map by lamplight."
    assert body["messages"][3]["content"] == (
        "What should happen next: she follows the map to the cove"
    )
    assert "authorization" not in seen.headers
    assert sleeps.delays == []


async def test_text_is_read_in_batches_after_the_first_which_goes_at_once(
    make_provider: MakeProvider,
) -> None:
    """A token per read carried every token through four generators above this one."""
    words = [f"w{n} " for n in range(40)]
    paced = Reply(events=story(words), pace=0.005)  # 0.2 s, a token every 5 ms
    async with FakeOpenAI(paced) as server:
        provider = make_provider(server)
        started = time.monotonic()
        seen: list[tuple[float, str]] = []
        async for piece in provider.stream(generation()):
            if isinstance(piece, str):
                seen.append((time.monotonic() - started, piece))
    assert "".join(text for _, text in seen) == "".join(words)
    assert seen[0][1] == "w0 "  # the first text alone, as soon as it came
    assert len(seen) < len(words) / 2  # not one piece per token
    gaps = [later - earlier for (earlier, _), (later, _) in itertools.pairwise(seen[1:])]
    assert all(gap >= openai.READ_EVERY * 0.8 for gap in gaps)


async def test_streams_wait_for_one_shared_beat_and_a_cancelled_one_leaves_the_rest() -> None:
    ticks = openai.Ticks(0.02)
    loop = asyncio.get_running_loop()
    woke: list[float] = []

    async def wait() -> None:
        await ticks.next()
        woke.append(loop.time())

    first, gone, last = (asyncio.create_task(wait()) for _ in range(3))
    await asyncio.sleep(0)
    gone.cancel()
    await asyncio.gather(first, last)
    assert gone.cancelled()
    assert len(woke) == 2
    assert woke[1] - woke[0] < 0.002  # woken together, in one pass of the loop
    assert abs(woke[0] / 0.02 - round(woke[0] / 0.02)) < 0.25  # on the grid, give or take


async def test_key_is_sent_as_bearer_only_when_configured(make_provider: MakeProvider) -> None:
    async with FakeOpenAI() as server:
        provider = make_provider(server, api_key=KEY)
        result = await drain(provider.stream(generation()))
    assert result.text == "Once upon a time."
    assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize("style", ["ollama", "none"])
async def test_servers_that_end_without_done_or_usage_still_give_a_complete_story(
    make_provider: MakeProvider, style: str
) -> None:
    # Ollama/llama.cpp: usage inside the finish chunk; some close after finish_reason.
    events = story(["Ada ", "smiled."], usage=(40, 3), style=style)  # type: ignore[arg-type]
    async with FakeOpenAI(Reply(events=events, done=False)) as server:
        provider = make_provider(server)
        result = await drain(provider.stream(generation()))
    assert result.error is None
    assert result.text == "Ada smiled."
    [usage] = result.usages
    if style == "ollama":
        assert usage == Usage(40, 3)
    else:
        assert usage.completion_tokens == 3  # "Ada smiled." is 11 characters
        assert usage.prompt_tokens > 50


async def test_raw_sse_with_comments_crlf_multiline_and_line_separators(
    make_provider: MakeProvider,
) -> None:
    # A keep-alive comment, CRLF line ends, an id field, a data field split over two
    # lines (joined with a newline, which JSON allows between tokens), and raw U+2028 and
    # NEL inside the JSON string, which must not be taken for line ends.
    first = json.dumps(chunk("Line\u2028one\x85two"), ensure_ascii=False)
    split = json.dumps(chunk(" end."), indent=None).replace(', "choices"', ',\r\ndata: "choices"')
    raw = (
        f": keep-alive\r\n\r\nid: 1\r\ndata: {first}\r\n\r\n"
        f"data: {split}\r\n\r\n"
        f"data: {json.dumps(chunk(finish='stop'))}\r\n\r\ndata: [DONE]\r\n\r\n"
    ).encode()
    async with FakeOpenAI(Reply(raw=raw)) as server:
        provider = make_provider(server)
        result = await drain(provider.stream(generation()))
    assert result.error is None
    assert result.text == "Line\u2028one\x85two end."


def test_sse_decoder_handles_lines_split_anywhere() -> None:
    stream = (
        b'\xef\xbb\xbfevent: error\rdata: {"a":\r\ndata: 1}\r\n\r\n: note\n\ndata: caf\xc3\xa9\n'
    )
    for size in (1, 2, 3, 7, len(stream)):
        decoder = SSEDecoder()
        events: list[ServerEvent] = []
        for start in range(0, len(stream), size):
            events += decoder.feed(stream[start : start + size])
        events += decoder.close()  # the last event had no blank line after it
        assert events == [ServerEvent("error", '{"a":\n1}'), ServerEvent("message", "café")]


async def test_a_server_that_ignores_stream_and_sends_json(make_provider: MakeProvider) -> None:
    body = {
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "All at once."}}],
        "usage": {"prompt_tokens": 9, "completion_tokens": 4},
    }
    async with FakeOpenAI(Reply(content_type="application/json", body=body)) as server:
        provider = make_provider(server)
        result = await drain(provider.stream(generation()))
    assert result.text == "All at once."
    assert result.usages == [Usage(9, 4)]


# failures and retries


async def test_429_with_retry_after_is_retried_then_succeeds(
    make_provider: MakeProvider, sleeps: Sleeps
) -> None:
    busy = Reply(status=429, headers={"Retry-After": "2"}, body={"error": {"message": "slow"}})
    async with FakeOpenAI(busy, Reply(events=story(["Fine."]))) as server:
        provider = make_provider(server)
        result = await drain(provider.stream(generation()))
    assert result.text == "Fine."
    assert len(server.requests) == 2
    assert sleeps.delays == [2.0]


async def test_500_is_tried_three_times_with_growing_backoff(
    make_provider: MakeProvider, sleeps: Sleeps
) -> None:
    async with FakeOpenAI(Reply(status=500)) as server:
        provider = make_provider(server)
        result = await drain(provider.stream(generation()))
    assert isinstance(result.error, TransientError)
    assert result.error.user_message == openai.DOWN
    assert result.pieces == []
    assert len(server.requests) == 3
    assert len(sleeps.delays) == 2
    assert 0.25 <= sleeps.delays[0] <= 0.5 < sleeps.delays[1] <= 1.0


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (401, openai.KEY_REFUSED),
        (403, openai.KEY_REFUSED),
        (404, openai.MODEL_MISSING),
        (400, openai.REQUEST_REFUSED),
        (422, openai.REQUEST_REFUSED),
    ],
)
async def test_other_4xx_are_not_retried_and_explained(
    make_provider: MakeProvider,
    sleeps: Sleeps,
    caplog: pytest.LogCaptureFixture,
    status: int,
    message: str,
) -> None:
    caplog.set_level(logging.DEBUG)
    refusal = Reply(status=status, body={"error": {"message": "Incorrect API key sk-tes***"}})
    async with FakeOpenAI(refusal) as server:
        provider = make_provider(server, api_key=KEY)
        result = await drain(provider.stream(generation()))
    assert result.error is not None
    assert result.error.user_message == message
    assert len(server.requests) == 1
    assert sleeps.delays == []
    assert f"HTTP {status}" in caplog.text
    assert "Incorrect API key" in caplog.text  # the server's reason is logged
    assert KEY not in caplog.text
    assert "uthorization" not in caplog.text


async def test_a_server_without_stream_options_is_asked_again_without_them(
    make_provider: MakeProvider,
) -> None:
    refusal = Reply(status=400, body={"error": {"message": "Unrecognized field stream_options"}})
    async with FakeOpenAI(refusal, Reply(events=story(["Ok."], style="none"))) as server:
        provider = make_provider(server)
        first = await drain(provider.stream(generation()))
        second = await drain(provider.stream(generation()))
    assert first.text == second.text == "Ok."
    assert "stream_options" in server.requests[0].body
    assert all("stream_options" not in seen.body for seen in server.requests[1:])
    assert first.usages[0].completion_tokens == 1  # estimated: "Ok." is one token


async def test_no_token_before_the_first_token_timeout(
    make_provider: MakeProvider, sleeps: Sleeps
) -> None:
    # Headers and a role-only delta arrive, then nothing: a role is not a token.
    hang = Reply(events=story(["never"]), hang_after=1)
    async with FakeOpenAI(hang) as server:
        provider = make_provider(server, first_token_timeout=0.2)
        result = await drain(provider.stream(generation()))
    assert result.pieces == []
    assert result.error is not None
    assert not isinstance(result.error, StreamCut)
    assert result.error.user_message == openai.TOO_SLOW
    assert len(server.requests) == 1  # a slow server is not asked again
    assert sleeps.delays == []


async def test_silence_between_tokens_cuts_the_stream(make_provider: MakeProvider) -> None:
    hang = Reply(events=story(["Ada ", "ran ", "never"]), hang_after=3)
    async with FakeOpenAI(hang) as server:
        provider = make_provider(server, between_tokens_timeout=0.2)
        result = await drain(provider.stream(generation()))
    assert isinstance(result.error, StreamCut)
    assert result.error.user_message == openai.WENT_QUIET
    assert result.text == "Ada ran "


async def test_a_dropped_connection_midway_is_a_cut_and_not_retried(
    make_provider: MakeProvider, sleeps: Sleeps
) -> None:
    drop = Reply(events=story(["Ada ", "ran ", "far."]), drop_after=3)
    async with FakeOpenAI(drop) as server:
        provider = make_provider(server)
        result = await drain(provider.stream(generation()))
    assert isinstance(result.error, StreamCut)
    assert result.error.user_message == openai.BROKE_OFF
    assert result.text == "Ada ran "
    assert len(server.requests) == 1
    assert sleeps.delays == []


async def test_a_drop_before_any_text_is_retried(make_provider: MakeProvider) -> None:
    drop = Reply(events=story(["x"]), drop_after=1)
    async with FakeOpenAI(drop, Reply(events=story(["Second try."]))) as server:
        provider = make_provider(server)
        result = await drain(provider.stream(generation()))
    assert result.text == "Second try."
    assert len(server.requests) == 2


async def test_error_events_in_the_stream(make_provider: MakeProvider) -> None:
    overloaded = {"error": {"message": "overloaded", "code": 502}}
    after_text = [chunk("Ada "), {"error": {"message": "provider died", "code": "server_error"}}]
    async with FakeOpenAI(
        Reply(events=[chunk(role="assistant"), overloaded]),
        Reply(events=story(["Recovered."])),
        Reply(events=after_text),
    ) as server:
        provider = make_provider(server)
        retried = await drain(provider.stream(generation()))
        cut = await drain(provider.stream(generation()))
    assert retried.text == "Recovered."
    assert isinstance(cut.error, StreamCut)
    assert cut.text == "Ada "


async def test_an_unreachable_server(make_provider: MakeProvider, sleeps: Sleeps) -> None:
    async with FakeOpenAI() as server:
        url = server.url
    closed = FakeOpenAI()
    closed.url = url  # the port is free again: connections are refused
    provider = make_provider(closed)
    result = await drain(provider.stream(generation()))
    assert isinstance(result.error, TransientError)
    assert result.error.user_message == openai.UNREACHABLE
    assert len(sleeps.delays) == 2


# hostile servers

FLOOD = 50_000_000


async def _drain_measured(provider: OpenAIProvider) -> tuple[Drained, float, int]:
    """The stream's result, the seconds it took and the peak of memory allocated meanwhile."""
    tracemalloc.start()
    started = time.monotonic()
    try:
        result = await drain(provider.stream(generation()))
        return result, time.monotonic() - started, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


async def test_a_huge_error_body_is_not_read_whole(make_provider: MakeProvider) -> None:
    flood = Reply(status=500, content_type="application/json", flood=FLOOD)
    async with FakeOpenAI(flood) as server:
        provider = make_provider(server)
        result, seconds, peak = await _drain_measured(provider)
    assert isinstance(result.error, TransientError)
    assert result.error.user_message == openai.DOWN
    assert len(server.flooded) == 3  # retried as any 500
    assert max(server.flooded) < FLOOD  # hung up early; what got out sat in socket buffers
    assert peak < 5_000_000  # read whole, it was 200 MB: 50 MB three times, and a copy
    assert seconds < 5


async def test_a_huge_json_answer_is_refused_not_read_whole(make_provider: MakeProvider) -> None:
    async with FakeOpenAI(Reply(content_type="application/json", flood=FLOOD)) as server:
        provider = make_provider(server)
        result, seconds, peak = await _drain_measured(provider)
    assert result.error is not None
    assert not isinstance(result.error, TransientError)  # the same answer would come again
    assert result.error.user_message == openai.TOO_LARGE
    assert server.flooded[0] < FLOOD
    assert peak < 5_000_000  # read whole, it was 100 MB
    assert seconds < 5


async def test_a_huge_streamed_event_is_not_held(make_provider: MakeProvider) -> None:
    # Unbounded, the decoder kept the line, re-joining it on every read: 20 MB took 5 s.
    async with FakeOpenAI(Reply(flood=FLOOD)) as server:
        provider = make_provider(server)
        result, seconds, peak = await _drain_measured(provider)
    assert isinstance(result.error, TransientError)
    assert result.error.user_message == openai.DOWN
    assert max(server.flooded) < FLOOD
    assert peak < 10_000_000
    assert seconds < 5


@pytest.mark.parametrize("content_type", ["text/event-stream", "application/json"])
async def test_deeply_nested_json_is_malformed_output_not_a_crash(
    make_provider: MakeProvider, content_type: str
) -> None:
    # json.loads raises RecursionError, not ValueError, for this.
    deep = "[" * 100_000
    reply = (
        Reply(raw=f"data: {deep}\n\n".encode())
        if content_type == "text/event-stream"
        else Reply(raw=deep.encode(), content_type=content_type)
    )
    async with FakeOpenAI(reply) as server:
        provider = make_provider(server)
        result = await drain(provider.stream(generation()))
    assert result.error is not None
    assert result.error.user_message == openai.DOWN
    assert result.pieces == []


async def test_a_deeply_nested_event_amid_a_story_is_skipped(make_provider: MakeProvider) -> None:
    events = [chunk("Ada "), "[" * 100_000, *story(["ran."])]
    async with FakeOpenAI(Reply(events=events)) as server:
        provider = make_provider(server)
        result = await drain(provider.stream(generation()))
    assert result.error is None
    assert result.text == "Ada ran."


# through the engine


def _engine(store: SqliteStore, provider: OpenAIProvider, config: StoryConfig) -> Engine:
    memory = Memory(store, config, offline_summariser(config.summary_tokens * 4))
    return Engine(store, provider, config, memory, seed=1)


async def test_a_cut_story_is_kept_and_marked_through_the_engine(
    make_provider: MakeProvider, store: SqliteStore
) -> None:
    drop = Reply(events=story(["Ada ", "ran ", "far."]), drop_after=3)
    async with FakeOpenAI(drop) as server:
        provider = make_provider(server)
        engine = _engine(store, provider, StoryConfig())
        streamed, final = await collect(engine.handle(make_request("a lighthouse")))
    assert final is not None
    assert final.outcome == "cut"
    assert streamed == "Ada ran"  # trailing whitespace is held back until text follows
    assert final.text.startswith("Ada ran")
    assert openai.BROKE_OFF in final.text
    story_row = await store.active_story(CHANNEL)
    assert story_row is not None
    [part] = await store.recent_parts(story_row.id, 0, 5)
    assert part.status is PartStatus.CUT


async def test_reported_usage_reaches_the_budget_through_the_engine(
    make_provider: MakeProvider, store: SqliteStore
) -> None:
    config = StoryConfig(user_daily_tokens=100)
    async with FakeOpenAI(Reply(events=story(["A short tale."], usage=(90, 20)))) as server:
        provider = make_provider(server)
        engine = _engine(store, provider, config)
        _, first = await collect(engine.handle(make_request("a lighthouse")))
        _, second = await collect(engine.handle(make_request("continue")))
    assert first is not None
    assert first.outcome == "ok"
    assert second is not None
    assert second.outcome == "budget"
    assert len(server.requests) == 1
    used = (await store.usage_today(engine.today(), CHANNEL, "test:u1")).user
    assert used == 110


async def test_estimated_usage_is_recorded_when_the_server_reports_none(
    make_provider: MakeProvider, store: SqliteStore
) -> None:
    text = "word " * 80
    async with FakeOpenAI(Reply(events=story([text], style="none"))) as server:
        provider = make_provider(server)
        engine = _engine(store, provider, StoryConfig(channel_daily_tokens=10_000))
        _, final = await collect(engine.handle(make_request("a lighthouse")))
    assert final is not None
    assert final.outcome == "ok"
    used = (await store.usage_today(engine.today(), CHANNEL, "test:u1")).channel
    assert used >= 100 + 50  # 400 characters written, and the prompt


async def test_the_memory_summary_uses_the_server_and_falls_back_offline(
    make_provider: MakeProvider,
) -> None:
    summary = "Cast: Ada\nPlaces: the cove\nStory so far: Ada found the cove."
    async with FakeOpenAI(Reply(events=story([summary])), Reply(status=401)) as server:
        provider = make_provider(server)
        summarise = provider_summariser(provider, max_chars=600, max_tokens=300)
        by_server = await summarise("", ["Ada found the cove."], "a map", StorySettings())
        offline = await summarise("", ["Ada found the cove."], "a map", StorySettings())
    assert by_server == summary
    assert server.requests[0].body["max_tokens"] == 300
    assert offline != summary
    assert offline  # the offline summariser wrote something instead
    assert len(server.requests) == 2


@pytest.mark.parametrize(
    ("finish", "message"), [("content_filter", openai.FILTERED), ("error", openai.BROKE_OFF)]
)
async def test_a_bad_finish_after_text_is_a_cut(
    make_provider: MakeProvider, finish: str, message: str
) -> None:
    events = [chunk("Ada "), chunk("ran", finish=finish)]
    async with FakeOpenAI(Reply(events=events)) as server:
        provider = make_provider(server)
        result = await drain(provider.stream(generation()))
    assert isinstance(result.error, StreamCut)
    assert result.error.user_message == message
    assert result.text == "Ada "


def test_a_base_url_without_a_scheme_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="STORYBOT_LLM__BASE_URL"):
        load_settings(llm={"provider": "openai", "base_url": "localhost:11434/v1"})


async def test_waiting_for_a_free_connection_is_not_a_server_failure(
    make_provider: MakeProvider,
) -> None:
    """With the pool full, requests waited under the connect timeout, were logged as
    'cannot reach the server: PoolTimeout', spent retries and opened the breaker."""
    paced = Reply(events=story(["Once", " upon", " a", " time."]), pace=0.05)
    async with FakeOpenAI(paced) as server:
        provider = make_provider(server, max_connections=2, pool_timeout=30)
        guarded = FallbackProvider(provider, ScriptedProvider(), CircuitBreaker(1, 60))
        watched: list[int] = []

        async def one() -> Drained:
            return await drain(guarded.stream(generation()))

        async def watch() -> None:
            for _ in range(10):
                watched.append(guarded.waiting())
                await asyncio.sleep(0.02)

        results, _ = await asyncio.gather(asyncio.gather(*(one() for _ in range(6))), watch())
    assert [r.text for r in results] == ["Once upon a time."] * 6
    assert all(r.notices == [] and r.error is None for r in results)  # no fallback
    assert server.most_streaming == 2
    assert len(server.requests) == 6  # no retries spent
    assert max(watched) == 4
    assert guarded.breaker.state is BreakerState.CLOSED


async def test_a_full_pool_past_its_timeout_is_overloaded_not_an_outage(
    make_provider: MakeProvider,
) -> None:
    hanging = Reply(events=story(["Once upon a time."]), hang_after=1)
    async with FakeOpenAI(hanging) as server:
        provider = make_provider(server, max_connections=1, pool_timeout=0.2)
        guarded = FallbackProvider(provider, ScriptedProvider(), CircuitBreaker(1, 60))
        first = asyncio.create_task(drain(guarded.stream(generation())))
        await asyncio.sleep(0.1)
        second = await drain(guarded.stream(generation()))
        first.cancel()
    assert isinstance(second.error, Overloaded)
    assert second.notices == []
    assert guarded.breaker.state is BreakerState.CLOSED
    assert len(server.requests) == 1
