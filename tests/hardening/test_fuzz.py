"""Fuzzing with hypothesis: command parsing, and each platform's escaping, limits and splitting.

Arbitrary user or model text (emoji, astral characters, ``&<>``, markup that
means something to a platform, very long words, runs of newlines) must never
raise, never produce a message over the platform's limit, never produce markup
the platform would refuse or that pings anyone, and never lose or repeat text
when a reply is split. The real render functions and surfaces are used, with
recording stand-ins for the network clients.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import discord
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from slack_sdk.errors import SlackRequestError

from adapters.discord import render as discord_render
from adapters.discord.surface import ChannelSurface, InteractionSurface
from adapters.discord.views import TEMPLATE, choice_view
from adapters.slack import render as slack_render
from adapters.slack.surface import Place, SlackSurface
from adapters.telegram import render as telegram_render
from adapters.telegram.surface import Target, TelegramSurface
from bot.commands import SPEC_BY_NAME, Command, parse, parse_subcommand
from bot.delivery import Choices, Limits, deliver
from bot.splitting import Measure, split_text
from bot.types import Attachment, Delta, Final, ReplyEvent
from tests.fakes.telegram_api import MAX_TEXT, parse_html, utf16_len

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# text strategies

MARKUP = (
    "&", "<", ">", "&amp;", "&lt;", "&#65;", "&bogus", "<b>", "</b>", "<i>x</i>",
    '<a href="tg://user?id=42">you</a>', "<!channel>", "<!here>", "<!everyone>",
    "<@U0123ABC>", "<#C0123|general>", "<!subteam^S123>", "<https://evil.example|click>",
    "@everyone", "@here", "<@123456789012345678>", "<@&987654321>", "<#111>",
    "**", "__", "~~", "||", "`", "```", "\\", "# ", "> ", ">>> ", "- ", "* ",
    "http://a_b.example/x_y", "https://x.example/(w)_z", "[a](http://b.example)",
    "😀", "👨‍👩‍👧", "🏳️‍🌈", "𝔘𝔫𝔦", "\u200b", "\u0301", "e\u0301", "ﷺ", "🀄",
    "\n", "\n\n", "\n\n\n\n", " ", "\t", "  ", ". ", "! ", "? ", "… ", "; ", ", ",
    "1. Go left", "What happens next?", "“Look.” ", '"Run!" ', "(softly.) ", "'No?' ",
)  # fmt: skip
STOPS = (". ", "! ", "? ", "… ", ".” ", '." ', "!) ", "?’ ", ".\n", ".\n\n")
NO_SURROGATES = st.characters(codec="utf-8")
WORD = st.text(st.characters(exclude_categories=("Cs", "Z", "Cc")), min_size=1, max_size=12)


@st.composite
def segments(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 5))
    if kind == 0:
        return draw(st.sampled_from(MARKUP))
    if kind == 1:
        return draw(st.text(NO_SURROGATES, max_size=40))
    if kind == 2:  # a very long word
        return draw(WORD) * draw(st.integers(1, 400))
    if kind == 3:  # a lot of ordinary prose
        sentence = " ".join(draw(st.lists(WORD, min_size=1, max_size=12))) + draw(
            st.sampled_from(STOPS)
        )
        return sentence * draw(st.integers(1, 40))
    if kind == 4:  # markup, repeated
        return draw(st.sampled_from(MARKUP)) * draw(st.integers(1, 300))
    return " ".join(draw(st.lists(WORD, max_size=30)))


texts = st.lists(segments(), min_size=1, max_size=8).map("".join)
short_texts = st.one_of(
    st.text(NO_SURROGATES, max_size=200),
    st.lists(st.one_of(st.sampled_from(MARKUP), WORD), max_size=20).map("".join),
)

# helpers


def unescape_slack(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def assert_covers(pieces: list[str], text: str) -> None:
    """``pieces`` are ``text`` in order, nothing lost or repeated; only whitespace between
    pieces (and around the whole) may be dropped."""
    pos = 0
    for number, piece in enumerate(pieces):
        assert piece.strip(), f"message {number} is empty"
        while not text.startswith(piece, pos):
            assert text[pos : pos + 1].isspace(), (
                f"message {number} does not continue the text at {pos}: "
                f"{piece[:40]!r} vs {text[pos : pos + 40]!r}"
            )
            pos += 1
        pos += len(piece)
    assert not text[pos:].strip(), f"text lost after the last message: {text[pos : pos + 40]!r}"


async def stream_of(text: str, cuts: list[int], final: Final) -> AsyncGenerator[ReplyEvent, None]:
    """``text`` streamed in chunks cut at ``cuts``, then ``final``."""
    bounds = sorted({min(max(cut, 0), len(text)) for cut in cuts} | {0, len(text)})
    for start, end in itertools.pairwise(bounds):
        yield Delta(text[start:end])
    yield final


@dataclass
class Reply:
    """A reply as the engine would give it: streamed text, then a final that extends it."""

    streamed: str
    final: Final
    cuts: list[int]

    def stream(self) -> AsyncGenerator[ReplyEvent, None]:
        return stream_of(self.streamed, self.cuts, self.final)


def as_finished(text: str) -> str:
    """Text as the engine finishes it: no whitespace at either end."""
    return text.strip()


@st.composite
def replies(draw: st.DrawFn, text: st.SearchStrategy[str] = texts) -> Reply:
    body = draw(text)
    # Labels as the engine reads them from "n. label" lines: stripped, never empty.
    labels = tuple(
        label for label in draw(st.lists(short_texts.map(as_finished), max_size=4)) if label
    )
    suffix = draw(st.sampled_from(["", "\n\nThe End.", "\n\n[cut off; /story retry]"]))
    if labels:
        suffix += "\n\nWhat happens next?\n" + "\n".join(
            f"{n}. {label}" for n, label in enumerate(labels, 1)
        )
    whole = as_finished(body + suffix)
    streamed = whole[: draw(st.integers(0, len(whole)))]
    cuts = draw(st.lists(st.integers(0, max(len(streamed), 1)), max_size=25))
    ref = draw(st.sampled_from([None, "12:3", "999999:99999"]))
    final = Final(whole, choices=labels, ref=ref, private=draw(st.booleans()))
    return Reply(streamed, final, cuts)


class RecordingSurface:
    """A surface that keeps the last text of every message, in order, and its choices."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.choices: dict[int, Choices | None] = {}

    async def send(self, text: str, *, choices: Choices | None, private: bool) -> int:
        self.texts.append(text)
        self.choices[len(self.texts) - 1] = choices
        return len(self.texts) - 1

    async def edit(self, handle: int, text: str, *, choices: Choices | None) -> None:
        self.texts[handle] = text
        self.choices[handle] = choices

    async def typing(self) -> None:
        return None

    async def attach(self, attachment: Any, *, private: bool) -> None:
        return None

    async def show_tally(self, choices: Choices) -> None:
        return None


