"""The channel library on its own: every non-writing command, its answers and what it stores."""

from __future__ import annotations

import random

import pytest

from bot.commands import Command, Parsed
from bot.config import StoryConfig
from bot.identity import ChannelKey
from bot.library import ChannelLibrary
from bot.starter_prompts import STARTER_PROMPTS
from bot.story_settings import StorySettings
from bot.types import Final, ReplyKind
from storage.base import NewPart, PartStatus, Story, TurnWrite
from storage.sqlite import SqliteStore
from tests.conftest import CHANNEL, channel, make_request

OTHER = channel("c2")


class SlashDialect:
    """A platform whose commands are native slash commands (``/new start``)."""

    prose_starts_story = False

    def usage(self, command: Command, action: str = "", **values: str) -> str:
        shown = " ".join(f"{name}:{value}" for name, value in values.items())
        return " ".join(part for part in (f"/{command.value}", action, shown) if part)


@pytest.fixture
def library(store: SqliteStore) -> ChannelLibrary:
    return ChannelLibrary(store, StoryConfig(), "the scripted storyteller")


async def run(library: ChannelLibrary, command: Command, args: str = "", **fields: object) -> Final:
    return await library.run(make_request("", **fields), Parsed(command, args))


async def story_with(
    store: SqliteStore, *later: NewPart, premise: str = "p", where: ChannelKey = CHANNEL
) -> Story:
    """A story opened with "Once." and the ``later`` parts after it."""
    written = await store.write_turn(TurnWrite(where, part=NewPart("Once."), premise=premise))
    for part in later:
        assert written.story is not None
        written = await store.write_turn(TurnWrite(where, part=part, story=written.story))
    assert written.story is not None
    return written.story


async def test_settings_show_then_set_stores_for_this_channel_only(
    library: ChannelLibrary, store: SqliteStore
) -> None:
    shown = await run(library, Command.SETTINGS)
    assert (shown.kind, shown.private) == (ReplyKind.INFO, True)
    assert "length: medium\n" in shown.text
    assert "Change one with /story settings <key> <value>." in shown.text
    final = await run(library, Command.SETTINGS, "length long")
    assert (final.text, final.private) == ("Done. length: long", False)
    assert (await store.get_settings(CHANNEL)).length == "long"
    assert (await store.get_settings(OTHER)) == StorySettings()
    assert "length: long" in (await run(library, Command.SETTINGS, "show")).text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("x" * 100 + " 1", f"Unknown setting `{'x' * 39}…`. Valid settings: genre ("),
        ("rating", "Give a value: /story settings rating <value> (family|teen|mature)."),
        ("length huge", "`length` must be one of: short, medium, long."),
        ("genre " + "g" * 41, "`genre` must be plain words of at most 40 characters"),
    ],
)
async def test_bad_settings_are_refused_and_not_stored(
    library: ChannelLibrary, store: SqliteStore, args: str, expected: str
) -> None:
    final = await run(library, Command.SETTINGS, args)
    assert final.kind is ReplyKind.ERROR
    assert final.text.startswith(expected)
    assert "x" * 40 not in final.text
    assert await store.get_settings(CHANNEL) == StorySettings()


async def test_added_prompts_are_listed_after_the_starters(
    library: ChannelLibrary, store: SqliteStore
) -> None:
    added = await run(library, Command.PROMPTS, "add  two\nlines ", user_name="Grace")
    assert (added.text, added.private) == ("Added prompt 1: two\nlines", False)
    await run(library, Command.PROMPTS, "add a quiet moon", channel=OTHER)
    (prompt,) = await store.list_prompts(CHANNEL)
    assert (prompt.text, prompt.author) == ("two\nlines", "Grace")
    final = await run(library, Command.PROMPTS, "list")
    assert final.text.startswith(f"Starter prompts:\ns1. {STARTER_PROMPTS[0]}\n")
    assert f"s{len(STARTER_PROMPTS)}. {STARTER_PROMPTS[-1]}\n\n" in final.text
    assert "This channel's prompts:\n1. two\nlines" in final.text
    assert "a quiet moon" not in final.text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("add", "Give the prompt's text: /story prompts add <text>."),
        ("add " + "y" * 501, "That prompt is 501 characters; the limit is 500. Try a shorter one."),
        ("shuffle", "Use /story prompts, /story prompts add <text> or /story prompts remove <id>."),
        ("remove s1", "Starter prompts cannot be removed."),
        (
            "remove two",
            "Give the prompt's number: /story prompts remove <id> (see /story prompts).",
        ),
        ("remove ²", "Give the prompt's number: /story prompts remove <id> (see /story prompts)."),
        ("rm 99", "There is no prompt 99 in this channel; /story prompts lists them."),
    ],
)
async def test_bad_prompt_commands_say_what_works(
    library: ChannelLibrary, store: SqliteStore, args: str, expected: str
) -> None:
    final = await run(library, Command.PROMPTS, args)
    assert final.kind is ReplyKind.ERROR
    assert final.text == expected
    assert await store.count_prompts(CHANNEL) == 0


