"""Every translation, placeholders filled, rendered by each platform's renderer, stays
within that platform's limit for that kind of text, or is split where the platform
splits (hypothesis over the catalogs read with Babel, as ``make i18n`` writes them)."""

from __future__ import annotations

import html
import re
from typing import Any

import discord
from discord.app_commands import TranslationContext, TranslationContextLocation, locale_str
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.discord import render as discord_render
from adapters.discord.locales import MAX_DESCRIPTION, CatalogTranslator
from adapters.discord.views import EditModal
from adapters.slack import render as slack_render
from adapters.telegram import render as telegram_render
from bot.commands import SPECS
from bot.i18n import LANGUAGES
from bot.splitting import split_text
from tests.i18n_catalogs import Entry, entries, needs_po_files

ENTRIES = entries()
pytestmark = needs_po_files()
_FIELD = re.compile(r"\{(\w+)(?:[:!][^{}]*)?\}|%\((\w+)\)[sd]")
VALUES = st.text(
    alphabet=st.sampled_from("ab <>&*_~`|#@:\n。！？「」日本語émoji😀"), min_size=0, max_size=40
)


@st.composite
def filled(draw: st.DrawFn) -> tuple[Entry, str]:
    """A catalog entry (any form) with every placeholder given a generated value."""
    entry = draw(st.sampled_from(ENTRIES)) if ENTRIES else None
    assert entry is not None
    form = draw(st.sampled_from(entry.forms))
    names = {a or b for a, b in _FIELD.findall(form)}
    values = {name: draw(VALUES) for name in sorted(names)}
    return entry, _FIELD.sub(lambda m: values[m.group(1) or m.group(2)], form)


def words(text: str) -> str:
    """The text without whitespace: what splitting must keep, character for character."""
    return "".join(text.split())


def split_within(text: str, limit: int, measure: object) -> list[str]:
    pieces = split_text(text, limit, measure)  # type: ignore[arg-type]
    assert words("".join(pieces)) == words(text)
    return pieces


fast = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fast
@given(filled())
def test_telegram_messages_alerts_and_buttons_fit(case: tuple[Entry, str]) -> None:
    _, text = case
    for piece in split_within(text, telegram_render.MAX_MESSAGE, telegram_render.utf16_len):
        assert telegram_render.utf16_len(piece) <= telegram_render.MAX_MESSAGE
        assert html.unescape(telegram_render.html_text(piece)) == piece  # escaped, not lost
    alert = telegram_render.alert_text(text)
    assert alert is None or len(alert) <= telegram_render.MAX_ALERT
    assert len(telegram_render.button_label(25, text)) <= telegram_render.MAX_BUTTON_LABEL


@fast
@given(filled())
def test_discord_content_and_buttons_fit(case: tuple[Entry, str]) -> None:
    _, text = case
    for piece in split_within(text, discord_render.MAX_CONTENT, discord_render.measure):
        assert len(discord_render.render(piece)) <= discord_render.MAX_CONTENT
    assert len(discord_render.button_label(25, text, limit=72)) <= 72


@fast
@given(filled())
def test_slack_sections_and_buttons_fit(case: tuple[Entry, str]) -> None:
    _, text = case
    for piece in split_within(text, slack_render.SECTION_LIMIT, slack_render.measure):
        (section,) = slack_render.message_blocks(piece)
        assert len(section["text"]["text"]) <= slack_render.SECTION_LIMIT
        assert "<" not in section["text"]["text"]  # no mention or link can form
    assert len(slack_render._label(25, text)) <= slack_render.BUTTON_LABEL_LIMIT


@fast
@given(filled())
def test_web_text_is_shown_as_written(case: tuple[Entry, str]) -> None:
    """The browser gets text (never HTML): escaped for a page, it reads back unchanged."""
    _, text = case
    assert html.unescape(html.escape(text)) == text
    assert "<" not in html.escape(text)


def test_every_language_s_telegram_menu_fits() -> None:
    for language in LANGUAGES:
        for command in telegram_render.menu(language):
            assert 1 <= len(command.description) <= telegram_render.MAX_COMMAND_DESCRIPTION


async def test_every_discord_description_fits_in_every_language() -> None:
    translator = CatalogTranslator()
    context: TranslationContext[Any, None] = TranslationContext(
        TranslationContextLocation.other, None
    )
    descriptions = {entry.msgid for entry in ENTRIES} | {spec.summary for spec in SPECS}
    for locale in discord.Locale:
        for msgid in descriptions:
            said = await translator.translate(locale_str(msgid), locale, context)
            assert said is None or 1 <= len(said) <= MAX_DESCRIPTION


def test_modals_fit_in_every_language() -> None:
    for language in LANGUAGES:
        view = slack_render.edit_view("text", "{}", language)
        for field in ("title", "submit", "close"):
            assert len(view[field]["text"]) <= slack_render.MAX_MODAL_TITLE
        modal = EditModal(handler=None, ref="1:1", text="text", language=language)  # type: ignore[arg-type]
        assert len(modal.title) <= 45
