"""The Slack adapter: slack-bolt's AsyncApp over Socket Mode or the app's HTTP server.

Socket Mode is used when an app-level token (xapp-) is configured; otherwise
Slack posts events, ``/story`` and button presses to ``/slack/events``, where
bolt checks the signing secret (a bad signature or a stale timestamp gets 401).
Every listener acknowledges and only starts a task that writes the story, so
bolt can answer Slack after the listener returns (``process_before_response``)
and still within 3 seconds; the task exists by the time Slack has its answer.

The Slack app needs the scopes ``app_mentions:read``, ``chat:write``,
``commands``, ``im:history``, ``users:read`` and ``files:write`` (plus
``channels:history``/``groups:history`` when plain thread replies should steer
stories), the events ``app_mention`` and ``message.im`` (``message.channels``,
``message.groups``), the slash command ``/story`` and interactivity turned on.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import events
from adapters.slack.locales import Locales, number
from adapters.slack.render import (
    CHOICE_ACTION,
    EDIT_BLOCK,
    EDIT_CALLBACK,
    MAX_EDIT,
    SECTION_LIMIT,
    chosen_blocks,
    edit_view,
    measure,
)
from adapters.slack.roles import Roles
from adapters.slack.surface import Place, SlackSurface
from bot import logs, votes
from bot.config import ConfigError
from bot.delivery import Limits, deliver
from bot.i18n import N_, translator
from bot.identity import ChannelKey
from bot.platforms import CredentialsRefused
from bot.types import Final, ManagerCheck, Mode, ReplyKind, ReplyStream, Request, manages

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
TIMESTAMP = "X-Slack-Request-Timestamp"
SECONDS = re.compile(r"[0-9]{1,12}")
COMMAND = "/story"
CONNECT_TIMEOUT = 30.0
NOT_A_MEMBER = {"not_in_channel", "channel_not_found"}
CANNOT_POST = N_(
    "I can't post in this conversation. Invite me with /invite @Storybot, "
    "or write to me in a direct message."
)
TOO_LONG_TO_EDIT = N_(
    "The last part is {length} characters, more than Slack's edit box holds ({most}). "
    "Write the new text after the command instead: /story edit <text>."
)
EMPTY_EDIT = N_("Write the part's new text.")
EDITOR_FAILED = N_("The editor did not open. Try /story edit again, or /story edit <new text>.")
CHOSE = N_("{name} chose {label}")
SOMEONE = N_("someone")


REFUSED = {"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"}
"""Slack's answers to a token it will never accept."""


@asynccontextmanager
async def refusals_are_config_errors() -> AsyncIterator[None]:
    try:
        yield
    except SlackApiError as exc:
        if exc.response.get("error") in REFUSED:
            raise CredentialsRefused(
                f"Slack refused the token: {exc.response.get('error')}"
            ) from exc
        raise


