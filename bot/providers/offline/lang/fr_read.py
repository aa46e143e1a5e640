"""Reading French: premises into facts, directions into events, names out of story text.

Names are capitalised runs, with a title before them ("L'inspectrice Priya
Nair", "M. Okafor", "la docteure Amara Osei"); a run after "à", "dans",
"sur"... is a place. Noun phrases keep their article's gender ("la couronne
volée" is feminine), and "nommé"/"appelée" names the noun phrase before it.
"""

from __future__ import annotations

import re

from bot.providers.offline.lang.base import Facts, Person
from bot.providers.offline.lang.fr_verbs import past
from bot.providers.offline.lang.fr_words import (
    COMMON,
    COND,
    GENDERED,
    GOAL_VERBS,
    PLACE_PREPS,
    PLACES,
    RIVAL_CUES,
    TITLES,
    guess_gender,
    noun_gender,
)
from bot.providers.offline.lang.latin import capital_run, is_capital, is_word, shouting, tokenize
from bot.providers.offline.model import Noun

_ARTICLES = {
    "le": "m",
    "la": "f",
    "l'": "",
    "les": "p",
    "un": "m",
    "une": "f",
    "des": "p",
    "du": "m",
    "au": "m",
    "aux": "p",
    "son": "m",
    "sa": "f",
    "ses": "p",
    "leur": "",
    "mon": "m",
    "ma": "f",
}
_STOP = frozenset(
    """et ou mais à au aux dans sur sous avec sans pour par vers chez en qui que dont où avant
    après pendant contre entre nommé nommée appelé appelée doit doivent veut veulent va vont
    est sont a ont cherche cherchent garde gardent il elle ils elles se""".split()
)


def place_kind(words: str) -> str:
    lowered = words.lower().replace("-", " ")
    for token in lowered.split():
        if token in PLACES:
            return PLACES[token]
    return "city"


def split_words(text: str) -> list[str]:
    """Tokens with elided articles apart: "l'inspectrice" -> "l'", "inspectrice"."""
    out: list[str] = []
    for token in tokenize(text.replace("’", "'")):
        match = re.match(r"^([ldjmtsnLDJMTSN]|qu|Qu|jusqu|lorsqu)'(.+)$", token)
        if match:
            out += [match[1].lower() + "'", match[2]]
        else:
            out.append(token)
    return out


_BEFORE_NOUN = frozenset(
    "vieux vieil vieille petit petite grand grande beau bel belle nouveau nouvel nouvelle jeune "
    "bon bonne mauvais mauvaise haut haute gros grosse joli jolie".split()
)


def noun_of(words: list[str], det: str) -> Noun:
    text = " ".join(words).replace("' ", "'")
    head = next((w for w in words if w.lower() not in _BEFORE_NOUN), words[0])
    gender = _ARTICLES.get(det, "")
    plural = gender == "p"
    if gender in ("", "p"):
        gender = noun_gender(head)
    return Noun(words=text, head=head, gender=gender, plural=plural)


def _read_np(tokens: list[str], start: int) -> tuple[list[str], int]:
    """A noun phrase after an article: lower-case words, "de" + more, up to a stop word."""
    words: list[str] = []
    index = start
    if index < len(tokens) and is_capital(tokens[index]):
        return words, index
    while index < len(tokens) and len(words) < 7:
        token = tokens[index]
        lowered = token.lower()
        if lowered in ("de", "d'") and words and index + 1 < len(tokens):
            words.append(token)
            index += 1
            continue
        if (
            not is_word(token)
            or lowered in _STOP
            or (words and past(lowered) and token.islower() and lowered.endswith(("ent", "er")))
        ):
            break
        if is_capital(token) and words and words[-1].lower() not in ("de", "d'", "la", "le"):
            break
        words.append(token)
        index += 1
    while words and words[-1].lower() in ("de", "d'", "la", "le", "l'", "les"):
        words.pop()
    return words, index