# command parsing


@FUZZ
@given(short_texts)
def test_parse_reads_every_text_one_way(text: str) -> None:
    parsed = parse(text)
    head, *rest = text.split(maxsplit=1) or [""]
    spec = SPEC_BY_NAME.get(head.lower())
    if not text.strip():
        assert parsed.command is Command.HELP
    elif spec is not None:
        assert (parsed.command, parsed.args) == (spec.command, "".join(rest).strip())
    else:
        assert (parsed.command, parsed.args) == (Command.NEW, text.strip())
    sub = parse_subcommand(text)
    assert sub is None or sub == parsed
    assert (sub is None) == (spec is None or not text.strip())


@FUZZ
@given(st.sampled_from([s.command.value for s in SPEC_BY_NAME.values()]), short_texts)
@example("continue", "\nthe dragon wakes")
def test_a_subcommand_keeps_its_arguments(name: str, args: str) -> None:
    text = f"{name.upper() if len(args) % 2 else name} {args}"
    parsed = parse(text)
    assert (parsed.command.value, parsed.args) == (name, args.strip())
    assert parse_subcommand(text) == parsed


# splitting


MEASURES: dict[str, tuple[Measure, int]] = {
    "len": (len, 2000),
    "telegram": (telegram_render.utf16_len, telegram_render.MAX_MESSAGE),
    "slack": (slack_render.measure, slack_render.SECTION_LIMIT),
    "discord": (discord_render.measure, discord_render.MAX_CONTENT),
}


