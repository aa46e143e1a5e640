"""Reading a direction in French: the change it makes to the story, and retelling it."""

from __future__ import annotations

import re

from bot.providers.offline.lang.base import Person, Steer
from bot.providers.offline.lang.fr_read import (
    noun_of,
    person_of,
    place_kind,
    split_words,
)
from bot.providers.offline.lang.fr_verbs import past
from bot.providers.offline.lang.fr_words import (
    COMMON,
    PLACE_PREPS,
    TITLES,
)
from bot.providers.offline.lang.latin import capital_run, is_capital, is_word
from bot.providers.offline.model import Noun, Story

_TONE = re.compile(
    r"^(?:rends|rendez|fais|faites|rendre)(?:-la|-le| l'histoire| le tout| la suite)? "
    r"(?:encore |un peu |beaucoup )?plus (\w+)"
)
_TONES = {
    "effrayante": "eerie",
    "effrayant": "eerie",
    "inquiétante": "eerie",
    "sombre": "eerie",
    "drôle": "funny",
    "amusante": "funny",
    "amusant": "funny",
    "palpitante": "tense",
    "haletante": "tense",
    "tendue": "tense",
    "douce": "warm",
    "chaleureuse": "warm",
}
_ROLE = (
    r"(?:voleur|voleuse|coupable|traître|traîtresse|ravisseur|ravisseuse|espion|espionne|cerveau)"
)
_REVEAL = (
    re.compile(rf"^(?:le|la) {_ROLE} (?:est|était|c'est) (@\d)"),
    re.compile(rf"^(@\d) (?:est|était) (?:le|la|un|une) {_ROLE}"),
    re.compile(r"^(@\d) a (?:volé|pris|caché) "),
    re.compile(r"^c'(?:est|était) (@\d)"),
)
_PATTERNS = (
    (re.compile(r"^(@\d) (?:part|s'en va|quitte|doit partir|rentre chez|s'éloigne)"), "leave"),
    (re.compile(r"^(@\d) (?:est|a été) (?:enlevée?|capturée?|enfermée?|kidnappée?)"), "capture"),
    (re.compile(r"^(@\d) (?:les |la |le )?trahit"), "betray"),
    (re.compile(r"^(@\d) (?:les |l')?aide|^(@\d) décide de (?:les )?aider"), "befriend"),
    (
        re.compile(r"^(@\d) (?:arrive|apparaît|surgit|se joint|rejoint|frappe|entre|revient)"),
        "join",
    ),
)
_MOVE = re.compile(
    r"^(?:ils |elles |on |nous |@\d (?:et @\d )?)?(?:vont|va|se rendent|se rend|partent|part|"
    r"filent|file|courent|court|retournent|retourne|rentrent|montent|descendent|aller|retourner|"
    r"se rendre|filer) (au|à la|à l'|aux|à|dans le|dans la|dans l'|vers le|vers la|chez) (.+)$"
)
_FIND = re.compile(
    r"^(?:ils |elles |on |nous |@\d )?(?:trouvent|trouve|découvrent|découvre|trouver) "
    r"(un|une|des|le|la|l') ?(.+)$"
)
_WEATHER = (
    (re.compile(r"\b(?:orage|tempête|tonnerre|éclair)"), "storm"),
    (re.compile(r"\b(?:pluie|pleut|averse)"), "rain"),
    (re.compile(r"\b(?:neige|blizzard)"), "snow"),
    (re.compile(r"\b(?:brouillard|brume)"), "fog"),
    (re.compile(r"\b(?:noir complet|obscurité|lumières s'éteignent|panne)"), "dark"),
)


def read_direction(direction: str, story: Story) -> Steer | None:
    text = " ".join(direction.replace("’", "'").split()).strip(" .!?;")[:240]
    if not text:
        return None
    tokens = split_words(text)
    people: list[Person] = []
    masked: list[str] = []
    index = 0
    while index < len(tokens):
        token, lowered = tokens[index], tokens[index].lower()
        titled = (
            lowered.rstrip(".") in TITLES
            and index + 1 < len(tokens)
            and is_capital(tokens[index + 1])
        )
        if titled or (is_capital(token) and is_word(token) and lowered not in COMMON):
            end = capital_run(tokens, index + 1 if titled else index, TITLES)
            if masked and masked[-1] in ("le", "la", "l'") and titled:
                masked.pop()
            masked.append(f"@{len(people)}")
            people.append(person_of(tokens[index:end]))
            index = end
            continue
        masked.append(lowered)
        index += 1
    flat = " ".join(masked).replace("' ", "'")
    return _match(flat, people, text, story)


def _who(people: list[Person], marker: str | None) -> Person | None:
    return people[int(marker[1:])] if marker and marker[1:].isdigit() else None


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
            marker = next((g for g in found.groups() if g), None)
            return Steer(kind, person=_who(people, marker), told=retell(text, story))
    found = _MOVE.match(flat)
    if found:
        words = found[2].split()
        det = {
            "au": "le",
            "à la": "la",
            "à l'": "l'",
            "aux": "les",
            "dans le": "le",
            "dans la": "la",
            "dans l'": "l'",
            "vers le": "le",
            "vers la": "la",
        }.get(found[1], "")
        if words and words[0].startswith("@"):
            person = _who(people, words[0])
            if person is not None:
                return Steer(
                    "move",
                    place=(Noun(person.name, person.name, proper=True), place_kind(person.name)),
                )
        elif words:
            noun = noun_of(words, det)
            return Steer("move", place=(noun, place_kind(noun.words)))
    found = _FIND.match(flat)
    if found:
        words = [w for w in found[2].split() if not w.startswith("@")]
        if words:
            return Steer("find", thing=noun_of(words, found[1]))
    for pattern, word in _WEATHER:
        if pattern.search(flat) and len(flat.split()) <= 8:
            return Steer("weather", word=word)
    told = retell(text, story)
    return Steer("act", person=people[0] if people else None, told=told) if told else None


def retell(text: str, story: Story) -> str:
    """The direction as a sentence of the story, in the passé simple ("" if it cannot be told)."""
    words = text.split()
    if not words:
        return ""
    first = words[0].lower()
    hero = story.hero.name.split()[0]
    if first.endswith(("er", "ir", "re")) and past(first) and len(words) > 1:
        return _sentence([hero, past(first), *words[1:]])
    for index in range(1, min(len(words), 4)):
        word = words[index]
        if words[index - 1].lower() in ("plus", "très", "trop", "si", "moins"):
            continue
        if word.lower() in ("se", "s'en", "les", "la", "le", "lui", "leur"):
            continue
        changed = past(word)
        if changed and word.islower() and index >= 1:
            return _sentence([*words[:index], changed, *words[index + 1 :]])
    if first in ("grimpe", "cours", "va", "prends") and len(words) > 1:
        return _sentence([hero, past(first), *words[1:]])
    return ""


def _sentence(words: list[str]) -> str:
    text = " ".join(w for w in words if w).strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def names_in(text: str) -> list[str]:
    """People named in French story text: capitalised runs that are not places."""
    tokens = split_words(text[:4000])
    found: list[str] = []
    index = 0
    while index < len(tokens):
        token, lowered = tokens[index], tokens[index].lower()
        before = tokens[index - 1].lower() if index else ""
        if is_capital(token) and is_word(token) and lowered not in COMMON:
            end = capital_run(tokens, index, TITLES)
            if before not in PLACE_PREPS and before not in ("le", "la", "l'"):
                found.append(" ".join(tokens[index:end]))
            index = max(end, index + 1)
        else:
            index += 1
    return list(dict.fromkeys(found))
