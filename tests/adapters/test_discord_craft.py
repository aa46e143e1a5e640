"""Story craft on Discord: the native /story tree, the edit modal and group votes, with the
real discord.py client against the fake Discord."""

from __future__ import annotations

from typing import Any

from adapters.discord import DiscordAdapter
from adapters.discord.commands import NATIVE_FORMS
from adapters.discord.render import render
from storage.sqlite import SqliteStore
from tests.adapters.test_discord import (
    GUILD_CHANNEL,
    MANAGE_GUILD,
    OPENING,
    answered,
    new_story,
    private_reply,
    settled,
)
from tests.fakes.discord_api import FakeDiscord, Interaction, Message
from tests.fakes.provider import ScriptedProvider

Json = dict[str, Any]
PLAYERS = (501, 502, 503)


async def said(
    fake: FakeDiscord, path: str, options: Json | None = None, *, until: str = "", **where: Any
) -> str:
    """Run a slash command and return what the asker was shown (public or private), once
    it includes ``until``."""
    interaction = await fake.slash(path, options, **where)

    def shown() -> str | None:
        visible = [m.content for m in fake.replies(interaction) if m.content and not m.loading]
        text = "\n".join(visible)
        return text if visible and until in text else None

    text: str = await fake.wait_for(shown)
    return text


# the tree


def leaves(options: list[Json], prefix: tuple[str, ...] = ()) -> dict[tuple[str, ...], Json]:
    """Every runnable subcommand of the synced tree, by its path under /story."""
    found: dict[tuple[str, ...], Json] = {}
    for option in options:
        path = (*prefix, option["name"])
        if option["type"] == 2:  # a subcommand group
            found |= leaves(option["options"], path)
        elif option["type"] == 1:
            found[path] = option
    return found


def usages(template: str) -> list[tuple[tuple[str, ...], set[str]]]:
    """``/story prompts list | add text:{text}`` -> its paths and the options each names."""
    found: list[tuple[tuple[str, ...], set[str]]] = []
    parent: tuple[str, ...] = ()
    for number, alternative in enumerate(template.split(" | ")):
        words = alternative.replace("[", " ").replace("]", " ").split()
        words = words[1:] if words[0] == "/story" else words
        path = tuple(word for word in words if ":" not in word)
        if number == 0:
            parent = path[:-1]
        else:
            path = (*parent, *path)
        found.append((path, {word.split(":")[0] for word in words if ":" in word}))
    return found


async def test_the_tree_has_the_craft_commands_and_agrees_with_the_native_forms(
    fake: FakeDiscord, adapter: DiscordAdapter
) -> None:
    (story,) = fake.commands["global"]
    assert len(story["options"]) <= 25, "Discord allows 25 subcommands and groups under one"
    synced = leaves(story["options"])
    assert {("world", a) for a in ("list", "add", "show", "remove", "pin")} <= set(synced)
    assert {("branches", a) for a in ("list", "new", "switch")} <= set(synced)
    assert {("players", a) for a in ("join", "list", "leave")} <= set(synced)
    assert {("note",), ("edit",), ("share",), ("import",), ("export",)} <= set(synced)
    assert not synced[("edit",)].get("options"), "the text is given in the modal"
    (export_format,) = synced[("export",)]["options"]
    assert export_format["name"] == "format"
    assert [c["value"] for c in export_format["choices"]] == ["markdown", "twine"]

    named: dict[tuple[str, ...], set[str]] = {}
    for template in NATIVE_FORMS.values():
        for path, options in usages(template):
            assert path in synced, f"{template}: no /story {' '.join(path)}"
            have = {o["name"] for o in synced[path].get("options", [])}
            assert options <= have, f"{template}: /story {' '.join(path)} has only {have}"
            named.setdefault(path, set()).update(options)
    for path, command in synced.items():
        have = {o["name"] for o in command.get("options", [])}
        assert have <= named.get(path, set()), f"/story {' '.join(path)}: {have} not in the forms"
        assert len(command["description"]) <= 100


