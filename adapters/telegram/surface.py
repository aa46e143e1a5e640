"""Where one reply is shown in Telegram: a chat (and topic), maybe a message to answer.

This is the :class:`bot.delivery.Surface` for Telegram. It turns the delivery
layer's plain text into escaped HTML, translates flood control into
:class:`~bot.delivery.RateLimited` so the delivery layer waits and tries again,
and treats "message is not modified" as the success it is.
"""

from __future__ import annotations

import contextlib
import logging
import time
import warnings
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from telegram import (
    Bot,
    CallbackQuery,
    InputFile,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError

from adapters.telegram.render import alert_text, html_text, keyboard
from bot.delivery import Choices, Observer, RateLimited, ignore
from bot.types import Attachment

log = logging.getLogger(__name__)

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
NETWORK_RETRY = 1.0
"""Seconds to wait before repeating an edit after a network error (edits are idempotent)."""


@dataclass(frozen=True, slots=True)
class Target:
    """A chat, and the forum topic in it when there is one."""

    chat_id: int
    thread_id: int | None = None


TYPING_SHOWN = 4.0
"""Seconds one "typing…" lasts for our purposes (Telegram shows it for 5 s or until a message)."""


class TypingShown:
    """When each chat was last shown "typing…", shared by every reply in the adapter.

    Every reply being delivered keeps the indicator up, including those still
    waiting in their chat's line: 300 replies queued in one group sent 75
    sendChatAction calls a second and slowed everything else down. One per
    chat (and topic) is all Telegram shows.
    """

    def __init__(self, every: float = TYPING_SHOWN, most: int = 10_000) -> None:
        self.every = every
        self.most = most
        self._last: dict[Target, float] = {}

    def due(self, target: Target) -> bool:
        """Whether to show it now; if so, it counts as shown."""
        now = time.monotonic()
        if now - self._last.get(target, -self.every) < self.every:
            return False
        if len(self._last) >= self.most:  # forget chats whose indicator is over anyway
            self._last = {t: at for t, at in self._last.items() if now - at < self.every}
        self._last[target] = now
        return True


@dataclass(slots=True)
class Shown:
    """The handle of a message the surface sent; None when an alert stood in for it."""

    message_id: int | None


def retry_seconds(exc: RetryAfter) -> float:
    """RetryAfter's wait in seconds, whether PTB gives an int or a timedelta."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value: Any = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def is_error(exc: TelegramError, text: str) -> bool:
    return text in str(exc.message).lower()


class TelegramSurface:
    """Shows one reply. ``reply_to`` is the asker's message in groups (for context and,
    since Telegram has no ephemeral messages, for answers meant for the asker);
    ``query`` is the button press being answered, if any."""

    def __init__(
        self,
        bot: Bot,
        target: Target,
        *,
        reply_to: int | None = None,
        query: CallbackQuery | None = None,
        observe: Observer = ignore,
        typing_shown: TypingShown | None = None,
    ) -> None:
        self.bot = bot
        self.target = target
        self.reply_to = reply_to
        self.query = query
        shown = query.message if query is not None else None
        self.pressed = shown if isinstance(shown, Message) else None
        """The message whose button was pressed: a vote's counts go on its buttons, even
        after the press itself has been answered (typing answers it)."""
        self.observe = observe
        self.typing_shown = typing_shown or TypingShown()
        self._first = True
        self._resume: int | None = None
        self.on_first_message: Callable[[int], Awaitable[None]] | None = None
        """Told the id of the reply's first message once it is sent (the inbox keeps it)."""

    def resume(self, message_id: int | None) -> None:
        """Show the reply in ``message_id``, which an earlier, killed process sent for this
        same update, instead of a new message: a part it showed whole is not shown twice,
        and one it left half-shown is completed in place."""
        self._resume = message_id

    @contextlib.contextmanager
    def _flood_control(self) -> Iterator[None]:
        """Flood control becomes RateLimited, which the delivery layer waits out."""
        try:
            yield
        except RetryAfter as exc:
            self.observe("rate_limited")
            raise RateLimited(retry_seconds(exc)) from exc
        except TelegramError as exc:
            self.observe(type(exc).__name__.lower())
            raise

    async def answer_query(self, text: str | None = None) -> bool:
        """Answer the button press once (Telegram shows a spinner until we do)."""
        query, self.query = self.query, None
        if query is None:
            return False
        try:
            await query.answer(text, show_alert=bool(text))
        except TelegramError as exc:
            log.info("could not answer a button press: %s", exc)
            return False
        return True

    def _reply(self, private: bool) -> ReplyParameters | None:
        first, self._first = self._first, False
        if self.reply_to is None or not (first or private):
            return None
        return ReplyParameters(self.reply_to, allow_sending_without_reply=True)

    async def send(self, text: str, *, choices: Choices | None, private: bool) -> Shown:
        if private and self.query is not None:
            alert = alert_text(text)
            if alert is not None and await self.answer_query(alert):
                return Shown(None)
        await self.answer_query()
        resume, self._resume = self._resume, None
        if resume is not None:
            self._first = False
            shown = Shown(resume)
            try:
                await self.edit(shown, text, choices=choices)
                return shown
            except RateLimited:  # the delivery layer waits, then sends again: here
                self._resume = resume
                raise
            except BadRequest as exc:  # too old to edit, say: show it anew
                log.info("could not show the reply in message %d again: %s", resume, exc)
        with self._flood_control():
            message = await self._send_html(text, choices, self._reply(private))
        told, self.on_first_message = self.on_first_message, None
        if told is not None:
            await told(message.message_id)
        return Shown(message.message_id)

    async def _send_html(
        self, text: str, choices: Choices | None, reply: ReplyParameters | None
    ) -> Message:
        try:
            return await self.bot.send_message(
                self.target.chat_id,
                html_text(text),
                parse_mode=ParseMode.HTML,
                reply_markup=keyboard(choices),
                message_thread_id=self.target.thread_id,
                reply_parameters=reply,
                link_preview_options=NO_PREVIEW,
            )
        except BadRequest as exc:
            if not is_error(exc, "can't parse entities"):
                raise
            # Cannot happen with escaped text; but the words matter more than the markup.
            log.error("Telegram refused our HTML (%s); sending plain text", exc)
            return await self.bot.send_message(
                self.target.chat_id,
                text,
                reply_markup=keyboard(choices),
                message_thread_id=self.target.thread_id,
                reply_parameters=reply,
                link_preview_options=NO_PREVIEW,
            )

    async def edit(self, handle: Shown, text: str, *, choices: Choices | None) -> None:
        if handle.message_id is None:
            return
        with self._flood_control():
            try:
                await self.bot.edit_message_text(
                    html_text(text),
                    chat_id=self.target.chat_id,
                    message_id=handle.message_id,
                    parse_mode=ParseMode.HTML,
                    reply_markup=keyboard(choices),
                    link_preview_options=NO_PREVIEW,
                )
            except BadRequest as exc:
                if is_error(exc, "message is not modified"):
                    return  # it already shows this text
                if not is_error(exc, "message to edit not found"):
                    raise
                # Someone deleted the message mid-story: carry on in a new one.
                handle.message_id = (await self._send_html(text, choices, None)).message_id
            except NetworkError as exc:  # a timeout or dropped connection; edits can repeat
                self.observe("network")
                raise RateLimited(NETWORK_RETRY) from exc

    async def show_tally(self, choices: Choices) -> None:
        """The pressed message's buttons show the counts (a typed ballot has no message)."""
        shown = self.pressed
        if shown is None:
            return
        with self._flood_control():
            try:
                await self.bot.edit_message_reply_markup(
                    chat_id=shown.chat.id,
                    message_id=shown.message_id,
                    reply_markup=keyboard(choices),
                )
            except BadRequest as exc:
                if not is_error(exc, "message is not modified"):
                    raise

    async def typing(self) -> None:
        await self.answer_query()
        if not self.typing_shown.due(self.target):
            return  # another reply in this chat shows it already
        with self._flood_control():
            await self.bot.send_chat_action(
                self.target.chat_id, ChatAction.TYPING, message_thread_id=self.target.thread_id
            )

    async def attach(self, attachment: Attachment, *, private: bool) -> None:
        await self.answer_query()
        reply = None
        if self.reply_to is not None:
            reply = ReplyParameters(self.reply_to, allow_sending_without_reply=True)
        with self._flood_control():
            await self.bot.send_document(
                self.target.chat_id,
                InputFile(attachment.content, filename=attachment.filename),
                message_thread_id=self.target.thread_id,
                reply_parameters=reply,
            )
