"""The Telegram adapter: python-telegram-bot updates in, engine replies out.

Long polling by default, a webhook on the app's HTTP server when
``telegram.webhook_url`` is set. Either way PTB runs inside the app's own
event loop (``initialize``/``start``/``start_polling``, stopped in reverse),
updates are handled concurrently, and the engine keeps each chat in order and
drops updates it has already handled (``event_id`` is the update id).
"""

from __future__ import annotations

import hmac
import logging
import secrets
from datetime import timedelta
from urllib.parse import urlsplit, urlunsplit

from aiohttp import web
from telegram import Bot, CallbackQuery, Message, Update
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError
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
from adapters.telegram.render import MAX_MESSAGE, parse_choice_data, utf16_len
from adapters.telegram.surface import TelegramSurface
from bot.app import App
from bot.commands import Command, Parsed
from bot.delivery import Limits, Surface, deliver
from bot.identity import ChannelKey, Sender
from bot.types import Final, ManagerCheck, Mode, Request, manages, only

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
"""Edited messages, reactions and the rest are never even fetched."""
MANAGERS = {ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}
Context = ContextTypes.DEFAULT_TYPE


def webhook_endpoint(url: str) -> str:
    """A bare ``https://host`` means the app's own webhook path on that host."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=WEBHOOK_PATH)) if parts.path in ("", "/") else url


class TelegramAdapter:
    name = PLATFORM

    def __init__(self, app: App, web_app: web.Application | None = None) -> None:
        config = app.settings.telegram
        if config.token is None:
            raise ValueError("telegram.token (STORYBOT_TELEGRAM__TOKEN) is not set")
        self.app, self.config = app, config
        self.webhook_url = webhook_endpoint(config.webhook_url) if config.webhook_url else None
        # Without a configured secret, a random one still keeps strangers off the webhook.
        secret = config.webhook_secret
        self.secret = secret.get_secret_value() if secret else secrets.token_urlsafe(32)
        builder = (
            Application.builder()
            .token(config.token.get_secret_value())
            .base_url(config.api_base_url)
            .base_file_url(config.file_base_url)
            .concurrent_updates(True)
            .job_queue(None)
        )
        if self.webhook_url:
            builder = builder.updater(None)
        self.application = builder.build()
        self._add_handlers()
        if self.webhook_url and web_app is not None:
            web_app.router.add_post(WEBHOOK_PATH, self.webhook)

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
        """Connect and return; updates are then handled in the background."""
        await self.application.initialize()
        try:
            await self._set_commands()
            if self.webhook_url:
                await self.bot.set_webhook(
                    self.webhook_url, secret_token=self.secret, allowed_updates=ALLOWED_UPDATES
                )
            await self.application.start()
            if self.application.updater is not None:
                await self.application.updater.start_polling(
                    timeout=timedelta(seconds=self.config.poll_timeout),
                    allowed_updates=ALLOWED_UPDATES,
                    error_callback=lambda exc: log.warning("polling Telegram failed: %s", exc),
                )
        except BaseException:
            await self.stop()
            raise
        log.info(
            "Telegram bot @%s is up (%s)",
            self.bot.username,
            "webhook" if self.webhook_url else "long polling",
        )

    async def stop(self) -> None:
        """Stop fetching, let running replies finish, then close the HTTP client."""
        updater = self.application.updater
        if updater is not None and updater.running:
            await updater.stop()
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()

    async def _set_commands(self) -> None:
        try:
            await self.bot.set_my_commands(render.menu())
        except TelegramError as exc:
            log.warning("could not set the Telegram command menu: %s", exc)

    async def webhook(self, request: web.Request) -> web.Response:
        """Telegram posts updates here; the secret header proves it is Telegram."""
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            return web.Response(status=403, text="wrong secret token")
        if not self.application.running:
            return web.Response(status=503, text="not ready")  # Telegram will deliver again
        try:
            update = Update.de_json(await request.json(), self.bot)
        except (ValueError, TypeError, KeyError):
            return web.Response(status=400, text="not an update")
        await self.application.update_queue.put(update)
        return web.Response(text="ok")

    # updates

    async def _on_command(self, update: Update, context: Context) -> None:
        message = update.message
        if message is None or inbound.from_bot(message):
            return
        found = inbound.command_of(message)
        if found is None:
            return
        name, args = found
        if name == inbound.START:
            await self._greet(message)
            return
        await self._tell(update, message, inbound.story_text(name, args), Mode.COMMAND)

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
            await self._tell(update, message, text, Mode.CHAT)

    async def _on_other(self, update: Update, context: Context) -> None:
        """Stickers, photos, unknown commands in a DM: say what works instead."""
        message = update.message
        if message is None or inbound.from_bot(message):
            return
        hint = render.UNKNOWN if message.text else render.NOT_TEXT
        await self._show(Final(hint, private=True), self._surface(Target(message.chat.id)))

    async def _on_press(self, update: Update, context: Context) -> None:
        query = update.callback_query
        if query is None:
            return
        choice = parse_choice_data(query.data)
        shown = query.message
        if choice is None or shown is None:
            await query.answer()  # not ours to act on, but the spinner must stop
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
        )
        await self._deliver(request, self._surface(target, query=query), private)

    async def _on_error(self, update: object, context: Context) -> None:
        log.error("handling a Telegram update failed", exc_info=context.error)

    # replies

    async def _tell(self, update: Update, message: Message, text: str, mode: Mode) -> None:
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
        )
        reply_to = None if private else message.message_id
        await self._deliver(request, self._surface(target, reply_to=reply_to), private)

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
        )

    def limits(self, private: bool) -> Limits:
        """Telegram allows about one message a second per chat, twenty a minute in groups."""
        interval = self.config.private_interval if private else self.config.group_interval
        return Limits(MAX_MESSAGE, interval, measure=utf16_len)

    async def _deliver(self, request: Request, surface: TelegramSurface, private: bool) -> None:
        try:
            await deliver(self.app.engine.handle(request), surface, self.limits(private))
        except TelegramError as exc:  # e.g. the user blocked the bot, or it left the group
            log.warning("could not show a reply in %s: %s", request.channel, exc)
        except Exception:
            log.exception("could not show a reply in %s", request.channel)
        finally:
            await surface.answer_query()

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

    async def _greet(self, message: Message) -> None:
        if inbound.is_private(message.chat):
            name = message.from_user.first_name if message.from_user else "there"
            hello, reply_to = render.PRIVATE_HELLO.format(name=name), None
        else:
            hello, reply_to = render.GROUP_HELLO, message.message_id
        text = f"{hello}\n\n{self.app.engine.help_text()}"
        surface = self._surface(inbound.target_of(message), reply_to=reply_to)
        await self._show(Final(text, private=True), surface)
