"""A fake Telegram Bot API server on loopback, for the real python-telegram-bot.

It speaks the wire protocol PTB uses (POST form or multipart to
``/bot<token>/<method>``, ``{"ok": ..., "result": ...}`` replies) and answers
the way Telegram does where it matters to a story bot: 429 with
``parameters.retry_after`` (scripted, or from per-chat flood control when
``flood_control`` is set), "message is not modified", "can't parse entities"
for malformed HTML, "message is too long" past 4096 characters. Every call is
recorded; tests inject updates and scripted errors.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import math
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any, Self

from aiohttp import web

BOT_ID = 4242
BOT_USERNAME = "story_test_bot"
MAX_TEXT = 4096
ALLOWED_TAGS = {"b", "i", "u", "s", "a", "code", "pre", "tg-spoiler", "blockquote"}
JSON_PARAMS = {
    "reply_markup",
    "commands",
    "reply_parameters",
    "allowed_updates",
    "link_preview_options",
    "entities",
    "scope",
    "show_alert",
    "drop_pending_updates",
    "disable_notification",
}
INT_PARAMS = {"chat_id", "message_id", "message_thread_id", "offset", "timeout", "limit", "user_id"}
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)


class EntityError(ValueError):
    """Why Telegram would refuse to parse this HTML."""


class _TelegramHTML(HTMLParser):
    """Checks HTML the way Telegram's parser does and collects the plain text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.plain: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            raise EntityError(f'Unsupported start tag "{tag}"')
        if tag == "a" and not dict(attrs).get("href"):
            raise EntityError("Anchor without href")
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise EntityError(f'Unsupported start tag "{tag}"')

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            raise EntityError(f'Unmatched end tag "{tag}"')
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "<" in data:
            raise EntityError("Unexpected '<'")
        self.plain.append(data)

    def handle_entityref(self, name: str) -> None:
        self.plain.append(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.plain.append(html.unescape(f"&#{name};"))

    def handle_comment(self, data: str) -> None:
        raise EntityError("Unsupported comment")

    def handle_decl(self, decl: str) -> None:
        raise EntityError("Unsupported declaration")

    def handle_pi(self, data: str) -> None:
        raise EntityError("Unsupported instruction")

    def unknown_decl(self, data: str) -> None:
        raise EntityError("Unsupported declaration")


_ENTITY = ("&lt;", "&gt;", "&amp;", "&quot;")


def _check_ampersands(text: str) -> None:
    """Every ``&`` must start one of the four named entities or a numeric one."""
    start = 0
    while (index := text.find("&", start)) >= 0:
        rest = text[index:]
        if not rest.startswith(_ENTITY):
            end = rest.find(";")
            body = rest[2:end] if end > 2 else ""
            numeric = rest.startswith("&#") and (
                body.isdigit() or (body[:1] in "xX" and _is_hex(body[1:]))
            )
            if not numeric:
                raise EntityError(f"Can't find end of the entity starting at byte offset {index}")
        start = index + 1


def _is_hex(text: str) -> bool:
    return bool(text) and all(c in "0123456789abcdefABCDEF" for c in text)


def parse_html(text: str) -> str:
    """The plain text Telegram would show, or :class:`EntityError` if it would refuse."""
    _check_ampersands(text)
    parser = _TelegramHTML()
    parser.feed(text)
    parser.close()
    if parser.stack:
        raise EntityError(f'Can\'t find end tag corresponding to start tag "{parser.stack[-1]}"')
    return "".join(parser.plain)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class ApiError(Exception):
    """A Telegram error answer."""

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


@dataclass
class FloodControl:
    """Telegram's flood control: at most ``per_chat`` messages sent or edited in one chat
    within ``window`` seconds; past that, 429 with ``retry_after`` until the oldest ages out."""

    per_chat: int = 20
    window: float = 10.0
    refused: int = 0
    _shown: dict[int, deque[float]] = field(default_factory=dict)

    def check(self, chat_id: int) -> None:
        now = time.monotonic()
        shown = self._shown.setdefault(chat_id, deque())
        while shown and now - shown[0] >= self.window:
            shown.popleft()
        if len(shown) >= self.per_chat:
            self.refused += 1
            retry_after = max(1, math.ceil(shown[0] + self.window - now))
            raise ApiError(
                429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
            )
        shown.append(now)


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)


@dataclass
class Sent:
    """A message the bot sent, as Telegram keeps it."""

    chat_id: int
    message_id: int
    text: str
    html: str
    reply_markup: Any = None
    thread_id: int | None = None
    edits: int = 0


