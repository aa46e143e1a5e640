"""A local OpenAI-compatible Chat Completions server, for testing the real HTTP client.

Also small helpers for the tests that use it: a generation to send, a way to
drain a provider's stream, and a sleep that only records.

It speaks the real wire protocol (HTTP/1.1, chunked server-sent events) on a
loopback port chosen by the OS. Each request takes the next scripted
:class:`Reply` (the last one repeats), and every request is recorded so tests
can check what the client sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import web

from bot.providers.base import (
    Chunk,
    Generation,
    Notice,
    ProviderError,
    StoryContext,
    Task,
    Usage,
)
from bot.story_prompt import story_messages, system_prompt
from bot.story_settings import StorySettings

Payload = dict[str, Any] | str


@dataclass(frozen=True)
class Reply:
    """One scripted answer.

    ``events`` are SSE ``data`` payloads (dicts are sent as JSON) followed by
    ``data: [DONE]`` when ``done``. ``raw`` replaces all of that with exact
    bytes. ``hang_after`` sends that many events and then nothing more until
    the client goes away; ``drop_after`` sends that many and then drops the
    connection mid-body. A non-200 ``status`` sends ``body`` as JSON. ``flood``
    sends, with ``status`` and ``content_type``, a completion (an SSE event for
    ``text/event-stream``) that opens and then goes on for that many bytes, made
    as it is written; the server counts what got out.
    """

    status: int = 200
    events: Sequence[Payload] = ()
    done: bool = True
    raw: bytes | None = None
    body: Payload | None = None
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/event-stream"
    hang_after: int | None = None
    drop_after: int | None = None
    flood: int = 0
    pace: float = 0.0
    """Seconds between events, as a model writing."""


@dataclass(frozen=True)
class Seen:
    """A request as it arrived: its headers (lower-case names) and JSON body."""

    headers: dict[str, str]
    body: dict[str, Any]


def chunk(
    content: str | None = None,
    *,
    role: str | None = None,
    finish: str | None = None,
    usage: tuple[int, int] | None = None,
) -> dict[str, Any]:
    """One ``chat.completion.chunk`` with a single choice."""
    delta: dict[str, Any] = {}
    if role:
        delta["role"] = role
    if content is not None:
        delta["content"] = content
    payload: dict[str, Any] = {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "model": "test-model",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    if usage:
        payload["usage"] = _usage(*usage)
    return payload


def _usage(prompt: int, completion: int) -> dict[str, int]:
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }


def story(
    pieces: Sequence[str],
    *,
    usage: tuple[int, int] | None = (120, 30),
    style: Literal["openai", "ollama", "none"] = "openai",
) -> list[Payload]:
    """The events of a streamed story, the way different servers send them.

    ``openai`` (also vLLM, OpenRouter, LM Studio): a role-only first delta, the
    text, a finish chunk, then usage in a chunk with ``choices: []``. ``ollama``
    (and llama.cpp): usage in the finish chunk. ``none``: no usage at all.
    """
    events: list[Payload] = [chunk(role="assistant", content="" if style == "ollama" else None)]
    events += [chunk(piece) for piece in pieces]
    if style == "ollama":
        events.append(chunk("", finish="stop", usage=usage))
    else:
        events.append(chunk(finish="stop"))
    if style == "openai" and usage:
        events.append(
            {
                "id": "chatcmpl-test",
                "object": "chat.completion.chunk",
                "choices": [],
                "usage": _usage(*usage),
            }
        )
    return events


class FakeOpenAI:
    """``async with FakeOpenAI(Reply(...), ...) as server:`` then point a client at ``url``."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies) or [Reply(events=story(["Once upon a time."]))]
        self.requests: list[Seen] = []
        self.flooded: list[int] = []
        """Bytes of each ``flood`` body that got out before the client went away."""
        self.url = ""
        self.streaming = 0
        self.most_streaming = 0
        """The most answers being streamed at once."""
        self._closing = asyncio.Event()
        self._runner: web.AppRunner | None = None

    async def __aenter__(self) -> FakeOpenAI:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._complete)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}/v1"
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._closing.set()
        assert self._runner is not None
        await self._runner.cleanup()

    def script(self, *replies: Reply) -> None:
        """Replace what the next requests will get."""
        self.replies = list(replies)

    async def _complete(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.requests.append(Seen({k.lower(): v for k, v in request.headers.items()}, body))
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        if reply.flood:
            return await self._flood(request, reply)
        if reply.status != 200:
            payload = reply.body if reply.body is not None else {"error": {"message": "no"}}
            return web.Response(
                status=reply.status,
                headers=reply.headers,
                text=json.dumps(payload),
                content_type="application/json",
            )
        if reply.content_type == "application/json" and reply.raw is None:
            return web.json_response(reply.body, headers=reply.headers)
        response = web.StreamResponse(
            headers={
                "Content-Type": reply.content_type,
                "Cache-Control": "no-cache",
                **reply.headers,
            }
        )
        await response.prepare(request)
        self.streaming += 1
        self.most_streaming = max(self.most_streaming, self.streaming)
        try:
            with contextlib.suppress(ConnectionError):
                await self._send(request, response, reply)
        finally:
            self.streaming -= 1
        return response

    async def _flood(self, request: web.Request, reply: Reply) -> web.StreamResponse:
        response = web.StreamResponse(
            status=reply.status, headers={"Content-Type": reply.content_type, **reply.headers}
        )
        await response.prepare(request)
        opening = b'{"choices": [{"message": {"content": "'
        if reply.content_type == "text/event-stream":
            opening = b"data: " + opening
        number, piece = len(self.flooded), b"a" * 65536
        self.flooded.append(0)
        with contextlib.suppress(ConnectionError):
            await response.write(opening)
            while self.flooded[number] < reply.flood:
                await response.write(piece)
                self.flooded[number] += len(piece)
        return response

    async def _send(self, request: web.Request, response: web.StreamResponse, reply: Reply) -> None:
        if reply.raw is not None:
            await response.write(reply.raw)
            return
        events = [e if isinstance(e, str) else json.dumps(e) for e in reply.events]
        if reply.done:
            events.append("[DONE]")
        for number, data in enumerate(events):
            if number == reply.hang_after:
                await self._closing.wait()
                return
            if number == reply.drop_after:
                assert request.transport is not None
                request.transport.close()
                return
            if reply.pace:
                await asyncio.sleep(reply.pace)
            await response.write(f"data: {data}\n\n".encode())
        if reply.hang_after is not None:
            await self._closing.wait()


# helpers for the tests that talk to it


@dataclass
class Sleeps:
    """An injectable sleep that only records how long it was asked to wait."""

    delays: list[float] = field(default_factory=list)

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


@dataclass
class Drained:
    """Everything a provider's stream gave, and the error it ended with, if any."""

    text: str = ""
    pieces: list[str] = field(default_factory=list)
    usages: list[Usage] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    error: ProviderError | None = None


def generation(task: Task = Task.CONTINUE, *, max_tokens: int = 500) -> Generation:
    """A turn in the middle of a story: premise, summary, one recent part, a direction."""
    context = StoryContext(
        premise="a lighthouse keeper finds a map",
        settings=StorySettings(),
        summary="Cast: Ada\nPlaces: the lighthouse\nStory so far: Ada found a map.",
        recent=("Ada unrolled the map by lamplight.",),
        direction="she follows the map to the cove",
        part_number=2,
    )
    return Generation(
        task=task,
        system=system_prompt(task, context.settings),
        messages=story_messages(task, context),
        max_tokens=max_tokens,
        context=context,
    )


async def drain(stream: AsyncIterator[Chunk]) -> Drained:
    """Read a provider stream to its end, keeping a provider error instead of raising it."""
    drained = Drained()
    try:
        async for item in stream:
            if isinstance(item, Usage):
                drained.usages.append(item)
            elif isinstance(item, Notice):
                drained.notices.append(item)
            elif isinstance(item, str):
                drained.pieces.append(item)
    except ProviderError as exc:
        drained.error = exc
    drained.text = "".join(drained.pieces)
    return drained
