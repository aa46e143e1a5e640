"""Reading German: premises into facts, directions into events, names out of story text.

German capitalises every noun, so a name is told from a noun by what stands
before it: a title ("Kommissarin Priya Nair", "Herrn Okafor"), "namens", a
kind noun ("ihr Roboter Bolt"), or nothing at all where a noun would need an
article. Noun phrases are read with their article, adjectives and gender, so
they can be declined again in any case ("die gestohlene Krone" -> "der
gestohlenen Krone").
"""

from __future__ import annotations

from bot.providers.offline.lang.base import Facts, Person
from bot.providers.offline.lang.de_words import (
    COMMON_NOUNS,
    COND,
    DETERMINERS,
    GENDERED,
    GOAL_VERBS,
    PLACE_PREPS,
    PLACES,
    PREPOSITIONS,
    PRESENT_GOALS,
    RIVAL_CUES,
    TITLES,
    guess_gender,
    noun_gender,
)
from bot.providers.offline.lang.latin import is_capital, is_word, shouting, tokenize
from bot.providers.offline.model import Noun

_KINDS = frozenset(
    "roboter hund hündin kater katze drache fuchs eule pferd maus rabbit hase papagei freund "
    "freundin gefährte gefährtin assistent assistentin".split()
)
_ADJ_ENDINGS = ("en", "em", "er", "es", "e")


def place_kind(head: str) -> str:
    lowered = head.lower().replace("-", "")
    for suffix in sorted(PLACES, key=len, reverse=True):
        if lowered.endswith(suffix):
            return PLACES[suffix]
    return "city"


def _stem(adjective: str) -> str:
    for ending in _ADJ_ENDINGS:
        if adjective.endswith(ending) and len(adjective) - len(ending) >= 3:
            return adjective[: -len(ending)]
    return adjective


def _gender(
    det: str, adjectives: list[str], head: str, after_prep: bool = False
) -> tuple[str, bool]:
    """The gender of a noun phrase and whether it is plural, from its article and endings."""
    guess, case = DETERMINERS.get(det, ("", 0))
    if after_prep and det == "der":
        return "f", False
    if after_prep and det == "den":
        return noun_gender(head), not head.endswith(("er", "ing")) and head.endswith("en")
    ending = next((e for e in _ADJ_ENDINGS if adjectives and adjectives[-1].endswith(e)), "")
    if det in ("die", "ihre", "seine") and ending == "en":
        return noun_gender(head), True
    if det in ("die", "eine", "zur", "der", "einer", "ihre", "seine", "ihrer", "seiner"):
        return ("f", False) if det != "der" or case == 2 else ("m", False)
    if det in ("ein", "ihr", "sein"):
        return ("m" if ending == "er" else "n" if ending == "es" else noun_gender(head)), False
    if det in ("dem", "im", "am", "zum", "vom", "beim", "einem", "ihrem", "seinem", "des"):
        gender = noun_gender(head)
        return ("n" if gender == "n" else "m"), False
    if det == "das" or det == "ins":
        return "n", False
    if det in ("den", "einen", "ihren", "seinen"):
        return "m", False
    return guess or noun_gender(head), False


def read_np(tokens: list[str], start: int) -> tuple[Noun | None, int]:
    """Adjectives and a capitalised head from ``start`` (after an article), with its tail."""
    det = tokens[start - 1].lower() if start else ""
    after_prep = start > 1 and tokens[start - 2].lower() in PREPOSITIONS
    adjectives: list[str] = []
    index = start
    while index < len(tokens) and tokens[index].islower() and is_word(tokens[index]):
        if tokens[index] in PREPOSITIONS or len(adjectives) > 3:
            return None, index
        adjectives.append(tokens[index])
        index += 1
    if index >= len(tokens) or not (is_capital(tokens[index]) and is_word(tokens[index])):
        return None, index
    head = tokens[index]
    index += 1
    gender, plural = _gender(det, adjectives, head, after_prep)
    tail = ""
    if index + 1 < len(tokens) and tokens[index].lower() in ("ihrer", "seiner", "des", "der"):
        if is_capital(tokens[index + 1]) and tokens[index + 1] not in COMMON_NOUNS:
            tail = f"{tokens[index]} {tokens[index + 1]}"
            index += 2
    stems = [_stem(a) for a in adjectives]
    words = " ".join([*adjectives, head, tail]).strip()
    return Noun(words, head, gender, plural, adj=stems, tail=tail), index


def _proper_place(words: list[str]) -> tuple[Noun, str]:
    """ "Neu-Avalon" (a proper name), or "Burg Ardent" (a place noun and its name)."""
    first = words[0].lower()
    if len(words) > 1 and first in PLACES:
        tail = " ".join(words[1:])
        return Noun(" ".join(words), words[0], noun_gender(words[0]), tail=tail), PLACES[first]
    name = " ".join(words)
    return Noun(name, name, proper=True), place_kind(name)


def name_run(tokens: list[str], start: int) -> int:
    end = start
    while end < len(tokens) and is_capital(tokens[end]) and is_word(tokens[end]):
        if tokens[end] in COMMON_NOUNS or (end > start and tokens[end].lower() in TITLES):
            break
        end += 1
    return end


def person_of(words: list[str], kind: Noun | None = None) -> Person:
    title = ""
    if len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        title = "Herr" if words[0].lower() == "herrn" else words[0]
        words = words[1:]
    name = " ".join(words)
    gender = GENDERED.get(title.lower(), "")
    if not gender and kind is not None:
        gender = GENDERED.get(kind.head.lower(), "")
    return Person(name, title, gender or guess_gender(words[0]), kind)


