"""The rolling memory summary every storyteller's story gets when no model writes it.

Shape: "Cast: ...", "Places: ...", "Story so far: ..." lines, in any of the
four languages (the labels stay English: the summary is the storyteller's
memory, not the reader's). Names are read by the text's own script and
language: capitalisation for English and French, titles and article-less
capitals for German, katakana and honorifics for Japanese. A short name is
never a second character beside its full form ("Priya" and "Detective Priya
Nair"), and a title alone ("Mr") is never a name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.providers.offline.parts import story_body, unmarked
from bot.providers.offline.reading import find_entities, merge_phrases, phrase_key
from bot.providers.offline.text import clip, first_sentence, is_japanese, split_sentences

MAX_CAST = 12
MAX_PLACES = 8
_GERMAN = frozenset(
    "der die das und ist nicht ein eine mit sich auf den dem zu war hatte sie er es im "
    "auch noch nach wie aber".split()
)
_GERMAN_HINTS = frozenset(
    "herr herrn frau kommissarin kommissar inspektorin doktor kapitänin muss müssen soll sucht "
    "findet namens".split()
)
_TITLES_ALONE = frozenset(
    "mr mrs ms miss dr lady lord sir herr frau m mme mlle madame monsieur detective "
    "inspector captain professor kommissarin kommissar".split()
)
_WORD = re.compile(r"[^\W\d_]+")
_UMLAUTED = re.compile(r"[^\W\d_]*[äöüß][^\W\d_]*")


def language_of(text: str) -> str:
    """ "ja", "de" or "" (English or French, which read alike) for a piece of story text."""
    if is_japanese(text[:300]):
        return "ja"
    lowered = text[:600].lower()
    words = _WORD.findall(lowered)
    german = sum(1 for word in words if word in _GERMAN)
    hints = sum(1 for word in words if word in _GERMAN_HINTS) + len(_UMLAUTED.findall(lowered))
    if words and german + 2 * hints >= max(3, len(words) // 12):
        return "de"
    return ""


def names_and_places(
    text: str, *, premise: bool = False, language: str | None = None
) -> tuple[list[str], list[str]]:
    """The people and places ``text`` names, read the way its language (if not given) needs."""
    language = language_of(text) if language is None else language
    if language == "ja":
        from bot.providers.offline.lang.ja_steer import names_and_places as japanese

        return japanese(text)
    if language == "de":
        from bot.providers.offline.lang.de_steer import names_and_places as german

        return german(text)
    found = find_entities(text, premise=premise, names_only=not premise)
    return found.names, [*found.places, *found.spots]


@functools.lru_cache(maxsize=256)
def _premise_names(premise: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The premise's people and places: read once, as every fold of a story asks again."""
    names, places = names_and_places(premise, premise=True)
    return tuple(names), tuple(places)


def merge_people(*groups: Sequence[str]) -> list[str]:
    """Names in order, without titles alone or a short form beside its full name."""
    kept: list[str] = []
    for group in groups:
        for name in group:
            words = _words(name)
            if not words or words <= _TITLES_ALONE:
                continue
            clash = next((i for i, k in enumerate(kept) if _same_person(words, _words(k))), None)
            if clash is None:
                kept.append(name)
            elif len(words) > len(_words(kept[clash])):
                kept[clash] = name
    return kept


def _words(name: str) -> set[str]:
    return {w.lower().strip(".") for w in name.replace("・", " ").split()} - {"the"}


def _same_person(a: set[str], b: set[str]) -> bool:
    a_core, b_core = a - _TITLES_ALONE, b - _TITLES_ALONE
    return bool(a_core and b_core) and (a_core <= b_core or b_core <= a_core)


@dataclass(slots=True)
class Memory:
    """A summary read back: the "Cast:", "Places:" and "Story so far:" lines."""

    cast: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    story: list[str] = field(default_factory=list)


def _split_list(raw: str, limit: int) -> list[str]:
    items = (" ".join(item.split()) for item in re.split(r"[,、]", raw))
    return [item for item in items if item and len(item) <= limit]


def read_summary(summary: str) -> Memory:
    """The cast, places and key sentences of a summary, ours or free text from elsewhere."""
    memory = Memory()
    other: list[str] = []
    for line in unmarked(summary).splitlines():
        stripped = line.strip()
        lowered = stripped.lower()
        if lowered.startswith("cast:"):
            memory.cast = _split_list(stripped[5:], 40)
        elif lowered.startswith("places:"):
            memory.places = _split_list(stripped[7:], 50)
        elif lowered.startswith("story so far:"):
            memory.story = split_sentences(stripped[13:])
        elif stripped:
            other.append(stripped)
    if other and not memory.story:
        names, places = names_and_places(" ".join(other))
        memory.cast = merge_people(memory.cast, names)
        memory.places = merge_phrases(memory.places, places)
        memory.story = split_sentences(" ".join(other))
    return memory


def summarise(previous: str, parts: Sequence[str], premise: str, max_chars: int = 1600) -> str:
    """Fold ``parts`` into the ``previous`` summary; the result is never longer than ``max_chars``.

    Earlier names and places come first and are kept (capped at 12 and 8), and
    the story keeps its first sentence plus the newest key sentences, dropping
    from the middle, so applying it any number of times neither grows it nor
    forgets part 1.
    """
    memory = read_summary(previous)
    told_names, told_places = _premise_names(premise) if premise else ((), ())
    texts = [story_body(part) for part in parts]
    language = language_of(" ".join(texts)[:600]) if texts else ""  # one story, one language
    found = [names_and_places(text, language=language) for text in texts]
    cast_keys = {phrase_key(name) for name in memory.cast}
    places = merge_phrases(
        memory.places,
        [
            p
            for p in merge_phrases(told_places, *(f[1] for f in found))
            if phrase_key(p) not in cast_keys
        ],
    )
    place_keys = {phrase_key(place) for place in places}
    cast = merge_people(
        memory.cast,
        [
            n
            for n in merge_people(told_names, *(f[0] for f in found))
            if phrase_key(n) not in place_keys
        ],
    )
    story = list(memory.story)
    for text in texts:
        first = first_sentence(text)
        if first and first not in story:
            story.append(first)
    if not story and premise.strip():
        story = [clip(" ".join(unmarked(premise).split()), 200)]
    return _render(cast[:MAX_CAST], places[:MAX_PLACES], [clip(s, 220) for s in story], max_chars)


def _render(cast: list[str], places: list[str], story: list[str], max_chars: int) -> str:
    joiner = "" if story and is_japanese(story[0]) else " "

    def render() -> str:
        return (
            f"Cast: {', '.join(cast)}\nPlaces: {', '.join(places)}\n"
            f"Story so far: {joiner.join(story)}"
        )

    while len(render()) > max_chars and len(story) > 2:
        del story[1]
    while len(render()) > max_chars and len(story) > 1:
        story.pop()
    text = render()
    return text if len(text) <= max_chars else text[:max_chars].rstrip()
