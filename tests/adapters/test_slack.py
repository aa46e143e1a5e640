"""The Slack adapter end to end: the real bolt AsyncApp and slack_sdk against a fake Slack.

Requests reach the app over HTTP, signed as Slack signs them (or over the fake's
Socket Mode websocket); everything the bot shows is read back from the fake.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from adapters.slack import SlackAdapter, create
from adapters.slack.render import escape
from bot.app import App
from bot.config import Settings
from bot.delivery import deliver
from bot.engine import Engine
from bot.identity import ChannelKey, Sender
from bot.memory import Memory, offline_summariser
from bot.platforms import CredentialsRefused
from bot.providers.base import Generation, Provider
from bot.types import Request
from storage.sqlite import SqliteStore
from tests.fakes import slack_api
from tests.fakes.provider import ScriptedProvider
from tests.fakes.slack_api import FakeSlack, Message, sign

SECRET = "test-signing-secret"
BOT_TOKEN = "xoxb-test"
APP_TOKEN = "xapp-test"


def story_text(premise: str, part: int = 1, direction: str = "") -> str:
    """The engine's final text for the default scripted storyteller (choices on)."""
    text = f"Part {part} of {premise}."
    if direction:
        text += f" Then: {direction}."
    return text + "\n\nWhat happens next?\n1. Go left\n2. Go right\n3. Wait"


def has_buttons(message: Message) -> bool:
    return any(block["type"] == "actions" for block in message.blocks)


async def eventually(check: Callable[[], Any], within: float = 10.0) -> Any:
    """Poll state outside the fake (the engine's lanes) until ``check`` is truthy."""
    async with asyncio.timeout(within):
        while not (result := check()):  # noqa: ASYNC110 - the engine has no event to wait on
            await asyncio.sleep(0.01)
    return result


class GatedProvider(ScriptedProvider):
    """A scripted storyteller that starts writing only when the test opens the gate."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.gate = asyncio.Event()

    async def stream(self, generation: Generation) -> AsyncIterator[Any]:
        await self.gate.wait()
        async for chunk in super().stream(generation):
            yield chunk


@dataclass
class Harness:
    fake: FakeSlack
    adapter: SlackAdapter
    provider: ScriptedProvider
    engine: Engine
    http: TestClient | None

    async def post(
        self,
        body: bytes,
        content_type: str,
        *,
        headers: dict[str, str] | None = None,
        secret: str = SECRET,
        timestamp: int | None = None,
    ) -> int:
        """POST to /slack/events signed like Slack; the status once bolt has answered."""
        status, _ = await self.answer(
            body, content_type, headers=headers, secret=secret, timestamp=timestamp
        )
        return status

    async def answer(
        self,
        body: bytes,
        content_type: str,
        *,
        headers: dict[str, str] | None = None,
        secret: str = SECRET,
        timestamp: int | None = None,
    ) -> tuple[int, str]:
        """POST to /slack/events signed like Slack; bolt's status and body (its ack)."""
        assert self.http is not None, "this harness runs in Socket Mode"
        signed = sign(secret, body, timestamp) | {"Content-Type": content_type}
        signed |= headers or {}
        response = await self.http.post("/slack/events", data=body, headers=signed)
        return response.status, await response.text()

    async def event(
        self, event: dict[str, Any], *, event_id: str | None = None, retry: int | None = None
    ) -> int:
        body = json.dumps(slack_api.event_callback(event, event_id)).encode()
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
        return await self.post(body, "application/json", headers=headers if retry else None)

    async def command(self, text: str, **fields: Any) -> int:
        form = slack_api.slash_command(self.fake.url("/"), text, **fields)
        return await self.post(urlencode(form).encode(), "application/x-www-form-urlencoded")

    async def press(self, message: Message, number: int, **fields: Any) -> int:
        payload = slack_api.block_actions(self.fake.url("/"), message, number, **fields)
        return await self.interact(payload)

    async def interact(self, payload: dict[str, Any]) -> int:
        """An interactivity payload (a press, a modal's submission), as Slack posts it."""
        body = urlencode({"payload": json.dumps(payload)}).encode()
        return await self.post(body, "application/x-www-form-urlencoded")

    async def voting_off(self, thread_ts: str | None = None) -> None:
        """In a channel a press is a ballot; with voting off the first press chooses, as in
        a DM. U1 becomes a workspace admin to change the setting (in the thread's story,
        by a mention, or the channel's, by /story)."""
        self.fake.users["U1"] = {"is_admin": True}
        if thread_ts is None:
            await self.command("settings voting off")
        else:
            mention = slack_api.app_mention("<@UBOT> settings voting off", thread_ts=thread_ts)
            await self.event(mention)
        await self.fake.wait_for(
            lambda: [m for m in self.fake.thread("C1", thread_ts) if m.text == "Done. voting: off"]
        )

    async def story(self, channel: str, thread_ts: str | None, count: int = 1) -> Message:
        """Wait until ``count`` messages of the thread carry buttons; the last of them."""

        def done() -> list[Message]:
            with_buttons = [m for m in self.fake.thread(channel, thread_ts) if has_buttons(m)]
            return with_buttons if len(with_buttons) >= count else []

        return (await self.fake.wait_for(done))[count - 1]


