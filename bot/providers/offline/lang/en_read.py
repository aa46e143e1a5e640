"""Reading English: premises into facts, directions into events.

Capitalised runs are people unless a place word comes before them ("in New
Avalon") or they end in a place noun ("Port Hollow", "the Glass Coast"); a
title at the front belongs to the name ("Mr. Okafor", "Detective Priya Nair").
Lower-case noun phrases after "the", "a", "her"... are things, or places when
their noun is a place ("the back of the museum"). The goal is the verb after
"must", "wants to"... (or the premise's main verb) and what follows it.
"""

from __future__ import annotations

from bot.providers.offline.lang.base import Facts, Person
from bot.providers.offline.lang.en_verbs import base_of
from bot.providers.offline.lang.en_words import (
    COMMON,
    COND,
    DETERMINERS,
    GENDERED,
    GOAL_VERBS,
    NP_STOP,
    PLACE_FIRST,
    PLACE_NOUNS,
    RIVAL_CUES,
    STRONG_PREPS,
    TITLES,
    WEAK_PREPS,
    guess_gender,
)
from bot.providers.offline.lang.latin import capital_run, is_capital, is_word, shouting, tokenize
from bot.providers.offline.model import Noun

_KIND_WORDS = frozenset("cat dog fox dragon robot owl horse mouse rabbit bear".split())


def place_kind(words: str) -> str:
    tokens = [w.lower().strip(".,") for w in words.split()]
    if "station" in tokens and any(t in ("train", "railway", "bus", "tube") for t in tokens):
        return "terminal"
    for token in reversed(tokens):
        for candidate in (token, token.rstrip("s")):
            if candidate in PLACE_NOUNS:
                return PLACE_NOUNS[candidate]
    if tokens and tokens[0] in PLACE_FIRST:
        return PLACE_FIRST[tokens[0]]
    return "city"


def is_place_words(words: list[str]) -> bool:
    lowered = [w.lower() for w in words]
    return any(w in PLACE_NOUNS or w.rstrip("s") in PLACE_NOUNS for w in lowered) or (
        bool(lowered) and lowered[0] in PLACE_FIRST and len(lowered) > 1
    )


def noun_of(words: list[str], det: str = "") -> Noun:
    """A noun phrase from its words: the head is the last word before "of"."""
    text = " ".join(words)
    before_of = words[: words.index("of")] if "of" in words else words
    head = before_of[-1] if before_of else text
    if head.lower() in ("back", "edge", "top", "end", "side", "heart", "middle", "bottom"):
        head = text
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
    possessive = det if det not in ("a", "an", "the", "") else ""
    return Noun(words=text, head=head, plural=plural, det=possessive)


def read_np(tokens: list[str], start: int) -> tuple[list[str], int]:
    """Lower-case words from ``start`` that make a noun phrase, with "of the ..." after it."""
    words: list[str] = []
    index = start
    while index < len(tokens) and len(words) < 7:
        token = tokens[index]
        lowered = token.lower()
        if lowered == "of" and words and index + 1 < len(tokens):
            after = tokens[index + 1].lower()
            if after in ("the", "a", "an") or (after.isalpha() and after not in NP_STOP):
                words.append("of")
                if after in ("the", "a", "an"):
                    words.append(after)
                    index += 1
                index += 1
                continue
        if not (is_word(token) and token.islower()) or lowered in NP_STOP:
            break
        if words and base_of(lowered) not in ("", lowered) and lowered not in PLACE_NOUNS:
            break  # "a dragon who guards": an inflected verb ends the phrase
        words.append(token)
        index += 1
    while words and words[-1] in ("of", "the", "a", "an"):
        words.pop()
    return words, index


def title_and_name(words: list[str]) -> tuple[str, str]:
    if len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        title = words[0]
        if title.lower() in ("mr", "mrs", "ms", "dr", "st"):
            title += "."
        return title, " ".join(words[1:])
    return "", " ".join(words)


def read_premise(premise: str) -> Facts:
    text = premise.strip()[:600]
    if shouting(text):
        text = text.lower()
    tokens = tokenize(text)
    facts = Facts()
    nps: list[tuple[int, int, str, list[str]]] = []
    person_at: dict[int, Person] = {}
    index = 0
    while index < len(tokens):
        token, lowered = tokens[index], tokens[index].lower()
        if (
            lowered in ("named", "called")
            and index + 1 < len(tokens)
            and is_word(tokens[index + 1])
        ):
            end = capital_run(tokens, index + 1, TITLES)
            end = max(end, index + 2)
            name = " ".join(w[:1].upper() + w[1:] for w in tokens[index + 1 : end])
            kind = nps[-1][3] if nps and nps[-1][1] == index else []
            person_at[index] = Person(name, kind=noun_of(kind) if kind else None)
            if nps and nps[-1][1] == index:
                nps.pop()
            index = end
        elif (is_capital(token) and is_word(token)) or lowered.rstrip(".") in TITLES:
            end = capital_run(tokens, index, TITLES)
            if end == index:
                index += 1
                continue
            _classify(tokens, index, end, facts, person_at, nps)
            index = end
        elif lowered in DETERMINERS or lowered.endswith(("'s", "’s")):
            words, end = read_np(tokens, index + 1)
            if words:
                nps.append((index, end, lowered, words))
            index = max(end, index + 1)
        else:
            index += 1
    _roles(tokens, person_at, facts)
    _goal(tokens, facts, person_at, nps)
    _things_and_places(tokens, facts, nps, person_at)
    return facts


