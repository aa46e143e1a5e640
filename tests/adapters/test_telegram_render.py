"""Telegram formatting on its own: escaping, lengths, keyboards, and the fake's HTML check."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.telegram import render
from adapters.telegram.render import (
    MAX_CALLBACK_DATA,
    alert_text,
    button_label,
    choice_data,
    html_text,
    keyboard,
    parse_choice_data,
    utf16_len,
)
from bot.commands import SPECS
from bot.delivery import Choices
from bot.i18n import LANGUAGES
from tests.fakes.telegram_api import EntityError, parse_html


@given(st.text())
def test_escaped_text_always_parses_back_to_itself(text: str) -> None:
    assert parse_html(html_text(text)) == text


@pytest.mark.parametrize(
    "text",
    [
        "<b>bold",
        "a < b",
        "<script>alert(1)</script>",
        "fish & chips",
        "&nbsp;",
        "&amp",
        "<b><i>x</b></i>",
        "<br/>",
        "<!-- hi -->",
        "<a>no href</a>",
    ],
)
def test_the_fake_refuses_html_telegram_refuses(text: str) -> None:
    with pytest.raises(EntityError):
        parse_html(text)


def test_the_fake_accepts_telegram_html() -> None:
    text = '<b>a</b> &lt;&gt;&amp;&quot; &#39; &#x1F600; <a href="https://x">l</a> > ok'
    assert parse_html(text) == "a <>&\" ' 😀 l > ok"


def test_model_markup_is_shown_as_text() -> None:
    text = "<b>Bold</b> & <script>x()</script>"
    assert html_text(text) == "&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;script&gt;x()&lt;/script&gt;"


def test_length_counts_utf16_code_units() -> None:
    assert utf16_len("abc") == 3
    assert utf16_len("🐉") == 2
    assert utf16_len("é") == 1


def test_choice_data_round_trips_and_fits() -> None:
    data = choice_data("12:3", 2)
    assert data == "c|12:3|2"
    assert parse_choice_data(data) == ("12:3", 2)
    assert choice_data("x" * 80, 1) is None
    long_ref = "9" * (MAX_CALLBACK_DATA - 5)
    assert len((choice_data(long_ref, 1) or "").encode()) <= MAX_CALLBACK_DATA


@pytest.mark.parametrize("data", [None, "", "c|", "c|1:2|x", "x|1:2|1", "c||1"])
def test_other_button_data_is_not_a_choice(data: str | None) -> None:
    assert parse_choice_data(data) is None


def test_keyboard_has_one_numbered_button_per_choice() -> None:
    markup = keyboard(Choices(("Go left", "Go right"), "5:1"))
    assert markup is not None
    rows = markup.inline_keyboard
    assert [[b.text for b in row] for row in rows] == [["1. Go left"], ["2. Go right"]]
    assert [row[0].callback_data for row in rows] == ["c|5:1|1", "c|5:1|2"]


def test_no_keyboard_without_choices_or_ref() -> None:
    assert keyboard(None) is None
    assert keyboard(Choices((), "5:1")) is None
    assert keyboard(Choices(("a",), None)) is None


def test_long_labels_are_shortened() -> None:
    label = button_label(1, "word " * 40)
    assert len(label) <= 48
    assert label.startswith("1. word")
    assert label.endswith("…")


def test_alert_text_only_when_it_fits() -> None:
    assert alert_text("  moved on  ") == "moved on"
    assert alert_text("x" * 201) is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_command_menu_has_every_command_within_telegrams_limits(language: str) -> None:
    """setMyCommands refuses more than 100 commands, names other than 1-32 lowercase
    letters, digits and underscores, and descriptions outside 1-256 characters."""
    menu = render.menu(language)
    names = [command.command for command in menu]
    assert len(menu) <= 100
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z0-9_]{1,32}", name) for name in names), names
    assert all(1 <= len(command.description) <= 256 for command in menu)
    assert {spec.command.value for spec in SPECS} | {"story", "start"} == set(names)
    assert {"world", "note", "join", "edit", "branches", "switch", "share", "import"} <= set(names)
