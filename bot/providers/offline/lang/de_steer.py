"""Reading a direction in German: the change it makes to the story, and retelling it."""

from __future__ import annotations

import re

from bot.providers.offline.lang.base import Person, Steer
from bot.providers.offline.lang.de_read import (
    name_run,
    person_of,
    place_kind,
    read_np,
)
from bot.providers.offline.lang.de_verbs import IMPERATIVE, PAST, past, split_infinitive
from bot.providers.offline.lang.de_words import (
    COMMON_NOUNS,
    DETERMINERS,
    PLACE_PREPS,
    PREPOSITIONS,
    TITLES,
)
from bot.providers.offline.lang.latin import is_capital, is_word, tokenize
from bot.providers.offline.model import Noun, Story

_TONE = re.compile(
    r"^(?:mach|mache|macht)(?: es| die geschichte| das ganze| alles)?(?: noch| etwas| viel| "
    r"ein bisschen| bitte)* (\w+)"
)
_TONES = {
    "gruseliger": "eerie",
    "gruselig": "eerie",
    "unheimlicher": "eerie",
    "düsterer": "eerie",
    "dunkler": "eerie",
    "lustiger": "funny",
    "lustig": "funny",
    "witziger": "funny",
    "komischer": "funny",
    "spannender": "tense",
    "spannend": "tense",
    "wärmer": "warm",
    "gemütlicher": "warm",
    "freundlicher": "warm",
}
_ROLE = (
    r"(?:dieb|diebin|täter|täterin|schurke|schurkin|verräter|verräterin|entführer|entführerin"
    r"|drahtzieher|drahtzieherin)"
)
_REVEAL = (
    re.compile(rf"^(?:der|die) {_ROLE} (?:ist|war|heißt) (?:in wahrheit |eigentlich )?(@\d)"),
    re.compile(rf"^(@\d) (?:ist|war) (?:in wahrheit |eigentlich )?(?:der|die|ein|eine) {_ROLE}"),
    re.compile(r"^(@\d) hat (?:die|den|das) .+ (?:gestohlen|genommen|versteckt)"),
    re.compile(r"^es war (@\d)"),
)
_PATTERNS = (
    (
        re.compile(r"^(@\d) (?:geht|verlässt|verabschiedet sich|reist ab|muss gehen|läuft davon)"),
        "leave",
    ),
    (re.compile(r"^(@\d) (?:wird|wurde) (?:entführt|gefangen|eingesperrt|verhaftet)"), "capture"),
    (re.compile(r"^(@\d) (?:verrät|betrügt|hintergeht|belügt)"), "betray"),
    (re.compile(r"^(@\d) (?:hilft|beschließt,? (?:ihnen )?zu helfen)"), "befriend"),
    (
        re.compile(r"^(@\d) (?:kommt|taucht|erscheint|tritt ein|schließt sich|stößt dazu|klopft)"),
        "join",
    ),
    (re.compile(r"^(?:plötzlich |da |dann )(?:kommt|taucht|erscheint) (@\d)"), "join"),
)
_MOVE = re.compile(
    r"^(?:sie |wir |alle |@\d (?:und @\d )?)?(?:gehen|geht|fahren|fährt|laufen|läuft|reisen|"
    r"reist|eilen|eilt|segeln|segelt|fliegen|fliegt|kehren|kehrt|rennen|rennt|schleichen|"
    r"schleicht|machen sich|macht sich)(?: auf den weg)?(?: zurück)? "
    r"(zum|zur|nach|in den|in die|ins|in das|an den|an die|ans|auf den|auf die|zu) (.+?)"
    r"(?: zurück| los)?$"
)
_MOVE_INFINITIVE = re.compile(
    r"^(zum|zur|nach|in den|in die|ins|an den|an die|ans) (.+) "
    r"(?:gehen|fahren|laufen|eilen|reisen|zurückkehren|aufbrechen)$"
)
_FIND = re.compile(
    r"^(?:sie |wir |@\d )?(?:finden|findet|entdecken|entdeckt|stoßen auf|stößt auf) "
    r"(ein|eine|einen|den|die|das) (.+)$"
)
_WEATHER = (
    (re.compile(r"\b(?:sturm|gewitter|unwetter|donner|blitz)"), "storm"),
    (re.compile(r"\b(?:regen|regnet|platzregen)"), "rain"),
    (re.compile(r"\b(?:schnee|schneit|schneesturm)"), "snow"),
    (re.compile(r"\b(?:nebel|neblig)"), "fog"),
    (re.compile(r"\b(?:dunkel|dunkelheit|stromausfall|lichter gehen aus|licht geht aus)"), "dark"),
)
_NOT_NAMES = frozenset(
    "der die das ein eine sie er es wir ich man dann da plötzlich mach mache macht lass lasst "
    "geh geht such sucht finde findet schau schaut sieh komm kommt bring bringt nimm nehmt "
    "hilf helft frag fragt erzähl erzählt zum zur".split()
)


