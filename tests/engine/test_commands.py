"""Command parsing: every string has a reading, and subcommands are recognised."""

from __future__ import annotations

import pytest

from bot.commands import (
    SPECS,
    TEXT,
    Command,
    Mode,
    Parsed,
    Typo,
    is_number,
    needs_manager,
    parse,
    parse_subcommand,
    read,
)


@pytest.mark.parametrize(
    ("text", "command", "args"),
    [
        ("", Command.HELP, ""),
        ("   ", Command.HELP, ""),
        ("help", Command.HELP, ""),
        ("a dragon named Ember", Command.NEW, "a dragon named Ember"),
        ("new  a dragon", Command.NEW, "a dragon"),
        ("NEW a dragon", Command.NEW, "a dragon"),
        ("continue", Command.CONTINUE, ""),
        ("continue the dragon sneezes", Command.CONTINUE, "the dragon sneezes"),
        ("choose 2", Command.CHOOSE, "2"),
        ("settings genre sci-fi", Command.SETTINGS, "genre sci-fi"),
        ("prompts add a lost key", Command.PROMPTS, "add a lost key"),
        ("forget confirm", Command.FORGET, "confirm"),
        ("subscribe 09:00 Europe/Paris", Command.SUBSCRIBE, "09:00 Europe/Paris"),
        ("endless night", Command.NEW, "endless night"),
    ],
)
def test_parse(text: str, command: Command, args: str) -> None:
    parsed = parse(text)
    assert (parsed.command, parsed.args) == (command, args)


def test_plain_text_is_not_a_subcommand() -> None:
    assert parse_subcommand("the dragon wakes") is None
    sub = parse_subcommand("end")
    assert sub is not None
    assert sub.command is Command.END


def test_every_command_has_help() -> None:
    assert {spec.command for spec in SPECS} == set(Command)
    assert all(spec.usage.startswith("/story") and spec.summary for spec in SPECS)


@pytest.mark.parametrize("space", ["\n", "\t", "\r\n", " \n ", "\u00a0"])
def test_any_whitespace_separates_a_subcommand_from_its_arguments(space: str) -> None:
    """``/story continue`` then a new line was read as a new story and archived the old one."""
    parsed = parse(f"continue{space}the dragon wakes\nand yawns")
    assert parsed.command is Command.CONTINUE
    assert parsed.args == "the dragon wakes\nand yawns"
    found = read(f"end{space}now", Mode.CHAT, has_story=True)
    assert found == Parsed(Command.END, "now")


def test_parsed_action_and_rest_keep_newlines() -> None:
    parsed = Parsed(Command.PROMPTS, "ADD\ta tale\nin two lines")
    assert parsed.action == "add"
    assert parsed.rest == "a tale\nin two lines"


@pytest.mark.parametrize(
    ("text", "mode", "has_story", "expected"),
    [
        ("a dragon", Mode.CHAT, False, Parsed(Command.NEW, "a dragon")),
        ("a dragon", Mode.CHAT, True, Parsed(Command.CONTINUE, "a dragon")),
        ("2", Mode.CHAT, True, Parsed(Command.CHOOSE, "2")),
        ("²", Mode.CHAT, True, Parsed(Command.CONTINUE, "²")),
        ("", Mode.CHAT, True, Parsed(Command.HELP)),
        ("recap", Mode.THREAD, True, Parsed(Command.RECAP)),
        ("the dragon", Mode.THREAD, False, None),
        ("recap", Mode.THREAD, False, None),
        ("the dragon", Mode.COMMAND, True, Parsed(Command.NEW, "the dragon")),
    ],
)
def test_read(text: str, mode: Mode, has_story: bool, expected: Parsed | None) -> None:
    assert read(text, mode, has_story=has_story) == expected


@pytest.mark.parametrize(
    ("parsed", "needed"),
    [
        (Parsed(Command.SETTINGS), False),
        (Parsed(Command.SETTINGS, "show"), False),
        (Parsed(Command.SETTINGS, "genre sci-fi"), True),
        (Parsed(Command.PROMPTS, "add a tale"), False),
        (Parsed(Command.PROMPTS, "remove 3"), True),
        (Parsed(Command.PROMPTS, "RM 3"), True),
        (Parsed(Command.FORGET), True),
        (Parsed(Command.SUBSCRIBE, "09:00"), True),
        (Parsed(Command.UNSUBSCRIBE), True),
        (Parsed(Command.CONTINUE, "remove the hat"), False),
    ],
)
def test_who_may_run_what(parsed: Parsed, needed: bool) -> None:
    assert needs_manager(parsed) is needed


def test_numbers_are_ascii_digits_only() -> None:
    assert is_number("12")
    assert not any(is_number(text) for text in ("²", "١", "1.5", "", " 1", "1" * 10))


def test_text_dialect_fills_placeholders() -> None:
    assert TEXT.usage(Command.NEW, "start") == "/story <prompt>"
    assert TEXT.usage(Command.SETTINGS, "set", key="choices", value="on") == (
        "/story settings choices on"
    )
    assert TEXT.usage(Command.CONTINUE) == "/story continue [<what happens next>]"
    assert TEXT.usage(Command.RETRY) == "/story retry"


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("recapp", Command.RECAP),
        ("Recpa", Command.RECAP),
        ("contineu", Command.CONTINUE),
        ("endd", Command.END),
        ("setting length long", Command.SETTINGS),
        ("prompt add a lost key", Command.PROMPTS),
        ("chose 2", Command.CHOOSE),
        ("subscrbe 09:00 UTC", Command.SUBSCRIBE),
    ],
)
def test_near_misses_are_typos_not_stories(text: str, meant: Command) -> None:
    assert read(text, Mode.COMMAND, has_story=True) == Typo(meant, text.split()[0])


@pytest.mark.parametrize(
    "text",
    [
        "and",
        "a dragon",
        "news from the front",
        "endless night",
        "setting sun over the bay",
        "new recapp",
        "the recap",
        "dragons",
    ],
)
def test_real_prompts_still_start_stories(text: str) -> None:
    parsed = read(text, Mode.COMMAND, has_story=True)
    assert isinstance(parsed, Parsed)
    assert parsed.command is Command.NEW


def test_typos_are_only_read_after_story() -> None:
    """In chat, a single word steers the story ("recapp" may be a name); no guessing there."""
    assert read("recapp", Mode.CHAT, has_story=True) == Parsed(Command.CONTINUE, "recapp")
