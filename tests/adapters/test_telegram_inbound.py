"""Reading Telegram messages: real PTB objects from Bot API JSON, no server needed."""

from __future__ import annotations

from typing import Any

import pytest
from telegram import Bot, Chat, Message, Update

from adapters.telegram import inbound
from adapters.telegram.surface import Target
from bot.commands import Command, Parsed, parse
from bot.identity import ChannelKey, Sender
from tests.fakes.telegram_api import BOT_ID, BOT_USERNAME, chat_json, message, user_json

BOT = Bot("123:abc")
DM = 111
GROUP = -100200
TOPIC = 7
ANONYMOUS_BOT = 1087968824  # GroupAnonymousBot, as Telegram shows anonymous admins
CHANNEL_BOT = 136817688  # Channel_Bot, as Telegram shows posts made as a channel


def read(update: dict[str, Any]) -> Message:
    """The message of an update, as python-telegram-bot builds it from the wire."""
    found = Update.de_json({"update_id": 1, **update}, BOT).message
    assert found is not None
    return found


def said(text: str | None, **fields: Any) -> Message:
    return read(message(text, **fields))


def bot_message(message_id: int, *, chat_id: int = GROUP) -> dict[str, Any]:
    return {
        "message_id": message_id,
        "date": 0,
        "chat": chat_json(chat_id),
        "from": user_json(BOT_ID, name="Storybot", is_bot=True),
        "text": "Part 1",
    }


# where: channel keys and targets


@pytest.mark.parametrize(
    ("target", "text"),
    [
        (Target(DM), "telegram:111"),
        (Target(GROUP), "telegram:-100200"),
        (Target(GROUP, TOPIC), "telegram:-100200:7"),
    ],
)
def test_channel_key_round_trips(target: Target, text: str) -> None:
    key = inbound.channel_key(target)
    assert key.text == text
    assert key.platform == "telegram"
    assert inbound.target_from_key(ChannelKey.from_text(key.text)) == target


@pytest.mark.parametrize(
    "key",
    [
        ChannelKey.of("slack", "111"),
        ChannelKey.of("telegram", "abc"),
        ChannelKey.of("telegram", "-100200", "general"),
        ChannelKey.of("telegram", "-100200", "7", "1"),
    ],
)
def test_keys_that_are_not_telegrams_have_no_target(key: ChannelKey) -> None:
    assert inbound.target_from_key(key) is None


def test_a_topic_message_is_its_own_story() -> None:
    topic = said("hello", chat_id=GROUP, thread_id=TOPIC)
    assert inbound.target_of(topic) == Target(GROUP, TOPIC)
    assert inbound.channel_key(inbound.target_of(topic)).text == "telegram:-100200:7"


def test_a_plain_reply_thread_is_the_groups_story() -> None:
    reply = said("hello", chat_id=GROUP, reply_to=bot_message(40), message_thread_id=40)
    assert reply.message_thread_id == 40
    assert inbound.target_of(reply) == Target(GROUP)


def test_private_and_group_chats() -> None:
    dm, group = said("hi", chat_id=DM), said("hi", chat_id=GROUP)
    assert inbound.target_of(dm) == Target(DM)
    assert inbound.is_private(dm.chat)
    assert not inbound.is_private(group.chat)
    assert not inbound.is_private(Chat(GROUP, Chat.SUPERGROUP))


# who: senders, anonymous admins and bots


def test_a_person_is_the_sender_with_name_and_locale() -> None:
    person = said("hi", chat_id=GROUP, user_id=222)
    assert not inbound.from_bot(person)
    assert not inbound.is_anonymous_admin(person)
    assert inbound.sender_of(person) == Sender("222", "Ada", "en")
    assert person.from_user is not None
    assert inbound.sender_of_user(person.from_user) == Sender("222", "Ada", "en")


def test_an_anonymous_admin_speaks_as_the_group() -> None:
    admin = said(
        "/story settings genre mystery",
        chat_id=GROUP,
        user_id=ANONYMOUS_BOT,
        is_bot=True,
        sender_chat=chat_json(GROUP),
    )
    assert inbound.is_anonymous_admin(admin)
    assert not inbound.from_bot(admin)
    assert inbound.sender_of(admin) == Sender(str(GROUP), "Story club", None)


def test_a_post_as_another_chat_is_not_an_admin() -> None:
    linked = {"id": -100999, "type": "channel", "title": "News"}
    post = said("hi", chat_id=GROUP, user_id=CHANNEL_BOT, is_bot=True, sender_chat=linked)
    assert not inbound.is_anonymous_admin(post)
    assert inbound.from_bot(post)


