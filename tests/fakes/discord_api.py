"""A fake Discord on loopback: the REST routes and gateway discord.py really uses.

The real ``discord.Client`` talks to it unchanged once ``Route.BASE`` and
``DiscordWebSocket.DEFAULT_GATEWAY`` point here. It keeps every message it was
asked to create or edit, so tests can read what a user would see, and it lets
a test inject gateway dispatches (slash commands, button presses) and one-off
429 answers.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

APP_ID = 900_000_000_000_000_001
BOT_ID = APP_ID
TOKEN = "fake-discord-token"
API = "/api/v10"
EPHEMERAL = 64
MODAL = 9
"""Interaction callback type: respond with a popup modal."""
MODAL_SUBMIT = 5
"""Interaction type: a modal's submission."""
TEXT_INPUT, LABEL, ACTION_ROW = 4, 18, 1
WAIT = 10.0
TIMESTAMP = "2024-05-01T12:00:00.000000+00:00"

Json = dict[str, Any]


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # discord.py parses a body as JSON only if the content type is exactly this.
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={"Content-Type": "application/json", **(headers or {})},
    )


def user_payload(user_id: int, name: str, *, bot: bool = False) -> Json:
    return {
        "id": str(user_id),
        "username": name,
        "global_name": name,
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
    }


@dataclass
class Call:
    """One REST request as the fake received it."""

    method: str
    path: str
    query: dict[str, str]
    body: Json
    files: list[str] = field(default_factory=list)


@dataclass
class Message:
    """A message as Discord would store it, with where it came from."""

    id: int
    channel_id: int
    content: str = ""
    flags: int = 0
    components: list[Json] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    origin: str = "channel"  # "original", "followup" or "channel"
    token: str | None = None
    deleted: bool = False
    edits: int = 0
    loading: bool = False  # a deferral's "thinking" message, not yet filled in

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)

    @property
    def custom_ids(self) -> list[str]:
        return [c["custom_id"] for row in self.components for c in row.get("components", [])]

    def payload(self) -> Json:
        return {
            "id": str(self.id),
            "channel_id": str(self.channel_id),
            "type": 0 if self.origin == "channel" else 20,
            "content": self.content,
            "author": user_payload(BOT_ID, "Storybot", bot=True),
            "embeds": [],
            "attachments": [
                {
                    "id": str(self.id + i + 1),
                    "filename": name,
                    "size": 1,
                    "url": f"http://fake/{name}",
                    "proxy_url": f"http://fake/{name}",
                }
                for i, name in enumerate(self.attachments)
            ],
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": False,
            "timestamp": TIMESTAMP,
            "edited_timestamp": TIMESTAMP if self.edits else None,
            "flags": self.flags,
            "components": self.components,
            "application_id": str(APP_ID),
        }


@dataclass
class Interaction:
    """An interaction the fake dispatched, and the answers it got."""

    id: int
    token: str
    channel_id: int
    guild_id: int | None
    callbacks: list[Json] = field(default_factory=list)
    original: Message | None = None
    modal: Json | None = None
    """The modal the interaction was answered with (callback type 9), as sent."""


@dataclass
class Injected:
    """A canned error answer for the next matching request."""

    method: str
    pattern: re.Pattern[str]
    status: int
    body: Json
    headers: dict[str, str]
    skip: int = 0  # let this many matching requests through first