class SlackAdapter:
    name = "slack"

    def __init__(self, app: App, web_app: web.Application | None = None) -> None:
        config = app.settings.slack
        if config.bot_token is None:
            raise ConfigError("slack.bot_token (STORYBOT_SLACK__BOT_TOKEN) is not set")
        self.app_token = config.app_token.get_secret_value() if config.app_token else None
        secret = config.signing_secret.get_secret_value() if config.signing_secret else ""
        if self.app_token is None and not secret:
            raise ConfigError(
                "slack: set STORYBOT_SLACK__APP_TOKEN for Socket Mode, or "
                "STORYBOT_SLACK__SIGNING_SECRET to receive events over HTTP"
            )
        self.config = config
        self.engine = app.engine
        self.metrics = app.metrics
        self.grace = app.settings.shutdown_grace
        base_url = config.api_base_url.rstrip("/") + "/"
        self.client = AsyncWebClient(token=config.bot_token.get_secret_value(), base_url=base_url)
        self.bolt = AsyncApp(
            name="storybot",
            client=self.client,
            signing_secret=secret,
            request_verification_enabled=True,
            process_before_response=True,
        )
        self.roles = Roles(self.client, config.admin_users)
        self.locales = Locales(self.client)
        self._admitting: dict[ChannelKey, asyncio.Future[None]] = {}
        self.limits = Limits(SECTION_LIMIT, interval=config.edit_interval, measure=measure)
        self.bot_user_id: str | None = None
        self._socket: AsyncSocketModeHandler | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._closing = False
        self.bolt.event("app_mention")(self._on_mention)
        self.bolt.event("message")(self._on_message)
        self.bolt.command(COMMAND)(self._on_command)
        self.bolt.action(CHOICE_ACTION)(self._on_choice)
        self.bolt.view(EDIT_CALLBACK)(self._on_edit)
        if self.app_token is None and web_app is not None:
            web_app.router.add_post(EVENTS_PATH, self.handle_http)

    # lifecycle

    async def start(self) -> None:
        """Check the tokens, then connect Socket Mode if configured; returns once connected.

        A bad token fails here with Slack's error, rather than in the Socket Mode
        client's reconnect loop, which retries forever.
        """
        async with refusals_are_config_errors():
            auth = await self.client.auth_test()
            self.bot_user_id = auth.get("user_id")
            if self.app_token is None:
                return
            await self.client.apps_connections_open(app_token=self.app_token)
        handler = AsyncSocketModeHandler(
            self.bolt, app_token=self.app_token, web_client=self.client
        )
        try:
            await asyncio.wait_for(handler.connect_async(), CONNECT_TIMEOUT)
        except BaseException:
            await handler.close_async()
            raise
        self._socket = handler

    async def stop(self) -> None:
        """Stop taking events; stories being written may finish within the grace, then stop."""
        self._closing = True
        if self._socket is not None:
            await self._socket.close_async()
            self._socket = None
        try:
            await asyncio.wait_for(self.idle(), self.grace)
        except TimeoutError:
            pending = list(self._tasks)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)

    async def surface_for(self, channel: ChannelKey) -> tuple[SlackSurface, Limits] | None:
        """A surface on a channel key, for posts nobody asked for (the story of the day)."""
        place = events.place_of(channel)
        if place is None:
            return None
        return SlackSurface(self.client, place, self.metrics.reporter(self.name)), self.limits

    async def idle(self) -> None:
        """Wait until every reply being written has been delivered."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    async def handle_http(self, request: web.Request) -> web.Response:
        """Events, commands and interactivity; bolt verifies the signature and acks."""
        if self._closing:  # Slack delivers the event again later
            return web.Response(status=503, text="shutting down")
        if not SECONDS.fullmatch(request.headers.get(TIMESTAMP, "")):
            # bolt's verifier calls int() on it and a bad value became an HTTP 500.
            return web.Response(status=401, text="invalid request timestamp")
        response = await self.bolt.async_dispatch(await to_bolt_request(request))
        return await to_aiohttp_response(response)

    # listeners: acknowledge at once, write in the background

    async def _on_mention(self, body: dict[str, Any], context: dict[str, Any]) -> None:
        found = events.mention(body, context.get("bot_user_id") or self.bot_user_id)
        if found is not None:
            self._spawn(self._serve(*found))

    async def _on_message(self, body: dict[str, Any], context: dict[str, Any]) -> None:
        found = events.message(body, context.get("bot_user_id") or self.bot_user_id)
        if found is None:
            return
        request, place = found
        if request.mode is Mode.THREAD and self.config.thread_needs_mention:
            return
        self._spawn(self._serve(request, place))

    async def _on_command(self, ack: Any, body: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()
        request, place = events.command(body)
        if events.wants_editor(request) and body.get("trigger_id"):
            self._spawn(self._open_editor(body["trigger_id"], request, place, respond))
            return
        self._spawn(self._serve(request, place, respond=respond))

    async def _open_editor(
        self, trigger_id: str, request: Request, place: Place, respond: AsyncRespond
    ) -> None:
        """``/story edit``: a modal holding the last part's text (the trigger lasts 3 s)."""
        last = await self.engine.last_part_text(request.channel)
        if last is None:  # no story: the engine says how to start one
            await self._serve(request, place, respond=respond)
            return
        language = await self.language(request.channel, request.sender.id)
        words = translator(language).gettext
        if len(last.text) > MAX_EDIT:
            length, most = number(len(last.text), language), number(MAX_EDIT, language)
            note = words(TOO_LONG_TO_EDIT).format(length=length, most=most)
            await respond(text=note, response_type="ephemeral")
            return
        view = edit_view(last.text, events.edit_metadata(place, last.ref), language)
        try:
            await self.client.views_open(trigger_id=trigger_id, view=view)
        except SlackApiError as exc:  # e.g. expired_trigger_id: it lasts 3 s
            log.warning("could not open the edit modal: %s", exc.response.get("error"))
            await respond(text=words(EDITOR_FAILED), response_type="ephemeral")

    async def _on_edit(self, ack: Any, body: dict[str, Any], view: dict[str, Any]) -> None:
        """A submitted edit modal: an empty text is refused in the modal, else it is saved."""
        found = events.edit_submission(body, view)
        if found is not None and not (found[0].command and found[0].command.args.strip()):
            language = await self.language(found[0].channel, found[0].sender.id)
            empty = translator(language).gettext(EMPTY_EDIT)
            await ack(response_action="errors", errors={EDIT_BLOCK: empty})
            return
        await ack()
        if found is not None:
            self._spawn(self._serve(*found))

    async def _on_choice(self, ack: Any, body: dict[str, Any], action: dict[str, Any]) -> None:
        await ack()
        found = events.choice(body, action)
        if found is not None:
            self._spawn(self._serve(*found, pressed=(body, action)))

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(self._guard(work))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @staticmethod
    async def _guard(work: Coroutine[Any, Any, None]) -> None:
        try:
            await work
        except Exception:
            log.exception("a Slack reply failed")

    # one request, start to finish

    async def _serve(
        self,
        request: Request,
        place: Place,
        *,
        respond: AsyncRespond | None = None,
        pressed: tuple[dict[str, Any], dict[str, Any]] | None = None,
    ) -> None:
        trace = logs.bind_request(None, request.platform, request.channel.text)
        may_manage = manages if place.direct else self._manager_check(request.sender.id)
        request = replace(request, may_manage=may_manage, trace_id=trace)
        stream, request = await self._admit(request)
        message = pressed[0].get("message") if pressed is not None else None
        surface = SlackSurface(
            self.client, place, self.metrics.reporter(self.name), pressed=message
        )
        try:
            delivered = await deliver(stream, surface, self.limits, typing=False)
        except SlackApiError as exc:
            if respond is None or exc.response.get("error") not in NOT_A_MEMBER:
                raise
            log.info("not a member of %s; telling the asker", place.channel)
            words = translator(await self.language(request.channel, request.sender.id)).gettext
            await respond(text=words(CANNOT_POST), response_type="ephemeral")
            return
        final = delivered.final
        if pressed is not None and final is not None and final.kind is ReplyKind.STORY:
            await self._mark_chosen(*pressed, final)

    async def language(self, channel: ChannelKey, user: str) -> str:
        """The language of what the adapter says itself outside a turn (a turn's reply
        carries its own), chosen as a turn's is: the channel's ``ui`` setting, else the
        user's Slack locale, else ``i18n.default``."""
        return await self.engine.language_for(channel, await self.locales.of(user))

    async def _admit(self, request: Request) -> tuple[ReplyStream, Request]:
        """Take the request's place in its channel's line, with its sender's locale.

        The locale may need a users.info call; a channel's requests still reach the
        engine in the order they came: each waits for the one before it to be admitted.
        A known locale and a free line mean no wait at all.
        """
        before = self._admitting.get(request.channel)
        mine: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._admitting[request.channel] = mine
        try:
            locale = await self.locales.of(request.sender.id)
            if before is not None and not before.done():
                await asyncio.shield(before)
            request = replace(request, sender=replace(request.sender, locale=locale))
            return self.engine.handle(request), request
        finally:
            if not mine.done():
                mine.set_result(None)
            if self._admitting.get(request.channel) is mine:
                del self._admitting[request.channel]

    def _manager_check(self, user_id: str) -> ManagerCheck:
        """Workspace admins and configured users manage channel stories (asked when needed)."""

        async def is_manager() -> bool:
            return await self.roles.is_manager(user_id)

        return is_manager

    async def _mark_chosen(
        self, body: dict[str, Any], action: dict[str, Any], final: Final
    ) -> None:
        """Replace a pressed message's buttons by who chose what (or what the vote chose),
        so it is not pressed twice; in the language the story's reply was written in."""
        words = translator(final.language).gettext
        pressed = body.get("message") or {}
        user = body.get("user") or {}
        name = user.get("name") or user.get("username") or user.get("id") or words(SOMEONE)
        label = (action.get("text") or {}).get("text", "")
        decided = votes.result_of(final.text)
        note = decided or words(CHOSE).format(name=name, label=label)
        try:
            await self.client.chat_update(
                channel=body["channel"]["id"],
                ts=pressed["ts"],
                text=pressed.get("text", ""),
                blocks=chosen_blocks(pressed.get("blocks") or [], note),
            )
        except (SlackApiError, KeyError) as exc:
            log.warning("could not take the buttons off the chosen message: %s", exc)
