"""English: how names, things and places are said, and the finishing touches.

Forms a template may ask for: characters ``{H}`` (the full name with title
on first mention in a part if they have been away, else the short name),
``.full``, ``.short``, ``.he``/``.him``/``.his``, ``.pos`` ("Priya's"),
``.a`` ("a night guard"), ``.kind``; things ``{O}`` (full on first mention in
a part, then "the crown"), ``.full``, ``.short``, ``.a``, ``.bare``; places
``{P}``, ``.in`` ("at the harbour", "in New Avalon", "on the Glass Coast"),
``.to``, ``.from``, ``.bare``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.providers.offline.lang import en_names, en_phrases, en_read, en_shape, en_steer
from bot.providers.offline.lang.base import Facts, Names, Slots, Steer
from bot.providers.offline.lang.latin import capitalise_sentences, join_names, tidy
from bot.providers.offline.model import Character, Noun, Place, Story

SURNAME_TITLES = frozenset(
    "mr. mrs. ms. mr mrs ms miss dr. dr doctor professor prof. inspector detective sergeant "
    "officer agent constable captain commander madam madame mister chief".split()
)
PRONOUNS = {
    "he": ("he", "she", "it"),
    "him": ("him", "her", "it"),
    "his": ("his", "her", "its"),
    "himself": ("himself", "herself", "itself"),
}
ON = frozenset("coast island beach ship spaceship planet moon bridge mountain".split())
AT = frozenset(
    "museum station harbour lighthouse library market school inn shop theatre lab farm lake".split()
)
GOALS = {
    "find": "find {O}",
    "catch": "catch whoever took {O}",
    "solve": "solve {O}",
    "protect": "keep {O} safe",
    "deliver": "bring {O} safely home",
    "win": "win {O}",
    "repair": "mend {O}",
    "free": "lift the curse on {O}",
    "stop": "stop {O}",
    "rescue": "rescue {G}",
    "reach": "reach {Z}",
    "face": "face {T}",
    "meet": "find {T.a}",
    "learn": "learn to {T.plain}",
}
TONES = {"warm": "warm", "eerie": "eerie", "funny": "funny", "tense": "tense"}


def article(words: str) -> str:
    lowered = words.lower()
    vowel = lowered[:1] in set("aeiou") and not lowered.startswith(
        ("uni", "use", "one", "eu", "ur")
    )
    return "an" if vowel or lowered.startswith(("hour", "honest", "heir")) else "a"


class English:
    code = "en"
    heading = "What happens next?"
    the_end = "The End."
    things_by_gender = False
    phrases: Mapping[str, Sequence[str]] = en_phrases.PHRASES

    def names(self, genre: str) -> Names:
        return en_names.NAMES.get(genre, en_names.NAMES["everyday"])

    # --- People ------------------------------------------------------------------------

    def character(self, slots: Slots, who: Character, form: str) -> str:
        gender = {"m": 0, "f": 1}.get(who.gender, 2)
        if form in PRONOUNS:
            return PRONOUNS[form][gender]
        if form in ("a", "kind", "the"):
            kind = who.kind.words if who.kind else ""
            if form == "a":
                return f"{article(kind)} {kind}"
            return f"the {kind}" if form == "the" else kind
        if form == "full":
            slots.first(who.id)
            return self.full(who)
        clash = slots.story.clashing(who)
        if form == "short":
            slots.first(who.id)
            return self.full(who) if clash else self.short(who)
        first = slots.first(who.id)
        part = slots.story.plot.part
        fresh = who.seen == 0 or part - who.last > 3 or (who.role == "hero" and part <= 1)
        name = self.full(who) if (first and fresh) or clash else self.short(who)
        if form == "pos":
            return f"{name}'" if name.endswith("s") else f"{name}'s"
        return name

    def full(self, who: Character) -> str:
        return f"{who.title} {who.name}".strip()

    def short(self, who: Character) -> str:
        words = who.name.split()
        title = who.title.lower()
        if not title:
            return words[0] if len(words) > 1 else who.name
        if who.role == "hero" and len(words) > 1:
            return words[0]
        if title in SURNAME_TITLES:
            return f"{who.title} {words[-1]}"
        return f"{who.title} {words[0]}"

    def forms(self, who: Character) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.full(who), self.short(who))))

    def pronoun(self, who: Character) -> str:
        return PRONOUNS["he"][{"m": 0, "f": 1}.get(who.gender, 2)].capitalize()

    # --- Things and places -------------------------------------------------------------------

    def thing(self, slots: Slots, noun: Noun, key: str, form: str) -> str:
        if form == "a":
            if noun.plural:
                return f"some {noun.words}"
            return noun.words if noun.proper else f"{article(noun.words)} {noun.words}"
        if form in ("bare", "plain"):
            return noun.head if form == "bare" else noun.words
        if noun.proper:
            slots.first(key)
            return noun.words
        first = slots.first(key)
        if form == "full" or (form == "" and first):
            return f"{noun.det or 'the'} {noun.words}"
        return f"the {noun.head or noun.words}"

    def place(self, slots: Slots, place: Place, form: str) -> str:
        slots.first(place.id)
        noun = place.noun
        name = noun.words if noun.proper and not noun.det else f"{noun.det or 'the'} {noun.words}"
        if form == "bare":
            return noun.words
        if form == "in":
            if noun.proper and not noun.det:
                return f"in {name}"
            prep = "on" if place.kind in ON else "at" if place.kind in AT else "in"
            return f"{prep} {name}"
        if form in ("to", "from"):
            return f"{form} {name}"
        return name

    def special(self, slots: Slots, name: str, form: str) -> str | None:
        story = slots.story
        if name == "team":
            members = slots.members()
            return join_names([self.character(slots, m, "") for m in members], "and")
        if name == "they":
            return form or "they"
        if name == "both":
            return "both of them" if len(slots.members()) == 2 else "all of them"
        if name == "goal":
            return slots.render(GOALS.get(story.goal.verb, "find {O}"))
        if name == "tone":
            return TONES.get(story.tone, story.tone)
        return None

    # --- Sentences --------------------------------------------------------------------

    def finish(self, text: str) -> str:
        return capitalise_sentences(tidy(text))

    def join(self, sentences: Sequence[str]) -> str:
        return " ".join(sentences)

    def again(self, sentence: str) -> str:
        first = sentence.split(" ", 1)[0]
        keep = first[:1].isupper() and first.lower() not in ("a", "an", "the", "it", "they")
        return f"Once more, {sentence if keep else sentence[:1].lower() + sentence[1:]}"

    def join_names(self, names: Sequence[str]) -> str:
        return join_names(names, "and")

    # --- Reading ------------------------------------------------------------------------

    def read_premise(self, premise: str) -> Facts:
        facts = en_read.read_premise(premise)
        en_shape.refine(premise, facts)
        return facts

    def read_direction(self, direction: str, story: Story) -> Steer | None:
        return en_steer.read_direction(direction, story)

    def names_in(self, text: str) -> list[str]:
        return en_steer.names_in(text)

    def place_kind(self, noun: Noun) -> str:
        return en_read.place_kind(noun.words)
