"""Delivery: one long streamed reply through each platform's limits, on the real clock.

A 2,000-token reply (tokens of about four characters, one every 5 ms) goes
through :func:`bot.delivery.deliver` with the limits each adapter uses,
measuring length the way the adapter does. Reported per platform: how many
platform calls it took against the tokens a naive per-token editor would
send, the shortest gap between two calls (never under the interval), and how
long the first token took to become visible. Each reply is also checked to
arrive whole, split into messages that fit, with its buttons on the last call.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncGenerator
from dataclasses import dataclass
from typing import Any

from adapters.discord.render import measure as discord_measure
from adapters.slack.render import measure as slack_measure
from adapters.telegram.render import utf16_len
from bench.fakes import MemorySurface, story_tokens
from bench.report import Row, Section
from bot.delivery import Limits, MonotonicClock, deliver
from bot.splitting import Measure
from bot.types import Delta, Final, ReplyEvent, ReplyKind

GOAL_FIRST_TEXT_S = 0.3
SPACING_TOLERANCE_S = 1e-6
"""asyncio may wake a timer up to its clock resolution (1 ns on Linux) early."""
CHOICES = ("Follow the owl", "Open the map")


@dataclass(frozen=True, slots=True)
class Platform:
    name: str
    max_length: int
    interval: float
    measure: Measure


PLATFORMS = (
    Platform("telegram private", 4096, 1.0, utf16_len),
    Platform("telegram group", 4096, 3.0, utf16_len),
    Platform("slack", 3000, 1.0, slack_measure),
    Platform("discord", 2000, 1.0, discord_measure),
)


@dataclass(frozen=True, slots=True)
class DeliveryConfig:
    tokens: int = 2000
    token_interval: float = 0.005
    interval_scale: float = 1.0
    """Multiplies every platform's interval (smaller in the smoke test)."""
    length_scale: float = 1.0
    """Multiplies every platform's length limit (smaller forces more splits)."""


def platform_tokens(platform: Platform, count: int) -> list[str]:
    """Tokens with what makes each platform's measure differ from ``len``."""
    telegram = platform.measure is utf16_len
    return story_tokens(count, emoji=telegram, markup=not telegram)


async def _stream(
    tokens: list[str], interval: float, marks: dict[str, float]
) -> AsyncGenerator[ReplyEvent, None]:
    """The reply as the engine streams it: token deltas on a schedule, then the final."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    for index, token in enumerate(tokens):
        await asyncio.sleep(max(0.0, start + index * interval - loop.time()))
        if index == 0:
            marks["first_token"] = time.monotonic()
        yield Delta(token)
    marks["last_token"] = time.monotonic()
    yield Final("".join(tokens), kind=ReplyKind.STORY, choices=CHOICES, ref="1:2")


def _squeezed(text: str) -> str:
    return "".join(text.split())


async def _one(platform: Platform, config: DeliveryConfig) -> dict[str, Any]:
    limits = Limits(
        max(100, int(platform.max_length * config.length_scale)),
        platform.interval * config.interval_scale,
        measure=platform.measure,
    )
    tokens = platform_tokens(platform, config.tokens)
    marks: dict[str, float] = {}
    surface = MemorySurface()
    delivered = await deliver(
        _stream(tokens, config.token_interval, marks), surface, limits, clock=MonotonicClock()
    )
    messages = [surface.messages[handle] for handle in sorted(surface.messages)]
    final = delivered.final
    spacing = surface.min_spacing()
    return {
        "max_length": limits.max_length,
        "interval_s": limits.interval,
        "calls": len(surface.calls),
        "sends": sum(call.kind == "send" for call in surface.calls),
        "edits": sum(call.kind == "edit" for call in surface.calls),
        "messages": len(messages),
        "min_spacing_s": spacing,
        "first_text_s": surface.calls[0].at - marks["first_token"],
        "final_text_after_last_token_s": surface.calls[-1].at - marks["last_token"],
        "stream_s": marks["last_token"] - marks["first_token"],
        "whole": final is not None and _squeezed("".join(messages)) == _squeezed(final.text),
        "fits": all(limits.measure(message) <= limits.max_length for message in messages),
        "spaced": spacing is None or spacing >= limits.interval - SPACING_TOLERANCE_S,
        "buttons_last": surface.choices is not None and surface.choices.labels == CHOICES,
    }


async def _measure(config: DeliveryConfig) -> list[dict[str, Any]]:
    return list(await asyncio.gather(*(_one(platform, config) for platform in PLATFORMS)))


def run(config: DeliveryConfig | None = None) -> Section:
    """Benchmark 4: calls, spacing and first-text latency per platform."""
    config = config or DeliveryConfig()
    found = asyncio.run(_measure(config))
    section = Section("delivery", f"A {config.tokens:,}-token reply through each platform")
    for platform, result in zip(PLATFORMS, found, strict=True):
        name = platform.name
        section.rows += [
            Row(
                f"{name}: calls (sends+edits)",
                result["calls"],
                "",
                config.tokens,
                "per-token edits",
            ),
            Row(
                f"{name}: min spacing between calls",
                result["min_spacing_s"] if result["min_spacing_s"] is not None else 0.0,
                "s",
                result["interval_s"],
                "interval",
                f">= {result['interval_s']:g} s",
                result["spaced"],
            ),
            Row(
                f"{name}: first token to first text",
                result["first_text_s"],
                "s",
                goal=f"<= {GOAL_FIRST_TEXT_S} s",
                ok=result["first_text_s"] <= GOAL_FIRST_TEXT_S,
            ),
            Row(
                f"{name}: last token to final text",
                result["final_text_after_last_token_s"],
                "s",
                result["interval_s"],
                "interval",
            ),
        ]
        section.checks[f"{name}: reply arrived whole"] = result["whole"]
        section.checks[f"{name}: every message fits"] = result["fits"]
        section.checks[f"{name}: buttons on the last call"] = result["buttons_last"]
        section.checks[f"{name}: calls spaced by the interval"] = result["spaced"]
    section.details = {
        "tokens": config.tokens,
        "token_interval_s": config.token_interval,
        "platforms": {p.name: r for p, r in zip(PLATFORMS, found, strict=True)},
    }
    return section
