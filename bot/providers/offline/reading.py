"""Reading names, places and objects out of text by capitalisation: English and French.

Used by the memory summariser for text in those languages (any storyteller's)
and for rebuilding a story whose state was lost. Plain regular-expression
heuristics, tuned for speed: the summariser runs on every fold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.providers.offline.reading_words import (
    ABBREVIATION,
    ARTICLES_ABROAD,
    CONNECTORS,
    CUES,
    DETERMINERS,
    NAME_CUES,
    NAMING,
    NOT_NAMES,
    NOT_NOUNS,
    PLACE_NOUNS,
    PLACE_WORDS,
    PLACE_WORDS_BARE,
    POSSESSIVE,
    SENTENCE_BREAKS,
    VAGUE,
    is_capitalised,
    is_common,
    is_word,
    seen_lowercase,
    shouting,
    tokenise,
)

# --- Reading text: sentences, names, places, objects -------------------------------------


def phrase_key(phrase: str) -> str:
    """Compare names and places without case or a leading "the"."""
    lowered = phrase.lower()
    return lowered[4:] if lowered.startswith("the ") else lowered


def merge_phrases(*groups: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    merged = []
    for group in groups:
        for item in group:
            if not item:
                continue
            key = phrase_key(item)
            if key not in seen:
                seen.add(key)
                merged.append(item)
    return merged


@dataclass(slots=True)
class Entities:
    """What a text mentions, in order of first appearance."""

    names: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    """Capitalised places ("the Glass Coast", "Paris")."""
    spots: list[str] = field(default_factory=list)
    """Common-noun places ("the small village"), trusted only in premises."""
    objects: list[str] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)
    """What a named character is: {"Ember": "dragon"}."""
    subject: str = ""
    """The first noun phrase: who the text is about when nobody is named."""


def _noun_phrase(tokens: list[str], start: int) -> tuple[str, int]:
    """Up to three lowercase words from ``start``, dropping a trailing verb if it looks like one."""
    words: list[str] = []
    for token in tokens[start : start + 3]:
        if not (token[0].isalpha() and token.islower()) or token in NOT_NOUNS:
            break
        words.append(token)
    end = start + len(words)
    following = tokens[end].lower() if end < len(tokens) else ""
    if len(words) > 1 and (
        following in DETERMINERS or following == "to" or words[-1].endswith("ed")
    ):
        words.pop()
        end -= 1
    return " ".join(words), end


def find_entities(text: str, *, premise: bool = False, names_only: bool = False) -> Entities:
    """Names, places and objects in ``text``, by capitalisation and the words around them.

    Heuristics, not grammar: a capitalised phrase after a place word (in, on,
    across...) or "the" is a place, any other one not at a sentence start is a
    name, as is the word after "named"/"called"; a noun phrase after a/an/the
    is an object. Sentence-initial words count only if they are not common words.
    A ``premise`` also trusts "to Paris" and "at Hogwarts" as places; a story,
    where "said to Pip" is common, does not. ``names_only`` reads just names and
    places (the rest stays empty), which is all a summary needs, in less time.
    """
    text = text[:4000]
    if "." in text:
        text = ABBREVIATION.sub(r"\1", text)  # "Mr. Okafor" is one name, not a sentence end
    tokens = tokenise(text)
    if shouting(text, tokens):
        text = text.lower()
        tokens = tokenise(text)
    vocabulary = set(tokens)
    found = Entities()
    last_np: tuple[str, int] = ("", -1)
    pending_kind = ""
    resume = 0
    for index in _starts(tokens, NAME_CUES if names_only else CUES):
        if index < resume:
            continue  # read already: part of a name, or the name after "named"
        lowered = tokens[index].lower()
        following = tokens[index + 1] if index + 1 < len(tokens) else "?"
        if lowered in DETERMINERS and following[0].islower():
            if names_only:
                continue
            phrase, end = _noun_phrase(tokens, index + 1)
            if phrase and phrase.split()[-1] not in VAGUE:
                last_np = (phrase, end)
                if (tokens[index - 1].lower() if index else "") in PLACE_WORDS:
                    found.spots.append(f"the {phrase}")
                else:
                    found.objects.append(phrase)
                found.subject = found.subject or phrase
        elif (
            lowered in NAMING
            and following[0].isalpha()
            and (following.islower() or is_common(following))
            and following.lower() not in NOT_NAMES
        ):
            # "a cat called biscuit", "a boy named Will": names that look like other words
            name = following.capitalize()
            found.names.append(name)
            if last_np[1] == index:
                found.kinds.setdefault(name, last_np[0])
            resume = index + 2
        elif lowered in NAMING:
            pending_kind = last_np[0] if last_np[1] == index else ""
        elif tokens[index][0].isupper():
            named = len(found.names)
            if last_np[1] == index:  # "her robot Bolt"
                pending_kind = pending_kind or last_np[0]
            resume = _read_capitalised(
                tokens,
                index,
                vocabulary,
                found,
                pending_kind,
                PLACE_WORDS if premise else PLACE_WORDS_BARE,
            )
            if len(found.names) > named and not names_only:
                _read_apposition(tokens, resume, found.names[-1], found)
            pending_kind = ""
    found.names = merge_phrases(found.names)
    found.places = merge_phrases(found.places)
    return found


def _starts(tokens: list[str], cues: frozenset[str]) -> list[int]:
    """Where something may start: capitalised words and ``cues`` (a, the, named...).

    Every other token is skipped unread. A token with no capitals is its own
    lowercase, so for most tokens two quick checks decide.
    """
    return [
        index
        for index, token in enumerate(tokens)
        if token in cues
        or (not token.islower() and (token.lower() in cues or is_capitalised(token)))
    ]


def _starts_sentence(tokens: list[str], index: int) -> bool:
    """Whether no word comes between the last sentence break (or the start) and ``index``."""
    for before in range(index - 1, -1, -1):
        if tokens[before][0] in SENTENCE_BREAKS:
            return True
        if is_word(tokens[before]):
            return False
    return True


def _read_apposition(tokens: list[str], index: int, name: str, found: Entities) -> None:
    """ "Ember, a shy dragon" and "Ember the dragon" say what Ember is."""
    if index < len(tokens) and tokens[index] == ",":
        index += 1
    if index + 1 < len(tokens) and tokens[index].lower() in ("a", "an", "the"):
        phrase, _ = _noun_phrase(tokens, index + 1)
        if phrase:
            found.kinds.setdefault(name, phrase)


def _read_capitalised(
    tokens: list[str],
    start: int,
    vocabulary: set[str],
    found: Entities,
    pending_kind: str,
    place_words: frozenset[str],
) -> int:
    """Classify the run of capitalised words at ``start``; return the index after it."""
    end = start
    while end < len(tokens):
        if is_capitalised(tokens[end]):
            end += 1
        elif (
            tokens[end].lower() in CONNECTORS
            and end + 1 < len(tokens)
            and is_capitalised(tokens[end + 1])
        ):
            end += 1
        else:
            break
    run = tokens[start:end]
    if len(run) == 1 and is_common(run[0]):
        return end  # "The", "When": nothing to record, and the commonest case
    before = tokens[start - 1].lower() if start else ""
    before2 = tokens[start - 2].lower() if start > 1 else ""
    if before in ARTICLES_ABROAD and before2 in PLACE_WORDS:
        before = "the"  # "sur la Côte de Verre"
    elif before == "of" and before2 in PLACE_NOUNS:
        before = "in"  # "the ruins of Mars"
    phrase: list[str] = []
    first_phrase = True
    for word in (*run, ""):
        if word and (not is_common(word) or (phrase and word.lower() in CONNECTORS)):
            phrase.append(word)
            continue
        possessive = bool(phrase) and phrase[-1].endswith(POSSESSIVE)
        if possessive:
            phrase[-1] = phrase[-1][:-2]
        while phrase and phrase[-1].lower() in CONNECTORS:
            phrase.pop()
        if phrase:
            is_place = not possessive and (before in place_words or before == "the")
            _classify(
                phrase,
                is_place,
                before == "the",
                first_phrase
                and len(phrase) == 1
                and _starts_sentence(tokens, start)
                and seen_lowercase(phrase[0].lower(), vocabulary),
                found,
                pending_kind,
            )
        phrase = []
        before = word.lower()
        first_phrase = False
    return end


def _classify(
    words: list[str],
    is_place: bool,
    has_the: bool,
    ordinary: bool,
    found: Entities,
    pending_kind: str,
) -> None:
    """Record one capitalised phrase; ``ordinary`` means it is just a sentence's first word."""
    text = " ".join(words[:5])
    if len(text) > 40 or any(map(str.isdigit, text)):
        return
    if is_place:
        found.places.append(f"the {text}" if has_the else text)
    elif not ordinary:
        found.names.append(text)
    if pending_kind:
        found.kinds.setdefault(text, pending_kind)


# --- Choices ---------------------------------------------------------------------------