@asynccontextmanager
async def running(
    tmp_path: Path,
    *,
    provider: ScriptedProvider | None = None,
    storyteller: Provider | None = None,
    socket_mode: bool = False,
    **slack: Any,
) -> AsyncIterator[Harness]:
    """A fake Slack, a real store and engine, and the adapter started against them.

    The engine's storyteller is ``storyteller`` when given, else the scripted ``provider``.
    """
    fake = FakeSlack(bot_token=BOT_TOKEN, app_token=APP_TOKEN)
    await fake.start()
    store = SqliteStore(str(tmp_path / "slack.db"))
    await store.open()
    provider = provider or ScriptedProvider()
    config: dict[str, Any] = {
        "bot_token": BOT_TOKEN,
        "api_base_url": fake.base_url,
        "edit_interval": 0.01,
    }
    config |= {"app_token": APP_TOKEN} if socket_mode else {"signing_secret": SECRET}
    settings = Settings(database_path=str(tmp_path / "slack.db"), slack=config | slack)
    memory = Memory(store, settings.story, offline_summariser(settings.story.summary_tokens * 4))
    writer = storyteller or provider
    engine = Engine(store, writer, settings.story, memory, seed=1)
    web_app = web.Application()
    adapter = create(App(settings, store, writer, engine), web_app)
    http: TestClient | None = None
    try:
        await adapter.start()
        if not socket_mode:
            http = TestClient(TestServer(web_app, host="127.0.0.1", port=0))
            await http.start_server()
        yield Harness(fake, adapter, provider, engine, http)
        await adapter.idle()
    finally:
        if http is not None:
            await http.close()
        await adapter.stop()
        await store.close()
        await fake.close()


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[Harness]:
    async with running(tmp_path) as harness:
        yield harness


# mentions and threads


async def test_a_mention_starts_a_story_in_a_thread_under_it(slack: Harness) -> None:
    mention = slack_api.app_mention("<@UBOT> a lighthouse keeper")
    assert await slack.event(mention) == 200

    story = await slack.story("C1", mention["ts"])

    final = story_text("a lighthouse keeper")
    assert story.text == escape(final)
    assert story.history[-1] == escape(final)
    updates = [c for c in slack.fake.called("chat.update") if c.params["ts"] == story.ts]
    assert updates, "the story was streamed with chat.update"
    assert updates[-1].params["text"] == escape(final)
    assert story.blocks[0]["text"]["text"] == escape(final)
    labels = [e["text"]["text"] for e in story.blocks[1]["elements"]]
    assert labels == ["1. Go left", "2. Go right", "3. Wait"]
    assert [e["value"] for e in story.blocks[1]["elements"]] == ["1:1|1", "1:1|2", "1:1|3"]
    assert slack.provider.generations[0].context.premise == "a lighthouse keeper"
    assert slack.provider.generations[0].channel == f"slack:T1:C1:{mention['ts']}"
    assert role_lookups(slack) == []


async def test_a_mention_in_the_thread_continues_its_story(slack: Harness) -> None:
    opening = slack_api.app_mention("<@UBOT> a lighthouse keeper")
    await slack.event(opening)
    await slack.story("C1", opening["ts"])

    ignored = slack_api.message(
        "the lamp flickers", channel="C1", channel_type="channel", thread_ts=opening["ts"]
    )
    assert await slack.event(ignored) == 200
    await slack.event(slack_api.app_mention("<@UBOT> the lamp goes out", thread_ts=opening["ts"]))

    second = await slack.story("C1", opening["ts"], count=2)
    assert second.text == escape(story_text("a lighthouse keeper", 2, "the lamp goes out"))
    directions = [g.context.direction for g in slack.provider.generations]
    assert directions == ["", "the lamp goes out"]


