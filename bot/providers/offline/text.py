"""Plain text helpers every language shares: sentences, length, clipping, stream chunks.

Japanese has no spaces between words or sentences, so everything here that
would count words or split at spaces has a second way for text in Japanese
script: sentences end at 。！？ outside quotation brackets, length is counted
in characters, and stream chunks are a few characters long.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

JA_CHARS_PER_WORD = 1.8
"""Japanese characters that carry about as much story as one English word.

Measured on parallel passages (an English paragraph and a natural Japanese
rendering of it): 1.6-2.0 characters per English word.
"""

_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
_WESTERN_END = re.compile(r"\S.*?(?:[.!?…]+[”“\"’')\]»]*(?=\s|$)|$)", re.S)
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st prof capt sgt lt col gen rev hon mt jr sr m mme mlle me hr fr nr".split()
)
"""Abbreviations that stand before a name: "Mr. Okafor" is one sentence, not two."""
_JA_ENDS = "。！？!?"
_JA_OPEN = "「『（(“【"
_JA_CLOSE = "」』）)”】"
_JA_GLUE = "とってはがをにものや、。！？」 "
"""What may follow a closing quote inside the same sentence (「…」と彼は言った)."""


def is_japanese(text: str) -> bool:
    """Whether ``text`` is written in Japanese script (any kana, or mostly kanji)."""
    if _KANA.search(text):
        return True
    cjk = len(_CJK.findall(text))
    return cjk >= 2 and cjk * 2 >= len(text.strip())


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, whitespace squeezed, in order."""
    if is_japanese(text):
        return _japanese_sentences(text)
    return _western_sentences(" ".join(text.split()))


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (or ""), reading little more than that sentence."""
    if is_japanese(text[:400]):
        found = _japanese_sentences(text[:1200])
        return found[0] if found else ""
    head = " ".join(text[:1200].split())
    found = _western_sentences(head, most=1)
    return found[0] if found else ""


def _western_sentences(squeezed: str, most: int = 0) -> list[str]:
    """The sentences of ``squeezed``; with ``most``, only that many (and quicker)."""
    out: list[str] = []
    glue = False
    for match in _WESTERN_END.finditer(squeezed):
        piece = match[0]
        if glue and out and piece[:1].isupper():
            out[-1] = f"{out[-1]} {piece}"
        else:
            if most and len(out) == most and not glue:
                break
            out.append(piece)
        glue = _ends_with_abbreviation(out[-1])
    return out


def _ends_with_abbreviation(sentence: str) -> bool:
    if not sentence.endswith("."):
        return False
    word = sentence[:-1].rsplit(" ", 1)[-1]
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _japanese_sentences(text: str) -> list[str]:
    out: list[str] = []
    current: list[str] = []
    depth = 0
    chars = " ".join(text.split())
    index = 0
    while index < len(chars):
        char = chars[index]
        current.append(char)
        if char in _JA_OPEN:
            depth += 1
        elif char in _JA_CLOSE:
            depth = max(0, depth - 1)
            following = chars[index + 1 : index + 2]
            if depth == 0 and char == "」" and following and following not in _JA_GLUE:
                out.append("".join(current).strip())
                current = []
        elif char in _JA_ENDS and depth == 0:
            while index + 1 < len(chars) and chars[index + 1] in _JA_ENDS + _JA_CLOSE:
                index += 1
                current.append(chars[index])
            out.append("".join(current).strip())
            current = []
        index += 1
    rest = "".join(current).strip()
    if rest:
        out.append(rest)
    return [sentence for sentence in out if sentence]


def measure(text: str) -> int:
    """How long ``text`` is in words, or word-equivalents for Japanese."""
    if is_japanese(text[:200]):
        letters = sum(1 for char in text if not char.isspace())
        return round(letters / JA_CHARS_PER_WORD)
    return len(text.split())


def word_count(text: str) -> int:
    return measure(text)


def clip(sentence: str, limit: int) -> str:
    """``sentence`` cut to ``limit`` characters at a word (or, in Japanese, a character)."""
    if len(sentence) <= limit:
        return sentence
    if " " not in sentence[:limit]:
        return sentence[: limit - 1] + "…"
    return sentence[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:、") + "…"


def chunks(text: str, size: int = 3) -> list[str]:
    """A few words (or, in Japanese, a few characters) at a time; they join back into ``text``."""
    if is_japanese(text[:200]):
        step = size * 2
        return [text[i : i + step] for i in range(0, len(text), step)]
    pieces = re.split(r"(?<=\s)(?=\S)", text)
    return ["".join(pieces[i : i + size]) for i in range(0, len(pieces), size)]


def squeeze(text: str) -> str:
    return " ".join(text.split())


def unique(items: Iterable[str]) -> list[str]:
    """``items`` without repeats or blanks, in order of first appearance."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def words_until(text: str, stops: frozenset[str], most: int) -> list[str]:
    """The first words of ``text``, at most ``most``, up to the first of ``stops``
    ("learn to fly before dawn" -> learn, to, fly)."""
    words: list[str] = []
    for word in text.split():
        if word in stops or len(words) == most:
            break
        words.append(word)
    return words
