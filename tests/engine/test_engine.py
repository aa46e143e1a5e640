"""Every command through the engine, bad input included, with a scripted storyteller."""

from __future__ import annotations

from datetime import date

import pytest

from bot.config import StoryConfig
from bot.engine import Engine
from bot.memory import Memory, offline_summariser
from bot.story_settings import StorySettings
from bot.types import Final, Mode, ReplyKind
from storage.base import PartStatus, StorageError, StoryStatus
from storage.sqlite import SqliteStore
from tests.conftest import CHANNEL, Ask, collect, make_request
from tests.fakes.provider import ScriptedProvider


async def test_new_story_streams_and_is_stored(engine: Engine, store: SqliteStore) -> None:
    streamed, final = await collect(engine.handle(make_request("a dragon named Ember")))
    assert final is not None
    assert final.kind is ReplyKind.STORY
    assert final.text == streamed
    assert "Part 1 of a dragon named Ember" in final.text
    assert final.choices == ("Go left", "Go right", "Wait")
    story = await store.active_story(CHANNEL)
    assert story is not None
    assert final.ref == f"{story.id}:1"
    parts = await store.all_parts(story.id)
    assert parts[0].choices == final.choices
    assert parts[0].author == "Ada"


async def test_empty_prompt_gives_help(ask: Ask) -> None:
    final = await ask("")
    assert "/story new <prompt>" in final.text
    assert "the scripted storyteller" in final.text
    assert final.private


async def test_new_with_empty_prompt_gives_help(ask: Ask) -> None:
    assert "/story continue" in (await ask("new   ")).text


async def test_prompt_over_the_limit_names_it(ask: Ask, store: SqliteStore) -> None:
    final = await ask("x" * 501)
    assert final.kind is ReplyKind.ERROR
    assert "501 characters" in final.text
    assert "limit is 500" in final.text
    assert await store.active_story(CHANNEL) is None


async def test_continue_without_story_says_how_to_start(ask: Ask) -> None:
    final = await ask("continue")
    assert final.kind is ReplyKind.ERROR
    assert "/story <prompt>" in final.text


async def test_continue_with_direction(ask: Ask, store: SqliteStore) -> None:
    await ask("a quiet village")
    final = await ask("continue the baker sings")
    assert "Part 2 of a quiet village. Then: the baker sings." in final.text
    story = await store.active_story(CHANNEL)
    assert story is not None
    parts = await store.all_parts(story.id)
    assert parts[1].direction == "the baker sings"


async def test_choose_takes_the_option(ask: Ask, provider: ScriptedProvider) -> None:
    await ask("a maze")
    final = await ask("choose 2")
    assert final.text.startswith("You chose: Go right")
    assert provider.generations[-1].context.direction == "Go right"


@pytest.mark.parametrize("arg", ["", "0", "4", "two", "-1"])
async def test_choose_out_of_range_says_what_works(ask: Ask, arg: str) -> None:
    await ask("a maze")
    final = await ask(f"choose {arg}")
    assert final.kind is ReplyKind.ERROR
    assert "from 1 to 3" in final.text


async def test_choose_without_choices(ask: Ask) -> None:
    await ask("settings choices off")
    await ask("a maze")
    final = await ask("choose 1")
    assert "no choices" in final.text


async def test_stale_button_is_recognised(engine: Engine, ask: Ask) -> None:
    first = await ask("a maze")
    await ask("continue")
    _, final = await collect(engine.handle(make_request("choose 1", ref=first.ref)))
    assert final is not None
    assert "moved on" in final.text


async def test_retry_rewrites_the_last_part(ask: Ask, store: SqliteStore) -> None:
    await ask("a maze")
    await ask("continue left")
    final = await ask("retry")
    assert "Part 2 of a maze. Then: left." in final.text
    story = await store.active_story(CHANNEL)
    assert story is not None
    assert story.last_seq == 2
    assert len(await store.all_parts(story.id)) == 2


async def test_retry_of_the_opening(ask: Ask, store: SqliteStore) -> None:
    await ask("a maze")
    final = await ask("retry")
    assert "Part 1 of a maze" in final.text
    story = await store.active_story(CHANNEL)
    assert story is not None
    assert story.last_seq == 1


async def test_undo_drops_the_last_part_but_not_the_opening(ask: Ask) -> None:
    await ask("a maze")
    await ask("continue")
    assert "Dropped part 2" in (await ask("undo")).text
    assert "Only the opening is left" in (await ask("undo")).text