async def test_a_subcommand_in_the_thread_runs_it_there(slack: Harness) -> None:
    opening = slack_api.app_mention("<@UBOT> a lighthouse keeper")
    await slack.event(opening)
    await slack.story("C1", opening["ts"])

    await slack.event(slack_api.app_mention("<@UBOT> help", thread_ts=opening["ts"]))
    note = await slack.fake.wait_for(lambda: slack.fake.ephemerals)

    assert note[0]["user"] == "U1"
    assert note[0]["thread_ts"] == opening["ts"]
    assert "/story new" in note[0]["text"]


async def test_plain_thread_replies_steer_stories_when_mentions_are_not_needed(
    tmp_path: Path,
) -> None:
    async with running(tmp_path, thread_needs_mention=False) as slack:
        opening = slack_api.app_mention("<@UBOT> a lighthouse keeper")
        await slack.event(opening)
        await slack.story("C1", opening["ts"])
        elsewhere = slack_api.app_mention("just chatting")["ts"]
        await slack.event(
            slack_api.message(
                "nobody asked for a story",
                channel="C1",
                channel_type="channel",
                thread_ts=elsewhere,
            )
        )
        await slack.event(
            slack_api.message(
                "a storm rolls in", channel="C1", channel_type="channel", thread_ts=opening["ts"]
            )
        )

        second = await slack.story("C1", opening["ts"], count=2)
        await slack.adapter.idle()

    assert second.text == escape(story_text("a lighthouse keeper", 2, "a storm rolls in"))
    assert len(slack.provider.generations) == 2
    assert slack.fake.thread("C1", elsewhere) == []


async def test_direct_messages_are_a_conversation_with_the_bot(slack: Harness) -> None:
    await slack.event(slack_api.message("a dragon who bakes"))
    first = await slack.story("D1", None)
    await slack.event(slack_api.message("2"))
    second = await slack.story("D1", None, count=2)
    await slack.event(slack_api.message("help"))
    help_message = await slack.fake.wait_for(
        lambda: [m for m in slack.fake.thread("D1", None) if "/story new" in m.text]
    )

    assert first.text == escape(story_text("a dragon who bakes"))
    assert second.text == escape(
        "You chose: Go right\n\n" + story_text("a dragon who bakes", 2, "Go right")
    )
    assert help_message, "in a DM, help is an ordinary message"
    assert slack.fake.ephemerals == []
    assert slack.provider.generations[0].channel == "slack:T1:D1"


async def test_bots_and_the_bot_itself_are_ignored(slack: Harness) -> None:
    await slack.event(slack_api.message("a story please", bot_id="B2"))
    await slack.event(slack_api.message("a story please", subtype="bot_message", user=None))
    await slack.event(slack_api.message("my own words", user="UBOT"))
    await slack.event(slack_api.app_mention("<@UBOT> another bot asks", bot_id="B2"))
    await slack.event(slack_api.message("edited", subtype="message_changed"))
    await slack.adapter.idle()

    assert slack.provider.generations == []
    assert slack.fake.called("chat.postMessage") == []


# the slash command


async def test_the_slash_command_is_acked_before_the_story_is_written(tmp_path: Path) -> None:
    provider = GatedProvider(chunk=5)
    async with running(tmp_path, provider=provider) as slack:
        async with asyncio.timeout(5):  # a bot that writes before acking would hang here
            status = await slack.command("a clockwork city")
        posted_before_ack = list(slack.fake.messages)
        provider.gate.set()
        story = await slack.story("C1", None)

    assert status == 200
    assert posted_before_ack == []
    assert story.thread_ts is None, "slash-command stories are the channel's, at the top level"
    assert story.text == escape(story_text("a clockwork city"))
    assert provider.generations[0].channel == "slack:T1:C1"


async def test_slash_command_help_and_errors_are_ephemeral(slack: Harness) -> None:
    await slack.command("")
    await slack.command("choose 1")
    notes = await slack.fake.wait_for(
        lambda: slack.fake.ephemerals if len(slack.fake.ephemerals) == 2 else None
    )

    assert notes is not None
    assert "/story new" in notes[0]["text"]
    assert "There is no story" in notes[1]["text"]
    assert {note["user"] for note in notes} == {"U1"}
    assert slack.fake.called("chat.postMessage") == []


