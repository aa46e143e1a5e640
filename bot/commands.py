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

from bot.i18n import N_, _, translator


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
    STORIES = "stories"
    RESUME = "resume"
    EDIT = "edit"
    BRANCH = "branch"
    BRANCHES = "branches"
    SWITCH = "switch"
    WORLD = "world"
    NOTE = "note"
    JOIN = "join"
    CAST = "cast"
    LEAVE = "leave"
    SHARE = "share"
    IMPORT = "import"
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

    def summary_in(self, language: str) -> str:
        """The summary in ``language``, for menus an adapter builds outside any turn
        (Telegram's command list, Discord's descriptions); ``summary`` is the msgid."""
        return translator(language).gettext(self.summary)


def _spec(command: Command, summary: str, *forms: tuple[str, str], **kw: bool) -> CommandSpec:
    table = dict(forms) or {"": f"/story {command.value}"}
    return CommandSpec(command, summary, table, **kw)


SPECS: tuple[CommandSpec, ...] = (
    _spec(
        Command.NEW,
        N_("start a new story (the old one is archived)"),
        ("", "/story new {prompt}"),
        ("start", "/story {prompt}"),
    ),
    _spec(
        Command.CONTINUE,
        N_("write the next part"),
        ("", "/story continue [{direction}]"),
        ("steer", "/story continue {direction}"),
    ),
    _spec(Command.CHOOSE, N_("take option n of the last part"), ("", "/story choose {n}")),
    _spec(Command.RETRY, N_("rewrite the last part")),
    _spec(Command.UNDO, N_("drop the last part")),
    _spec(Command.RECAP, N_("a short summary of the story so far")),
    _spec(Command.END, N_("write an ending and archive the story")),
    _spec(Command.RANDOM, N_("start from a random prompt")),
    _spec(Command.STORIES, N_("list this channel's stories, current and archived")),
    _spec(
        Command.RESUME,
        N_("continue an earlier story (the current one is archived)"),
        ("", "/story resume {id}"),
    ),
    _spec(
        Command.PROMPTS,
        N_("list or edit this channel's prompt library"),
        ("", "/story prompts [add {text} | edit {id} {text} | remove {id}]"),
        ("list", "/story prompts"),
        ("add", "/story prompts add {text}"),
        ("edit", "/story prompts edit {id} {text}"),
        ("remove", "/story prompts remove {id}"),
    ),
    _spec(
        Command.SETTINGS,
        N_("show or change genre, tone, length, language, rating, choices"),
        ("", "/story settings [{key} {value}]"),
        ("show", "/story settings"),
        ("set", "/story settings {key} {value}"),
    ),
    _spec(
        Command.EDIT,
        N_("replace the last part's text (the old one is kept)"),
        ("", "/story edit {text}"),
    ),
    _spec(
        Command.BRANCH,
        N_("start a new line from part n (the rest is kept as a branch)"),
        ("", "/story branch {n}"),
    ),
    _spec(Command.BRANCHES, N_("list the story's branches: where they fork, how long")),
    _spec(Command.SWITCH, N_("continue another branch"), ("", "/story switch {branch}")),
    _spec(
        Command.WORLD,
        N_("the world book: facts the storyteller is given when they come up"),
        ("", "/story world [add {name}: {description} | show {name} | remove {name} | pin {name}]"),
        ("list", "/story world"),
        ("add", "/story world add {name}[, {alias}]: {description}"),
        ("show", "/story world show {name}"),
        ("remove", "/story world remove {name}"),
        ("pin", "/story world pin {name}"),
    ),
    _spec(
        Command.NOTE,
        N_("the author's note every part follows (tone, pacing, a fact)"),
        ("", "/story note [{text} | clear]"),
        ("set", "/story note {text}"),
        ("clear", "/story note clear"),
    ),
    _spec(
        Command.JOIN,
        N_("play a character in this story"),
        ("", "/story join {character}: {description}"),
    ),
    _spec(Command.CAST, N_("the players and their characters")),
    _spec(Command.LEAVE, N_("stop playing your character")),
    _spec(Command.SHARE, N_("a code to copy this story to any channel (valid 24 h)")),
    _spec(Command.IMPORT, N_("start a copy of a shared story here"), ("", "/story import {code}")),
    _spec(
        Command.EXPORT,
        N_("the whole story as a Markdown file, or as Twine with its branches"),
        ("", "/story export [twine]"),
        ("twine", "/story export twine"),
    ),
    _spec(
        Command.FORGET,
        N_("delete everything stored for this channel"),
        ("", "/story forget"),
        ("confirm", "/story forget confirm"),
        manager_only=True,
    ),
    _spec(
        Command.SUBSCRIBE,
        N_("a fresh story here every day at that time"),
        ("", "/story subscribe {time} [{timezone}]"),
        manager_only=True,
    ),
    _spec(Command.UNSUBSCRIBE, N_("stop the story of the day"), manager_only=True),
    _spec(Command.HELP, N_("this help")),
)

SPEC_BY_NAME: dict[str, CommandSpec] = {spec.command.value: spec for spec in SPECS}

PLACEHOLDERS = {
    "prompt": N_("prompt"),
    "direction": N_("what happens next"),
    "n": N_("n"),
    "id": N_("id"),
    "text": N_("text"),
    "key": N_("key"),
    "value": N_("value"),
    "name": N_("name"),
    "alias": N_("alias"),
    "description": N_("description"),
    "character": N_("character"),
    "code": N_("code"),
    "branch": N_("branch"),
    "time": "HH:MM",
    "timezone": N_("timezone"),
}
"""How a template's placeholder is shown when no value is given, in the reader's
language (else ``<name>``). What users type around it stays as it is."""