async def test_recap_is_not_stored(ask: Ask, store: SqliteStore) -> None:
    await ask("a maze")
    final = await ask("recap")
    assert final.text == "Recap: a maze"
    story = await store.active_story(CHANNEL)
    assert story is not None
    assert story.last_seq == 1


async def test_end_archives_the_story(ask: Ask, store: SqliteStore) -> None:
    await ask("a maze")
    final = await ask("end")
    assert "The End." in final.text
    assert final.choices == ()
    assert await store.active_story(CHANNEL) is None
    assert "no story" in (await ask("continue")).text


async def test_new_story_archives_the_previous(ask: Ask, store: SqliteStore) -> None:
    await ask("first tale")
    await ask("second tale")
    rows = await store._fetchall("SELECT premise, status FROM stories ORDER BY id", ())
    assert [tuple(r) for r in rows] == [("first tale", "archived"), ("second tale", "active")]


async def test_random_uses_the_prompt_library(ask: Ask, provider: ScriptedProvider) -> None:
    final = await ask("random")
    assert final.text.startswith("Prompt: ")
    premise = provider.generations[-1].context.premise
    assert premise in final.text


async def test_prompts_add_list_remove(ask: Ask) -> None:
    added = await ask("prompts add a clock that runs backwards")
    assert "Added prompt" in added.text
    prompt_id = added.text.split()[2].rstrip(":")
    listing = await ask("prompts")
    assert f"{prompt_id}. a clock that runs backwards" in listing.text
    assert "s1." in listing.text
    assert "Removed" in (await ask(f"prompts remove {prompt_id}")).text
    assert "a clock" not in (await ask("prompts")).text


async def test_a_prompt_is_edited_in_place(ask: Ask) -> None:
    prompt_id = (await ask("prompts add a clock")).text.split()[2].rstrip(":")
    edited = await ask(f"prompts edit {prompt_id}\na clock that runs backwards")
    assert edited.kind is ReplyKind.INFO
    assert edited.text == f"Changed prompt {prompt_id}."
    assert f"{prompt_id}. a clock that runs backwards" in (await ask("prompts")).text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("prompts add", "Give the prompt's text"),
        ("prompts remove", "Give the prompt's number"),
        ("prompts remove 999", "no prompt 999"),
        ("prompts remove s1", "cannot be removed"),
        ("prompts edit", "/story prompts edit <id> <text>"),
        ("prompts edit 1", "Give the prompt's text"),
        ("prompts edit 999 a fox", "no prompt 999"),
        ("prompts edit s1 a fox", "cannot be changed"),
        ("prompts edit x a fox", "/story prompts edit <id> <text>"),
        ("prompts frobnicate", "Use /story prompts"),
    ],
)
async def test_prompts_bad_input(ask: Ask, args: str, expected: str) -> None:
    final = await ask(args)
    assert final.kind is ReplyKind.ERROR
    assert expected in final.text


async def test_settings_show_and_change(ask: Ask, provider: ScriptedProvider) -> None:
    shown = await ask("settings")
    assert "rating: family" in shown.text
    assert "length: medium" in shown.text
    assert "genre is" not in shown.text
    changed = await ask("settings genre Sci-Fi")
    assert "genre: sci-fi" in changed.text
    await ask("settings length short")
    await ask("a robot")
    used = provider.generations[-1].context.settings
    assert (used.genre, used.length) == ("sci-fi", "short")
    generation = provider.generations[-1]
    assert any("sci-fi" in m.content for m in generation.messages)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("settings colour blue", "Valid settings: genre"),
        ("settings length huge", "short, medium, long"),
        ("settings rating adult", "family, teen, mature"),
        ("settings choices maybe", "on or off"),
        ("settings genre", "Give a value"),
        ("settings tone " + "x" * 60, "at most 40"),
    ],
)
async def test_settings_bad_input(ask: Ask, args: str, expected: str) -> None:
    final = await ask(args)
    assert final.kind is ReplyKind.ERROR
    assert expected in final.text


async def test_managing_needs_the_flag(ask: Ask, store: SqliteStore) -> None:
    added = await ask("prompts add a thing")
    prompt_id = added.text.split()[2].rstrip(":")
    await ask("a tale")
    for args in (
        "settings genre horror",
        f"prompts remove {prompt_id}",
        f"prompts edit {prompt_id} a new thing",
        "forget confirm",
    ):
        final = await ask(args, can_manage=False)
        assert "manage this channel" in final.text
    assert "rating: family" in (await ask("settings", can_manage=False)).text
    assert await store.active_story(CHANNEL) is not None
    assert await store.count_prompts(CHANNEL) == 1
    assert [p.text for p in await store.list_prompts(CHANNEL)] == ["a thing"]


