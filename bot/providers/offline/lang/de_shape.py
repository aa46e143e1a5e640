"""Reading a German first prompt that names nobody: "ein Fuchs, der Schlüssel sammelt".

The German counterpart of :mod:`.en_shape`. The hero is the opening noun
phrase ("ein einsamer Roboter", "zwei Kinder"); what follows is a relative
clause with the verb at its end ("der Schlüssel sammelt", "die das Meer sehen
will") or a main clause ("sucht einen Freund", "bauen eine Rakete, um zum Mond
zu fliegen"). The first noun after the hero is the goal, unless the premise
travels somewhere ("zum Mond fliegen": the goal is to reach it), fears
something ("Angst vor der Dunkelheit": the goal is to face it) or longs for
someone ("einen Freund": the goal is to meet them), or wants to learn
something ("fliegen lernen will"). A companion ("und sein Hund") is the ally;
after "namens" the clause about the named hero is read the same way.
"""

from __future__ import annotations

import dataclasses

from bot.providers.offline.lang.base import Facts
from bot.providers.offline.lang.de_read import _stem, place_kind
from bot.providers.offline.lang.de_words import COND, DETERMINERS, GENDERED, PLACES, noun_gender
from bot.providers.offline.lang.latin import is_capital, is_word, tokenize
from bot.providers.offline.model import Noun

NUMBERS = {"ein": 1, "eine": 1, "der": 1, "die": 1, "das": 1, "zwei": 2, "drei": 3, "vier": 4}
PLURALS = {
    "Kinder": "Kind",
    "Freunde": "Freund",
    "Freundinnen": "Freundin",
    "Mäuse": "Maus",
    "Füchse": "Fuchs",
    "Hunde": "Hund",
    "Katzen": "Katze",
    "Drachen": "Drache",
    "Brüder": "Bruder",
    "Schwestern": "Schwester",
    "Geschwister": "Kind",
    "Jungen": "Junge",
}
NATURAL = {"mädchen": "f", "junge": "m", "frau": "f", "mann": "m", "seemann": "m", "kind": ""}
"""Kinds whose people are a girl or a boy whatever the word's grammatical gender."""
DATIVE_PLURALS = {
    "Stürmen": "Stürme",
    "Gewittern": "Gewitter",
    "Geistern": "Geister",
    "Sternen": "Sterne",
}
WISH = frozenset("freund freundin gefährte gefährtin familie mutter vater bruder schwester".split())
REACH = ("fliegen", "reisen", "gelangen", "kommen", "fahren", "segeln", "sehen", "besuchen")
TO = frozenset("zum zur nach ins ans".split())
MAKE = frozenset("bauen baut basteln bastelt bauten baute erfinden erfindet".split())
OWN = frozenset("sein seine seinen seinem ihr ihre ihren ihrem".split())
"""Possessives before a noun: "sucht seine Mutter", "und sein Hund"."""
RELATIVE = frozenset("der die das welcher welche welches".split())
FEAR_PLACES = {
    "dunkelheit": Noun("dunkle Höhle", "Höhle", "f", adj=["dunkl"]),
    "dunkel": Noun("dunkle Höhle", "Höhle", "f", adj=["dunkl"]),
    "nacht": Noun("dunkle Höhle", "Höhle", "f", adj=["dunkl"]),
    "stürme": Noun("stürmische Klippen", "Klippen", "f", True, adj=["stürmisch"]),
    "sturm": Noun("stürmische Klippen", "Klippen", "f", True, adj=["stürmisch"]),
    "gewitter": Noun("stürmische Klippen", "Klippen", "f", True, adj=["stürmisch"]),
    "wasser": Noun("tiefer See", "See", "m", adj=["tief"]),
}


def refine(text: str, facts: Facts) -> None:
    """Correct ``facts`` read by the general reader when the premise names nobody."""
    facts.people = [p for p in facts.people if p.name.split()[0].lower() not in NUMBERS]
    tokens = [t for t in tokenize(text) if is_word(t)]
    named = next((i for i, t in enumerate(tokens) if t.lower() in ("namens", "genannt")), -1)
    if len(facts.people) == 1 and not facts.people[0].title and named > 0:
        # "Ein Drache namens Ember hat Angst vor der Dunkelheit": the clause after the name
        kind = facts.people[0].kind
        if kind is not None and tokens[0].lower() == "ein":  # "Ein Drache": never feminine
            kind.gender = _gender("ein", kind.head)
        _clause(tokens[named + 1 + len(facts.people[0].name.split()) :], facts, named=True)
        return
    if facts.people:
        return
    subject = _subject(tokens)
    if subject is None:
        return
    kind, count, end = subject
    facts.hero_kind, facts.heroes = kind, count
    natural = NATURAL.get(kind.head.lower()) or GENDERED.get(kind.head.lower(), "")
    facts.hero_gender = natural or (kind.gender if kind.gender in ("m", "f") else "")
    rest = tokens[end:]
    facts.things = [t for t in facts.things if t.head != kind.head]
    if len(rest) > 2 and rest[0] == "und" and rest[1].lower() in OWN:  # "und sein Hund"
        companion = _np_at(rest, 1)
        if companion is not None:
            facts.ally_kind = companion
            facts.things = [t for t in facts.things if t.head != companion.head]
            if facts.goal_thing is not None and facts.goal_thing.head == companion.head:
                facts.goal_thing, facts.goal_verb = None, ""
            rest = rest[3 + len(companion.adj) :]
    _clause(rest, facts, named=False)


