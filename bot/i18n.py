"""Which language Storybot answers in, and the gettext catalogs it answers from.

Every sentence a user reads is a gettext message, extracted by Babel (``make i18n``)
into ``bot/locale/<lang>/LC_MESSAGES/storybot.po``. The ``.po`` files are read as
they are, at run time (parsed by Babel and compiled in memory once per language,
about 20 ms each), and no ``.mo`` is committed or built: ``make run`` needs no
compile step, a clone's reset mtimes cannot make a compiled catalog look fresh,
and a translation cannot differ from the file a translator reviewed. A new
language is one more ``.po`` file: :data:`LANGUAGES` is whatever catalogs exist,
and a language's names come from Babel's locale data. Fuzzy entries are not used
(a test fails on them: nothing falls back to English silently).

The language is decided once per turn, in admission (:func:`choose`: the channel's
``ui`` setting, else the sender's platform locale, else ``i18n.default``), and then
*spoken* for the rest of that turn: :class:`Spoken` runs each step of the
turn's reply stream with it in a context variable that the reply functions read
through :func:`_`. A context variable rather than a parameter because the words
are chosen in a hundred small reply functions, ten calls away from the one place
that knows the language; applied per step (and reset after it) because the task
that reads the stream is the adapter's, not the engine's, and may change.
Adapters render their own chrome (buttons, menus, modals) with :func:`translator`
and the language the :class:`~bot.types.Final` carries, explicitly.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Generic, TypeVar

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

DOMAIN = "storybot"
LOCALE_DIR = Path(__file__).parent / "locale"

SOURCE = "en"
"""The language the messages are written in; its catalog is the identity."""


def _discovered() -> tuple[str, ...]:
    found = sorted(
        path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")
    )
    return (SOURCE, *(language for language in found if language != SOURCE))


LANGUAGES: tuple[str, ...] = _discovered()
"""Every language with a catalog, the source first, then by code (menus list them so)."""


def native_name(language: str) -> str:
    """A language's name in itself, capitalised as a menu shows it (Français)."""
    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


NAMES: dict[str, str] = {language: native_name(language) for language in LANGUAGES}
"""Each language's name in itself (English, Deutsch, Français, 日本語)."""

_speaking: ContextVar[str] = ContextVar("storybot_language", default=SOURCE)
T = TypeVar("T")
_TAG = re.compile(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*")


def supported(tag: str | None) -> str | None:
    """The supported language a platform's locale tag names, or None.

    Platforms spell tags differently (Telegram ``de``, Discord ``de`` or ``en-GB``,
    Slack ``ja-JP``, browsers ``fr-CA``); the language is the part before the region.
    """
    if not tag or not _TAG.fullmatch(tag.strip()):
        return None
    language = re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower()
    return language if language in LANGUAGES else None


def choose(*tags: str | None, default: str = SOURCE) -> str:
    """The first supported language among ``tags`` (most specific first), else ``default``."""
    for tag in tags:
        language = supported(tag)
        if language is not None:
            return language
    return supported(default) or SOURCE


def named(name: str) -> str | None:
    """The language a user names in a setting: its code (``de``), its own name
    (``Deutsch``) or its English one (``German``), any case; None if not supported."""
    wanted = name.strip().casefold()
    for language in LANGUAGES:
        spelled = {language, NAMES[language], Locale.parse(language).get_display_name(SOURCE)}
        if wanted in {word.casefold() for word in spelled if word}:
            return language
    return supported(name)


def accepted(header: str, most: int = 20) -> list[str]:
    """The tags of an HTTP ``Accept-Language`` header, most wanted first (RFC 9110 §12.5.4).

    Bounded: a header of a thousand tags is read for its first ``most``.
    """
    weighted: list[tuple[float, int, str]] = []
    for index, item in enumerate(header.split(",")[:most]):
        tag, _, params = item.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if tag and tag != "*" and weight > 0:
            weighted.append((-weight, index, tag.strip()))
    return [tag for _, _, tag in sorted(weighted)]


def catalog_path(language: str) -> Path:
    """Where ``language``'s catalog lives (``make i18n`` writes it)."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translator(language: str) -> gettext.NullTranslations:
    """The catalog for ``language``, compiled from its ``.po`` on first use; English
    (the source) and unknown languages translate to themselves."""
    if language == SOURCE or language not in LANGUAGES:
        return gettext.NullTranslations()
    with catalog_path(language).open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def speak(language: str) -> None:
    """Answer in ``language`` in the current context (a test, a command-line tool)."""
    _speaking.set(language if language in LANGUAGES else SOURCE)


def speaking() -> str:
    """The language of the turn in progress."""
    return _speaking.get()


@contextmanager
def spoken(language: str) -> Iterator[None]:
    """``language`` for the code inside the block, and the one before it afterwards."""
    token = _speaking.set(language if language in LANGUAGES else SOURCE)
    try:
        yield
    finally:
        _speaking.reset(token)


class Spoken(Generic[T]):
    """A stream each of whose steps runs with ``language`` spoken, whichever task reads it.

    An async generator's body runs in the context of the task that calls ``anext``;
    setting the language once would leak it into the adapter's task after the turn,
    and miss a step read by another task. Each step sets it and puts the old one back.
    """

    def __init__(self, events: AsyncIterator[T], language: str) -> None:
        self._events = events
        self.language = language

    def __aiter__(self) -> Spoken[T]:
        return self

    async def __anext__(self) -> T:
        with spoken(self.language):
            return await anext(self._events)


def _(message: str) -> str:
    """``message`` in the language of the turn in progress."""
    return translator(_speaking.get()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for ``count`` by the language's own plural rules."""
    return translator(_speaking.get()).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks a message for extraction where it is defined; translate it with :func:`_`
    where it is shown (module constants are made before any language is spoken)."""
    return message


def date(timestamp: float) -> str:
    """A day as the reader's language writes it (2026-12-03, 03.12.2026, 3 déc. 2026)."""
    when = datetime.fromtimestamp(timestamp, UTC).date()
    if _speaking.get() == SOURCE:
        return when.isoformat()  # what English answers have always shown
    return _babel_date(when, format="medium", locale=Locale.parse(_speaking.get()))


def listed(items: list[str]) -> str:
    """Items as the reader's language lists them ("a, b and c", "a, b et c", "a、b、c")."""
    return format_list(items, locale=Locale.parse(_speaking.get()))


def number(value: int | float) -> str:
    """A number with the reader's grouping (12,000 · 12.000 · 12 000)."""
    return format_decimal(value, locale=Locale.parse(_speaking.get()))
