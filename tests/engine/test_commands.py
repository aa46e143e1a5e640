"""Command parsing: every string has a reading, and subcommands are recognised."""

from __future__ import annotations

import pytest

from bot.commands import SPECS, Command, parse, parse_subcommand, visible_specs


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
    assert {spec.command for spec in visible_specs()} == set(Command)
