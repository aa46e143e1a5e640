"""Every message the code can show is translated in every catalog, keeping its
placeholders and markup: no reader gets English by silent fallback.

The messages are extracted here with Babel's own API and the project's mapping
(``babel.cfg``), so a message added to the code without a translation fails this
test even before anyone runs ``make i18n``.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from bot import i18n

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = [language for language in i18n.LANGUAGES if language != i18n.SOURCE]

MessageId = str | tuple[str, str]


@cache
def extracted() -> dict[MessageId, str]:
    """Every message id in the sources, with where it was found first."""
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found: dict[MessageId, str] = {}
    for filename, _lineno, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=DEFAULT_KEYWORDS
    ):
        key: MessageId = message if isinstance(message, str) else (message[0], message[1])
        if key and key != ("", ""):
            found.setdefault(key, filename)
    return found


@cache
def catalog(language: str) -> Catalog:
    with i18n.catalog_path(language).open("rb") as po:
        return read_po(po, locale=language, domain=i18n.DOMAIN)


def forms(language: str, key: MessageId) -> tuple[str, ...]:
    """The translation's forms (one, or one per plural category), or () when missing."""
    message = catalog(language).get(key if isinstance(key, str) else key[0])
    if message is None or (isinstance(key, tuple) != message.pluralizable):
        return ()
    string = message.string
    if string is None:
        return ()
    return (string,) if isinstance(string, str) else tuple(string)


_PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\([a-z_]+\)[sd]|%[sd]")
_CODE = re.compile(r"`[^`]*`")
_TAG = re.compile(r"<[^<>\n]*>")
_COMMAND = re.compile(r"(?<![\w/])/[a-z]+")


def shape(text: str) -> dict[str, Counter[str]]:
    """What must survive translation unchanged: placeholders, code spans (what users
    type, settings names), tags and typed ``<placeholders>``, slash commands, and the
    emphasis marks of the platforms' markup."""
    outside = _CODE.sub("", text)
    return {
        "placeholders": Counter(_PLACEHOLDER.findall(text)),
        "code": Counter(_CODE.findall(text)),
        "tags": Counter(_TAG.findall(outside)),
        "commands": Counter(_COMMAND.findall(outside)),
        "marks": Counter(c for c in _PLACEHOLDER.sub("", outside) if c in "*_~|"),
    }


def test_the_sources_have_messages_and_the_catalogs_exist() -> None:
    assert len(extracted()) > 200  # the extractor really read the code
    assert {"de", "fr", "ja"} <= set(TRANSLATED)
    assert any(isinstance(key, tuple) for key in extracted())  # plurals are extracted as such


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated(language: str) -> None:
    missing = [
        f"{where}: {key!r}"
        for key, where in extracted().items()
        if not all(forms(language, key)) or not forms(language, key)
    ]
    assert not missing, f"{len(missing)} untranslated in {language}:\n" + "\n".join(missing)


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_translation_is_fuzzy(language: str) -> None:
    fuzzy = [m.id for m in catalog(language) if m.id and m.fuzzy]
    assert not fuzzy, f"fuzzy in {language} (not used at run time): {fuzzy}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_plurals_have_every_form_the_language_needs(language: str) -> None:
    needed = get_plural(language).num_plurals  # Babel's CLDR rules: de 2, fr 3, ja 1
    assert catalog(language).num_plurals == needed  # the header's Plural-Forms agrees
    for key in extracted():
        if isinstance(key, tuple):
            assert len(forms(language, key)) == needed, (language, key)


@pytest.mark.parametrize("language", TRANSLATED)
def test_placeholders_and_markup_are_kept(language: str) -> None:
    wrong = []
    for key in extracted():
        source = shape(key[-1] if isinstance(key, tuple) else key)
        for form in forms(language, key):
            if form and shape(form) != source:
                wrong.append(f"{key!r}\n  -> {form!r}\n  {shape(form)} != {source}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_catalog_loads_and_translates(language: str) -> None:
    translated = i18n.translator(language).gettext("this help")
    assert translated
    assert translated != "this help"


def test_a_broken_translation_is_caught_by_the_shape_check() -> None:
    """The check above can fail: a dropped placeholder or code span changes the shape."""
    source = "Unknown setting `{key}`. Use /story help."
    assert shape("Unbekannte Einstellung `{key}`. Nimm /story help.") == shape(source)
    assert shape("Unbekannte Einstellung. Nimm /story help.") != shape(source)
    assert shape("Unbekannte Einstellung `{schlüssel}`. Nimm /story help.") != shape(source)
    assert shape("Unbekannte Einstellung `{key}`. Nimm /geschichte hilfe.") != shape(source)


def test_an_installed_storybot_carries_every_catalog() -> None:
    """The Docker image installs a wheel: its package data must name the catalogs."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["bot"]
    shipped = {path for pattern in patterns for path in (ROOT / "bot").glob(pattern)}
    catalogs = {i18n.catalog_path(language) for language in TRANSLATED}
    assert catalogs <= shipped
    assert ROOT / "bot" / "locale" / "storybot.pot" in shipped
    assert any(dep.lower().startswith("babel") for dep in config["project"]["dependencies"])
