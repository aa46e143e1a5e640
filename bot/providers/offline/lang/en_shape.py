"""Reading the shapes of a first prompt that names nobody: "a fox who collects keys".

A new user's first premise is often a creature and what it does, wants or
fears, with no name and no "must find X". The general reader
(:mod:`.en_read`) takes the first noun phrase for the hero's kind and a goal
verb's object for the goal; that misreads these shapes ("lonely robot
looking", "find the dark", a hero who is a rocket). This reads them whole:

- the hero: "a/an/one <adj>* <kind>", or a number and a plural ("two kids")
  for several heroes of one kind, "and his dog" for a companion; with a name,
  "<kind> named/called <Name>", "<Name>, a <kind>", "<Name> the <kind>";
- what the hero does: "who/that <verb>s <object>", "<verb>ing <object>",
  "wants (to <verb>) <object>", "looking for", "builds <thing> to reach <place>";
- something to learn: "learns to <verb>", "wants to be <X>", "wants to <verb>";
- a fear: "(who is) afraid/scared of <X>", "fears <X>": the goal is to face it
  where it lives ("the dark cave");
- a wish for someone ("a friend"): the goal is to meet them.
"""

from __future__ import annotations

import re

from bot.providers.offline.lang.base import Facts
from bot.providers.offline.lang.en_read import is_place_words, place_kind
from bot.providers.offline.lang.en_verbs import base_of
from bot.providers.offline.lang.en_words import COND, GENDERED
from bot.providers.offline.model import Noun
from bot.providers.offline.text import words_until

NUMBERS = {
    "a": 1,
    "an": 1,
    "the": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "twin": 2,
}
PLURALS = {"children": "child", "people": "person", "mice": "mouse", "geese": "goose"}
STOP = frozenset(
    "who that which named called with and , from in on at of afraid scared frightened "
    "terrified".split()
)
ING_NOUNS = frozenset("king ring thing string wing sting morning evening spring".split())
FEAR = re.compile(
    r"\b(?:afraid|scared|frightened|terrified) of (?:the )?([a-z' ]+)|\bfears (?:the )?([a-z' ]+)"
)
WISH = frozenset(
    "friend friends companion family home mother father mum mom dad brother sister parents "
    "playmate".split()
)
"""Someone to meet, not a thing to pick up ("a friend")."""
FEAR_PLACES = {
    "dark": ("dark cave", "cave"),
    "darkness": ("dark cave", "cave"),
    "night": ("dark cave", "cave"),
    "water": ("deep lake", "lake"),
    "heights": ("high tower", "tower"),
    "storms": ("stormy cliffs", "cliffs"),
    "thunder": ("stormy cliffs", "cliffs"),
}
OBJECT_STOP = frozenset("to in on at with for from and but because so , of".split())
DETS = frozenset("a an the some his her their its".split())


def singular(word: str) -> str:
    if word in PLURALS:
        return PLURALS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def refine(text: str, facts: Facts) -> None:
    """Correct ``facts`` read by the general reader when the premise names nobody."""
    words = re.findall(r"[a-z']+|,", text.lower())
    facts.people = [p for p in facts.people if p.name.split()[0].lower() not in NUMBERS]
    if len(facts.people) == 1 and not facts.people[0].title and not facts.people[0].role:
        _named(words, facts)
        return
    if facts.people:
        return
    subject = _subject(words)
    if subject is None:
        return
    kind, count, end = subject
    facts.hero_kind, facts.heroes = kind, count
    facts.hero_gender = GENDERED.get(kind.head, "")
    facts.things = [t for t in facts.things if t.words != kind.words]
    rest = [w for w in words[end:] if w != ","]
    companion = _companion(rest)
    if companion is not None:
        facts.ally_kind, rest = companion
        facts.things = [t for t in facts.things if t.head != facts.ally_kind.head]
        goal = facts.goal_thing
        if goal is not None and facts.ally_kind.head in goal.words.split():
            facts.goal_thing, facts.goal_verb = None, ""  # "his dog" is a companion, not a goal
    _clause(rest, facts, kind.head)