@FUZZ
@given(texts, st.sampled_from(sorted(MEASURES)), st.integers(12, 400), st.booleans())
def test_split_text_never_loses_or_repeats_text(
    text: str, name: str, small: int, real: bool
) -> None:
    measure, limit = MEASURES[name]
    limit = limit if real else small
    pieces = split_text(text, limit, measure)
    for piece in pieces:
        assert measure(piece) <= limit
        assert piece == piece.strip()
    assert_covers(pieces, text)


@FUZZ
@given(replies(), st.sampled_from(sorted(MEASURES)), st.integers(60, 400), st.booleans())
async def test_deliver_never_loses_or_repeats_text(
    reply: Reply, name: str, small: int, can_edit: bool
) -> None:
    measure, _ = MEASURES[name]
    surface = RecordingSurface()
    limits = Limits(small, 0.0, can_edit=can_edit, measure=measure)
    delivered = await deliver(reply.stream(), surface, limits, typing=False)
    assert delivered.final == reply.final
    for text in surface.texts:
        assert measure(text) <= small
    assert_covers(surface.texts, reply.final.text)
    with_choices = [n for n, choices in surface.choices.items() if choices is not None]
    expected = [len(surface.texts) - 1] if reply.final.choices and surface.texts else []
    assert with_choices == expected


def test_a_split_keeps_the_closing_quote() -> None:
    """Dialogue is everywhere in stories; a part longer than Discord's 2,000 characters
    is split at a sentence end, and the ``”`` closing the sentence must not vanish."""
    assert split_text("Quill said, “Look at it.” Then the lantern went out.", 30) == [
        "Quill said, “Look at it.”",
        "Then the lantern went out.",
    ]
    story = "Quill pointed at the lantern and said, “I think it wants us to notice it.” " * 40
    assert_covers(split_text(story, discord_render.MAX_CONTENT, discord_render.measure), story)


async def test_trailing_whitespace_does_not_cost_the_buttons() -> None:
    """A final text that fits once stripped, but not with its trailing space, must still
    get its choice buttons (the engine strips its texts today, so nothing hits this yet)."""
    text = "The fox ran home. What happens next? 1. Sleep 2. Eat. "
    final = Final(text, choices=("Sleep", "Eat"), ref="1:1")
    surface = RecordingSurface()
    await deliver(stream_of("", [], final), surface, Limits(len(text) - 1, 0.0), typing=False)
    assert surface.texts == [text.strip()]
    assert surface.choices[0] == Choices(("Sleep", "Eat"), "1:1")


async def stream_in_chunks(text: str, size: int) -> AsyncGenerator[ReplyEvent, None]:
    for start in range(0, len(text), size):
        yield Delta(text[start : start + size])
    yield Final(text)


async def test_a_long_run_of_whitespace_sends_no_empty_message() -> None:
    """A model that streams a long run of newlines right where a message fills up (it
    happens with local models stuck in a loop) must not make delivery send an empty
    message: Telegram answers "message text is empty" and the rest of the reply is lost."""
    text = "Once upon a time. " * 227 + "\n" * 5000 + "The end."
    bot = FakeBot()
    surface = TelegramSurface(bot, Target(111))  # type: ignore[arg-type]
    limits = Limits(telegram_render.MAX_MESSAGE, 0.0, measure=telegram_render.utf16_len)
    await deliver(stream_in_chunks(text, 50), surface, limits, typing=False)
    shown = [parse_html(bot.html[n]) for n in sorted(bot.html)]
    assert all(part.strip() for part in shown), f"message lengths: {[len(s) for s in shown]}"
    minimal = RecordingSurface()
    await deliver(stream_in_chunks("word" + " " * 60 + "next", 34), minimal, Limits(20, 0.0))
    assert minimal.texts == ["word", "next"]


# Telegram


@FUZZ
@given(texts)
def test_telegram_html_is_well_formed_and_shows_the_text(text: str) -> None:
    html_text = telegram_render.html_text(text)
    assert parse_html(html_text) == text
    assert "<" not in html_text, "no tag, so no tg://user link, can come from text"