async def test_export_is_markdown(ask: Ask) -> None:
    await ask("a maze")
    await ask("continue go left")
    final = await ask("export")
    (doc,) = final.attachments
    text = doc.content.decode()
    assert doc.filename.endswith(".md")
    assert text.startswith("# a maze")
    assert "## Part 1" in text
    assert "## Part 2" in text
    assert "*Direction:* go left" in text


async def test_export_without_story(ask: Ask) -> None:
    assert (await ask("export")).kind is ReplyKind.ERROR


async def test_forget_asks_then_deletes(ask: Ask, store: SqliteStore) -> None:
    await ask("a maze")
    await ask("settings genre horror")
    confirm = await ask("forget")
    assert "/story forget confirm" in confirm.text
    assert await store.active_story(CHANNEL) is not None
    await ask("forget confirm")
    assert await store.active_story(CHANNEL) is None
    assert await store.get_settings(CHANNEL) == StorySettings()


async def test_chat_mode_starts_continues_and_chooses(
    engine: Engine, provider: ScriptedProvider
) -> None:
    async def chat(text: str) -> Final:
        _, final = await collect(engine.handle(make_request(text, mode=Mode.CHAT)))
        assert final is not None
        return final

    assert "Part 1 of a sleepy cat" in (await chat("a sleepy cat")).text
    assert "Then: it yawns" in (await chat("it yawns")).text
    assert (await chat("3")).text.startswith("You chose: Wait")
    assert "The End." in (await chat("end")).text
    assert "Part 1 of another" in (await chat("another")).text


async def test_cut_stream_is_kept_but_not_complete(
    store: SqliteStore, story_config: StoryConfig
) -> None:
    provider = ScriptedProvider(fail_after=14, chunk=7)
    engine = Engine(
        store, provider, story_config, Memory(store, story_config, offline_summariser(800))
    )
    streamed, final = await collect(engine.handle(make_request("a long tale")))
    assert final is not None
    assert final.outcome == "cut"
    assert final.text.startswith(streamed.strip())
    assert "cut off" in final.text
    assert final.choices == ()
    story = await store.active_story(CHANNEL)
    assert story is not None
    (part,) = await store.all_parts(story.id)
    assert part.status is PartStatus.CUT


async def test_failed_storyteller_changes_nothing(
    store: SqliteStore, story_config: StoryConfig
) -> None:
    provider = ScriptedProvider(fail_after=0, cut=False)
    engine = Engine(
        store, provider, story_config, Memory(store, story_config, offline_summariser(800))
    )
    _, final = await collect(engine.handle(make_request("a tale")))
    assert final is not None
    assert final.text == "The storyteller is down."
    assert await store.active_story(CHANNEL) is None


async def test_duplicate_event_is_answered_once(engine: Engine, store: SqliteStore) -> None:
    first = await collect(engine.handle(make_request("a tale", event_id="ev-1")))
    second = await collect(engine.handle(make_request("a tale", event_id="ev-1")))
    assert first[1] is not None
    assert second == ("", None)
    rows = await store._fetchall("SELECT COUNT(*) FROM stories", ())
    assert rows[0][0] == 1


async def test_budget_reached(store: SqliteStore) -> None:
    config = StoryConfig(user_daily_tokens=30)
    engine = Engine(
        store,
        ScriptedProvider(),
        config,
        Memory(store, config, offline_summariser(800)),
        today=lambda: date(2026, 5, 1),
    )
    _, ok = await collect(engine.handle(make_request("a tale")))
    assert ok is not None
    assert ok.kind is ReplyKind.STORY
    _, refused = await collect(engine.handle(make_request("continue")))
    assert refused is not None
    assert refused.outcome == "budget"
    assert "30 tokens" in refused.text
    _, other = await collect(engine.handle(make_request("another tale", user_id="u2")))
    assert other is not None
    assert other.kind is ReplyKind.STORY


async def test_usage_is_recorded_per_user_and_channel(engine: Engine, store: SqliteStore) -> None:
    await collect(engine.handle(make_request("a tale")))
    day = engine.today()
    used = await store.usage_today(day, CHANNEL, "test:u1")
    assert used.user > 0
    assert used.channel > 0


@pytest.mark.parametrize(
    "text",
    [
        "\x00",
        "🐉" * 100,
        "<b>&amp;</b>",
        "'; DROP TABLE stories; --",
        "settings \x00 \x00",
        "choose 99999999999999999999",
        "prompts remove 99999999999999999999999",
        "\n\n\n",
        "/story",
    ],
)
async def test_odd_input_never_crashes(ask: Ask, text: str, store: SqliteStore) -> None:
    final = await ask(text)
    assert final.text
    assert final.outcome != "error"
    rows = await store._fetchall("PRAGMA integrity_check", ())
    assert rows[0][0] == "ok"