def _classify(
    tokens: list[str],
    start: int,
    end: int,
    facts: Facts,
    person_at: dict[int, Person],
    nps: list[tuple[int, int, str, list[str]]],
) -> None:
    words = tokens[start:end]
    title, name = title_and_name(words)
    if not name or (not title and len(words) == 1 and words[0].lower() in COMMON):
        return
    before = tokens[start - 1].lower() if start else ""
    before2 = tokens[start - 2].lower() if start > 1 else ""
    placey = is_place_words(words)
    if not title and (
        before in STRONG_PREPS
        or (before in WEAK_PREPS and placey)
        or (before == "the" and (placey or before2 in STRONG_PREPS | WEAK_PREPS))
        or (placey and len(words) > 1)
    ):
        noun = Noun(words=name, head=name, proper=True, det="the" if before == "the" else "")
        facts.places.append((noun, place_kind(name)))
        return
    kind = None
    if nps and nps[-1][1] == start and nps[-1][2] not in ("the",):
        kind = noun_of(nps.pop()[3])
    person_at[start] = Person(name, title, kind=kind)


def _roles(tokens: list[str], person_at: dict[int, Person], facts: Facts) -> None:
    for index, person in sorted(person_at.items()):
        window = [t.lower() for t in tokens[max(0, index - 3) : index]]
        after = [t.lower() for t in tokens[index + 1 : index + 6]]
        if any(w in RIVAL_CUES for w in window) or any(w in RIVAL_CUES for w in after[:3]):
            person.role = "rival"
        person.gender = person.gender or _gender(tokens, index, person)
        facts.people.append(person)


def _gender(tokens: list[str], index: int, person: Person) -> str:
    if person.title.lower().rstrip(".") in GENDERED:
        return GENDERED[person.title.lower().rstrip(".")]
    if person.kind is not None and person.kind.head.lower() in GENDERED:
        return GENDERED[person.kind.head.lower()]
    for token in tokens[index + 1 : index + 12]:
        lowered = token.lower()
        if lowered in ("her", "she", "herself"):
            return "f"
        if lowered in ("his", "he", "himself"):
            return "m"
    return guess_gender(person.name.split()[0])


def _goal(
    tokens: list[str],
    facts: Facts,
    person_at: dict[int, Person],
    nps: list[tuple[int, int, str, list[str]]],
) -> None:
    lowered = [t.lower() for t in tokens]
    for index in range(len(lowered)):
        for length in (3, 2, 1):
            phrase = " ".join(lowered[index : index + length])
            verb = GOAL_VERBS.get(phrase)
            if verb is None:
                continue
            after = index + length
            while after < len(lowered) and lowered[after] in ("to", "for"):
                after += 1
            np = next((n for n in nps if n[0] == after or n[0] == after - 1), None)
            person = person_at.get(after)
            if person is not None and verb in ("find", "rescue", "catch"):
                facts.goal_verb = "rescue" if verb != "catch" else "catch"
                facts.goal_person = person.name
                if verb == "catch":
                    person.role = "rival"
                return
            if np is not None:
                words = np[3]
                noun = noun_of(words, np[2])
                facts.cond = next((COND[w] for w in words if w in COND), "")
                if verb == "reach" or (verb == "find" and is_place_words(words) and np[2] == "the"):
                    facts.goal_place = (noun, place_kind(noun.words))
                    facts.goal_verb = "reach" if verb == "reach" else "find"
                else:
                    facts.goal_verb, facts.goal_thing = verb, noun
                nps.remove(np)
                return
            places = [p for p in facts.places if p[0].words.lower().startswith(lowered[after])]
            if verb == "reach" and places:
                facts.goal_verb, facts.goal_place = "reach", places[0]
                return


def _things_and_places(
    tokens: list[str],
    facts: Facts,
    nps: list[tuple[int, int, str, list[str]]],
    person_at: dict[int, Person],
) -> None:
    first_person = min(person_at) if person_at else len(tokens)
    for start, _end, det, words in nps:
        before = tokens[start - 1].lower() if start else ""
        noun = noun_of(words, det)
        if before in STRONG_PREPS | WEAK_PREPS and is_place_words(words):
            noun.det = ""
            facts.places.append((noun, place_kind(noun.words)))
        elif start < first_person and facts.hero_kind is None and not facts.people:
            facts.hero_kind = noun
        elif is_place_words(words) and det in ("the", "a", "an"):
            facts.places.append((noun, place_kind(noun.words)))
        else:
            facts.things.append(noun)
    if (
        facts.goal_thing is not None
        and not facts.places
        and is_place_words([facts.goal_thing.head])
    ):
        goal = facts.goal_thing
        facts.places.append((Noun(goal.words, goal.head), place_kind(goal.words)))
    if facts.goal_thing is None and facts.things and not (facts.goal_person or facts.goal_place):
        facts.goal_thing = facts.things[0]
        facts.cond = next((COND[w] for w in facts.goal_thing.words.split() if w in COND), "")
    if facts.goal_verb == "" and facts.goal_thing is not None:
        facts.goal_verb = "find"


# --- Directions ----------------------------------------------------------------------------
