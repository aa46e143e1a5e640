"""Story craft through the engine: world book, note, players, edit, branches, share, Twine."""

from __future__ import annotations

import re

import pytest

from bot.config import StoryConfig
from bot.engine import Engine
from bot.memory import Memory, offline_summariser
from bot.metrics import BRANCH_KINDS, Metrics
from bot.providers.base import Generation, estimate_tokens
from bot.types import Final, ReplyKind
from storage.sqlite import SqliteStore
from tests.conftest import CHANNEL, Ask, channel, collect, make_request
from tests.fakes.provider import ScriptedProvider


def prompt_text(generation: Generation) -> str:
    return "\n".join(m.content for m in generation.messages)


async def test_a_world_entry_comes_up_when_its_name_does(
    ask: Ask, provider: ScriptedProvider
) -> None:
    await ask("a harbour town")
    added = await ask("world add Mara, the thief: a quick-fingered girl who owes the guild")
    assert added.text.startswith("The world book now knows Mara (also the thief)")
    await ask("continue the gulls circle")
    assert "quick-fingered" not in prompt_text(provider.generations[-1])  # not mentioned
    await ask("continue the thief climbs the mast")
    told = prompt_text(provider.generations[-1])
    assert "Facts of this story's world, to respect:\n- Mara (also: the thief): a quick-" in told
    assert "quick-fingered" not in provider.generations[-1].system  # user content, not system


async def test_a_pinned_entry_is_always_given_and_removing_needs_a_manager(
    ask: Ask, provider: ScriptedProvider
) -> None:
    await ask("a harbour town")
    await ask("world add The Guild: thieves who rule the docks")
    assert (await ask("world pin the guild", can_manage=False)).outcome == "refused"
    assert (await ask("world pin the guild")).text == (
        "The Guild is always given to the storyteller."
    )
    await ask("continue")
    assert "The Guild: thieves who rule the docks" in prompt_text(provider.generations[-1])
    assert (await ask("world remove The Guild", can_manage=False)).outcome == "refused"
    listing = await ask("world")
    assert "• The Guild (always on)" in listing.text


async def test_the_authors_note_is_placed_just_before_the_turn(
    ask: Ask, provider: ScriptedProvider
) -> None:
    await ask("a harbour town")
    await ask("note keep it spooky; nobody dies")
    await ask("continue the fog rolls in")
    last = provider.generations[-1].messages[-1].content
    assert last.startswith("Author's note, for this part: keep it spooky; nobody dies")
    assert last.endswith("What should happen next: the fog rolls in")
    assert (await ask("note")).text.startswith("Author's note: keep it spooky")
    await ask("note clear")
    await ask("continue")
    assert "Author's note" not in prompt_text(provider.generations[-1])


async def test_a_players_direction_is_told_as_their_characters_action(
    ask: Ask, provider: ScriptedProvider
) -> None:
    await ask("a harbour town")
    joined = await ask("join Mara: a thief with a conscience", user_id="u7", user_name="Zoe")
    assert joined.text.startswith("Zoe plays Mara")
    await ask("continue opens the door", user_id="u7", user_name="Zoe")
    generation = provider.generations[-1]
    assert generation.context.direction == "Mara, played by Zoe, opens the door"
    assert "- Mara, played by Zoe: a thief with a conscience" in prompt_text(generation)
    cast = await ask("cast")
    assert "• Mara, played by Zoe — a thief with a conscience" in cast.text


async def test_with_turns_on_only_the_player_whose_turn_it_is_steers(ask: Ask) -> None:
    await ask("a harbour town")
    await ask("join Mara", user_id="a", user_name="Ann")
    await ask("join Bram", user_id="b", user_name="Ben")
    await ask("settings turns on")
    refused = await ask("continue Bram runs", user_id="b", user_name="Ben")
    assert refused.outcome == "turn"
    assert refused.text.startswith("It is Mara's turn (Ann).")
    assert (await ask("continue Mara runs", user_id="a", user_name="Ann")).kind is ReplyKind.STORY
    assert (await ask("continue Mara again", user_id="a", user_name="Ann")).outcome == "turn"
    assert (await ask("continue Bram runs", user_id="b", user_name="Ben")).kind is ReplyKind.STORY