async def test_an_event_whose_turn_died_is_handled_when_redelivered(
    store: SqliteStore, story_config: StoryConfig
) -> None:
    """A crash mid-story must not swallow the platform's redelivery of that event."""
    memory = Memory(store, story_config, offline_summariser(800))
    dying = Engine(store, ScriptedProvider(chunk=3, delay=0.01), story_config, memory)
    stream = dying.handle(make_request("a tale", event_id="ev-9"))
    await anext(stream)
    await stream.aclose()  # the process "dies" mid-stream
    assert await store.active_story(CHANNEL) is None

    engine = Engine(store, ScriptedProvider(), story_config, memory)
    _, final = await collect(engine.handle(make_request("a tale", event_id="ev-9")))
    assert final is not None
    assert final.kind is ReplyKind.STORY
    again = await collect(engine.handle(make_request("a tale", event_id="ev-9")))
    assert again == ("", None)
    rows = await store._fetchall("SELECT COUNT(*) FROM parts", ())
    assert rows[0][0] == 1


@pytest.mark.parametrize("script", ["\n  Once upon a time.\n\n", "Once upon\n\n a time.  ", " \n"])
async def test_streamed_text_adds_up_to_the_final_text(
    store: SqliteStore, story_config: StoryConfig, script: str
) -> None:
    """Whitespace a model puts around its text must not make the reply differ from the stream."""
    provider = ScriptedProvider(lambda _: script, chunk=2)
    engine = Engine(
        store, provider, story_config, Memory(store, story_config, offline_summariser(800))
    )
    streamed, final = await collect(engine.handle(make_request("a tale")))
    assert final is not None
    if script.strip():
        assert final.text == streamed == script.strip()
    else:
        assert final.kind is ReplyKind.ERROR
        assert "wrote nothing" in final.text
        assert await store.active_story(CHANNEL) is None


async def test_lone_surrogates_from_a_platform_or_a_model_are_stored(
    engine: Engine, store: SqliteStore, provider: ScriptedProvider
) -> None:
    """A lone surrogate (a Slack payload's JSON can carry one) could be shown but not stored."""
    provider.script = lambda generation: "The \ud83d owl speaks."
    _, final = await collect(engine.handle(make_request("an owl \udc00 tale", user_name="A\ud800")))
    assert final is not None
    assert final.kind is ReplyKind.STORY
    assert final.text == "The \ufffd owl speaks."
    story = await store.active_story(CHANNEL)
    assert story is not None
    assert story.premise == "an owl \ufffd tale"
    (part,) = await store.all_parts(story.id)
    assert part.author == "A\ufffd"


async def test_a_storyteller_that_never_stops_is_cut_at_three_times_the_budget(
    engine: Engine, store: SqliteStore, provider: ScriptedProvider
) -> None:
    """A 20 MB stream was stored as one part and would have gone out as 4,898 messages."""
    provider.script = lambda generation: "word " * 2_000_000
    provider.chunk = 50_000
    _, final = await collect(engine.handle(make_request("a long tale")))
    assert final is not None
    assert final.outcome == "cut"
    assert "kept going far past" in final.text
    story = await store.active_story(CHANNEL)
    assert story is not None
    (part,) = await store.all_parts(story.id)
    assert part.status is PartStatus.CUT
    budget = (StorySettings().words * 2 + 200) * 4 * 3
    assert budget - 10 <= len(part.text) <= budget
    assert len(provider.generations) == 1


async def test_a_part_that_could_not_be_saved_says_so(
    engine: Engine, store: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    await collect(engine.handle(make_request("a quiet village")))

    async def full_disk(write: object) -> None:
        raise StorageError("disk I/O error")

    monkeypatch.setattr(store, "write_turn", full_disk)
    streamed, final = await collect(engine.handle(make_request("continue")))
    assert final is not None
    assert final.kind is ReplyKind.ERROR
    assert final.text.startswith(streamed)  # what was shown stays, and is not shown twice
    assert "could not be saved" in final.text
    assert "Nothing was lost" not in final.text


@pytest.mark.parametrize("slip", ["recapp", "setting length long"])
async def test_a_typo_never_archives_the_running_story(
    ask: Ask, store: SqliteStore, slip: str
) -> None:
    await ask("a quiet village")
    before = await store.active_story(CHANNEL)
    reply = await ask(slip)
    assert reply.outcome == "typo"
    assert reply.text.startswith("Did you mean /story ")
    assert f"/story new {slip.split()[0]}" in reply.text
    assert await store.active_story(CHANNEL) == before


async def test_a_retaken_event_shows_its_stored_part_again(
    engine: Engine, store: SqliteStore
) -> None:
    """A kill between storing a part and showing it left the reader half a message and,
    when the update was taken up again, no answer at all."""
    _, first = await collect(engine.handle(make_request("a quiet village", event_id="e1")))
    assert first is not None
    _, plain = await collect(engine.handle(make_request("a quiet village", event_id="e1")))
    assert plain is None  # a platform's retry of a handled event: nothing twice
    _, again = await collect(
        engine.handle(make_request("a quiet village", event_id="e1", retaken=True))
    )
    assert again is not None
    assert (again.text, again.choices, again.ref) == (first.text, first.choices, first.ref)
    story = await store.active_story(CHANNEL)
    assert story is not None
    assert story.last_seq == 1
    await collect(engine.handle(make_request("continue", event_id="e2")))
    _, moved_on = await collect(
        engine.handle(make_request("a quiet village", event_id="e1", retaken=True))
    )
    assert moved_on is None  # its part is no longer the last: showing it would mislead


async def test_a_retaken_ending_and_a_retaken_note_are_shown_again(engine: Engine) -> None:
    """An ending leaves no active story to find its part in, and an answer with no part
    was claimed before it was shown: a kill in between lost either for good."""
    await collect(engine.handle(make_request("a quiet village", event_id="e1")))
    _, ending = await collect(engine.handle(make_request("end", event_id="e2")))
    assert ending is not None
    _, again = await collect(engine.handle(make_request("end", event_id="e2", retaken=True)))
    assert again is not None
    assert (again.text, again.kind) == (ending.text, ending.kind)
    _, note = await collect(engine.handle(make_request("continue", event_id="e3")))
    assert note is not None
    assert note.kind is not ReplyKind.STORY  # there is no story now
    _, shown = await collect(engine.handle(make_request("continue", event_id="e3", retaken=True)))
    assert shown is not None
    assert shown.text == note.text


async def test_archived_stories_are_listed_and_resumed_across_a_restart(
    ask: Ask, store: SqliteStore, provider: ScriptedProvider, story_config: StoryConfig
) -> None:
    await ask("a lighthouse keeper")
    await ask("continue the lamp fails")
    await ask("a cat in Paris")  # archives the lighthouse
    listing = await ask("stories")
    lines = listing.text.splitlines()
    assert lines[1].startswith("2. a cat in Paris (1 part, last played ")
    assert lines[1].endswith(", current)")
    assert lines[2].startswith("1. a lighthouse keeper (2 parts, last played ")
    assert lines[2].endswith(", archived)")
    assert "/story resume <id>" in listing.text

    # A new engine on the same database: nothing of this lives in memory.
    again = Engine(
        store, provider, story_config, Memory(store, story_config, offline_summariser(1600))
    )
    _, back = await collect(again.handle(make_request("resume 1")))
    assert back is not None
    assert back.text.startswith("Back to “a lighthouse keeper” (2 parts)")
    assert "Then: the lamp fails." in back.text
    story = await store.active_story(CHANNEL)
    assert story is not None
    assert story.id == 1
    _, nxt = await collect(again.handle(make_request("continue")))
    assert nxt is not None
    assert "Part 3 of a lighthouse keeper" in nxt.text
    assert (await store.list_stories(CHANNEL, 5))[1].status is StoryStatus.ARCHIVED


@pytest.mark.parametrize("args", ["", "two", "99", "²", "1"])
async def test_resume_needs_a_story_of_this_channel(ask: Ask, args: str) -> None:
    await ask("a lighthouse keeper", channel="other")
    reply = await ask(f"resume {args}")
    assert reply.kind is ReplyKind.ERROR
    assert "/story stories" in reply.text


async def test_hello_in_a_chat_shows_where_the_story_stands(ask: Ask, store: SqliteStore) -> None:
    first = await ask("Hello!", mode=Mode.CHAT)
    assert first.text.startswith("Type a story idea to begin")
    assert await store.active_story(CHANNEL) is None  # not a story about "hello"
    await ask("a fox named Juniper")
    back = await ask("hi", mode=Mode.CHAT)
    assert back.text.startswith("Welcome back. This chat's story, “a fox named Juniper”")
    story = await store.active_story(CHANNEL)
    assert story is not None
    assert story.last_seq == 1  # not steered by "hi"