@FUZZ
@given(short_texts, st.integers(1, 99), short_texts)
def test_telegram_buttons_fit(ref: str, number: int, label: str) -> None:
    data = telegram_render.choice_data(ref, number)
    if data is not None:
        assert 1 <= len(data.encode()) <= telegram_render.MAX_CALLBACK_DATA
        assert telegram_render.parse_choice_data(data) == (ref, number) or not ref
    assert len(telegram_render.button_label(number, label)) <= telegram_render.MAX_BUTTON_LABEL
    alert = telegram_render.alert_text(label)
    assert alert is None or 0 < len(alert) <= telegram_render.MAX_ALERT


@dataclass
class FakeBot:
    """Records what the Telegram surface asks of the Bot API; answers like Telegram would."""

    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    html: dict[int, str] = field(default_factory=dict)

    async def send_message(self, chat_id: int, text: str, **kwargs: Any) -> Any:
        self.calls.append(("sendMessage", {"text": text, **kwargs}))
        message_id = len(self.html) + 1
        self.html[message_id] = text
        return SimpleNamespace(message_id=message_id)

    async def edit_message_text(self, text: str, **kwargs: Any) -> Any:
        self.calls.append(("editMessageText", {"text": text, **kwargs}))
        self.html[kwargs["message_id"]] = text
        return True

    async def send_chat_action(self, *args: Any, **kwargs: Any) -> bool:
        return True

    async def send_document(self, *args: Any, **kwargs: Any) -> Any:
        return SimpleNamespace(message_id=0)


@FEW
@given(replies())
async def test_telegram_surface_sends_only_what_telegram_accepts(reply: Reply) -> None:
    bot = FakeBot()
    surface = TelegramSurface(bot, Target(111))  # type: ignore[arg-type]
    limits = Limits(telegram_render.MAX_MESSAGE, 0.0, measure=telegram_render.utf16_len)
    await deliver(reply.stream(), surface, limits, typing=False)
    for _, params in bot.calls:
        assert params["parse_mode"] == "HTML"
        shown = parse_html(params["text"])  # raises like Telegram's "can't parse entities"
        assert shown.strip(), "Telegram refuses an empty message"
        assert utf16_len(shown) <= MAX_TEXT
        assert "<" not in params["text"]
        markup = params.get("reply_markup")
        for row in markup.to_dict()["inline_keyboard"] if markup else []:
            assert 1 <= len(row[0]["callback_data"].encode()) <= 64
    event(f"telegram messages: {min(len(bot.html), 3)}")
    assert_covers([parse_html(bot.html[n]) for n in sorted(bot.html)], reply.final.text)


# Slack

FORBIDDEN_SLACK = ("<!channel>", "<!here>", "<!everyone>", "<@U", "<#C", "<!subteam")


def slack_texts(params: dict[str, Any]) -> list[str]:
    """Every string Slack reads as mrkdwn in a chat call: the text and section texts."""
    found = [params.get("text", "")]
    for block in params.get("blocks", []):
        if block["type"] in ("section", "context"):
            objects = [block["text"]] if "text" in block else block["elements"]
            for obj in objects:
                assert obj["type"] in ("mrkdwn", "plain_text")
                if obj["type"] == "mrkdwn":
                    found.append(obj["text"])
        else:
            assert block["type"] == "actions"
            for element in block["elements"]:
                assert element["text"]["type"] == "plain_text", "labels never parse mentions"
                assert len(element["text"]["text"]) <= slack_render.BUTTON_LABEL_LIMIT
    return found


def assert_slack_safe(params: dict[str, Any]) -> None:
    for text in slack_texts(params):
        assert not any(bad in text for bad in FORBIDDEN_SLACK)
        assert "<" not in text
        assert ">" not in text
    sections = [b for b in params.get("blocks", []) if b["type"] == "section"]
    for block in sections:
        assert 0 < len(block["text"]["text"]) <= slack_render.SECTION_LIMIT
        assert block["text"]["verbatim"] is True


