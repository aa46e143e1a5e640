"""Reading helpers for the languages written in Latin script (English, German, French).

Tokens keep abbreviations whole ("Mr.", "M.", "Dr."), so a title is never a
sentence of its own, and runs of capitalised words (with "of", "de", "von"
between them) are read as one name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_TOKEN = re.compile(r"[^\W_](?:[\w'’\-]*[^\W_])?|[^\w\s]")
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st prof capt sgt lt col gen rev hon mt m mme mlle me hr fr".split()
)
CONNECTORS = frozenset("of de du des la le von van der den del da di zu y".split())
_SENTENCE_MARKS = frozenset(".!?…:;")
_LOWER_CONNECTORS = frozenset("of de du des von van der den del da di zu".split())


def tokenize(text: str) -> list[str]:
    """Words and marks; "Mr." and "M." stay one token, apostrophes stay inside words."""
    raw = _TOKEN.findall(text)
    out: list[str] = []
    for token in raw:
        if token == "." and out and out[-1].lower() in ABBREVIATIONS:
            out[-1] += "."
        else:
            out.append(token)
    return out


def is_word(token: str) -> bool:
    return token[:1].isalnum()


def is_capital(token: str) -> bool:
    return token[:1].isupper()


def starts_sentence(tokens: Sequence[str], index: int) -> bool:
    for before in range(index - 1, -1, -1):
        token = tokens[before]
        if token in _SENTENCE_MARKS or token in ("“", '"', "«", "„", "—"):
            return True
        if is_word(token) or token.endswith("."):
            return False
    return True


def capital_run(tokens: Sequence[str], start: int, titles: frozenset[str]) -> int:
    """The index after the run of capitalised words starting at ``start``."""
    end = start
    while end < len(tokens):
        token = tokens[end]
        if is_capital(token) and is_word(token):
            end += 1
        elif (
            token.lower() in _LOWER_CONNECTORS
            and end + 1 < len(tokens)
            and is_capital(tokens[end + 1])
            and end > start
        ):
            end += 1
        elif token.lower().rstrip(".") in titles and end == start:
            end += 1
        else:
            break
    while end > start and tokens[end - 1].lower() in CONNECTORS:
        end -= 1
    return end


def shouting(text: str) -> bool:
    """ALL CAPS hides which words are names, so such text is read in lowercase."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) > 0.7 * len(letters)


def join_names(names: Sequence[str], word: str) -> str:
    """ "A", "A and B", "A, B and C" with this language's "and"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {word} {names[-1]}"


_STARTS = re.compile(r"(^|[.!?…]\s+)([“\"«„]?\s?)([^\W\d_])")
_ABBREVIATED = re.compile(
    r"\b(?:" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r")\.\s+$", re.I
)


def capitalise_sentences(text: str) -> str:
    """An upper-case letter at the start of every sentence, and after an opening quote there."""

    def upper(match: re.Match[str]) -> str:
        if match[1] and _ABBREVIATED.search(text[: match.start() + len(match[1])]):
            return match[0]
        return match[1] + match[2] + match[3].upper()

    return _STARTS.sub(upper, text)


def tidy(text: str, *, english_quotes: bool = True) -> str:
    """Spaces as a typesetter would leave them (German closes quotes with “, English opens)."""
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" ([,.;:!?…])(?![A-Za-zÀ-ÿ])", r"\1", text)
    if english_quotes:
        text = re.sub(r"“ ", "“", text)
        text = re.sub(r" ”", "”", text)
    else:
        text = re.sub(r"„ ", "„", text)
        text = re.sub(r" “", "“", text)
    return text.strip()
