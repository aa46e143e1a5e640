"""JSON log lines carry the request's trace id, platform and channel."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot.config import Settings, secret_values
from bot.engine import Engine
from bot.logs import JsonFormatter, RepeatLimit, setup_logging
from tests.conftest import collect, make_request


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


async def test_log_lines_are_json_with_the_request_context(engine: Engine) -> None:
    stream = io.StringIO()
    setup_logging("INFO", stream)
    try:
        await collect(engine.handle(make_request("a tale", trace_id="trace-123")))
    finally:
        logging.getLogger().handlers.clear()  # the fixture puts pytest's back
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    turn = next(line for line in lines if line["logger"] == "bot.admission")
    assert turn["trace_id"] == "trace-123"
    assert turn["platform"] == "test"
    assert turn["channel"] == "test:c1"
    assert turn["level"] == "INFO"
    assert {"time", "message"} <= set(turn)


def test_secrets_do_not_reach_the_log() -> None:
    stream = io.StringIO()
    setup_logging("DEBUG", stream)
    try:
        settings = Settings(telegram={"token": "123:VERY-SECRET"})
        logging.getLogger("test").info("settings: %s", settings)
    finally:
        logging.getLogger().handlers.clear()  # the fixture puts pytest's back
    assert "VERY-SECRET" not in stream.getvalue()


def test_a_secret_quoted_by_a_library_is_masked() -> None:
    settings = Settings(telegram={"token": "123:VERY-SECRET"}, llm={"api_key": "sk-abcdef"})
    stream = io.StringIO()
    setup_logging("INFO", stream, secret_values(settings))
    try:
        logging.getLogger("telegram").error("The token `123:VERY-SECRET` was rejected")
        try:
            raise RuntimeError("key sk-abcdef refused")
        except RuntimeError:
            logging.getLogger("x").exception("failed")
    finally:
        logging.getLogger().handlers.clear()
    text = stream.getvalue()
    assert "VERY-SECRET" not in text
    assert "sk-abcdef" not in text
    assert text.count("**********") >= 2  # the traceback quotes the line too


def test_a_secret_with_quotes_backslashes_or_tabs_is_masked() -> None:
    # JSON escapes these, so a secret masked only in the encoded line went out in clear.
    secret = 'pa"ss\\wo\trd-4711'
    stream = io.StringIO()
    setup_logging("INFO", stream, [secret])
    try:
        logging.getLogger("x").warning("login with %s failed", secret)
        try:
            raise RuntimeError(f"refused {secret}")
        except RuntimeError:
            logging.getLogger("x").exception("call failed")
    finally:
        logging.getLogger().handlers.clear()
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert len(lines) == 2
    for line in lines:
        assert all(secret not in str(value) for value in line.values())
    assert lines[0]["message"] == "login with ********** failed"
    assert "refused **********" in lines[1]["exception"]
    assert json.dumps(secret)[1:-1] not in stream.getvalue()


def test_a_line_repeated_in_a_flood_is_let_through_only_a_few_times() -> None:
    stream = io.StringIO()
    setup_logging("INFO", stream)
    try:
        for _ in range(10_000):
            logging.getLogger("aiohttp.server").error("Error handling request: %s", "EMFILE")
        for number in range(20):  # one per request: the record of what the bot did
            logging.getLogger("bot.engine").info("new ok in %d ms", number)
    finally:
        logging.getLogger().handlers.clear()
    messages = [json.loads(line)["message"] for line in stream.getvalue().splitlines()]
    assert messages[:5] == ["Error handling request: EMFILE"] * 5
    assert messages[5:] == [f"new ok in {number} ms" for number in range(20)]


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_suppressed_lines_are_counted_once_the_window_closes() -> None:
    stream, clock = io.StringIO(), Clock()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RepeatLimit(handler, limit=5, interval=10, clock=clock))
    log = logging.getLogger("test.repeat")
    log.addHandler(handler)
    log.propagate = False
    try:
        for number in range(40):
            log.warning("Too many open files (%d)", number)
        clock.now = 10.0
        log.warning("Too many open files (%d)", 40)  # the next window: counted, then let through
        clock.now = 25.0
        for number in range(7):
            log.warning("another flood %d", number)
        clock.now = 40.0
        log.warning("unrelated")  # any line after a window closed reports it
    finally:
        log.removeHandler(handler)
        log.propagate = True
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [line["message"] for line in lines] == [
        *(f"Too many open files ({n})" for n in range(5)),
        "35 similar lines suppressed: Too many open files (%d)",
        "Too many open files (40)",
        *(f"another flood {n}" for n in range(5)),
        "2 similar lines suppressed: another flood %d",
        "unrelated",
    ]
    assert {line["level"] for line in lines} == {"WARNING"}
