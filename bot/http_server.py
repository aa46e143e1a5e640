"""The service's HTTP server: aiohttp, with the limits its server lacks.

1,100 slowloris connections (headers sent a byte at a time, or never finished)
took every descriptor under the default limit of 1,024, and /healthz and signed
Slack events went unanswered for 120 s: aiohttp has no deadline for a request
head and no cap on connections. This module serves an ``aiohttp.web.Application``
with

- a cap on open connections; at the cap a new connection evicts the oldest one
  that has not yet sent a complete request head, and is closed at once only if
  every open connection is in the middle of a request;
- a deadline for a new connection to send a complete request head;
- a total time per request, after which the handler is cancelled and the
  client gets 503 and a closed connection. A WebSocket is exempt once its
  handshake is answered, so a header alone cannot claim the exemption;
- aiohttp's own keep-alive idle timeout.

Each accepted socket gets aiohttp's protocol wrapped in :class:`_Connection`,
which tells the server when it arrives and leaves; a middleware tells it when a
request head is complete. Only public aiohttp and asyncio API is used.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import resource
import socket
from dataclasses import dataclass, fields

from aiohttp import web
from aiohttp.typedefs import Handler

from bot.config import HttpConfig

log = logging.getLogger(__name__)

RESERVED_DESCRIPTORS = 128
"""Descriptors kept back from the cap for the database, platform clients and LLM streams."""

WARN_EVERY = 60.0
"""Seconds between warnings while connections are being evicted, refused or timed out."""


class PortTaken(OSError):
    """The HTTP address cannot be bound; the message names it and what to do."""

    def __str__(self) -> str:
        return str(self.strerror)  # the message alone, without "[Errno 98]"


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound before any platform connects, so that a taken
    port fails at once with a message naming it. ``port=0`` picks a free port;
    an IPv6 ``host`` (with a colon) gets an IPv6 socket, anything else IPv4."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host, port), family=family)
    except OSError as exc:
        where = f"[{host}]:{port}" if family == socket.AF_INET6 else f"{host}:{port}"
        reason = str(exc.strerror).split(" (while attempting")[0]  # create_server's addition
        hint = (
            "Is another Storybot running? Set http.port (STORYBOT_HTTP__PORT) to a free port."
            if exc.errno == errno.EADDRINUSE
            else "Check http.host and http.port (STORYBOT_HTTP__HOST, STORYBOT_HTTP__PORT)."
        )
        raise PortTaken(exc.errno, f"cannot listen on {where} ({reason}). {hint}") from exc


def connection_cap(wanted: int) -> int:
    """``wanted``, or less if the process's descriptor limit cannot hold it plus a reserve:
    a cap above the limit would let connections take the descriptors it protects."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or wanted <= soft - RESERVED_DESCRIPTORS:
        return wanted
    cap = max(1, soft - RESERVED_DESCRIPTORS)
    log.warning(
        "http.max_connections is %d but the descriptor limit is %d; serving at most %d "
        "connections (raise LimitNOFILE / ulimit -n to allow more)",
        wanted,
        soft,
        cap,
    )
    return cap


@dataclass
class HttpStats:
    """Connections the limits acted on since start, for logs and metrics."""

    evicted: int = 0
    refused: int = 0
    head_timeouts: int = 0
    request_timeouts: int = 0


class _Gate:
    """Which connections are open, which have not yet sent a request head, and the cap."""

    def __init__(self, cap: int, header_timeout: float, stats: HttpStats) -> None:
        self.cap = cap
        self.header_timeout = header_timeout
        self.stats = stats
        self.open: dict[web.RequestHandler, _Connection] = {}
        self.waiting: dict[_Connection, None] = {}
        """Connections without a complete request head, oldest first: the ones to evict."""
        self._last_warning = float("-inf")

    def admit(self, conn: _Connection) -> bool:
        if len(self.open) >= self.cap:
            if not self.waiting:
                self.count("refused")
                return False
            self.count("evicted")
            self.drop(next(iter(self.waiting)))
        self.open[conn.inner] = conn
        self.waiting[conn] = None
        return True

    def drop(self, conn: _Connection) -> None:
        self.forget(conn)
        conn.close()

    def forget(self, conn: _Connection) -> None:
        if self.open.get(conn.inner) is conn:
            del self.open[conn.inner]
        self.waiting.pop(conn, None)

    def count(self, kind: str) -> None:
        setattr(self.stats, kind, getattr(self.stats, kind) + 1)
        now = asyncio.get_running_loop().time()
        if now - self._last_warning >= WARN_EVERY:
            self._last_warning = now
            counts = ", ".join(f"{f.name} {getattr(self.stats, f.name)}" for f in fields(HttpStats))
            log.warning("HTTP limits acting (%d open; since start: %s)", len(self.open), counts)


