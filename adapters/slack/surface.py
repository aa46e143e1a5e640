"""The Slack side of the delivery layer: post, update, ephemeral notes and file uploads.

Text arrives plain from :func:`bot.delivery.deliver` and is escaped here. A 429
from the Web API becomes :class:`bot.delivery.RateLimited`, so delivery waits
``Retry-After`` and makes the same call again instead of losing text.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from adapters.slack.render import SECTION_LIMIT, escape, measure, message_blocks, tally_blocks
from bot.delivery import Choices, Observer, RateLimited, ignore
from bot.splitting import split_text
from bot.types import Attachment

log = logging.getLogger(__name__)

FENCE = "```"
GONE = {"message_not_found", "cant_update_message", "edit_window_closed"}


@dataclass(frozen=True, slots=True)
class Place:
    """Where a reply goes: the conversation, the thread, and the asker (for ephemerals)."""

    channel: str
    thread_ts: str | None
    user_id: str
    direct: bool = False
    """A DM with the bot: everything is private already, so nothing is ephemeral."""


@dataclass(frozen=True, slots=True)
class Posted:
    """A message delivery may edit; ephemeral ones have no ts and cannot be edited."""

    channel: str
    ts: str | None


def retry_after(exc: SlackApiError) -> float | None:
    """Seconds to wait if ``exc`` is a 429, else None."""
    if exc.response is None or exc.response.status_code != 429:
        return None
    headers = exc.response.headers or {}
    value = headers.get("Retry-After") or headers.get("retry-after") or "1"
    try:
        return float(value)
    except ValueError:
        return 1.0


async def call(method: Callable[..., Awaitable[AsyncSlackResponse]], **kwargs: Any) -> Any:
    """One Web API call, with a 429 turned into :class:`RateLimited`."""
    try:
        return await method(**kwargs)
    except SlackApiError as exc:
        wait = retry_after(exc)
        if wait is not None:
            raise RateLimited(wait) from exc
        raise


class SlackSurface:
    def __init__(
        self,
        client: AsyncWebClient,
        place: Place,
        report: Observer = ignore,
        *,
        pressed: dict[str, Any] | None = None,
    ) -> None:
        self.client = client
        self.place = place
        self.report = report
        self.pressed = pressed
        """The message whose button was pressed, for a vote's counts."""
        self._file_pieces_sent: dict[str, int] = {}

    async def _call(self, method: Callable[..., Awaitable[AsyncSlackResponse]], **kw: Any) -> Any:
        try:
            return await call(method, **kw)
        except RateLimited:
            self.report("rate_limited")
            raise
        except SlackApiError as exc:
            self.report(str(exc.response.get("error") or "api_error"))
            raise

    async def send(self, text: str, *, choices: Choices | None, private: bool) -> Posted:
        return await self._post(escape(text), message_blocks(text, choices), private=private)

    async def _post(self, text: str, blocks: list[dict[str, Any]], *, private: bool) -> Posted:
        place = self.place
        if private and not place.direct:
            await self._call(
                self.client.chat_postEphemeral,
                channel=place.channel,
                user=place.user_id,
                text=text,
                blocks=blocks,
                thread_ts=place.thread_ts,
            )
            return Posted(place.channel, None)
        response = await self._call(
            self.client.chat_postMessage,
            channel=place.channel,
            text=text,
            blocks=blocks,
            thread_ts=place.thread_ts,
            unfurl_links=False,
            unfurl_media=False,
        )
        return Posted(response["channel"], response["ts"])

    async def edit(self, handle: Posted, text: str, *, choices: Choices | None) -> None:
        if handle.ts is None:  # an ephemeral note cannot be edited: show the new text anew
            await self.send(text, choices=choices, private=True)
            return
        try:
            await self._call(
                self.client.chat_update,
                channel=handle.channel,
                ts=handle.ts,
                text=escape(text),
                blocks=message_blocks(text, choices),
            )
        except SlackApiError as exc:
            if exc.response.get("error") not in GONE:
                raise
            log.warning("message %s can no longer be updated: %s", handle.ts, exc)

    async def show_tally(self, choices: Choices) -> None:
        pressed = self.pressed
        if not pressed or not pressed.get("ts"):
            return
        await self._call(
            self.client.chat_update,
            channel=self.place.channel,
            ts=pressed["ts"],
            text=pressed.get("text", ""),
            blocks=tally_blocks(pressed.get("blocks") or [], choices),
        )

    async def typing(self) -> None:
        """Slack has no typing indicator for bot messages; the first streamed text shows life."""
        return None

    async def attach(self, attachment: Attachment, *, private: bool) -> None:
        """Upload the file; if Slack refuses (no files:write, a policy), post its text instead."""
        if not private or self.place.direct:
            try:
                await self._call(
                    self.client.files_upload_v2,
                    channel=self.place.channel,
                    thread_ts=self.place.thread_ts,
                    content=attachment.content,
                    filename=attachment.filename,
                    title=attachment.filename,
                )
                return
            except (SlackApiError, SlackRequestError) as exc:
                log.warning("file upload refused, posting the text instead: %s", exc)
        await self._post_text_of(attachment, private=private)

    async def _post_text_of(self, attachment: Attachment, *, private: bool) -> None:
        """The file's text as code blocks; pieces already posted are not posted again."""
        text = attachment.content.decode("utf-8", "replace")
        pieces = split_text(text, SECTION_LIMIT - 2 * len(FENCE) - 2, measure)
        done = self._file_pieces_sent.get(attachment.filename, 0)
        for index, piece in enumerate(pieces[done:], start=done):
            body = f"{FENCE}\n{escape(piece)}\n{FENCE}"
            block = {"type": "section", "text": {"type": "mrkdwn", "text": body, "verbatim": True}}
            await self._post(body, [block], private=private)
            self._file_pieces_sent[attachment.filename] = index + 1
