"""The command set every platform shares, declared once with its help text.

Text platforms pass what follows ``/story`` to :func:`parse`; Discord maps its
native subcommands onto the same names. The registry is the single source for
help output, Telegram's command menu and Discord's subcommand descriptions.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Command(StrEnum):
    NEW = "new"
    CONTINUE = "continue"
    CHOOSE = "choose"
    RETRY = "retry"
    UNDO = "undo"
    RECAP = "recap"
    END = "end"
    RANDOM = "random"
    PROMPTS = "prompts"
    SETTINGS = "settings"
    EXPORT = "export"
    FORGET = "forget"
    SUBSCRIBE = "subscribe"
    UNSUBSCRIBE = "unsubscribe"
    HELP = "help"


@dataclass(frozen=True, slots=True)
class CommandSpec:
    command: Command
    usage: str
    summary: str
    manager_only: bool = False
    """Needs the request's ``can_manage`` flag (always true in DMs)."""
    hidden: bool = False
    """Not listed in help until the feature behind it is wired in."""
    native: str = ""
    """The usage where commands are native slash commands with options (Discord)."""


SPECS: tuple[CommandSpec, ...] = (
    CommandSpec(
        Command.NEW,
        "/story new <prompt>",
        "start a new story (the old one is archived)",
        native="/story new prompt:<text>",
    ),
    CommandSpec(
        Command.CONTINUE,
        "/story continue [what happens next]",
        "write the next part",
        native="/story continue [direction:<text>]",
    ),
    CommandSpec(
        Command.CHOOSE,
        "/story choose <n>",
        "take option n of the last part",
        native="/story choose option:<n>",
    ),
    CommandSpec(Command.RETRY, "/story retry", "rewrite the last part"),
    CommandSpec(Command.UNDO, "/story undo", "drop the last part"),
    CommandSpec(Command.RECAP, "/story recap", "a short summary of the story so far"),
    CommandSpec(Command.END, "/story end", "write an ending and archive the story"),
    CommandSpec(Command.RANDOM, "/story random", "start from a random prompt"),
    CommandSpec(
        Command.PROMPTS,
        "/story prompts [add <text> | remove <id>]",
        "list or edit this channel's prompt library",
        native="/story prompts list | add text:<text> | remove prompt:<id>",
    ),
    CommandSpec(
        Command.SETTINGS,
        "/story settings [<key> <value>]",
        "show or change genre, tone, length, language, rating, choices",
        native="/story settings show | set key:<key> value:<value>",
    ),
    CommandSpec(Command.EXPORT, "/story export", "the whole story as a Markdown file"),
    CommandSpec(
        Command.FORGET,
        "/story forget",
        "delete everything stored for this channel",
        manager_only=True,
        native="/story forget confirm:True",
    ),
    CommandSpec(
        Command.SUBSCRIBE,
        "/story subscribe <HH:MM> [timezone]",
        "a fresh story here every day at that time",
        manager_only=True,
        native="/story subscribe time:<HH:MM> [timezone:<name>]",
    ),
    CommandSpec(
        Command.UNSUBSCRIBE,
        "/story unsubscribe",
        "stop the story of the day",
        manager_only=True,
    ),
    CommandSpec(Command.HELP, "/story help", "this help"),
)

SPEC_BY_NAME: dict[str, CommandSpec] = {spec.command.value: spec for spec in SPECS}


def visible_specs() -> tuple[CommandSpec, ...]:
    return tuple(spec for spec in SPECS if not spec.hidden)


@dataclass(frozen=True, slots=True)
class Parsed:
    command: Command
    args: str


def parse(text: str) -> Parsed:
    """Split ``/story`` text into a subcommand and its arguments.

    Any text whose first word is not a subcommand is a prompt for ``new``; empty
    text asks for help. Never raises: every string has a reading.
    """
    stripped = text.strip()
    if not stripped:
        return Parsed(Command.HELP, "")
    head, _, rest = stripped.partition(" ")
    spec = SPEC_BY_NAME.get(head.lower())
    if spec is None or spec.hidden:
        return Parsed(Command.NEW, stripped)
    return Parsed(spec.command, rest.strip())


def parse_subcommand(text: str) -> Parsed | None:
    """Like :func:`parse`, but only when the text starts with a subcommand.

    Plain messages in DMs and threads use this: ``end`` ends the story, while
    ``the dragon wakes up`` is not a command at all.
    """
    head, _, rest = text.strip().partition(" ")
    spec = SPEC_BY_NAME.get(head.lower())
    if spec is None or spec.hidden:
        return None
    return Parsed(spec.command, rest.strip())


NATIVE_PLATFORMS = frozenset({"discord"})
"""Platforms whose users type native subcommands with named options, not text."""


def usage(command: Command, platform: str) -> str:
    """How a user on ``platform`` types ``command``."""
    spec = SPEC_BY_NAME[command.value]
    return spec.native if platform in NATIVE_PLATFORMS and spec.native else spec.usage
