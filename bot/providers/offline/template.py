"""Filling phrase templates, and choosing them so that nothing is said twice.

Template syntax, the same in every language:

- ``{H}``, ``{O.acc}``, ``{P.in}``: a slot and an optional form. Slots are
  characters (H hero, A ally, R culprit or rival, U suspect, W someone met, X
  someone a direction named, G the person the goal is about), things (O the
  goal, C a clue, T what the hero fears or wishes for, M what the heroes made),
  places (P where the cast is, Q where they go) and the
  specials each language defines (``{team}``, ``{goal}``...). The language
  decides what a form means.
- ``[H:his|her]``: the first word for a man, the second for a woman, an
  optional third for anything else.
- ``<quietly|softly|without a word>``: one of these, at random.

A template can be used only when every slot it names is bound, so one list
can hold phrases for scenes with and without an ally. :meth:`Scene.pick`
prefers the phrases this story has used least and never repeats a sentence.
"""

from __future__ import annotations

import functools
import random
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot.providers.offline.lang.base import Language
from bot.providers.offline.model import Character, Story
from bot.providers.offline.text import measure, split_sentences

_ALTERNATION = re.compile(r"<([^<>]*)>")
_SWITCH = re.compile(r"\[(\w+):([^\[\]]*)\]")
_SLOT = re.compile(r"\{(\w+)(?:\.(\w+))?\}")
_NEEDS = re.compile(r"\{(\w+)(?:\.(\w+))?|\[(\w+):")
MOST_USES = 2
"""How often a phrase may be used in one story before any other phrase is preferred."""
CHARACTER_SLOTS = frozenset("HARUWXGY")
THING_SLOTS = frozenset("OCTM")
PLACE_SLOTS = frozenset("PQZ")


MAX_TRIES = 10
_STABLE = frozenset("HAOGZR")


@functools.cache
def _always_the_same(template: str) -> bool:
    """Whether a template renders the same every time in one story (no choices, stable slots)."""
    if "<" in template:
        return False
    names = {m[1] or m[3] for m in _NEEDS.finditer(template)}
    return all(name in _STABLE or name in ("goal", "team", "they", "both") for name in names)


def _needs_kind(form: str) -> bool:
    return form in ("a", "kind", "un") or form.startswith(("a_", "kind_"))


@functools.cache
def _needs(template: str) -> tuple[tuple[str, bool], ...]:
    """The slots ``template`` names, each with whether it needs the character's kind."""
    needs = []
    for match in _NEEDS.finditer(template):
        name = match[1] or match[3]
        kind = bool(match[2]) and name in CHARACTER_SLOTS and _needs_kind(match[2])
        needs.append((name, kind))
    return tuple(dict.fromkeys(needs))


def sentence_key(sentence: str) -> str:
    """A short stable hash of a sentence, to remember it was told."""
    flat = " ".join(sentence.lower().split())
    return format(zlib.crc32(flat.encode("utf-8")), "08x")


@dataclass(slots=True)
class Block:
    """Sentences that belong together; ``para`` starts a new paragraph with them."""

    sentences: list[str]
    para: bool = False
    kind: str = ""
    size: int = -1
    """Its length in words (Japanese: characters / 1.8), measured once."""

    def words(self) -> int:
        if self.size < 0:
            self.size = measure(" ".join(self.sentences))
        return self.size


