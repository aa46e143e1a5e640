"""Reading story text: numbered choices, summaries, sentences, names.

The engine reads every storyteller's parts with these: :func:`parse_choices`
finds the options a part ends with (in English, German, French or Japanese,
half- or full-width), and :func:`summarise` is the memory summariser when no
model writes summaries. They live with the offline storyteller, which reads
text the same way; this module is the engine's stable door to them.
"""

from __future__ import annotations

from bot.providers.offline.parts import (
    CHOICES_HEADING,
    HEADINGS,
    MAX_OPTION_CHARS,
    THE_END,
    parse_choices,
    quotable,
    story_body,
    strip_choices,
    unmarked,
)
from bot.providers.offline.reading import Entities, find_entities, merge_phrases, phrase_key
from bot.providers.offline.summary import Memory, read_summary, summarise
from bot.providers.offline.text import clip, measure, split_sentences, word_count

__all__ = [
    "CHOICES_HEADING",
    "HEADINGS",
    "MAX_OPTION_CHARS",
    "THE_END",
    "Entities",
    "Memory",
    "clip",
    "find_entities",
    "measure",
    "merge_phrases",
    "parse_choices",
    "phrase_key",
    "quotable",
    "read_summary",
    "split_sentences",
    "story_body",
    "strip_choices",
    "summarise",
    "unmarked",
    "word_count",
]
