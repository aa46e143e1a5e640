"""Reading Telegram updates: which story a message belongs to, who sent it, what it says.

Pure functions over PTB objects, so the rules (topics, anonymous admins, bot
commands with ``@botname``) can be read and tested in one place.
"""

from __future__ import annotations

import re
from typing import Any

from telegram import Bot, Chat, Message, MessageEntity, Update, User

from adapters.telegram.surface import Target
from bot.commands import SPECS
from bot.identity import ChannelKey, Sender

PLATFORM = "telegram"
STORY = "story"
START = "start"
SHORTCUTS = tuple(spec.command.value for spec in SPECS)
"""Every visible subcommand also works on its own (``/retry``), so menus can offer it."""
COMMANDS = (STORY, START, *SHORTCUTS)
_CHAT_ID = re.compile(r"-?[0-9]{1,20}")


def parse_update(data: Any, bot: Bot) -> Update | None:
    """An update from its JSON, or None for JSON that is not one.

    PTB's constructors do not check their input: a list, a number or a
    ``"message": "text"`` fails with whatever error it happens to meet.
    """
    if not isinstance(data, dict):
        return None
    number = data.get("update_id")
    if not isinstance(number, int) or isinstance(number, bool):
        return None
    try:
        return Update.de_json(data, bot)
    except Exception:
        return None


def target_of(message: Message) -> Target:
    """Topics in forum supergroups are separate stories; plain reply threads are not."""
    thread = message.message_thread_id if message.is_topic_message else None
    return Target(message.chat.id, thread)


def channel_key(target: Target) -> ChannelKey:
    """``telegram:<chat>``, or ``telegram:<chat>:<topic>`` in a forum supergroup."""
    if target.thread_id is None:
        return ChannelKey.of(PLATFORM, target.chat_id)
    return ChannelKey.of(PLATFORM, target.chat_id, target.thread_id)


def target_from_key(channel: ChannelKey) -> Target | None:
    """The inverse of :func:`channel_key`; None for a key that is not Telegram's."""
    if channel.platform != PLATFORM or len(channel.parts) > 2:
        return None
    if not all(_CHAT_ID.fullmatch(part) for part in channel.parts):
        return None  # only what channel_key writes: int() would also take "1_0" or " 5"
    ids = [int(part) for part in channel.parts]
    return Target(ids[0], ids[1] if len(ids) == 2 else None)


def is_private(chat: Chat) -> bool:
    return chat.type == Chat.PRIVATE


def is_anonymous_admin(message: Message) -> bool:
    """An admin posting as the group itself (Telegram shows them as GroupAnonymousBot)."""
    return message.sender_chat is not None and message.sender_chat.id == message.chat.id


def from_bot(message: Message) -> bool:
    user = message.from_user
    return user is None or (user.is_bot and not is_anonymous_admin(message))


def sender_of(message: Message) -> Sender:
    """Who asked; anonymous admins share the group's id, like Telegram shows them."""
    if is_anonymous_admin(message) or message.from_user is None:
        chat = message.chat
        return Sender(str(chat.id), chat.title or chat.full_name or "", None)
    return sender_of_user(message.from_user)


def sender_of_user(user: User) -> Sender:
    return Sender(str(user.id), user.full_name, user.language_code)


def command_of(message: Message) -> tuple[str, str] | None:
    """``/story@bot the text`` -> ``("story", "the text")``, keeping the text's newlines."""
    text = message.text or ""
    entity = next(iter(message.entities or ()), None)
    if entity is None or entity.type != MessageEntity.BOT_COMMAND or entity.offset != 0:
        return None
    name = text[1 : entity.length].partition("@")[0].lower()
    return name, text[entity.length :].strip()


def story_text(name: str, args: str) -> str:
    """The ``/story`` text a command stands for: ``/retry`` is ``/story retry``."""
    return args if name == STORY else f"{name} {args}".strip()


def mention_text(message: Message, username: str) -> str | None:
    """Text after a leading ``@botname``, which groups may use to talk to the bot."""
    text = message.text or ""
    mention = f"@{username}".lower()
    if not text.lower().startswith(mention):
        return None
    rest = text[len(mention) :]
    if rest[:1].isalnum() or rest[:1] == "_":
        return None  # a different bot whose name starts the same
    return rest.lstrip(" ,:").strip()


def replies_to_bot(message: Message, bot_id: int) -> bool:
    replied = message.reply_to_message
    return (
        replied is not None
        and replied.from_user is not None
        and replied.from_user.id == bot_id
        and not (message.is_topic_message and replied.message_id == message.message_thread_id)
    )