def read_direction(direction: str, story: Story) -> Steer | None:
    text = " ".join(direction.split()).strip(" .!?;")[:240]
    if not text:
        return None
    tokens = tokenize(text)
    people: list[Person] = []
    masked: list[str] = []
    index = 0
    while index < len(tokens):
        token, lowered = tokens[index], tokens[index].lower()
        before = tokens[index - 1].lower() if index else ""
        title = (
            lowered.rstrip(".") in TITLES
            and index + 1 < len(tokens)
            and is_capital(tokens[index + 1])
        )
        named = (
            is_capital(token)
            and is_word(token)
            and lowered not in _NOT_NAMES
            and token not in COMMON_NOUNS
            and before not in DETERMINERS
            and not (
                before.islower()
                and before.endswith(("e", "en", "er", "es", "em"))
                and before not in ("ihre", "seine")
            )
        )
        if title or named:
            end = name_run(tokens, index + 1 if title else index)
            masked.append(f"@{len(people)}")
            people.append(person_of(tokens[index:end]))
            index = end
            continue
        masked.append(lowered)
        index += 1
    return _match(" ".join(masked), people, text, story)


def _who(people: list[Person], marker: str) -> Person | None:
    return people[int(marker[1:])] if marker.startswith("@") and marker[1:].isdigit() else None


def _match(flat: str, people: list[Person], text: str, story: Story) -> Steer | None:
    tone = _TONE.match(flat)
    if tone and tone[1] in _TONES:
        return Steer("tone", word=_TONES[tone[1]])
    for pattern in _REVEAL:
        found = pattern.match(flat)
        if found:
            return Steer("reveal", person=_who(people, found[1]))
    for pattern, kind in _PATTERNS:
        found = pattern.match(flat)
        if found:
            return Steer(kind, person=_who(people, found[1]), told=retell(text, story))
    found = _MOVE.match(flat) or _MOVE_INFINITIVE.match(flat)
    if found:
        place = _place(found[1], found[2], people)
        if place is not None:
            return Steer("move", place=place)
    found = _FIND.match(flat)
    if found:
        tokens = tokenize(text)
        start = next((i for i, t in enumerate(tokens) if t.lower() == found[1]), -1)
        noun, _ = read_np(tokens, start + 1) if start >= 0 else (None, 0)
        if noun is not None:
            return Steer("find", thing=noun)
    for pattern, word in _WEATHER:
        if pattern.search(flat) and len(flat.split()) <= 8:
            return Steer("weather", word=word)
    told = retell(text, story)
    return Steer("act", person=people[0] if people else None, told=told) if told else None


def _place(prep: str, rest: str, people: list[Person]) -> tuple[Noun, str] | None:
    words = rest.split()
    if words and words[0].startswith("@"):
        person = _who(people, words[0])
        if person is not None:
            name = f"{person.title} {person.name}".strip()
            return Noun(name, name, proper=True), place_kind(name)
    det = {
        "zum": "dem",
        "zur": "der",
        "ins": "das",
        "in den": "den",
        "in die": "die",
        "an den": "den",
        "an die": "die",
        "auf den": "den",
        "auf die": "die",
    }.get(prep, "")
    tokens = [det, *[w.capitalize() if i == len(words) - 1 else w for i, w in enumerate(words)]]
    noun, _ = read_np(tokens, 1)
    if noun is None:
        return None
    return noun, place_kind(noun.head)


