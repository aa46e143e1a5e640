"""Slack text and payload translation on their own: escaping, blocks, channel keys."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from adapters.slack import events
from adapters.slack.render import (
    BUTTON_LABEL_LIMIT,
    CHOICE_ACTION,
    chosen_blocks,
    escape,
    measure,
    mentions,
    message_blocks,
    parse_button_value,
    to_plain,
)
from bot.commands import Command, Parsed
from bot.delivery import Choices
from bot.identity import ChannelKey
from bot.types import Mode


def test_escape_neutralises_every_special_sequence() -> None:
    assert escape("<!channel> <!here> <@U1> <#C1> <https://x|y> a&b") == (
        "&lt;!channel&gt; &lt;!here&gt; &lt;@U1&gt; &lt;#C1&gt; &lt;https://x|y&gt; a&amp;b"
    )
    assert escape("&lt;") == "&amp;lt;", "text that looks escaped is still text"


@given(st.text())
def test_escaped_text_has_no_markup_left(text: str) -> None:
    escaped = escape(text)
    assert "<" not in escaped
    assert ">" not in escaped
    assert escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == text
    assert measure(text) == len(escaped)


def test_incoming_markup_becomes_plain_text() -> None:
    raw = (
        "<@UBOT> a tale of <@U2|ada> in <#C1|general> for <!here> "
        "<!subteam^S1|@writers> see <https://example.org|the map> &amp; &lt;b&gt;"
    )
    assert to_plain(raw, bot_user_id="UBOT") == (
        "a tale of @ada in #general for @here @writers see the map & <b>"
    )
    assert to_plain("<@UBOT>   <@UBOT>", bot_user_id="UBOT") == ""
    assert to_plain("<@U2> and <mailto:a@b.c>") == "@U2 and mailto:a@b.c"


def test_plain_text_survives_a_round_trip_through_slack() -> None:
    text = "Ada & <Bob> met at 3 > 2"
    assert to_plain(escape(text)) == text


def test_mentions_of_the_bot_are_recognised() -> None:
    assert mentions("hi <@UBOT>", "UBOT")
    assert mentions("hi <@UBOT|storybot>", "UBOT")
    assert not mentions("hi <@UBOTX>", "UBOT")
    assert not mentions("hi <@UBOT>", None)


def test_choices_become_buttons_carrying_ref_and_number() -> None:
    long_label = "walk " * 40
    blocks = message_blocks("Once.", Choices(("Go left", long_label), "7:3"))

    assert blocks[0] == {
        "type": "section",
        "text": {"type": "mrkdwn", "text": "Once.", "verbatim": True},
    }
    left, long_button = blocks[1]["elements"]
    assert CHOICE_ACTION.match(left["action_id"])
    assert left["action_id"] != long_button["action_id"]
    assert parse_button_value(left["value"]) == ("7:3", 1)
    assert parse_button_value(long_button["value"]) == ("7:3", 2)
    assert len(long_button["text"]["text"]) <= BUTTON_LABEL_LIMIT
    assert long_button["text"]["type"] == "plain_text"
    assert message_blocks("Once.", None) == blocks[:1]


def test_button_values_that_are_not_ours_are_refused() -> None:
    assert parse_button_value("nonsense") is None
    assert parse_button_value("1:2|x") is None
    assert parse_button_value("|2") == (None, 2)


def test_a_chosen_message_keeps_its_text_and_says_who_chose() -> None:
    blocks = message_blocks("Once.", Choices(("Go left",), "1:1"))
    after = chosen_blocks(blocks, "<!channel> chose 1. Go left")

    assert after[0] == blocks[0]
    assert all(block["type"] != "actions" for block in after)
    assert after[-1]["elements"][0]["text"] == "&lt;!channel&gt; chose 1. Go left"


def _event(body: dict[str, Any]) -> dict[str, Any]:
    return {"team_id": "T1", "event_id": "Ev1", "event": body}


def test_a_mention_outside_a_thread_opens_one() -> None:
    found = events.mention(
        _event(
            {
                "type": "app_mention",
                "user": "U1",
                "text": "<@UBOT> go",
                "channel": "C1",
                "ts": "5.5",
            }
        ),
        "UBOT",
    )
    assert found is not None
    request, place = found
    assert request.channel == ChannelKey.of("slack", "T1", "C1", "5.5")
    assert request.mode is Mode.CHAT
    assert request.text == "go"
    assert request.event_id == "Ev1"
    assert place.thread_ts == "5.5"


def test_only_direct_messages_and_thread_replies_are_read() -> None:
    top_level = {
        "type": "message",
        "user": "U1",
        "text": "hi",
        "channel": "C1",
        "channel_type": "channel",
        "ts": "1.1",
    }
    reply = top_level | {"ts": "1.2", "thread_ts": "1.1"}
    mentioning = reply | {"text": "<@UBOT> hi"}
    direct = top_level | {"channel": "D1", "channel_type": "im", "thread_ts": "0.9"}

    assert events.message(_event(top_level), "UBOT") is None
    assert events.message(_event(mentioning), "UBOT") is None, "app_mention handles it"
    found_reply = events.message(_event(reply), "UBOT")
    found_direct = events.message(_event(direct), "UBOT")
    assert found_reply is not None
    assert found_direct is not None
    assert found_reply[0].channel == ChannelKey.of("slack", "T1", "C1", "1.1")
    assert found_reply[0].mode is Mode.THREAD, "a thread reply counts only where a story is"
    assert found_direct[0].channel == ChannelKey.of("slack", "T1", "D1")
    assert found_direct[1].direct
    assert found_direct[0].mode is Mode.CHAT


def test_a_button_on_a_thread_parent_belongs_to_the_channel_story() -> None:
    body = {
        "team": {"id": "T1"},
        "user": {"id": "U1", "name": "ada"},
        "trigger_id": "t1",
        "channel": {"id": "C1"},
        "message": {"ts": "2.0", "thread_ts": "2.0"},
    }
    found = events.choice(body, {"value": "4:2|3"})
    assert found is not None
    request, place = found
    assert request.channel == ChannelKey.of("slack", "T1", "C1")
    assert request.command == Parsed(Command.CHOOSE, "3")
    assert request.ref == "4:2"
    assert request.event_id == "action:t1"
    assert place.thread_ts is None
