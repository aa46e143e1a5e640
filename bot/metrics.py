"""Prometheus metrics on the app's own registry.

One :class:`Metrics` per app (never the global registry), so tests and several
apps in one process do not share counters. The engine reports turns through
the small :class:`TurnObserver` protocol and story craft (votes, world-book use,
edits, branches, imports) through :class:`bot.observers.CraftObserver`, and
storytellers are wrapped in :class:`MeteredProvider`, so none of them knows about
Prometheus.
"""

from __future__ import annotations

import functools
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from importlib import metadata

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from bot.providers.base import Chunk, Generation, Notice, Provider, ProviderError, StreamCut, Usage

REQUEST_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300)
LLM_BUCKETS = (0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600)

CONTENT_TYPE = CONTENT_TYPE_LATEST
VOTE_EVENTS = ("opened", "closed")
BRANCH_KINDS = ("branch", "switch", "edit", "retry", "undo")
"""Label values shown at 0 from the start, so a dashboard has a line before the first event."""


def _version() -> str:
    try:
        return metadata.version("storybot")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "unknown"


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.requests = Counter(
            "storybot_requests", "Requests handled", ["platform", "command", "outcome"], registry=r
        )
        self.request_duration = Histogram(
            "storybot_request_duration_seconds",
            "Time from a request to its final reply",
            ["platform", "command"],
            buckets=REQUEST_BUCKETS,
            registry=r,
        )
        self.llm_requests = Counter(
            "storybot_llm_requests", "Storyteller calls", ["provider", "outcome"], registry=r
        )
        self.llm_duration = Histogram(
            "storybot_llm_duration_seconds",
            "Storyteller call duration",
            ["provider"],
            buckets=LLM_BUCKETS,
            registry=r,
        )
        self.llm_tokens = Counter(
            "storybot_llm_tokens", "Tokens used", ["provider", "kind"], registry=r
        )
        self.active_stories = Gauge("storybot_active_stories", "Active stories", registry=r)
        self.queue_depth = Gauge("storybot_queue_depth", "Turns waiting in channels", registry=r)
        self.llm_waiting = Gauge(
            "storybot_llm_waiting",
            "Storyteller requests waiting for a free connection to the server",
            registry=r,
        )
        self.platform_errors = Counter(
            "storybot_platform_errors", "Platform API errors", ["platform", "kind"], registry=r
        )
        self.scheduler_runs = Counter(
            "storybot_scheduler_runs", "Scheduled job runs", ["job", "outcome"], registry=r
        )
        self.votes = Counter(
            "storybot_votes", "Group votes opened and closed", ["event"], registry=r
        )
        self.world_entries = Counter(
            "storybot_world_triggered",
            "World-book entries given to the storyteller, summed over the parts written",
            registry=r,
        )
        self.edits = Counter("storybot_edits", "Parts rewritten with /story edit", registry=r)
        self.branches = Counter(
            "storybot_branches", "Lines kept as branches, by what made them", ["kind"], registry=r
        )
        self.imports = Counter("storybot_imports", "Shared stories imported", registry=r)
        for event in VOTE_EVENTS:
            self.votes.labels(event)
        for kind in BRANCH_KINDS:
            self.branches.labels(kind)
        self.feed_prompts = Gauge("storybot_feed_prompts", "Prompts in the feed pool", registry=r)
        self.http_connections = Gauge(
            "storybot_http_connections", "Open connections to the HTTP server", registry=r
        )
        self.http_limited = Gauge(
            "storybot_http_limited",
            "Connections the HTTP server's limits acted on since start",
            ["kind"],
            registry=r,
        )
        self.web_sessions = Gauge("storybot_web_sessions", "Signed-in browser sessions", registry=r)
        self.web_sockets = Gauge(
            "storybot_web_websockets", "Open browser WebSocket connections", registry=r
        )
        self.api_requests = Counter(
            "storybot_api_requests", "JSON API requests", ["route", "status"], registry=r
        )
        self.build_info = Gauge("storybot_build_info", "Build information", ["version"], registry=r)
        self.build_info.labels(version=_version()).set(1)

    # The engine's observer interface.
    def turn(self, platform: str, command: str, outcome: str, seconds: float) -> None:
        self.requests.labels(platform, command or "unknown", outcome).inc()
        self.request_duration.labels(platform, command or "unknown").observe(seconds)

    def platform_error(self, platform: str, kind: str) -> None:
        """Count a platform API error; ``kind="rate_limited"`` for 429s and flood control."""
        self.platform_errors.labels(platform, kind).inc()

    def reporter(self, platform: str) -> Callable[[str], None]:
        """What a platform's surfaces call with each error kind they meet."""
        return functools.partial(self.platform_error, platform)

    def scheduler_run(self, job: str, outcome: str) -> None:
        self.scheduler_runs.labels(job, outcome).inc()

    # The engine's story-craft observer (bot.observers.CraftObserver).
    def vote(self, event: str) -> None:
        self.votes.labels(event).inc()

    def world_given(self, entries: int) -> None:
        self.world_entries.inc(entries)

    def edited(self) -> None:
        self.edits.inc()

    def branched(self, kind: str) -> None:
        self.branches.labels(kind).inc()

    def imported(self) -> None:
        self.imports.inc()

    def track_queue(self, depth: Callable[[], int]) -> None:
        self.queue_depth.set_function(depth)

    def track_llm_waiting(self, waiting: Callable[[], int]) -> None:
        self.llm_waiting.set_function(waiting)

    def track_http(
        self, open_connections: Callable[[], int], limited: Callable[[], dict[str, int]]
    ) -> None:
        """The HTTP server's open connections, and how often its limits acted (by kind)."""
        self.http_connections.set_function(open_connections)
        for kind in limited():
            self.http_limited.labels(kind).set_function(functools.partial(_pick, limited, kind))

    def track_web(self, sessions: Callable[[], int], sockets: Callable[[], int]) -> None:
        """The browser's signed-in sessions and open WebSockets, read when scraped."""
        self.web_sessions.set_function(sessions)
        self.web_sockets.set_function(sockets)

    def api_request(self, route: str, status: int) -> None:
        """Count a JSON API request by its route template (never the raw path) and status."""
        self.api_requests.labels(route, str(status)).inc()

    def figures(self) -> Figures:
        """The live figures the operator console charts, read from this registry."""
        return Figures(
            turns=_total(self.requests),
            llm_calls=_total(self.llm_duration, "_count"),
            llm_seconds=_total(self.llm_duration, "_sum"),
            queue_depth=_total(self.queue_depth, ""),
            platform_errors=_total(self.platform_errors),
            web_sessions=_total(self.web_sessions, ""),
            web_sockets=_total(self.web_sockets, ""),
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)