@FUZZ
@given(short_texts, st.lists(short_texts.filter(str.strip), max_size=30), short_texts)
def test_slack_blocks_never_mention_anyone(text: str, labels: list[str], note: str) -> None:
    choices = Choices(tuple(labels), "7:2") if labels else None
    blocks = slack_render.message_blocks(text or "x", choices)
    assert_slack_safe({"text": slack_render.escape(text), "blocks": blocks})
    assert_slack_safe({"blocks": slack_render.chosen_blocks(blocks, note)})
    assert unescape_slack(slack_render.escape(text)) == text
    plain = slack_render.to_plain(text, bot_user_id="UBOT")
    assert "<" not in slack_render.escape(plain)
    for number in range(1, len(labels) + 1):
        value = slack_render.button_value("7:2", number)
        assert slack_render.parse_button_value(value) == ("7:2", number)


@dataclass
class FakeSlackClient:
    """The three chat methods the Slack surface calls, answering like the Web API."""

    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)

    async def chat_postMessage(self, **params: Any) -> dict[str, Any]:
        self.calls.append(("chat.postMessage", params))
        ts = f"{len(self.texts) + 1}.000"
        self.texts[ts] = params["blocks"][0]["text"]["text"]
        return {"ok": True, "channel": params["channel"], "ts": ts}

    async def chat_update(self, **params: Any) -> dict[str, Any]:
        self.calls.append(("chat.update", params))
        self.texts[params["ts"]] = params["blocks"][0]["text"]["text"]
        return {"ok": True}

    async def chat_postEphemeral(self, **params: Any) -> dict[str, Any]:
        self.calls.append(("chat.postEphemeral", params))
        self.texts[f"e{len(self.texts)}"] = params["blocks"][0]["text"]["text"]
        return {"ok": True}


@FEW
@given(replies(), st.booleans())
async def test_slack_surface_sends_only_safe_sections(reply: Reply, direct: bool) -> None:
    client = FakeSlackClient()
    surface = SlackSurface(client, Place("C1", "1.0", "U1", direct=direct))  # type: ignore[arg-type]
    limits = Limits(slack_render.SECTION_LIMIT, 0.0, measure=slack_render.measure)
    await deliver(reply.stream(), surface, limits, typing=False)
    for _, params in client.calls:
        assert_slack_safe(params)
    if not (reply.final.private and not direct):  # ephemerals cannot be edited: sent anew
        shown = [unescape_slack(client.texts[key]) for key in client.texts]
        event(f"slack messages: {min(len(shown), 3)}")
        assert_covers(shown, reply.final.text)


@dataclass
class RefusingSlackClient(FakeSlackClient):
    """A workspace that refuses file uploads, so the export is posted as text instead."""

    async def files_upload_v2(self, **params: Any) -> dict[str, Any]:
        raise SlackRequestError("files:write is missing")


@FEW
@given(texts)
async def test_slack_export_as_text_fits_and_keeps_everything(text: str) -> None:
    client = RefusingSlackClient()
    surface = SlackSurface(client, Place("C1", None, "U1"))  # type: ignore[arg-type]
    await surface.attach(Attachment("story.md", text.encode()), private=False)
    pieces = []
    for _, params in client.calls:
        assert_slack_safe(params)
        body = params["blocks"][0]["text"]["text"]
        assert body.startswith("```\n")
        assert body.endswith("\n```")
        pieces.append(unescape_slack(body[4:-4]))
    assert_covers(pieces, text)


# Discord


@FUZZ
@given(texts)
def test_discord_measure_is_the_rendered_length(text: str) -> None:
    assert discord_render.measure(text) == len(discord_render.render(text))


@FEW
@given(st.lists(short_texts, min_size=1, max_size=30), st.sampled_from(["1:1", "123456:789"]))
async def test_discord_buttons_fit(labels: list[str], ref: str) -> None:
    view = choice_view(Choices(tuple(labels), ref))
    assert view is not None
    for item in view.children:
        assert isinstance(item, discord.ui.DynamicItem)
        button = item.item
        assert isinstance(button, discord.ui.Button)
        assert 0 < len(button.label or "") <= 80
        assert len(button.custom_id or "") <= 100
        assert TEMPLATE.fullmatch(button.custom_id or "")


NONE_PARSED: dict[str, list[str]] = {"parse": []}


