"""JSON-lines logs with a trace id carried through every request.

The trace id, platform and channel live in context variables, so they follow a
request through the engine and the provider calls without being passed around,
and every log line written on the way carries them.
"""

from __future__ import annotations

import contextvars
import json
import logging
import sys
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import IO, Any

trace_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("trace_id", default=None)
platform: contextvars.ContextVar[str | None] = contextvars.ContextVar("platform", default=None)
channel: contextvars.ContextVar[str | None] = contextvars.ContextVar("channel", default=None)


def new_trace_id() -> str:
    return uuid.uuid4().hex[:16]


def bind_request(trace: str | None, platform_name: str | None, channel_key: str | None) -> str:
    """Tag this task's log lines with the request's trace id (made here if it had none).

    Values are set, not reset: a reply stream is an async generator, and a token
    taken in one step cannot be reset in another context. Each request runs in
    its own task, or (the terminal) strictly one after another, so the values
    simply belong to the request the task is handling now.
    """
    trace = trace or new_trace_id()
    trace_id.set(trace)
    platform.set(platform_name)
    channel.set(channel_key)
    return trace


class JsonFormatter(logging.Formatter):
    """One JSON object per line; any configured secret is masked wherever it appears.

    Libraries sometimes put a credential in an error message (python-telegram-bot's
    InvalidToken quotes the token), so masking happens here, on every line, rather
    than at each place that logs.
    """

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if len(s) >= 4}, key=len, reverse=True)

    def _mask(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "**********")
        return text

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "trace_id": trace_id.get(),
            "platform": platform.get(),
            "channel": channel.get(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return self._mask(json.dumps(entry, ensure_ascii=False))


def setup_logging(
    level: str = "INFO", stream: IO[str] | None = None, secrets: Iterable[str] = ()
) -> None:
    """Send every log line, as JSON, to ``stream`` (stdout by default), secrets masked."""
    handler = logging.StreamHandler(stream or sys.stdout)
    handler.setFormatter(JsonFormatter(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    # Client libraries log every HTTP request at INFO; their URLs can hold tokens.
    for noisy in ("httpx", "httpcore", "aiosqlite", "apscheduler.scheduler"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
