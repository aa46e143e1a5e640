"""The word lists and token tests behind :mod:`.reading` (English and French text)."""

from __future__ import annotations

import functools
import re
import string

from bot.providers.offline.lang.en_words import COMMON as EN_COMMON
from bot.providers.offline.lang.fr_words import COMMON as FR_COMMON

PLACE_WORDS = frozenset(
    "in at on to from across under beyond near into through toward towards around over "
    "along inside aboard past within sur dans en à au aux auf im nach bei".split()
)
# Before a bare capitalised word, "to", "at", "from"... introduce people as often as
# places ("said to Pip"); story text trusts only these. Premises trust all PLACE_WORDS.
PLACE_WORDS_BARE = frozenset(
    "in on across under beyond near inside aboard through within along sur dans en à au aux "
    "auf im".split()
)
ARTICLES_ABROAD = frozenset("la le les l el los las die der das den il lo".split())
PLACE_NOUNS = frozenset(
    "ruins city town village kingdom land island isle planet streets edge shores forest "
    "mountains realm empire moons depths outskirts capital world sea seas moon".split()
)
DETERMINERS = frozenset("a an the his her their its my our your".split())
CONNECTORS = frozenset("of de du la le von van der del da di".split())
VERBS = frozenset(
    "is was are were be been being am has had have lives lived wants wanted loves loved "
    "finds found gets got goes went can could will would must should might may becomes "
    "became meets met discovers discovered learns learned tries tried needs needed guards "
    "guarded protects protected keeps kept sees saw hears heard says said named called "
    "stood sat ran flew fell grew rose lay slept woke came left took gave made knew thought "
    "told felt held brought began sang hid stole broke wrote spoke drew wore won shone led "
    "fought caught built sent spent "
    "who whom whose which that where when while".split()
)
VAGUE = frozenset(
    "story tale time day way thing things lot bit kind sort one world place part end "
    "beginning start chapter fun something".split()
)
COMMON = EN_COMMON | FR_COMMON
"""Capitalised but not names: function words, and every word a phrase of ours starts with."""

TOKEN = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?|[.!?…]+|\n|[^\w\s]")
APOSTROPHE = re.compile(r"['’]")
ABBREVIATION = re.compile(
    r"\b(Mr|Mrs|Ms|Dr|St|Prof|Capt|Sgt|Lt|Col|Gen|Rev|Hon|M|Mme|Mlle)\.(?=\s+[A-Z])"
)
POSSESSIVE = ("'s", "’s")
SENTENCE_BREAKS = "\n.!?…"
NAMING = ("named", "called")
CUES = DETERMINERS | frozenset(NAMING)
"""Lowercase words that start something to read; every other lowercase word is skipped."""
NAME_CUES = frozenset(NAMING)
"""The cues when reading only names and places: the others start objects."""
NOT_NAMES = DETERMINERS | PLACE_WORDS
NOT_NOUNS = VERBS | COMMON
ASCII_LETTERS = string.ascii_letters.encode()
MAYBE_CAPITAL = string.ascii_uppercase.encode() + bytes(range(128, 256))
MAYBE_NOT_WORD = b"\n" + bytes(
    byte
    for byte in range(256)
    if not (byte < 128 and (chr(byte).isalpha() or chr(byte).isspace() or chr(byte) == "_"))
)
"""Bytes where a token other than a word may start: all but ASCII letters, spaces and "_"."""


def tokenise(text: str) -> list[str]:
    """``TOKEN.findall(text)``, two to three times as fast.

    Tokens never span whitespace, and a run of letters between spaces is one
    token, so only the chunks with digits or punctuation need the regular expression.
    """
    tokens: list[str] = []
    for number, line in enumerate(text.split("\n")):
        if number:
            tokens.append("\n")
        for chunk in line.split():
            if chunk.isalpha():
                tokens.append(chunk)
            else:
                tokens.extend(TOKEN.findall(chunk))
    return tokens


def is_word(token: str) -> bool:
    return token[0].isalnum()


def is_capitalised(token: str) -> bool:
    return token[0].isalnum() and token[0].isupper()


@functools.lru_cache(maxsize=4096)
def is_common(word: str) -> bool:
    """Cached because a story says the same few names over and over."""
    lowered = word.lower()
    return lowered in COMMON or APOSTROPHE.split(lowered, 1)[0] in COMMON


def shouting(text: str, tokens: list[str]) -> bool:
    """ALL CAPS or Title Case Everywhere hides which words are names, so read it lowercased."""
    if not may_be_shouting(text, tokens):
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return True
    words = [w for w in tokens if w[0].isalpha()][1:]
    capitalised = [w for w in words if w[0].isupper()]
    small = [w for w in capitalised if w.lower() in COMMON or w.lower() in VERBS]
    return len(small) >= 2 and len(capitalised) >= 0.7 * len(words)


def may_be_shouting(text: str, tokens: list[str]) -> bool:
    """Whether ``text`` could be shouting, judged from byte counts instead of letter by letter.

    A quick "no" for almost every text. In UTF-8 every capital is A-Z or a
    non-ASCII character (bytes 128-255), every byte a-z/A-Z is a letter, and every
    token but a word starts at a byte in ``MAYBE_NOT_WORD``: ``capitals`` can
    only be too many, ``letters`` and ``words`` too few, so a "no" is always right.
    """
    raw = text.encode("utf-8", "surrogatepass")
    capitals = count_bytes(raw, MAYBE_CAPITAL)
    letters = count_bytes(raw, ASCII_LETTERS)
    words = len(tokens) - count_bytes(raw, MAYBE_NOT_WORD) - 1
    return capitals > 0.6 * letters or capitals >= 0.7 * words


def count_bytes(raw: bytes, wanted: bytes) -> int:
    return len(raw) - len(raw.translate(None, wanted))


def seen_lowercase(word: str, vocabulary: set[str]) -> bool:
    """Whether ``word`` is in the text in lowercase: then, capitalised, it starts a sentence."""
    return word in vocabulary and word[:1].isalpha() and word.islower()