@dataclass(slots=True)
class Scene:
    """One part being written: who fills which slot, and what has been said."""

    story: Story
    lang: Language
    rng: random.Random
    bound: dict[str, str] = field(default_factory=dict)
    mentions: dict[str, int] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    told: set[str] = field(default_factory=set)
    values: dict[str, str] = field(default_factory=dict)
    """Ready-made text for named slots (``{met}``: the people met on the way)."""
    usable: dict[tuple[str, str, str, str], list[tuple[str, str]]] = field(default_factory=dict)
    """The templates each group can use with the slots as bound (asked for again and again)."""
    dry: set[tuple[str, str]] = field(default_factory=set)
    stale: set[tuple[str, str]] = field(default_factory=set)
    """Templates that only repeated what was told, with the slots as they were bound."""
    """Groups that had nothing new to say with the slots as they were bound (not asked again)."""
    settled: bool = False
    """The readers chose where the cast is in this part: no journey elsewhere in it."""
    strict: bool = False
    """While set, a phrase the part cannot do without is never used a third time..."""
    short: bool = False
    """...and this records that one could not be said (the beat is then taken back)."""

    def __post_init__(self) -> None:
        self.told.update(self.story.said)

    # --- What the language asks about (see lang.base.Slots) ---------------------------

    def first(self, key: str) -> bool:
        count = self.mentions.get(key, 0)
        self.mentions[key] = count + 1
        return count == 0

    def members(self) -> list[Character]:
        hero = self.story.hero
        return [hero, *(c for c in self.story.with_role("ally") if c.id != hero.id)]

    # --- Binding ------------------------------------------------------------------------

    def bind(self, **slots: str | None) -> None:
        for name, key in slots.items():
            if key:
                self.bound[name] = key
            else:
                self.bound.pop(name, None)

    def can(self, template: str) -> bool:
        for name, kind in _needs(template):
            if not self._has(name):
                return False
            if kind:
                who = self._character(name)
                if who is None or who.kind is None:
                    return False
        return True

    def _has(self, name: str) -> bool:
        if name in self.values:
            return bool(self.values[name])
        if name in CHARACTER_SLOTS or name in THING_SLOTS or name in PLACE_SLOTS:
            return name in self.bound
        if name in ("team", "both"):
            return len(self.members()) > 1
        if name == "they":
            hero = self.story.hero.id
            return any(c.status == "here" and c.id != hero for c in self.story.cast)
        if name == "goal":
            goal = self.story.goal
            return bool(goal.thing or goal.person or goal.place or goal.shape == "learn")
        return True

    # --- Rendering ------------------------------------------------------------------------

    def render(self, template: str) -> str:
        """``template`` filled in, without the finishing touches (for phrases inside phrases)."""
        text = _SWITCH.sub(self._switch, template)
        text = _ALTERNATION.sub(lambda m: self.rng.choice(m[1].split("|")), text)
        return _SLOT.sub(self._slot, text)

    def say(self, template: str) -> str:
        """``template`` filled in and finished as the language writes sentences."""
        return self.lang.finish(self.render(template))

    def _switch(self, match: re.Match[str]) -> str:
        options = match[2].split("|")
        if match[1] in THING_SLOTS or match[1] in PLACE_SLOTS:
            key = self.bound.get(match[1], "")
            item = self.story.thing(key) if match[1] in THING_SLOTS else self.story.place(key)
            if item is None:
                return options[0]
            noun = item.noun
            if self.lang.things_by_gender:
                female = noun.gender == "f"
                index = (3 if female and len(options) > 3 else 2) if noun.plural else int(female)
            else:
                index = int(noun.plural)
            return options[min(index, len(options) - 1)]
        who = self._character(match[1])
        gender = who.gender if who else "n"
        index = {"m": 0, "f": 1}.get(gender, 2)
        return options[min(index, len(options) - 1)]

    def _character(self, name: str) -> Character | None:
        key = self.bound.get(name)
        return self.story.char(key) if key else None

    def _slot(self, match: re.Match[str]) -> str:
        name, form = match[1], match[2] or ""
        key = self.bound.get(name, "")
        if name in self.values:
            return self.values[name]
        if name in CHARACTER_SLOTS:
            who = self.story.char(key)
            if who is not None:
                return self.lang.character(self, who, form)
        elif name in THING_SLOTS:
            thing = self.story.thing(key)
            if thing is not None:
                return self.lang.thing(self, thing.noun, thing.id, form)
        elif name in PLACE_SLOTS:
            place = self.story.place(key)
            if place is not None:
                return self.lang.place(self, place, form)
        else:
            if name == "goal":
                self.mentions["goal"] = self.mentions.get("goal", 0) + 1
            special = self.lang.special(self, name, form)
            if special is not None:
                return special
        return ""

    # --- Choosing ---------------------------------------------------------------------------

    def options(self, group: str) -> list[tuple[str, str]]:
        """The usable templates of ``group`` as (id, template) pairs."""
        cast = repr([(c.id, c.status, c.role) for c in self.story.cast])
        state = (group, repr(sorted(self.bound.items())), repr(self.values), cast)
        found = self.usable.get(state)
        if found is None:
            templates = self.lang.phrases.get(group, ())
            found = [(f"{group}:{i}", t) for i, t in enumerate(templates) if self.can(t)]
            self.usable[state] = found
        return found

    def pick(
        self, *groups: str, para: bool = False, kind: str = "", must: bool = True
    ) -> list[str]:
        """Render one fresh template from the first of ``groups`` that has one, and keep it.

        Among usable templates, the ones this story has used least come first,
        and a template used twice already is taken only if no group has another
        and the part cannot do without it (``must``); a template that would
        repeat a sentence already told is skipped. Returns the sentences added
        ([] if no group could say anything new).
        """
        for most in (MOST_USES, None) if must and not self.strict else (MOST_USES,):
            for group in groups:
                sentences = self._pick_from(group, most)
                if sentences:
                    self.blocks.append(Block(sentences, para, kind or group))
                    return sentences
        self.short = self.short or must
        return []

    def _pick_from(self, group: str, most: int | None) -> list[str]:
        memo = (group, repr(sorted(self.bound.items())))
        if most is not None and memo in self.dry:
            return []
        sentences = self._fresh(group, most)
        if not sentences and most is not None:
            self.dry.add(memo)
        return sentences

    def _fresh(self, group: str, most: int | None) -> list[str]:
        used = self.story.used
        candidates = [
            item for item in self.options(group) if most is None or used.get(item[0], 0) < most
        ]
        if not candidates:
            return []
        self.rng.shuffle(candidates)
        candidates.sort(key=lambda item: used.get(item[0], 0))
        tries = 0
        bound = repr(sorted(self.bound.items()))
        for key, template in candidates:
            if used.get(key) and _always_the_same(template):
                continue  # it would say the very sentence it said before
            if (key, bound) in self.stale:
                continue  # it said nothing new a moment ago with these very slots
            tries += 1
            if tries > MAX_TRIES:
                break
            saved = dict(self.mentions)
            for _ in range(3 if "<" in template else 1):
                sentences = split_sentences(self.say(template))
                if sentences and not any(sentence_key(s) in self.told for s in sentences):
                    self.story.used[key] = self.story.used.get(key, 0) + 1
                    self.remember(sentences)
                    return sentences
                self.mentions = dict(saved)
            self.stale.add((key, bound))
        return []

    def add(self, sentences: Sequence[str], *, para: bool = False, kind: str = "") -> None:
        """Sentences written without a template (a reader's direction retold)."""
        fresh = [s for s in sentences if sentence_key(s) not in self.told]
        if fresh:
            self.remember(fresh)
            self.blocks.append(Block(list(fresh), para, kind))
            text = " ".join(fresh)
            for who in self.story.cast:
                if any(form and form in text for form in self.lang.forms(who)):
                    self.mentions[who.id] = self.mentions.get(who.id, 0) + 1

    def remember(self, sentences: Iterable[str]) -> None:
        for sentence in sentences:
            key = sentence_key(sentence)
            self.told.add(key)
            self.story.said.append(key)

    def words(self) -> int:
        return sum(block.words() for block in self.blocks)
