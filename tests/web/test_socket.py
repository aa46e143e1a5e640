"""The chat's WebSocket through the service's HTTP server: it outlives the request
deadline, checks its Origin, and ends when the session does."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import pytest

from tests.web.conftest import PASSWORD, Running


@asynccontextmanager
async def operator(live: Running) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        signed = await session.post(live.url + "/api/v1/session", json={"password": PASSWORD})
        assert signed.status == 200
        yield session


async def until(socket: aiohttp.ClientWebSocketResponse, kind: str) -> dict[str, Any]:
    while True:
        event = await asyncio.wait_for(socket.receive_json(), 10)
        if event["type"] == kind:
            return dict(event)


@pytest.mark.parametrize("running", [{"http": {"port": 0, "request_timeout": 1}}], indirect=True)
async def test_a_socket_outlives_the_request_deadline(running: Running) -> None:
    async with (
        operator(running) as session,
        session.ws_connect(running.url + "/web/ws", origin=running.url) as socket,
    ):
        await socket.send_json({"type": "resume", "after": 0})
        await until(socket, "ready")
        await asyncio.sleep(1.5)  # longer than http.request_timeout
        await socket.send_json({"type": "say", "text": "/story help"})
        reply = await until(socket, "message")
        assert "/story" in reply["text"]
    async with aiohttp.ClientSession() as plain:
        slow = await plain.get(running.url + "/healthz")
        assert slow.status == 200  # ordinary requests still have their deadline and work


async def test_a_socket_from_another_site_or_without_a_session_is_refused(
    running: Running,
) -> None:
    async with operator(running) as session:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(running.url + "/web/ws", origin="https://evil.example")
        assert refused.value.status == 403
    async with aiohttp.ClientSession() as anonymous:
        with pytest.raises(aiohttp.WSServerHandshakeError) as nobody:
            await anonymous.ws_connect(running.url + "/web/ws", origin=running.url)
        assert nobody.value.status == 401


@pytest.mark.parametrize("running", [{"web": {"message_bytes": 1024}}], indirect=True)
async def test_oversized_and_signed_out_sockets_are_closed(running: Running) -> None:
    async with operator(running) as session:
        socket = await session.ws_connect(running.url + "/web/ws", origin=running.url)
        await socket.send_json({"type": "resume", "after": 0})
        await until(socket, "ready")
        await socket.send_str("x" * 5000)
        while (await asyncio.wait_for(socket.receive(), 5)).type is aiohttp.WSMsgType.TEXT:
            pass  # the greeting may still be on its way
        assert socket.close_code == 1009  # message too big
        again = await session.ws_connect(running.url + "/web/ws", origin=running.url)
        await again.send_json({"type": "resume", "after": 0})
        await until(again, "ready")
        running.web.sessions.close_where(lambda _: True)  # signed out elsewhere, or expired
        await again.send_json({"type": "say", "text": "hello"})
        while (await asyncio.wait_for(again.receive(), 5)).type is aiohttp.WSMsgType.TEXT:
            pass  # what was sent before the session ended
        assert again.close_code == 4401
        await again.close()


@pytest.mark.parametrize("running", [{"http": {"port": 0, "max_connections": 4}}], indirect=True)
async def test_sockets_never_take_more_than_half_the_connections(running: Running) -> None:
    async with operator(running) as session:
        sockets = []
        for _ in range(2):  # half of four
            socket = await session.ws_connect(running.url + "/web/ws", origin=running.url)
            await socket.send_json({"type": "resume", "after": 0})
            await until(socket, "ready")
            sockets.append(socket)
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(running.url + "/web/ws", origin=running.url)
        assert refused.value.status == 503
        assert (await session.get(running.url + "/healthz")).status == 200
        for socket in sockets:
            await socket.close()
