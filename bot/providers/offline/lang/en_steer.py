"""Reading a direction in English: the change it makes to the story, and retelling it."""

from __future__ import annotations

import re

from bot.providers.offline.lang.base import Person, Steer
from bot.providers.offline.lang.en_read import (
    is_place_words,
    noun_of,
    place_kind,
    read_np,
    title_and_name,
)
from bot.providers.offline.lang.en_verbs import past, past_of
from bot.providers.offline.lang.en_words import (
    COMMON,
    DETERMINERS,
    GENDERED,
    NP_STOP,
    STRONG_PREPS,
    TITLES,
    guess_gender,
)
from bot.providers.offline.lang.latin import capital_run, is_capital, is_word, tokenize
from bot.providers.offline.model import Noun, Story

_TONE = re.compile(
    r"^(?:please )?(?:make (?:it|the story|this|things)|more|a bit|a little) "
    r"(?:a bit |a little |more |much |very |really )*(\w+)(?: please)?$"
)
_TONE_WORDS = {
    "spooky": "eerie",
    "spookier": "eerie",
    "scary": "eerie",
    "scarier": "eerie",
    "creepy": "eerie",
    "creepier": "eerie",
    "darker": "eerie",
    "dark": "eerie",
    "eerie": "eerie",
    "funny": "funny",
    "funnier": "funny",
    "sillier": "funny",
    "silly": "funny",
    "lighter": "funny",
    "exciting": "tense",
    "tense": "tense",
    "tenser": "tense",
    "thrilling": "tense",
    "warm": "warm",
    "warmer": "warm",
    "cosy": "warm",
    "cozy": "warm",
    "gentler": "warm",
    "kinder": "warm",
}
_ROLE = r"(thief|culprit|villain|traitor|kidnapper|burglar|spy|impostor|mastermind|robber)"
_REVEAL = (
    re.compile(rf"^(?:the )?{_ROLE} (?:is|was|turns out to be|is really|was really) (@\d)"),
    re.compile(
        rf"^(@\d) (?:is|was|turns out to be|is really|was really|is secretly) (?:the|a) {_ROLE}"
    ),
    re.compile(r"^(@\d) (?:stole|took|has|had|is hiding|was hiding) (?:the|a|an) (.+)$"),
    re.compile(r"^it (?:is|was) (@\d)(?: all along)?$"),
)
_JOIN = re.compile(
    r"^(@\d)(?:,? (?:a|an|the) ([a-z ]+?),?)? (?:arrives|appears|joins(?: them| the \w+)?|"
    r"shows up|turns up|comes (?:in|along|back)|walks in|steps in|knocks(?: on the door)?|"
    r"enters|returns|is back)\b"
)
_NAMED = re.compile(r"^(?:a|an) ([a-z ]+?) (?:named|called) (@\d)\b")
_MEET = re.compile(r"^(?:they |we )?meet (@\d)")
_LEAVE = re.compile(
    r"^(@\d) (?:leaves|goes home|goes away|walks away|departs|quits|says goodbye|runs off|"
    r"runs away|storms off|flies away|sails away|disappears|vanishes|has to leave)"
)
_CAPTURE = re.compile(r"^(@\d) (?:is|gets|was) (?:captured|kidnapped|taken|trapped|locked up)")
_HELP = re.compile(r"^(@\d) (?:helps|decides to help|offers to help|joins forces|becomes)")
_BETRAY = re.compile(r"^(@\d) (?:betrays|tricks|lies to|double-crosses|turns on)")
_MOVE = re.compile(
    r"^(?:let'?s |they |we |everyone |(?:@\d )(?:and @\d )?)?(?:go|goes|head|heads|travel|"
    r"travels|run|runs|walk|walks|sail|sails|fly|flies|return|returns|hurry|hurries|race|"
    r"races|sneak|sneaks|drive|drives|ride|rides|set off|sets off|make their way|hike|hikes)"
    r"(?: back| off| over| down| up)? (?:to|into|toward|towards|for|inside|back to) (.+)$"
)
_FIND = re.compile(
    r"^(?:they |we |(?:@\d )(?:and @\d )?)?(?:find|finds|discover|discovers|uncover|uncovers|"
    r"spot|spots|stumble upon|stumbles upon|come across|comes across|dig up|digs up) (.+)$"
)
_WEATHER = (
    (re.compile(r"\b(?:storm|thunder|lightning|gale|hurricane)\b"), "storm"),
    (re.compile(r"\b(?:rain|raining|downpour)\b"), "rain"),
    (re.compile(r"\b(?:snow|snowing|blizzard)\b"), "snow"),
    (re.compile(r"\b(?:fog|mist|foggy|misty)\b"), "fog"),
    (re.compile(r"\b(?:night falls|darkness|lights go out|goes dark|power cut)\b"), "dark"),
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
        token = tokens[index]
        lowered = token.lower()
        if (is_capital(token) and is_word(token) and lowered not in COMMON) or (
            lowered.rstrip(".") in TITLES
            and index + 1 < len(tokens)
            and is_capital(tokens[index + 1])
        ):
            end = capital_run(tokens, index, TITLES)
            title, name = title_and_name(tokens[index:end])
            if name:
                masked.append(f"@{len(people)}")
                gender = GENDERED.get(title.lower().rstrip("."), "") or guess_gender(
                    name.split()[0]
                )
                people.append(Person(name, title, gender))
                index = end
                continue
        masked.append(lowered)
        index += 1
    flat = " ".join(masked)
    return _match(flat, people, text, story)


def _person(people: list[Person], marker: str) -> Person | None:
    return people[int(marker[1:])] if marker and marker[1:].isdigit() else None


def _match(flat: str, people: list[Person], text: str, story: Story) -> Steer | None:
    tone = _TONE.match(flat)
    if tone and tone[1] in _TONE_WORDS:
        return Steer("tone", word=_TONE_WORDS[tone[1]])
    for pattern in _REVEAL:
        found = pattern.match(flat)
        if found:
            marker = next(g for g in found.groups() if g and g.startswith("@"))
            return Steer("reveal", person=_person(people, marker))
    for pattern, kind in (
        (_LEAVE, "leave"),
        (_CAPTURE, "capture"),
        (_BETRAY, "betray"),
        (_HELP, "befriend"),
        (_MEET, "join"),
    ):
        found = pattern.match(flat)
        if found:
            return Steer(kind, person=_person(people, found[1]), told=retell(text, story))
    found = _JOIN.match(flat)
    if found:
        person = _person(people, found[1])
        if person is not None and found[2]:
            person.kind = noun_of(found[2].split())
        return Steer("join", person=person, told=retell(text, story))
    found = _NAMED.match(flat)
    if found:
        person = _person(people, found[2])
        if person is not None:
            person.kind = noun_of(found[1].split())
        return Steer("join", person=person)
    found = _MOVE.match(flat)
    if found:
        place = _place_from(found[1], people)
        if place is not None:
            return Steer("move", place=place)
    found = _FIND.match(flat)
    if found:
        words = [w for w in found[1].split() if not w.startswith("@")]
        if words and words[0] in DETERMINERS:
            np, _ = read_np(words, 1)
            if np:
                return Steer("find", thing=noun_of(np))
    for pattern, word in _WEATHER:
        if pattern.search(flat) and len(flat.split()) <= 8:
            return Steer("weather", word=word)
    told = retell(text, story)
    return Steer("act", person=people[0] if people else None, told=told) if told else None


def _place_from(rest: str, people: list[Person]) -> tuple[Noun, str] | None:
    words = rest.split()
    if words and words[0].startswith("@"):
        person = _person(people, words[0])
        if person is not None:
            name = f"{person.title} {person.name}".strip()
            return Noun(name, name, proper=True), place_kind(name)
    if words and words[0] in ("the", "a", "an"):
        np, _ = read_np(words, 1)
        if np:
            return noun_of(np), place_kind(" ".join(np))
    return None


def retell(text: str, story: Story) -> str:
    """The direction as a sentence of the story, in the past tense ("" if it cannot be told)."""
    words = text.split()
    if not words:
        return ""
    first = words[0].lower()
    if first in ("let's", "lets"):
        words, first = words[1:], words[1].lower() if len(words) > 1 else ""
    if first in base_verbs() and first not in ("rain", "snow", "storm"):
        hero = story.hero
        name = hero.name.split()[0] if hero.role == "hero" else hero.name
        rest = " ".join(words[1:])
        return _sentence(f"{name} {past(first)} {rest}".strip())
    for index, word in enumerate(words[:6]):
        if index == 0:
            continue
        lowered = word.lower()
        plural = words[index - 1].lower() in ("they", "we", "both", "everyone") or (
            words[index - 1].lower().endswith("s") and not words[index - 1][:1].isupper()
        )
        changed = past_of(lowered, plural)
        if changed and lowered not in NP_STOP - {"is", "are", "has", "have"}:
            return _sentence(" ".join([*words[:index], changed, *words[index + 1 :]]))
    return ""


def base_verbs() -> frozenset[str]:
    from bot.providers.offline.lang.en_verbs import IRREGULAR, REGULAR

    return REGULAR | frozenset(IRREGULAR) - {"be", "have", "do"}


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def names_in(text: str) -> list[str]:
    """People named in story text: capitalised runs that are not places or sentence starts."""
    tokens = tokenize(text)
    found: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if is_capital(token) and is_word(token):
            end = capital_run(tokens, index, TITLES)
            words = tokens[index:end]
            before = tokens[index - 1].lower() if index else ""
            title, name = title_and_name(words)
            common = len(words) == 1 and words[0].lower() in COMMON
            if name and not common and before not in STRONG_PREPS | {"the"}:
                if not is_place_words(words):
                    found.append(f"{title} {name}".strip())
            index = max(end, index + 1)
        else:
            index += 1
    return list(dict.fromkeys(found))