class _Shown(dict[str, str]):
    def __missing__(self, name: str) -> str:
        return f"<{_(PLACEHOLDERS.get(name, name))}>"


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


@dataclass(frozen=True, slots=True)
class Typo:
    """``/story recapp``: almost a subcommand. Answered with a question, never a new story."""

    meant: Command
    typed: str


def read(text: str, mode: Mode, *, has_story: bool) -> Parsed | Typo | None:
    """What a request's text asks for; None when it is not for the bot at all.

    After ``/story``, text that is nearly a subcommand (see :func:`typo_of`) is a
    :class:`Typo`: starting a story from it would archive the running one. In
    chat, a subcommand word runs it (``end`` ends the story), a bare number
    picks an option, and anything else steers the story or starts one. A
    thread reply with no story to steer is someone else's conversation.
    """
    if mode is Mode.COMMAND:
        parsed = parse(text)
        if parsed.command is Command.NEW and parsed.args == text.strip():
            return typo_of(parsed.args) or parsed
        return parsed
    stripped = text.strip()
    if mode is Mode.THREAD and not has_story:
        return None
    if not stripped:
        return Parsed(Command.HELP)
    if stripped.lower().strip(" !.,?") in HELLOS:
        return Parsed(Command.HELP, GREETING)
    found = parse_subcommand(stripped)
    if found is not None:
        return found
    if not has_story:
        return Parsed(Command.NEW, stripped)
    if is_number(stripped):
        return Parsed(Command.CHOOSE, stripped)
    return Parsed(Command.CONTINUE, stripped)


def edits(a: str, b: str, most: int) -> int:
    """Levenshtein distance, or ``most + 1`` as soon as it is known to exceed ``most``."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
        if min(row) > most:
            return most + 1
    return row[-1]


_ARGUMENTS_LOOK_LIKE: dict[Command, re.Pattern[str]] = {
    Command.SETTINGS: re.compile(
        r"(genre|tone|length|language|rating|choices|voting|vote_seconds|turns|ui)\b", re.I
    ),
    Command.PROMPTS: re.compile(r"(add|edit|remove|delete|rm|list)\b", re.I),
    Command.CHOOSE: re.compile(r"[0-9]{1,2}\.?$"),
    Command.SUBSCRIBE: re.compile(r"[0-9]{1,2}:[0-9]{2}\b"),
    Command.FORGET: re.compile(r"confirm$", re.I),
    Command.RESUME: re.compile(r"[0-9]{1,9}$"),
}
"""Arguments so typical of a command that a near-miss first word is surely that command."""


def typo_of(text: str) -> Typo | None:
    """The subcommand ``text`` nearly names, if it is a slip rather than a story idea.

    A single word within two edits of a subcommand (for words of four letters or
    fewer, where real words lie that close, one edit and the same first letter:
    "and" is not "end"), or a near-miss first word followed by that command's
    typical arguments: ``setting length long``.
    """
    words = text.split()
    if not words or len(words[0]) > 12:
        return None
    head = words[0].lower()
    rest = text.strip()[len(words[0]) :].strip()
    best: tuple[int, Command] | None = None
    for spec in SPECS:
        name = spec.command.value
        short = min(len(head), len(name)) <= 4
        if short and head[0] != name[0]:
            continue
        most = 1 if short else 2
        distance = edits(head, name, most)
        if distance > most or (best is not None and distance >= best[0]):
            continue
        pattern = _ARGUMENTS_LOOK_LIKE.get(spec.command)
        if len(words) == 1 or (pattern is not None and pattern.match(rest)):
            best = (distance, spec.command)
    return Typo(best[1], words[0]) if best is not None else None


MANAGE_WORDS = frozenset({"remove", "delete", "rm"})
GREETING = "greeting"
"""``help``'s action for a hello in a chat: the story waiting there, or how to begin."""
HELLOS = frozenset(
    {"hi", "hello", "hey", "hallo", "guten tag", "bonjour", "salut", "こんにちは", "start"}
)
"""A chat that opens with one of these wants to know where things stand, not a story
about "hello" (or, with a story running, "hello" as its next event)."""


def needs_manager(parsed: Parsed) -> bool:
    """Changing settings, editing or removing prompts, forget and subscriptions are for
    managers."""
    if SPEC_BY_NAME[parsed.command.value].manager_only:
        return True
    if parsed.command is Command.SETTINGS:
        return parsed.action not in ("", "show")
    if parsed.command is Command.WORLD:
        return parsed.action in (*MANAGE_WORDS, "pin", "unpin")
    if parsed.command is Command.NOTE:
        return bool(parsed.action)  # setting or clearing the note; reading it is open
    return parsed.command is Command.PROMPTS and parsed.action in (*MANAGE_WORDS, "edit")


STORY = "/story"


def typed(line: str) -> tuple[str, Mode]:
    """A line typed into a chat box (the terminal, the browser): text after ``/story`` is
    read as a command, anything else as chat."""
    text = line.strip()
    head = text[: len(STORY) + 1]
    if head.lower() == STORY or (head[:-1].lower() == STORY and head[-1].isspace()):
        return text[len(STORY) :].strip(), Mode.COMMAND
    return text, Mode.CHAT


_ASCII_NUMBER = re.compile(r"[0-9]{1,9}")


def is_number(text: str) -> bool:
    """ASCII digits only: ``str.isdigit`` also accepts ``²``, which ``int`` refuses."""
    return _ASCII_NUMBER.fullmatch(text) is not None
