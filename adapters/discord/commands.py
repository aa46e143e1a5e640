"""The ``/story`` slash command tree, mapped onto the core's command text.

Every subcommand becomes the same text a user would type after ``/story`` on
another platform (``new <prompt>``, ``settings genre sci-fi``, ``forget
confirm``) and goes to the engine, which does all checking. Descriptions come
from :data:`bot.commands.SPECS`.

Discord honours ``default_member_permissions`` only on top-level commands (it
is ignored on subcommands), and ``/story`` itself must stay open to everyone,
so manager-only actions are enforced at run time through ``Request.can_manage``.
"""

# No ``from __future__ import annotations``: discord.py reads these callbacks'
# annotations to build the option types.

from collections.abc import Sequence
from typing import Protocol

import discord
from discord import app_commands

from bot.commands import SPEC_BY_NAME
from bot.story_settings import GENRE_SUGGESTIONS, KEYS, LENGTHS, RATINGS
from storage.base import Store

MAX_CHOICES = 25  # Discord's limit for autocomplete answers
MAX_NAME = 100
Choice = app_commands.Choice


class StoryHandler(Protocol):
    """What the command tree needs from the adapter."""

    store: Store

    async def run(self, interaction: discord.Interaction, text: str, *, private: bool) -> None:
        """Defer, ask the engine for ``text`` and deliver its reply."""
        ...

    def channel_of(self, interaction: discord.Interaction) -> str:
        """The core's channel key for where the interaction happened."""
        ...


def summary(name: str) -> str:
    return SPEC_BY_NAME[name].summary[:MAX_NAME]


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_NAME else text[: MAX_NAME - 1] + "…"


def _matching(options: Sequence[str], current: str, *, free: bool) -> list[Choice[str]]:
    typed = current.strip().lower()
    found = [o for o in options if typed in o.lower()]
    if free and typed and current.strip() not in found:
        found.insert(0, current.strip())  # free-text settings take what was typed
    return [Choice(name=_short(o), value=o[:MAX_NAME]) for o in found[:MAX_CHOICES]]


CLOSED_SETTINGS: dict[str, tuple[str, ...]] = {
    "length": LENGTHS,
    "rating": RATINGS,
    "choices": ("on", "off"),
}
"""Settings that accept only these values; the others take free text."""


def setting_suggestions(key: str) -> tuple[str, ...]:
    """Values to offer for a setting: the allowed ones, or examples from its hint."""
    if key in CLOSED_SETTINGS:
        return CLOSED_SETTINGS[key]
    if key == "genre":
        return GENRE_SUGGESTIONS
    hint = KEYS.get(key, (None, ""))[1]
    examples = hint.split("e.g.", 1)[-1]
    return tuple(part.strip() for part in examples.split(",") if part.strip())


def build_story_group(handler: StoryHandler) -> app_commands.Group:
    """``/story`` with its subcommands and the ``prompts``/``settings`` subgroups."""
    story = app_commands.Group(name="story", description="Write stories together, part by part")

    async def run(interaction: discord.Interaction, text: str, *, private: bool = False) -> None:
        await handler.run(interaction, text, private=private)

    @story.command(name="new", description=summary("new"))
    @app_commands.describe(prompt="what the story is about")
    async def new(interaction: discord.Interaction, prompt: str) -> None:
        await run(interaction, f"new {prompt}")

    @story.command(name="continue", description=summary("continue"))
    @app_commands.describe(direction="what should happen next (optional)")
    async def continue_(interaction: discord.Interaction, direction: str | None = None) -> None:
        await run(interaction, f"continue {direction or ''}".strip())

    @story.command(name="choose", description=summary("choose"))
    @app_commands.describe(option="the number of the option")
    async def choose(
        interaction: discord.Interaction, option: app_commands.Range[int, 1, 25]
    ) -> None:
        await run(interaction, f"choose {option}")

    @choose.autocomplete("option")
    async def choose_options(interaction: discord.Interaction, current: str) -> list[Choice[int]]:
        story_row = await handler.store.active_story(handler.channel_of(interaction))
        if story_row is None:
            return []
        parts = await handler.store.recent_parts(story_row.id, story_row.last_seq - 1, 1)
        labels = parts[-1].choices if parts else ()
        return [
            Choice(name=_short(f"{n}. {label}"), value=n)
            for n, label in enumerate(labels, start=1)
            if str(current).strip() in f"{n} {label.lower()}"
        ][:MAX_CHOICES]

    def simple(name: str, *, private: bool = False) -> None:
        async def callback(interaction: discord.Interaction) -> None:
            await run(interaction, name, private=private)

        story.command(name=name, description=summary(name))(callback)

    for name in ("recap", "retry", "undo", "end", "random", "export"):
        simple(name)

    @story.command(name="forget", description=summary("forget"))
    @app_commands.describe(confirm="true to really delete everything stored for this channel")
    async def forget(interaction: discord.Interaction, confirm: bool = False) -> None:
        await run(interaction, "forget confirm" if confirm else "forget")

    @story.command(name="subscribe", description=summary("subscribe"))
    @app_commands.describe(
        time="time of day, HH:MM (24 h)", timezone="e.g. Europe/Berlin (default UTC)"
    )
    async def subscribe(
        interaction: discord.Interaction, time: str, timezone: str | None = None
    ) -> None:
        await run(interaction, f"subscribe {time} {timezone or ''}".strip())

    simple("unsubscribe")
    simple("help", private=True)
    prompts = app_commands.Group(name="prompts", description=summary("prompts"), parent=story)
    settings = app_commands.Group(name="settings", description=summary("settings"), parent=story)

    @prompts.command(name="list", description="the starter prompts and this channel's own")
    async def prompts_list(interaction: discord.Interaction) -> None:
        await run(interaction, "prompts list", private=True)

    @prompts.command(name="add", description="add a prompt to this channel's library")
    @app_commands.describe(text="the story idea to keep")
    async def prompts_add(interaction: discord.Interaction, text: str) -> None:
        await run(interaction, f"prompts add {text}")

    @prompts.command(name="remove", description="remove one of this channel's prompts (managers)")
    @app_commands.describe(prompt="the prompt's number")
    async def prompts_remove(interaction: discord.Interaction, prompt: int) -> None:
        await run(interaction, f"prompts remove {prompt}")

    @prompts_remove.autocomplete("prompt")
    async def prompt_ids(interaction: discord.Interaction, current: str) -> list[Choice[int]]:
        own = await handler.store.list_prompts(handler.channel_of(interaction))
        typed = str(current).strip().lower()
        return [
            Choice(name=_short(f"{p.id}. {p.text}"), value=p.id)
            for p in own
            if typed in f"{p.id} {p.text.lower()}"
        ][:MAX_CHOICES]

    @settings.command(name="show", description="this channel's story settings")
    async def settings_show(interaction: discord.Interaction) -> None:
        await run(interaction, "settings", private=True)

    @settings.command(name="set", description="change a story setting (managers)")
    @app_commands.describe(key="the setting to change", value="its new value")
    @app_commands.choices(key=[Choice(name=key, value=key) for key in KEYS])
    async def settings_set(interaction: discord.Interaction, key: str, value: str) -> None:
        await run(interaction, f"settings {key} {value}")

    @settings_set.autocomplete("value")
    async def setting_values(interaction: discord.Interaction, current: str) -> list[Choice[str]]:
        key = str(getattr(interaction.namespace, "key", "") or "")
        free = key not in CLOSED_SETTINGS
        return _matching(setting_suggestions(key), str(current), free=free)

    return story