class _Connection(asyncio.Protocol):
    """One accepted socket: aiohttp's protocol behind a gate that may refuse or close it."""

    def __init__(self, gate: _Gate, inner: web.RequestHandler) -> None:
        self.gate = gate
        self.inner = inner
        self.transport: asyncio.BaseTransport | None = None
        self.admitted = False
        self.deadline: asyncio.Timeout | None = None
        """The running request's time limit, while its handler runs."""
        self.answering = False
        """The running request's handler has begun its response."""
        self._head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        if not self.gate.admit(self):
            transport.close()
            return
        self.admitted = True
        self.inner.connection_made(transport)
        loop = asyncio.get_running_loop()
        self._head_timer = loop.call_later(self.gate.header_timeout, self._head_overdue)

    def data_received(self, data: bytes) -> None:
        if self.admitted:
            self.inner.data_received(data)

    def eof_received(self) -> bool | None:
        if self.admitted:
            self.inner.eof_received()
        return None  # close on the client's end of input, as aiohttp does

    def pause_writing(self) -> None:
        self.inner.pause_writing()

    def resume_writing(self) -> None:
        self.inner.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        self.gate.forget(self)
        self._stop_head_timer()
        if self.admitted:
            self.inner.connection_lost(exc)

    def request_started(self) -> None:
        """A complete head has arrived: no head deadline and no eviction from now on."""
        self._stop_head_timer()
        self.gate.waiting.pop(self, None)

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()

    def _stop_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_overdue(self) -> None:
        self._head_timer = None
        self.gate.count("head_timeouts")
        self.gate.drop(self)


class HttpServer:
    """Serves ``app`` on ``config.host:config.port``, or on ``sock``, within the limits above.

    Call :meth:`start` once every route is added (it adds a middleware and a
    response hook, and freezes the app) and :meth:`stop` at the end.
    """

    def __init__(
        self,
        app: web.Application,
        config: HttpConfig,
        *,
        sock: socket.socket | None = None,
        shutdown_timeout: float = 10.0,
    ) -> None:
        self.app = app
        self.config = config
        self.stats = HttpStats()
        self._gate = _Gate(
            connection_cap(config.max_connections), config.header_timeout, self.stats
        )
        self._sock = sock
        self._shutdown_timeout = shutdown_timeout
        self._runner: web.AppRunner | None = None
        self._listener: asyncio.Server | None = None

    @property
    def addresses(self) -> list[tuple[str, int]]:
        """Where it listens, as ``(host, port)``; empty before :meth:`start`."""
        if self._listener is None:
            return []
        return [sock.getsockname()[:2] for sock in self._listener.sockets]

    @property
    def port(self) -> int:
        """The bound port (the one picked, for ``port=0``)."""
        return self.addresses[0][1]

    @property
    def max_connections(self) -> int:
        """The cap in force: ``http.max_connections`` unless the descriptor limit is lower."""
        return self._gate.cap

    @property
    def open_connections(self) -> int:
        return len(self._gate.open)

    async def start(self) -> None:
        """Listen; raises :class:`PortTaken` if it binds the address itself and cannot."""
        sock = self._sock or bind(self.config.host, self.config.port)
        self.app.middlewares.insert(0, self._limit_request)
        self.app.on_response_prepare.append(self._on_response_prepare)
        self._runner = web.AppRunner(
            self.app,
            access_log=None,
            keepalive_timeout=self.config.keepalive_timeout,
            shutdown_timeout=self._shutdown_timeout,
        )
        await self._runner.setup()
        loop = asyncio.get_running_loop()
        self._listener = await loop.create_server(self._accept, sock=sock)

    async def stop(self) -> None:
        """Stop listening, give requests in flight ``shutdown_timeout``, close the rest."""
        if self._listener is not None:
            self._listener.close()
        if self._runner is not None:
            await self._runner.cleanup()
        for conn in list(self._gate.open.values()):
            conn.close()
        if self._listener is not None:
            await self._listener.wait_closed()

    def _accept(self) -> asyncio.Protocol:
        assert self._runner is not None
        assert self._runner.server is not None
        return _Connection(self._gate, self._runner.server())

    @web.middleware
    async def _limit_request(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        conn = self._gate.open.get(request.protocol)
        deadline = asyncio.timeout(self.config.request_timeout)
        if conn is not None:
            conn.request_started()
            conn.deadline, conn.answering = deadline, False
        try:
            async with deadline:
                return await handler(request)
        except TimeoutError:
            if not deadline.expired():
                raise  # the handler's own timeout, not ours
        finally:
            if conn is not None:
                conn.deadline = None
        return await self._too_slow(request, conn)

    async def _too_slow(self, request: web.Request, conn: _Connection | None) -> web.Response:
        """503, then close: the client is slow or the handler stuck, and the rest of a
        trickling body is not worth lingering for."""
        self._gate.count("request_timeouts")
        response = web.Response(status=503, text="request took too long\n")
        response.force_close()
        if conn is None or not conn.answering:  # else a second answer cannot follow the first
            try:
                await response.prepare(request)
                await response.write_eof()
            except ConnectionError:
                pass
        request.protocol.force_close()
        return response

    async def _on_response_prepare(
        self, request: web.Request, response: web.StreamResponse
    ) -> None:
        conn = self._gate.open.get(request.protocol)
        if conn is None or conn.deadline is None:
            return
        conn.answering = True
        if isinstance(response, web.WebSocketResponse):
            conn.deadline.reschedule(None)  # open for as long as both ends want it
