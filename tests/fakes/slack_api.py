"""A fake Slack on loopback: the Web API methods Storybot calls and a Socket Mode endpoint.

It speaks the real wire protocol, so the real ``slack_sdk`` client and bolt's
Socket Mode handler run against it unchanged: Web API calls are POSTs to
``/api/<method>`` (form, query or JSON parameters, token in ``Authorization``)
answered ``{"ok": ...}``; a 429 carries ``Retry-After``; ``apps.connections.open``
hands out a ``ws://`` URL where the fake says hello, sends envelopes and
collects acks. It also checks the Block Kit limits Slack enforces, so a message
Slack would refuse is refused here too, and opens modals (``views.open``) only for
a trigger id it handed out less than 3 seconds before, once.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import WSMsgType, web

T = TypeVar("T")

TEAM_ID = "T1"
BOT_USER_ID = "UBOT"
BOT_ID = "B1"
TRIGGER_SECONDS = 3.0
"""How long Slack accepts a trigger id for opening a modal."""


def sign(secret: str, body: bytes, timestamp: int | None = None) -> dict[str, str]:
    """Headers Slack would send with ``body``: ``v0=`` HMAC-SHA256 of ``v0:<ts>:<body>``."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    base = b"v0:" + stamp.encode() + b":" + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}"}


@dataclass
class ApiCall:
    method: str
    params: dict[str, Any]
    token: str
    status: int = 200
    error: str | None = None


@dataclass
class Failure:
    status: int
    error: str
    retry_after: float | None


@dataclass
class Message:
    channel: str
    ts: str
    text: str
    blocks: list[dict[str, Any]]
    thread_ts: str | None
    history: list[str] = field(default_factory=list)
    """Every text the message had, the first post included."""


