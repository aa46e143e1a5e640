"""The Telegram adapter: the real python-telegram-bot against a fake Bot API on loopback."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from adapters.telegram import create
from adapters.telegram.adapter import SECRET_HEADER, WEBHOOK_PATH, TelegramAdapter
from adapters.telegram.surface import Target, TelegramSurface
from bot.app import App
from bot.config import Settings
from bot.delivery import deliver
from bot.engine import Engine
from bot.identity import ChannelKey
from bot.memory import Memory, offline_summariser
from bot.metrics import Metrics
from bot.providers.base import Chunk, Generation, Task
from bot.types import Final, ReplyEvent, ReplyKind
from storage.sqlite import SqliteStore
from tests.fakes.provider import ScriptedProvider
from tests.fakes.telegram_api import (
    BOT_ID,
    BOT_USERNAME,
    FakeTelegram,
    FloodControl,
    Sent,
    callback,
    message,
    parse_html,
    utf16_len,
)

DM = 111
GROUP = -100200
GROUP_KEY = ChannelKey.of("telegram", GROUP)
ADMIN = 222
# PTB itself warns when it builds RetryAfter from a 429 (its int-to-timedelta migration).
pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning")
CHOICES = "\n\nWhat happens next?\n1. Go left\n2. Go right\n3. Wait"


class Harness:
    """One running adapter, its app, and the fake Telegram it talks to."""

    def __init__(
        self, tg: FakeTelegram, adapter: TelegramAdapter, app: App, web_app: web.Application
    ) -> None:
        self.tg, self.adapter, self.app, self.web_app = tg, adapter, app, web_app

    async def send(self, update: dict[str, Any]) -> dict[str, Any]:
        return await self.tg.inject(update)

    async def settled(self, update: dict[str, Any]) -> None:
        """Wait until ``update`` was fetched and every fetched update is fully answered."""
        number = update["update_id"]
        await self.tg.wait_for(
            lambda: any(c.params.get("offset", 0) > number for c in self.tg.of("getUpdates")),
            what=f"update {number} to be fetched",
        )
        await self.idle()

    async def idle(self) -> None:
        """Every queued update handled and its reply delivered."""
        await self.adapter.application.update_queue.join()
        await self.adapter.deliveries.idle()

    async def story_message(self, chat_id: int, count: int = 1) -> Sent:
        """The ``count``-th message in the chat that ended with choice buttons."""

        def done() -> Sent | None:
            finished = [m for m in self.sent(chat_id) if m.reply_markup]
            return finished[count - 1] if len(finished) >= count else None

        return await self.tg.wait_for(done, what=f"story message {count} in {chat_id}")

    async def text_containing(self, chat_id: int, needle: str) -> Sent:
        return await self.tg.wait_for(
            lambda: next((m for m in self.sent(chat_id) if needle in m.text), None),
            what=f"a message with {needle!r}",
        )

    def sent(self, chat_id: int) -> list[Sent]:
        return self.tg.sent_to(chat_id)


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as fake:
        yield fake


@asynccontextmanager
async def running(
    tg: FakeTelegram,
    db: Path,
    provider: ScriptedProvider,
    *,
    options: dict[str, Any] | None = None,
    start: bool = True,
    **telegram: Any,
) -> AsyncIterator[Harness]:
    """An App on ``db`` with the scripted storyteller, and its Telegram adapter started
    (unless ``start`` is False). ``telegram`` overrides the adapter's settings,
    ``options`` any others.
    """
    settings = Settings(
        database_path=str(db),
        telegram={
            "token": "123:TEST",
            "api_base_url": tg.base_url,
            "file_base_url": tg.file_base_url,
            "private_interval": 0.05,
            "group_interval": 0.05,
            "poll_timeout": 1,
            **telegram,
        },
        **(options or {}),
    )
    store = SqliteStore(str(db))
    await store.open()
    try:
        memory = Memory(store, settings.story, offline_summariser(1000))
        engine = Engine(store, provider, settings.story, memory, seed=1)
        app = App(settings, store, provider, engine, Metrics())
        web_app = web.Application()
        adapter = create(app, web_app)
        if start:
            await adapter.start()
        try:
            yield Harness(tg, adapter, app, web_app)
        finally:
            await adapter.stop()
    finally:
        await store.close()


@pytest.fixture
def provider() -> ScriptedProvider:
    return ScriptedProvider(chunk=7, delay=0.005)


@pytest.fixture
async def bot(
    tg: FakeTelegram, tmp_path: Path, provider: ScriptedProvider
) -> AsyncIterator[Harness]:
    async with running(tg, tmp_path / "db.sqlite", provider) as harness:
        yield harness


def assert_all_html_valid(tg: FakeTelegram) -> None:
    for call in tg.of("sendMessage") + tg.of("editMessageText"):
        assert call.params.get("parse_mode") == "HTML"
        parse_html(call.params["text"])
        assert "can't parse" not in call.params.get("_error", "")


def button_data(sent: Sent, number: int) -> str:
    return sent.reply_markup["inline_keyboard"][number - 1][0]["callback_data"]


# start-up


async def test_start_registers_the_command_menu_and_polls(bot: Harness) -> None:
    (call,) = [c for c in bot.tg.of("setMyCommands") if "language_code" not in c.params]
    names = [command["command"] for command in call.params["commands"]]
    assert {"story", "start", "help", "continue"} <= set(names)
    craft = {"world", "note", "join", "cast", "leave", "edit", "branch", "branches", "switch"}
    assert craft | {"share", "import", "export", "stories", "resume"} <= set(names)
    assert all(command["description"] for command in call.params["commands"])
    assert bot.tg.of("getMe")
    await bot.tg.wait_for(lambda: bot.tg.of("getUpdates"), what="polling")
    assert not bot.tg.of("setWebhook")


# direct messages


async def test_dm_story_streams_to_the_final_text(bot: Harness, provider: ScriptedProvider) -> None:
    await bot.send(message("/story a dragon who bakes bread"))
    final = await bot.story_message(DM)
    assert final.text == "Part 1 of a dragon who bakes bread." + CHOICES
    assert bot.tg.of("editMessageText"), "the reply was streamed, then edited"
    assert [len(row) for row in final.reply_markup["inline_keyboard"]] == [1, 1, 1]
    assert button_data(final, 2).startswith("c|")
    assert [g.task for g in provider.generations] == [Task.OPEN]
    assert_all_html_valid(bot.tg)


async def test_plain_text_in_a_dm_continues_the_story(
    bot: Harness, provider: ScriptedProvider
) -> None:
    await bot.send(message("/story a dragon who bakes bread"))
    await bot.story_message(DM)
    await bot.send(message("the oven explodes"))
    second = await bot.story_message(DM, 2)
    assert second.text.startswith("Part 2 of a dragon who bakes bread. Then: the oven explodes.")
    assert provider.generations[1].task is Task.CONTINUE


async def test_plain_text_in_a_dm_starts_a_story_when_there_is_none(bot: Harness) -> None:
    await bot.send(message("a lighthouse keeper finds a door"))
    final = await bot.story_message(DM)
    assert final.text.startswith("Part 1 of a lighthouse keeper finds a door.")


async def test_shortcut_commands_work_like_story_subcommands(bot: Harness) -> None:
    await bot.send(message("/story a quiet village"))
    await bot.story_message(DM)
    await bot.send(message("/continue the bells ring"))
    second = await bot.story_message(DM, 2)
    assert "Then: the bells ring." in second.text


async def test_start_greets_and_explains(bot: Harness) -> None:
    await bot.send(message("/start"))
    hello = await bot.text_containing(DM, "Hi Ada")
    assert "/story help" in hello.text
    assert "/story new <prompt>" in hello.text
    assert_all_html_valid(bot.tg)


async def test_start_with_a_story_waiting_shows_where_it_stopped(bot: Harness) -> None:
    """'Send me an idea' while a story runs would merge the idea into it."""
    await bot.send(message("a fox named Juniper"))
    await bot.story_message(DM)
    await bot.send(message("/start"))
    welcome = await bot.text_containing(DM, "Welcome back")
    assert "“a fox named Juniper”" in welcome.text
    assert "Part 1 of a fox named Juniper" in welcome.text
    assert "/story new <prompt> to start another" in welcome.text
    assert "Hi Ada" not in welcome.text
    assert_all_html_valid(bot.tg)


async def test_non_text_in_a_dm_gets_a_hint(bot: Harness, provider: ScriptedProvider) -> None:
    photo = [{"file_id": "p1", "file_unique_id": "u1", "width": 10, "height": 10}]
    update = await bot.send(message(None, photo=photo))
    hint = await bot.text_containing(DM, "only read text")
    assert len(hint.text.splitlines()) == 1
    await bot.settled(update)
    assert provider.generations == []


async def test_edited_messages_and_bots_are_ignored(
    bot: Harness, provider: ScriptedProvider
) -> None:
    edited = {"edited_message": {**message("/story edited")["message"], "edit_date": 1}}
    await bot.send(edited)
    last = await bot.send(message("/story from a bot", user_id=999, is_bot=True))
    await bot.settled(last)
    assert provider.generations == []
    assert not bot.tg.of("sendMessage")


async def test_typing_is_shown_while_the_first_text_is_awaited(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    slow = ScriptedProvider(chunk=10_000, delay=0.8)
    async with running(tg, tmp_path / "db.sqlite", slow) as bot:
        await bot.send(message("/story a slow start"))
        await bot.story_message(DM)
    (typing, *_) = tg.of("sendChatAction")
    assert typing.params == {"chat_id": DM, "action": "typing"}


async def test_model_markup_arrives_escaped(tg: FakeTelegram, tmp_path: Path) -> None:
    nasty = "<b>Bold</b> & <script>alert(1)</script> 1 < 2 &amp; done"
    scripted = ScriptedProvider(lambda g: nasty, chunk=5)
    async with running(tg, tmp_path / "db.sqlite", scripted) as bot:
        await bot.send(message("/story <i>tags</i> & such"))
        final = await bot.text_containing(DM, "done")
    assert final.text == nasty
    assert "&lt;script&gt;" in final.html
    assert_all_html_valid(tg)


async def test_long_stories_are_split_within_telegrams_limit(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    paragraph = "🐉 " * 700  # 2,100 characters but 2,800 UTF-16 code units
    text = "\n\n".join(paragraph.strip() for _ in range(4)) + "\n\nThe end."
    scripted = ScriptedProvider(lambda g: text, chunk=2000)
    async with running(tg, tmp_path / "db.sqlite", scripted) as bot:
        await bot.send(message("/story dragons"))
        await bot.text_containing(DM, "The end.")
        shown = [m.text for m in bot.sent(DM)]
    assert len(shown) >= 3
    assert all(utf16_len(t) <= 4096 for t in shown)
    assert "".join(shown).replace("\n", "").replace(" ", "") == text.replace("\n", "").replace(
        " ", ""
    )


async def test_export_sends_a_markdown_document(bot: Harness) -> None:
    await bot.send(message("/story a map of the moon"))
    await bot.story_message(DM)
    await bot.send(message("/story export"))
    (upload,) = await bot.tg.wait_for(lambda: bot.tg.of("sendDocument"), what="the export")
    filename, content = upload.files["document"]
    assert filename.endswith(".md")
    assert "Part 1 of a map of the moon." in content.decode()


# buttons


async def test_a_button_press_continues_and_a_stale_one_says_so(
    bot: Harness, provider: ScriptedProvider
) -> None:
    await bot.send(message("/story a fork in the road"))
    first = await bot.story_message(DM)
    await bot.send(callback(button_data(first, 2), bot.tg.message_json(first)))
    second = await bot.story_message(DM, 2)
    assert second.text.startswith("You chose: Go right")
    assert provider.generations[1].context.direction == "Go right"
    await bot.tg.wait_for(lambda: bot.tg.of("answerCallbackQuery"), what="the press answered")

    update = await bot.send(callback(button_data(first, 1), bot.tg.message_json(first)))
    await bot.settled(update)
    answers = bot.tg.of("answerCallbackQuery")
    assert len(answers) == 2
    assert "moved on" in answers[1].params["text"]
    assert answers[1].params["show_alert"] is True
    assert len(provider.generations) == 2


async def test_unknown_button_data_is_still_answered(bot: Harness) -> None:
    await bot.send(message("/story buttons"))
    first = await bot.story_message(DM)
    update = await bot.send(callback("something-else", bot.tg.message_json(first)))
    await bot.settled(update)
    (answer,) = bot.tg.of("answerCallbackQuery")
    assert answer.params["callback_query_id"] == update["callback_query"]["id"]


async def test_a_choice_number_that_is_not_ascii_is_answered_and_ignored(
    bot: Harness, provider: ScriptedProvider
) -> None:
    """``²`` passes ``str.isdigit`` but not ``int``: the press is answered, nothing else."""
    await bot.send(message("/story superscripts"))
    first = await bot.story_message(DM)
    ref = button_data(first, 1).split("|")[1]
    update = await bot.send(callback(f"c|{ref}|²", bot.tg.message_json(first)))
    await bot.settled(update)
    (answer,) = bot.tg.of("answerCallbackQuery")
    assert answer.params == {"callback_query_id": update["callback_query"]["id"]}
    assert len(provider.generations) == 1
    assert len(bot.sent(DM)) == 1


# reliability


async def test_flood_control_mid_stream_still_delivers_the_final_text(bot: Harness) -> None:
    bot.tg.flood("editMessageText", retry_after=1)
    await bot.send(message("/story a storm at sea"))
    final = await bot.story_message(DM)
    assert final.text == "Part 1 of a storm at sea." + CHOICES
    refused = [c for c in bot.tg.of("editMessageText") if "_error" in c.params]
    assert refused[0].params["_error"].startswith("Too Many Requests")
    counted = bot.app.metrics.registry.get_sample_value(
        "storybot_platform_errors_total", {"platform": "telegram", "kind": "rate_limited"}
    )
    assert counted == 1.0


async def test_an_edit_to_the_same_text_is_not_an_error(bot: Harness) -> None:
    surface = TelegramSurface(bot.adapter.bot, Target(DM))
    handle = await surface.send("same words", choices=None, private=False)
    await surface.edit(handle, "same words", choices=None)
    (edit,) = bot.tg.of("editMessageText")
    assert "message is not modified" in edit.params["_error"]
    assert [m.text for m in bot.sent(DM)] == ["same words"]


async def test_an_edit_of_a_deleted_message_continues_in_a_new_one(bot: Harness) -> None:
    surface = TelegramSurface(bot.adapter.bot, Target(DM))
    handle = await surface.send("the beginning", choices=None, private=False)
    bot.tg.messages.clear()  # the user deleted it
    await surface.edit(handle, "the beginning and the end", choices=None)
    assert [m.text for m in bot.sent(DM)] == ["the beginning and the end"]
    assert handle.message_id == bot.sent(DM)[0].message_id


async def test_a_redelivered_update_makes_no_second_story(
    tg: FakeTelegram, tmp_path: Path, provider: ScriptedProvider
) -> None:
    db = tmp_path / "db.sqlite"
    update = message("/story only once")
    async with running(tg, db, provider) as bot:
        await bot.send(update)
        await bot.story_message(DM)
    sent_before = len(tg.of("sendMessage"))
    async with running(tg, db, provider) as bot:
        await bot.send(dict(update))  # Telegram delivers it again after the restart
        await bot.settled(update)
    assert len(provider.generations) == 1
    assert len(tg.of("sendMessage")) == sent_before


# webhook


@asynccontextmanager
async def webhook_client(bot: Harness) -> AsyncIterator[TestClient[Any, Any]]:
    async with TestClient(TestServer(bot.web_app)) as client:
        yield client


async def test_webhook_mode_checks_the_secret_and_dedupes(
    tg: FakeTelegram, tmp_path: Path, provider: ScriptedProvider
) -> None:
    config: dict[str, Any] = {"webhook_url": "https://bot.example.org", "webhook_secret": "s3cret"}
    async with running(tg, tmp_path / "db.sqlite", provider, **config) as bot:
        (hook,) = tg.of("setWebhook")
        assert hook.params["url"] == "https://bot.example.org" + WEBHOOK_PATH
        assert hook.params["secret_token"] == "s3cret"
        update = {"update_id": 77, **message("/story through the hook")}
        async with webhook_client(bot) as client:
            wrong = await client.post(WEBHOOK_PATH, json=update, headers={SECRET_HEADER: "nope"})
            missing = await client.post(WEBHOOK_PATH, json=update)
            assert (wrong.status, missing.status) == (403, 403)
            garbled = await client.post(
                WEBHOOK_PATH, data=b"not json", headers={SECRET_HEADER: "s3cret"}
            )
            assert garbled.status == 400
            for _ in range(2):  # Telegram retries when it is unsure we got it
                right = await client.post(
                    WEBHOOK_PATH, json=update, headers={SECRET_HEADER: "s3cret"}
                )
                assert right.status == 200
            await bot.story_message(DM)
            await bot.idle()
    assert len(provider.generations) == 1
    assert not tg.of("getUpdates")


# groups


def group_message(text: str | None, **fields: Any) -> dict[str, Any]:
    return message(text, chat_id=GROUP, user_id=fields.pop("user_id", DM), **fields)


async def test_group_command_addressed_to_the_bot(bot: Harness, provider: ScriptedProvider) -> None:
    other = await bot.send(group_message("/story@another_bot not for us"))
    await bot.settled(other)
    assert provider.generations == []
    update = await bot.send(group_message(f"/story@{BOT_USERNAME} a haunted mill"))
    final = await bot.story_message(GROUP)
    assert final.text.startswith("Part 1 of a haunted mill.")
    first_send = bot.tg.of("sendMessage")[0]
    assert first_send.params["reply_parameters"]["message_id"] == update["message"]["message_id"]
    assert await bot.app.store.active_story(GROUP_KEY) is not None


async def test_plain_group_messages_are_ignored_unless_they_reply_to_the_bot(
    bot: Harness, provider: ScriptedProvider
) -> None:
    await bot.send(group_message("/story a heist"))
    final = await bot.story_message(GROUP)
    chatter = await bot.send(group_message("anyone up for lunch?"))
    await bot.settled(chatter)
    assert len(provider.generations) == 1

    await bot.send(group_message("the vault is empty", reply_to=bot.tg.message_json(final)))
    second = await bot.story_message(GROUP, 2)
    assert "Then: the vault is empty." in second.text


async def test_a_leading_mention_talks_to_the_bot_in_groups(bot: Harness) -> None:
    await bot.send(group_message(f"@{BOT_USERNAME} a clockwork owl"))
    final = await bot.story_message(GROUP)
    assert final.text.startswith("Part 1 of a clockwork owl.")


async def test_non_text_in_groups_is_ignored(bot: Harness) -> None:
    photo = [{"file_id": "p1", "file_unique_id": "u1", "width": 10, "height": 10}]
    update = await bot.send(group_message(None, photo=photo))
    await bot.settled(update)
    assert not bot.tg.of("sendMessage")


async def test_group_settings_need_an_admin(bot: Harness) -> None:
    await bot.send(group_message("/story a tale"))
    await bot.story_message(GROUP)
    assert not bot.tg.of("getChatMember"), "ordinary commands need no lookup"

    asked = await bot.send(group_message("/story settings genre horror"))
    refusal = await bot.text_containing(GROUP, "Only people who manage")
    assert (
        bot.tg.of("sendMessage")[-1].params["reply_parameters"]["message_id"]
        == (asked["message"]["message_id"])
    )
    assert refusal.reply_markup is None

    bot.tg.members[(GROUP, ADMIN)] = "administrator"
    await bot.send(group_message("/story settings genre horror", user_id=ADMIN))
    await bot.text_containing(GROUP, "horror")
    assert [c.params["user_id"] for c in bot.tg.of("getChatMember")] == [DM, ADMIN]
    settings = await bot.app.store.get_settings(GROUP_KEY)
    assert settings.genre == "horror"


async def test_a_later_update_never_overtakes_an_admin_command(bot: Harness) -> None:
    """The admin lookup happens in the channel's line, not before the request joins it."""
    bot.tg.members[(GROUP, ADMIN)] = "administrator"
    bot.tg.member_delay = 0.5
    await bot.send(group_message("/story settings genre horror", user_id=ADMIN))
    await bot.send(group_message("/story settings", user_id=ADMIN))
    shown = await bot.text_containing(GROUP, "Story settings for this channel")
    assert "genre: horror" in shown.text
    done = await bot.text_containing(GROUP, "Done.")
    assert [m.message_id for m in bot.sent(GROUP)] == sorted([done.message_id, shown.message_id])
    assert bot.sent(GROUP).index(done) < bot.sent(GROUP).index(shown)