def _clause(rest: list[str], facts: Facts, *, named: bool) -> None:
    """What the hero fears, where they go, or what they look for, from the words after them.

    After a name (``named``) the general reader's goal stands if it has one: "Eine Katze
    namens Tom bewacht einen Leuchtturm" keeps its lighthouse to guard.
    """
    if _fear(rest, facts):
        return
    skill = _skill(rest)
    if skill and not (named and (facts.goal_thing or facts.goal_place)):
        facts.skill, facts.goal_verb = skill, "learn"  # "der fliegen lernen will"
        facts.goal_thing, facts.goal_place, facts.goal_person = None, None, ""
        return
    if named and (facts.goal_place is not None or facts.goal_person):
        return
    goal = facts.goal_thing
    if named and goal is not None and goal.head.lower() not in WISH:
        return
    target = _reach(rest)
    if target is not None:
        _go(facts, target[0])
        made = _first_noun(rest)
        if made is not None and made.head != target[0].head and MAKE & {w.lower() for w in rest}:
            facts.made = made  # "bauen eine Rakete, um zum Mond zu fliegen"
            facts.things = [t for t in facts.things if t.head != made.head]
        return
    noun = _first_noun(rest)
    if noun is None:
        return
    if noun.head.lower() in WISH:
        facts.wish, facts.goal_thing, facts.goal_verb = noun, None, "meet"
    elif noun.head.lower() in PLACES and noun.head.lower() not in ("haus",):
        _go(facts, noun)
    else:
        if noun.plural:  # "Schlüssel", "Sterne": one thing to find, and the phrases agree
            facts.things = [t for t in facts.things if t.head != noun.head]
            noun = _one(noun)
        facts.goal_verb, facts.goal_thing, facts.goal_place = "find", noun, None
        facts.cond = next((COND[a] for a in noun.adj if a in COND), "")


MODALS = frozenset("will möchte mag muss kann darf wollen möchten".split())


def _skill(rest: list[str]) -> str:
    """ "fliegen lernen will", "lernt, Rad zu fahren", "will fliegen": something to learn."""
    words = [w for w in rest if w not in (",", "zu")]
    if words and words[0].lower() in RELATIVE:
        words = words[1:]
    lowered = [w.lower() for w in words]
    if "lernen" in lowered:
        phrase = words[: lowered.index("lernen")]
    elif "lernt" in lowered:
        phrase = words[lowered.index("lernt") + 1 :]
    elif 1 <= len(words) <= 3 and all(w.islower() for w in words):
        phrase = words  # "will fliegen", "fliegen will": nothing but wanting to do it
    else:
        return ""
    phrase = [w for w in phrase if w.lower() not in MODALS]
    if not phrase or not phrase[-1].endswith(("en", "ern", "eln")) or len(phrase) > 4:
        return ""
    return " ".join(phrase)


def _one(noun: Noun) -> Noun:
    """A plural noun as one of it, where the singular can be told from the plural."""
    head = noun.head
    if head.endswith("innen"):
        head = head[:-3]
    elif head.endswith(("eln", "ern")):
        head = head[:-1]
    elif head.endswith("en") and not head.endswith(("chen", "lein")):
        head = head[:-1] if head[:-1].endswith("e") else head
    elif head.endswith("e") and len(head) > 4:
        head = head[:-1]
    words = " ".join([*noun.words.split()[:-1], head])
    # the plural tells the gender better than the singular's ending: Muscheln f, Steine m
    gender = "f" if noun.head.endswith("n") and head != noun.head else noun_gender(head)
    gender = "m" if noun.head.endswith("e") and head != noun.head else gender
    return Noun(words, head, gender, adj=list(noun.adj))


def _go(facts: Facts, place: Noun) -> None:
    """The goal is to reach ``place`` (read again here, with its gender from its article)."""
    facts.places = [p for p in facts.places if p[0].head != place.head]
    facts.things = [t for t in facts.things if t.head != place.head]
    facts.goal_verb, facts.goal_thing = "reach", None
    facts.goal_place = (place, place_kind(place.head))


