"""The command set every platform shares, declared once, and the one place text becomes a command.

Text platforms hand the engine what follows ``/story`` (or a plain message);
:func:`read` turns it into a :class:`Parsed` command, and
:func:`needs_manager` says whether running it needs the channel's managers.
Discord's native options arrive already parsed. The registry is the single
source for help, Telegram's command menu and Discord's descriptions; each
platform writes usages in its own :class:`Dialect`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


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


class Mode(StrEnum):
    """How a request's text is read."""

    COMMAND = "command"
    """Text after ``/story``: a subcommand, or a prompt for a new story."""
    CHAT = "chat"
    """A plain message in a DM: a subcommand, else it steers the story (or starts one)."""
    THREAD = "thread"
    """A plain reply in a group thread: like CHAT, but ignored unless the thread has a story."""


@dataclass(frozen=True, slots=True)
class CommandSpec:
    command: Command
    summary: str
    forms: Mapping[str, str]
    """Usage templates in the text dialect, by action (``""`` is the whole command)."""
    manager_only: bool = False
    """Always needs the channel's managers (in DMs the sender manages their own story)."""

    @property
    def usage(self) -> str:
        return TEXT.usage(self.command)


def _spec(command: Command, summary: str, *forms: tuple[str, str], **kw: bool) -> CommandSpec:
    table = dict(forms) or {"": f"/story {command.value}"}
    return CommandSpec(command, summary, table, **kw)


SPECS: tuple[CommandSpec, ...] = (
    _spec(
        Command.NEW,
        "start a new story (the old one is archived)",
        ("", "/story new {prompt}"),
        ("start", "/story {prompt}"),
    ),
    _spec(
        Command.CONTINUE,
        "write the next part",
        ("", "/story continue [{direction}]"),
        ("steer", "/story continue {direction}"),
    ),
    _spec(Command.CHOOSE, "take option n of the last part", ("", "/story choose {n}")),
    _spec(Command.RETRY, "rewrite the last part"),
    _spec(Command.UNDO, "drop the last part"),
    _spec(Command.RECAP, "a short summary of the story so far"),
    _spec(Command.END, "write an ending and archive the story"),
    _spec(Command.RANDOM, "start from a random prompt"),
    _spec(
        Command.PROMPTS,
        "list or edit this channel's prompt library",
        ("", "/story prompts [add {text} | remove {id}]"),
        ("list", "/story prompts"),
        ("add", "/story prompts add {text}"),
        ("remove", "/story prompts remove {id}"),
    ),
    _spec(
        Command.SETTINGS,
        "show or change genre, tone, length, language, rating, choices",
        ("", "/story settings [{key} {value}]"),
        ("show", "/story settings"),
        ("set", "/story settings {key} {value}"),
    ),
    _spec(Command.EXPORT, "the whole story as a Markdown file"),
    _spec(
        Command.FORGET,
        "delete everything stored for this channel",
        ("", "/story forget"),
        ("confirm", "/story forget confirm"),
        manager_only=True,
    ),
    _spec(
        Command.SUBSCRIBE,
        "a fresh story here every day at that time",
        ("", "/story subscribe {time} [{timezone}]"),
        manager_only=True,
    ),
    _spec(Command.UNSUBSCRIBE, "stop the story of the day", manager_only=True),
    _spec(Command.HELP, "this help"),
)

SPEC_BY_NAME: dict[str, CommandSpec] = {spec.command.value: spec for spec in SPECS}

PLACEHOLDERS = {
    "direction": "what happens next",
    "time": "HH:MM",
}
"""How a template's placeholder is shown when no value is given (else ``<name>``)."""


class _Shown(dict[str, str]):
    def __missing__(self, name: str) -> str:
        return f"<{PLACEHOLDERS.get(name, name)}>"


def fill(template: str, values: Mapping[str, str]) -> str:
    """A usage template with the values given, and ``<placeholders>`` for the rest."""
    return template.format_map(_Shown(values))


class Dialect(Protocol):
    """How a platform's users type commands. Every hint and help line is written in it."""

    @property
    def prose_starts_story(self) -> bool:
        """Whether any text after ``/story`` that is not a subcommand starts a story."""
        ...

    def usage(self, command: Command, action: str = "", **values: str) -> str:
        """How to type ``command`` (its ``action``, e.g. ``add``), with ``values`` filled in."""
        ...


@dataclass(frozen=True, slots=True)
class TextDialect:
    """``/story <subcommand> <words>``: Telegram, Slack, the terminal, and the default."""

    prose_starts_story: bool = True

    def usage(self, command: Command, action: str = "", **values: str) -> str:
        forms = SPEC_BY_NAME[command.value].forms
        return fill(forms.get(action, forms[""]), values)


TEXT = TextDialect()


@dataclass(frozen=True, slots=True)
class Parsed:
    """A command and its argument text (newlines inside it kept)."""

    command: Command
    args: str = ""

    @property
    def action(self) -> str:
        """The first argument word, lowercased: ``add`` in ``prompts add a tale``."""
        return _split(self.args)[0].lower()

    @property
    def rest(self) -> str:
        """The arguments after :attr:`action`, newlines kept."""
        return _split(self.args)[1]


_HEAD = re.compile(r"(\S+)\s*(.*)", re.DOTALL)


def _split(text: str) -> tuple[str, str]:
    """The first word and the rest; any whitespace (newlines, tabs) separates them."""
    match = _HEAD.match(text.strip())
    if match is None:
        return "", ""
    return match.group(1), match.group(2).strip()


def parse_subcommand(text: str) -> Parsed | None:
    """The command the text starts with, or None when its first word is not a subcommand."""
    head, rest = _split(text)
    spec = SPEC_BY_NAME.get(head.lower())
    return None if spec is None else Parsed(spec.command, rest)


def parse(text: str) -> Parsed:
    """Text after ``/story``: a subcommand, else a prompt for ``new``; empty asks for help."""
    stripped = text.strip()
    if not stripped:
        return Parsed(Command.HELP)
    return parse_subcommand(stripped) or Parsed(Command.NEW, stripped)


def read(text: str, mode: Mode, *, has_story: bool) -> Parsed | None:
    """What a request's text asks for; None when it is not for the bot at all.

    In chat, a subcommand word runs it (``end`` ends the story), a bare number
    picks an option, and anything else steers the story or starts one. A
    thread reply with no story to steer is someone else's conversation.
    """
    if mode is Mode.COMMAND:
        return parse(text)
    stripped = text.strip()
    if mode is Mode.THREAD and not has_story:
        return None
    if not stripped:
        return Parsed(Command.HELP)
    found = parse_subcommand(stripped)
    if found is not None:
        return found
    if not has_story:
        return Parsed(Command.NEW, stripped)
    if is_number(stripped):
        return Parsed(Command.CHOOSE, stripped)
    return Parsed(Command.CONTINUE, stripped)


MANAGE_WORDS = frozenset({"remove", "delete", "rm"})


def needs_manager(parsed: Parsed) -> bool:
    """Changing settings, removing prompts, forget and subscriptions are for managers."""
    if SPEC_BY_NAME[parsed.command.value].manager_only:
        return True
    if parsed.command is Command.SETTINGS:
        return parsed.action not in ("", "show")
    return parsed.command is Command.PROMPTS and parsed.action in MANAGE_WORDS


_ASCII_NUMBER = re.compile(r"[0-9]{1,9}")


def is_number(text: str) -> bool:
    """ASCII digits only: ``str.isdigit`` also accepts ``²``, which ``int`` refuses."""
    return _ASCII_NUMBER.fullmatch(text) is not None