def retell(text: str, story: Story) -> str:
    """The direction as a sentence of the story, in the Präteritum ("" if it cannot be told)."""
    tokens = text.split()
    if not tokens:
        return ""
    hero = story.hero.name.split()[0]
    first = tokens[0].lower()
    named = {w.lower() for c in story.cast for w in f"{c.title} {c.name}".split()}
    finite = len(tokens) > 1 and tokens[1].endswith("t") and bool(past(tokens[1], False))
    if first in IMPERATIVE or (
        tokens[0].endswith("e")
        and first not in named
        and not finite
        and past(first[:-1] + "en", False)
        and len(tokens) > 1
        and tokens[1].islower()
    ):
        verb = IMPERATIVE.get(first, first[:-1] + "en")
        return _sentence([hero, past(verb, False), *tokens[1:]])
    if tokens[0].endswith(",") and first[:-1].endswith("en") and len(tokens) > 1:
        base, prefix = split_infinitive(first[:-1])  # "Abwarten, wer kommt"
        clause = [_past_word(t) for t in tokens[1:]]
        verb = past(base, False) + ("" if prefix else ",")
        return _sentence([hero, verb, f"{prefix}," if prefix else "", *clause])
    lower = next((i for i in range(1, min(len(tokens), 6)) if tokens[i][:1].islower()), 0)
    core = tokens[lower].rstrip(",;:") if lower else ""
    if core.endswith("t") and past(core, False):  # its own subject and verb: "Jonah geht, um …"
        ending = tokens[lower][len(core) :]
        return _sentence([*tokens[:lower], past(core, False) + ending, *tokens[lower + 1 :]])
    last = tokens[-1].lower()
    if len(tokens) > 1 and last.endswith("en") and tokens[-1].islower():
        base, prefix = split_infinitive(last)
        small = PREPOSITIONS | set(DETERMINERS)
        rest = [
            t.lower() if t.lower() in small or (not i and t.lower() in ADVERBS) else t
            for i, t in enumerate(tokens[:-1])
        ]
        return _sentence([hero, past(base, False), *rest, prefix])
    for index in range(1, min(len(tokens), 6)):
        word = tokens[index]
        if not word.islower():
            continue
        changed = past(word, word.endswith("en") and not word.endswith("ten"))
        if changed:
            plural = word.endswith("en")
            changed = past(word, plural)
            return _sentence([*tokens[:index], changed, *tokens[index + 1 :]])
    return ""


ADVERBS = frozenset("schnell leise sofort heimlich vorsichtig langsam dann jetzt noch".split())
"""Words that start a direction in capitals but are written small inside the sentence."""


def _past_word(word: str) -> str:
    """A finite verb of a short clause in the Präteritum ("kommt" → "kam"), else the word."""
    core = word.rstrip(",;:.!?")
    verb = core.islower() and (core.endswith("t") or core in PAST)
    changed = past(core, False) if verb else ""
    return changed + word[len(core) :] if changed else word


def _sentence(words: list[str]) -> str:
    text = " ".join(w for w in words if w).strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def names_and_places(text: str) -> tuple[list[str], list[str]]:
    """People and places named in German story text."""
    tokens = tokenize(text[:4000])
    names: list[str] = []
    places: list[str] = []
    index = 0
    while index < len(tokens):
        token, lowered = tokens[index], tokens[index].lower()
        before = tokens[index - 1].lower() if index else ""
        if (
            lowered.rstrip(".") in TITLES
            and index + 1 < len(tokens)
            and is_capital(tokens[index + 1])
        ):
            end = name_run(tokens, index + 1)
            person = person_of(tokens[index:end])
            names.append(f"{person.title} {person.name}".strip())
            index = end
            continue
        if lowered in ("namens", "genannt") and index + 1 < len(tokens):
            names.append(tokens[index + 1])
        if (
            before in PLACE_PREPS
            and is_capital(token)
            and token not in COMMON_NOUNS
            and (before not in DETERMINERS)
        ):
            end = name_run(tokens, index)
            places.append(" ".join(tokens[index:end]))
            index = max(end, index + 1)
            continue
        if before in ("sagte", "fragte", "rief", "flüsterte", "antwortete") and is_capital(token):
            end = name_run(tokens, index)
            names.append(" ".join(tokens[index:end]))
            index = max(end, index + 1)
            continue
        index += 1
    return list(dict.fromkeys(names)), list(dict.fromkeys(places))