async def test_a_channel_the_bot_is_not_in_gets_an_explanation(slack: Harness) -> None:
    slack.fake.fail("chat.postMessage", error="not_in_channel")
    await slack.command("a clockwork city", channel="C9")
    answer = await slack.fake.wait_for(lambda: slack.fake.responses)

    assert "/invite" in answer[0]["text"]
    assert answer[0]["response_type"] == "ephemeral"


# buttons


async def test_a_button_continues_the_story_in_the_same_thread(slack: Harness) -> None:
    opening = slack_api.app_mention("<@UBOT> a lighthouse keeper")
    await slack.event(opening)
    first = await slack.story("C1", opening["ts"])
    await slack.voting_off(opening["ts"])

    assert await slack.press(first, 2) == 200
    second = await slack.story("C1", opening["ts"], count=2)
    await slack.adapter.idle()

    assert second.text == escape(
        "You chose: Go right\n\n" + story_text("a lighthouse keeper", 2, "Go right")
    )
    assert not has_buttons(first), "the pressed message loses its buttons"
    assert first.blocks[-1]["elements"][0]["text"] == "ada chose 2. Go right"
    assert first.text == escape(story_text("a lighthouse keeper"))


async def test_a_stale_button_gets_an_ephemeral_note(slack: Harness) -> None:
    opening = slack_api.app_mention("<@UBOT> a lighthouse keeper")
    await slack.event(opening)
    first = await slack.story("C1", opening["ts"])
    await slack.voting_off(opening["ts"])
    stale = slack_api.block_actions(slack.fake.url("/"), first, 1)
    await slack.press(first, 2)
    await slack.story("C1", opening["ts"], count=2)

    body = urlencode({"payload": json.dumps(stale)}).encode()
    assert await slack.post(body, "application/x-www-form-urlencoded") == 200
    note = await slack.fake.wait_for(lambda: slack.fake.ephemerals)

    assert "moved on" in note[0]["text"]
    assert note[0]["thread_ts"] == opening["ts"]
    assert len(slack.provider.generations) == 2


async def test_a_button_on_a_channel_story_continues_the_channel_story(slack: Harness) -> None:
    await slack.voting_off()
    await slack.command("a clockwork city")
    first = await slack.story("C1", None)
    await slack.press(first, 1)
    second = await slack.story("C1", None, count=2)

    assert second.thread_ts is None
    assert second.text == escape(
        "You chose: Go left\n\n" + story_text("a clockwork city", 2, "Go left")
    )
    assert {g.channel for g in slack.provider.generations} == {"slack:T1:C1"}


# reliability


async def test_a_retried_event_makes_no_second_story(tmp_path: Path) -> None:
    provider = GatedProvider()
    async with running(tmp_path, provider=provider) as slack:
        mention = slack_api.app_mention("<@UBOT> a lighthouse keeper")
        assert await slack.event(mention, event_id="EvSAME") == 200
        assert await slack.event(mention, event_id="EvSAME", retry=1) == 200
        await eventually(lambda: slack.engine.queue_depth == 1)  # the retry waits its turn
        provider.gate.set()
        await slack.story("C1", mention["ts"])
        await slack.adapter.idle()

    assert len(provider.generations) == 1
    assert len(slack.fake.thread("C1", mention["ts"])) == 1


@pytest.mark.parametrize(
    ("secret", "age"),
    [("not-the-secret", 0), (SECRET, 301)],
    ids=["bad signature", "stale timestamp"],
)
async def test_unverified_requests_get_401(slack: Harness, secret: str, age: int) -> None:
    body = json.dumps(slack_api.event_callback(slack_api.app_mention("<@UBOT> hi"))).encode()
    status = await slack.post(
        body, "application/json", secret=secret, timestamp=int(time.time()) - age
    )
    await slack.adapter.idle()

    assert status == 401
    assert slack.provider.generations == []


@pytest.mark.parametrize("stamp", ["soon", "", "1e9", "١٢٣"])
async def test_a_timestamp_that_is_not_a_number_gets_401_not_500(
    slack: Harness, stamp: str
) -> None:
    body = json.dumps(slack_api.event_callback(slack_api.app_mention("<@UBOT> hi"))).encode()
    status = await slack.post(
        body, "application/json", headers={"X-Slack-Request-Timestamp": stamp}
    )
    assert status == 401
    assert slack.provider.generations == []