async def test_forum_topics_are_separate_stories(bot: Harness) -> None:
    await bot.send(group_message("/story a topic tale", thread_id=7))
    final = await bot.story_message(GROUP)
    assert final.thread_id == 7
    assert await bot.app.store.active_story(ChannelKey.of("telegram", GROUP, 7)) is not None
    assert await bot.app.store.active_story(GROUP_KEY) is None
    # In a group a press is a ballot; with voting off (in this topic) it chooses at once.
    bot.tg.members[(GROUP, DM)] = "administrator"
    await bot.send(group_message("/story settings voting off", thread_id=7))
    await bot.text_containing(GROUP, "voting: off")
    assert (await bot.app.store.get_settings(ChannelKey.of("telegram", GROUP, 7))).voting is False
    await bot.send(callback(button_data(final, 3), bot.tg.message_json(final)))
    second = await bot.story_message(GROUP, 2)
    assert second.thread_id == 7
    assert second.text.startswith("You chose: Wait")


async def test_the_bot_is_named_as_telegram_reports_it(bot: Harness) -> None:
    assert bot.adapter.bot.id == BOT_ID
    assert bot.adapter.bot.username == BOT_USERNAME


async def test_anonymous_admins_manage_without_a_lookup(bot: Harness) -> None:
    anonymous = {"id": GROUP, "type": "supergroup", "title": "Story club"}
    update = group_message(
        "/story settings genre mystery", user_id=1087968824, is_bot=True, sender_chat=anonymous
    )
    await bot.send(update)
    await bot.text_containing(GROUP, "mystery")
    settings = await bot.app.store.get_settings(GROUP_KEY)
    assert settings.genre == "mystery"
    assert not bot.tg.of("getChatMember")


