"""bot.i18n on its own: which language a tag names, the catalogs read from .po files,
and a turn's language kept to the steps of its own stream."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from datetime import UTC, datetime

from bot import i18n
from bot.i18n import Spoken, _, choose, named, speaking, spoken, supported


def test_languages_are_the_catalogs_present() -> None:
    assert i18n.LANGUAGES == ("en", "de", "fr", "ja")
    assert i18n.NAMES == {"en": "English", "de": "Deutsch", "fr": "Français", "ja": "日本語"}
    found = {p.parent.parent.name for p in i18n.LOCALE_DIR.glob("*/LC_MESSAGES/storybot.po")}
    assert found == set(i18n.LANGUAGES) - {"en"}
    assert not list(i18n.LOCALE_DIR.rglob("*.mo"))  # read as .po: nothing compiled to go stale


def test_platform_tags_name_languages() -> None:
    assert supported("de") == "de"
    assert supported("en-GB") == "en"
    assert supported("ja_JP") == "ja"
    assert supported("fr-CA") == "fr"
    assert supported("pt-BR") is None
    assert supported("") is None
    assert supported("de; rm -rf") is None


def test_choose_takes_the_first_supported_tag_else_the_default() -> None:
    assert choose(None, "de", default="en") == "de"
    assert choose("fr", "de") == "fr"
    assert choose("", "tlh", default="ja") == "ja"
    assert choose("tlh", default="xx") == "en"  # a bad default is the source language


def test_a_setting_may_name_a_language_any_common_way() -> None:
    assert named("Deutsch") == "de"
    assert named("german") == "de"
    assert named("FRANÇAIS") == "fr"
    assert named("Japanese") == "ja"
    assert named("日本語") == "ja"
    assert named("ja-JP") == "ja"
    assert named("Klingon") is None


def test_accept_language_is_read_by_weight() -> None:
    assert i18n.accepted("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5") == [
        "fr-CH",
        "fr",
        "en",
        "de",
    ]
    assert i18n.accepted("de;q=0, ja") == ["ja"]


def test_messages_dates_and_numbers_follow_the_spoken_language() -> None:
    day = datetime(2026, 12, 3, 12, tzinfo=UTC).timestamp()
    with spoken("de"):
        assert _("this help") == "diese Hilfe"
        assert i18n.ngettext("{count} part", "{count} parts", 2) == "{count} Teile"
        assert i18n.date(day) == "03.12.2026"
        assert i18n.number(12000) == "12.000"
    with spoken("ja"):
        assert i18n.ngettext("{count} part", "{count} parts", 2) == "{count}話"
        assert i18n.date(day) == "2026/12/03"
    with spoken("fr"):
        assert i18n.ngettext("{count} part", "{count} parts", 1) == "{count} partie"
        assert i18n.ngettext("{count} part", "{count} parts", 0) == "{count} partie"
        assert i18n.listed(["a", "b", "c"]) == "a, b et c"
    assert speaking() == "en"
    assert i18n.date(day) == "2026-12-03"  # English keeps the ISO day it always showed
    assert _("this help") == "this help"


def test_unknown_messages_and_languages_fall_back_to_the_text_given() -> None:
    assert i18n.translator("de").gettext("never a message id") == "never a message id"
    assert i18n.translator("tlh").gettext("this help") == "this help"


async def test_each_step_of_a_stream_runs_in_its_language_whoever_reads_it() -> None:
    async def words() -> AsyncGenerator[str, None]:
        yield _("this help")
        await asyncio.sleep(0)
        yield _("this help")

    stream = Spoken(words(), "fr")
    first = await anext(stream)
    assert speaking() == "en"  # the reader's language is put back between steps
    second = await asyncio.create_task(anext(stream))  # another task reads the next step
    assert (first, second) == ("cette aide", "cette aide")
