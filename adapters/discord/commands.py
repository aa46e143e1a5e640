"""The ``/story`` slash command tree, mapped onto the core's command text.

Every subcommand becomes a parsed core command (:class:`bot.commands.Parsed`)
and goes to the engine, which does all checking. Descriptions come from
:data:`bot.commands.SPECS` or are marked ``N_`` here, in English; Discord gets them
in every catalog language from :mod:`adapters.discord.locales` when the tree syncs.
Hints and help are written in this tree's :data:`DIALECT`.

Discord honours ``default_member_permissions`` only on top-level commands (it
is ignored on subcommands), and ``/story`` itself must stay open to everyone,
so manager-only actions are enforced at run time through ``Request.can_manage``.
"""

# No ``from __future__ import annotations``: discord.py reads these callbacks'
# annotations to build the option types.

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import discord
from discord import app_commands

from bot.commands import SPEC_BY_NAME, TEXT, Command, Parsed, fill
from bot.i18n import LANGUAGES, N_
from bot.identity import ChannelKey
from bot.story_settings import GENRE_SUGGESTIONS, KEYS, LENGTHS, RATINGS

MAX_CHOICES = 25  # Discord's limit for autocomplete answers
MAX_NAME = 100
EXPORT_FORMATS = ("markdown", "twine")
Choice = app_commands.Choice


NATIVE_FORMS: dict[tuple[Command, str], str] = {
    (Command.NEW, ""): "/story new prompt:{text}",
    (Command.CONTINUE, ""): "/story continue [direction:{text}]",
    (Command.CONTINUE, "steer"): "/story continue direction:{text}",
    (Command.CHOOSE, ""): "/story choose option:{n}",
    (Command.PROMPTS, ""): (
        "/story prompts list | add text:{text} | edit prompt:{id} text:{text} | remove prompt:{id}"
    ),
    (Command.PROMPTS, "list"): "/story prompts list",
    (Command.PROMPTS, "add"): "/story prompts add text:{text}",
    (Command.PROMPTS, "edit"): "/story prompts edit prompt:{id} text:{text}",
    (Command.PROMPTS, "remove"): "/story prompts remove prompt:{id}",
    (Command.SETTINGS, ""): "/story settings show | set key:{key} value:{value}",
    (Command.SETTINGS, "show"): "/story settings show",
    (Command.SETTINGS, "set"): "/story settings set key:{key} value:{value}",
    (Command.FORGET, ""): "/story forget confirm:True",
    (Command.FORGET, "confirm"): "/story forget confirm:True",
    (Command.SUBSCRIBE, ""): "/story subscribe time:{time} [timezone:{timezone}]",
    (Command.RESUME, ""): "/story resume story:{id}",
    (Command.EDIT, ""): "/story edit",
    (Command.BRANCH, ""): "/story branches new part:{n}",
    (Command.BRANCHES, ""): "/story branches list",
    (Command.SWITCH, ""): "/story branches switch branch:{branch}",
    (Command.WORLD, ""): "/story world list | add | show | remove | pin",
    (Command.WORLD, "list"): "/story world list",
    (Command.WORLD, "add"): "/story world add name:{name} description:{description}",
    (Command.WORLD, "show"): "/story world show name:{name}",
    (Command.WORLD, "remove"): "/story world remove name:{name}",
    (Command.WORLD, "pin"): "/story world pin name:{name}",
    (Command.NOTE, ""): "/story note [text:{text}] [clear:True]",
    (Command.NOTE, "set"): "/story note text:{text}",
    (Command.NOTE, "clear"): "/story note clear:True",
    (Command.JOIN, ""): "/story players join character:{character} [about:{description}]",
    (Command.CAST, ""): "/story players list",
    (Command.LEAVE, ""): "/story players leave",
    (Command.SHARE, ""): "/story share",
    (Command.IMPORT, ""): "/story import code:{code}",
    (Command.EXPORT, ""): "/story export [format:twine]",
    (Command.EXPORT, "twine"): "/story export format:twine",
}
"""How each command is typed with this tree's options, written next to the tree."""


@dataclass(frozen=True, slots=True)
class OptionsDialect:
    """Discord's dialect: subcommands with named options, as built below."""

    prose_starts_story: bool = False

    def usage(self, command: Command, action: str = "", **values: str) -> str:
        template = NATIVE_FORMS.get((command, action)) or NATIVE_FORMS.get((command, ""))
        if template is None:  # no options: typed as on every platform
            return TEXT.usage(command, action, **values)
        return fill(template, values)