class FakeDiscord:
    """REST under ``/api/v10`` and a gateway at ``/gw``, both on one loopback port."""

    def __init__(self, *, token: str = TOKEN) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.messages: dict[int, Message] = {}
        self.interactions: dict[int, Interaction] = {}
        self.commands: dict[str, list[Json]] = {}  # "global" or guild id -> synced commands
        self.identified = asyncio.Event()
        self._ids = itertools.count(1_100_000_000_000_000_000)
        self._sockets: list[web.WebSocketResponse] = []
        self._seq = itertools.count(2)
        self._injected: list[Injected] = []
        self.injected_answers: list[Call] = []  # requests that got an injected error
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._parsed: dict[int, Call] = {}  # request id -> its parsed body, while handled
        self.port = 0

    # lifecycle

    async def start(self) -> None:
        app = web.Application()
        app.middlewares.append(self._middleware)
        r = app.router
        r.add_get("/gw", self._gateway)
        r.add_get(f"{API}/users/@me", self._me)
        r.add_get(f"{API}/oauth2/applications/@me", self._application)
        r.add_put(f"{API}/applications/{{app}}/commands", self._sync)
        r.add_put(f"{API}/applications/{{app}}/guilds/{{guild}}/commands", self._sync)
        r.add_post(f"{API}/interactions/{{id}}/{{token}}/callback", self._callback)
        r.add_post(f"{API}/webhooks/{{app}}/{{token}}", self._followup)
        r.add_patch(f"{API}/webhooks/{{app}}/{{token}}/messages/{{message}}", self._webhook_edit)
        r.add_delete(f"{API}/webhooks/{{app}}/{{token}}/messages/{{message}}", self._webhook_delete)
        r.add_post(f"{API}/channels/{{channel}}/messages", self._channel_send)
        r.add_patch(f"{API}/channels/{{channel}}/messages/{{message}}", self._channel_edit)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{API}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gw"

    # test controls

    def inject(
        self,
        method: str,
        path_regex: str,
        *,
        status: int = 429,
        retry_after: float = 0.05,
        via: bool = True,
        skip: int = 0,
    ) -> None:
        """Answer a matching request, after ``skip`` others, with a 429 (or another error).

        Discord's real 429s carry a ``Via`` header; discord.py waits out only those
        itself and raises on the rest, so both kinds are worth testing.
        """
        headers = {"Retry-After": str(retry_after), "X-RateLimit-Scope": "user"}
        if via:
            headers["Via"] = "1.1 google"
        body: Json = {"message": "You are being rate limited.", "retry_after": retry_after}
        body["global"] = False
        pattern = re.compile(path_regex)
        self._injected.append(Injected(method, pattern, status, body, headers, skip))

    async def wait_for(self, check: Callable[[], Any]) -> Any:
        """Wait until ``check()`` returns something truthy, re-checking on every request.

        Bounded by :data:`WAIT`, so a broken adapter fails the test instead of hanging it.
        """
        async with asyncio.timeout(WAIT), self._changed:
            while not (result := check()):
                await self._changed.wait()
            return result

    async def dispatch(self, event: str, data: Json) -> None:
        """Send a gateway dispatch (op 0) to every connected client."""
        await self.identified.wait()
        frame = {"op": 0, "t": event, "s": next(self._seq), "d": data}
        for ws in list(self._sockets):
            await ws.send_str(json.dumps(frame))

    def interaction_payload(
        self,
        *,
        kind: int,
        data: Json,
        user_id: int,
        guild_id: int | None,
        channel_id: int,
        permissions: int = 0,
        message: Message | None = None,
        interaction_id: int | None = None,
        token: str | None = None,
        locale: str = "en-US",
    ) -> Json:
        """An INTERACTION_CREATE body with the fields discord.py reads; ``locale`` is the
        user's client language, as Discord sends it."""
        interaction_id = interaction_id or next(self._ids)
        token = token or f"itoken-{interaction_id}"
        if interaction_id not in self.interactions:
            self.interactions[interaction_id] = Interaction(
                interaction_id, token, channel_id, guild_id
            )
        user = user_payload(user_id, f"user{user_id}")
        payload: Json = {
            "id": str(interaction_id),
            "application_id": str(APP_ID),
            "type": kind,
            "token": token,
            "version": 1,
            "data": data,
            "locale": locale,
            "attachment_size_limit": 8_000_000,
            "app_permissions": str((1 << 53) - 1),
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(guild_id or user_id)},
        }
        if guild_id is None:
            payload["channel"] = {"id": str(channel_id), "type": 1, "recipients": [user]}
            payload["user"] = user
            payload["context"] = 1
        else:
            payload["guild_id"] = str(guild_id)
            payload["guild_locale"] = "en-US"
            payload["channel"] = {
                "id": str(channel_id),
                "type": 0,
                "guild_id": str(guild_id),
                "name": "stories",
                "position": 0,
                "permission_overwrites": [],
                "nsfw": False,
                "parent_id": None,
            }
            payload["member"] = {
                "user": user,
                "roles": [],
                "joined_at": TIMESTAMP,
                "deaf": False,
                "mute": False,
                "flags": 0,
                "pending": False,
                "nick": None,
                "permissions": str(permissions),
            }
            payload["context"] = 0
        if message is not None:
            payload["message"] = message.payload()
        return payload

    async def slash(
        self,
        path: str,
        options: Json | None = None,
        *,
        user_id: int = 501,
        guild_id: int | None = 700,
        channel_id: int = 800,
        permissions: int = 0,
        interaction_id: int | None = None,
        focused: str | None = None,
        locale: str = "en-US",
    ) -> Interaction:
        """Dispatch ``/story <path...>`` with the given options, like a user typing it.

        With ``focused``, it is an autocomplete request (type 4) for that option,
        whose value is what the user has typed so far.
        """
        names = path.split()
        leaf: list[Json] = [
            {"name": name, "type": _option_type(value), "value": value}
            for name, value in (options or {}).items()
        ]
        for option in leaf:
            if option["name"] == focused:
                option.update(focused=True, value=str(option["value"]))
        for depth, name in reversed(list(enumerate(names[1:], start=1))):
            leaf = [{"name": name, "type": 1 if depth == len(names) - 1 else 2, "options": leaf}]
        data: Json = {"id": "1", "name": names[0], "type": 1, "options": leaf}
        if guild_id is not None and str(guild_id) in self.commands:
            data["guild_id"] = str(guild_id)
        payload = self.interaction_payload(
            kind=4 if focused else 2,
            data=data,
            user_id=user_id,
            guild_id=guild_id,
            channel_id=channel_id,
            permissions=permissions,
            interaction_id=interaction_id,
            locale=locale,
        )
        await self.dispatch("INTERACTION_CREATE", payload)
        return self.interactions[int(payload["id"])]

    async def press(
        self,
        message: Message,
        custom_id: str,
        *,
        user_id: int = 502,
        guild_id: int | None = 700,
        permissions: int = 0,
    ) -> Interaction:
        """Dispatch a button press on a message the bot sent."""
        payload = self.interaction_payload(
            kind=3,
            data={"custom_id": custom_id, "component_type": 2},
            user_id=user_id,
            guild_id=guild_id,
            channel_id=message.channel_id,
            permissions=permissions,
            message=message,
        )
        await self.dispatch("INTERACTION_CREATE", payload)
        return self.interactions[int(payload["id"])]

    async def submit(
        self,
        opened: Interaction,
        values: dict[str, str],
        *,
        user_id: int = 501,
        permissions: int = 0,
    ) -> Interaction:
        """Dispatch a modal's submission (INTERACTION_CREATE type 5), as Discord sends it:
        ``data.custom_id`` names the modal, and ``data.components`` mirrors its layout with
        each text input's ``value`` (the typed ``values``, by custom id; else its default)."""
        modal = opened.modal
        assert modal is not None, "that interaction was not answered with a modal"
        ids = itertools.count(1)

        def answered(component: Json) -> Json:
            if component["type"] == LABEL:
                return {
                    "type": LABEL,
                    "id": next(ids),
                    "component": answered(component["component"]),
                }
            if component["type"] == ACTION_ROW:
                inner = [answered(c) for c in component["components"]]
                return {"type": ACTION_ROW, "id": next(ids), "components": inner}
            custom_id = component["custom_id"]
            value = values.get(custom_id, component.get("value") or "")
            return {
                "type": component["type"],
                "id": next(ids),
                "custom_id": custom_id,
                "value": value,
            }

        data = {
            "custom_id": modal["custom_id"],
            "components": [answered(c) for c in modal["components"]],
        }
        payload = self.interaction_payload(
            kind=MODAL_SUBMIT,
            data=data,
            user_id=user_id,
            guild_id=opened.guild_id,
            channel_id=opened.channel_id,
            permissions=permissions,
        )
        await self.dispatch("INTERACTION_CREATE", payload)
        return self.interactions[int(payload["id"])]

    def replies(self, interaction: Interaction) -> list[Message]:
        """The visible messages an interaction produced, original first."""
        found = [
            m for m in self.messages.values() if m.token == interaction.token and not m.deleted
        ]
        return sorted(found, key=lambda m: m.id)

    def message_bodies(self) -> list[Json]:
        """Every request body that created or edited a message's content."""
        bodies = []
        for call in self.calls:
            if call.method not in ("POST", "PATCH") or call in self.injected_answers:
                continue
            if call.path.endswith("/callback") and call.body.get("type") in (4, 7):
                bodies.append(call.body.get("data") or {})
            elif re.search(r"/(webhooks|channels)/", call.path):
                bodies.append(call.body)
        return bodies

    # plumbing

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if request.path == "/gw":
            return await handler(request)
        body, files = await _read_body(request)
        call = Call(request.method, request.path, dict(request.query), body, files)
        self.calls.append(call)
        try:
            for injected in self._injected:
                if injected.method == request.method and injected.pattern.search(request.path):
                    if injected.skip:
                        injected.skip -= 1
                        continue
                    self._injected.remove(injected)
                    self.injected_answers.append(call)
                    return _json(injected.body, injected.status, injected.headers)
            needs_auth = not request.path.startswith((f"{API}/webhooks", f"{API}/interactions"))
            if needs_auth and request.headers.get("Authorization") != f"Bot {self.token}":
                return _json({"message": "401: Unauthorized", "code": 0}, 401)
            self._parsed[id(request)] = call
            return await handler(request)
        finally:
            self._parsed.pop(id(request), None)
            async with self._changed:
                self._changed.notify_all()

    def _body(self, request: web.Request) -> Json:
        return self._parsed[id(request)].body

    def _files(self, request: web.Request) -> list[str]:
        return self._parsed[id(request)].files

    def _new_message(self, channel_id: int, body: Json, **fields: Any) -> Message:
        message = Message(next(self._ids), channel_id, **fields)
        self._apply(message, body, [])
        self.messages[message.id] = message
        return message

    @staticmethod
    def _apply(message: Message, body: Json, files: list[str]) -> None:
        if "content" in body:
            message.content = body["content"] or ""
        if "components" in body:
            message.components = body["components"] or []
        if files:
            message.attachments = [*message.attachments, *files]

    def _interaction_by_token(self, token: str) -> Interaction | None:
        return next((i for i in self.interactions.values() if i.token == token), None)

    # REST handlers

    async def _me(self, request: web.Request) -> web.Response:
        return _json(user_payload(BOT_ID, "Storybot", bot=True))

    async def _application(self, request: web.Request) -> web.Response:
        return _json(
            {
                "id": str(APP_ID),
                "name": "Storybot",
                "description": "",
                "icon": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": user_payload(1, "owner"),
                "verify_key": "0" * 64,
                "flags": 0,
            }
        )

    async def _sync(self, request: web.Request) -> web.Response:
        commands = self._body(request).get("_list", [])
        invalid = [problem for command in commands for problem in _invalid_command(command)]
        if invalid:  # Discord refuses the whole overwrite, naming each field
            return _json({"code": 50035, "message": "Invalid Form Body", "errors": invalid}, 400)
        scope = request.match_info.get("guild", "global")
        self.commands[scope] = commands
        answer = [
            {**command, "id": str(next(self._ids)), "application_id": str(APP_ID), "version": "1"}
            for command in commands
        ]
        return _json(answer)

    async def _callback(self, request: web.Request) -> web.Response:
        interaction = self.interactions.get(int(request.match_info["id"]))
        if interaction is None or interaction.token != request.match_info["token"]:
            return _json({"message": "Unknown interaction", "code": 10062}, 404)
        body: Json = self._body(request)
        if interaction.callbacks and body.get("type") != 8:
            return _json(
                {"message": "Interaction has already been acknowledged.", "code": 40060}, 400
            )
        kind = body.get("type")
        data: Json = body.get("data") or {}
        if kind == MODAL:
            problem = _invalid_modal(data)
            if problem is not None:
                return _json(
                    {"message": "Invalid Form Body", "code": 50035, "errors": problem}, 400
                )
            interaction.modal = data
        interaction.callbacks.append(body)
        answer: Json = {"interaction": {"id": str(interaction.id), "type": 2}}
        if kind in (4, 5):
            message = self._new_message(
                interaction.channel_id,
                data,
                flags=int(data.get("flags") or 0),
                origin="original",
                token=interaction.token,
                loading=kind == 5,
            )
            interaction.original = message
            answer["interaction"].update(
                response_message_id=str(message.id),
                response_message_loading=kind == 5,
                response_message_ephemeral=message.ephemeral,
            )
            answer["resource"] = {"type": kind, "message": message.payload()}
        if request.query.get("with_response") in ("1", "true", "True"):
            return _json(answer)
        return web.Response(status=204)

    async def _followup(self, request: web.Request) -> web.Response:
        interaction = self._interaction_by_token(request.match_info["token"])
        if interaction is None:
            return _json({"message": "Unknown Webhook", "code": 10015}, 404)
        body: Json = self._body(request)
        original = interaction.original
        if original is not None and not original.deleted and original.loading:
            # Discord: the first follow-up after a deferral replaces the "thinking" message
            # and keeps the deferral's flags.
            original.edits += 1
            original.loading = False
            self._apply(original, body, self._files(request))
            return _json(original.payload())
        message = self._new_message(
            interaction.channel_id,
            body,
            flags=int(body.get("flags") or 0),
            origin="followup",
            token=interaction.token,
        )
        self._apply(message, {}, self._files(request))
        return _json(message.payload())

    def _webhook_message(self, request: web.Request) -> Message | None:
        interaction = self._interaction_by_token(request.match_info["token"])
        if interaction is None:
            return None
        key = request.match_info["message"]
        message = interaction.original if key == "@original" else self.messages.get(int(key))
        if message is None or message.deleted or message.token != interaction.token:
            return None
        return message

    async def _webhook_edit(self, request: web.Request) -> web.Response:
        message = self._webhook_message(request)
        if message is None:
            return _json({"message": "Unknown Message", "code": 10008}, 404)
        message.edits += 1
        message.loading = False
        self._apply(message, self._body(request), self._files(request))
        return _json(message.payload())

    async def _webhook_delete(self, request: web.Request) -> web.Response:
        message = self._webhook_message(request)
        if message is None:
            return _json({"message": "Unknown Message", "code": 10008}, 404)
        message.deleted = True
        return web.Response(status=204)

    async def _channel_send(self, request: web.Request) -> web.Response:
        channel_id = int(request.match_info["channel"])
        message = self._new_message(channel_id, self._body(request))
        self._apply(message, {}, self._files(request))
        return _json(message.payload())

    async def _channel_edit(self, request: web.Request) -> web.Response:
        message = self.messages.get(int(request.match_info["message"]))
        if message is None or message.deleted or message.ephemeral:
            return _json({"message": "Unknown Message", "code": 10008}, 404)
        message.edits += 1
        self._apply(message, self._body(request), self._files(request))
        return _json(message.payload())

    # gateway

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        try:
            async for frame in ws:
                if frame.type is not WSMsgType.TEXT:
                    continue
                message = json.loads(frame.data)
                if message.get("op") == 1:
                    await ws.send_str(json.dumps({"op": 11}))
                elif message.get("op") == 2:
                    await ws.send_str(json.dumps(self._ready(message["d"])))
                    self.identified.set()
        finally:
            self._sockets.remove(ws)
        return ws

    def _ready(self, identify: Json) -> Json:
        return {
            "op": 0,
            "t": "READY",
            "s": 1,
            "d": {
                "v": 10,
                "user": user_payload(BOT_ID, "Storybot", bot=True),
                "guilds": [],
                "session_id": "fake-session",
                "resume_gateway_url": self.gateway_url,
                "application": {"id": str(APP_ID), "flags": 0},
                "private_channels": [],
                "relationships": [],
            },
        }


