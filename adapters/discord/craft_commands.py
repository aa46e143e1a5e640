"""The story-craft part of the ``/story`` tree: world book, note, players, edit, branches,
share and import, as Discord's native subcommands with named options.

Each one becomes the same core command text the other platforms type (``world add
Mara: a thief``) and goes to the engine, which checks everything, managers
included. How they are typed is written in :data:`adapters.discord.commands.NATIVE_FORMS`;
a test keeps the two in agreement. ``/story edit`` opens a modal with the last
part's text instead of taking an option: a part is too long for one.
"""

# No ``from __future__ import annotations``: discord.py reads these callbacks'
# annotations to build the option types.

from typing import Protocol

import discord
from discord import app_commands

from adapters.discord.commands import MAX_CHOICES, Choice, StoryHandler, short, summary
from bot.commands import Command, Parsed
from bot.i18n import N_
from bot.identity import ChannelKey


class CraftHandler(StoryHandler, Protocol):
    """What the craft commands need from the adapter besides running commands."""

    async def world_names(self, channel: ChannelKey) -> list[str]: ...

    async def story_branches(self, channel: ChannelKey) -> list[tuple[int, str]]: ...

    async def open_editor(self, interaction: discord.Interaction) -> None:
        """Answer ``/story edit`` with the edit modal (or say why there is none)."""
        ...


def _typed(current: str) -> str:
    return str(current).strip().lower()


def add_craft_commands(story: app_commands.Group, handler: CraftHandler) -> None:
    """Add the ``world``, ``branches`` and ``players`` groups and the craft commands."""

    async def run(
        interaction: discord.Interaction, command: Command, args: str = "", *, private: bool = False
    ) -> None:
        await handler.run(interaction, Parsed(command, args), private=private)

    async def entry_names(interaction: discord.Interaction, current: str) -> list[Choice[str]]:
        names = await handler.world_names(handler.channel_of(interaction))
        typed = _typed(current)
        found = [name for name in names if typed in name.lower()]
        return [Choice(name=short(name), value=name[:100]) for name in found[:MAX_CHOICES]]

    world = app_commands.Group(name="world", description=summary("world"), parent=story)

    @world.command(name="list", description=N_("the names in this story's world book"))
    async def world_list(interaction: discord.Interaction) -> None:
        await run(interaction, Command.WORLD, "list", private=True)

    @world.command(
        name="add", description=N_("add a fact the storyteller is given when it comes up")
    )
    @app_commands.describe(
        name=N_("who or what it is; aliases after commas (Mara, the thief)"),
        description=N_("what the storyteller must know about it"),
    )
    async def world_add(
        interaction: discord.Interaction,
        name: app_commands.Range[str, 1, 200],
        description: app_commands.Range[str, 1, 1000],
    ) -> None:
        await run(interaction, Command.WORLD, f"add {name}: {description}")

    @world.command(name="show", description=N_("one entry of the world book"))
    @app_commands.describe(name=N_("the entry's name"))
    @app_commands.autocomplete(name=entry_names)
    async def world_show(interaction: discord.Interaction, name: str) -> None:
        await run(interaction, Command.WORLD, f"show {name}", private=True)

    @world.command(name="remove", description=N_("take an entry out of the world book (managers)"))
    @app_commands.describe(name=N_("the entry's name"))
    @app_commands.autocomplete(name=entry_names)
    async def world_remove(interaction: discord.Interaction, name: str) -> None:
        await run(interaction, Command.WORLD, f"remove {name}")

    @world.command(name="pin", description=N_("give an entry to the storyteller always (managers)"))
    @app_commands.describe(name=N_("the entry's name"))
    @app_commands.autocomplete(name=entry_names)
    async def world_pin(interaction: discord.Interaction, name: str) -> None:
        await run(interaction, Command.WORLD, f"pin {name}")

    @story.command(name="note", description=summary("note"))
    @app_commands.describe(
        text=N_("the note every part follows (leave out to see the note)"),
        clear=N_("true to remove the note"),
    )
    async def note(
        interaction: discord.Interaction,
        text: app_commands.Range[str, 1, 1000] | None = None,
        clear: bool = False,
    ) -> None:
        args = "clear" if clear else (text or "")
        await run(interaction, Command.NOTE, args, private=not args)

    players = app_commands.Group(
        name="players",
        description=N_("play a character; the players and their characters"),
        parent=story,
    )

    @players.command(name="join", description=summary("join"))
    @app_commands.describe(
        character=N_("your character's name"), about=N_("a few words about them")
    )
    async def players_join(
        interaction: discord.Interaction,
        character: app_commands.Range[str, 1, 100],
        about: app_commands.Range[str, 1, 300] | None = None,
    ) -> None:
        await run(interaction, Command.JOIN, f"{character}: {about}" if about else character)

    @players.command(name="list", description=summary("cast"))
    async def players_list(interaction: discord.Interaction) -> None:
        await run(interaction, Command.CAST, private=True)

    @players.command(name="leave", description=summary("leave"))
    async def players_leave(interaction: discord.Interaction) -> None:
        await run(interaction, Command.LEAVE)

    @story.command(name="edit", description=summary("edit"))
    async def edit(interaction: discord.Interaction) -> None:
        await handler.open_editor(interaction)

    branches = app_commands.Group(name="branches", description=summary("branches"), parent=story)

    @branches.command(name="list", description=summary("branches"))
    async def branches_list(interaction: discord.Interaction) -> None:
        await run(interaction, Command.BRANCHES, private=True)

    @branches.command(name="new", description=summary("branch"))
    @app_commands.describe(part=N_("the part to go on from; the parts after it become a branch"))
    async def branches_new(
        interaction: discord.Interaction, part: app_commands.Range[int, 1, 100_000]
    ) -> None:
        await run(interaction, Command.BRANCH, str(part))

    @branches.command(name="switch", description=summary("switch"))
    @app_commands.describe(branch=N_("the branch's number (see /story branches list)"))
    async def branches_switch(interaction: discord.Interaction, branch: int) -> None:
        await run(interaction, Command.SWITCH, str(branch))

    @branches_switch.autocomplete("branch")
    async def branch_ids(interaction: discord.Interaction, current: str) -> list[Choice[int]]:
        listed = await handler.story_branches(handler.channel_of(interaction))
        typed = _typed(current)
        return [
            Choice(name=short(f"{number}. {about}"), value=number)
            for number, about in listed
            if typed in f"{number} {about.lower()}"
        ][:MAX_CHOICES]

    @story.command(name="share", description=summary("share"))
    async def share(interaction: discord.Interaction) -> None:
        await run(interaction, Command.SHARE)

    @story.command(name="import", description=summary("import"))
    @app_commands.describe(code=N_("the share code, like ABCD-2345"))
    async def import_(
        interaction: discord.Interaction, code: app_commands.Range[str, 1, 20]
    ) -> None:
        await run(interaction, Command.IMPORT, code)