DIALECT = OptionsDialect()


class StoryHandler(Protocol):
    """What the command tree needs from the adapter."""

    async def run(
        self,
        interaction: discord.Interaction,
        command: Parsed,
        *,
        private: bool = False,
        ref: str | None = None,
    ) -> None:
        """Defer, ask the engine to run ``command`` and deliver its reply."""
        ...

    def channel_of(self, interaction: discord.Interaction) -> ChannelKey:
        """The core's channel key for where the interaction happened."""
        ...

    async def last_choices(self, channel: ChannelKey) -> tuple[str, ...]: ...

    async def channel_prompts(self, channel: ChannelKey) -> list[tuple[int, str]]: ...

    async def channel_stories(self, channel: ChannelKey) -> list[tuple[int, str]]: ...


def summary(name: str) -> str:
    """The command's summary, whole: it is also the catalogs' msgid for its translations."""
    return SPEC_BY_NAME[name].summary


def short(text: str) -> str:
    """One line of at most 100 characters: an autocomplete answer's name."""
    text = " ".join(text.split())
    return text if len(text) <= MAX_NAME else text[: MAX_NAME - 1] + "…"


def _matching(options: Sequence[str], current: str, *, free: bool) -> list[Choice[str]]:
    typed = current.strip().lower()
    found = [o for o in options if typed in o.lower()]
    if free and typed and current.strip() not in found:
        found.insert(0, current.strip())  # free-text settings take what was typed
    return [Choice(name=short(o), value=o[:MAX_NAME]) for o in found[:MAX_CHOICES]]


