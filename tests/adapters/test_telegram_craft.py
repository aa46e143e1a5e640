"""Story craft on Telegram: a group vote of three players (on majority, on time, across a
restart) and the Twine export, with python-telegram-bot against the fake Bot API."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from adapters.telegram.adapter import TelegramAdapter
from bot.delivery import deliver
from bot.identity import ChannelKey
from bot.types import ReplyStream
from bot.vote_clock import Post, VoteClock
from tests.adapters.test_telegram import (
    DM,
    GROUP,
    GROUP_KEY,
    Harness,
    button_data,
    group_message,
    running,
)
from tests.engine.test_votes import VirtualTime
from tests.fakes.provider import ScriptedProvider
from tests.fakes.telegram_api import Call, FakeTelegram, Sent, callback, message

pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning")
PLAYERS = (301, 302, 303)
VOTE_SECONDS = 60  # story.vote_seconds by default


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as fake:
        yield fake


@pytest.fixture
def provider() -> ScriptedProvider:
    return ScriptedProvider(chunk=50)


@pytest.fixture
async def bot(
    tg: FakeTelegram, tmp_path: Path, provider: ScriptedProvider
) -> AsyncIterator[Harness]:
    async with running(tg, tmp_path / "db.sqlite", provider) as harness:
        yield harness


async def group_story_with_three_players(bot: Harness) -> Sent:
    await bot.send(group_message("/story a maze", user_id=PLAYERS[0]))
    first = await bot.story_message(GROUP)
    for user in PLAYERS:
        await bot.send(group_message(f"/story join Hero {user}", user_id=user))
    await bot.tg.wait_for(
        lambda: len([m for m in bot.sent(GROUP) if " plays Hero" in m.text]) == 3,
        what="three players",
    )
    return first


async def press(bot: Harness, pressed: Sent, number: int, user: int) -> Call:
    """A player's press on ``pressed``; the answer to it (the spinner, or an alert)."""
    update = await bot.send(
        callback(button_data(pressed, number), bot.tg.message_json(pressed), user_id=user)
    )
    query = update["callback_query"]["id"]
    answered: Call = await bot.tg.wait_for(
        lambda: next(
            (c for c in bot.tg.of("answerCallbackQuery") if c.params["callback_query_id"] == query),
            None,
        ),
        what=f"the press of user {user} answered",
    )
    return answered


def labels(sent: Sent) -> list[str]:
    return [row[0]["text"] for row in sent.reply_markup["inline_keyboard"]]


def poster(adapter: TelegramAdapter) -> Post:
    """What the service's vote clock posts with: delivery through the adapter's surface."""

    async def post(channel: ChannelKey, stream: ReplyStream) -> bool:
        target = await adapter.surface_for(channel)
        if target is None:
            await stream.aclose()
            return False
        await deliver(stream, *target)
        return True

    return post


async def test_a_group_vote_of_three_shows_counts_and_closes_on_majority(
    bot: Harness, provider: ScriptedProvider
) -> None:
    first = await group_story_with_three_players(bot)

    ballot = await press(bot, first, 2, PLAYERS[0])
    assert ballot.params["show_alert"] is True  # told privately, as a toast
    assert ballot.params["text"].startswith("Your vote for 2. Go right is counted. So far: 1.")
    (markup,) = bot.tg.of("editMessageReplyMarkup")
    assert (markup.params["chat_id"], markup.params["message_id"]) == (GROUP, first.message_id)
    assert labels(first) == ["1. Go left · 0", "2. Go right · 1", "3. Wait · 0"]
    changed = await press(bot, first, 3, PLAYERS[0])  # one vote each, and it may change
    assert "So far: 1. Go left: 0 · 2. Go right: 0 · 3. Wait: 1." in changed.params["text"]
    assert labels(first) == ["1. Go left · 0", "2. Go right · 0", "3. Wait · 1"]
    assert len(provider.generations) == 1, "no ballot so far decides"

    await press(bot, first, 3, PLAYERS[1])  # two of three players agree: a majority
    second = await bot.story_message(GROUP, 2)
    assert second.text.startswith(
        "The vote chose 3. Wait (2 of 2 votes).\n\nPart 2 of a maze. Then: Wait."
    )
    assert provider.generations[-1].context.direction == "Wait"
    late = await press(bot, first, 1, PLAYERS[2])
    assert "moved on" in late.params["text"]
    assert len(provider.generations) == 2


