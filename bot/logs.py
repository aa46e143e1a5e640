"""JSON-lines logs with a trace id carried through every request.

The trace id, platform and channel live in context variables, so they follow a
request through the engine and the provider calls without being passed around,
and every log line written on the way carries them.

A line repeated many times a second is let through a few times and then
counted (an attack produced about 502,000 "Too many open files" lines).
"""

from __future__ import annotations

import contextvars
import json
import logging
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO, Any

from bot.redact import Masker

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
    than at each place that logs. It happens before JSON encoding, which would turn
    a ``"``, ``\\`` or tab inside a secret into an escape the secret no longer matches,
    and once more after it.
    """

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._mask = Masker(secrets)

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
        masked = {key: self._mask(v) if isinstance(v, str) else v for key, v in entry.items()}
        return self._mask(json.dumps(masked, ensure_ascii=False))


@dataclass(slots=True)
class _Window:
    start: float
    level: int
    seen: int = 0


class RepeatLimit(logging.Filter):
    """Lets one (logger, message template) through ``limit`` times per ``interval`` seconds.

    The rest of a window is counted, and when the window has closed one line says how
    many were suppressed: at the template's next line, or at any line after the next
    sweep. It goes to ``handler``, the one this filter guards. Lines below
    ``min_level`` always pass: the engine logs one INFO line per request, the record
    of what the bot did, and it is failures that come in floods.
    """

    def __init__(
        self,
        handler: logging.Handler,
        limit: int = 5,
        interval: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
        min_level: int = logging.WARNING,
    ) -> None:
        super().__init__()
        self.handler, self.limit, self.interval, self.clock = handler, limit, interval, clock
        self.min_level = min_level
        self._windows: dict[tuple[str, str], _Window] = {}
        self._next_sweep = 0.0
        self._lock = threading.Lock()  # logging is thread-safe, so this must be too

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < self.min_level:
            return True
        with self._lock:
            now = self.clock()
            closed = self._sweep(now) if now >= self._next_sweep else []
            key = (record.name, str(record.msg))
            window = self._windows.get(key)
            if window is not None and now - window.start >= self.interval:
                closed.append((key, self._windows.pop(key)))
                window = None
            if window is None:
                window = self._windows[key] = _Window(now, record.levelno)
            window.seen += 1
            passes = window.seen <= self.limit
        for (name, template), old in closed:
            if old.seen > self.limit:
                # Pre-formatted, so each summary is its own template and never held back.
                text = f"{old.seen - self.limit} similar lines suppressed: {template}"
                self.handler.handle(logging.LogRecord(name, old.level, "", 0, text, None, None))
        return passes

    def _sweep(self, now: float) -> list[tuple[tuple[str, str], _Window]]:
        """Take out every closed window, so one-off messages do not pile up."""
        self._next_sweep = now + self.interval
        closed = [(k, w) for k, w in self._windows.items() if now - w.start >= self.interval]
        for key, _ in closed:
            del self._windows[key]
        return closed


def setup_logging(
    level: str = "INFO", stream: IO[str] | None = None, secrets: Iterable[str] = ()
) -> None:
    """Send every log line, as JSON, to ``stream`` (stdout by default), secrets masked,
    repeats limited."""
    handler = logging.StreamHandler(stream or sys.stdout)
    handler.setFormatter(JsonFormatter(secrets))
    handler.addFilter(RepeatLimit(handler))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    # Client libraries log every HTTP request at INFO; their URLs can hold tokens.
    for noisy in ("httpx", "httpcore", "aiosqlite", "apscheduler.scheduler"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