def _named(words: list[str], facts: Facts) -> None:
    """ "a robot named Bolt who...", "Bolt, a lonely robot...", "Pip the mouse...", "Mia is..."."""
    person = facts.people[0]
    first = person.name.lower().split()[0]
    if first not in words:
        return
    at = words.index(first)
    rest = [w for w in words[at + len(person.name.split()) :] if w != ","]
    subject = _subject(words[:at]) if at > 1 and words[at - 1] in ("named", "called") else None
    if subject is None and rest[:1] and rest[0] in ("a", "an", "the"):
        subject = _subject(rest)  # "Bolt, a lonely robot looking for a friend"
        rest = rest[subject[2] :] if subject is not None else rest
    kind = subject[0] if subject is not None else None
    if kind is not None and person.kind is None:
        person.kind = kind
        person.gender = GENDERED.get(kind.head, "") or person.gender
    if kind is not None:
        facts.things = [t for t in facts.things if kind.head not in t.words.split()]
    _clause(rest, facts, kind.head if kind is not None else "")


def _clause(rest: list[str], facts: Facts, kind: str) -> None:
    """What the hero does, fears or wants, read from the words after the hero."""
    rest_text = " ".join(rest)
    fear = FEAR.search(rest_text)
    if fear is not None:
        _fear(facts, (fear[1] or fear[2]).split())
        return
    skill = _skill(rest_text, bare=facts.goal_thing is None and facts.goal_place is None)
    if skill:
        facts.skill, facts.goal_verb = skill, "learn"
        facts.goal_thing, facts.goal_place, facts.goal_person = None, None, ""
        return
    goal = facts.goal_thing
    looking = goal is not None and goal.head.endswith("ing") and goal.head not in ING_NOUNS
    misread = goal is not None and (goal.head == kind or looking)  # "a lonely robot looking"
    if misread or (goal is None and facts.goal_place is None and not facts.goal_person):
        facts.goal_thing, facts.goal_verb = None, ""
        noun = _object(rest)
        if noun is not None:
            facts.goal_verb, facts.goal_thing = "find", noun
            facts.cond = next((COND[w] for w in noun.words.split() if w in COND), "")
    facts.made = _made(rest, facts)
    if facts.goal_place is not None and facts.goal_verb == "find":
        facts.goal_verb = "reach"  # "explore the old castle": a place is gone to, not found
    goal = facts.goal_thing
    if (
        goal is not None and facts.goal_verb == "find" and is_place_words(goal.words.split())
    ):  # "wants to see the sea"; a lighthouse to guard stays one
        facts.goal_place, facts.goal_verb, facts.goal_thing = (
            (goal, place_kind(goal.words)),
            "reach",
            None,
        )
    elif goal is not None and goal.head in WISH and goal.head not in ("home",):
        facts.wish = Noun(goal.words, goal.head, plural=goal.plural)
        facts.goal_thing, facts.goal_verb = None, "meet"


LEARN = re.compile(r"\blearn(?:s|ing)? (?:how )?to ([a-z' ]+)")
BECOME = re.compile(r"\b(?:wants?|wanted|wishes|dreams?|longs?) to ((?:be|become) [a-z' ]+)")
WANT_TO = re.compile(r"\b(?:wants?|wanted|wishes|dreams?|longs?) to ([a-z']+)$")
SKILL_STOP = frozenset("in on at with and but because so before after when while".split())


def _skill(rest: str, *, bare: bool) -> str:
    """ "learns to fly (a kite)", or "wants to fly" with nothing after: something to learn."""
    found = LEARN.search(rest) or BECOME.search(rest)  # "wants to be a pirate": to learn it
    if found is None and bare:
        found = WANT_TO.search(rest)
        if found is not None and base_of(found[1]) in ("find", "reach", "see", "visit", "go"):
            found = None
    if found is None:
        return ""
    words = words_until(found[1], SKILL_STOP, 4)
    while words and words[-1] in DETS:
        words.pop()
    return " ".join(words)


MAKE = frozenset("build builds built make makes made craft crafts invent invents".split())