async def test_help_on_discord_names_the_native_forms(
    fake: FakeDiscord, adapter: DiscordAdapter
) -> None:
    shown = await said(fake, "story help", until="/story help - this help")
    for usage in (
        "/story world list | add | show | remove | pin - the world book",
        "/story edit - replace the last part's text",
        "/story export [format:twine] - the whole story",
        "/story players join character:<character> [about:<description>]",
        "/story branches switch branch:<branch>",
    ):
        assert render(usage) in shown  # shown as typed: Discord markdown escaped


# the craft commands through their options


async def test_world_book_by_options_with_names_autocompleted(
    fake: FakeDiscord, adapter: DiscordAdapter, store: SqliteStore
) -> None:
    await new_story(fake)
    added = await said(
        fake, "story world add", {"name": "Mara, the thief", "description": "owes the guild"}
    )
    assert added.startswith("The world book now knows Mara (also the thief)")
    await said(fake, "story world add", {"name": "The Guild", "description": "rules the docks"})
    asked = await fake.slash("story world show", {"name": "gu"}, focused="name")
    await fake.wait_for(lambda: asked.callbacks)
    assert asked.callbacks[0]["data"]["choices"] == [{"name": "The Guild", "value": "The Guild"}]

    shown = await said(fake, "story world show", {"name": "the thief"})
    assert shown == "Mara\nAlso called: the thief\nowes the guild"
    refused = await said(fake, "story world remove", {"name": "Mara"})  # removing: managers
    assert "Only people who manage this channel" in refused
    removed = await said(fake, "story world remove", {"name": "Mara"}, permissions=MANAGE_GUILD)
    assert removed == "Mara is out of the world book."
    story = await store.active_story(GUILD_CHANNEL)
    assert story is not None
    assert [e.name for e in await store.world_entries(story.id)] == ["The Guild"]


async def test_note_players_and_branches_by_options(
    fake: FakeDiscord, adapter: DiscordAdapter, store: SqliteStore
) -> None:
    await new_story(fake)
    set_note = await said(fake, "story note", {"text": "keep it light"}, permissions=MANAGE_GUILD)
    assert set_note == "Author's note set: keep it light"
    assert (await said(fake, "story note")).startswith("Author's note: keep it light")
    joined = await said(fake, "story players join", {"character": "Mara", "about": "a thief"})
    assert joined.startswith("user501 plays Mara")
    assert "• Mara, played by user501 — a thief" in await said(fake, "story players list")
    await fake.wait_for(settled(await fake.slash("story continue", {"direction": "run"})))
    branched = await said(fake, "story branches new", {"part": 1})
    assert branched.startswith("Parts 2–2 are kept as branch")
    story = await store.active_story(GUILD_CHANNEL)
    assert story is not None
    (branch,) = await store.branches(story.id)
    asked = await fake.slash("story branches switch", {"branch": ""}, focused="branch")
    await fake.wait_for(lambda: asked.callbacks)
    (offered,) = asked.callbacks[0]["data"]["choices"]
    assert offered["value"] == branch.id
    assert offered["name"].startswith(f"{branch.id}. after part 1 (branch): Part 2 of a dragon")
    switched = await said(fake, "story branches switch", {"branch": branch.id})
    assert switched.startswith("Now on this line of “a dragon wakes” (2 parts)")
    cleared = await said(fake, "story note", {"clear": True}, permissions=MANAGE_GUILD)
    assert cleared == "The author's note is cleared."
    left = await said(fake, "story players leave")
    assert left == "You left the cast."


# /story edit: a modal


async def open_editor(fake: FakeDiscord, **where: Any) -> Interaction:
    opened = await fake.slash("story edit", **where)
    await fake.wait_for(lambda: opened.callbacks)
    return opened


def text_input(modal: Json) -> Json:
    (label,) = modal["components"]
    assert label["type"] == 18  # a Label around the input, as Discord's modals are built now
    field: Json = label["component"]
    return field


