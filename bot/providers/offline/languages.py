"""Which languages the offline storyteller writes, and how a channel's setting names them.

``language_code`` accepts a language's English name, its own name and a few
other common spellings ("Deutsch", "français", "日本語"). Anything else gets
None: the storyteller then writes English, and the settings command can say so.
"""

from __future__ import annotations

import functools

from bot.providers.offline.lang.base import Language

_NAMES = {
    "en": "english en eng englisch anglais inglés ingles inglese 英語 えいご",
    "de": "deutsch german de deu ger allemand alemán aleman tedesco ドイツ語",
    "fr": "français francais french fr fra fre französisch franzoesisch francés frances "
    "francese フランス語",
    "ja": "日本語 japanese ja jp jpn nihongo japonais japanisch japonés japones giapponese "
    "にほんご",
}
_CODES = {name: code for code, names in _NAMES.items() for name in names.split()}
SUPPORTED = tuple(_NAMES)


def language_code(name: str) -> str | None:
    """The code of the language ``name`` means ("en", "de", "fr", "ja"), or None if unsupported."""
    key = " ".join(name.lower().split())
    if key in _CODES:
        return _CODES[key]
    first = key.replace("(", " ").replace(",", " ").split()
    return _CODES.get(first[0]) if first else None


@functools.cache
def language(code: str) -> Language:
    """The grammar, reading and phrases of a supported language (English for anything else)."""
    if code == "de":
        from bot.providers.offline.lang.de import German

        return German()
    if code == "fr":
        from bot.providers.offline.lang.fr import French

        return French()
    if code == "ja":
        from bot.providers.offline.lang.ja import Japanese

        return Japanese()
    from bot.providers.offline.lang.en import English

    return English()
