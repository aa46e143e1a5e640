"""Discord rendering, buttons and the command tree, without a server."""

from __future__ import annotations

import discord
import pytest

from adapters.discord.commands import build_story_group, setting_suggestions
from adapters.discord.craft_commands import add_craft_commands
from adapters.discord.render import NO_MENTIONS, button_label, measure, render
from adapters.discord.views import TEMPLATE, ChoiceButton, choice_view
from bot.commands import SPEC_BY_NAME, Parsed
from bot.delivery import Choices
from bot.identity import ChannelKey
from bot.story_settings import GENRE_SUGGESTIONS, LENGTHS


def test_markdown_in_plain_text_shows_as_typed() -> None:
    assert render("a *bold* ||secret|| _x_") == r"a \*bold\* \|\|secret\|\| \_x\_"
    assert render("# not a heading\n- not a list") == "\\# not a heading\n\\- not a list"
    assert render("1. Go left\n2. Go right") == "1. Go left\n2. Go right"


def test_length_is_counted_after_escaping() -> None:
    assert measure("**") == 4
    assert measure("plain") == 5


def test_no_mentions_parses_nothing() -> None:
    assert NO_MENTIONS.to_dict()["parse"] == []


def test_button_labels_fit_discord() -> None:
    assert button_label(2, "Go  right") == "2. Go right"
    long = button_label(1, "word " * 40)
    assert len(long) == 80
    assert long.endswith("…")


def test_choice_buttons_carry_ref_and_number() -> None:
    view = choice_view(Choices(("Go left", "Go right"), "12:3"))
    assert view is not None
    assert view.timeout is None  # persistent
    items = [item for item in view.children if isinstance(item, ChoiceButton)]
    assert [(i.ref, i.number, i.custom_id) for i in items] == [
        ("12:3", 1, "story:choose:12:3:1"),
        ("12:3", 2, "story:choose:12:3:2"),
    ]
    match = TEMPLATE.fullmatch(items[1].custom_id)
    assert match is not None
    assert (match["ref"], match["n"]) == ("12:3", "2")


def test_at_most_25_buttons_and_none_without_a_ref() -> None:
    many = choice_view(Choices(tuple(f"option {n}" for n in range(30)), "1:1"))
    assert many is not None
    assert len(many.children) == 25
    assert choice_view(Choices(("a",), None)) is None
    assert choice_view(Choices(("a",), "has space")) is None


@pytest.mark.parametrize(
    ("key", "expected"),
    [("length", LENGTHS), ("genre", GENRE_SUGGESTIONS), ("choices", ("on", "off"))],
)
def test_setting_suggestions(key: str, expected: tuple[str, ...]) -> None:
    assert setting_suggestions(key) == expected


def test_free_text_settings_suggest_the_hint_examples() -> None:
    assert "English" in setting_suggestions("language")
    assert "warm" in setting_suggestions("tone")


class _Handler:
    async def run(
        self,
        interaction: discord.Interaction,
        command: Parsed,
        *,
        private: bool = False,
        ref: str | None = None,
    ) -> None:
        return None

    async def world_names(self, channel: ChannelKey) -> list[str]:
        return []

    async def story_branches(self, channel: ChannelKey) -> list[tuple[int, str]]:
        return []

    async def open_editor(self, interaction: discord.Interaction) -> None:
        return None

    def channel_of(self, interaction: discord.Interaction) -> ChannelKey:
        return ChannelKey.of("discord", 1, 2)

    async def last_choices(self, channel: ChannelKey) -> tuple[str, ...]:
        return ()

    async def channel_prompts(self, channel: ChannelKey) -> list[tuple[int, str]]:
        return []

    async def channel_stories(self, channel: ChannelKey) -> list[tuple[int, str]]:
        return []


def test_subcommands_take_descriptions_from_the_core() -> None:
    group = build_story_group(_Handler())
    commands = {command.name: command for command in group.commands}
    for name in ("new", "continue", "choose", "recap", "retry", "undo", "end", "random"):
        assert commands[name].description == SPEC_BY_NAME[name].summary
    for name in ("export", "forget", "help"):
        assert commands[name].description == SPEC_BY_NAME[name].summary
    prompts = commands["prompts"]
    settings = commands["settings"]
    assert isinstance(prompts, discord.app_commands.Group)
    assert isinstance(settings, discord.app_commands.Group)
    assert {c.name for c in prompts.commands} == {"list", "add", "edit", "remove"}
    assert {c.name for c in settings.commands} == {"show", "set"}


def test_the_craft_commands_fit_under_story_with_the_cores_descriptions() -> None:
    group = build_story_group(_Handler())
    add_craft_commands(group, _Handler())
    commands = {command.name: command for command in group.commands}
    assert len(commands) <= 25  # Discord's limit on subcommands and groups under one command
    for name in ("note", "edit", "share", "import", "world", "branches"):
        assert commands[name].description == SPEC_BY_NAME[name].summary
    shown: dict[str, set[str]] = {}
    for name in ("world", "branches", "players"):
        subgroup = commands[name]
        assert isinstance(subgroup, discord.app_commands.Group)
        shown[name] = {c.name for c in subgroup.commands}
    assert shown == {
        "world": {"list", "add", "show", "remove", "pin"},
        "branches": {"list", "new", "switch"},
        "players": {"join", "list", "leave"},
    }
