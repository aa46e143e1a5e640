"""The delivery layer: streaming, throttled edits, splitting, retries on rate limits."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import Any

import pytest

from bot.delivery import Choices, Limits, RateLimited, deliver
from bot.splitting import split_text
from bot.types import Attachment, Delta, Final, ReplyEvent


class FakeClock:
    """Virtual time: sleeping advances it at once."""

    def __init__(self) -> None:
        self.t = 1000.0

    def now(self) -> float:
        return self.t

    async def sleep(self, seconds: float) -> None:
        self.t += max(0.0, seconds)
        await asyncio.sleep(0)


@dataclass
class Call:
    at: float
    kind: str
    handle: int
    text: str
    choices: Choices | None = None


@dataclass
class FakeSurface:
    clock: FakeClock
    limit: int
    calls: list[Call] = field(default_factory=list)
    messages: dict[int, str] = field(default_factory=dict)
    rate_limit_on: set[int] = field(default_factory=set)
    typing_calls: int = 0
    files: list[Attachment] = field(default_factory=list)
    private_sends: int = 0

    def _check(self, text: str) -> None:
        assert 0 < len(text) <= self.limit, f"bad message length {len(text)}"
        index = len(self.calls)
        if index in self.rate_limit_on:
            self.rate_limit_on.discard(index)
            self.calls.append(Call(self.clock.now(), "429", -1, ""))
            raise RateLimited(2.5)

    async def send(self, text: str, *, choices: Choices | None, private: bool) -> int:
        self._check(text)
        handle = len(self.messages)
        self.messages[handle] = text
        self.private_sends += private
        self.calls.append(Call(self.clock.now(), "send", handle, text, choices))
        return handle

    async def edit(self, handle: Any, text: str, *, choices: Choices | None) -> None:
        self._check(text)
        self.messages[handle] = text
        self.calls.append(Call(self.clock.now(), "edit", handle, text, choices))

    async def typing(self) -> None:
        self.typing_calls += 1

    async def attach(self, attachment: Attachment, *, private: bool) -> None:
        self.files.append(attachment)

    async def show_tally(self, choices: Choices) -> None:
        return None


def story_text(length: int) -> str:
    sentences: list[str] = []
    i = 0
    while sum(len(s) + 1 for s in sentences) < length:
        i += 1
        sentences.append(f"Sentence number {i} tells of the lighthouse and the sea.")
        if i % 5 == 0:
            sentences.append("\n")
    return " ".join(sentences)[:length].rstrip() + "."


async def paced_stream(
    text: str, clock: FakeClock, *, chunk: int = 20, gap: float = 0.05, final: Final | None = None
) -> AsyncGenerator[ReplyEvent, None]:
    for start in range(0, len(text), chunk):
        await clock.sleep(gap)
        yield Delta(text[start : start + chunk])
    yield final or Final(text, choices=("Go", "Stay"), ref="1:2")


def shown(surface: FakeSurface) -> list[str]:
    return [surface.messages[i] for i in sorted(surface.messages)]


async def test_long_stream_splits_throttles_and_ends_exact() -> None:
    clock = FakeClock()
    surface = FakeSurface(clock, limit=2000)
    text = story_text(10_000)
    limits = Limits(max_length=2000, interval=1.0)

    delivered = await deliver(paced_stream(text, clock), surface, limits, clock=clock)

    messages = shown(surface)
    assert len(messages) >= 5
    assert all(len(m) <= 2000 for m in messages)
    assert " ".join(" ".join(m.split()) for m in messages) == " ".join(text.split())
    calls = [c for c in surface.calls if c.kind in ("send", "edit")]
    for before, after in itertools.pairwise(calls):
        assert after.at - before.at >= 1.0 - 1e-9
    assert delivered.final is not None
    assert calls[-1].choices == Choices(("Go", "Stay"), "1:2")
    assert all(c.choices is None for c in calls[:-1])
    assert len(delivered.handles) == len(messages)


async def test_first_text_is_sent_at_once() -> None:
    clock = FakeClock()
    surface = FakeSurface(clock, limit=4096)
    start = clock.now()
    await deliver(
        paced_stream("Once upon a time. " * 20, clock),
        surface,
        Limits(4096, 3.0),
        clock=clock,
        typing=False,  # the typing task would advance the shared virtual clock too
    )
    first = surface.calls[0]
    assert first.kind == "send"
    assert first.at - start == pytest.approx(0.05)


async def test_rate_limit_is_waited_out_and_final_text_arrives() -> None:
    clock = FakeClock()
    surface = FakeSurface(clock, limit=500, rate_limit_on={1, 3})
    text = story_text(1400)
    await deliver(paced_stream(text, clock), surface, Limits(500, 0.5), clock=clock)
    assert sum(c.kind == "429" for c in surface.calls) == 2
    assert " ".join(" ".join(m.split()) for m in shown(surface)) == " ".join(text.split())
    retry = surface.calls.index(next(c for c in surface.calls if c.kind == "429"))
    assert surface.calls[retry + 1].at - surface.calls[retry].at >= 2.5


async def test_no_edit_platform_sends_only_whole_pieces() -> None:
    clock = FakeClock()
    surface = FakeSurface(clock, limit=300)
    text = story_text(900)
    await deliver(paced_stream(text, clock), surface, Limits(300, 0.0, can_edit=False), clock=clock)
    assert all(c.kind == "send" for c in surface.calls)
    assert " ".join(" ".join(m.split()) for m in shown(surface)) == " ".join(text.split())


async def test_info_reply_is_one_private_send_with_attachment() -> None:
    clock = FakeClock()
    surface = FakeSurface(clock, limit=100)
    doc = Attachment("story.md", b"# hi")

    async def stream() -> AsyncGenerator[ReplyEvent, None]:
        yield Final("Here you go.", private=True, attachments=(doc,))

    await deliver(stream(), surface, Limits(100, 1.0), clock=clock)
    assert [c.kind for c in surface.calls] == ["send"]
    assert surface.private_sends == 1
    assert surface.files == [doc]


async def test_empty_stream_sends_nothing() -> None:
    clock = FakeClock()
    surface = FakeSurface(clock, limit=100)

    async def stream() -> AsyncGenerator[ReplyEvent, None]:
        return
        yield  # pragma: no cover

    delivered = await deliver(stream(), surface, Limits(100, 1.0), clock=clock)
    assert delivered.final is None
    assert surface.calls == []


async def test_typing_shown_while_waiting_for_first_text() -> None:
    clock = FakeClock()
    surface = FakeSurface(clock, limit=100)

    async def slow() -> AsyncGenerator[ReplyEvent, None]:
        yield Delta("")  # the engine's "the turn begins"
        for _ in range(5):
            await asyncio.sleep(0)
        yield Final("done")

    await deliver(slow(), surface, Limits(100, 1.0), clock=clock)
    assert surface.typing_calls >= 1


async def test_no_typing_while_the_turn_waits_behind_others() -> None:
    """A flood of waiting requests sent "typing" dozens of times a second."""
    clock = FakeClock()
    surface = FakeSurface(clock, limit=100)
    begun = asyncio.Event()

    async def waiting() -> AsyncGenerator[ReplyEvent, None]:
        await begun.wait()  # in its channel's line: nothing yielded yet
        yield Delta("")
        yield Final("done")

    delivery = asyncio.create_task(deliver(waiting(), surface, Limits(100, 1.0), clock=clock))
    for _ in range(20):
        await asyncio.sleep(0)
    assert surface.typing_calls == 0
    begun.set()
    await delivery


async def test_final_that_rewrites_the_stream_is_still_shown_whole() -> None:
    clock = FakeClock()
    surface = FakeSurface(clock, limit=100)

    async def stream() -> AsyncGenerator[ReplyEvent, None]:
        yield Delta("partial text")
        yield Final("Something else entirely.")

    await deliver(stream(), surface, Limits(100, 0.0), clock=clock)
    assert shown(surface)[-1] == "Something else entirely."


def test_split_text_prefers_paragraphs_then_sentences() -> None:
    text = "First paragraph is here.\n\nSecond one. It has two sentences."
    assert split_text(text, 40) == ["First paragraph is here.", "Second one. It has two sentences."]
    pieces = split_text("One. Two three four. Five six seven eight.", 25)
    assert pieces == ["One. Two three four.", "Five six seven eight."]


def test_split_text_cuts_japanese_after_a_sentence_end_not_mid_word() -> None:
    text = "プリヤは港へ向かった。「急ごう」とオカフォー氏が言った。二人は走った。"
    pieces = split_text(text, 20)
    assert pieces == [
        "プリヤは港へ向かった。",
        "「急ごう」とオカフォー氏が言った。",
        "二人は走った。",
    ]
    assert split_text("とても長い文、それでも切れ目はある", 9) == [
        "とても長い文、",
        "それでも切れ目はあ",
        "る",
    ]


def test_split_text_cuts_hard_when_there_is_no_boundary() -> None:
    assert split_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_split_text_respects_a_custom_measure() -> None:
    def measure(s: str) -> int:
        return len(s.replace("&", "&amp;"))

    pieces = split_text("& " * 40, 20, measure)
    assert all(measure(p) <= 20 for p in pieces)
    assert "".join(pieces).count("&") == 40