def test_bots_and_senderless_posts_are_from_bots() -> None:
    assert inbound.from_bot(said("/story hi", chat_id=GROUP, user_id=999, is_bot=True))
    channel_post = read(
        {"message": {"message_id": 5, "date": 0, "chat": chat_json(GROUP), "text": "hi"}}
    )
    assert channel_post.from_user is None
    assert inbound.from_bot(channel_post)
    assert inbound.sender_of(channel_post) == Sender(str(GROUP), "Story club", None)


# what: commands, shortcuts and mentions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"/story@{BOT_USERNAME} a brave mouse", ("story", "a brave mouse")),
        ("/STORY new a tale", ("story", "new a tale")),
        ("/retry", ("retry", "")),
        (
            "/story first line\nsecond line\n\n  third",
            ("story", "first line\nsecond line\n\n  third"),
        ),
        ("/story\nprompts add two\nlines", ("story", "prompts add two\nlines")),
    ],
)
def test_command_and_its_arguments(text: str, expected: tuple[str, str]) -> None:
    assert inbound.command_of(said(text)) == expected


def test_no_command_unless_it_opens_the_message() -> None:
    later = said("see /story", entities=[{"type": "bot_command", "offset": 4, "length": 6}])
    bold = said("hello", entities=[{"type": "bold", "offset": 0, "length": 5}])
    assert inbound.command_of(later) is None
    assert inbound.command_of(bold) is None
    assert inbound.command_of(said("just words")) is None


@pytest.mark.parametrize(
    ("name", "args", "text", "expected"),
    [
        ("story", "a brave mouse", "a brave mouse", Parsed(Command.NEW, "a brave mouse")),
        ("story", "", "", Parsed(Command.HELP)),
        ("retry", "", "retry", Parsed(Command.RETRY)),
        ("choose", "2", "choose 2", Parsed(Command.CHOOSE, "2")),
        ("prompts", "add a\ntale", "prompts add a\ntale", Parsed(Command.PROMPTS, "add a\ntale")),
    ],
)
def test_shortcuts_stand_for_story_subcommands(
    name: str, args: str, text: str, expected: Parsed
) -> None:
    assert inbound.story_text(name, args) == text
    assert parse(text) == expected
    assert name in inbound.COMMANDS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"@{BOT_USERNAME} a brave mouse", "a brave mouse"),
        ("@Story_Test_Bot, continue", "continue"),
        (f"@{BOT_USERNAME}: end", "end"),
        (f"@{BOT_USERNAME}\nline one\nline two", "line one\nline two"),
        (f"@{BOT_USERNAME}", ""),
        (f"@{BOT_USERNAME}_other hello", None),
        (f"@{BOT_USERNAME}2 hello", None),
        (f"hello @{BOT_USERNAME}", None),
        ("@someone hello", None),
    ],
)
def test_mention_text(text: str, expected: str | None) -> None:
    assert inbound.mention_text(said(text, chat_id=GROUP), BOT_USERNAME) == expected


def test_mention_text_of_a_photo_without_text() -> None:
    assert inbound.mention_text(said(None, chat_id=GROUP, caption="@x"), BOT_USERNAME) is None


# replies to the bot


def test_a_reply_to_the_bot_is_for_the_bot() -> None:
    reply = said("go on", chat_id=GROUP, reply_to=bot_message(40))
    assert inbound.replies_to_bot(reply, BOT_ID)
    assert not inbound.replies_to_bot(reply, BOT_ID + 1)


def test_other_replies_are_not_for_the_bot() -> None:
    to_person = {**bot_message(41), "from": user_json(333, name="Bo")}
    assert not inbound.replies_to_bot(said("hm", chat_id=GROUP, reply_to=to_person), BOT_ID)
    assert not inbound.replies_to_bot(said("hm", chat_id=GROUP), BOT_ID)


def test_in_a_topic_the_topics_root_is_not_a_reply() -> None:
    root = {**bot_message(TOPIC), "forum_topic_created": {"name": "Tales", "icon_color": 1}}
    del root["text"]
    plain = said("and then", chat_id=GROUP, thread_id=TOPIC, reply_to=root)
    assert plain.reply_to_message is not None
    assert plain.reply_to_message.message_id == plain.message_thread_id
    assert not inbound.replies_to_bot(plain, BOT_ID)
    reply = said("and then", chat_id=GROUP, thread_id=TOPIC, reply_to=bot_message(50))
    assert inbound.replies_to_bot(reply, BOT_ID)


@pytest.mark.parametrize("part", ["1_0", " 5", "٥", "+5", "5.0", ""])
def test_keys_telegram_never_wrote_are_not_read_as_chats(part: str) -> None:
    assert inbound.target_from_key(ChannelKey("telegram", (part,))) is None