async def test_a_group_vote_nobody_finishes_closes_on_time(
    bot: Harness, provider: ScriptedProvider
) -> None:
    clock = VirtualTime()
    engine = bot.app.engine
    engine.voting.clock = clock.time
    votes = VoteClock(engine, poster(bot.adapter), now=clock.time, sleep=clock.sleep)
    try:
        first = await group_story_with_three_players(bot)
        await press(bot, first, 2, PLAYERS[0])
        await press(bot, first, 1, PLAYERS[1])  # 1 against 1: nobody has a majority yet
        assert votes.pending == 1
        await clock.advance(VOTE_SECONDS - 1)
        assert len(provider.generations) == 1
        await clock.advance(2)
        await asyncio.wait_for(votes.idle(), 10)
    finally:
        await votes.stop()

    second = await bot.story_message(GROUP, 2)
    assert second.text.startswith("The vote chose 1. Go left (1 of 2 votes).\n\nPart 2 of a maze")
    assert "reply_parameters" not in bot.tg.of("sendMessage")[-1].params  # nobody asked
    story = await bot.app.store.active_story(GROUP_KEY)
    assert story is not None
    assert story.last_seq == 2


async def test_a_vote_open_at_a_restart_closes_on_time_in_the_group(
    tg: FakeTelegram, tmp_path: Path, provider: ScriptedProvider
) -> None:
    db = tmp_path / "db.sqlite"
    clock = VirtualTime()
    async with running(tg, db, provider) as before:
        before.app.engine.voting.clock = clock.time
        first = await group_story_with_three_players(before)
        await press(before, first, 3, PLAYERS[0])
        await press(before, first, 2, PLAYERS[2])
    await clock.advance(10)  # the bot was down for a while; the vote has 50 s left

    async with running(tg, db, provider) as after:  # a new app, engine and adapter
        after.app.engine.voting.clock = clock.time
        votes = VoteClock(
            after.app.engine, poster(after.adapter), now=clock.time, sleep=clock.sleep
        )
        try:
            await votes.start()
            assert votes.pending == 1, "the open vote was scheduled again"
            await clock.advance(VOTE_SECONDS - 11)
            assert len(provider.generations) == 1
            await clock.advance(2)
            await asyncio.wait_for(votes.idle(), 10)
        finally:
            await votes.stop()
        second = await after.story_message(GROUP, 2)
        assert await after.app.store.open_votes() == []

    assert second.text.startswith("The vote chose 2. Go right (1 of 2 votes).\n\nPart 2 of a maze")


# Twine


LINK = re.compile(r"(?<!\\)\[\[(.+?)(?<!\\)\]\]")


def twee_passages(document: str) -> dict[str, str]:
    """A Twee 3 document's passages by name. A line opening with ``::`` starts one; its
    header is the name, then optional ``[tags]`` and ``{metadata}`` (Twee 3 spec)."""
    found: dict[str, str] = {}
    for block in re.split(r"^::", document, flags=re.MULTILINE)[1:]:
        header, _, body = block.partition("\n")
        name = re.sub(r"\s*(\[[^\]]*\])?\s*(\{.*\})?\s*$", "", header).strip()
        assert name, header
        assert name not in found, header
        found[name] = body
    return found


def link_target(link: str) -> str:
    """``text->target``, ``target<-text``, ``text|target`` or just ``target``."""
    if "->" in link:
        return link.rsplit("->", 1)[1]
    if "<-" in link:
        return link.split("<-", 1)[0]
    return link.rsplit("|", 1)[-1]


async def test_a_twine_export_is_a_twee_file_whose_links_all_resolve(bot: Harness) -> None:
    await bot.send(message("/story a maze"))
    first = await bot.story_message(DM)
    await bot.send(callback(button_data(first, 2), bot.tg.message_json(first)))
    await bot.story_message(DM, 2)
    await bot.send(message("/story continue down the stairs"))
    await bot.story_message(DM, 3)
    await bot.send(message("/story retry"))
    await bot.story_message(DM, 4)
    await bot.send(message("/story export twine"))
    (upload,) = await bot.tg.wait_for(lambda: bot.tg.of("sendDocument"), what="the export")

    filename, content = upload.files["document"]
    assert re.fullmatch(r"story-\d+\.twee", filename)
    passages = twee_passages(content.decode("utf-8"))
    data: dict[str, Any] = json.loads(passages["StoryData"])
    assert re.fullmatch(r"[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}", data["ifid"])
    assert data["format"] == "Harlowe"
    assert data["start"] in passages
    assert passages["StoryTitle"].strip() == "a maze"
    assert {"Part 1", "Part 2", "Part 3"} <= set(passages)
    targets = [link_target(link) for body in passages.values() for link in LINK.findall(body)]
    assert "Part 2" in targets
    assert [t for t in targets if t.startswith("Branch ")], "the retried part is a branch"
    assert all(target in passages for target in targets), targets
    caption = await bot.text_containing(DM, "Twine")
    assert caption.text == "The story and its 1 branch as a Twine (Twee 3) file."