async def test_a_button_value_with_a_superscript_digit_is_ignored(slack: Harness) -> None:
    """``isdigit`` accepted "²" and ``int`` refused it: the press answered HTTP 500."""
    opening = slack_api.app_mention("<@UBOT> a lighthouse keeper")
    await slack.event(opening)
    first = await slack.story("C1", opening["ts"])
    press = slack_api.block_actions(slack.fake.url("/"), first, 1)
    press["actions"][0]["value"] = press["actions"][0]["value"].rsplit("|", 1)[0] + "|²"
    body = urlencode({"payload": json.dumps(press)}).encode()
    assert await slack.post(body, "application/x-www-form-urlencoded") == 200
    await slack.adapter.idle()
    assert len(slack.provider.generations) == 1


async def test_a_429_mid_stream_is_waited_out_and_the_final_text_arrives(tmp_path: Path) -> None:
    async with running(tmp_path, provider=ScriptedProvider(chunk=4)) as slack:
        slack.fake.fail("chat.update", retry_after=1)
        mention = slack_api.app_mention("<@UBOT> a lighthouse keeper")
        await slack.event(mention)
        story = await slack.story("C1", mention["ts"])

    updates = slack.fake.called("chat.update")
    assert updates[0].status == 429
    assert updates[1].params["ts"] == updates[0].params["ts"], "the same message, again"
    assert updates[-1].status == 200
    assert story.text == escape(story_text("a lighthouse keeper"))
    counted = slack.adapter.metrics.registry.get_sample_value(
        "storybot_platform_errors_total", {"platform": "slack", "kind": "rate_limited"}
    )
    assert counted == 1


async def test_model_text_cannot_ping_or_link(tmp_path: Path) -> None:
    def script(generation: Generation) -> str:
        return "Hey <!channel> and <!here>, <@U123> says <https://evil.example|click> & run."

    async with running(tmp_path, provider=ScriptedProvider(script, chunk=3)) as slack:
        mention = slack_api.app_mention("<@UBOT> <!everyone> a <#C2|general> tale")
        await slack.event(mention)
        final = await slack.fake.wait_for(
            lambda: [m for m in slack.fake.thread("C1", mention["ts"]) if "run." in m.text]
        )

    assert final[0].text == (
        "Hey &lt;!channel&gt; and &lt;!here&gt;, &lt;@U123&gt; says "
        "&lt;https://evil.example|click&gt; &amp; run."
    )
    assert slack.provider.generations[0].context.premise == "@everyone a #general tale"
    for call in slack.fake.calls:
        sent = json.dumps(call.params)
        assert "<!" not in sent
        assert "<@" not in sent
        assert "<http" not in sent


async def test_long_stories_are_split_to_slacks_section_limit(tmp_path: Path) -> None:
    sentence = "The tide & the moon <argue> again. "
    script = lambda generation: (sentence * 140).strip()  # noqa: E731
    async with running(tmp_path, provider=ScriptedProvider(script, chunk=400)) as slack:
        mention = slack_api.app_mention("<@UBOT> the sea")
        await slack.event(mention)
        await slack.fake.wait_for(
            lambda: [m for m in slack.fake.thread("C1", mention["ts"]) if m.text.endswith("again.")]
        )
        await slack.adapter.idle()

    messages = slack.fake.thread("C1", mention["ts"])
    assert len(messages) >= 2
    assert all(len(m.text) <= 3000 for m in messages)
    assert " ".join(m.text for m in messages) == escape(script(None))


# permissions


def role_lookups(slack: Harness) -> list[slack_api.ApiCall]:
    """users.info calls asking whether someone manages (not the locale lookups)."""
    return [c for c in slack.fake.called("users.info") if not c.params.get("include_locale")]


async def test_settings_changes_in_channels_need_a_workspace_admin(tmp_path: Path) -> None:
    async with running(tmp_path, admin_users="U4") as slack:
        slack.fake.users["U2"] = {"is_admin": False}
        slack.fake.users["U3"] = {"is_admin": True}
        await slack.command("settings length long", user="U2")
        refusal = await slack.fake.wait_for(lambda: slack.fake.ephemerals)
        await slack.command("settings length long", user="U3")
        await slack.command("settings length short", user="U3")
        await slack.command("settings genre mystery", user="U4")
        await slack.command("settings", user="U5")
        await slack.adapter.idle()

    assert "Only people who manage this channel" in refusal[0]["text"]
    done = [m.text for m in slack.fake.thread("C1", None)]
    assert done == ["Done. length: long", "Done. length: short", "Done. genre: mystery"]
    assert [c.params["user"] for c in role_lookups(slack)] == ["U2", "U3"]


