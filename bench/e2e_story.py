"""The story benchmark 7's LLM fake streams to every request, as pre-encoded bytes.

Every answer is the same ``words``-word story ending in three numbered choices
(so Storybot shows buttons with it), sent as OpenAI sends a stream: a
role-only delta, one ``chat.completion.chunk`` per word, a finish chunk, a
usage chunk with ``choices: []``, then ``[DONE]``; HTTP/1.1 chunked. Encoding
it once keeps the fake's cost per word to one ``transport.write``.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from dataclasses import dataclass
from typing import Any

_WORDS = (
    "the", "fox", "ran", "far", "sky", "owl", "sat", "low", "sea", "and", "old", "map", "key",
    "red", "oak", "hid", "cat", "sun", "met", "two",
)  # fmt: skip
CHOICES = ("Open the door", "Follow the fox", "Wait for dawn")
QUESTION = "What will Ada do?"
HEAD = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
    b"Transfer-Encoding: chunked\r\n\r\n"
)
_TAG = re.compile(r"<[^>]*>")


def story_tokens(words: int) -> list[str]:
    """``words`` tokens, one word each: sentences, then a question and three choices."""
    ending = [f"\n\n{QUESTION.split()[0]}", *(" " + w for w in QUESTION.split()[1:])]
    for number, choice in enumerate(CHOICES, start=1):
        ending += [f"\n{number}.", *(" " + w for w in choice.split())]
    body_words = max(1, words - len(ending))
    source = itertools.cycle(_WORDS)
    body: list[str] = []
    for index in range(body_words):
        word = next(source)
        if index == 0:
            token = word.title()
        elif index % 12 == 0:
            token = "\n\n" + word.title()
        else:
            token = " " + word
        if index % 12 == 11 or index == body_words - 1:
            token += "."
        body.append(token)
    return body + ending


def _chunk(payload: bytes) -> bytes:
    """One HTTP/1.1 chunk."""
    return b"%x\r\n%s\r\n" % (len(payload), payload)


def _event(data: dict[str, Any] | str) -> bytes:
    text = data if isinstance(data, str) else json.dumps(data)
    return _chunk(f"data: {text}\n\n".encode())


def _delta(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-bench",
        "object": "chat.completion.chunk",
        "created": 1_800_000_000,
        "model": "bench-model",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


@dataclass(frozen=True, slots=True)
class FakeStory:
    text: str
    pace: float
    """Seconds between words."""
    head: bytes
    chunks: tuple[bytes, ...]
    """The role delta, then one event per word: chunk ``k`` is due ``k * pace`` after the start."""
    tail: bytes
    """Finish, usage, ``[DONE]`` and the end of the chunked body: sent with the last word."""

    @classmethod
    def make(cls, words: int = 200, seconds: float = 2.0) -> FakeStory:
        tokens = story_tokens(words)
        usage = {"prompt_tokens": 600, "completion_tokens": len(tokens), "total_tokens": 0}
        usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
        chunks = [_event(_delta({"role": "assistant", "content": ""}))]
        chunks += [_event(_delta({"content": token})) for token in tokens]
        tail = _event(_delta({}, "stop"))
        tail += _event({**_delta({}), "choices": [], "usage": usage})
        tail += _event("[DONE]") + b"0\r\n\r\n"
        return cls("".join(tokens), seconds / len(tokens), HEAD, tuple(chunks), tail)


def plain_text(shown: str) -> str:
    """What Telegram shows for an HTML message: tags gone, entities read."""
    if "<" in shown:
        shown = _TAG.sub("", shown)
    return html.unescape(shown) if "&" in shown else shown