async def test_edit_opens_a_modal_with_the_last_part_and_submitting_it_edits(
    fake: FakeDiscord, adapter: DiscordAdapter, store: SqliteStore
) -> None:
    await new_story(fake)
    opened = await open_editor(fake)

    assert [c["type"] for c in opened.callbacks] == [9]  # MODAL, not a deferral
    assert opened.modal is not None
    assert opened.modal["title"] == "Edit the last part"
    field = text_input(opened.modal)
    assert (field["type"], field["style"], field["max_length"]) == (4, 2, 4000)  # paragraph
    assert field["value"] == OPENING  # the part's text as stored, not escaped for display

    rewritten = "The dragon sleeps on.\n\nWhat happens next?\n1. Wake it\n2. Tiptoe away"
    submitted = await fake.submit(opened, {field["custom_id"]: rewritten})
    done = await fake.wait_for(answered(submitted))

    assert submitted.callbacks == [{"type": 5}]
    assert done.content.startswith("Part 1 is rewritten as you wrote it")
    assert not done.ephemeral
    story = await store.active_story(GUILD_CHANNEL)
    assert story is not None
    (part,) = await store.all_parts(story.id)
    assert (part.text, part.choices) == (rewritten, ("Wake it", "Tiptoe away"))
    assert [b.kind for b in await store.branches(story.id)] == ["edit"]


async def test_an_edit_submitted_after_the_story_went_on_changes_nothing(
    fake: FakeDiscord, adapter: DiscordAdapter, store: SqliteStore
) -> None:
    await new_story(fake)
    opened = await open_editor(fake)
    await fake.wait_for(settled(await fake.slash("story continue")))
    submitted = await fake.submit(opened, {"text": "Too late."})
    answer = await fake.wait_for(private_reply(fake, submitted))

    assert answer.content.startswith("The story went on while you were editing: part 2 is")
    story = await store.active_story(GUILD_CHANNEL)
    assert story is not None
    assert "Too late." not in [p.text for p in await store.all_parts(story.id)]


async def test_edit_without_a_story_says_how_to_start_one(
    fake: FakeDiscord, adapter: DiscordAdapter
) -> None:
    opened = await open_editor(fake)
    answer = await fake.wait_for(private_reply(fake, opened))
    assert opened.modal is None
    assert "There is no story in this channel yet" in answer.content


async def test_a_part_too_long_for_the_edit_box_is_refused_clearly(
    fake: FakeDiscord, adapter: DiscordAdapter, provider: ScriptedProvider
) -> None:
    long_part = "Waves. " * 700 + "\n\nWhat happens next?\n1. Swim\n2. Float"
    provider.script = lambda generation: long_part
    begun = await fake.slash("story new", {"prompt": "the sea"})
    await fake.wait_for(lambda: any(m.custom_ids for m in fake.replies(begun)))
    opened = await open_editor(fake)
    answer = await fake.wait_for(answered(opened))
    assert opened.modal is None
    assert answer.ephemeral
    assert answer.content.startswith("The last part is 4,937 characters, more than Discord's")


# group votes


async def cast_of_three(fake: FakeDiscord) -> Message:
    first = await new_story(fake)
    for user in PLAYERS:
        options = {"character": f"Hero {user}"}
        await said(fake, "story players join", options, user_id=user)
    return first


def labels(message: Message) -> list[str]:
    return [c["label"] for row in message.components for c in row["components"]]


async def test_a_press_in_a_server_is_a_ballot_with_counts_and_the_majority_goes_on(
    fake: FakeDiscord, adapter: DiscordAdapter, provider: ScriptedProvider
) -> None:
    first = await cast_of_three(fake)
    ballot = await fake.press(first, first.custom_ids[1], user_id=PLAYERS[0])
    note = await fake.wait_for(private_reply(fake, ballot))

    assert note.content.startswith("Your vote for 2. Go right is counted.")
    edit = next(c for c in fake.calls if c.method == "PATCH" and str(first.id) in c.path)
    assert edit.path == f"/api/v10/channels/800/messages/{first.id}"  # the pressed message
    assert edit.body["allowed_mentions"] == {"parse": []}
    assert labels(first) == ["1. Go left · 0", "2. Go right · 1", "3. Wait · 0"]
    assert first.content == OPENING, "only its buttons changed"
    assert len(provider.generations) == 1, "one ballot of three decides nothing"

    deciding = await fake.press(first, first.custom_ids[1], user_id=PLAYERS[1])
    story = await fake.wait_for(settled(deciding))
    assert story.content.startswith(
        "The vote chose 2. Go right (2 of 2 votes).\n\nPart 2 of a dragon wakes. Then: Go right."
    )
    assert not story.ephemeral
    assert provider.generations[-1].context.direction == "Go right"
