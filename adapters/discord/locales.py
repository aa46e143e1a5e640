"""The ``/story`` tree's descriptions in every catalog language, and the adapter's own words.

Discord shows a command's ``description_localizations`` to users whose client is set to
that language; discord.py fills them from an :class:`app_commands.Translator` when the
tree syncs (``tree.set_translator``), asking it for every string of the tree, wrapped in
``locale_str``, once per Discord locale. :class:`CatalogTranslator` answers from the
gettext catalogs. Command, group, option and choice *names* are left alone: people type
them, and ``/story continue`` is the same command in every language and on every
platform (help and hints quote them), so only descriptions are translated.
"""

from __future__ import annotations

import discord
from babel.numbers import format_decimal
from discord import app_commands
from discord.app_commands import TranslationContextLocation, TranslationContextTypes, locale_str

from bot.i18n import SOURCE, supported, translator

MAX_DESCRIPTION = 100
"""Discord refuses a command or option description longer than this."""
NAMES = frozenset(
    {
        TranslationContextLocation.command_name,
        TranslationContextLocation.group_name,
        TranslationContextLocation.parameter_name,
        TranslationContextLocation.choice_name,
    }
)


def description(text: str) -> str:
    """A description cut to Discord's 100 characters (a longer one fails the whole sync)."""
    text = " ".join(text.split())
    return text if len(text) <= MAX_DESCRIPTION else text[: MAX_DESCRIPTION - 1] + "…"


class CatalogTranslator(app_commands.Translator):
    """Descriptions from the catalogs; None (no localisation) for names, for English and
    for languages without a catalog, and where a catalog says the same as the source."""

    async def translate(
        self, string: locale_str, locale: discord.Locale, context: TranslationContextTypes
    ) -> str | None:
        if context.location in NAMES:
            return None
        language = supported(locale.value)
        if language is None or language == SOURCE:
            return None
        translated = translator(language).gettext(string.message)
        return description(translated) if translated != string.message else None


def said(message: str, language: str) -> str:
    """One of the adapter's own sentences (marked ``N_``) in ``language``."""
    return translator(language).gettext(message)


def number(value: int, language: str) -> str:
    """``12,000`` · ``12.000`` · ``12 000``: grouped as ``language`` writes numbers."""
    return format_decimal(value, locale=language)
