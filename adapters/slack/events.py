"""Slack payloads to platform-free requests: which story a message belongs to, and where to reply.

Channel keys:

- a mention starts or steers the story of its thread, ``slack:<team>:<channel>:<thread_ts>``
  (the mention's own ts when it is not in a thread, so the story opens a thread under it);
- ``/story`` in a channel is the channel's own story, ``slack:<team>:<channel>``, posted at
  the top level: Slack does not run slash commands inside threads, so the command
  cannot name one. It is separate from the thread stories started by mentions;
- a DM with the bot is one story, ``slack:<team>:<dm channel>``, whatever thread a
  message is in;
- a plain reply in a channel thread steers that thread's story, and is ignored
  (``Mode.THREAD``) when the thread has none.

Choice buttons find their story from the message they sit on: a reply in a thread
belongs to that thread's story, a top-level message to the channel's. The edit
modal carries its story's place in its ``private_metadata``.
"""

from __future__ import annotations

import json
from typing import Any

from adapters.slack.render import EDIT_ACTION, EDIT_BLOCK, mentions, parse_button_value, to_plain
from adapters.slack.surface import Place
from bot.commands import Command, Parsed, parse
from bot.identity import ChannelKey, Sender
from bot.types import Mode, Request

PLATFORM = "slack"
HANDLED_SUBTYPES = {None, "thread_broadcast", "file_share"}


def is_direct(channel: str) -> bool:
    """Slack DM channel ids start with ``D``."""
    return channel.startswith("D")


def key(team: str, channel: str, thread_ts: str | None = None) -> ChannelKey:
    if thread_ts is None or is_direct(channel):
        return ChannelKey.of(PLATFORM, team, channel)
    return ChannelKey.of(PLATFORM, team, channel, thread_ts)


def place_of(channel: ChannelKey) -> Place | None:
    """Where to post for a channel key (the inverse of :func:`key`), or None if not Slack's."""
    if channel.platform != PLATFORM or len(channel.parts) not in (2, 3):
        return None
    conversation = channel.parts[1]
    thread = channel.parts[2] if len(channel.parts) == 3 else None
    return Place(conversation, thread, user_id="", direct=is_direct(conversation))


def from_bot(event: dict[str, Any], bot_user_id: str | None) -> bool:
    """Our own messages and every other bot's: never stories' input."""
    return bool(
        event.get("bot_id")
        or event.get("subtype") == "bot_message"
        or (bot_user_id and event.get("user") == bot_user_id)
    )


def mention(body: dict[str, Any], bot_user_id: str | None) -> tuple[Request, Place] | None:
    event = body.get("event") or {}
    if from_bot(event, bot_user_id) or not event.get("user"):
        return None
    channel, thread = event["channel"], event.get("thread_ts") or event["ts"]
    team = body.get("team_id") or event.get("team") or ""
    request = Request(
        key(team, channel, thread),
        Sender(event["user"]),
        to_plain(event.get("text", ""), bot_user_id=bot_user_id),
        Mode.CHAT,
        event_id=body.get("event_id"),
        shared=not is_direct(channel),
    )
    return request, Place(channel, thread, event["user"], direct=is_direct(channel))


def message(body: dict[str, Any], bot_user_id: str | None) -> tuple[Request, Place] | None:
    """A DM, or a plain reply in a channel thread (which only steers an existing story).

    Channel messages that mention the bot are left to the ``app_mention`` event,
    which Slack sends for the same message.
    """
    event = body.get("event") or {}
    if event.get("subtype") not in HANDLED_SUBTYPES or from_bot(event, bot_user_id):
        return None
    user, channel, raw = event.get("user"), event.get("channel", ""), event.get("text", "")
    if not user or not channel:
        return None
    team = body.get("team_id") or event.get("team") or ""
    direct = event.get("channel_type") == "im"
    thread = event.get("thread_ts")
    if not direct and (not thread or thread == event.get("ts") or mentions(raw, bot_user_id)):
        return None
    request = Request(
        key(team, channel, thread) if not direct else key(team, channel),
        Sender(user),
        to_plain(raw, bot_user_id=bot_user_id),
        Mode.CHAT if direct else Mode.THREAD,
        event_id=body.get("event_id"),
        shared=not direct,
    )
    return request, Place(channel, thread, user, direct=direct)


def command(body: dict[str, Any]) -> tuple[Request, Place]:
    channel, user = body.get("channel_id", ""), body.get("user_id", "")
    request = Request(
        key(body.get("team_id", ""), channel),
        Sender(user, body.get("user_name", "") or ""),
        body.get("text", "") or "",
        Mode.COMMAND,
        event_id=f"command:{body['trigger_id']}" if body.get("trigger_id") else None,
        shared=not is_direct(channel),
    )
    return request, Place(channel, None, user, direct=is_direct(channel))


def choice(body: dict[str, Any], action: dict[str, Any]) -> tuple[Request, Place] | None:
    """A pressed choice button: ``choose n`` in the story of the message it sits on."""
    parsed = parse_button_value(action.get("value", ""))
    channel = (body.get("channel") or {}).get("id")
    user = body.get("user") or {}
    if parsed is None or not channel or not user.get("id"):
        return None
    ref, number = parsed
    pressed = body.get("message") or {}
    thread = pressed.get("thread_ts")
    if thread == pressed.get("ts"):  # the message is a thread's parent: a top-level story
        thread = None
    team = (body.get("team") or {}).get("id") or user.get("team_id", "")
    trigger = body.get("trigger_id") or action.get("action_ts")
    request = Request(
        key(team, channel, thread),
        Sender(user["id"], user.get("name") or user.get("username") or ""),
        command=Parsed(Command.CHOOSE, str(number)),
        event_id=f"action:{trigger}" if trigger else None,
        ref=ref,
        shared=not is_direct(channel),
    )
    return request, Place(channel, thread, user["id"], direct=is_direct(channel))


def wants_editor(request: Request) -> bool:
    """``/story edit`` with no text: the modal opens with the part to edit."""
    parsed = parse(request.text)
    return parsed.command is Command.EDIT and not parsed.args.strip()


def edit_metadata(place: Place, ref: str) -> str:
    """What the edit modal carries back: where its story is, and which part it shows."""
    return json.dumps({"channel": place.channel, "thread": place.thread_ts, "ref": ref})


def edit_submission(body: dict[str, Any], view: dict[str, Any]) -> tuple[Request, Place] | None:
    """A submitted edit modal: ``edit <text>`` in the story it was opened for."""
    try:
        where = json.loads(view.get("private_metadata") or "")
        channel, thread, ref = where["channel"], where.get("thread"), where["ref"]
    except (ValueError, TypeError, KeyError):
        return None
    field = ((view.get("state") or {}).get("values") or {}).get(EDIT_BLOCK, {}).get(EDIT_ACTION)
    user = body.get("user") or {}
    if not isinstance(channel, str) or not field or not user.get("id"):
        return None
    team = (body.get("team") or {}).get("id") or user.get("team_id", "")
    request = Request(
        key(team, channel, thread),
        Sender(user["id"], user.get("name") or user.get("username") or ""),
        command=Parsed(Command.EDIT, field.get("value") or ""),
        event_id=f"view:{view.get('id')}" if view.get("id") else None,
        ref=str(ref),
        shared=not is_direct(channel),
    )
    return request, Place(channel, thread, user["id"], direct=is_direct(channel))
