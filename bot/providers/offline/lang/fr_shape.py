"""Reading a French first prompt that names nobody: "un renard qui collectionne les clés".

The French counterpart of :mod:`.en_shape`. The hero is the opening noun
phrase ("un robot solitaire", "une petite souris", "deux enfants"); then
"qui <verbe> <objet>" or a main verb. The object is the goal, unless the
premise travels ("pour aller sur la lune", "veut voir la mer": the goal is to
reach it), fears ("a peur du noir": the goal is to face it) or longs for
someone ("cherche un ami": the goal is to meet them), or learns something
("apprend à voler", "veut devenir pirate"). A companion ("et son chien") is the
ally; after "nommé" the clause about the named hero is read the same way.
"""

from __future__ import annotations

import re

from bot.providers.offline.lang.base import Facts
from bot.providers.offline.lang.fr_read import place_kind
from bot.providers.offline.lang.fr_words import COND, PLACES, noun_gender
from bot.providers.offline.model import Noun
from bot.providers.offline.text import words_until

NUMBERS = {"un": 1, "une": 1, "le": 1, "la": 1, "deux": 2, "trois": 3, "quatre": 4}
BEFORE = frozenset(
    "petit petite vieux vieil vieille jeune grand grande gros grosse beau bel belle bon bonne "
    "pauvre drôle brave".split()
)
"""Adjectives that come before the noun: the head is the first word that is not one."""
STOP = frozenset(
    "qui que , et avec dans sur à au aux de du des pour nommé nommée appelé appelée".split()
)
VERBS = frozenset(
    "cherche veut a est vit rêve apprend collectionne garde construit part doit aime trouve "
    "craint".split()
)
WISH = frozenset("ami amie amis copain copine famille maman papa frère sœur compagnon".split())
NATURAL = {
    "enfant": "",
    "ami": "",
    "fille": "f",
    "garçon": "m",
    "femme": "f",
    "homme": "m",
    "marin": "m",
    "sorcière": "f",
}
FEAR = re.compile(
    r"\b(?:a|ont|avait) peur (du|de la|de l'|des|de|d')\s*([\w' -]+)"
    r"|\bcraint (le|la|les|l')\s*([\w' -]+)"
)
ARTICLE = re.compile(r"^(les|le|la|l'|une|un|des|du|de la|de l'|d'|son|sa|ses)(?:\s+|(?<='))")
_PHRASE_END = re.compile(r"\s+(?:qui|pour|et|avec|dans|sur|à|au|de|du|des|,)\s+|,")
MAKE = re.compile(r"\b(?:construi\w*|fabriqu\w*|bâti\w*|invent\w*)\b")
COMPANION = re.compile(r"^et ((?:son|sa|ses|un|une|leur) [\w-]+)\s*")
NAMED = re.compile(r"\b(?:nommée?|appelée?|prénommée?)\s")
REACH = re.compile(r"\b(?:aller|partir|voyager|voler|arriver|voir|atteindre|rejoindre)\b")
DARK = Noun("grotte noire", "grotte", "f")
FEAR_PLACES = {
    "noir": DARK,
    "obscurité": DARK,
    "nuit": DARK,
    "tempêtes": Noun("falaises des tempêtes", "falaises", "f", True),
    "tempête": Noun("falaises des tempêtes", "falaises", "f", True),
    "orages": Noun("falaises des tempêtes", "falaises", "f", True),
    "eau": Noun("lac profond", "lac", "m"),
}


EPICENE = {"enfant": "enfant|enfant", "ami": "ami|amie", "élève": "élève|élève"}


def _singular(word: str) -> str:
    return word[:-1] if word.endswith(("s", "x")) and len(word) > 3 else word