def assert_no_pings(kwargs: dict[str, Any]) -> None:
    mentions = kwargs.get("allowed_mentions")
    assert isinstance(mentions, discord.AllowedMentions), f"no allowed_mentions in {kwargs}"
    assert mentions.to_dict() == NONE_PARSED


@dataclass
class FakeDiscordMessage:
    id: int
    calls: list[dict[str, Any]]

    async def edit(self, **kwargs: Any) -> FakeDiscordMessage:
        self.calls.append(kwargs)
        return self


@dataclass
class FakeDiscordChannel:
    """A channel (and, for interactions, the webhook routes) that records every payload."""

    calls: list[dict[str, Any]] = field(default_factory=list)

    async def send(self, content: str | None = None, **kwargs: Any) -> FakeDiscordMessage:
        self.calls.append({"content": content, **kwargs})
        return FakeDiscordMessage(len(self.calls), self.calls)

    async def typing(self) -> None:
        return None


class FakeInteraction:
    """What InteractionSurface touches on a deferred interaction, recorded."""

    def __init__(self, channel: FakeDiscordChannel) -> None:
        self.channel = channel
        self.channel_id = 5
        self.guild_id = 6
        self.client = SimpleNamespace(get_partial_messageable=lambda *a, **k: channel)
        self.followup = SimpleNamespace(send=self._followup)

    async def edit_original_response(self, **kwargs: Any) -> FakeDiscordMessage:
        return await self.channel.send(**kwargs)

    async def _followup(self, content: str | None = None, **kwargs: Any) -> FakeDiscordMessage:
        kwargs.pop("ephemeral", None)
        kwargs.pop("wait", None)
        return await self.channel.send(content, **kwargs)

    async def delete_original_response(self) -> None:
        return None


class PlainRecorder:
    """Wraps a surface to remember the plain text of each message it was given."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.texts: list[str] = []

    async def send(self, text: str, *, choices: Choices | None, private: bool) -> Any:
        handle = await self.inner.send(text, choices=choices, private=private)
        self.texts.append(text)
        return (len(self.texts) - 1, handle)

    async def edit(self, handle: Any, text: str, *, choices: Choices | None) -> None:
        await self.inner.edit(handle[1], text, choices=choices)
        self.texts[handle[0]] = text

    async def typing(self) -> None:
        await self.inner.typing()

    async def attach(self, attachment: Any, *, private: bool) -> None:
        await self.inner.attach(attachment, private=private)

    async def show_tally(self, choices: Choices) -> None:
        return None


SurfaceMaker = Callable[[FakeDiscordChannel], Any]
DISCORD_SURFACES: dict[str, SurfaceMaker] = {
    "channel": lambda channel: ChannelSurface(channel),  # type: ignore[arg-type]
    "interaction": lambda channel: InteractionSurface(
        FakeInteraction(channel),  # type: ignore[arg-type]
        ephemeral=False,
    ),
}


@FEW
@given(replies(), st.sampled_from(sorted(DISCORD_SURFACES)))
async def test_discord_surface_never_pings_and_fits(reply: Reply, kind: str) -> None:
    channel = FakeDiscordChannel()
    surface = PlainRecorder(DISCORD_SURFACES[kind](channel))
    limits = Limits(discord_render.MAX_CONTENT, 0.0, measure=discord_render.measure)
    await deliver(reply.stream(), surface, limits, typing=False)
    for call in channel.calls:
        assert_no_pings(call)
        assert 0 < len(call["content"]) <= discord_render.MAX_CONTENT
    rendered = {discord_render.render(text) for text in surface.texts}
    assert {call["content"] for call in channel.calls} >= rendered
    event(f"discord messages: {min(len(surface.texts), 3)}")
    assert_covers(surface.texts, reply.final.text)


def test_the_mention_patterns_are_what_the_platforms_use() -> None:
    """The forbidden sequences above are real mention markup, so the checks mean something."""
    assert re.fullmatch(r"<!(channel|here|everyone)>", "<!here>")
    assert slack_render.escape("<!here>") == "&lt;!here&gt;"
    assert telegram_render.html_text('<a href="tg://user?id=1">') == (
        '&lt;a href="tg://user?id=1"&gt;'
    )
    assert discord_render.NO_MENTIONS.to_dict() == NONE_PARSED
