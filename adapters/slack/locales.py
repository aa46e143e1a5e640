"""Which language a Slack user reads: their locale from ``users.info``, asked rarely.

Slack sends no locale with events or commands; ``users.info`` gives it when asked with
``include_locale=true`` (``ja-JP``, ``fr-FR``). The answer is kept an hour per user,
for at most :data:`MOST_USERS` users (the least recently seen are forgotten first), and
a user's messages that arrive while their lookup is under way wait for that one call
rather than each making their own. A failed lookup means "no locale" (the engine then
answers in the channel's language or ``i18n.default``) and is not asked again for a
few minutes, so a workspace that refuses ``users:read`` costs no call per message.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Callable

import aiohttp
from babel.numbers import format_decimal
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger(__name__)

KEEP_SECONDS = 3600.0
"""How long a user's locale is kept: at most one users.info call per user per hour."""
FAILED_SECONDS = 300.0
"""How long a failed lookup stands before it is tried again."""
MOST_USERS = 10_000
LOOKUP_TIMEOUT = 2.0
"""Seconds a reply waits for the locale before going on without it."""


class Locales:
    """Users' locales, looked up once an hour per user at most, LRU-bounded."""

    def __init__(
        self,
        client: AsyncWebClient,
        *,
        keep: float = KEEP_SECONDS,
        most: int = MOST_USERS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client, self.keep, self.most, self.clock = client, keep, most, clock
        self._known: OrderedDict[str, tuple[str | None, float]] = OrderedDict()
        self._asking: dict[str, asyncio.Future[str | None]] = {}

    async def of(self, user_id: str) -> str | None:
        """The user's locale (``fr-FR``), or None when Slack does not say."""
        known = self._known.get(user_id)
        if known is not None and self.clock() < known[1]:
            self._known.move_to_end(user_id)
            return known[0]
        asking = self._asking.get(user_id)
        if asking is None:
            asking = asyncio.ensure_future(self._ask(user_id))
            self._asking[user_id] = asking
            asking.add_done_callback(lambda _: self._asking.pop(user_id, None))
        try:
            return await asyncio.wait_for(asyncio.shield(asking), LOOKUP_TIMEOUT)
        except TimeoutError:
            log.info("Slack's users.info is slow; answering %s without their locale", user_id)
            return None

    async def _ask(self, user_id: str) -> str | None:
        try:
            response = await self.client.users_info(user=user_id, include_locale=True)
        except (SlackApiError, aiohttp.ClientError, OSError, TimeoutError) as exc:
            log.warning("could not look up %s's locale: %s", user_id, exc)
            self._remember(user_id, None, FAILED_SECONDS)
            return None
        locale = (response.get("user") or {}).get("locale")
        found = locale if isinstance(locale, str) and locale else None
        self._remember(user_id, found, self.keep)
        return found

    def _remember(self, user_id: str, locale: str | None, seconds: float) -> None:
        self._known[user_id] = (locale, self.clock() + seconds)
        self._known.move_to_end(user_id)
        while len(self._known) > self.most:
            self._known.popitem(last=False)


def number(value: int, language: str) -> str:
    """``12,000`` · ``12.000`` · ``12 000``: grouped as ``language`` writes numbers."""
    return format_decimal(value, locale=language)