def refine(text: str, facts: Facts) -> None:
    """Correct ``facts`` read by the general reader when the premise names nobody."""
    facts.people = [p for p in facts.people if p.name.split()[0].lower() not in NUMBERS]
    lowered = " ".join(text.lower().replace("’", "'").split()).rstrip(".!?…")
    named = NAMED.search(lowered)
    if len(facts.people) == 1 and not facts.people[0].title and named is not None:
        # "Un dragon nommé Ember qui a peur du noir": the clause after the name
        after = lowered[named.end() :].split(" ", 1)
        _clause(after[1] if len(after) > 1 else "", facts, named=True)
        return
    if facts.people:
        return
    subject = _subject(lowered)
    if subject is None:
        return
    kind, count, rest = subject
    if kind.head in EPICENE:  # "un enfant", "une enfant": the article follows the person
        kind.words = kind.words.replace(kind.head, EPICENE[kind.head])
    facts.hero_kind, facts.heroes = kind, count
    facts.hero_gender = NATURAL.get(kind.head, kind.gender)
    facts.things = [t for t in facts.things if t.head != kind.head]
    companion = COMPANION.match(rest)
    if companion is not None:  # "un garçon et son chien": the dog goes with him
        facts.ally_kind = _noun(companion[1])
        rest = rest[companion.end() :]
        goal = facts.goal_thing
        if facts.ally_kind is not None and goal is not None and goal.head == facts.ally_kind.head:
            facts.goal_thing, facts.goal_verb = None, ""
    _clause(rest, facts, named=False)


def _clause(rest: str, facts: Facts, *, named: bool) -> None:
    """What the hero fears, where they go, or what they look for, from the words after them.

    After a name (``named``) the general reader's goal stands if it has one: "Un chat
    nommé Tom garde un phare" keeps its lighthouse to guard.
    """
    if _fear(rest, facts):
        return
    goal = facts.goal_thing
    skill = _skill(rest)
    if skill and not (named and (goal is not None or facts.goal_place is not None)):
        facts.skill, facts.goal_verb = skill, "learn"  # "qui apprend à voler"
        facts.goal_thing, facts.goal_place, facts.goal_person = None, None, ""
        return
    if named and (facts.goal_place is not None or (goal is not None and goal.head not in WISH)):
        return
    target = _reach(rest)
    made = _object(rest) if MAKE.search(rest) else None
    if target is not None and made is not None and made.head != target.head:
        facts.made = made  # "construisent une fusée pour aller sur la lune"
        facts.things = [t for t in facts.things if t.head != made.head]
    noun = target or _object(rest)
    if noun is None:
        return
    facts.things = [t for t in facts.things if t.head != noun.head]
    if noun.head in WISH:
        facts.wish, facts.goal_thing, facts.goal_verb = noun, None, "meet"
    elif target is not None or noun.head in PLACES:
        facts.places = [p for p in facts.places if p[0].head != noun.head]
        facts.goal_verb, facts.goal_thing = "reach", None
        facts.goal_place = (noun, place_kind(noun.words))
    else:
        if noun.plural:  # "les clés": one key to find, and the phrases agree with it
            words = noun.words.split()
            words[words.index(noun.head)] = _singular(noun.head)
            noun = Noun(" ".join(words), _singular(noun.head), noun.gender)
        facts.goal_verb, facts.goal_thing, facts.goal_place = "find", noun, None
        facts.cond = next((COND[w] for w in noun.words.split() if w in COND), "")
        facts.cond = facts.cond or ("lost" if re.search(r"\bperdu", rest) else "")


LEARN = re.compile(r"\bappren\w* (?:à |a )([\w' -]+)")
BECOME = re.compile(r"\b(?:veu\w+|rêv\w+ d'|rêv\w+ de|voudrai\w*) ((?:devenir|être) [\w' -]+)")
WANT_TO = re.compile(r"^(?:qui )?(?:veu\w+|voudrai\w*|rêv\w+ de) (\w+(?:er|ir|re))$")
SKILL_STOP = frozenset("et pour avec dans sur quand mais , qui".split())


def _skill(rest: str) -> str:
    """ "apprend à voler", "veut devenir pirate", "veut voler": something to learn."""
    found = LEARN.search(rest) or BECOME.search(rest) or WANT_TO.search(rest)
    if found is None:
        return ""
    words = words_until(found[1], SKILL_STOP, 4)
    return " ".join(words)