async def test_prompts_stop_at_max_prompts(store: SqliteStore) -> None:
    library = ChannelLibrary(store, StoryConfig(max_prompts=2), "s")
    for text in ("one", "two"):
        assert (await run(library, Command.PROMPTS, f"add {text}")).kind is ReplyKind.INFO
    final = await run(library, Command.PROMPTS, "add three")
    assert final.text == (
        "This channel already has 2 prompts. Remove one with /story prompts remove <id> first."
    )
    assert [p.text for p in await store.list_prompts(CHANNEL)] == ["one", "two"]


async def test_remove_prompt_only_in_its_own_channel(
    library: ChannelLibrary, store: SqliteStore
) -> None:
    theirs = await store.add_prompt(OTHER, "not yours", "Bo")
    final = await run(library, Command.PROMPTS, f"remove {theirs.id}")
    assert final.text.startswith(f"There is no prompt {theirs.id} in this channel")
    assert await store.count_prompts(OTHER) == 1
    mine = await store.add_prompt(CHANNEL, "mine", "Ada")
    final = await run(library, Command.PROMPTS, f"delete {mine.id}")
    assert final.text == f"Removed prompt {mine.id}."
    assert await store.count_prompts(CHANNEL) == 0


async def test_random_prompt_draws_from_starters_own_and_feeds(
    library: ChannelLibrary, store: SqliteStore
) -> None:
    await store.add_prompt(CHANNEL, "our own prompt", "Ada")
    await store.add_prompt(OTHER, "someone else's prompt", "Bo")
    await store.add_feed_prompts(["a fed prompt"])
    rng = random.Random(7)
    drawn = {await library.random_prompt(CHANNEL, rng) for _ in range(300)}
    assert {"our own prompt", "a fed prompt"} <= drawn
    assert set(STARTER_PROMPTS) <= drawn
    assert "someone else's prompt" not in drawn


@pytest.mark.parametrize("command", [Command.EXPORT, Command.UNDO])
async def test_export_and_undo_without_story_say_how_to_start(
    library: ChannelLibrary, command: Command
) -> None:
    final = await run(library, command)
    assert (final.kind, final.outcome, final.attachments) == (ReplyKind.ERROR, "no_story", ())
    assert "Start one with /story <prompt>, or /story random" in final.text


async def test_export_is_a_markdown_file_with_every_part(
    library: ChannelLibrary, store: SqliteStore
) -> None:
    premise = "a lighthouse keeper finds a bottle on the shore at dawn"
    story = await story_with(
        store,
        NewPart("The bottle hums.", direction="open it"),
        NewPart("It was", status=PartStatus.CUT),
        premise=premise,
    )
    final = await run(library, Command.EXPORT)
    assert final.text == "The story so far, 3 parts, as a Markdown file."
    assert not final.private
    (attachment,) = final.attachments
    assert attachment.filename == f"story-{story.id}.md"
    document = attachment.content.decode("utf-8")
    assert document.startswith("# a lighthouse keeper finds a bottle on the…\n\n")
    assert f"*Premise:* {premise}" in document
    assert "## Part 1\n\nOnce." in document
    assert "## Part 2\n\n*Direction:* open it\n\nThe bottle hums." in document
    assert "## Part 3\n\nIt was\n\n*(This part was cut.)*" in document
    assert document.count("This part was") == 1


async def test_undo_drops_the_last_part_but_keeps_the_opening(
    library: ChannelLibrary, store: SqliteStore
) -> None:
    story = await story_with(store, NewPart("second"))
    final = await run(library, Command.UNDO)
    assert final.text.startswith("Dropped part 2. The story now ends at part 1;")
    final = await run(library, Command.UNDO)
    assert final.kind is ReplyKind.ERROR
    assert final.text.startswith("Only the opening is left. Rewrite it with /story retry")
    assert [part.text for part in await store.all_parts(story.id)] == ["Once."]


async def test_forget_asks_then_deletes_this_channel_only(
    library: ChannelLibrary, store: SqliteStore
) -> None:
    for where in (CHANNEL, OTHER):
        await story_with(store, where=where)
        await store.add_prompt(where, "mine", "Ada")
        await store.set_settings(where, StorySettings(genre="horror"))
    asked = await run(library, Command.FORGET, "please")
    assert asked.outcome == "confirm"
    assert asked.text.endswith("To go ahead: /story forget confirm")
    assert await store.active_story(CHANNEL) is not None
    final = await run(library, Command.FORGET, "confirm")
    assert final.text.startswith("Forgotten.")
    assert await store.active_story(CHANNEL) is None
    assert await store.count_prompts(CHANNEL) == 0
    assert await store.get_settings(CHANNEL) == StorySettings()
    assert await store.active_story(OTHER) is not None
    assert await store.count_prompts(OTHER) == 1
    assert (await store.get_settings(OTHER)).genre == "horror"


