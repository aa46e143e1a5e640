"""German: cases, genders and declension for names, things and places.

Forms a template may ask for. Characters: ``{H}`` (nominative; the full name
with title on first mention in a part if they have been away), ``.acc``,
``.dat``, ``.gen`` ("Priyas"), ``.full``/``.full_acc``/``.full_dat``,
``.short``, ``.er``/``.ihn``/``.ihm`` (pronouns), ``.a``/``.a_acc``/``.a_dat``
("ein Nachtwächter", "eine Nachtwächterin"). Things: ``{O}`` and its cases,
``.full``, ``.short``, ``.a`` (indefinite) with ``_acc``/``_dat``. Places:
``{P}`` and its cases, ``.in`` ("im Museum", "an der Glasküste", "in
Neu-Avalon"), ``.to`` ("zum Hafen", "nach Port Hollow"), ``.from``. "Herr"
becomes "Herrn" outside the nominative; "in dem" becomes "im" and so on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.providers.offline.lang import de_names, de_phrases, de_read, de_shape, de_steer
from bot.providers.offline.lang.base import Facts, Names, Slots, Steer
from bot.providers.offline.lang.latin import capitalise_sentences, join_names, tidy
from bot.providers.offline.model import Character, Noun, Place, Story

CASES = ("nom", "acc", "dat")
DEFINITE = {
    "m": ("der", "den", "dem"),
    "f": ("die", "die", "der"),
    "n": ("das", "das", "dem"),
    "p": ("die", "die", "den"),
}
INDEFINITE = {
    "m": ("ein", "einen", "einem"),
    "f": ("eine", "eine", "einer"),
    "n": ("ein", "ein", "einem"),
}
WEAK = {
    "m": ("e", "en", "en"),
    "f": ("e", "e", "en"),
    "n": ("e", "e", "en"),
    "p": ("en", "en", "en"),
}
MIXED = {
    "m": ("er", "en", "en"),
    "f": ("e", "e", "en"),
    "n": ("es", "es", "en"),
    "p": ("e", "e", "en"),
}
STRONG = {
    "m": ("er", "en", "em"),
    "f": ("e", "e", "er"),
    "n": ("es", "es", "em"),
    "p": ("e", "e", "en"),
}
PRONOUNS = {"er": ("er", "sie", "es"), "ihn": ("ihn", "sie", "es"), "ihm": ("ihm", "ihr", "ihm")}
SURNAME_TITLES = frozenset(
    "herr frau doktor dr. professor professorin lady lord sir kommissar kommissarin inspektor "
    "inspektorin detektiv detektivin kapitän kapitänin baron baronin graf gräfin".split()
)
AN = frozenset("coast lake sea lighthouse".split())
AUF = frozenset("island mountain ship station planet market".split())
CONTRACTIONS = (
    (r"\bin dem\b", "im"),
    (r"\bIn dem\b", "Im"),
    (r"\ban dem\b", "am"),
    (r"\bAn dem\b", "Am"),
    (r"\bzu dem\b", "zum"),
    (r"\bZu dem\b", "Zum"),
    (r"\bzu der\b", "zur"),
    (r"\bZu der\b", "Zur"),
    (r"\bvon dem\b", "vom"),
    (r"\bVon dem\b", "Vom"),
    (r"\bbei dem\b", "beim"),
    (r"\bBei dem\b", "Beim"),
    (r"\bin das\b", "ins"),
    (r"\bIn das\b", "Ins"),
    (r"\ban das\b", "ans"),
    (r"\bAn das\b", "Ans"),
)
_CONTRACT = [(re.compile(a), b) for a, b in CONTRACTIONS]
GOALS = {
    "find": ("{O.acc} finden", "{O.acc} zu finden"),
    "catch": ("den Dieb von {O.dat} fassen", "den Dieb von {O.dat} zu fassen"),
    "solve": ("{O.acc} lösen", "{O.acc} zu lösen"),
    "protect": ("{O.acc} beschützen", "{O.acc} zu beschützen"),
    "deliver": ("{O.acc} sicher heimbringen", "{O.acc} sicher heimzubringen"),
    "win": ("{O.acc} gewinnen", "{O.acc} zu gewinnen"),
    "repair": ("{O.acc} reparieren", "{O.acc} zu reparieren"),
    "free": ("den Fluch von {O.dat} nehmen", "den Fluch von {O.dat} zu nehmen"),
    "stop": ("{O.acc} aufhalten", "{O.acc} aufzuhalten"),
    "rescue": ("{G.acc} retten", "{G.acc} zu retten"),
    "reach": ("{Z.to} gelangen", "{Z.to} zu gelangen"),
    "face": ("{T.dat} trotzen", "{T.dat} zu trotzen"),
    "meet": ("{T.a_acc} finden", "{T.a_acc} zu finden"),
    "learn": ("{T.bare} lernen", "{T.bare} zu lernen"),
}
TONES = {"warm": "warm", "eerie": "unheimlich", "funny": "komisch", "tense": "spannend"}


def _case(form: str) -> int:
    return next((CASES.index(p) for p in form.split("_") if p in CASES), 0)


def decline(noun: Noun, case: int, article: str, *, short: bool = False) -> str:
    """``noun`` with its article ("def", "indef" or "none") and adjectives in ``case``."""
    gender = "p" if noun.plural else (noun.gender or "n")
    if noun.proper:
        return noun.words
    words = [] if short else [a + _ending(gender, case, article) for a in noun.adj]
    head = noun.head or noun.words
    if noun.plural and case == 2 and not head.endswith(("n", "s")):
        head += "n"
    if article == "def":
        lead = DEFINITE[gender][case]
    elif article == "indef" and gender != "p":
        lead = INDEFINITE[gender][case]
    else:
        lead = ""
    tail = "" if short else noun.tail
    return " ".join(w for w in (lead, *words, head, tail) if w)


def _ending(gender: str, case: int, article: str) -> str:
    table = WEAK if article == "def" else MIXED if article == "indef" else STRONG
    if article == "indef" and gender == "p":
        table = STRONG
    return table[gender][case]


def kind_word(noun: Noun, gender: str) -> Noun:
    """A kind like "Nachtwächter|Nachtwächterin" for a man or a woman."""
    if "|" not in noun.head:
        return noun
    male, female = noun.head.split("|", 1)
    if male == female:  # "Lehrling" has one form and one gender, whoever it is: "ein Lehrling"
        return Noun(words=male, head=male, gender=noun.gender or "m", adj=list(noun.adj))
    head = female if gender == "f" else male
    return Noun(words=head, head=head, gender="f" if gender == "f" else "m", adj=list(noun.adj))


ROOMS = ("raum", "halle", "saal", "zimmer", "keller", "kammer")
"""Rooms are "in" whatever the place around them: im Frachtraum, in der Markthalle."""
OPEN_GROUND = ("platz", "markt", "friedhof", "hof", "deck", "feld", "wiese", "brücke", "dachboden")
"""Open ground is "auf": auf dem Marktplatz, auf dem Friedhof."""


def _preposition(place: Place) -> str:
    head = place.noun.head.lower()
    if head.endswith("bahnhof"):
        return "an"
    if head.endswith(ROOMS):
        return "in"
    if head.endswith(OPEN_GROUND):
        return "auf"
    return "an" if place.kind in AN else "auf" if place.kind in AUF else "in"


class German:
    code = "de"
    heading = "Wie geht es weiter?"
    the_end = "Ende."
    things_by_gender = False
    phrases: Mapping[str, Sequence[str]] = de_phrases.PHRASES

    def names(self, genre: str) -> Names:
        return de_names.NAMES.get(genre, de_names.NAMES["everyday"])

    def character(self, slots: Slots, who: Character, form: str) -> str:
        gender = {"m": 0, "f": 1}.get(who.gender, 2)
        if form in PRONOUNS:
            return PRONOUNS[form][gender]
        case = _case(form)
        if (form == "a" or form.startswith(("a_", "kind"))) and who.kind is not None:
            kind = kind_word(who.kind, who.gender)
            return decline(kind, case, "none" if form.startswith("kind") else "indef")
        if form.startswith("full"):
            slots.first(who.id)
            return self._named(who, case, full=True)
        clash = slots.story.clashing(who)
        if form.startswith("short"):
            slots.first(who.id)
            return self._named(who, case, full=clash)
        first = slots.first(who.id)
        part = slots.story.plot.part
        fresh = who.seen == 0 or part - who.last > 3 or (who.role == "hero" and part <= 1)
        name = self._named(who, case, full=(first and fresh) or clash)
        if form == "gen":
            return name + ("'" if name.endswith(("s", "ß", "x", "z")) else "s")
        return name

    def _named(self, who: Character, case: int, *, full: bool) -> str:
        title = who.title
        if title.lower() == "herr" and case > 0:
            title = "Herrn"
        words = who.name.split()
        if full or (not title and len(words) == 1):
            return f"{title} {who.name}".strip()
        if not title:
            return words[0]
        if who.role == "hero" and len(words) > 1:
            return words[0]
        if who.title.lower() in SURNAME_TITLES:
            return f"{title} {words[-1]}"
        return f"{title} {words[0]}"

    def forms(self, who: Character) -> tuple[str, ...]:
        full = f"{who.title} {who.name}".strip()
        return tuple(dict.fromkeys((full, self._named(who, 0, full=False))))

    def pronoun(self, who: Character) -> str:
        return PRONOUNS["er"][{"m": 0, "f": 1}.get(who.gender, 2)].capitalize()

    # --- Things and places -------------------------------------------------------------------

    def thing(self, slots: Slots, noun: Noun, key: str, form: str) -> str:
        if form in PRONOUNS:
            if noun.plural:
                return {"er": "sie", "ihn": "sie", "ihm": "ihnen"}[form]
            return PRONOUNS[form][{"m": 0, "f": 1}.get(noun.gender, 2)]
        case = _case(form)
        if form == "a" or form.startswith("a_"):
            return decline(noun, case, "indef")
        if form == "bare":
            return noun.head
        first = slots.first(key)
        short = form.startswith("short") or not (form.startswith("full") or first)
        return decline(noun, case, "def", short=short and bool(noun.adj or noun.tail))

    def place(self, slots: Slots, place: Place, form: str) -> str:
        slots.first(place.id)
        noun = place.noun
        if form == "bare":
            return decline(noun, 0, "none") if noun.proper else decline(noun, 0, "def")
        if form in ("in", "to", "from"):
            return self._prep(place, form)
        return decline(noun, _case(form), "def")

    def _prep(self, place: Place, form: str) -> str:
        noun = place.noun
        if noun.proper:
            return {"in": "in", "to": "nach", "from": "aus"}[form] + " " + noun.words
        if form == "to":
            return self.finish_inner(f"zu {decline(noun, 2, 'def')}")
        prep = _preposition(place)
        if form == "from":
            prep = "aus" if prep == "in" else "von"
        return self.finish_inner(f"{prep} {decline(noun, 2, 'def')}")

    def special(self, slots: Slots, name: str, form: str) -> str | None:
        story = slots.story
        if name == "team":
            members = slots.members()
            return join_names([self.character(slots, m, form) for m in members], "und")
        if name == "they":
            return {"dat": "ihnen"}.get(form, "sie")
        if name == "both":
            return "beide" if len(slots.members()) == 2 else "alle"
        if name == "goal":
            plain, zu = GOALS.get(story.goal.verb, GOALS["find"])
            return slots.render(zu if form == "zu" else plain)
        if name == "tone":
            return TONES.get(story.tone, story.tone)
        return None

    # --- Sentences --------------------------------------------------------------------

    def finish_inner(self, text: str) -> str:
        for pattern, short in _CONTRACT:
            text = pattern.sub(short, text)
        return text

    def finish(self, text: str) -> str:
        return capitalise_sentences(tidy(self.finish_inner(text), english_quotes=False))

    def join(self, sentences: Sequence[str]) -> str:
        return " ".join(sentences)

    def join_names(self, names: Sequence[str]) -> str:
        return join_names(names, "und")

    def again(self, sentence: str) -> str:
        return f"Und wieder: {sentence}"

    # --- Reading ------------------------------------------------------------------------

    def read_premise(self, premise: str) -> Facts:
        facts = de_read.read_premise(premise)
        de_shape.refine(premise, facts)
        return facts

    def read_direction(self, direction: str, story: Story) -> Steer | None:
        return de_steer.read_direction(direction, story)

    def names_in(self, text: str) -> list[str]:
        return de_steer.names_and_places(text)[0]

    def place_kind(self, noun: Noun) -> str:
        return de_read.place_kind(noun.head or noun.words)