CLOSED_SETTINGS: dict[str, tuple[str, ...]] = {
    "length": LENGTHS,
    "rating": RATINGS,
    "choices": ("on", "off"),
    "voting": ("on", "off"),
    "turns": ("on", "off"),
    "ui": (*LANGUAGES, "auto"),
}
"""Settings offered with only these values (``ui`` also takes a language's name, typed);
the others take free text."""


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
    """``/story`` with its subcommands and the ``prompts``/``settings`` subgroups.

    The story-craft commands are added by
    :func:`adapters.discord.craft_commands.add_craft_commands`; with them the tree has
    24 of the 25 subcommands and groups Discord allows under one command.
    """
    story = app_commands.Group(name="story", description=N_("Write stories together, part by part"))

    async def run(
        interaction: discord.Interaction, command: Command, args: str = "", *, private: bool = False
    ) -> None:
        await handler.run(interaction, Parsed(command, args), private=private)

    @story.command(name="new", description=summary("new"))
    @app_commands.describe(prompt=N_("what the story is about"))
    async def new(interaction: discord.Interaction, prompt: str) -> None:
        await run(interaction, Command.NEW, prompt)

    @story.command(name="continue", description=summary("continue"))
    @app_commands.describe(direction=N_("what should happen next (optional)"))
    async def continue_(interaction: discord.Interaction, direction: str | None = None) -> None:
        await run(interaction, Command.CONTINUE, direction or "")

    @story.command(name="choose", description=summary("choose"))
    @app_commands.describe(option=N_("the number of the option"))
    async def choose(
        interaction: discord.Interaction, option: app_commands.Range[int, 1, 25]
    ) -> None:
        await run(interaction, Command.CHOOSE, str(option))

    @choose.autocomplete("option")
    async def choose_options(interaction: discord.Interaction, current: str) -> list[Choice[int]]:
        labels = await handler.last_choices(handler.channel_of(interaction))
        return [
            Choice(name=short(f"{n}. {label}"), value=n)
            for n, label in enumerate(labels, start=1)
            if str(current).strip() in f"{n} {label.lower()}"
        ][:MAX_CHOICES]

    def simple(command: Command, *, private: bool = False) -> None:
        async def callback(interaction: discord.Interaction) -> None:
            await run(interaction, command, private=private)

        story.command(name=command.value, description=summary(command.value))(callback)

    for command in (
        Command.RECAP,
        Command.RETRY,
        Command.UNDO,
        Command.END,
        Command.RANDOM,
        Command.STORIES,
    ):
        simple(command)

    @story.command(name="export", description=summary("export"))
    @app_commands.describe(format_=N_("markdown (the default), or twine: every branch, for Twine"))
    @app_commands.rename(format_="format")
    @app_commands.choices(format_=[Choice(name=f, value=f) for f in EXPORT_FORMATS])
    async def export(interaction: discord.Interaction, format_: str = "markdown") -> None:
        await run(interaction, Command.EXPORT, "twine" if format_ == "twine" else "")

    @story.command(name="resume", description=summary("resume"))
    @app_commands.describe(story=N_("the story's number (see /story stories)"))
    async def resume(interaction: discord.Interaction, story: int) -> None:
        await run(interaction, Command.RESUME, str(story))

    @resume.autocomplete("story")
    async def story_ids(interaction: discord.Interaction, current: str) -> list[Choice[int]]:
        listed = await handler.channel_stories(handler.channel_of(interaction))
        typed = str(current).strip().lower()
        return [
            Choice(name=short(f"{number}. {title}"), value=number)
            for number, title in listed
            if typed in f"{number} {title.lower()}"
        ][:MAX_CHOICES]

    @story.command(name="forget", description=summary("forget"))
    @app_commands.describe(confirm=N_("true to really delete everything stored for this channel"))
    async def forget(interaction: discord.Interaction, confirm: bool = False) -> None:
        await run(interaction, Command.FORGET, "confirm" if confirm else "")

    @story.command(name="subscribe", description=summary("subscribe"))
    @app_commands.describe(
        time=N_("time of day, HH:MM (24 h)"), timezone=N_("e.g. Europe/Berlin (default UTC)")
    )
    async def subscribe(
        interaction: discord.Interaction, time: str, timezone: str | None = None
    ) -> None:
        await run(interaction, Command.SUBSCRIBE, f"{time} {timezone or ''}".strip())

    simple(Command.UNSUBSCRIBE)
    simple(Command.HELP, private=True)
    prompts = app_commands.Group(name="prompts", description=summary("prompts"), parent=story)
    settings = app_commands.Group(name="settings", description=summary("settings"), parent=story)

    @prompts.command(name="list", description=N_("the starter prompts and this channel's own"))
    async def prompts_list(interaction: discord.Interaction) -> None:
        await run(interaction, Command.PROMPTS, "list", private=True)

    @prompts.command(name="add", description=N_("add a prompt to this channel's library"))
    @app_commands.describe(text=N_("the story idea to keep"))
    async def prompts_add(interaction: discord.Interaction, text: str) -> None:
        await run(interaction, Command.PROMPTS, f"add {text}")

    @prompts.command(
        name="remove", description=N_("remove one of this channel's prompts (managers)")
    )
    @app_commands.describe(prompt=N_("the prompt's number"))
    async def prompts_remove(interaction: discord.Interaction, prompt: int) -> None:
        await run(interaction, Command.PROMPTS, f"remove {prompt}")

    @prompts.command(
        name="edit", description=N_("change the text of one of this channel's prompts (managers)")
    )
    @app_commands.describe(prompt=N_("the prompt's number"), text=N_("its new text"))
    async def prompts_edit(interaction: discord.Interaction, prompt: int, text: str) -> None:
        await run(interaction, Command.PROMPTS, f"edit {prompt} {text}")

    @prompts_remove.autocomplete("prompt")
    @prompts_edit.autocomplete("prompt")
    async def prompt_ids(interaction: discord.Interaction, current: str) -> list[Choice[int]]:
        own = await handler.channel_prompts(handler.channel_of(interaction))
        typed = str(current).strip().lower()
        return [
            Choice(name=short(f"{number}. {text}"), value=number)
            for number, text in own
            if typed in f"{number} {text.lower()}"
        ][:MAX_CHOICES]

    @settings.command(name="show", description=N_("this channel's story settings"))
    async def settings_show(interaction: discord.Interaction) -> None:
        await run(interaction, Command.SETTINGS, private=True)

    @settings.command(name="set", description=N_("change a story setting (managers)"))
    @app_commands.describe(key=N_("the setting to change"), value=N_("its new value"))
    @app_commands.choices(key=[Choice(name=key, value=key) for key in KEYS])
    async def settings_set(interaction: discord.Interaction, key: str, value: str) -> None:
        await run(interaction, Command.SETTINGS, f"{key} {value}")

    @settings_set.autocomplete("value")
    async def setting_values(interaction: discord.Interaction, current: str) -> list[Choice[str]]:
        key = str(getattr(interaction.namespace, "key", "") or "")
        free = key not in CLOSED_SETTINGS
        return _matching(setting_suggestions(key), str(current), free=free)

    return story
