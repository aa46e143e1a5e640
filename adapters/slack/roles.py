"""Who may manage a channel's story: configured admins, else workspace admins and owners.

``users.info`` is asked only when a request needs the answer (changing
settings, removing prompts, forget), and the answer is kept for a few minutes
so a burst of settings changes costs one call.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger(__name__)

CACHE_SECONDS = 300.0


class Roles:
    def __init__(
        self,
        client: AsyncWebClient,
        admin_users: Iterable[str],
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.admin_users = {user.strip() for user in admin_users if user.strip()}
        self.clock = clock
        self._known: dict[str, tuple[bool, float]] = {}

    async def is_manager(self, user_id: str) -> bool:
        if user_id in self.admin_users:
            return True
        known = self._known.get(user_id)
        if known is not None and self.clock() - known[1] < CACHE_SECONDS:
            return known[0]
        try:
            response = await self.client.users_info(user=user_id)
        except SlackApiError as exc:
            log.warning("could not look up %s's role, treating them as a member: %s", user_id, exc)
            return False
        user = response.get("user") or {}
        manager = bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))
        self._known[user_id] = (manager, self.clock())
        return manager