def _invalid_modal(modal: Json) -> Json | None:
    """What Discord refuses in a modal: its limits on titles, ids and text inputs."""
    components = modal.get("components") or []
    if not 0 < len(modal.get("title") or "") <= 45:
        return {"title": "must be 1-45 characters"}
    if not 0 < len(modal.get("custom_id") or "") <= 100:
        return {"custom_id": "must be 1-100 characters"}
    if not 1 <= len(components) <= 5:
        return {"components": "a modal has 1-5 components"}
    for top in components:
        if top.get("type") == LABEL:
            if not 0 < len(top.get("label") or "") <= 45 or len(top.get("description") or "") > 100:
                return {"label": "label 1-45 characters, description up to 100"}
            inputs = [top.get("component") or {}]
        elif top.get("type") == ACTION_ROW:
            inputs = top.get("components") or []
        else:
            return {
                "type": f"component type {top.get('type')} is not allowed at the top of a modal"
            }
        for field_ in inputs:
            if field_.get("type") != TEXT_INPUT:
                continue
            most = field_.get("max_length", 4000)
            if field_.get("style") not in (1, 2) or not 1 <= most <= 4000:
                return {"text_input": "style 1 or 2, max_length 1-4000"}
            if len(field_.get("value") or "") > most or not field_.get("custom_id"):
                return {"text_input": "value longer than max_length, or no custom_id"}
    return None


