"""python-telegram-bot's requests over one aiohttp session.

PTB's default backend, ``HTTPXRequest``, pays for httpcore's pool bookkeeping
on every call: taking and returning a connection walks every connection in the
pool (``_assign_requests_to_connections``, ``is_idle``), so a call costs more
the more chats are being answered at once. With 1,000 chats writing at once
that walk was the largest single cost in the process (see bench/RESULTS.md,
benchmark 7). aiohttp keeps idle connections in a deque per host and parses
responses in C, so a call costs the same however busy the bot is.

:class:`AiohttpRequest` is PTB's documented extension point (``BaseRequest``:
PTB builds the request and reads the answer; this only moves bytes), plugged
in with ``ApplicationBuilder().request(...)`` and ``.get_updates_request(...)``.
Timeouts mean what they mean for ``HTTPXRequest``: ``connect`` to open a
connection, ``read`` for the answer, ``pool`` to wait for a free connection
(aiohttp counts that wait inside its connect timeout, so the two are added).
A timeout is PTB's ``TimedOut``; anything else on the wire is ``NetworkError``.
"""

from __future__ import annotations

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

POOL = 256
"""Connections for calls, as ``ApplicationBuilder`` gives ``HTTPXRequest``."""
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def _plus(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a + b


def _given(value: object, default: float | None) -> float | None:
    """A timeout PTB passed, or ours when it passed ``BaseRequest.DEFAULT_NONE``."""
    if value is BaseRequest.DEFAULT_NONE:
        return default
    if value is None or isinstance(value, int | float):
        return value
    raise TypeError(f"a timeout must be a number of seconds or None, not {value!r}")


class AiohttpRequest(BaseRequest):
    """Bot API calls over one aiohttp session, opened in :meth:`initialize`."""

    def __init__(
        self,
        connection_pool_size: int = POOL,
        *,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self.connection_pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        """Open the session (inside the running loop, as aiohttp requires)."""
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self.connection_pool_size, limit_per_host=0)
            self._session = aiohttp.ClientSession(
                connector=connector, headers={"User-Agent": self.USER_AGENT}
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    def _timeout(
        self,
        read: object,
        write: object,
        connect: object,
        pool: object,
        files: bool,
    ) -> aiohttp.ClientTimeout:
        read_s = _given(read, self._read_timeout)
        connect_s = _given(connect, self._connect_timeout)
        pool_s = _given(pool, self._pool_timeout)
        write_s = _given(write, self._media_write_timeout if files else self._write_timeout)
        # aiohttp has no write timeout of its own: a request body that cannot be sent
        # within it is bounded, with its answer, by the total.
        total = _plus(write_s, read_s) if files else None
        return aiohttp.ClientTimeout(
            total=total, connect=_plus(pool_s, connect_s), sock_connect=connect_s, sock_read=read_s
        )

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = bool(request_data and request_data.contains_files)
        timeout = self._timeout(read_timeout, write_timeout, connect_timeout, pool_timeout, files)
        data: aiohttp.FormData | bytes | None = None
        headers = None
        if request_data is not None and files:
            data = _form(request_data)
        elif request_data is not None:
            # Encoded here: given a dict, aiohttp builds a multipart writer first (a uuid4
            # boundary per call) only to send it url-encoded.
            data, headers = request_data.url_encoded_parameters().encode(), FORM
        try:
            async with session.request(
                method, url, data=data, headers=headers, timeout=timeout
            ) as response:
                return response.status, await response.read()
        except TimeoutError as exc:  # aiohttp's own timeouts are TimeoutErrors too
            raise TimedOut(f"Timed out: {type(exc).__name__}") from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {exc}") from exc


def _form(request_data: RequestData) -> aiohttp.FormData:
    """A multipart body: the parameters as fields, then the files."""
    form = aiohttp.FormData()
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mimetype) in request_data.multipart_data.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form
