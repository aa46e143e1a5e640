"""Telegram formatting: HTML escaping, UTF-16 lengths, choice keyboards, the command menu.

Everything the bot shows goes through :func:`html_text`, so no user or model
text can ever make Telegram answer "can't parse entities". The few sentences the
adapter says itself (greetings, hints, the command menu) live here too, marked
for the catalogs with ``N_`` and translated where they are shown, into a language
passed in: Telegram shows them outside any engine turn.
"""

from __future__ import annotations

import html

from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup

from bot.commands import SPECS, is_number
from bot.delivery import Choices, with_votes
from bot.i18n import LANGUAGES, N_, translator

MAX_MESSAGE = 4096
"""Telegram's limit on a message's text after entity parsing, in UTF-16 code units."""
MAX_CALLBACK_DATA = 64
MAX_ALERT = 200
"""answerCallbackQuery shows at most this many characters."""
MAX_BUTTON_LABEL = 48
MAX_COMMAND_DESCRIPTION = 256
"""setMyCommands refuses a command description longer than this (BotCommand, 1-256)."""
CHOICE_PREFIX = "c"
STORY_MENU = N_("write a story together: /story <your idea>, or /story help")
START_MENU = N_("what this bot does")
PRIVATE_HELLO = N_(
    "Hi {name}! I write stories with you, one part at a time. Send me an idea, like "
    '"a lighthouse keeper finds a door in the sea", and I will begin. Then tell me what '
    "happens next, or tap one of the choices."
)
GROUP_HELLO = N_(
    "Hi! I write stories with this group. Start one with /story <your idea>; reply to my "
    "story messages to steer it, or tap one of the choices."
)
NOT_TEXT = N_("I can only read text. Send me a story idea, or /story help to see what I can do.")
UNKNOWN = N_("I don't know that command. Try /story help.")
THERE = N_("there")
"""The name in "Hi {name}!" for someone Telegram gives none."""


def said(message: str, language: str, **values: str) -> str:
    """One of the sentences above in ``language``, its placeholders filled."""
    text = translator(language).gettext(message)
    return text.format(**values) if values else text


def html_text(text: str) -> str:
    """Plain text as Telegram HTML: only ``<``, ``>`` and ``&`` need escaping."""
    return html.escape(text, quote=False)


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units), so emoji count double."""
    return len(text.encode("utf-16-le")) // 2


def choice_data(ref: str, number: int) -> str | None:
    """Button data for option ``number``, or None if it would not fit in 64 bytes."""
    data = f"{CHOICE_PREFIX}|{ref}|{number}"
    return data if len(data.encode()) <= MAX_CALLBACK_DATA else None


def parse_choice_data(data: str | None) -> tuple[str, int] | None:
    """The (ref, number) a choice button carries, or None for anything else."""
    if not data:
        return None
    prefix, _, rest = data.partition("|")
    ref, _, number = rest.rpartition("|")
    if prefix != CHOICE_PREFIX or not ref or not is_number(number):
        return None
    return ref, int(number)


def button_label(number: int, label: str) -> str:
    """``"2. Go right"``, shortened so long options still fit on a phone screen."""
    text = f"{number}. {' '.join(label.split())}"
    return text if len(text) <= MAX_BUTTON_LABEL else text[: MAX_BUTTON_LABEL - 1] + "…"


def keyboard(choices: Choices | None) -> InlineKeyboardMarkup | None:
    """One button per option; none when there is no ref to check presses against."""
    if choices is None or not choices.labels or not choices.ref:
        return None
    rows = []
    for number, label in enumerate(choices.labels, start=1):
        data = choice_data(choices.ref, number)
        if data is None:
            return None
        shown = with_votes(button_label(number, label), choices.votes(number))
        rows.append([InlineKeyboardButton(shown, callback_data=data)])
    return InlineKeyboardMarkup(rows)


def alert_text(text: str) -> str | None:
    """Text short enough for a callback alert, or None if it needs a real message."""
    stripped = text.strip()
    return stripped if 0 < len(stripped) <= MAX_ALERT else None


def description(text: str) -> str:
    """A command description cut to what setMyCommands takes (a longer one fails the call)."""
    text, most = " ".join(text.split()), MAX_COMMAND_DESCRIPTION
    return text if len(text) <= most else text[: most - 1] + "…"


def menu(language: str) -> list[BotCommand]:
    """Telegram's command menu in ``language``, described from the core command registry.

    The command names stay as they are: people type them, in every language.
    """
    words = translator(language).gettext
    shortcuts = [BotCommand(spec.command.value, description(words(spec.summary))) for spec in SPECS]
    return [
        BotCommand("story", description(words(STORY_MENU))),
        *shortcuts,
        BotCommand("start", description(words(START_MENU))),
    ]


def menus(default: str) -> list[tuple[str | None, list[BotCommand]]]:
    """Every menu to register: one per language for users whose app uses it (Telegram
    picks by the user's ``language_code``), then ``default`` for everyone else."""
    return [(language, menu(language)) for language in LANGUAGES] + [(None, menu(default))]
