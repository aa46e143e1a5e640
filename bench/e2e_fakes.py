"""Benchmark 7's outside world, in a process of its own: a Telegram Bot API and an LLM.

``python -m bench.e2e_fakes`` serves both on one loopback port and prints one
JSON line with their URLs; ``POST /control/stop`` (or closing its stdin) ends
it. It runs apart from the side being measured so that its CPU is not counted
against that side, and it is as cheap as it can be so that it is never what
limits the run: a small HTTP/1.1 server on asyncio's transports (no framework),
replies built from pre-encoded bytes, and one timer for all streams.

- Bot API: ``getMe``, ``getUpdates`` (long polling with ``offset``, ``limit``
  and ``timeout``), ``sendMessage``, ``editMessageText``, ``sendChatAction``
  and the start-up calls; form or JSON bodies. Each chat's calls are noted
  with their arrival time, and a chat's reply counts as shown when a message
  with buttons carries the whole story.
- LLM: ``POST /v1/chat/completions`` streams the same story to every request
  as OpenAI does (a role delta, one event per word, a finish chunk, usage,
  ``[DONE]``), word *k* due ``k * pace`` seconds after the request arrived.
  How late the timer ran is reported, to show the fake kept up.

The parent (``bench/e2e.py``) drives it over ``/control/*`` with JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import time
from typing import Any
from urllib.parse import parse_qsl

from bench.e2e_botapi import Batch, BotApi, error_body
from bench.e2e_story import FakeStory, plain_text

JSON = "application/json"
STATUS_TEXT = {200: "OK", 400: "Bad Request", 404: "Not Found", 413: "Too Large"}
MAX_BODY = 1_000_000


class Stream:
    """One LLM answer being written: its connection, when it began, how far it got."""

    __slots__ = ("sent", "started", "transport")

    def __init__(self, transport: asyncio.Transport, started: float) -> None:
        self.transport = transport
        self.started = started
        self.sent = 0


class Server:
    """Routes requests to the Bot API, the LLM or the controls; owns the stream timer."""

    def __init__(self, story: FakeStory, api: BotApi) -> None:
        self.story = story
        self.api = api
        self.streams: list[Stream] = []
        self.ticking = False
        self.next_tick = 0.0
        self.tick_lag_max = 0.0
        self.llm_requests = 0
        self.llm_asked: list[float] = []
        self.llm_completed = 0
        self.llm_dropped = 0
        self.stream_overrun_max = 0.0
        self.stopped = asyncio.Event()
        self.port = 0

    # requests

    def handle(self, conn: Connection, method: str, path: str, ctype: str, body: bytes) -> None:
        now = time.monotonic()
        if path.startswith("/bot"):
            name = path.rsplit("/", 1)[-1]
            try:
                params = _params(ctype, body)
            except ValueError:
                conn.reply(400, error_body(400, "Bad Request: cannot read the parameters"))
                return
            self.api.call(name, params, now, conn.reply)
        elif path == "/v1/chat/completions" and method == "POST":
            self._complete(conn, body, now)
        elif path.startswith("/control/"):
            self._control(conn, path.removeprefix("/control/"), body)
        else:
            conn.reply(404, error_body(404, "Not Found"))

    def _complete(self, conn: Connection, body: bytes, now: float) -> None:
        try:
            request = json.loads(body)
        except ValueError:
            conn.reply(400, b'{"error": {"message": "not JSON"}}')
            return
        if not request.get("stream"):
            conn.reply(400, b'{"error": {"message": "only streams are served here"}}')
            return
        self.llm_requests += 1
        self.llm_asked.append(now)
        assert conn.transport is not None
        stream = Stream(conn.transport, now)
        conn.stream = stream
        conn.transport.write(self.story.head + self.story.chunks[0])
        stream.sent = 1
        self.streams.append(stream)
        if not self.ticking:
            self.ticking = True
            self.next_tick = now + self.story.pace
            asyncio.get_running_loop().call_at(self.next_tick, self._tick)

    def _tick(self) -> None:
        """Write every word now due, in one write per stream, as a socket would carry them."""
        loop = asyncio.get_running_loop()
        now = loop.time()
        self.tick_lag_max = max(self.tick_lag_max, now - self.next_tick)
        story, pace, last = self.story, self.story.pace, len(self.story.chunks)
        kept: list[Stream] = []
        for stream in self.streams:
            if stream.transport.is_closing():
                self.llm_dropped += 1
                continue
            due = min(last, 1 + int((now - stream.started) / pace + 1e-6))
            if due > stream.sent:
                stream.transport.write(b"".join(story.chunks[stream.sent : due]))
                stream.sent = due
            if due == last:
                stream.transport.write(story.tail)
                self.llm_completed += 1
                overrun = now - stream.started - (last - 1) * pace
                self.stream_overrun_max = max(self.stream_overrun_max, overrun)
            else:
                kept.append(stream)
        self.streams = kept
        if kept:
            self.next_tick += pace
            loop.call_at(max(self.next_tick, now), self._tick)
        else:
            self.ticking = False

    # controls

    def _control(self, conn: Connection, what: str, body: bytes) -> None:
        args = json.loads(body) if body else {}
        if what == "inject":
            batch = self.api.inject(args["chats"], args["text"], time.monotonic())
            answer: Any = {"batch": batch.number}
        elif what == "status":
            batch = self.api.batches[args["batch"]]
            answer = {"shown": len(batch.shown), "chats": len(batch.chats)}
        elif what == "report":
            answer = self.report(self.api.batches[args["batch"]])
        elif what == "reset":
            self.api.reset()
            self.llm_requests = self.llm_completed = self.llm_dropped = 0
            self.llm_asked = []
            self.tick_lag_max = self.stream_overrun_max = 0.0
            answer = {"ok": True}
        elif what == "stop":
            self.stopped.set()
            answer = {"ok": True}
        else:
            conn.reply(404, error_body(404, "no such control"))
            return
        conn.reply(200, json.dumps(answer).encode())

    def report(self, batch: Batch) -> dict[str, Any]:
        """What this batch's chats were shown, and how well the fakes kept up."""
        return {
            **self.api.report(batch),
            "llm": {
                "requests": self.llm_requests,
                "completed": self.llm_completed,
                "dropped": self.llm_dropped,
                "streaming": len(self.streams),
                "tick_lag_max_s": self.tick_lag_max,
                "stream_overrun_max_s": self.stream_overrun_max,
                # When the batch's stories were asked for: how long a side takes
                # from an update to its LLM request, before any text can show.
                "asked_s": _percentiles([t - batch.started for t in self.llm_asked]),
            },
            "fakes_cpu_s": time.process_time(),
        }


