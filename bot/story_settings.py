"""Per-channel story settings: what each key accepts and how it is stored.

Validation lives here so that every platform gives the same short answer to a
bad value, listing what would work, in the reader's language. Keys and the values
people type (``on``, ``long``, ``auto``) stay as they are in every language.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from bot import i18n
from bot.i18n import N_, _

LENGTHS = ("short", "medium", "long")
RATINGS = ("family", "teen", "mature")
GENRE_SUGGESTIONS = (
    "fantasy",
    "sci-fi",
    "mystery",
    "adventure",
    "fairy tale",
    "horror",
    "comedy",
    "romance",
)
MAX_FREE_TEXT = 40
WORDS_PER_PART = {"short": 120, "medium": 260, "long": 500}


class SettingError(ValueError):
    """A bad key or value; the message is meant for the user."""


@dataclass(frozen=True, slots=True)
class StorySettings:
    genre: str = "fantasy"
    tone: str = "warm"
    length: str = "medium"
    language: str = "English"
    rating: str = "family"
    choices: bool = True
    voting: bool = True
    """In group channels, choice buttons are a vote (off: the first press wins)."""
    vote_seconds: int = 0
    """How long a vote stays open; 0 is the bot's default (story.vote_seconds)."""
    turns: bool = False
    """Players take turns to steer (see /story join)."""
    ui: str = ""
    """The language Storybot answers in here (a code, e.g. ``de``); empty follows each
    user's platform locale."""

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, raw: str | None) -> StorySettings:
        """Read stored settings, keeping defaults for anything missing or invalid."""
        if not raw:
            return cls()
        try:
            data: Any = json.loads(raw)
        except ValueError:
            return cls()
        settings = cls()
        if not isinstance(data, dict):
            return settings
        for key, value in data.items():
            if key in KEYS:
                try:
                    settings = settings.with_value(
                        key, str(value).lower() if isinstance(value, bool) else str(value)
                    )
                except SettingError:
                    continue
        return settings

    def with_value(self, key: str, value: str) -> StorySettings:
        """Return a copy with ``key`` set, or raise :class:`SettingError`."""
        key = key.strip().lower()
        parser = KEYS.get(key)
        if parser is None:
            raise SettingError(
                _("Unknown setting `{key}`. {valid}").format(key=key, valid=describe_keys())
            )
        return replace(self, **{key: parser[0](value.strip())})

    def describe(self) -> str:
        lines = [f"{f.name}: {_show(f.name, getattr(self, f.name))}" for f in fields(self)]
        return "\n".join(lines)

    @property
    def words(self) -> int:
        return WORDS_PER_PART[self.length]


def _show(key: str, value: object) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    if key == "ui":
        return i18n.NAMES.get(str(value), "auto")
    if value == 0:
        return "default"  # what people type to go back to it, in every language
    return str(value)


def _choice(name: str, allowed: tuple[str, ...]) -> Callable[[str], str]:
    def parse(value: str) -> str:
        lowered = value.lower()
        if lowered not in allowed:
            raise SettingError(
                _("`{name}` must be one of: {values}.").format(name=name, values=", ".join(allowed))
            )
        return lowered

    return parse


def _free_text(name: str, hint: str) -> Callable[[str], str]:
    def parse(value: str) -> str:
        cleaned = " ".join(value.split())
        if not cleaned:
            raise SettingError(
                _("`{name}` needs a value, e.g. {hint}.").format(name=name, hint=hint)
            )
        if len(cleaned) > MAX_FREE_TEXT or any(c in cleaned for c in "<>`\\{}"):
            raise SettingError(
                _("`{name}` must be plain words of at most {most} characters, e.g. {hint}.").format(
                    name=name, most=MAX_FREE_TEXT, hint=hint
                )
            )
        return cleaned.lower() if name == "genre" else cleaned

    return parse


def _on_off(name: str) -> Callable[[str], bool]:
    def parse(value: str) -> bool:
        lowered = value.lower()
        if lowered in ("on", "yes", "true", "1"):
            return True
        if lowered in ("off", "no", "false", "0"):
            return False
        raise SettingError(_("`{name}` must be on or off.").format(name=name))

    return parse


def _seconds(value: str) -> int:
    text = value.lower().removesuffix("s").strip()
    if text in ("default", "0"):
        return 0
    if not text.isascii() or not text.isdigit() or not 5 <= int(text) <= 86_400:
        raise SettingError(_("`vote_seconds` must be a number of seconds from 5 to 86400."))
    return int(text)


UI_AUTO = ("auto", "clear", "default", "off")
"""Values of ``ui`` that hand the choice back to each user's platform locale."""


def _ui(value: str) -> str:
    if value.strip().lower() in UI_AUTO:
        return ""
    language = i18n.named(value)
    if language is None:
        raise SettingError(
            _("`ui` must be one of: {values}, or auto.").format(
                values=", ".join(f"{code} ({i18n.NAMES[code]})" for code in i18n.LANGUAGES)
            )
        )
    return language


KEYS: dict[str, tuple[Callable[[str], Any], str]] = {
    "genre": (_free_text("genre", "fantasy, sci-fi, mystery"), ", ".join(GENRE_SUGGESTIONS)),
    "tone": (_free_text("tone", "warm, spooky, funny"), N_("any few words, e.g. warm, spooky")),
    "length": (_choice("length", LENGTHS), "|".join(LENGTHS)),
    "language": (_free_text("language", "English, French"), N_("e.g. English, Deutsch")),
    "rating": (_choice("rating", RATINGS), "|".join(RATINGS)),
    "choices": (_on_off("choices"), "on|off"),
    "voting": (_on_off("voting"), N_("on|off: group choices by vote")),
    "vote_seconds": (_seconds, N_("seconds a vote stays open, e.g. 60")),
    "turns": (_on_off("turns"), N_("on|off: players take turns")),
    "ui": (_ui, N_("the language Storybot answers in, e.g. de, Deutsch, German; auto")),
}
"""Each key's parser and its hint; hints are messages, translated where shown (:func:`hint`)."""


def hint(key: str) -> str:
    """What ``key`` accepts, in the reader's language."""
    return _(KEYS[key][1])


def describe_keys() -> str:
    """The valid keys and values, for error messages and help."""
    listed = "; ".join(f"{key} ({hint(key)})" for key in KEYS)
    return _("Valid settings: {keys}").format(keys=listed)