class GatedProvider(ScriptedProvider):
    """Holds back stories whose premise starts with "slow" until the gate opens."""

    def __init__(self) -> None:
        super().__init__(chunk=50)
        self.gate = asyncio.Event()

    async def stream(self, generation: Generation) -> AsyncIterator[Chunk]:
        if generation.context.premise.startswith("slow"):
            await self.gate.wait()
        async for chunk in super().stream(generation):
            yield chunk


async def test_a_slow_story_does_not_hold_up_other_chats(tg: FakeTelegram, tmp_path: Path) -> None:
    gated = GatedProvider()
    async with running(tg, tmp_path / "db.sqlite", gated) as bot:
        await bot.send(message("/story slow and steady"))
        await bot.send(message("/story quick as a fox", chat_id=333, user_id=333))
        quick = await bot.story_message(333)
        assert quick.text.startswith("Part 1 of quick as a fox.")
        assert not [m for m in bot.sent(DM) if m.reply_markup]
        gated.gate.set()
        slow = await bot.story_message(DM)
    assert slow.text.startswith("Part 1 of slow and steady.")


FLOOD = 350
BUSY = "requests waiting"


async def test_a_flooded_group_never_keeps_other_chats_waiting(
    tmp_path: Path, provider: ScriptedProvider
) -> None:
    """Replies waiting out a group's flood control must not hold PTB's processing slots.

    The group's line is long enough (``max_queue``) to hold more replies than
    python-telegram-bot has slots (256); when handlers delivered in place, a
    private chat waited for the whole group.
    """
    flood = FloodControl(per_chat=20, window=10.0)
    options = {"story": {"max_queue": 300}, "shutdown_grace": 0.5}
    async with FakeTelegram(flood_control=flood) as tg:
        async with running(tg, tmp_path / "db.sqlite", provider, options=options) as bot:
            for n in range(FLOOD):
                await bot.send(group_message(f"/story tale number {n}"))
            await tg.wait_for(lambda: flood.refused, what="the group to meet flood control")
            asked = time.monotonic()
            await bot.send(message("/story a quiet afternoon"))
            await tg.wait_for(lambda: bot.sent(DM), within=5.0, what="the private reply")
            waited = time.monotonic() - asked
            notes = [m for m in bot.sent(GROUP) if BUSY in m.text]
            typing = [c for c in tg.of("sendChatAction") if c.params["chat_id"] == GROUP]
    assert waited < 2.0, f"the private chat waited {waited:.1f} s for its first message"
    assert len(notes) <= 1
    assert flood.refused > 0
    # Replies waiting in the group's line do not each keep "typing…" up.
    assert len(typing) <= 3


async def test_surface_for_posts_to_a_channel_key(bot: Harness) -> None:
    opened = await bot.adapter.surface_for(ChannelKey.of("telegram", GROUP, 7))
    assert opened is not None
    surface, limits = opened
    assert limits.max_length == 4096
    assert limits.measure("🐉") == 2
    await deliver(_final("Story of the day: <a & b>"), surface, limits)
    (posted,) = bot.sent(GROUP)
    assert (posted.text, posted.thread_id) == ("Story of the day: <a & b>", 7)
    assert await bot.adapter.surface_for(ChannelKey.of("slack", "T1", "C1")) is None
    assert await bot.adapter.surface_for(ChannelKey.of("telegram", "not-a-chat")) is None


async def _final(text: str) -> AsyncGenerator[ReplyEvent, None]:
    yield Final(text, kind=ReplyKind.STORY)