async def test_edit_retry_and_undo_keep_what_they_replace_as_branches(
    ask: Ask, store: SqliteStore
) -> None:
    await ask("a harbour town")
    await ask("continue the bell rings")
    edited = await ask("edit The bell rang twice, and then the town was silent.")
    assert edited.text.startswith("Part 2 is rewritten")
    await ask("retry")
    await ask("undo")
    story = await store.active_story(CHANNEL)
    assert story is not None
    assert story.last_seq == 1
    listing = await ask("branches")
    kinds = re.findall(r"^\d+\. after part 1, 1 part \((\w+),", listing.text, re.MULTILINE)
    assert kinds == ["undo", "retry", "edit"]  # newest first; nothing was deleted
    texts = [(await store.line(b.id))[-1].text for b in await store.branches(story.id)]
    assert "The bell rang twice, and then the town was silent." in texts


async def test_branch_and_switch_move_between_lines(ask: Ask, store: SqliteStore) -> None:
    await ask("a harbour town")
    for step in ("one", "two", "three"):
        await ask(f"continue {step}")
    branched = await ask("branch 2")
    assert branched.text.startswith("Parts 3–4 are kept as branch")
    await ask("continue another way")
    story = await store.active_story(CHANNEL)
    assert story is not None
    assert [p.direction for p in await store.all_parts(story.id)] == [
        "",
        "one",
        "another way",
    ]
    (branch,) = await store.branches(story.id)
    switched = await ask(f"switch {branch.id}")
    assert switched.text.startswith("Now on this line of “a harbour town” (4 parts)")
    assert [p.direction for p in await store.all_parts(story.id)] == ["", "one", "two", "three"]
    kept = await store.branches(story.id)
    assert [(b.fork_seq, b.parts, b.kind) for b in kept] == [(2, 1, "switch")]
    assert (await ask("switch 999")).kind is ReplyKind.ERROR


async def test_a_shared_story_is_imported_anywhere_as_a_copy(
    ask: Ask, engine: Engine, store: SqliteStore
) -> None:
    await ask("a harbour town")
    await ask("continue the bell rings")
    await ask("world add Mara: a thief")
    await ask("note keep it light")
    shared = await ask("share")
    code = re.search(r"Share code for “a harbour town”: ([A-Z0-9]{4}-[A-Z0-9]{4})", shared.text)
    assert code is not None
    elsewhere = channel("elsewhere")
    _, imported = await collect(
        engine.handle(make_request(f"import {code.group(1).lower()}", channel="elsewhere"))
    )
    assert imported is not None
    assert imported.text.startswith("Imported “a harbour town” (2 parts)")
    copy = await store.active_story(elsewhere)
    original = await store.active_story(CHANNEL)
    assert copy is not None
    assert original is not None
    assert copy.id != original.id
    assert copy.note == "keep it light"
    assert [p.text for p in await store.all_parts(copy.id)] == [
        p.text for p in await store.all_parts(original.id)
    ]
    assert [e.name for e in await store.world_entries(copy.id)] == ["Mara"]
    assert (await ask("import ABCD-EFGH")).kind is ReplyKind.ERROR


def passages(document: str) -> dict[str, str]:
    """A Twee 3 file's passages by name (the spec: a line starting '::' opens one)."""
    found: dict[str, str] = {}
    for block in re.split(r"^:: ", document, flags=re.MULTILINE)[1:]:
        header, _, body = block.partition("\n")
        name = re.sub(r"\s*[\[{].*$", "", header).strip()
        found[name] = body
    return found


async def test_export_twine_writes_every_branch_with_links_that_resolve(ask: Ask) -> None:
    await ask("a maze")
    await ask("choose 2")
    await ask("continue down the stairs")
    await ask("retry")
    exported = await ask("export twine")
    (attachment,) = exported.attachments
    assert attachment.filename.endswith(".twee")
    found = passages(attachment.content.decode())
    assert {"StoryTitle", "StoryData", "Part 1", "Part 2", "Part 3"} <= set(found)
    links = re.findall(r"\[\[(?:[^\]]*?->)?([^\]]+)\]\]", "".join(found.values()))
    assert links
    assert all(target in found for target in links), links
    assert "[[2. Go right->Part 2]]" in found["Part 1"]
    assert "1. Go left (not taken)" in found["Part 1"]
    assert any(name.startswith("Branch ") for name in found)
    assert "Another way (retry" in found["Part 2"]