def read_premise(premise: str) -> Facts:
    text = premise.strip()[:600]
    if shouting(text):
        text = text.lower()
    tokens = split_words(text)
    facts = Facts()
    people: list[tuple[int, Person]] = []
    nps: list[tuple[int, int, str, str, list[str]]] = []
    index = 0
    while index < len(tokens):
        token, lowered = tokens[index], tokens[index].lower()
        before = tokens[index - 1].lower() if index else ""
        if lowered.rstrip(".") in ("nommé", "nommée", "appelé", "appelée") and index + 1 < len(
            tokens
        ):
            end = max(capital_run(tokens, index + 1, TITLES), index + 2)
            kind = noun_of(nps[-1][4], nps[-1][2]) if nps and nps[-1][1] == index else None
            if kind is not None:
                nps.pop()
            people.append(
                (
                    index,
                    person_of(tokens[index + 1 : end], kind, "f" if lowered.endswith("e") else "m"),
                )
            )
            index = end
        elif (
            lowered in _ARTICLES
            and index + 2 < len(tokens)
            and tokens[index + 1].lower() in TITLES
            and is_capital(tokens[index + 2])
        ):
            index += 1
        elif (
            lowered.rstrip(".") in TITLES
            and index + 1 < len(tokens)
            and is_capital(tokens[index + 1])
        ):
            end = capital_run(tokens, index + 1, TITLES)
            people.append((index, person_of(tokens[index:end])))
            index = end
        elif is_capital(token) and is_word(token) and lowered not in COMMON:
            end = capital_run(tokens, index, TITLES)
            words = tokens[index:end]
            if before in PLACE_PREPS or (
                before in ("le", "la", "l'") and place_kind(" ".join(words)) != "city"
            ):
                det = before if before in ("le", "la", "l'") else ""
                name = " ".join(words)
                noun = Noun(
                    name, name, _ARTICLES.get(det, "") or noun_gender(words[0]), proper=not det
                )
                facts.places.append((noun, place_kind(name)))
            elif nps and nps[-1][1] == index and place_kind(" ".join(nps[-1][4])) != "city":
                start, _end, det, prev, np_words = nps.pop()
                nps.append((start, end, det, prev, [*np_words, *words]))
            elif nps and nps[-1][1] == index and nps[-1][2] in ("son", "sa", "leur"):
                kind = noun_of(nps.pop()[4], "")
                people.append((index, person_of(words, kind)))
            else:
                people.append((index, person_of(words)))
            index = end
        elif lowered in _ARTICLES:
            words, end = _read_np(tokens, index + 1)
            if words:
                nps.append((index, end, lowered, before, words))
            index = max(end, index + 1)
        else:
            index += 1
    _roles(tokens, people, facts)
    _goal(tokens, nps, facts)
    return facts


def person_of(words: list[str], kind: Noun | None = None, gender: str = "") -> Person:
    title = ""
    if len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        title = (
            words[0]
            if words[0][:1].isupper()
            and words[0].lower() in ("m.", "mme", "mlle", "lady", "lord", "sir")
            else words[0].lower()
        )
        words = words[1:]
    name = " ".join(w[:1].upper() + w[1:] for w in words)
    gender = GENDERED.get(title.lower(), "") or gender
    if not gender and kind is not None:
        gender = kind.gender
    return Person(name, title, gender or guess_gender(words[0] if words else name), kind)


def _roles(tokens: list[str], people: list[tuple[int, Person]], facts: Facts) -> None:
    for index, person in people:
        window = {t.lower() for t in tokens[max(0, index - 3) : index]}
        if window & RIVAL_CUES:
            person.role = "rival"
        facts.people.append(person)


def _goal(tokens: list[str], nps: list[tuple[int, int, str, str, list[str]]], facts: Facts) -> None:
    lowered = [t.lower() for t in tokens]
    verb, verb_at = "", -1
    for index, word in enumerate(lowered):
        if word in GOAL_VERBS:
            verb, verb_at = GOAL_VERBS[word], index
            break
    chosen = next((n for n in nps if n[0] > verb_at >= 0), None)
    for entry in nps:
        _start, _end, det, before, words = entry
        noun = noun_of(words, det)
        if entry is chosen:
            continue
        if before in PLACE_PREPS or det in ("au", "aux") or place_kind(noun.words) != "city":
            facts.places.append((noun, place_kind(noun.words)))
        else:
            facts.things.append(noun)
    if chosen is not None:
        noun = noun_of(chosen[4], chosen[2])
        facts.cond = next((COND[w.lower()] for w in chosen[4] if w.lower() in COND), "")
        if " de " in f" {noun.words} ":
            main, _, tail = noun.words.partition(" de ")
            words = tail.split()
            nouns = words[1:] if words[0] in ("la", "le", "l'", "les") else words
            if nouns and nouns[0].lower() in PLACES:
                facts.places.append((noun_of(nouns, words[0]), PLACES[nouns[0].lower()]))
                noun.words = main
        if verb == "reach":
            facts.goal_place = (noun, place_kind(noun.words))
        else:
            facts.goal_thing = noun
            if not facts.places and place_kind(noun.head) != "city":
                facts.places.append(
                    (Noun(noun.words, noun.head, noun.gender), place_kind(noun.head))
                )
    facts.goal_verb = verb or ("find" if facts.goal_thing else "")


# --- Directions ---------------------------------------------------------------------------
