"""The HTTP server's limits, against real sockets on 127.0.0.1: slowloris, slow bodies,
WebSockets, a taken port."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import resource
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot.config import HttpConfig
from bot.http_server import RESERVED_DESCRIPTORS, HttpServer, PortTaken, bind, connection_cap

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
Stream = tuple[asyncio.StreamReader, asyncio.StreamWriter]


@dataclass
class Probe:
    """What the test routes saw."""

    cancelled: asyncio.Event = field(default_factory=asyncio.Event)
    waiting: int = 0
    release: asyncio.Event = field(default_factory=asyncio.Event)


def make_app(probe: Probe) -> web.Application:
    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"status": "alive"})

    async def upload(request: web.Request) -> web.Response:
        try:
            body = await request.read()
        except asyncio.CancelledError:
            probe.cancelled.set()
            raise
        return web.Response(text=f"{len(body)} bytes")

    async def wait(_: web.Request) -> web.Response:
        probe.waiting += 1
        await probe.release.wait()
        return web.Response(text="released")

    async def pause(request: web.Request) -> web.Response:
        await asyncio.sleep(float(request.query["s"]))
        return web.Response(text="done")

    async def echo(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        async for message in ws:
            await ws.send_str(message.data)
        return ws

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_post("/upload", upload)
    app.router.add_get("/wait", wait)
    app.router.add_get("/pause", pause)
    app.router.add_get("/ws", echo)
    return app


@contextlib.asynccontextmanager
async def serving(probe: Probe, **config: Any) -> AsyncIterator[HttpServer]:
    server = HttpServer(make_app(probe), HttpConfig(host=HOST, port=0, **config))
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


async def connect(port: int, head: bytes = b"") -> Stream:
    reader, writer = await asyncio.open_connection(HOST, port)
    if head:
        writer.write(head)
        await writer.drain()
    return reader, writer


async def close_all(streams: list[Stream]) -> None:
    async def close(writer: asyncio.StreamWriter) -> None:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()

    await asyncio.gather(*(close(writer) for _, writer in streams))


async def read_all(reader: asyncio.StreamReader, within: float) -> bytes | None:
    """What the server sent before closing, or ``None`` if it has not closed ``within`` s."""
    try:
        return await asyncio.wait_for(reader.read(), within)
    except TimeoutError:
        return None
    except ConnectionResetError:
        return b""


async def get(port: int, path: str, within: float = 2.0, headers: str = "") -> int | None:
    """The status of ``GET path`` on a fresh connection, or ``None`` without an answer."""
    head = f"GET {path} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n{headers}\r\n"
    stream = await connect(port, head.encode())
    try:
        answer = await read_all(stream[0], within)
    finally:
        await close_all([stream])
    return int(answer.split(b" ", 2)[1]) if answer else None


async def wait_until(condition: Any, within: float = 2.0) -> None:
    async with asyncio.timeout(within):
        while not condition():  # noqa: ASYNC110 - the server has no event for this
            await asyncio.sleep(0.01)


CHILD = """
import asyncio, resource, sys
from aiohttp import web
from bot.config import HttpConfig
from bot.http_server import HttpServer

async def main() -> None:
    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"status": "alive"})
    app = web.Application()
    app.router.add_get("/healthz", healthz)
    config = HttpConfig(port=0, max_connections=int(sys.argv[1]))
    server = HttpServer(app, config)
    await server.start()
    print(server.port, flush=True)
    await asyncio.Event().wait()

_, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (int(sys.argv[2]), hard))
asyncio.run(main())
"""


async def test_healthz_answers_under_more_slowloris_connections_than_descriptors(
    tmp_path: Path,
) -> None:
    """The finding, scaled down: a server limited to 256 descriptors, 300 connections that
    never finish their request head. Without the cap the server runs out of descriptors
    and stops accepting; with it, a fresh /healthz is answered at once."""
    descriptors, slowloris = 256, 300
    errors = tmp_path / "child.err"
    with errors.open("wb") as stderr:
        child = await asyncio.create_subprocess_exec(
            *(sys.executable, "-c", CHILD, "50", str(descriptors)),
            cwd=ROOT,
            stdout=asyncio.subprocess.PIPE,
            stderr=stderr,
        )
    streams: list[Stream] = []
    try:
        assert child.stdout is not None
        port = int(await asyncio.wait_for(child.stdout.readline(), 10))
        head = b"GET /healthz HTTP/1.1\r\nHost: slow\r\nX-Padding: a"
        for _ in range(slowloris):
            streams.append(await asyncio.wait_for(connect(port, head), 2))

        started = time.monotonic()
        status = await get(port, "/healthz", within=2.0)
        took = time.monotonic() - started
    finally:
        await close_all(streams)
        child.kill()
        await child.wait()
    assert status == 200, errors.read_text()[-2000:]
    assert took < 2.0


async def test_the_oldest_connection_without_a_request_is_evicted_for_a_new_one() -> None:
    probe = Probe()
    async with serving(probe, max_connections=3, header_timeout=30) as server:
        silent = [await connect(server.port) for _ in range(3)]
        try:
            await wait_until(lambda: server.open_connections == 3)
            assert await get(server.port, "/healthz") == 200
            assert await read_all(silent[0][0], 1.0) == b""  # the oldest, closed
            assert await read_all(silent[1][0], 0.1) is None  # the others, still open
            assert await read_all(silent[2][0], 0.1) is None
            assert server.stats.evicted == 1
        finally:
            await close_all(silent)


async def test_a_new_connection_is_closed_at_once_when_every_slot_is_in_a_request() -> None:
    probe = Probe()
    async with serving(probe, max_connections=2) as server:
        head = b"GET /wait HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"
        busy = [await connect(server.port, head) for _ in range(2)]
        try:
            await wait_until(lambda: probe.waiting == 2)
            started = time.monotonic()
            assert await get(server.port, "/healthz", within=1.0) is None  # closed, unanswered
            assert time.monotonic() - started < 0.5
            assert server.stats.refused == 1
            probe.release.set()
            for reader, _ in busy:
                answer = await read_all(reader, 2.0)
                assert answer is not None
                assert answer.startswith(b"HTTP/1.1 200")
        finally:
            await close_all(busy)


@pytest.mark.parametrize("trickle", [False, True], ids=["silent", "byte-at-a-time"])
async def test_a_connection_without_a_complete_request_head_is_closed(trickle: bool) -> None:
    probe = Probe()
    async with serving(probe, header_timeout=0.3) as server:
        stream = await connect(server.port)

        async def dribble() -> None:
            for byte in b"GET /healthz HTTP/1.1\r\nX-Slow: " + b"a" * 100:
                stream[1].write(bytes([byte]))
                await asyncio.sleep(0.02)

        task = asyncio.create_task(dribble() if trickle else asyncio.sleep(0))
        started = time.monotonic()
        try:
            assert await read_all(stream[0], 2.0) == b""
            assert 0.25 < time.monotonic() - started < 1.5
            assert server.stats.head_timeouts == 1
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, OSError):
                await task
            await close_all([stream])


async def test_a_request_longer_than_the_head_deadline_is_not_cut() -> None:
    async with serving(Probe(), header_timeout=0.2, request_timeout=5) as server:
        assert await get(server.port, "/pause?s=0.5") == 200


async def test_an_idle_connection_is_closed_after_the_keepalive_timeout() -> None:
    async with serving(Probe(), keepalive_timeout=0.3) as server:
        stream = await connect(server.port, b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
        try:
            answer = await stream[0].readuntil(b'alive"}')
            assert answer.startswith(b"HTTP/1.1 200")
            started = time.monotonic()
            assert await read_all(stream[0], 2.0) == b""
            assert 0.2 < time.monotonic() - started < 1.5
        finally:
            await close_all([stream])


async def test_a_slow_body_gets_503_and_frees_the_handler() -> None:
    probe = Probe()
    async with serving(probe, request_timeout=0.5) as server:
        head = b"POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n"
        stream = await connect(server.port, head)

        async def dribble() -> None:  # 100 bytes over 5 s
            for _ in range(100):
                stream[1].write(b"x")
                await asyncio.sleep(0.05)

        task = asyncio.create_task(dribble())
        started = time.monotonic()
        try:
            answer = await read_all(stream[0], 2.0)
            assert answer is not None, "no answer and the connection still open"
            assert answer == b"" or answer.startswith(b"HTTP/1.1 503"), answer
            assert 0.45 < time.monotonic() - started < 2.0
            assert probe.cancelled.is_set()
            assert server.stats.request_timeouts == 1
            assert await get(server.port, "/healthz") == 200
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, OSError):
                await task
            await close_all([stream])


async def test_a_websocket_outlives_the_request_timeout() -> None:
    async with (
        serving(Probe(), request_timeout=0.3) as server,
        aiohttp.ClientSession() as session,
        session.ws_connect(f"http://{HOST}:{server.port}/ws") as ws,
    ):
        await asyncio.sleep(0.8)
        await ws.send_str("still here")
        message = await ws.receive(timeout=1.0)
        assert message.type is aiohttp.WSMsgType.TEXT
        assert message.data == "still here"


async def test_upgrade_headers_on_an_ordinary_route_do_not_lift_the_timeout() -> None:
    """Only an answered WebSocket handshake is exempt; a client cannot claim it."""
    upgrade = "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: x\r\n"
    async with serving(Probe(), request_timeout=0.3) as server:
        status = await get(server.port, "/pause?s=30", within=2.0, headers=upgrade)
        assert status == 503


def test_binding_a_taken_port_names_the_address() -> None:
    with bind(HOST, 0) as first:
        port = first.getsockname()[1]
        with pytest.raises(PortTaken, match=rf"127\.0\.0\.1:{port} .*STORYBOT_HTTP__PORT") as err:
            bind(HOST, port)
    assert isinstance(err.value, OSError)
    assert err.value.errno == errno.EADDRINUSE
    assert str(err.value).startswith(f"cannot listen on 127.0.0.1:{port} (")


async def test_it_serves_on_a_socket_bound_beforehand() -> None:
    sock = bind(HOST, 0)
    port = sock.getsockname()[1]
    server = HttpServer(make_app(Probe()), HttpConfig(port=1), sock=sock)
    await server.start()
    try:
        assert server.port == port
        assert server.addresses == [(HOST, port)]
        assert await get(port, "/healthz") == 200
    finally:
        await server.stop()


def test_the_cap_leaves_descriptors_for_everything_else() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (600, hard))
    try:
        assert connection_cap(1000) == 600 - RESERVED_DESCRIPTORS
        assert connection_cap(50) == 50
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_the_defaults() -> None:
    http = HttpConfig()
    assert (http.max_connections, http.header_timeout) == (1000, 10)
    assert (http.request_timeout, http.keepalive_timeout) == (30, 15)
