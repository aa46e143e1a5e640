"""Prompt feeds: RSS/Atom feeds or JSON lists of prompts joining the shared pool.

Fetching is conditional (ETag, Last-Modified), bounded in time and size, and
XML is parsed with defusedxml, which refuses entity expansion and external
entities. A bad feed raises :class:`FeedError`; :func:`refresh_feeds` logs it
and the scheduler tries again next time.

A feed is written by someone else, so its prompts lose links, mentions and
control characters before they can open a story in a channel.
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element

import httpx
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from bot.redact import hide_url_credentials
from storage.base import Store

log = logging.getLogger(__name__)

MAX_FEED_BYTES = 1_000_000
MAX_ITEMS = 200
MIN_PROMPT = 8
FETCH_DEADLINE = 60.0
"""Seconds for one whole fetch, body included. httpx's timeouts are per read, so a
server dripping a byte every 2 s never tripped them and held a refresh for over a minute."""
PARALLEL_FEEDS = 4
_TAG = re.compile(r"<[^>]*>")  # HTML, and Slack/Discord markup: <https://…|x>, <@U1>, <!here>
_LINK = re.compile(r"\b[a-z][a-z0-9+.-]*://\S*|\bwww\.\S*", re.IGNORECASE)
_MENTION = re.compile(r"@\w+")  # @everyone, @here, @channel, Telegram's @username
_ATOM = "{http://www.w3.org/2005/Atom}"


class FeedError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class FeedResult:
    url: str
    not_modified: bool
    found: int
    added: int


def clean(text: str, max_length: int) -> str | None:
    """Plain one-line prompt text, or None when it is too short or too long to use.

    Markup goes twice, before and after entities are decoded (``&lt;@U1&gt;``). Format
    characters (zero-width, bidi overrides) go before mentions, so a zero-width space
    after the ``@`` cannot hide one. Lengths are checked on what is left, as for a typed prompt.
    """
    plain = _TAG.sub(" ", html.unescape(_TAG.sub(" ", text)))
    plain = "".join(_plain_char(char) for char in plain)
    plain = " ".join(_MENTION.sub(" ", _LINK.sub(" ", plain)).split())
    if len(plain) < MIN_PROMPT or len(plain) > max_length:
        return None
    return plain


def _plain_char(char: str) -> str:
    category = unicodedata.category(char)
    return "" if category == "Cf" else " " if category == "Cc" else char


def _json_prompts(data: Any) -> list[str]:
    if isinstance(data, dict):
        data = data.get("prompts", [])
    if not isinstance(data, list):
        raise FeedError('JSON feed must be a list of prompts or {"prompts": [...]}')
    found = []
    for item in data:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            value = item.get("prompt") or item.get("text") or item.get("title")
            if isinstance(value, str):
                found.append(value)
    return found


def _xml_prompts(root: Element) -> list[str]:
    titles: list[str] = []
    if root.tag == f"{_ATOM}feed":
        for entry in root.iter(f"{_ATOM}entry"):
            title = entry.find(f"{_ATOM}title")
            if title is not None:
                titles.append("".join(title.itertext()))
    else:
        for item in root.iter("item"):  # RSS 2.0 and RSS 1.0 without namespaces
            title = item.find("title")
            if title is not None and title.text:
                titles.append(title.text)
        if not titles and root.tag not in ("rss", "channel"):
            raise FeedError(f"not an RSS or Atom feed (root element {root.tag!r})")
    return titles


def parse_feed(body: bytes, content_type: str, max_length: int) -> list[str]:
    """The usable prompts in a feed body, in feed order, without duplicates."""
    text_start = body.lstrip()[:1]
    try:
        if "json" in content_type or text_start in (b"[", b"{"):
            raw = _json_prompts(json.loads(body))
        else:
            raw = _xml_prompts(fromstring(body))
    except (ValueError, ParseError, DefusedXmlException) as exc:
        raise FeedError(f"malformed feed: {type(exc).__name__}: {str(exc)[:200]}") from None
    prompts: list[str] = []
    for item in raw[:MAX_ITEMS]:
        prompt = clean(item, max_length)
        if prompt and prompt not in prompts:
            prompts.append(prompt)
    return prompts


async def _read_limited(response: httpx.Response, limit: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FeedError(f"feed is larger than {limit} bytes ({declared} declared)")
    body = bytearray()
    async for chunk in response.aiter_bytes():
        body.extend(chunk)
        if len(body) > limit:
            raise FeedError(f"feed is larger than {limit} bytes")
    return bytes(body)


@dataclass(frozen=True, slots=True)
class _Fetched:
    body: bytes
    content_type: str
    etag: str | None
    modified: str | None


async def _fetch(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], max_bytes: int, deadline: float
) -> _Fetched | None:
    """The feed's body and headers, None when unchanged; every failure is a FeedError."""
    try:
        async with (
            asyncio.timeout(deadline),
            client.stream("GET", url, headers=headers) as response,
        ):
            if response.status_code == 304:
                return None
            if response.status_code != 200:
                raise FeedError(f"HTTP {response.status_code}")
            body = await _read_limited(response, max_bytes)
            got = response.headers
            return _Fetched(
                body, got.get("content-type", ""), got.get("etag"), got.get("last-modified")
            )
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise FeedError(f"cannot fetch: {type(exc).__name__}") from None
    except TimeoutError:
        raise FeedError(f"not fetched within {deadline:g} s") from None


async def refresh_feed(
    client: httpx.AsyncClient,
    store: Store,
    url: str,
    *,
    max_length: int,
    max_bytes: int = MAX_FEED_BYTES,
    deadline: float = FETCH_DEADLINE,
) -> FeedResult:
    """Fetch one feed if it changed and add its new prompts to the pool."""
    state = await store.feed_state(url)
    headers = {"Accept": "application/rss+xml, application/atom+xml, application/json, */*"}
    if state and state.etag:
        headers["If-None-Match"] = state.etag
    if state and state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    try:
        fetched = await _fetch(client, url, headers, max_bytes, deadline)
        if fetched is None:
            await store.save_feed_state(url, None, None, None)
            return FeedResult(url, True, 0, 0)
        prompts = parse_feed(fetched.body, fetched.content_type, max_length)
    except FeedError as exc:
        await store.save_feed_state(url, None, None, str(exc))
        raise
    added = await store.add_feed_prompts(prompts)
    await store.save_feed_state(url, fetched.etag, fetched.modified, None)
    return FeedResult(url, False, len(prompts), added)


async def refresh_feeds(
    client: httpx.AsyncClient,
    store: Store,
    urls: Sequence[str],
    *,
    max_length: int,
    deadline: float = FETCH_DEADLINE,
    parallel: int = PARALLEL_FEEDS,
) -> list[FeedResult | FeedError]:
    """Refresh every feed, ``parallel`` at a time, and log each outcome.

    Feeds are fetched side by side so one slow feed does not keep the others
    waiting; each still has its own ``deadline``. Results come in ``urls`` order.
    """
    gate = asyncio.Semaphore(parallel)

    async def one(url: str) -> FeedResult | FeedError:
        shown = hide_url_credentials(url)
        async with gate:
            try:
                result = await refresh_feed(
                    client, store, url, max_length=max_length, deadline=deadline
                )
            except FeedError as exc:
                log.warning("feed %s failed: %s", shown, exc)
                return exc
        log.info("feed %s: %d prompts, %d new", shown, result.found, result.added)
        return result

    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(one(url)) for url in urls]
    return [task.result() for task in tasks]