def _subject(text: str) -> tuple[Noun, int, str] | None:
    words = text.replace(",", " , ").split()
    if not words or words[0] not in NUMBERS:
        return None
    count = NUMBERS[words[0]]
    kind: list[str] = []
    index = 1
    while index < len(words) and len(kind) < 3:
        word = words[index]
        if word in STOP or word in VERBS or (kind and count > 1 and word.endswith("ent")):
            break
        kind.append(word)
        index += 1
    head = next((w for w in kind if w not in BEFORE), "")
    if not head:
        return None
    if count > 1:
        kind = [_singular(w) for w in kind]
        head = _singular(head)
    det = words[0]
    gender = "f" if det in ("une", "la") else "m" if det in ("un", "le") else noun_gender(head)
    rest = " ".join(words[index:]).replace(" , ", ", ")
    return Noun(" ".join(kind), head, gender), count, rest


def _noun(phrase: str) -> Noun | None:
    """A noun phrase with its article: its gender and number from the article where it shows."""
    found = ARTICLE.match(phrase)
    article = found[1] if found else ""
    text = phrase[found.end() :] if found else phrase
    words = _PHRASE_END.split(text)[0].split()[:3]
    if not words:
        return None
    head = next((w for w in words if w not in BEFORE), words[0])
    plural = article in ("les", "des", "ses")
    gender = (
        "f"
        if article in ("la", "une", "de la", "sa")
        else "m"
        if article in ("le", "un", "du", "son")
        else noun_gender(_singular(head) if plural else head)
    )
    return Noun(" ".join(words), head, gender, plural)


def _object(rest: str) -> Noun | None:
    """The first verb's object: "qui collectionne les clés" -> les clés."""
    words = rest.removeprefix("qui ").split()
    if len(words) < 2:
        return None
    index = 1
    if words[0] in ("a", "ont", "avait", "est", "sont") and len(words) > 2:
        index = 2  # "a perdu son balai": the participle is the verb
    while index < len(words) and (
        words[index] in ("à", "de", "d'") or words[index].endswith(("er", "ir", "re"))
    ):
        index += 1  # "veut trouver", "apprend à lire", "rêve de"
    return _noun(" ".join(words[index:]))


def _reach(rest: str) -> Noun | None:
    """ "pour aller sur la lune", "veut voir la mer": where the journey ends."""
    found = REACH.search(rest)
    if found is None:
        return None
    after = rest[found.end() :].strip()
    after = re.sub(r"^(?:sur|à|au|aux|dans|jusqu'à|jusqu'au|vers|en)\s+", "", after)
    noun = _noun(after)
    if noun is None or not (noun.head in PLACES or after.startswith(("la ", "le ", "l'"))):
        return None
    if after.startswith("au "):
        noun.gender = "m"
    return noun if noun.head in PLACES else None


def _fear(rest: str, facts: Facts) -> bool:
    found = FEAR.search(rest)
    if found is None:
        return False
    article = found[1] or found[3] or ""
    words = (found[2] or found[4]).split()[:3]
    if not words:
        return False
    head = words[-1] if len(words) == 1 else next((w for w in words if w not in BEFORE), words[0])
    plural = article in ("des", "les")
    gender = (
        "f"
        if article in ("de la", "la")
        else "m"
        if article in ("du", "le")
        else noun_gender(_singular(head))
    )
    facts.fear = Noun(" ".join(words), head, gender, plural)
    place = FEAR_PLACES.get(head)
    if place is None:
        joined = {"m": "du", "f": "de la"}[gender] if not plural else "des"
        place = Noun(f"grotte {joined} {' '.join(words)}", "grotte", "f")
    kind = {"grotte": "cave", "falaises": "coast"}.get(place.head) or place_kind(place.words)
    facts.goal_place = (Noun(place.words, place.head, place.gender, place.plural), kind)
    facts.goal_verb, facts.goal_thing, facts.goal_person = "face", None, ""
    facts.things = [t for t in facts.things if t.head != head]
    facts.places = [p for p in facts.places if p[0].head != head]
    return True