async def test_direct_messages_can_always_change_settings(slack: Harness) -> None:
    await slack.event(slack_api.message("settings length short"))
    done = await slack.fake.wait_for(lambda: slack.fake.thread("D1", None))

    assert done[0].text == "Done. length: short"
    assert role_lookups(slack) == []


# export


async def test_export_uploads_a_markdown_file_into_the_thread(slack: Harness) -> None:
    opening = slack_api.app_mention("<@UBOT> a lighthouse keeper")
    await slack.event(opening)
    await slack.story("C1", opening["ts"])
    await slack.event(slack_api.app_mention("<@UBOT> export", thread_ts=opening["ts"]))
    completed = await slack.fake.wait_for(lambda: slack.fake.completed)

    assert completed[0]["channel_id"] == "C1"
    assert completed[0]["thread_ts"] == opening["ts"]
    file_id = completed[0]["files"][0]["id"]
    document = slack.fake.uploads[file_id].decode()
    assert document.startswith("# a lighthouse keeper")
    assert "Part 1 of a lighthouse keeper." in document


async def test_export_posts_the_text_when_the_upload_is_refused(slack: Harness) -> None:
    slack.fake.fail("files.getUploadURLExternal", error="missing_scope")
    await slack.command("a clockwork city")
    await slack.story("C1", None)
    await slack.command("export")
    posted = await slack.fake.wait_for(
        lambda: [m for m in slack.fake.thread("C1", None) if m.text.startswith("```")]
    )

    assert "# a clockwork city" in posted[0].text
    assert slack.fake.completed == []


# socket mode


async def test_a_story_through_socket_mode(tmp_path: Path) -> None:
    async with running(tmp_path, socket_mode=True) as slack:
        opened = slack.fake.called("apps.connections.open")
        mention = slack_api.app_mention("<@UBOT> a lighthouse keeper")
        envelope = await slack.fake.push("events_api", slack_api.event_callback(mention))
        await slack.fake.wait_for(lambda: envelope in slack.fake.acks)
        story = await slack.story("C1", mention["ts"])
        command = await slack.fake.push(
            "slash_commands", slack_api.slash_command(slack.fake.url("/"), "")
        )
        await slack.fake.wait_for(lambda: command in slack.fake.acks)
        help_note = await slack.fake.wait_for(lambda: slack.fake.ephemerals)

    assert opened, "the Socket Mode URL came from the configured API base URL"
    assert {c.token for c in opened} == {APP_TOKEN}
    assert story.text == escape(story_text("a lighthouse keeper"))
    assert "/story new" in help_note[0]["text"]


async def test_a_bad_app_token_fails_the_start(tmp_path: Path) -> None:
    fake = FakeSlack(bot_token=BOT_TOKEN, app_token="xapp-other")
    await fake.start()
    settings = Settings(
        database_path=str(tmp_path / "x.db"),
        slack={"bot_token": BOT_TOKEN, "app_token": APP_TOKEN, "api_base_url": fake.base_url},
    )
    adapter = create(App(settings, None, None, None), web.Application())  # type: ignore[arg-type]
    try:
        with pytest.raises(CredentialsRefused, match="invalid_auth"):  # a config error: no retry
            await adapter.start()
    finally:
        await adapter.stop()
        await fake.close()
    assert fake.sockets == []


def test_http_mode_without_a_signing_secret_is_refused(tmp_path: Path) -> None:
    settings = Settings(database_path=str(tmp_path / "x.db"), slack={"bot_token": BOT_TOKEN})
    app = App(settings, None, None, None)  # type: ignore[arg-type]

    with pytest.raises(ValueError, match="SIGNING_SECRET"):
        create(app, web.Application())


async def test_the_story_of_the_day_is_posted_in_the_channel(slack: Harness) -> None:
    channel = ChannelKey.of("slack", "T1", "C9")
    target = await slack.adapter.surface_for(channel)
    assert target is not None
    surface, limits = target
    request = Request(channel, Sender("storybot"), "random")
    delivered = await deliver(slack.engine.handle(request), surface, limits, typing=False)
    assert delivered.final is not None
    posted = await slack.story("C9", None)
    assert posted.text == escape(delivered.final.text)
    assert await slack.adapter.surface_for(ChannelKey.of("telegram", 1)) is None