def read_premise(premise: str) -> Facts:
    text = premise.strip()[:600]
    if shouting(text):
        text = text.lower()
    tokens = tokenize(text)
    facts = Facts()
    nps: list[tuple[int, int, str, Noun]] = []
    people: list[tuple[int, Person]] = []
    index = 0
    while index < len(tokens):
        token, lowered = tokens[index], tokens[index].lower()
        before = tokens[index - 1].lower() if index else ""
        if lowered in ("namens", "genannt") and index + 1 < len(tokens):
            end = max(name_run(tokens, index + 1), index + 2)
            kind = nps.pop()[3] if nps and nps[-1][1] == index else None
            name = [w[:1].upper() + w[1:] for w in tokens[index + 1 : end]]
            people.append((index, person_of(name, kind)))
            index = end
        elif (
            lowered.rstrip(".") in TITLES
            and index + 1 < len(tokens)
            and is_capital(tokens[index + 1])
        ):
            end = name_run(tokens, index + 1)
            people.append((index, person_of(tokens[index:end])))
            index = end
        elif lowered in DETERMINERS:
            noun, end = read_np(tokens, index + 1)
            if noun is None:
                index += 1
                continue
            if end < len(tokens) and is_capital(tokens[end]) and tokens[end] not in COMMON_NOUNS:
                if noun.head.lower() in _KINDS or lowered in ("ihr", "ihre", "sein", "seine"):
                    stop = name_run(tokens, end)
                    people.append((end, person_of(tokens[end:stop], noun)))
                    index = stop
                    continue
                if place_kind(noun.head) != "city" or noun.head.lower() in PLACES:
                    stop = name_run(tokens, end)
                    noun.tail = " ".join(tokens[end:stop])
                    noun.words = f"{noun.words} {noun.tail}"
                    end = stop
            nps.append((index, end, before, noun))
            index = end
        elif is_capital(token) and is_word(token) and token not in COMMON_NOUNS:
            end = name_run(tokens, index)
            if before in PLACE_PREPS:
                facts.places.append(_proper_place(tokens[index:end]))
            elif end > index and (index == 0 or before in ("und", "mit", ",", "von", "gegen")):
                people.append((index, person_of(tokens[index:end])))
            index = max(end, index + 1)
        else:
            index += 1
    _roles(tokens, people, facts)
    _goal(tokens, nps, facts)
    return facts


def _roles(tokens: list[str], people: list[tuple[int, Person]], facts: Facts) -> None:
    verbs = " ".join(t.lower() for t in tokens)
    for index, person in people:
        window = {t.lower() for t in tokens[max(0, index - 2) : index]}
        taking_back = "zurück" in verbs and "von" in window
        if window & RIVAL_CUES or taking_back:
            person.role = "rival"
        facts.people.append(person)


def _goal(tokens: list[str], nps: list[tuple[int, int, str, Noun]], facts: Facts) -> None:
    lowered = [t.lower() for t in tokens]
    verb_at, verb = -1, ""
    for index in range(len(lowered) - 1, -1, -1):
        word = lowered[index]
        found = next((g for s, g in GOAL_VERBS if word.endswith(s)), "")
        if found and word.islower() and tokens[index].islower():
            verb_at, verb = index, found
            break
    if not verb:
        for index, word in enumerate(lowered[:8]):
            found = next((g for s, g in PRESENT_GOALS if word == s), "")
            if found:
                verb_at, verb = index, found
                break
    contracted = ("im", "am", "zum", "zur", "vom", "beim", "ins", "ans")
    objects = [
        n for n in nps if n[2] not in PREPOSITIONS and tokens[n[0]].lower() not in contracted
    ]
    chosen = None
    if verb_at >= 0 and objects:
        before = [n for n in objects if n[1] <= verb_at]
        after = [n for n in objects if n[0] > verb_at]
        chosen = (
            after[0]
            if after and verb in dict(PRESENT_GOALS).values() and not before
            else before[-1]
            if before
            else after[0]
            if after
            else None
        )
    for start, _end, prep, noun in nps:
        if chosen is not None and start == chosen[0]:
            continue
        if (
            prep in PLACE_PREPS
            or tokens[start].lower() in contracted
            or place_kind(noun.head) != "city"
        ):
            facts.places.append((noun, place_kind(noun.head)))
        elif noun.tail and noun.tail.split()[-1].lower() in PLACES:
            facts.places.append((noun, place_kind(noun.head)))
        else:
            facts.things.append(noun)
    if chosen is not None:
        noun = chosen[3]
        facts.cond = next((COND[a] for a in noun.adj if a in COND), "")
        tail_place = noun.tail.split()[-1] if noun.tail else ""
        if tail_place and place_kind(tail_place) != "city":
            facts.places.append(
                (Noun(tail_place, tail_place, noun_gender(tail_place)), place_kind(tail_place))
            )
            noun.tail, noun.words = "", noun.words.replace(f" {chosen[3].tail}", "")
        if verb == "reach":
            facts.goal_place = (noun, place_kind(noun.head))
        else:
            facts.goal_thing = noun
            if not facts.places and noun.head.lower() in PLACES:
                facts.places.append(
                    (Noun(noun.words, noun.head, noun.gender, adj=noun.adj), place_kind(noun.head))
                )
    facts.goal_verb = verb or ("find" if facts.goal_thing else "")


# --- Directions ---------------------------------------------------------------------------
