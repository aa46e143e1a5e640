"""The Bot API half of benchmark 7's fakes: updates out, calls in, what each chat shows.

Answers as Telegram does where a client depends on it (``{"ok": true,
"result": ...}``, message objects PTB can read, "message is not modified",
``getUpdates`` confirming by ``offset`` and returning at most ``limit``), and
notes every call to a chat with its arrival time. A chat of a batch counts as
shown at the first call that leaves it a message with buttons (the last call
of a reply); that message must hold the whole story.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bench.e2e_story import FakeStory, plain_text

Reply = Callable[[int, bytes], None]
BOT_USER = {"id": 4242, "is_bot": True, "first_name": "Storybot", "username": "story_bench_bot"}
PACED = ("sendMessage", "editMessageText")
"""Calls that change what a chat shows: Telegram allows about one a second per chat."""
TOLERANCE = 0.005
"""Seconds of arrival jitter forgiven when checking the spacing of calls."""
NOT_MODIFIED = "Bad Request: message is not modified"
ME = json.dumps(
    {
        "ok": True,
        "result": {**BOT_USER, "can_join_groups": True, "can_read_all_group_messages": False},
    }
).encode()
TRUE = b'{"ok": true, "result": true}'


@dataclass(slots=True)
class ChatLog:
    calls: list[tuple[float, str]] = field(default_factory=list)
    first_text: float | None = None
    shown: float | None = None
    whole: bool = False


@dataclass(slots=True)
class Batch:
    """Updates injected at one moment, one per chat, and what became of them."""

    number: int
    started: float
    chats: dict[int, ChatLog]
    shown: set[int] = field(default_factory=set)
    counts_before: Counter[str] = field(default_factory=Counter)


@dataclass(slots=True)
class Waiter:
    reply: Reply
    limit: int
    timer: asyncio.TimerHandle | None = None


class BotApi:
    def __init__(self, story: FakeStory, interval: float, poll_cap: float) -> None:
        self.story = story
        self.interval = interval
        self.poll_cap = poll_cap
        self.reset()

    def reset(self) -> None:
        self.pending: list[tuple[int, bytes]] = []
        self.next_update = 1
        self.next_message = 1000
        self.waiters: list[Waiter] = []
        self.messages: dict[tuple[int, int], tuple[str, str]] = {}
        self.logs: dict[int, tuple[Batch, ChatLog]] = {}
        self.batches: list[Batch] = []
        self.counts: Counter[str] = Counter()
        self.polls: list[float] = []

    # controls

    def inject(self, chats: list[int], text: str, now: float) -> Batch:
        batch = Batch(len(self.batches), now, {}, counts_before=Counter(self.counts))
        self.batches.append(batch)
        for chat in chats:
            log = batch.chats[chat] = ChatLog()
            self.logs[chat] = (batch, log)
            self.pending.append((self.next_update, _update(self.next_update, chat, text)))
            self.next_update += 1
        while self.waiters and self.pending:
            self._answer_poll(self.waiters.pop(0))
        return batch

    def report(self, batch: Batch) -> dict[str, Any]:
        counts = self.counts - batch.counts_before
        per_chat: Counter[str] = Counter()
        violations = 0
        for log in batch.chats.values():
            per_chat.update(method for _, method in log.calls)
            paced = [at for at, method in log.calls if method in PACED]
            short = self.interval - TOLERANCE
            violations += sum(1 for a, b in itertools.pairwise(paced) if b - a < short)
        logs = batch.chats.values()
        return {
            "chats": len(batch.chats),
            "shown": len(batch.shown),
            "whole": sum(1 for log in logs if log.whole),
            "first_text_s": [log.first_text - batch.started for log in logs if log.first_text],
            "shown_s": [log.shown - batch.started for log in logs if log.shown],
            "chat_calls": dict(per_chat),
            "other_calls": {m: n for m, n in counts.items() if m not in per_chat},
            "pacing_violations": violations,
            # When each getUpdates after the batch's arrival came: how fast a side fetches.
            "polls_s": [round(at - batch.started, 3) for at in self.polls if at >= batch.started],
        }

    # the API

    def call(self, method: str, params: dict[str, Any], now: float, reply: Reply) -> None:
        self.counts[method] += 1
        if method == "getUpdates":
            self.polls.append(now)
            self._get_updates(params, reply)
        elif method in ("sendMessage", "editMessageText"):
            self._show(method, params, now, reply)
        elif method == "sendChatAction":
            self._note(int(params["chat_id"]), now, method)
            reply(200, TRUE)
        elif method == "getMe":
            reply(200, ME)
        elif method in ("deleteWebhook", "setMyCommands", "setWebhook", "answerCallbackQuery"):
            reply(200, TRUE)
        else:
            reply(404, error_body(404, "Not Found"))

    def _note(self, chat: int, now: float, method: str) -> ChatLog | None:
        found = self.logs.get(chat)
        if found is None:
            return None
        found[1].calls.append((now, method))
        return found[1]

    def _get_updates(self, params: dict[str, Any], reply: Reply) -> None:
        offset = int(params.get("offset") or 0)
        if offset:
            self.pending = [(number, data) for number, data in self.pending if number >= offset]
        waiter = Waiter(reply, int(params.get("limit") or 100))
        wait = min(float(params.get("timeout") or 0), self.poll_cap)
        if self.pending or wait <= 0:
            self._answer_poll(waiter)
            return
        loop = asyncio.get_running_loop()
        waiter.timer = loop.call_later(wait, self._expire, waiter)
        self.waiters.append(waiter)

    def _expire(self, waiter: Waiter) -> None:
        if waiter in self.waiters:
            self.waiters.remove(waiter)
            self._answer_poll(waiter)

    def _answer_poll(self, waiter: Waiter) -> None:
        if waiter.timer is not None:
            waiter.timer.cancel()
        batch = b",".join(data for _, data in self.pending[: waiter.limit])
        waiter.reply(200, b'{"ok": true, "result": [' + batch + b"]}")

    def _show(self, method: str, params: dict[str, Any], now: float, reply: Reply) -> None:
        chat, text = int(params["chat_id"]), str(params.get("text", ""))
        markup = params.get("reply_markup") or ""
        if not isinstance(markup, str):
            markup = json.dumps(markup)
        log = self._note(chat, now, method)
        if method == "sendMessage":
            number = self.next_message
            self.next_message += 1
        else:
            number = int(params["message_id"])
            if (chat, number) not in self.messages:
                reply(400, error_body(400, "Bad Request: message to edit not found"))
                return
            if self.messages[(chat, number)] == (text, markup):
                reply(400, error_body(400, NOT_MODIFIED))
                return
        self.messages[(chat, number)] = (text, markup)
        plain = plain_text(text) if params.get("parse_mode") == "HTML" else text
        if log is not None:
            self._seen(chat, log, plain, "inline_keyboard" in markup, now)
        message: dict[str, Any] = {
            "message_id": number,
            "date": 1_800_000_000,
            "chat": {"id": chat, "type": "private", "first_name": "Ada"},
            "from": BOT_USER,
            "text": plain,
        }
        if markup:
            message["reply_markup"] = json.loads(markup)
        reply(200, json.dumps({"ok": True, "result": message}).encode())

    def _seen(self, chat: int, log: ChatLog, plain: str, buttons: bool, now: float) -> None:
        if log.first_text is None and plain.strip():
            log.first_text = now
        if buttons and log.shown is None:
            log.shown = now
            log.whole = self.story.text in plain
            batch, _ = self.logs[chat]
            batch.shown.add(chat)


def _update(number: int, chat: int, text: str) -> bytes:
    message = {
        "message_id": number,
        "date": 1_800_000_000,
        "chat": {"id": chat, "type": "private", "first_name": "Ada"},
        "from": {"id": chat, "is_bot": False, "first_name": "Ada", "language_code": "en"},
        "text": text,
    }
    return json.dumps({"update_id": number, "message": message}).encode()


def error_body(code: int, description: str) -> bytes:
    return json.dumps({"ok": False, "error_code": code, "description": description}).encode()