@pytest.fixture
def changed(library: ChannelLibrary) -> list[ChannelKey]:
    """The channels the library told its scheduler about."""
    told: list[ChannelKey] = []

    async def hook(where: ChannelKey) -> None:
        told.append(where)

    library.on_schedule_change = hook
    return told


async def test_subscribe_without_scheduler_works_only_as_a_service(
    library: ChannelLibrary, store: SqliteStore
) -> None:
    final = await run(library, Command.SUBSCRIBE, "09:00")
    assert "works when Storybot runs as a service" in final.text
    assert await store.subscription(CHANNEL) is None


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("", "Give a time of day, e.g. /story subscribe 09:00 Europe/Berlin"),
        ("24:00", "Give a time of day"),
        ("9:5 UTC", "Give a time of day"),
        ("09:00 Mars/Olympus", "Unknown timezone `Mars/Olympus`."),
        ("09:00 ../etc/passwd", "Unknown timezone `../etc/passwd`."),
        ("09:00 Europe", "Unknown timezone `Europe`."),  # a folder of zones, not a zone
    ],
)
async def test_bad_subscription_is_refused(
    library: ChannelLibrary,
    store: SqliteStore,
    changed: list[ChannelKey],
    args: str,
    expected: str,
) -> None:
    final = await run(library, Command.SUBSCRIBE, args)
    assert final.kind is ReplyKind.ERROR
    assert final.text.startswith(expected)
    assert await store.subscription(CHANNEL) is None
    assert changed == []


async def test_subscribe_normalises_the_time_and_unsubscribe_stops_it(
    library: ChannelLibrary, store: SqliteStore, changed: list[ChannelKey]
) -> None:
    final = await run(library, Command.SUBSCRIBE, "9:05 Europe/Berlin")
    assert final.text == (
        "Every day at 09:05 (Europe/Berlin) this channel gets a fresh story. "
        "/story unsubscribe stops it."
    )
    assert changed == [CHANNEL]
    sub = await store.subscription(CHANNEL)
    assert sub is not None
    assert (sub.at_time, sub.timezone, sub.enabled) == ("09:05", "Europe/Berlin", True)
    assert (await run(library, Command.SUBSCRIBE, "23:59")).text.startswith(
        "Every day at 23:59 (UTC)"
    )
    final = await run(library, Command.UNSUBSCRIBE)
    assert final.text == "The story of the day is stopped here."
    assert await store.subscription(CHANNEL) is None
    again = await run(library, Command.UNSUBSCRIBE)
    assert (again.kind, again.text) == (ReplyKind.ERROR, "This channel has no story of the day.")
    assert changed == [CHANNEL] * 4


async def test_help_in_the_text_dialect(library: ChannelLibrary) -> None:
    final = await run(library, Command.HELP)
    assert final.command == "help"
    assert "/story new <prompt> - start a new story" in final.text
    assert "Any other text after /story starts a new story from it." in final.text
    assert final.text.endswith("Stories are written by the scripted storyteller.")


@pytest.mark.parametrize(
    ("command", "args", "hint"),
    [
        (Command.HELP, "", "/new - start a new story"),
        (Command.SETTINGS, "", "/settings set"),
        (Command.SETTINGS, "tone", "/settings set key:tone"),
        (Command.PROMPTS, "", "/prompts add"),
        (Command.PROMPTS, "remove x", "/prompts remove"),
        (Command.PROMPTS, "huh", "/prompts list"),
        (Command.EXPORT, "", "/new start"),
        (Command.UNDO, "", "/random"),
        (Command.FORGET, "", "/forget confirm"),
        (Command.SUBSCRIBE, "soon", "/subscribe time:09:00 timezone:Europe/Berlin"),
    ],
)
async def test_hints_come_from_the_dialect(
    library: ChannelLibrary, changed: list[ChannelKey], command: Command, args: str, hint: str
) -> None:
    final = await run(library, command, args, dialect=SlashDialect())
    assert hint in final.text
    assert "/story" not in final.text
    assert "Any other text" not in final.text  # this dialect's prose starts nothing


async def test_forget_tells_the_scheduler(
    library: ChannelLibrary, store: SqliteStore, changed: list[ChannelKey]
) -> None:
    """Forgetting deletes the subscription too; the scheduler must drop the channel's job."""
    await library.run(make_request(), Parsed(Command.SUBSCRIBE, "09:00"))
    await library.run(make_request(), Parsed(Command.FORGET, "confirm"))
    assert changed == [CHANNEL, CHANNEL]
    assert await store.subscription(CHANNEL) is None