LOCALES = frozenset(
    "id da de en-GB en-US es-ES es-419 fr hr it lt hu nl no pl pt-BR ro fi sv-SE vi tr cs el "
    "bg ru uk hi th zh-CN ja zh-TW ko".split()
)
"""The locales Discord accepts as keys of ``name_localizations``/``description_localizations``."""
_NAME = re.compile(r"^[-_\w]{1,32}$")


def _invalid_command(command: Json, path: str = "") -> list[str]:
    """What Discord would refuse in one command or option of a bulk overwrite: names
    of 1-32 word characters (lower case), descriptions of 1-100 characters (except on
    context-menu commands), and localisations keyed by a Discord locale, within the
    same limits."""
    name = str(command.get("name", ""))
    where = f"{path}{name}"
    problems = []
    if not _NAME.match(name) or name != name.lower():
        problems.append(f"{where}: name")
    description = command.get("description", "")
    if command.get("type", 1) in (1, 2) and not 1 <= len(description) <= 100:
        problems.append(f"{where}: description has {len(description)} characters")
    for field_name, valid in (
        ("name_localizations", lambda text: _NAME.match(text) and text == text.lower()),
        ("description_localizations", lambda text: 1 <= len(text) <= 100),
    ):
        for locale, text in (command.get(field_name) or {}).items():
            if locale not in LOCALES:
                problems.append(f"{where}: {field_name} has no locale {locale!r}")
            elif not valid(str(text)):
                problems.append(f"{where}: {field_name}[{locale}] = {text!r}")
    for option in command.get("options") or []:
        if option.get("type") in (1, 2) or "description" in option:
            problems.extend(_invalid_command(option, f"{where} "))
    return problems


def _option_type(value: Any) -> int:
    if isinstance(value, bool):
        return 5
    if isinstance(value, int):
        return 4
    return 3


async def _read_body(request: web.Request) -> tuple[Json, list[str]]:
    """JSON bodies, or multipart ones with ``payload_json`` and files."""
    if request.content_type.startswith("multipart/"):
        body: Json = {}
        files: list[str] = []
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            if part.name == "payload_json":  # type: ignore[union-attr]
                body = json.loads(await part.text())  # type: ignore[union-attr]
            else:
                files.append(part.filename or "")  # type: ignore[union-attr]
                await part.read()  # type: ignore[union-attr]
        return body, files
    raw = await request.read()
    if not raw:
        return {}, []
    try:
        data = json.loads(raw)
    except ValueError:
        return {}, []
    return (data if isinstance(data, dict) else {"_list": data}), []