def _adjectives_and_head(tokens: list[str], index: int) -> tuple[list[str], int] | None:
    """Up to three lower-case adjectives from ``index``, then a capitalised noun: the
    adjectives and the noun's index, or None when no noun follows."""
    adjectives: list[str] = []
    while index < len(tokens) and tokens[index].islower() and len(adjectives) < 3:
        adjectives.append(tokens[index])
        index += 1
    if index >= len(tokens) or not is_capital(tokens[index]):
        return None
    return adjectives, index


def _subject(tokens: list[str]) -> tuple[Noun, int, int] | None:
    if not tokens or tokens[0].lower() not in NUMBERS:
        return None
    count = NUMBERS[tokens[0].lower()]
    found = _adjectives_and_head(tokens, 1)
    if found is None:
        return None
    adjectives, index = found
    head = tokens[index]
    if count > 1 or head in PLURALS:
        head = PLURALS.get(head, head)
    det = tokens[0].lower() if count == 1 else ""
    gender = "f" if det == "die" else _gender(det, head)
    stems = [_stem(a) for a in adjectives]
    return Noun(" ".join([*adjectives, head]), head, gender, adj=stems), count, index + 1


def _np_at(tokens: list[str], index: int, det: str = "") -> Noun | None:
    """A noun phrase at ``index``: an article (or ``det``, read before it), adjectives, a head."""
    if not det and index < len(tokens) and tokens[index].lower() in (*DETERMINERS, *TO, *OWN):
        det = tokens[index].lower()
        index += 1
    found = _adjectives_and_head(tokens, index)
    if found is None:
        return None
    adjectives, index = found
    head = tokens[index]
    plural = not det and not adjectives and head.endswith(("e", "en", "er", "n", "s"))
    if head in DATIVE_PLURALS:
        head, plural = DATIVE_PLURALS[head], True
    return Noun(
        " ".join([*adjectives, head]),
        head,
        _gender(det, head),
        plural,
        adj=[_stem(a) for a in adjectives],
    )


def _gender(det: str, head: str) -> str:
    """The gender an article shows ("eine": f), or the noun's own where it shows none."""
    guess = noun_gender(head)
    if head == "Kind" or head.endswith(("chen", "lein")):
        return "n"
    if det in ("eine", "einer", "zur", "seine", "ihre"):
        return "f"
    if det in ("einen", "den", "seinen", "ihren"):
        return "m"
    if det in ("ein", "einem", "zum", "dem", "sein", "ihr", "seinem", "ihrem"):
        return "n" if guess == "n" else "m"
    if det in ("das", "ins"):
        return "n"
    return guess


def _first_noun(rest: list[str]) -> Noun | None:
    index = 1 if rest and rest[0].lower() in RELATIVE else 0
    for start in range(index, len(rest)):
        if start and rest[start - 1].lower() in TO | {"vor", "in", "im", "auf", "am"}:
            continue
        if is_capital(rest[start]) or rest[start].lower() in DETERMINERS:
            noun = _np_at(rest, start)
            if noun is not None:
                return noun
    return None


def _reach(rest: list[str]) -> tuple[Noun, str] | None:
    """ "um zum Mond zu fliegen", "nach Hause fahren": a journey's end, if the premise has one."""
    if not any(w.lower() in REACH for w in rest):
        return None
    for index, word in enumerate(rest):
        if word.lower() in TO and index + 1 < len(rest):
            noun = _np_at(rest, index)
            if noun is not None:
                return noun, place_kind(noun.head)
    return None


def _fear(rest: list[str], facts: Facts) -> bool:
    """ "Angst vor der Dunkelheit hat", "sich vor Stürmen fürchtet"."""
    lowered = [w.lower() for w in rest]
    if "vor" not in lowered or not ({"angst", "furcht"} & set(lowered) or "fürchtet" in lowered):
        return False
    at = lowered.index("vor") + 1
    det = lowered[at] if at < len(rest) and lowered[at] in ("der", "dem", "den") else ""
    noun = _np_at(rest, at + 1 if det else at, det)
    if noun is not None and det == "der":
        noun.gender = "f"  # dative after "vor": "der" is only ever feminine here
    if noun is not None and det == "den":
        noun.plural = True
    if noun is None:
        return False
    facts.fear = noun
    place = FEAR_PLACES.get(noun.head.lower())
    if place is None:
        place = Noun(f"Höhle voller {noun.head}", "Höhle", "f", tail=f"voller {noun.head}")
    kind = "coast" if place.head == "Klippen" else place_kind(place.head)
    facts.goal_place = (dataclasses.replace(place, adj=list(place.adj)), kind)
    facts.goal_verb, facts.goal_thing, facts.goal_person = "face", None, ""
    heads = {noun.head, *DATIVE_PLURALS, "Angst", "Furcht"}
    facts.things = [t for t in facts.things if t.head not in heads]
    facts.places = [p for p in facts.places if p[0].head not in heads]
    return True
