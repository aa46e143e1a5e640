"""Adding people, places and things to a story: from a premise, a direction or invention.

Names are matched loosely ("Priya", "Detective Nair" and "Detective Priya Nair"
are one person), so a character named again is never a second character, and
a place is never taken for a person.
"""

from __future__ import annotations

import dataclasses
import random

from bot.providers.offline.lang.base import Language, Person
from bot.providers.offline.model import Character, Noun, Place, Story, Thing

GENRES = ("everyday", "mystery", "adventure", "fantasy", "scifi")
_NO_NAME = frozenset("the a an of de la le du der die das von van".split())


def name_words(name: str) -> set[str]:
    """The distinctive words of a name, lowercased ("Priya Nair" -> {"priya", "nair"})."""
    words = name.replace("・", " ").replace("-", " ").split()
    return {w.lower().strip(".") for w in words if w.lower() not in _NO_NAME}


def find_character(story: Story, name: str, title: str = "") -> Character | None:
    """The cast member ``name`` (with or without a title) refers to, if any."""
    wanted = name_words(name)
    if not wanted:
        return None
    full = " ".join(f"{title} {name}".split()).lower()
    for who in story.cast:
        if full in (who.name.lower(), f"{who.title} {who.name}".strip().lower()):
            return who
    for who in story.cast:
        words = name_words(who.name)
        if wanted <= words or (words and words <= wanted):
            if (
                not title
                or not who.title
                or title.lower().strip(".") == who.title.lower().strip(".")
            ):
                return who
    return None


def find_place(story: Story, noun: Noun) -> Place | None:
    key = noun.words.lower()
    for place in story.places:
        if place.noun.words.lower() == key:
            return place
    for place in story.places:
        if noun.head and noun.head.lower() == place.noun.head.lower() and not noun.proper:
            return place
    return None


def add_person(story: Story, person: Person, role: str, *, status: str = "here") -> Character:
    """The character ``person`` names: the one already in the cast, or a new one."""
    known = find_character(story, person.name, person.title)
    if known is not None:
        if person.title and not known.title:
            known.title = person.title
        if person.kind is not None and known.kind is None:
            known.kind = person.kind
        if len(person.name) > len(known.name) and name_words(known.name) <= name_words(person.name):
            known.name = person.name
        return known
    who = Character(
        id=story.new_id("c"),
        name=person.name,
        title=person.title,
        gender=person.gender or "m",
        kind=person.kind,
        role=role,
        status=status,
        home=story.location,
    )
    story.cast.append(who)
    return who


def add_place(story: Story, noun: Noun, kind: str) -> Place:
    known = find_place(story, noun)
    if known is not None:
        return known
    place = Place(story.new_id("p"), noun, kind or "city")
    story.places.append(place)
    return place


def add_thing(story: Story, noun: Noun, role: str, **fields: str) -> Thing:
    key = noun.words.lower()
    known = next((t for t in story.things if t.noun.words.lower() == key), None)
    if known is not None:
        return known
    thing = Thing(story.new_id("t"), noun, role, **fields)
    story.things.append(thing)
    return thing


def invent_person(
    story: Story, lang: Language, rng: random.Random, *, grand: bool, gender: str = ""
) -> Person:
    """Someone new whose name no cast member shares (a man or a woman if ``gender`` says)."""
    names = lang.names(story.genre)
    taken = set().union(*(name_words(c.name) for c in story.cast)) if story.cast else set()
    if grand:
        pool = [Person(n, t, g) for t, n, g in names.titled if not name_words(n) & taken]
    else:
        pool = [Person(n, "", g) for n, g in names.people if not name_words(n) & taken]
    if not pool and not grand:  # a long story used up the genre's names: borrow others'
        spare = {n: g for genre in GENRES for n, g in lang.names(genre).people}
        pool = [Person(n, "", g) for n, g in spare.items() if not name_words(n) & taken]
    if gender:
        pool = [p for p in pool if p.gender == gender] or pool
    person = rng.choice(pool) if pool else Person(f"{rng.choice('BKLMNRT')}{rng.randint(2, 99)}")
    person.kind = rng.choice(list(names.kinds)) if not grand and names.kinds else None
    return person


def invent_place(story: Story, lang: Language, rng: random.Random) -> Place:
    names = lang.names(story.genre)
    taken = {p.noun.words.lower() for p in story.places}
    free = [(n, k) for n, k in names.places if n.words.lower() not in taken]
    noun, kind = rng.choice(free) if free else rng.choice(list(names.places))
    return add_place(story, _copy(noun), kind)


def invent_clue(story: Story, lang: Language, rng: random.Random, **fields: str) -> Thing:
    names = lang.names(story.genre)
    taken = {t.noun.words.lower() for t in story.things}
    heads = {t.noun.head.lower() for t in story.things if t.role == "goal"}
    free = [n for n in names.clues if n.words.lower() not in taken and n.head.lower() not in heads]
    noun = rng.choice(free) if free else rng.choice(list(names.clues))
    return add_thing(story, _copy(noun), "clue", **fields)


def _copy(noun: Noun) -> Noun:
    """A noun of the story's own, so changing it never changes the language's lists."""
    return dataclasses.replace(noun, adj=list(noun.adj))
