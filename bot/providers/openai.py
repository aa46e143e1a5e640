"""A storyteller behind any OpenAI-compatible Chat Completions server, streamed.

One client for OpenAI, OpenRouter, vLLM, LM Studio, and the OpenAI-compatible
endpoints of Ollama and llama.cpp. They differ in small ways this module
absorbs: usage in its own chunk with ``choices: []``, or in the last content
chunk, or not at all; role-only first deltas; ``finish_reason`` and then the
connection closes without ``[DONE]``; errors sent as events inside the stream.

The client is one aiohttp session with a connection per story being written
(``llm.max_connections``). It was httpx: with hundreds of streams at once,
httpcore walked its whole pool on every request taken and returned, and
h11 parsed each event's chunk in Python; a thousand 200-word streams took the
process 20 s of CPU through httpx and 2 s through aiohttp (bench/RESULTS.md,
benchmark 7).

Timeouts are explicit because a stream is not a request: connecting is given
``connect_timeout``; the first text must arrive within ``first_token_timeout``;
each next piece within ``between_tokens_timeout``; and everything, retries
included, within ``total_timeout``. They are enforced around each read, not
around the whole generator, because a generator is suspended while the reader
is being sent text, and that time must not count against the server.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import json
import logging
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any
from urllib.request import getproxies

import aiohttp

from bot.config import ConfigError, LLMEndpoint
from bot.i18n import N_
from bot.providers.base import (
    Chunk,
    Generation,
    Overloaded,
    ProviderError,
    StreamCut,
    Usage,
    estimate_tokens,
)
from bot.providers.resilience import (
    RetryPolicy,
    TransientError,
    closing_stream,
    parse_retry_after,
    with_retries,
)
from bot.redact import hide_url_credentials

log = logging.getLogger(__name__)

KEY_REFUSED = N_("The storyteller's API key was refused; ask the bot's operator to check it.")
MODEL_MISSING = N_(
    "The storyteller's model was not found on its server; ask the bot's operator to check "
    "the model name."
)
REQUEST_REFUSED = N_("The storyteller's server refused the request.")
BUSY = N_("The storyteller is busy right now; try again in a minute.")
DOWN = N_("The storyteller is not answering right now.")
UNREACHABLE = N_("The storyteller could not be reached.")
TOO_SLOW = N_("The storyteller took too long to answer.")
BROKE_OFF = N_("The storyteller's connection broke off.")
WENT_QUIET = N_("The storyteller went quiet.")
FILTERED = N_("The storyteller's content filter stopped this part.")
TOO_LARGE = N_("The storyteller sent an answer too large to read.")

MAX_ANSWER_BYTES = 1_000_000
"""A whole (non-streamed) answer, and one streamed event. 32,000 tokens, the most
``max_tokens`` allows, are about 130,000 characters, under 800 KB even escaped as
``\\uXXXX``; a server sending more is broken or hostile (read whole, a 300 MB answer took
the process from 66 MB to 1.27 GB)."""
MAX_ERROR_BYTES = 64_000
"""An error body: only its reason is logged, cut to 300 characters."""

_LINE_END = re.compile(r"\r\n|\r|\n")
READ_EVERY = 0.05
"""Seconds between reads of a stream once its first text is out. A server sends a token
at a time, and every read carried its token up through the provider, the fallback, the
metrics and the read-ahead; read this often, a read carries what came meanwhile, and the
reader (which shows text at most once a second) sees no difference."""

WAKE_AT_ONCE = 50
"""Streams a beat wakes in one pass of the event loop (see :meth:`Ticks._wake`)."""


class Ticks:
    """A shared beat every ``every`` seconds, on a grid of the loop's clock.

    Streams wait for the next beat together: one timer a beat for all of them
    rather than one per stream per read, and the loop wakes them in one pass
    instead of a thousand passes at scattered moments. Each waiter has its own
    future, so cancelling one (a reader going away) leaves the others waiting.
    """

    def __init__(self, every: float) -> None:
        self.every = every
        self._waiters: list[asyncio.Future[None]] = []
        self._loop: asyncio.AbstractEventLoop | None = None

    def next(self) -> asyncio.Future[None]:
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # a new loop (tests run one each): start afresh
            self._loop, self._waiters = loop, []
        waiter = loop.create_future()
        if not self._waiters:
            loop.call_at((loop.time() // self.every + 1) * self.every, self._beat)
        self._waiters.append(waiter)
        return waiter

    def _beat(self) -> None:
        waiters, self._waiters = self._waiters, []
        self._wake(waiters, 0)

    def _wake(self, waiters: list[asyncio.Future[None]], start: int) -> None:
        """Wake ``WAKE_AT_ONCE`` waiters, and the next ones in the loop's next pass.

        A pass of the loop runs everything that was ready when it began. A
        thousand streams woken at once made one pass of a quarter of a second,
        and every other step waiting for the loop (a new turn's next step, a
        reply being shown) waited that long, once per step. In slices, those
        steps run between them.
        """
        end = start + WAKE_AT_ONCE
        for waiter in waiters[start:end]:
            if not waiter.done():
                waiter.set_result(None)
        if end < len(waiters):
            asyncio.get_running_loop().call_soon(self._wake, waiters, end)


@dataclass(frozen=True, slots=True)
class ServerEvent:
    event: str
    data: str


class SSEDecoder:
    """Server-sent events from a byte stream, by the WHATWG rules.

    Lines end only at CR, LF or CRLF. (``str.splitlines``, and so httpx's
    ``aiter_lines``, also splits at U+2028 and NEL, which servers that do not
    escape non-ASCII may put raw inside the JSON of a story.)
    """

    def __init__(self) -> None:
        self._utf8 = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._buffer = ""
        self._started = False
        self._event = ""
        self._data: list[str] = []
        self._data_chars = 0

    @property
    def held(self) -> int:
        """Characters kept waiting for the end of their line or event."""
        return len(self._buffer) + self._data_chars

    def feed(self, raw: bytes) -> list[ServerEvent]:
        text = self._utf8.decode(raw)
        if self._buffer:
            text = self._buffer + text
        if not self._started and text:
            self._started = True
            text = text.removeprefix("\ufeff")
        if "\r" in text:
            # A CR at the end may be the first half of a CRLF: keep it for the next chunk.
            cut = len(text) - 1 if text.endswith("\r") else len(text)
            lines = _LINE_END.split(text[:cut])
            rest = text[cut:]
        else:  # what servers send: split without the regular expression, several times faster
            lines, rest = text.split("\n"), ""
        self._buffer = lines.pop() + rest
        events = []
        for line in lines:
            if line:
                self._line(line)
            elif (event := self._dispatch()) is not None:
                events.append(event)
        return events

    def close(self) -> list[ServerEvent]:
        """The end of the stream: an unterminated last event is still delivered (lenient)."""
        tail = self._buffer + self._utf8.decode(b"", final=True)
        self._buffer = ""
        for line in _LINE_END.split(tail):
            if line:
                self._line(line)
        last = self._dispatch()
        return [last] if last else []

    def _line(self, line: str) -> None:
        """One field line (not empty)."""
        if line.startswith("data:"):  # nearly every line: the fast way
            value = line[6:] if line.startswith("data: ") else line[5:]
            self._data.append(value)
            self._data_chars += len(value)
            return
        if line.startswith(":"):
            return
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "data":
            self._data.append(value)
            self._data_chars += len(value)
        elif name == "event":
            self._event = value

    def _dispatch(self) -> ServerEvent | None:
        event, data = self._event or "message", self._data
        self._event, self._data, self._data_chars = "", [], 0
        return ServerEvent(event, "\n".join(data)) if data else None


@dataclass(slots=True)
class _Progress:
    """What one attempt has received so far."""

    text: list[str] = field(default_factory=list)
    finish: str | None = None
    usage: dict[str, Any] | None = None
    done: bool = False

    @property
    def wrote(self) -> bool:
        return bool(self.text)


class OpenAIProvider:
    """Streams a story from ``POST {base_url}/chat/completions``.

    One ``aiohttp.ClientSession``, opened with the first request, serves every
    request and is closed in :meth:`aclose`. No Authorization header is sent
    when no key is configured, as local servers need none.
    """

    def __init__(
        self, endpoint: LLMEndpoint, *, retry: RetryPolicy | None = None, label: str = ""
    ) -> None:
        self.endpoint = endpoint
        self.name = label or f"the {endpoint.model} model"
        self.retry = retry or RetryPolicy()
        self._url = endpoint.base_url.rstrip("/") + "/chat/completions"
        if not self._url.startswith(("http://", "https://")):
            raise ConfigError(
                f"llm base_url (STORYBOT_LLM__BASE_URL, or ...__BACKUP__BASE_URL) must start "
                f"with http:// or https://, not {hide_url_credentials(endpoint.base_url)!r}"
            )
        self._include_usage = True
        limit = endpoint.connect_timeout
        # Waiting for a free connection happens in _connection, never inside aiohttp.
        self._timeout = aiohttp.ClientTimeout(total=None, connect=limit, sock_connect=limit)
        self._session: aiohttp.ClientSession | None = None
        self._connections = asyncio.Semaphore(endpoint.max_connections)
        self._waiting = 0
        self._ticks = Ticks(READ_EVERY)

    def _client(self) -> aiohttp.ClientSession:
        """The session, opened inside the running loop the first time it is needed."""
        if self._session is None:
            most = self.endpoint.max_connections
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=most, limit_per_host=0),
                # HTTPS_PROXY and friends, as httpx honoured them; only when one is set,
                # as aiohttp then looks them (and ~/.netrc) up in a thread on every request.
                trust_env=bool(getproxies()),
            )
        return self._session

    def waiting(self) -> int:
        return self._waiting

    @contextlib.asynccontextmanager
    async def _connection(self) -> AsyncIterator[None]:
        """A connection of our own pool for one attempt, waited for apart from the server.

        With every connection busy, a request used to wait inside httpx under the
        connect timeout; it was logged as "cannot reach the server: PoolTimeout",
        spent a retry and counted toward the breaker. Waiting here is bounded by
        ``pool_timeout`` and, if that runs out, :class:`Overloaded`: the bot is
        busy, the server is not failing.
        """
        self._waiting += 1
        try:
            async with asyncio.timeout(self.endpoint.pool_timeout):
                await self._connections.acquire()
        except TimeoutError:
            raise Overloaded(
                f"no free connection within {self.endpoint.pool_timeout:g} s", user_message=BUSY
            ) from None
        finally:
            self._waiting -= 1
        try:
            yield
        finally:
            self._connections.release()

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()

    async def stream(self, generation: Generation) -> AsyncIterator[Chunk]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.endpoint.total_timeout
        progress = _Progress()

        def attempt() -> AsyncIterator[Chunk]:
            nonlocal progress
            progress = _Progress()
            return self._attempt(generation, deadline, progress)

        retrying = with_retries(attempt, self.retry, remaining=lambda: deadline - loop.time())
        async with closing_stream(retrying) as chunks:
            async for chunk in chunks:
                yield chunk
        if progress.finish == "length":
            log.info("%s stopped at max_tokens", self.name)
        yield self._usage(generation, progress)

    def _body(self, generation: Generation) -> dict[str, Any]:
        messages = [{"role": "system", "content": generation.system}]
        messages += [{"role": m.role, "content": m.content} for m in generation.messages]
        body: dict[str, Any] = {
            "model": self.endpoint.model,
            "messages": messages,
            "stream": True,
            "temperature": self.endpoint.temperature,
            "max_tokens": min(generation.max_tokens, self.endpoint.max_tokens),
        }
        if self._include_usage:
            body["stream_options"] = {"include_usage": True}
        return body

    def _headers(self) -> dict[str, str]:
        headers = {"Accept": "text/event-stream"}
        key = self.endpoint.api_key.get_secret_value() if self.endpoint.api_key else ""
        if key:
            headers["Authorization"] = f"Bearer {key}"
        return headers

    async def _attempt(
        self, generation: Generation, deadline: float, progress: _Progress
    ) -> AsyncIterator[Chunk]:
        async with self._connection():
            async with closing_stream(self._talk(generation, deadline, progress)) as chunks:
                async for chunk in chunks:
                    yield chunk

    async def _talk(
        self, generation: Generation, deadline: float, progress: _Progress
    ) -> AsyncIterator[Chunk]:
        loop = asyncio.get_running_loop()
        waits_until = min(deadline, loop.time() + self.endpoint.first_token_timeout)
        response = await self._open(generation, waits_until)
        try:
            if response.status != 200:
                await self._refuse(response, generation, waits_until)
            if response.headers.get("content-type", "").startswith("application/json"):
                for chunk in await self._whole(response, waits_until, progress):
                    yield chunk
                return
            decoder = SSEDecoder()
            content = response.content
            while not progress.done:
                if progress.wrote:  # the first text goes at once; then on the beat
                    await self._ticks.next()
                raw = await self._read(content, min(deadline, waits_until), progress)
                events = decoder.feed(raw) if raw is not None else decoder.close()
                if decoder.held > MAX_ANSWER_BYTES:
                    raise self._broken("an event too large to read", progress)
                text, failure = self._texts(events, progress)
                if text:
                    yield text
                    # Counted from here: time the reader spent with the text is not
                    # the server's silence.
                    waits_until = loop.time() + self.endpoint.between_tokens_timeout
                if failure is not None:
                    raise failure
                if raw is None:
                    break
            if not (progress.done or progress.finish):
                raise self._broken("the stream ended without [DONE]", progress)
        finally:
            _let_go(response)

    def _texts(
        self, events: list[ServerEvent], progress: _Progress
    ) -> tuple[str, ProviderError | None]:
        """The text of one read's events, in one piece; and the error one of them ended with.

        The text before an error is still handed over, before the error is raised.
        """
        texts: list[str] = []
        try:
            for event in events:
                if progress.done:
                    break
                for text in self._handle(event, progress):
                    progress.text.append(text)
                    texts.append(text)
        except ProviderError as exc:
            return "".join(texts), exc
        return "".join(texts), None

    async def _open(self, generation: Generation, waits_until: float) -> aiohttp.ClientResponse:
        body, session = self._body(generation), self._client()
        try:
            async with asyncio.timeout_at(waits_until):
                return await session.post(
                    self._url, json=body, headers=self._headers(), timeout=self._timeout
                )
        except aiohttp.ConnectionTimeoutError:  # before TimeoutError: it is one too
            raise ProviderError("connect timeout", user_message=UNREACHABLE) from None
        except TimeoutError:
            raise ProviderError(
                "no response before the first-token timeout", user_message=TOO_SLOW
            ) from None
        except (aiohttp.ClientError, OSError) as exc:
            raise TransientError(
                f"cannot reach the server: {exc!r}", user_message=UNREACHABLE
            ) from None

    async def _read(
        self, content: aiohttp.StreamReader, until: float, progress: _Progress
    ) -> bytes | None:
        """The next bytes of the stream, ``None`` at its end; timeouts become errors."""
        try:
            if raw := content.read_nowait():  # what came meanwhile: no timer needed
                return raw
            async with asyncio.timeout_at(until):
                return await content.readany() or None
        except TimeoutError:
            if progress.finish:  # finished, but the server kept the connection open
                return None
            if progress.wrote:
                raise StreamCut(
                    "timed out waiting for the next text", user_message=WENT_QUIET
                ) from None
            raise ProviderError(
                "timed out waiting for the first text", user_message=TOO_SLOW
            ) from None
        except (aiohttp.ClientError, OSError) as exc:
            raise self._broken(f"connection broke: {exc!r}", progress) from None

    def _broken(self, why: str, progress: _Progress) -> ProviderError:
        if progress.wrote:
            return StreamCut(why, user_message=BROKE_OFF)
        return TransientError(why, user_message=DOWN)

    def _handle(self, event: ServerEvent, progress: _Progress) -> list[str]:
        """The text in one event; records finish and usage; raises on error events."""
        if event.data[:1] != "{" and event.data.strip() == "[DONE]":
            progress.done = True
            return []
        try:
            payload = json.loads(event.data)
        except (ValueError, RecursionError):  # RecursionError: "[[[[…" thousands deep
            log.warning("ignoring a stream event that is not JSON (%d characters)", len(event.data))
            return []
        if not isinstance(payload, dict):
            return []
        if event.event == "error" or payload.get("error"):
            raise self._stream_error(payload.get("error", payload), progress)
        if isinstance(payload.get("usage"), dict):
            progress.usage = payload["usage"]
        texts: list[str] = []
        for choice in payload.get("choices") or []:
            if not isinstance(choice, dict) or choice.get("index", 0) != 0:
                continue
            delta = choice.get("delta") or {}
            content = delta.get("content") if isinstance(delta, dict) else None
            if isinstance(content, str) and content:
                texts.append(content)
            if choice.get("finish_reason"):
                progress.finish = str(choice["finish_reason"])
        if progress.finish == "content_filter":
            if progress.wrote or texts:
                raise StreamCut("content filter", user_message=FILTERED)
            raise ProviderError("content filter", user_message=FILTERED)
        if progress.finish == "error":  # OpenRouter: the upstream model failed mid-answer
            raise self._broken("finish_reason error", progress)
        return texts

    def _stream_error(self, error: Any, progress: _Progress) -> ProviderError:
        message = error.get("message") if isinstance(error, dict) else error
        code = error.get("code") if isinstance(error, dict) else None
        why = f"error event in the stream: {str(message)[:300]} (code {code})"
        if progress.wrote:
            return StreamCut(why, user_message=BROKE_OFF)
        if _status(code) == 429 or _status(code) >= 500:
            return TransientError(why, user_message=BUSY if _status(code) == 429 else DOWN)
        return ProviderError(why, user_message=DOWN)

    async def _whole(
        self, response: aiohttp.ClientResponse, until: float, progress: _Progress
    ) -> list[Chunk]:
        """A server that ignored ``stream`` and sent one JSON completion."""
        raw = await self._read_body(response, until, MAX_ANSWER_BYTES)
        if raw is None:
            raise ProviderError(
                f"a JSON response over {MAX_ANSWER_BYTES} bytes", user_message=TOO_LARGE
            )
        payload = _json_object(raw)
        progress.usage = payload.get("usage") if isinstance(payload.get("usage"), dict) else None
        try:
            text = payload["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            text = None
        if not isinstance(text, str) or not text:
            raise ProviderError("a JSON response without text", user_message=DOWN)
        progress.text.append(text)
        progress.done = True
        return [text]

    async def _refuse(
        self, response: aiohttp.ClientResponse, generation: Generation, until: float
    ) -> None:
        """Raise the right error for a non-200 answer, logging the server's reason."""
        status = response.status
        payload = _json_object(await self._read_body(response, until, MAX_ERROR_BYTES) or b"")
        error = payload.get("error", payload)
        reason = str(error.get("message", "") if isinstance(error, dict) else error)[:300]
        log.warning("%s answered HTTP %d: %s", self.name, status, reason or "(no reason given)")
        if status == 400 and "stream_options" in reason and self._include_usage:
            self._include_usage = False  # an older server; usage will be estimated
            raise TransientError("stream_options not supported", retry_after=0)
        if status == 429 or status >= 500:
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            raise TransientError(
                f"HTTP {status}",
                user_message=BUSY if status == 429 else DOWN,
                retry_after=retry_after,
            )
        if status in (401, 403):
            raise ProviderError(f"HTTP {status}", user_message=KEY_REFUSED)
        if status == 404:
            raise ProviderError(f"HTTP {status}", user_message=MODEL_MISSING)
        raise ProviderError(f"HTTP {status}", user_message=REQUEST_REFUSED)

    async def _read_body(
        self, response: aiohttp.ClientResponse, until: float, limit: int
    ) -> bytes | None:
        """The body, or None as soon as it passes ``limit`` bytes; the rest is never read.

        What came before a timeout or a broken connection is returned as it is: it will
        not parse, which is the error the caller reports.
        """
        body = bytearray()
        try:
            async with asyncio.timeout_at(until):
                while piece := await response.content.readany():
                    body += piece
                    if len(body) > limit:
                        return None
        except (TimeoutError, aiohttp.ClientError, OSError):
            pass
        return bytes(body)

    def _usage(self, generation: Generation, progress: _Progress) -> Usage:
        """The server's token counts, or an estimate when it reported none."""
        reported = progress.usage or {}
        prompt, completion = reported.get("prompt_tokens"), reported.get("completion_tokens")
        if isinstance(prompt, int) and isinstance(completion, int):
            return Usage(prompt, completion)
        estimated_prompt = estimate_tokens(generation.system) + sum(
            estimate_tokens(m.content) for m in generation.messages
        )
        return Usage(estimated_prompt, estimate_tokens("".join(progress.text)))


def _let_go(response: aiohttp.ClientResponse) -> None:
    """Back to the pool when read to its end; otherwise hang up (what is left is unwanted)."""
    if response.content.is_eof():
        response.release()
    else:
        response.close()


def _json_object(raw: bytes) -> dict[str, Any]:
    """A body's JSON object, or ``{}`` when it is not one: malformed, or nested too deep
    (``json.loads`` raises RecursionError, not ValueError, for "[[[[…" thousands deep)."""
    try:
        payload = json.loads(raw)
    except (ValueError, RecursionError):
        return {}
    return payload if isinstance(payload, dict) else {}


def _status(code: Any) -> int:
    """An HTTP-like status from an error event's ``code``, 0 when it is not one."""
    try:
        return int(code)
    except (TypeError, ValueError):
        return 0