def _percentiles(times: list[float]) -> dict[str, float]:
    after = sorted(t for t in times if t >= 0)
    if not after:
        return {}
    return {f"p{q}": after[min(len(after) - 1, len(after) * q // 100)] for q in (50, 99)}


class Connection(asyncio.Protocol):
    """HTTP/1.1 with Content-Length bodies and keep-alive: all these clients send."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.stream: Stream | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(b"\r\n\r\n")) >= 0:
            lines = bytes(self.buffer[:end]).decode("latin-1").split("\r\n")
            method, path, _ = lines[0].split(" ", 2)
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0"))
            if length > MAX_BODY or "chunked" in headers.get("transfer-encoding", ""):
                self.reply(413, error_body(413, "send a Content-Length body under 1 MB"))
                self.buffer.clear()
                return
            if len(self.buffer) < end + 4 + length:
                return
            body = bytes(self.buffer[end + 4 : end + 4 + length])
            del self.buffer[: end + 4 + length]
            self.server.handle(self, method, path, headers.get("content-type", ""), body)

    def reply(self, status: int, body: bytes) -> None:
        if self.transport is None or self.transport.is_closing():
            return
        head = (
            f"HTTP/1.1 {status} {STATUS_TEXT.get(status, 'Error')}\r\n"
            f"Content-Type: {JSON}\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        self.transport.write(head.encode() + body)

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None


def _params(ctype: str, body: bytes) -> dict[str, Any]:
    if not body:
        return {}
    if ctype.startswith(JSON):
        params = json.loads(body)
        if not isinstance(params, dict):
            raise ValueError("not an object")
        return params
    if ctype.startswith("application/x-www-form-urlencoded"):
        return dict(parse_qsl(body.decode(), keep_blank_values=True))
    raise ValueError(f"cannot read {ctype}")


async def serve(story: FakeStory, interval: float, poll_cap: float) -> None:
    loop = asyncio.get_running_loop()
    server = Server(story, BotApi(story, interval, poll_cap))
    listener = await loop.create_server(lambda: Connection(server), "127.0.0.1", 0, backlog=4096)
    port = listener.sockets[0].getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    urls = {"telegram": f"{base}/bot", "files": f"{base}/file/bot", "llm": f"{base}/v1"}
    sys.stdout.write(json.dumps({**urls, "control": f"{base}/control", "pid": os.getpid()}) + "\n")
    sys.stdout.flush()
    closed = loop.create_task(asyncio.to_thread(sys.stdin.read))
    stop = loop.create_task(server.stopped.wait())
    await asyncio.wait({closed, stop}, return_when=asyncio.FIRST_COMPLETED)
    stop.cancel()
    listener.close()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(listener.wait_closed(), 1.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.e2e_fakes", description=__doc__)
    parser.add_argument("--words", type=int, default=200, help="words in each story")
    parser.add_argument("--seconds", type=float, default=2.0, help="how long each stream takes")
    parser.add_argument("--interval", type=float, default=1.0, help="pacing: s between calls")
    parser.add_argument("--poll-cap", type=float, default=10.0, help="longest getUpdates wait")
    args = parser.parse_args(argv)
    story = FakeStory.make(args.words, args.seconds)
    assert plain_text(story.text) == story.text  # nothing in it Telegram would escape
    asyncio.run(serve(story, args.interval, args.poll_cap))
    return 0


if __name__ == "__main__":
    sys.exit(main())
