"""JSON log lines carry the request's trace id, platform and channel."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot.config import Settings, secret_values
from bot.engine import Engine
from bot.logs import setup_logging
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
    turn = next(line for line in lines if line["logger"] == "bot.engine")
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
