"""French: articles, contractions, elision and agreement for names, things and places.

Forms a template may ask for. Characters: ``{H}`` (the full name with its
title on first mention in a part if they have been away, else the short name),
``.full``, ``.short``, ``.de`` ("de l'inspectrice Nair", "de M. Okafor"), ``.à``
("au capitaine Voss"), ``.il`` (il/elle), ``.le`` (le/la), ``.lui``, ``.un``
("une gardienne de nuit"). Things: ``{O}`` ("la couronne volée" on first
mention, then "la couronne"), ``.full``, ``.short``, ``.de``, ``.à``, ``.un``,
``.il``, ``.le``. Places: ``{P}``, ``.in`` ("au musée", "dans la forêt", "à
Nouvelle-Avalon", "sur l'île"), ``.to``, ``.from``, ``.de``. "de le" becomes
"du", "de elle" becomes "d'elle", and spaces before « » ? ! ; : do not break.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.providers.offline.lang import fr_names, fr_phrases, fr_read, fr_shape, fr_steer
from bot.providers.offline.lang.base import Facts, Names, Slots, Steer
from bot.providers.offline.lang.latin import capitalise_sentences, join_names
from bot.providers.offline.model import Character, Noun, Place, Story

ARTICLE_TITLES = frozenset(
    """inspecteur inspectrice capitaine docteur docteure professeur professeure princesse prince
    roi reine baron baronne comte comtesse commissaire détective chevalier sorcière sorcier
    lieutenant lieutenante duc duchesse marquise marquis commandant commandante général générale
    colonel amiral sergent juge maire""".split()
)
SURNAME_TITLES = frozenset(
    "m. mme mlle monsieur madame lady lord sir inspecteur inspectrice commissaire docteur "
    "docteure professeur professeure détective capitaine lieutenant lieutenante".split()
)
PRONOUNS = {"il": ("il", "elle", "il"), "le": ("le", "la", "le"), "lui": ("lui", "lui", "lui")}
DANS = frozenset("forest manor castle cave ruins garden city village desert".split())
SUR = frozenset("island coast ship planet mountain station market".split())
ON_HEADS = frozenset(
    "sentier chemin route pont quai place marché toit colline collines pont".split()
)
"""Ways and open ground are "sur" whatever the place: sur le sentier, sur la place."""
IN_HEADS = frozenset("soute salle cale grotte grottes crypte grenier cave serre".split())
"""Rooms and hollows are "dans": dans la soute, dans la crypte."""
_TITLE_AFTER = re.compile(
    r"\b([Dd]e|[Àà]) (le|les) (?=(?:" + "|".join(sorted(ARTICLE_TITLES)) + r")\b)"
)
"""« de le capitaine » is « du capitaine » (only before a title: « de le trouver » stays)."""
_CONTRACT = {("de", "le"): "du ", ("de", "les"): "des ", ("à", "le"): "au ", ("à", "les"): "aux "}
_VOWEL = "aeiouyéèêëàâîïôûœæAEIOUYÉÈÊËÀÂÎÏÔÛŒÆ"
_H_MUET = (
    "homme",
    "heure",
    "histoire",
    "hôtel",
    "herbe",
    "hiver",
    "habit",
    "hôpital",
    "horizon",
    "huile",
    "humeur",
    "hélice",
    "hameçon",
    "horloge",
    "hermine",
    "héroïne",
    "horaire",
    "habitant",
    "Hugo",
    "Hélène",
)
_ELIDE = re.compile(
    r"\b([Dd]e|[Qq]ue|[Nn]e|[Ll]e|[Ll]a|[Jj]e|[Mm]e|[Tt]e|[Ss]e|[Ll]orsque|[Pp]uisque|[Jj]usque) "
    r"(?=([" + _VOWEL + r"]|h\w+|H\w+))"
)
_SI_IL = re.compile(r"\b([Ss])i (ils?)\b")
_SPACE_BEFORE = re.compile(r" ([?!;:»])")
_SPACE_AFTER = re.compile(r"« ")
GOALS = {
    "find": "retrouver {O}",
    "catch": "démasquer celui qui a pris {O}",
    "solve": "résoudre {O}",
    "protect": "protéger {O}",
    "deliver": "rapporter {O} à bon port",
    "win": "gagner {O}",
    "repair": "réparer {O}",
    "free": "lever la malédiction qui pèse sur {O}",
    "stop": "arrêter {O}",
    "rescue": "sauver {G}",
    "reach": "atteindre {Z}",
    "face": "affronter {T}",
    "meet": "trouver {T.un}",
    "learn": "apprendre à {T.bare}",
}
TONES = {"warm": "douce", "eerie": "inquiétante", "funny": "drôle", "tense": "haletante"}


def starts_with_vowel(word: str) -> bool:
    return bool(word) and (word[0] in _VOWEL or word.startswith(_H_MUET))


def article(noun: Noun, *, indefinite: bool = False, short: bool = False) -> str:
    words = noun.head if short else noun.words
    if noun.proper:
        return noun.words
    if indefinite:
        lead = "des" if noun.plural else "une" if noun.gender == "f" else "un"
        return f"{lead} {words}"
    if noun.plural:
        return f"les {words}"
    if starts_with_vowel(words):
        return f"l'{words}"
    return f"{'la' if noun.gender == 'f' else 'le'} {words}"


def with_prep(prep: str, phrase: str) -> str:
    """ "à" or "de" before a phrase with its article: "au musée", "des îles", "de l'île"."""
    for article_, joined in (
        ("le ", {"à": "au ", "de": "du "}),
        ("les ", {"à": "aux ", "de": "des "}),
    ):
        if phrase.startswith(article_):
            return joined[prep] + phrase[len(article_) :]
    return f"{prep} {phrase}"


def kind_word(noun: Noun, gender: str) -> Noun:
    if "|" not in noun.words:
        return noun
    male, female = noun.words.split("|", 1)
    words = female if gender == "f" else male
    return Noun(words=words, head=words.split()[0], gender="f" if gender == "f" else "m")


class French:
    code = "fr"
    things_by_gender = True
    """``[O:le|la|les]`` chooses by the thing's gender (and number), as French agreement needs."""
    heading = "Que se passe-t-il ensuite\u00a0?"
    the_end = "Fin."
    phrases: Mapping[str, Sequence[str]] = fr_phrases.PHRASES

    def names(self, genre: str) -> Names:
        return fr_names.NAMES.get(genre, fr_names.NAMES["everyday"])

    def character(self, slots: Slots, who: Character, form: str) -> str:
        gender = {"m": 0, "f": 1}.get(who.gender, 2)
        if form in PRONOUNS:
            return PRONOUNS[form][gender]
        if form in ("un", "kind") and who.kind is not None:
            kind = kind_word(who.kind, who.gender)
            return article(kind, indefinite=True) if form == "un" else kind.words
        clash = slots.story.clashing(who)
        if form in ("full", "short"):
            slots.first(who.id)
            name = self._named(who, full=form == "full" or clash)
        else:
            first = slots.first(who.id)
            part = slots.story.plot.part
            fresh = who.seen == 0 or part - who.last > 3 or (who.role == "hero" and part <= 1)
            name = self._named(who, full=(first and fresh) or clash)
        if form in ("de", "à"):
            return with_prep("de" if form == "de" else "à", name)
        return name

    def _named(self, who: Character, *, full: bool) -> str:
        title = who.title
        if title.lower() in ARTICLE_TITLES:
            title = (
                f"l'{title}"
                if starts_with_vowel(title)
                else f"{'la' if who.gender == 'f' else 'le'} {title}"
            )
        words = who.name.split()
        if full or (not who.title and len(words) == 1):
            return f"{title} {who.name}".strip()
        if not who.title:
            return words[0]
        if who.role == "hero" and len(words) > 1:
            return words[0]
        if who.title.lower() in SURNAME_TITLES:
            return f"{title} {words[-1]}"
        return f"{title} {words[0]}"

    def forms(self, who: Character) -> tuple[str, ...]:
        full = self._named(who, full=True)
        short = self._named(who, full=False)
        return tuple(dict.fromkeys(f[:1].upper() + f[1:] for f in (full, short)))

    def pronoun(self, who: Character) -> str:
        return "Elle" if who.gender == "f" else "Il"

    # --- Things and places -------------------------------------------------------------------

    def thing(self, slots: Slots, noun: Noun, key: str, form: str) -> str:
        if form in PRONOUNS:
            if noun.plural:
                return {"il": "ils", "le": "les", "lui": "leur"}[form]
            return PRONOUNS[form][1 if noun.gender == "f" else 0]
        if form == "un":
            return article(noun, indefinite=True)
        if form == "bare":
            return noun.head
        first = slots.first(key)
        short = form == "short" or (form in ("", "de", "à") and not first)
        phrase = article(noun, short=short)
        return with_prep(form, phrase) if form in ("de", "à") else phrase

    def place(self, slots: Slots, place: Place, form: str) -> str:
        slots.first(place.id)
        noun = place.noun
        phrase = article(noun)
        if form == "bare":
            return noun.words
        if form in ("in", "to"):
            if noun.proper:
                return f"à {noun.words}"
            if noun.head.lower() in ON_HEADS or (place.kind in SUR and noun.head not in IN_HEADS):
                return f"sur {phrase}"
            if place.kind in DANS or noun.head.lower() in IN_HEADS:
                return f"dans {phrase}"
            return with_prep("à", phrase)
        if form in ("from", "de"):
            return with_prep("de", phrase)
        if form == "à":
            return f"à {noun.words}" if noun.proper else with_prep("à", phrase)
        return phrase

    def special(self, slots: Slots, name: str, form: str) -> str | None:
        story = slots.story
        if name == "team":
            members = slots.members()
            return join_names([self.character(slots, m, "") for m in members], "et")
        if name == "they":
            here = [c for c in story.cast if c.status == "here"]
            return "elles" if here and all(c.gender == "f" for c in here) else "ils"
        if name == "both":
            return "tous les deux" if len(slots.members()) == 2 else "tous"
        if name == "goal":
            return slots.render(GOALS.get(story.goal.verb, GOALS["find"]))
        if name == "tone":
            return TONES.get(story.tone, story.tone)
        return None

    # --- Sentences --------------------------------------------------------------------

    def finish(self, text: str) -> str:
        text = re.sub(r"[ \t]+", " ", text).strip()
        text = re.sub(r" ([,.…])", r"\1", text)
        text = _SI_IL.sub(r"\1'\2", text)
        if " le" in text:  # cheap test first: most sentences have no « de le capitaine »
            text = _TITLE_AFTER.sub(lambda m: _CONTRACT[(m[1].lower(), m[2])], text)
        text = _ELIDE.sub(_elide, text)
        text = _SPACE_BEFORE.sub("\u00a0\\1", text)
        text = _SPACE_AFTER.sub("«\u00a0", text)
        return capitalise_sentences(text)

    def join(self, sentences: Sequence[str]) -> str:
        return " ".join(sentences)

    def join_names(self, names: Sequence[str]) -> str:
        return join_names(names, "et")

    def again(self, sentence: str) -> str:
        first = sentence.split(" ", 1)[0]
        keep = first[:1].isupper() and first.lower() not in (
            "un",
            "une",
            "le",
            "la",
            "les",
            "il",
            "elle",
            "ils",
        )
        return f"Une fois de plus, {sentence if keep else sentence[:1].lower() + sentence[1:]}"

    # --- Reading ------------------------------------------------------------------------

    def read_premise(self, premise: str) -> Facts:
        facts = fr_read.read_premise(premise)
        fr_shape.refine(premise, facts)
        return facts

    def read_direction(self, direction: str, story: Story) -> Steer | None:
        return fr_steer.read_direction(direction, story)

    def names_in(self, text: str) -> list[str]:
        return fr_steer.names_in(text)

    def place_kind(self, noun: Noun) -> str:
        return fr_read.place_kind(noun.words)


def _elide(match: re.Match[str]) -> str:
    word = match[1]
    following = match[2]
    if following[:1] in "hH" and not following.startswith(_H_MUET):
        return match[0]
    return word[:-1] + "'"