class FakeSlack:
    """Start with ``await fake.start()``; ``base_url`` goes to ``AsyncWebClient``."""

    def __init__(self, *, bot_token: str = "xoxb-test", app_token: str = "xapp-test") -> None:
        self.bot_token = bot_token
        self.app_token = app_token
        self.calls: list[ApiCall] = []
        self.messages: dict[str, Message] = {}
        self.ephemerals: list[dict[str, Any]] = []
        self.uploads: dict[str, bytes] = {}
        self.completed: list[dict[str, Any]] = []
        self.responses: list[dict[str, Any]] = []
        self.users: dict[str, dict[str, Any]] = {}
        self.views: list[dict[str, Any]] = []
        """Modals opened with views.open, as Slack returned them."""
        self._triggers_used: set[str] = set()
        self.acks: dict[str, dict[str, Any]] = {}
        self.sockets: list[web.WebSocketResponse] = []
        self._failures: dict[str, list[Failure]] = {}
        self._held: dict[str, asyncio.Event] = {}
        self._ts = itertools.count(1)
        self._ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # lifecycle

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)  # users.info is a GET
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_post("/response/{id}", self._response_url)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def close(self) -> None:
        for socket in self.sockets:
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}"

    @property
    def base_url(self) -> str:
        return self.url("/api/")

    # scripting

    def fail(
        self,
        method: str,
        *,
        error: str = "ratelimited",
        status: int = 200,
        retry_after: float | None = None,
        times: int = 1,
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail (a 429 when ``retry_after``)."""
        if retry_after is not None:
            status = 429
        self._failures.setdefault(method, []).extend(
            Failure(status, error, retry_after) for _ in range(times)
        )

    def hold(self, method: str) -> asyncio.Event:
        """Keep every call of ``method`` waiting until the returned event is set (a slow
        Slack); the call is recorded when it arrives."""
        gate = self._held[method] = asyncio.Event()
        return gate

    async def wait_for(self, check: Callable[[], T], within: float = 10.0) -> T:
        """Wait until ``check()`` is truthy and return it; the fake's state changes wake it."""
        async with asyncio.timeout(within):
            async with self._changed:
                while not (result := check()):
                    await self._changed.wait()
        return result

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def called(self, method: str) -> list[ApiCall]:
        return [call for call in self.calls if call.method == method]

    def thread(self, channel: str, thread_ts: str | None) -> list[Message]:
        """Bot messages in a thread (or top level, when ``thread_ts`` is None), oldest first."""
        return [
            message
            for message in self.messages.values()
            if message.channel == channel and message.thread_ts == thread_ts
        ]

    # socket mode

    async def push(
        self, kind: str, payload: dict[str, Any], *, retry_attempt: int | None = None
    ) -> str:
        """Send an envelope (``events_api``, ``slash_commands``, ``interactive``) to the app."""
        sockets = await self.wait_for(lambda: [s for s in self.sockets if not s.closed])
        envelope_id = f"env-{next(self._ids)}"
        envelope: dict[str, Any] = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": kind != "events_api",
        }
        if retry_attempt is not None:
            envelope |= {"retry_attempt": retry_attempt, "retry_reason": "timeout"}
        await sockets[-1].send_str(json.dumps(envelope))
        return envelope_id

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse(autoping=True)
        await socket.prepare(request)
        self.sockets.append(socket)
        await socket.send_json(
            {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}}
        )
        await self._notify()
        async for message in socket:
            if message.type is WSMsgType.TEXT:
                data = json.loads(message.data)
                if "envelope_id" in data:
                    self.acks[data["envelope_id"]] = data
                    await self._notify()
        return socket

    # http handlers

    async def _params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            params |= await request.json()
        elif request.can_read_body:
            params |= dict(await request.post())
        for key in ("blocks", "files"):
            if isinstance(params.get(key), str):
                params[key] = json.loads(params[key])
        return params

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._params(request)
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        call = ApiCall(method, params, token)
        self.calls.append(call)
        await self._notify()
        gate = self._held.get(method)
        if gate is not None:
            await gate.wait()
        try:
            failures = self._failures.get(method)
            if failures:
                failure = failures.pop(0)
                call.status, call.error = failure.status, failure.error
                headers = {}
                if failure.retry_after is not None:
                    headers["Retry-After"] = str(int(failure.retry_after))
                body = {"ok": False, "error": failure.error}
                return web.json_response(body, status=failure.status, headers=headers)
            expected = self.app_token if method == "apps.connections.open" else self.bot_token
            if token != expected:
                return web.json_response({"ok": False, "error": "invalid_auth"})
            handler = getattr(self, "_" + method.replace(".", "_"), None)
            if handler is None:
                return web.json_response({"ok": False, "error": "unknown_method"}, status=404)
            return web.json_response(handler(params))
        finally:
            await self._notify()

    def _auth_test(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "url": "https://fake.slack.test/",
            "team": "Fake",
            "user": "storybot",
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
        }

    def _apps_connections_open(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket"}

    def _next_ts(self) -> str:
        n = next(self._ts)
        return f"{1700000000 + n}.{n:06d}"

    def _chat_postMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        if error := _invalid(params):
            return {"ok": False, "error": error}
        ts = self._next_ts()
        text = params.get("text", "")
        self.messages[ts] = Message(
            params["channel"],
            ts,
            text,
            params.get("blocks") or [],
            params.get("thread_ts"),
            [text],
        )
        message = {"type": "message", "text": text, "ts": ts, "bot_id": BOT_ID}
        return {"ok": True, "channel": params["channel"], "ts": ts, "message": message}

    def _chat_update(self, params: dict[str, Any]) -> dict[str, Any]:
        if error := _invalid(params):
            return {"ok": False, "error": error}
        message = self.messages.get(params.get("ts", ""))
        if message is None or message.channel != params.get("channel"):
            return {"ok": False, "error": "message_not_found"}
        message.text = params.get("text", "")
        message.blocks = params.get("blocks") or []
        message.history.append(message.text)
        return {"ok": True, "channel": message.channel, "ts": message.ts, "text": message.text}

    def _chat_postEphemeral(self, params: dict[str, Any]) -> dict[str, Any]:
        if error := _invalid(params):
            return {"ok": False, "error": error}
        self.ephemerals.append(params)
        return {"ok": True, "message_ts": self._next_ts()}

    def _views_open(self, params: dict[str, Any]) -> dict[str, Any]:
        trigger = str(params.get("trigger_id") or "")
        issued = _issued_at(trigger)
        if issued is None:
            return {"ok": False, "error": "invalid_trigger_id"}
        if time.time() - issued > TRIGGER_SECONDS:
            return {"ok": False, "error": "expired_trigger_id"}
        if trigger in self._triggers_used:
            return {"ok": False, "error": "exchanged_trigger_id"}
        view = params.get("view")
        if isinstance(view, str):
            view = json.loads(view)
        problem = _invalid_view(view)
        if problem is not None or not isinstance(view, dict):
            messages = [f"[ERROR] {problem}"]
            return {
                "ok": False,
                "error": "invalid_arguments",
                "response_metadata": {"messages": messages},
            }
        self._triggers_used.add(trigger)
        opened = {
            "id": f"V{next(self._ids):08d}",
            "team_id": TEAM_ID,
            "type": "modal",
            "callback_id": view.get("callback_id", ""),
            "private_metadata": view.get("private_metadata", ""),
            "title": view["title"],
            "submit": view.get("submit"),
            "close": view.get("close"),
            "blocks": view["blocks"],
            "state": {"values": {}},
            "hash": secrets.token_hex(8),
            "clear_on_close": False,
            "notify_on_close": False,
            "previous_view_id": None,
            "root_view_id": None,
            "app_id": "A1",
            "external_id": "",
            "app_installed_team_id": TEAM_ID,
            "bot_id": BOT_ID,
        }
        opened["root_view_id"] = opened["id"]
        self.views.append(opened)
        return {"ok": True, "view": opened}

    def _users_info(self, params: dict[str, Any]) -> dict[str, Any]:
        """A user from :attr:`users`; their ``locale`` only with ``include_locale=true``,
        as Slack gives it."""
        user = self.users.get(params.get("user", ""))
        if user is None:
            return {"ok": False, "error": "user_not_found"}
        found = {"id": params["user"], "is_admin": False} | user
        if str(params.get("include_locale", "")).lower() not in ("1", "true"):
            found.pop("locale", None)
        return {"ok": True, "user": found}

    def _files_getUploadURLExternal(self, params: dict[str, Any]) -> dict[str, Any]:
        if not params.get("filename") or not str(params.get("length", "")).isdigit():
            return {"ok": False, "error": "invalid_arguments"}
        file_id = f"F{next(self._ids)}"
        return {"ok": True, "upload_url": self.url(f"/upload/{file_id}"), "file_id": file_id}

    def _files_completeUploadExternal(self, params: dict[str, Any]) -> dict[str, Any]:
        files = params.get("files") or []
        if any(item.get("id") not in self.uploads for item in files):
            return {"ok": False, "error": "file_not_found"}
        self.completed.append(params)
        done = [{"id": item["id"], "title": item.get("title")} for item in files]
        return {"ok": True, "files": done}

    async def _upload(self, request: web.Request) -> web.Response:
        body = await request.read()
        self.uploads[request.match_info["file_id"]] = body
        await self._notify()
        return web.Response(text=f"OK - {len(body)}")

    async def _response_url(self, request: web.Request) -> web.Response:
        self.responses.append(await request.json())
        await self._notify()
        return web.Response(text="ok")


def _invalid(params: dict[str, Any]) -> str | None:
    """Refuse what Slack refuses: no text at all, or blocks over Block Kit's limits."""
    blocks = params.get("blocks") or []
    if not params.get("text") and not blocks:
        return "no_text"
    if not isinstance(blocks, list) or len(blocks) > 50:
        return "invalid_blocks"
    for block in blocks:
        if block.get("type") == "section":
            text = block.get("text", {}).get("text", "")
            if not 0 < len(text) <= 3000:
                return "invalid_blocks"
        if block.get("type") == "actions":
            elements = block.get("elements", [])
            ids = [element.get("action_id") for element in elements]
            if not 0 < len(elements) <= 25 or len(set(ids)) != len(ids):
                return "invalid_blocks"
            for element in elements:
                if len(element["text"]["text"]) > 75 or len(element.get("value", "")) > 2000:
                    return "invalid_blocks"
    return None


def _invalid_view(view: Any) -> str | None:
    """What views.open refuses in a modal: the limits Slack documents for it."""
    if not isinstance(view, dict) or view.get("type") != "modal":
        return "view.type must be modal"
    title = (view.get("title") or {}).get("text", "")
    if not 0 < len(title) <= 24:
        return "title must be 1-24 characters"
    if len(view.get("callback_id") or "") > 255 or len(view.get("private_metadata") or "") > 3000:
        return "callback_id is at most 255 characters, private_metadata 3000"
    blocks = view.get("blocks") or []
    if not 0 < len(blocks) <= 100:
        return "a modal has 1-100 blocks"
    inputs = [block for block in blocks if block.get("type") == "input"]
    if inputs and not view.get("submit"):
        return "a modal with inputs needs a submit button"
    for block in inputs:
        element = block.get("element") or {}
        if not 0 < len((block.get("label") or {}).get("text", "")) <= 2000:
            return "an input's label is 1-2000 characters"
        if element.get("type") == "plain_text_input":
            most = element.get("max_length", 3000)
            if not 0 < most <= 3000 or len(element.get("initial_value") or "") > most:
                return "plain_text_input: max_length up to 3000, initial_value within it"
    return None


def _issued_at(trigger: str) -> float | None:
    """When a trigger id was handed out: like Slack's, ``<n>.<epoch ms>.<hash>``."""
    parts = trigger.split(".")
    if len(parts) != 3 or not parts[1].isdigit():
        return None
    return int(parts[1]) / 1000


# What Slack sends to the app

_counter = itertools.count(1)


def event_callback(event: dict[str, Any], event_id: str | None = None) -> dict[str, Any]:
    """An Events API envelope around ``event``, as POSTed to the app or put in Socket Mode."""
    return {
        "token": "legacy",
        "team_id": TEAM_ID,
        "api_app_id": "A1",
        "type": "event_callback",
        "event_id": event_id or f"Ev{next(_counter):05d}",
        "event_time": int(time.time()),
        "event": event,
    }


def new_ts() -> str:
    return f"1600000000.{next(_counter):06d}"


def trigger_id() -> str:
    """A fresh trigger id, valid for views.open for 3 seconds."""
    return f"{next(_counter)}.{int(time.time() * 1000)}.{secrets.token_hex(8)}"


def app_mention(
    text: str,
    *,
    thread_ts: str | None = None,
    user: str = "U1",
    channel: str = "C1",
    **extra: Any,
) -> dict[str, Any]:
    ts = new_ts()
    event = {
        "type": "app_mention",
        "user": user,
        "text": text,
        "channel": channel,
        "ts": ts,
        "event_ts": ts,
        **extra,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def message(
    text: str,
    *,
    channel: str = "D1",
    channel_type: str = "im",
    thread_ts: str | None = None,
    user: str | None = "U1",
    **extra: Any,
) -> dict[str, Any]:
    ts = new_ts()
    event = {
        "type": "message",
        "text": text,
        "channel": channel,
        "channel_type": channel_type,
        "ts": ts,
        "event_ts": ts,
        **extra,
    }
    if user:
        event["user"] = user
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def slash_command(
    base_url: str, text: str, *, channel: str = "C1", user: str = "U1"
) -> dict[str, str]:
    """The form fields of ``/story <text>``; ``response_url`` points at the fake."""
    n = next(_counter)
    return {
        "token": "legacy",
        "team_id": TEAM_ID,
        "team_domain": "fake",
        "channel_id": channel,
        "channel_name": "general",
        "user_id": user,
        "user_name": f"name-{user}",
        "command": "/story",
        "text": text,
        "api_app_id": "A1",
        "response_url": f"{base_url}response/{n}",
        "trigger_id": trigger_id(),
    }


def block_actions(
    base_url: str, pressed: Message, number: int, *, user: str = "U1"
) -> dict[str, Any]:
    """The payload of pressing choice button ``number`` on a message the fake holds."""
    block = next(b for b in pressed.blocks if b["type"] == "actions")
    element = block["elements"][number - 1]
    n = next(_counter)
    shown: dict[str, Any] = {
        "type": "message",
        "text": pressed.text,
        "ts": pressed.ts,
        "blocks": pressed.blocks,
        "bot_id": BOT_ID,
    }
    if pressed.thread_ts:
        shown["thread_ts"] = pressed.thread_ts
    return {
        "type": "block_actions",
        "api_app_id": "A1",
        "token": "legacy",
        "user": {"id": user, "username": "ada", "name": "ada", "team_id": TEAM_ID},
        "team": {"id": TEAM_ID, "domain": "fake"},
        "channel": {"id": pressed.channel, "name": "general"},
        "container": {
            "type": "message",
            "message_ts": pressed.ts,
            "channel_id": pressed.channel,
            "is_ephemeral": False,
        },
        "trigger_id": trigger_id(),
        "response_url": f"{base_url}response/{n}",
        "message": shown,
        "actions": [
            {
                "type": "button",
                "block_id": block.get("block_id", "b"),
                "action_id": element["action_id"],
                "text": element["text"],
                "value": element["value"],
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }


def view_submission(
    opened: dict[str, Any], values: dict[str, str], *, user: str = "U1"
) -> dict[str, Any]:
    """The payload of submitting a modal the fake opened; ``values`` by ``block_id``, each for
    the block's one element (its action_id is taken from the view)."""
    state: dict[str, dict[str, Any]] = {}
    for block in opened["blocks"]:
        if block.get("type") != "input" or block["block_id"] not in values:
            continue
        element = block["element"]
        state[block["block_id"]] = {
            element["action_id"]: {"type": element["type"], "value": values[block["block_id"]]}
        }
    return {
        "type": "view_submission",
        "team": {"id": TEAM_ID, "domain": "fake"},
        "user": {"id": user, "username": "ada", "name": "ada", "team_id": TEAM_ID},
        "api_app_id": "A1",
        "token": "legacy",
        "trigger_id": trigger_id(),
        "view": {**opened, "state": {"values": state}},
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }
