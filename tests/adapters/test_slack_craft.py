"""Story craft on Slack: the edit modal, group votes on the buttons, and a world-book entry
reaching a real OpenAI-compatible request, with bolt and slack_sdk against the fakes."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from adapters.slack.render import escape
from bot.config import LLMEndpoint
from bot.identity import ChannelKey
from bot.providers.openai import OpenAIProvider
from bot.providers.resilience import RetryPolicy
from tests.adapters.test_slack import Harness, has_buttons, running, story_text
from tests.fakes import slack_api
from tests.fakes.openai_server import FakeOpenAI, Reply, story
from tests.fakes.provider import ScriptedProvider
from tests.fakes.slack_api import Message

CHANNEL_STORY = ChannelKey.of("slack", "T1", "C1")
FORM = "application/x-www-form-urlencoded"


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[Harness]:
    async with running(tmp_path) as harness:
        yield harness


async def last_text(slack: Harness) -> str:
    story = await slack.engine.store.active_story(CHANNEL_STORY)
    assert story is not None
    return (await slack.engine.store.all_parts(story.id))[-1].text


async def submit(slack: Harness, opened: dict[str, Any], text: str) -> tuple[int, str]:
    """Submit the edit modal with ``text``; bolt's answer (its ack) to the submission."""
    payload = slack_api.view_submission(opened, {"part": text})
    body = urlencode({"payload": json.dumps(payload)}).encode()
    return await slack.answer(body, FORM)


# /story edit: a modal


async def test_edit_opens_a_modal_with_the_last_part_and_submitting_it_edits(
    slack: Harness,
) -> None:
    await slack.command("a clockwork city")
    await slack.story("C1", None)
    await slack.command("edit")
    (opened,) = await slack.fake.wait_for(lambda: slack.fake.views)

    (call,) = slack.fake.called("views.open")
    assert call.status == 200
    assert opened["callback_id"] == "story_edit"
    (block,) = opened["blocks"]
    assert block["element"]["type"] == "plain_text_input"
    assert block["element"]["multiline"] is True
    assert block["element"]["initial_value"] == story_text("a clockwork city")  # not escaped
    assert json.loads(opened["private_metadata"])["channel"] == "C1"

    rewritten = "The clocks stop. <Silence> & dust.\n\nWhat happens next?\n1. Wind them\n2. Leave"
    assert await submit(slack, opened, rewritten) == (200, "")  # an empty ack closes it
    done = await slack.fake.wait_for(
        lambda: [m for m in slack.fake.thread("C1", None) if "rewritten" in m.text]
    )
    assert done[0].text.startswith("Part 1 is rewritten as you wrote it")
    assert await last_text(slack) == rewritten


async def test_an_empty_edit_is_refused_inside_the_modal(slack: Harness) -> None:
    await slack.command("a clockwork city")
    await slack.story("C1", None)
    await slack.command("edit")
    (opened,) = await slack.fake.wait_for(lambda: slack.fake.views)

    status, answer = await submit(slack, opened, "   ")
    await slack.adapter.idle()

    assert status == 200
    assert json.loads(answer) == {
        "response_action": "errors",
        "errors": {"part": "Write the part's new text."},
    }
    assert await last_text(slack) == story_text("a clockwork city")


async def test_an_edit_submitted_after_the_story_went_on_changes_nothing(slack: Harness) -> None:
    await slack.command("a clockwork city")
    await slack.story("C1", None)
    await slack.command("edit")
    (opened,) = await slack.fake.wait_for(lambda: slack.fake.views)
    await slack.command("continue the gears turn")
    await slack.story("C1", None, count=2)

    assert (await submit(slack, opened, "Too late."))[0] == 200
    note = await slack.fake.wait_for(lambda: slack.fake.ephemerals)
    assert note[0]["text"].startswith("The story went on while you were editing: part 2")
    assert note[0]["user"] == "U1"
    assert "Too late." not in await last_text(slack)


async def test_edit_with_the_text_after_it_needs_no_modal(slack: Harness) -> None:
    await slack.command("a clockwork city")
    await slack.story("C1", None)
    await slack.command("edit The clocks all stop at once.")
    await slack.fake.wait_for(
        lambda: [m for m in slack.fake.thread("C1", None) if "rewritten" in m.text]
    )
    assert slack.fake.called("views.open") == []
    assert await last_text(slack) == "The clocks all stop at once."