async def test_the_prompt_stays_bounded_at_part_200_with_a_full_cast_and_book(
    store: SqliteStore,
) -> None:
    config = StoryConfig(context_tokens=3000, world_tokens=600)
    provider = ScriptedProvider(lambda g: f"Part {g.context.part_number}. " + "Waves. " * 60)
    engine = Engine(store, provider, config, Memory(store, config, offline_summariser(1600)))

    async def ask(text: str, **fields: object) -> Final:
        _, final = await collect(engine.handle(make_request(text, **fields)))
        assert final is not None
        return final

    await ask("a long voyage")
    for n in range(50):
        await ask(f"world add Place {n}: a harbour with {n} lighthouses and a long history")
    for n in (0, 1, 2):
        await ask(f"world pin Place {n}")
    for n in range(6):
        await ask(f"join Sailor {n}: a sailor", user_id=f"p{n}", user_name=f"P{n}")
    await ask("note keep the sea calm")
    for _ in range(199):
        await ask("continue Place 17 and Place 42 come into view")
    await engine.settled()
    generation = provider.generations[-1]
    assert generation.context.part_number == 200
    told = prompt_text(generation)
    assert all(f"Place {n}: a harbour" in told for n in (0, 1, 2))
    assert all(f"Sailor {n}, played by P{n}" in told for n in range(6))
    size = sum(estimate_tokens(m.content) for m in generation.messages)
    assert size <= config.context_tokens + config.summary_tokens


@pytest.mark.parametrize("text", ["world add", "world add Mara", "world add : nobody"])
async def test_world_add_says_how_when_the_entry_is_malformed(ask: Ask, text: str) -> None:
    await ask("a harbour town")
    reply = await ask(text)
    assert reply.kind is ReplyKind.ERROR
    assert "/story world add <name>[, <alias>]: <description>" in reply.text


async def test_craft_commands_need_a_story(ask: Ask) -> None:
    for text in ("world", "note", "join Mara", "cast", "edit x", "branches", "share"):
        assert (await ask(text)).outcome == "no_story", text


async def test_craft_events_are_counted_in_the_metrics(
    store: SqliteStore, provider: ScriptedProvider, story_config: StoryConfig
) -> None:
    """The engine reports through its observer; the metrics count what it reports."""
    metrics = Metrics()
    memory = Memory(store, story_config, offline_summariser(800))
    engine = Engine(store, provider, story_config, memory, observer=metrics)

    async def ask(text: str, **fields: object) -> Final:
        _, final = await collect(engine.handle(make_request(text, **fields)))
        assert final is not None
        return final

    def counted(name: str, **labels: str) -> float | None:
        return metrics.registry.get_sample_value(f"storybot_{name}_total", labels)

    await ask("a harbour town")
    await ask("world add Mara, the thief: a quick-fingered girl")
    await ask("world add The Guild: thieves who rule the docks")
    await ask("world pin the guild")
    await ask("continue the thief climbs the mast")  # Mara comes up, the Guild is pinned
    await ask("continue the gulls circle")  # both: the last part told of the thief
    assert counted("world_triggered") == 4
    await ask("world remove Mara")
    await ask("continue the sea is calm")  # the Guild only: Mara is out of the book
    assert counted("world_triggered") == 5
    await ask("edit The mast creaks.")
    await ask("retry")
    await ask("undo")
    await ask("branch 1")
    story = await store.active_story(CHANNEL)
    assert story is not None
    branches = await store.branches(story.id)
    await ask(f"switch {branches[0].id}")
    assert counted("edits") == 1
    assert {kind: counted("branches", kind=kind) for kind in BRANCH_KINDS} == dict.fromkeys(
        BRANCH_KINDS, 1.0
    )
    code = re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}", (await ask("share")).text)
    assert code is not None
    await ask(f"import {code.group(0)}", channel="elsewhere")
    assert counted("imports") == 1

    for user in ("ann", "ben", "cy"):
        await ask(f"join {user}", user_id=user, shared=True)
    assert counted("votes", event="opened") == 0
    await ask("choose 2", user_id="ann", shared=True)
    assert counted("votes", event="opened") == 1
    await ask("choose 2", user_id="ben", shared=True)  # a majority of three
    assert (counted("votes", event="opened"), counted("votes", event="closed")) == (1, 1)


async def test_an_edit_opened_on_an_earlier_part_changes_nothing(
    ask: Ask, store: SqliteStore
) -> None:
    """Modals (Discord, Slack) carry the part they opened on; the story may have gone on."""
    await ask("a harbour town")
    story = await store.active_story(CHANNEL)
    assert story is not None
    opened_on = f"{story.id}:1"
    await ask("continue the bell rings")
    late = await ask("edit A quiet night.", ref=opened_on)
    assert late.outcome == "stale"
    assert late.text.startswith("The story went on while you were editing: part 2 is the last")
    assert "A quiet night." not in [p.text for p in await store.all_parts(story.id)]
    assert (await ask("edit A quiet night.", ref=f"{story.id}:2")).kind is ReplyKind.INFO
