"""The gettext catalogs as the platform tests read them: which languages have one, and
every translation in every ``.po`` file (read with Babel, as ``make i18n`` writes them).

Tests that need a translated language skip, saying why, until its catalog exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot.i18n import DOMAIN, LOCALE_DIR, catalog_path, translator

TRANSLATED = ("de", "fr", "ja")
"""The languages issue 18 asks for besides English, the source."""


def has_catalog(language: str) -> bool:
    """Whether ``language`` has a catalog the bot can load."""
    return catalog_path(language).is_file()


def needs_catalogs(*languages: str) -> pytest.MarkDecorator:
    """Skip unless every one of ``languages`` (all of :data:`TRANSLATED` by default) has
    its catalog."""
    missing = [language for language in languages or TRANSLATED if not has_catalog(language)]
    return pytest.mark.skipif(
        bool(missing), reason=f"no catalog yet for {', '.join(missing)} in {LOCALE_DIR}"
    )


@dataclass(frozen=True, slots=True)
class Entry:
    """One message of one catalog: its id, and what the catalog says for it (for a plural,
    each form). An English catalog's empty translation stands for the id itself."""

    language: str
    msgid: str
    forms: tuple[str, ...]
    context: str | None


def po_files() -> list[Path]:
    return sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def entries() -> list[Entry]:
    """Every translated message in every catalog (the header left out)."""
    found: list[Entry] = []
    for path in po_files():
        language = path.parents[1].name
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        for message in catalog:
            if not message.id:
                continue
            ids = [message.id] if isinstance(message.id, str) else [str(i) for i in message.id]
            strings = message.string
            strings = [strings] if isinstance(strings, str) else [str(s) for s in strings or ()]
            forms = tuple(s or ids[min(i, len(ids) - 1)] for i, s in enumerate(strings))
            found.append(Entry(language, ids[0], forms, message.context))
    return found


def needs_po_files() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not po_files(), reason=f"no .po catalog yet in {LOCALE_DIR}")


def translated(language: str, *msgids: str) -> None:
    """Skip, naming them, unless every one of ``msgids`` is translated in ``language``
    (new messages wait for their translator; the catalogs' own test lists them)."""
    words = translator(language).gettext
    untranslated = [msgid for msgid in msgids if words(msgid) == msgid]
    if untranslated:
        pytest.skip(f"not yet translated in {language}: {untranslated}")