@dataclass(frozen=True, slots=True)
class Figures:
    """Counters since start (turns, LLM calls and their seconds, platform errors) and
    gauges now (queue depth, sessions, sockets): a chart takes differences of counters."""

    turns: float
    llm_calls: float
    llm_seconds: float
    queue_depth: float
    platform_errors: float
    web_sessions: float
    web_sockets: float


def _total(metric: Counter | Gauge | Histogram, suffix: str = "_total") -> float:
    """The sum of a metric's samples named ``<name><suffix>`` over all its labels."""
    total = 0.0
    for family in metric.collect():
        for sample in family.samples:
            if sample.name == family.name + suffix:
                total += sample.value
    return total


def _pick(read: Callable[[], dict[str, int]], key: str) -> int:
    return read()[key]


class MeteredProvider:
    """Counts a storyteller's calls, outcomes, durations and tokens."""

    def __init__(self, inner: Provider, metrics: Metrics, label: str) -> None:
        self.inner = inner
        self.metrics = metrics
        self.label = label
        self.name = inner.name

    async def stream(self, generation: Generation) -> AsyncIterator[Chunk]:
        started = time.perf_counter()
        outcome = "ok"
        try:
            async for chunk in self.inner.stream(generation):
                if isinstance(chunk, Usage):
                    self.metrics.llm_tokens.labels(self.label, "prompt").inc(chunk.prompt_tokens)
                    self.metrics.llm_tokens.labels(self.label, "completion").inc(
                        chunk.completion_tokens
                    )
                elif isinstance(chunk, Notice):
                    outcome = "fallback"
                yield chunk
        except StreamCut:
            outcome = "cut"
            raise
        except ProviderError:
            outcome = "error"
            raise
        except BaseException:
            outcome = "aborted"
            raise
        finally:
            self.metrics.llm_requests.labels(self.label, outcome).inc()
            self.metrics.llm_duration.labels(self.label).observe(time.perf_counter() - started)

    def waiting(self) -> int:
        return self.inner.waiting()

    async def aclose(self) -> None:
        await self.inner.aclose()
