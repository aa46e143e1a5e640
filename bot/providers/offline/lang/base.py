"""What every language gives the storyteller: its grammar, its reading, its phrases.

The plot is the same in every language; a :class:`Language` turns it into
native sentences. Phrases are templates with slots the grammar fills, so a
German phrase asks for ``{O.acc}`` and gets "die gestohlene Krone" or "den
goldenen Kompass", a French one asks for ``{P.in}`` and gets "au musée" or "dans
la forêt". The template syntax is in :mod:`bot.providers.offline.template`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from bot.providers.offline.model import Character, Noun, Place, Story


@dataclass(slots=True)
class Person:
    """Someone a premise or a direction names."""

    name: str
    title: str = ""
    gender: str = ""
    kind: Noun | None = None
    role: str = ""


@dataclass(slots=True)
class Facts:
    """What a premise says, in a form every language shares."""

    people: list[Person] = field(default_factory=list)
    places: list[tuple[Noun, str]] = field(default_factory=list)
    """Each place with its kind ("museum", "city"...)."""
    things: list[Noun] = field(default_factory=list)
    goal_verb: str = ""
    goal_thing: Noun | None = None
    goal_person: str = ""
    goal_place: tuple[Noun, str] | None = None
    cond: str = ""
    """stolen, lost, broken, cursed, hidden or threatened."""
    hero_kind: Noun | None = None
    """What the hero is when the premise names no one ("a dragon who...")."""
    villain: str = ""
    """A word for who caused the trouble, when the premise says: "thief", "witch"."""
    hero_gender: str = ""
    """"m" or "f" when the hero's kind says ("girl", "Mädchen", "une souris"), for a name to fit."""
    heroes: int = 1
    skill: str = ""
    """What the hero wants to learn to do, as the premise says it: "fly", "fliegen", "voler",
    "空を飛ぶ" ("a penguin who learns to fly")."""
    made: Noun | None = None
    """What the heroes build or make on the way to the goal: "a rocket" in "build a rocket to
    reach the moon"."""
    ally_kind: Noun | None = None
    """What the hero's companion is, when the premise names no one: "a boy and his dog"."""
    """How many heroes of ``hero_kind`` the premise names ("two kids": 2)."""
    fear: Noun | None = None
    """What the hero is afraid of ("the dark"); the goal is then to go where it is."""
    wish: Noun | None = None
    """Someone the hero longs for ("a friend"): the goal is to meet them, not pick them up."""


@dataclass(slots=True)
class Steer:
    """What a reader's direction asks for, read by the story's language."""

    kind: str
    """reveal, join, leave, capture, move, find, steal, betray, befriend, tone, weather, act."""
    person: Person | None = None
    place: tuple[Noun, str] | None = None
    thing: Noun | None = None
    word: str = ""
    """The role word ("thief"), the tone ("spooky") or the weather ("storm")."""
    told: str = ""
    """For anything else: the direction retold as a sentence of the story."""


@dataclass(frozen=True, slots=True)
class Names:
    """Invented names and things for one genre in one language."""

    people: Sequence[tuple[str, str]]
    """(name, gender) pairs."""
    titled: Sequence[tuple[str, str, str]]
    """(title, name, gender) for grander people: rivals and suspects."""
    kinds: Sequence[Noun]
    """What an invented companion or witness is ("retired sailor")."""
    clues: Sequence[Noun]
    places: Sequence[tuple[Noun, str]]
    things: Sequence[Noun]
    """A goal thing when the premise names none."""


class Slots(Protocol):
    """What a template is being filled for (a :class:`~.template.Scene`)."""

    story: Story

    def first(self, key: str) -> bool:
        """Whether this is the first mention of ``key`` in this part (and counts it)."""
        ...

    def members(self) -> list[Character]:
        """The hero and the allies with them."""
        ...

    def render(self, template: str) -> str:
        """``template`` filled for this scene (for phrases inside phrases, such as the goal)."""
        ...


class Language(Protocol):
    code: str
    heading: str
    """The line above the numbered choices."""
    the_end: str
    phrases: Mapping[str, Sequence[str]]
    things_by_gender: bool
    """Whether ``[C:a|b|c]`` switches on a thing's gender (French) or only its number."""

    def names(self, genre: str) -> Names: ...

    def character(self, slots: Slots, who: Character, form: str) -> str: ...

    def thing(self, slots: Slots, noun: Noun, key: str, form: str) -> str: ...

    def place(self, slots: Slots, place: Place, form: str) -> str: ...

    def special(self, slots: Slots, name: str, form: str) -> str | None:
        """``{team}``, ``{goal}`` and the like; None if this language has no such slot."""
        ...

    def finish(self, text: str) -> str:
        """Contractions, elisions and capitals, once the slots are filled."""
        ...

    def join(self, sentences: Sequence[str]) -> str: ...

    def forms(self, who: Character) -> tuple[str, ...]:
        """The ways this language names ``who`` in a story, longest first."""
        ...

    def pronoun(self, who: Character) -> str:
        """The capitalised subject pronoun for ``who`` ("She", "Er", "Elle"), or "" if unused."""
        ...

    def again(self, sentence: str) -> str:
        """``sentence`` told a second time ("Once more, ...")."""
        ...

    def join_names(self, names: Sequence[str]) -> str:
        """ "A, B and C" in this language."""
        ...

    def read_premise(self, premise: str) -> Facts: ...

    def read_direction(self, direction: str, story: Story) -> Steer | None: ...

    def names_in(self, text: str) -> list[str]:
        """Names of people in a part's text, for rebuilding a story without its state."""
        ...

    def place_kind(self, noun: Noun) -> str: ...