async def test_edit_without_a_story_and_a_part_too_long_for_the_box_are_answered(
    tmp_path: Path,
) -> None:
    long_part = "Gears. " * 500 + "\n\nWhat happens next?\n1. Oil them\n2. Run"
    async with running(tmp_path, provider=ScriptedProvider(lambda g: long_part)) as slack:
        await slack.command("edit")
        nothing = await slack.fake.wait_for(lambda: slack.fake.ephemerals)
        await slack.command("a clockwork city")
        await slack.fake.wait_for(
            lambda: [m for m in slack.fake.thread("C1", None) if has_buttons(m)]
        )
        await slack.command("edit")
        refused = await slack.fake.wait_for(lambda: slack.fake.responses)

    assert "There is no story in this channel yet" in nothing[0]["text"]
    assert refused[0]["response_type"] == "ephemeral"
    assert refused[0]["text"].startswith("The last part is 3,539 characters, more than Slack's")
    assert slack.fake.views == []


# group votes


def labels(message: Message) -> list[str]:
    actions = next(b for b in message.blocks if b["type"] == "actions")
    return [element["text"]["text"] for element in actions["elements"]]


async def test_a_press_in_a_channel_is_a_ballot_with_counts_and_the_majority_goes_on(
    slack: Harness,
) -> None:
    await slack.command("a clockwork city")
    first = await slack.story("C1", None)
    for user in ("U1", "U2", "U3"):
        await slack.command(f"join Hero {user}", user=user)
    await slack.fake.wait_for(
        lambda: len([m for m in slack.fake.thread("C1", None) if " plays Hero" in m.text]) == 3
    )

    updates = len(slack.fake.called("chat.update"))
    assert await slack.press(first, 2, user="U1") == 200
    note = await slack.fake.wait_for(lambda: slack.fake.ephemerals)
    assert note[0]["text"].startswith("Your vote for 2. Go right is counted.")
    assert note[0]["user"] == "U1"
    (update,) = slack.fake.called("chat.update")[updates:]
    assert update.params["ts"] == first.ts  # the pressed message
    assert labels(first) == ["1. Go left · 0", "2. Go right · 1", "3. Wait · 0"]
    assert first.text == update.params["text"] == escape(story_text("a clockwork city"))
    assert len(slack.provider.generations) == 1

    await slack.press(first, 2, user="U2")
    second = await slack.story("C1", None, count=2)
    await slack.adapter.idle()
    assert second.text == escape(
        "The vote chose 2. Go right (2 of 2 votes).\n\n"
        + story_text("a clockwork city", 2, "Go right")
    )
    assert not has_buttons(first), "the decided message loses its buttons"
    assert first.blocks[-1]["elements"][0]["text"] == "The vote chose 2. Go right (2 of 2 votes)."


# the world book reaches the model


async def test_a_world_entry_named_in_a_mention_reaches_the_model_as_user_content(
    tmp_path: Path,
) -> None:
    part = "The harbour wakes.\n\nWhat happens next?\n1. Go left\n2. Go right"
    async with FakeOpenAI(Reply(events=story([part]))) as server:
        endpoint = LLMEndpoint(base_url=server.url, model="test-model", total_timeout=20)
        model = OpenAIProvider(endpoint, retry=RetryPolicy(sleep=_no_sleep))
        try:
            async with running(tmp_path, storyteller=model) as slack:
                opening = slack_api.app_mention("<@UBOT> a harbour town")
                thread = opening["ts"]
                await slack.event(opening)
                await slack.story("C1", thread)
                entry = "Mara, the thief: a quick-fingered girl who owes the guild"
                await slack.event(
                    slack_api.app_mention(f"<@UBOT> world add {entry}", thread_ts=thread)
                )
                await slack.fake.wait_for(
                    lambda: [m for m in slack.fake.thread("C1", thread) if "knows Mara" in m.text]
                )
                await slack.event(
                    slack_api.app_mention("<@UBOT> the gulls circle", thread_ts=thread)
                )
                await slack.story("C1", thread, count=2)
                said = "<@UBOT> the thief climbs the mast"
                await slack.event(slack_api.app_mention(said, thread_ts=thread))
                await slack.story("C1", thread, count=3)
        finally:
            await model.aclose()

    opening_request, unnamed, named = (seen.body for seen in server.requests)
    fact = "Mara (also: the thief): a quick-fingered girl who owes the guild"
    for body in (opening_request, unnamed):
        assert fact not in json.dumps(body)
    system = [m["content"] for m in named["messages"] if m["role"] == "system"]
    users = [m["content"] for m in named["messages"] if m["role"] == "user"]
    assert any(fact in content for content in users)
    assert not any("quick-fingered" in content for content in system)
    assert "What should happen next: the thief climbs the mast" in users[-1]


async def _no_sleep(delay: float) -> None:
    return None


async def test_an_editor_slack_will_not_open_is_explained(slack: Harness) -> None:
    await slack.command("a clockwork city")
    await slack.story("C1", None)
    slack.fake.fail("views.open", error="expired_trigger_id")
    await slack.command("edit")
    answer = await slack.fake.wait_for(lambda: slack.fake.responses)
    assert answer[0]["response_type"] == "ephemeral"
    assert answer[0]["text"].startswith("The editor did not open.")
    assert await last_text(slack) == story_text("a clockwork city")
