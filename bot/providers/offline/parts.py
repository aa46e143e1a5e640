"""Reading a finished part: its numbered options, its story without them, its end mark.

The engine reads every storyteller's parts with these (see :mod:`bot.providers.story_text`),
so they accept what models write as well as what the offline storyteller writes, in
all four languages: full-width numbers and brackets ("１．", "2）") and a heading
that ends in a full-width question mark.
"""

from __future__ import annotations

import re

from bot.providers.offline.text import clip

HEADINGS = {
    "en": "What happens next?",
    "de": "Wie geht es weiter?",
    "fr": "Que se passe-t-il ensuite\u00a0?",
    "ja": "次はどうなる？",
}
ENDS = {"en": "The End.", "de": "Ende.", "fr": "Fin.", "ja": "おしまい"}
CHOICES_HEADING = HEADINGS["en"]
THE_END = ENDS["en"]
MAX_OPTION_CHARS = 80

_OPTION = re.compile(r"^\s*[*_]{0,2}(\d{1,2})(?:[.)][*_]{0,2}\s+|[．）、][*_]{0,2}\s*)(.+?)\s*$")
_MARKUP = re.compile(r"<[^>]*>|[<>{}`*_~|\\]")
_MARKS = "<>{}`*_~|\\"
_QUESTION_ENDS = ("?", ":", "？", "：")


def _choice_lines(text: str) -> tuple[int, tuple[str, ...]]:
    """Where the trailing numbered options start (line index) and their texts."""
    lines = text.splitlines()
    found: list[tuple[int, str, int]] = []
    for line_index in range(len(lines) - 1, -1, -1):
        line = lines[line_index]
        if not line.strip():
            continue
        match = _OPTION.match(line)
        if not match:
            break
        option = match[2].strip().strip("*_").strip()
        found.append((int(match[1]), option, line_index))
    found.reverse()
    for first in range(len(found)):
        numbers = [number for number, _, _ in found[first:]]
        if numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 2:
            return found[first][2], tuple(option for _, option, _ in found[first:] if option)
    return len(lines), ()


def parse_choices(text: str) -> tuple[str, ...]:
    """The numbered options ("1. ..." or "1) ...") that end ``text``, or () if there are none.

    Works on any provider's output: markdown bold around numbers or options and
    blank lines between options are tolerated; at least two options numbered
    from 1 are needed so a story that merely ends with a list item is not misread.
    Full-width numbers and marks ("１．", "２）") count too.
    """
    return _choice_lines(text)[1]


def strip_choices(text: str) -> str:
    """``text`` without its trailing options and the question line just above them."""
    start, options = _choice_lines(text)
    if not options:
        return text.rstrip()
    lines = text.splitlines()[:start]
    while lines and not lines[-1].strip():
        lines.pop()
    if lines and len(lines[-1]) <= 80 and lines[-1].strip().rstrip("*_").endswith(_QUESTION_ENDS):
        lines.pop()
    return "\n".join(lines).rstrip()


def unmarked(text: str) -> str:
    """Without HTML tags and markdown marks, which only get in the way of reading sentences."""
    if not any(mark in text for mark in _MARKS):
        return text  # the usual case, found much faster than by the regular expression
    return _MARKUP.sub(" ", text)


def story_body(part: str) -> str:
    """A part's story without options, markup or the closing "The End." (in any language)."""
    text = unmarked(strip_choices(part)).rstrip()
    for end in ENDS.values():
        if text.endswith(end):
            return text[: -len(end)].rstrip()
    return text


def quotable(direction: str) -> str:
    """The reader's words, fit to quote: no markup, one line, at most 200 characters."""
    return clip(" ".join(unmarked(direction).split()), 200).rstrip(" .!?;,:。！？")
