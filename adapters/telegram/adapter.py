"""The Telegram adapter: python-telegram-bot updates in, engine replies out.

Long polling by default, a webhook on the app's HTTP server when
``telegram.webhook_url`` is set. Either way every update is kept in the inbox
before Telegram may forget it (``intake.py``), PTB's application runs the
handlers inside the app's own event loop (``initialize``/``start``, stopped
in reverse), and an update leaves the inbox once answered
(``processing.py``). Handlers only take the request's place in line and
start its delivery, so a flooded chat never holds a slot another chat needs;
the engine keeps each chat in order and answers an update id once.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Coroutine
from dataclasses import replace
from typing import Any

from aiohttp import web
from telegram import Bot, CallbackQuery, Message, Update
from telegram.constants import ChatMemberStatus
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from adapters.telegram import inbound, render
from adapters.telegram.inbound import PLATFORM, Target
from adapters.telegram.intake import (
    SECRET_HEADER,
    WEBHOOK_PATH,
    Intake,
    Poller,
    Webhook,
    webhook_endpoint,
)
from adapters.telegram.processing import Deliveries, InboxProcessor
from adapters.telegram.render import MAX_MESSAGE, parse_choice_data, utf16_len
from adapters.telegram.request import AiohttpRequest
from adapters.telegram.surface import TelegramSurface, TypingShown
from bot.app import App
from bot.commands import Command, Parsed
from bot.delivery import Limits, Surface, deliver
from bot.identity import ChannelKey, Sender
from bot.platforms import CredentialsRefused
from bot.types import Final, ManagerCheck, Mode, ReplyStream, Request, manages, only

__all__ = ["SECRET_HEADER", "WEBHOOK_PATH", "TelegramAdapter", "webhook_endpoint"]

log = logging.getLogger(__name__)

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
"""Edited messages, reactions and the rest are never even fetched."""
MANAGERS = {ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}
Context = ContextTypes.DEFAULT_TYPE


class TelegramAdapter:
    name = PLATFORM

    def __init__(self, app: App, web_app: web.Application | None = None) -> None:
        config = app.settings.telegram
        if config.token is None:
            raise ValueError("telegram.token (STORYBOT_TELEGRAM__TOKEN) is not set")
        self.app, self.config = app, config
        self.grace = app.settings.shutdown_grace
        self.webhook_url = webhook_endpoint(config.webhook_url) if config.webhook_url else None
        # Without a configured secret, a random one still keeps strangers off the webhook.
        secret = config.webhook_secret
        self.secret = secret.get_secret_value() if secret else secrets.token_urlsafe(32)
        self.deliveries = Deliveries(app.inbox)
        self.typing_shown = TypingShown()
        self.application = (
            Application.builder()
            .token(config.token.get_secret_value())
            .base_url(config.api_base_url)
            .base_file_url(config.file_base_url)
            .concurrent_updates(InboxProcessor(self.deliveries))
            .request(AiohttpRequest())
            .get_updates_request(AiohttpRequest(1))
            .updater(None)  # it would confirm updates before they are kept
            .job_queue(None)
            .build()
        )
        self.intake = Intake(self.application.bot, app.inbox, self.application.update_queue)
        self.poller: Poller | None = None
        if not self.webhook_url:
            self.poller = Poller(
                self.intake, timeout=config.poll_timeout, allowed_updates=ALLOWED_UPDATES
            )
        self.webhook = Webhook(self.intake, self.secret, lambda: self.application.running)
        self._add_handlers()
        if self.webhook_url and web_app is not None:
            web_app.router.add_post(WEBHOOK_PATH, self.webhook.receive)

    @property
    def bot(self) -> Bot:
        return self.application.bot

    def _add_handlers(self) -> None:
        new_message = filters.UpdateType.MESSAGE
        self.application.add_handlers(
            [
                CommandHandler(inbound.COMMANDS, self._on_command, filters=new_message),
                MessageHandler(new_message & filters.TEXT & ~filters.COMMAND, self._on_text),
                MessageHandler(new_message & filters.ChatType.PRIVATE, self._on_other),
                CallbackQueryHandler(self._on_press),
            ]
        )
        self.application.add_error_handler(self._on_error)

    # lifecycle

    async def start(self) -> None:
        """Connect and return; updates are then handled in the background.

        Updates an earlier process fetched and never answered go first. A
        refused token is :class:`CredentialsRefused` (retrying cannot help);
        anything else may be tried again by calling ``start`` again.
        """
        try:
            await self.application.initialize()
        except InvalidToken:  # its message quotes the token: leave it out
            raise CredentialsRefused("Telegram refused the bot token") from None
        try:
            await self._set_commands()
            if self.webhook_url:
                await self.bot.set_webhook(
                    self.webhook_url, secret_token=self.secret, allowed_updates=ALLOWED_UPDATES
                )
            else:
                await self.bot.delete_webhook()  # getUpdates is refused while one is set
            await self.application.start()
            await self.intake.take_up()
            if self.poller is not None:
                self.poller.start()
        except BaseException:
            await self.stop()
            raise
        log.info(
            "Telegram bot @%s is up (%s)",
            self.bot.username,
            "webhook" if self.webhook_url else "long polling",
        )

    async def stop(self) -> None:
        """Stop fetching, let replies finish within the shutdown grace, close the client.

        Updates not answered by then stay in the inbox for the next start.
        """
        if self.poller is not None:
            await self.poller.stop()
        if self.application.running:
            await self.application.stop()
        await self.deliveries.close(self.grace)
        await self.application.shutdown()

    async def _set_commands(self) -> None:
        """The menu in each language, which Telegram shows by the user's app language."""
        for language, commands in render.menus(self.language):
            try:
                await self.bot.set_my_commands(commands, language_code=language)
            except TelegramError as exc:
                log.warning("could not set the Telegram command menu (%s): %s", language, exc)

    @property
    def language(self) -> str:
        """``i18n.default``: the language for users whose locale Storybot does not speak."""
        return self.app.settings.i18n.default

    @staticmethod
    def _locale(message: Message) -> str | None:
        return inbound.sender_of(message).locale

    # updates: each handler takes its place in line and returns; replies go on beside

    async def _on_command(self, update: Update, context: Context) -> None:
        message = update.message
        if message is None or inbound.from_bot(message):
            return
        found = inbound.command_of(message)
        if found is None:
            return
        name, args = found
        if name == inbound.START:
            self._greet(update, message)
            return
        self._tell(update, message, inbound.story_text(name, args), Mode.COMMAND)

    async def _on_text(self, update: Update, context: Context) -> None:
        message = update.message
        if message is None or inbound.from_bot(message) or message.is_automatic_forward:
            return
        text: str | None = message.text or ""
        if not inbound.is_private(message.chat):
            text = inbound.mention_text(message, self.bot.username)
            if text is None and inbound.replies_to_bot(message, self.bot.id):
                text = message.text
        if text is not None:
            self._tell(update, message, text, Mode.CHAT)

    async def _on_other(self, update: Update, context: Context) -> None:
        """Stickers, photos, unknown commands in a DM: say what works instead."""
        message = update.message
        if message is None or inbound.from_bot(message):
            return
        surface = self._surface(Target(message.chat.id))
        self._beside(update, self._hint(message, surface))

    async def _hint(self, message: Message, surface: TelegramSurface) -> None:
        channel, locale = inbound.channel_key(Target(message.chat.id)), self._locale(message)
        language = await self.app.engine.language_for(channel, locale)
        hint = render.said(render.UNKNOWN if message.text else render.NOT_TEXT, language)
        await self._show(Final(hint, private=True), surface)

    async def _on_press(self, update: Update, context: Context) -> None:
        query = update.callback_query
        if query is None:
            return
        choice = parse_choice_data(query.data)
        shown = query.message
        if choice is None or shown is None:  # not ours to act on, but the spinner must stop
            self._beside(update, self._clear_spinner(query))
            return
        ref, number = choice
        target = inbound.target_of(shown) if isinstance(shown, Message) else Target(shown.chat.id)
        private = inbound.is_private(shown.chat)
        sender = inbound.sender_of_user(query.from_user)
        request = Request(
            inbound.channel_key(target),
            sender,
            command=Parsed(Command.CHOOSE, str(number)),
            may_manage=manages if private else self._manager_check(target.chat_id, sender),
            event_id=str(update.update_id),
            ref=ref,
            shared=not private,
        )
        self._answer(update, request, self._surface(target, query=query), private)

    async def _on_error(self, update: object, context: Context) -> None:
        log.error("handling a Telegram update failed", exc_info=context.error)

    # replies

    def _tell(self, update: Update, message: Message, text: str, mode: Mode) -> None:
        target = inbound.target_of(message)
        sender = inbound.sender_of(message)
        private = inbound.is_private(message.chat)
        may_manage: ManagerCheck = manages
        if not (private or inbound.is_anonymous_admin(message)):
            may_manage = self._manager_check(message.chat.id, sender)
        request = Request(
            inbound.channel_key(target),
            sender,
            text,
            mode,
            may_manage=may_manage,
            event_id=str(update.update_id),
            shared=not private,
        )
        reply_to = None if private else message.message_id
        self._answer(update, request, self._surface(target, reply_to=reply_to), private)

    def _answer(
        self, update: Update, request: Request, surface: TelegramSurface, private: bool
    ) -> None:
        """Take the request's place in its channel's line now; deliver the reply beside.

        ``engine.handle`` runs before anything is awaited, so a chat's
        requests are answered in the order their updates were queued.
        """
        if update.update_id in self.intake.retaken:
            request = replace(request, retaken=True)
            surface.resume(self.intake.retaken[update.update_id])
        event = str(update.update_id)

        async def showing(message_id: int) -> None:
            await self.app.inbox.showing(PLATFORM, event, str(message_id))

        surface.on_first_message = showing
        stream = self.app.engine.handle(request)
        self._beside(update, self._deliver(stream, request.channel, surface, private))

    def _beside(self, update: Update, work: Coroutine[Any, Any, None]) -> None:
        """Run ``work`` without holding PTB's processing slot; the update is done after it."""
        self.intake.retaken.pop(update.update_id, None)
        self.deliveries.start(update.update_id, work)

    def _manager_check(self, chat_id: int, sender: Sender) -> ManagerCheck:
        """Group admins manage the group's stories; the engine asks only when it must."""

        async def is_admin() -> bool:
            try:
                member = await self.bot.get_chat_member(chat_id, int(sender.id))
            except (TelegramError, ValueError) as exc:
                log.warning("could not look up a chat member: %s", exc)
                return False
            return member.status in MANAGERS

        return is_admin

    def _surface(
        self, target: Target, *, reply_to: int | None = None, query: CallbackQuery | None = None
    ) -> TelegramSurface:
        return TelegramSurface(
            self.bot,
            target,
            reply_to=reply_to,
            query=query,
            observe=self.app.metrics.reporter(PLATFORM),
            typing_shown=self.typing_shown,
        )

    def limits(self, private: bool) -> Limits:
        """Telegram allows about one message a second per chat, twenty a minute in groups."""
        interval = self.config.private_interval if private else self.config.group_interval
        return Limits(MAX_MESSAGE, interval, measure=utf16_len)

    async def _deliver(
        self, stream: ReplyStream, channel: ChannelKey, surface: TelegramSurface, private: bool
    ) -> None:
        try:
            await deliver(stream, surface, self.limits(private))
        except TelegramError as exc:  # e.g. the user blocked the bot, or it left the group
            log.warning("could not show a reply in %s: %s", channel, exc)
        except Exception:
            log.exception("could not show a reply in %s", channel)
        finally:
            await surface.answer_query()

    @staticmethod
    async def _clear_spinner(query: CallbackQuery) -> None:
        try:
            await query.answer()
        except TelegramError as exc:
            log.info("could not answer a button press: %s", exc)

    async def _show(self, final: Final, surface: TelegramSurface) -> None:
        """Answers the adapter gives itself (greetings, hints), through the same delivery."""
        try:
            await deliver(only(final), surface, self.limits(private=False), typing=False)
        except Exception:
            log.exception("could not show a reply in chat %s", surface.target.chat_id)

    async def surface_for(self, channel: ChannelKey) -> tuple[Surface, Limits] | None:
        """A surface on a channel key, for posts nobody asked for (the story of the day)."""
        target = inbound.target_from_key(channel)
        if target is None or not self.application.running:
            return None
        return self._surface(target), self.limits(private=target.chat_id > 0)

    def _greet(self, update: Update, message: Message) -> None:
        """/start: with a story waiting here, its title, last lines and the ways on;
        "send me an idea" would merge the idea into the running story."""
        target = inbound.target_of(message)
        private = inbound.is_private(message.chat)
        surface = self._surface(target, reply_to=None if private else message.message_id)
        self._beside(update, self._welcome(message, inbound.channel_key(target), surface))

    async def _welcome(
        self, message: Message, channel: ChannelKey, surface: TelegramSurface
    ) -> None:
        engine = self.app.engine
        language = await engine.language_for(channel, self._locale(message))
        if await engine.has_story(channel):
            text = await engine.greeting(channel, language=language)
        else:
            if inbound.is_private(message.chat):
                user = message.from_user
                name = user.first_name if user else render.said(render.THERE, language)
                hello = render.said(render.PRIVATE_HELLO, language, name=name)
            else:
                hello = render.said(render.GROUP_HELLO, language)
            text = f"{hello}\n\n{engine.help_text(language=language)}"
        await self._show(Final(text, private=True), surface)
