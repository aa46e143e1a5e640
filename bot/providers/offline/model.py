"""The offline storyteller's memory of one story (stored by :mod:`.store`).

Everything the storyteller knows after a part: the cast with their titles and
roles, the places, the things that matter, the goal, the open threads, where
the cast is, the events so far, and what it has already said (so it does not
say it again). It travels as versioned JSON in a :class:`StoryState` chunk and
comes back with the next part (see :mod:`bot.providers.offline.store`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

VERSION = 1
MAX_EVENTS = 60
MAX_SAID = 600
MAX_USED = 900


@dataclass(slots=True)
class Noun:
    """A noun phrase in the story's language, with what its grammar needs."""

    words: str
    """The whole phrase without an article: "stolen crown", "gestohlene Krone", "盗まれた王冠"."""
    head: str = ""
    """The short way to refer to it: "crown", "Krone", "couronne", "王冠"."""
    gender: str = ""
    """"m", "f" or "n" where the language has genders."""
    plural: bool = False
    proper: bool = False
    """A proper name ("New Avalon"), used without an article."""
    adj: list[str] = field(default_factory=list)
    """German: the stems of the adjectives before the head, declined when rendered."""
    det: str = ""
    """English: a determiner for the first mention instead of "the" ("her grandmother's")."""
    tail: str = ""
    """German: what follows the head and never changes ("ihrer Großmutter", "Hollow")."""


@dataclass(slots=True)
class Character:
    id: str
    name: str
    """Without the title: "Priya Nair", "Okafor", "プリヤ・ナイル"."""
    title: str = ""
    """As the language writes it: "Detective", "Mr.", "Kommissarin", "inspectrice", "探偵"."""
    gender: str = "m"
    kind: Noun | None = None
    """What they are, if the story says: "cat", "night guard"."""
    role: str = "ally"
    """hero, ally, rival, culprit, suspect, witness or helper."""
    status: str = "here"
    """here (with the heroes), away (somewhere else), gone (left the story) or captured."""
    revealed: bool = False
    """For a culprit: whether the heroes know."""
    seen: int = 0
    """How many parts have named them."""
    last: int = 0
    """The last part that named them."""
    home: str = ""
    """The place id where they stay, for people met on the way."""


@dataclass(slots=True)
class Place:
    id: str
    noun: Noun
    kind: str = ""
    """museum, city, forest, harbour...: which scenery and prepositions fit."""
    visited: bool = False


@dataclass(slots=True)
class Thing:
    id: str
    noun: Noun
    role: str = "clue"
    """goal (what the story is about), clue (found on the way) or item."""
    status: str = ""
    """missing, held (by the heroes), taken (by someone else), hidden, broken, safe."""
    holder: str = ""
    place: str = ""
    points: str = ""
    """For a clue: the place or character id it leads to."""


@dataclass(slots=True)
class Goal:
    verb: str = "find"
    """find, protect, repair, rescue, reach, win, stop, catch, deliver, solve, free."""
    shape: str = "retrieve"
    """retrieve, protect, mend, rescue or reach: which plot the goal needs."""
    thing: str = ""
    person: str = ""
    place: str = ""
    cond: str = ""
    """What is wrong with the thing: stolen, lost, broken, cursed, hidden, threatened."""
    done: bool = False


@dataclass(slots=True)
class Thread:
    kind: str
    """culprit, lead, clue, hook, missing_ally, stranger, deadline."""
    about: str = ""
    opened: int = 0


@dataclass(slots=True)
class Event:
    part: int
    kind: str
    args: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Offer:
    """An option offered at the end of a part and what choosing it does."""

    label: str
    kind: str
    args: dict[str, str] = field(default_factory=dict)
    told: str = ""
    """What choosing it did, as a sentence of the story (for recaps)."""


@dataclass(slots=True)
class Plot:
    part: int = 0
    progress: int = 0
    tension: int = 1
    turned: bool = False
    pending: str = ""
    """The beat the last hook set up, done next unless the readers steer elsewhere."""
    pending_args: dict[str, str] = field(default_factory=dict)
    beats: list[str] = field(default_factory=list)


_CLASHES: dict[tuple[str, ...], frozenset[str]] = {}
"""First names shared by two people, by cast (names are asked for at every mention)."""


def _first_name(name: str) -> str:
    return name.replace("・", " ").split(" ", 1)[0]


@dataclass(slots=True)
class Story:
    lang: str
    genre: str
    tone: str = "warm"
    version: int = VERSION
    cast: list[Character] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    things: list[Thing] = field(default_factory=list)
    goal: Goal = field(default_factory=Goal)
    location: str = ""
    threads: list[Thread] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    plot: Plot = field(default_factory=Plot)
    offered: list[Offer] = field(default_factory=list)
    used: dict[str, int] = field(default_factory=dict)
    said: list[str] = field(default_factory=list)
    """Short hashes of every sentence told, so none is told twice."""
    clock: int = 0
    """Time of day, advancing through the story (dawn, morning, noon...)."""
    weather: str = ""
    next_id: int = 1

    # --- Lookups -------------------------------------------------------------------------

    def new_id(self, prefix: str) -> str:
        self.next_id += 1
        return f"{prefix}{self.next_id}"

    def char(self, key: str) -> Character | None:
        return next((c for c in self.cast if c.id == key), None)

    def clashing(self, who: Character) -> bool:
        """Whether someone else in the cast has the same first name (then full names only)."""
        names = tuple(c.name for c in self.cast)
        clashes = _CLASHES.get(names)
        if clashes is None:
            firsts = [_first_name(name) for name in names]
            clashes = frozenset(f for f in firsts if f and firsts.count(f) > 1)
            if len(_CLASHES) > 256:
                _CLASHES.clear()
            _CLASHES[names] = clashes
        return _first_name(who.name) in clashes

    def place(self, key: str) -> Place | None:
        return next((p for p in self.places if p.id == key), None)

    def thing(self, key: str) -> Thing | None:
        return next((t for t in self.things if t.id == key), None)

    @property
    def hero(self) -> Character:
        return next((c for c in self.cast if c.role == "hero"), self.cast[0])

    def with_role(self, *roles: str, status: tuple[str, ...] = ("here",)) -> list[Character]:
        return [c for c in self.cast if c.role in roles and c.status in status]

    def ally(self) -> Character | None:
        """The first ally who is with the hero."""
        found = self.with_role("ally")
        return found[0] if found else None

    def culprit(self) -> Character | None:
        return next((c for c in self.cast if c.role == "culprit"), None)

    def goal_thing(self) -> Thing | None:
        return self.thing(self.goal.thing) if self.goal.thing else None

    def here(self) -> Place | None:
        return self.place(self.location)

    def has_thread(self, kind: str, about: str = "") -> bool:
        return any(t.kind == kind and (not about or t.about == about) for t in self.threads)

    def open_thread(self, kind: str, about: str = "") -> None:
        if kind == "lead" and about == self.location:
            return  # no lead to where the cast already is
        if not self.has_thread(kind, about):
            self.threads.append(Thread(kind, about, self.plot.part))

    def close_thread(self, kind: str, about: str = "") -> None:
        self.threads = [
            t for t in self.threads if not (t.kind == kind and (not about or t.about == about))
        ]

    def log(self, kind: str, **args: str) -> None:
        self.events.append(Event(self.plot.part, kind, dict(args)))
        del self.events[:-MAX_EVENTS]