def _made(rest: list[str], facts: Facts) -> Noun | None:
    """ "build a rocket (to reach the moon)": what the heroes make on the way to another goal."""
    at = next((i for i, w in enumerate(rest) if w in MAKE), -1)
    if at < 0:
        return None
    noun = _object(rest[at:])
    goal = facts.goal_thing
    if noun is None or (goal is not None and goal.head == noun.head):
        return None
    facts.things = [t for t in facts.things if t.head != noun.head]
    return noun


def _companion(rest: list[str]) -> tuple[Noun, list[str]] | None:
    """ "and his dog", "and her robot": who goes with the hero, and the rest after them."""
    if len(rest) < 3 or rest[0] != "and" or rest[1] not in DETS:
        return None
    words: list[str] = []
    index = 2
    while index < len(rest) and len(words) < 3 and rest[index] not in STOP:
        if words and (base_of(rest[index]) or rest[index].endswith("ing")):
            break
        words.append(rest[index])
        index += 1
    if not words:
        return None
    return Noun(" ".join(words), words[-1]), rest[index:]


def _subject(words: list[str]) -> tuple[Noun, int, int] | None:
    """The hero's kind, how many heroes, and where the rest of the premise starts."""
    bare = bool(words) and words[0] not in NUMBERS and singular(words[0]) != words[0]
    if not words or not (words[0] in NUMBERS or bare):
        return None
    count = 2 if bare else NUMBERS[words[0]]  # "pirates looking for treasure": a crew
    kind: list[str] = []
    index = 0 if bare else 1
    while index < len(words) and len(kind) < 4:
        word = words[index]
        if word in STOP or (word.endswith("ing") and len(word) > 5 and word not in ING_NOUNS):
            break
        if kind and word.endswith("ed") and len(word) > 4:
            break  # "an astronaut stranded on Mars"
        base = base_of(word)
        if kind and base and (base != word or count > 1):
            break  # "a fox collects", "two kids build"
        kind.append(word)
        index += 1
    if not kind or (bare and index >= len(words)):
        return None  # a bare plural alone ("keys") says nothing about a hero
    head = singular(kind[-1]) if count > 1 else kind[-1]
    words_sg = " ".join([*kind[:-1], head])
    return Noun(words_sg, head), count, index


def _object(rest: list[str]) -> Noun | None:
    """The object of the premise's first verb: "(who) collects keys" -> keys."""
    index = 0
    while index < len(rest) and rest[index] in ("who", "that", "which", "is", "are"):
        index += 1
    if index >= len(rest):
        return None
    verb = rest[index]
    if not (base_of(verb) or verb.endswith("ing")):
        return None
    index += 1
    while index < len(rest) and (
        rest[index] in ("to", "for", "after", "out")
        or (base_of(rest[index]) and rest[index - 1] == "to")
    ):
        index += 1  # "wants to find", "looking for", "learns to fly"
    while index < len(rest) and rest[index] in DETS:
        index += 1
    words: list[str] = []
    while index < len(rest) and rest[index] not in OBJECT_STOP and len(words) < 3:
        words.append(rest[index])
        index += 1
    if not words:
        return None
    head = words[-1]
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
    return Noun(" ".join(words), head, plural=plural)


def _fear(facts: Facts, words: list[str]) -> None:
    words = [w for w in words if w not in DETS][:3]
    cut = next((i for i, w in enumerate(words) if w in OBJECT_STOP), len(words))
    words = words[:cut] or ["dark"]
    head = words[-1]
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
    facts.fear = Noun(" ".join(words), head, plural=plural)
    place, place_head = FEAR_PLACES.get(head, (f"cave of {' '.join(words)}", "cave"))
    kind = {"lake": "lake", "tower": "tower", "cliffs": "coast"}.get(place_head, "cave")
    facts.goal_place = (Noun(place, place_head, plural=place_head == "cliffs"), kind)
    facts.goal_verb, facts.goal_thing, facts.goal_person = "face", None, ""
    facts.things = [t for t in facts.things if t.head != head]