class FakeTelegram:
    """The fake server. Use ``async with FakeTelegram() as tg`` and ``tg.base_url``."""

    def __init__(
        self, *, max_poll_wait: float = 0.3, flood_control: FloodControl | None = None
    ) -> None:
        self.max_poll_wait = max_poll_wait
        self.flood_control = flood_control
        self.calls: list[Call] = []
        self.messages: dict[tuple[int, int], Sent] = {}
        self.members: dict[tuple[int, int], str] = {}
        self.member_delay = 0.0
        """Seconds getChatMember takes to answer, like a slow Bot API."""
        self.updates: list[dict[str, Any]] = []
        self.errors: dict[str, list[ApiError]] = {}
        self._ids = itertools.count(1000)
        self._update_ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # lifecycle

    async def __aenter__(self) -> Self:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._dispatch)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = self._runner.addresses[0][1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def file_base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    # test controls

    async def inject(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update for getUpdates; gives it the next update_id unless it has one."""
        update.setdefault("update_id", next(self._update_ids))
        self.updates.append(update)
        await self._notify()
        return update

    def fail(self, method: str, code: int, description: str, **parameters: Any) -> None:
        """Make the next call of ``method`` fail with this error."""
        error = ApiError(code, description, parameters or None)
        self.errors.setdefault(method, []).append(error)

    def flood(self, method: str, retry_after: int = 1) -> None:
        self.fail(
            method, 429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after
        )

    def of(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    async def wait_for(
        self, predicate: Callable[[], Any], *, within: float = 10.0, what: str = "condition"
    ) -> Any:
        """Wait until ``predicate()`` is truthy (re-checked on every call) and return it."""
        deadline = time.monotonic() + within
        async with self._changed:
            while not (result := predicate()):
                left = deadline - time.monotonic()
                if left <= 0:
                    methods = [call.method for call in self.calls]
                    raise AssertionError(f"timed out waiting for {what}; calls: {methods}")
                try:
                    await asyncio.wait_for(self._changed.wait(), left)
                except TimeoutError:
                    continue
            return result

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    # wire protocol

    async def _dispatch(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params, files = await self._read(request)
        call = Call(method, params, files)
        self.calls.append(call)
        try:
            scripted = self.errors.get(method)
            if scripted:
                raise scripted.pop(0)
            handler = getattr(self, f"_api_{method}", None)
            if handler is None:
                raise ApiError(404, "Not Found")
            result = await handler(params, files)
        except ApiError as exc:
            body: dict[str, Any] = {
                "ok": False,
                "error_code": exc.code,
                "description": exc.description,
            }
            if exc.parameters:
                body["parameters"] = exc.parameters
            call.params["_error"] = exc.description
            await self._notify()
            return web.json_response(body, status=exc.code)
        await self._notify()
        return web.json_response({"ok": True, "result": result})

    async def _read(self, request: web.Request) -> tuple[dict[str, Any], dict[str, Any]]:
        params: dict[str, Any] = {}
        files: dict[str, tuple[str, bytes]] = {}
        if request.content_type == "application/json":
            return dict(await request.json()), files
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, web.FileField):
                files[key] = (value.filename, value.file.read())
            elif key in JSON_PARAMS:
                params[key] = json.loads(value)
            elif key in INT_PARAMS:
                params[key] = int(value)
            else:
                params[key] = value
        return params, files

    # methods

    def bot_user(self) -> dict[str, Any]:
        return {"id": BOT_ID, "is_bot": True, "first_name": "Storybot", "username": BOT_USERNAME}

    async def _api_getMe(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        return {
            **self.bot_user(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def _api_deleteWebhook(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        return True

    async def _api_setWebhook(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        return True

    async def _api_setMyCommands(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        """Refused as Telegram refuses it: up to 100 commands, names of 1-32 lower-case
        letters, digits and underscores, descriptions of 1-256 characters, and a
        ``language_code`` that is a two-letter ISO 639-1 code or absent."""
        commands = params.get("commands")
        if not isinstance(commands, list) or not 0 < len(commands) <= 100:
            raise ApiError(400, "Bad Request: BOT_COMMANDS_TOO_MUCH")
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(command.get("command", ""))):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        language = params.get("language_code", "")
        if language and not re.fullmatch(r"[a-z]{2}", language):
            raise ApiError(400, "Bad Request: invalid language code specified")
        return True

    async def _api_sendChatAction(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        return True

    async def _api_answerCallbackQuery(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        if len(params.get("text", "")) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        return True

    async def _api_getUpdates(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        """Pending updates from ``offset`` on, at most ``limit`` (100, as Telegram), after
        waiting up to ``timeout`` for one; a higher offset confirms (forgets) earlier ones."""
        offset = params.get("offset") or 0
        if offset:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        wait = min(float(params.get("timeout") or 0), self.max_poll_wait)
        deadline = time.monotonic() + wait
        async with self._changed:
            while not self.updates and (left := deadline - time.monotonic()) > 0:
                try:
                    await asyncio.wait_for(self._changed.wait(), left)
                except TimeoutError:
                    break
        return self.updates[: params.get("limit") or 100]

    async def _api_getChatMember(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        await asyncio.sleep(self.member_delay)
        status = self.members.get((params["chat_id"], params["user_id"]), "member")
        user = {"id": params["user_id"], "is_bot": False, "first_name": "Member"}
        member: dict[str, Any] = {"status": status, "user": user}
        if status == "creator":
            member["is_anonymous"] = False
        elif status == "administrator":
            member.update(
                dict.fromkeys(ADMIN_RIGHTS, True), can_be_edited=False, is_anonymous=False
            )
        return member

    def _check_markup(self, markup: Any) -> None:
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode()) <= 64:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")

    def _plain(self, params: dict[str, Any]) -> str:
        text = params.get("text", "")
        if params.get("parse_mode") == "HTML":
            try:
                text = parse_html(text)
            except EntityError as exc:
                raise ApiError(400, f"Bad Request: can't parse entities: {exc}") from None
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_len(text) > MAX_TEXT:
            raise ApiError(400, "Bad Request: message is too long")
        self._check_markup(params.get("reply_markup"))
        return text

    def message_json(self, sent: Sent) -> dict[str, Any]:
        """The message as Telegram shows it, e.g. to put in a callback_query."""
        message: dict[str, Any] = {
            "message_id": sent.message_id,
            "date": int(time.time()),
            "chat": chat_json(sent.chat_id),
            "from": self.bot_user(),
            "text": sent.text,
        }
        if sent.thread_id is not None:
            message["chat"]["is_forum"] = True
            message["message_thread_id"] = sent.thread_id
            message["is_topic_message"] = True
        if sent.reply_markup:
            message["reply_markup"] = sent.reply_markup
        return message

    def _flood_check(self, params: dict[str, Any]) -> None:
        if self.flood_control is not None:
            self.flood_control.check(params["chat_id"])

    async def _api_sendMessage(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        self._flood_check(params)
        text = self._plain(params)
        sent = Sent(
            params["chat_id"],
            next(self._ids),
            text,
            params["text"],
            params.get("reply_markup"),
            params.get("message_thread_id"),
        )
        self.messages[(sent.chat_id, sent.message_id)] = sent
        return self.message_json(sent)

    async def _api_editMessageText(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        sent = self.messages.get((params["chat_id"], params["message_id"]))
        if sent is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        self._flood_check(params)
        text = self._plain(params)
        markup = params.get("reply_markup")
        if text == sent.text and markup == sent.reply_markup:
            raise ApiError(400, NOT_MODIFIED)
        sent.text, sent.html, sent.reply_markup = text, params["text"], markup
        sent.edits += 1
        return self.message_json(sent)

    async def _api_editMessageReplyMarkup(
        self, params: dict[str, Any], files: dict[str, Any]
    ) -> Any:
        sent = self.messages.get((params["chat_id"], params["message_id"]))
        if sent is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        self._flood_check(params)
        markup = params.get("reply_markup")
        self._check_markup(markup)
        if markup == sent.reply_markup:
            raise ApiError(400, NOT_MODIFIED)
        sent.reply_markup = markup
        sent.edits += 1
        return self.message_json(sent)

    async def _api_sendDocument(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        if "document" not in files:
            raise ApiError(400, "Bad Request: there is no document in the request")
        name, content = files["document"]
        message_id = next(self._ids)
        return {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat_json(params["chat_id"]),
            "from": self.bot_user(),
            "document": {
                "file_id": f"doc{message_id}",
                "file_unique_id": f"u{message_id}",
                "file_name": name,
                "file_size": len(content),
            },
        }

    # what the bot shows

    def sent_to(self, chat_id: int) -> list[Sent]:
        """Every message the bot sent to a chat as it looks now, oldest first."""
        return [m for (chat, _), m in sorted(self.messages.items()) if chat == chat_id]


ADMIN_RIGHTS = (
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
)


def chat_json(chat_id: int) -> dict[str, Any]:
    """Positive ids are private chats, negative ones groups (as on Telegram)."""
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": "Ada"}
    return {"id": chat_id, "type": "supergroup", "title": "Story club", "is_forum": False}


# building updates


def user_json(user_id: int, *, name: str = "Ada", is_bot: bool = False) -> dict[str, Any]:
    return {"id": user_id, "is_bot": is_bot, "first_name": name, "language_code": "en"}


_message_ids = itertools.count(1)


def message(
    text: str | None,
    *,
    chat_id: int = 111,
    user_id: int = 111,
    reply_to: dict[str, Any] | None = None,
    thread_id: int | None = None,
    is_bot: bool = False,
    **extra: Any,
) -> dict[str, Any]:
    """A message update; a leading ``/command`` gets the bot_command entity Telegram adds."""
    chat = chat_json(chat_id)
    msg: dict[str, Any] = {
        "message_id": next(_message_ids),
        "date": int(time.time()),
        "chat": chat,
        "from": user_json(user_id, is_bot=is_bot),
        **extra,
    }
    if text is not None:
        msg["text"] = text
        if text.startswith("/"):
            length = len(text.split(maxsplit=1)[0])
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    if reply_to is not None:
        msg["reply_to_message"] = reply_to
    if thread_id is not None:
        chat["is_forum"] = True
        msg["message_thread_id"] = thread_id
        msg["is_topic_message"] = True
    return {"message": msg}


def callback(data: str, sent: dict[str, Any], *, user_id: int = 111) -> dict[str, Any]:
    """A button press on a message the bot sent (``sent`` as the bot API returned it)."""
    return {
        "callback_query": {
            "id": f"cb{next(_message_ids)}",
            "from": user_json(user_id),
            "chat_instance": "ci1",
            "data": data,
            "message": sent,
        }
    }
