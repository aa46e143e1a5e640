"""Prompt feeds: RSS/Atom feeds or JSON lists of prompts joining the shared pool.

Fetching is conditional (ETag, Last-Modified), bounded in time and size, and
XML is parsed with defusedxml, which refuses entity expansion and external
entities. A bad feed raises :class:`FeedError`; the scheduler logs it and
tries again next time.
"""

from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element

import httpx
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from storage.base import Store

log = logging.getLogger(__name__)

MAX_FEED_BYTES = 1_000_000
MAX_ITEMS = 200
MIN_PROMPT = 8
_TAG = re.compile(r"<[^>]*>")
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
    """Plain one-line prompt text, or None when it is too short or too long to use."""
    plain = " ".join(html.unescape(_TAG.sub(" ", text)).split())
    if len(plain) < MIN_PROMPT or len(plain) > max_length:
        return None
    return plain


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


async def refresh_feed(
    client: httpx.AsyncClient,
    store: Store,
    url: str,
    *,
    max_length: int,
    max_bytes: int = MAX_FEED_BYTES,
) -> FeedResult:
    """Fetch one feed if it changed and add its new prompts to the pool."""
    state = await store.feed_state(url)
    headers = {"Accept": "application/rss+xml, application/atom+xml, application/json, */*"}
    if state and state.etag:
        headers["If-None-Match"] = state.etag
    if state and state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    try:
        async with client.stream("GET", url, headers=headers) as response:
            if response.status_code == 304:
                await store.save_feed_state(url, None, None, None)
                return FeedResult(url, True, 0, 0)
            if response.status_code != 200:
                raise FeedError(f"HTTP {response.status_code}")
            body = await _read_limited(response, max_bytes)
            etag = response.headers.get("etag")
            modified = response.headers.get("last-modified")
            content_type = response.headers.get("content-type", "")
    except httpx.HTTPError as exc:
        await store.save_feed_state(url, None, None, f"{type(exc).__name__}")
        raise FeedError(f"cannot fetch: {type(exc).__name__}") from None
    except FeedError as exc:
        await store.save_feed_state(url, None, None, str(exc))
        raise
    try:
        prompts = parse_feed(body, content_type, max_length)
    except FeedError as exc:
        await store.save_feed_state(url, None, None, str(exc))
        raise
    added = await store.add_feed_prompts(prompts)
    await store.save_feed_state(url, etag, modified, None)
    return FeedResult(url, False, len(prompts), added)
