"""A new story from its premise, or an old one rebuilt from its text when its state is lost.

The premise gives the cast (the first person named is the protagonist, people
"with" them are allies, people they act "against" are rivals), the places, the
goal and what is wrong ("the stolen crown"). What it leaves out is invented
for the genre: a companion to talk to, a place to start, and someone behind
the trouble, kept secret until the story's turn.
"""

from __future__ import annotations

import dataclasses
import random

from bot.providers.offline.cast import (
    add_person,
    add_place,
    add_thing,
    find_character,
    find_place,
    invent_person,
    invent_place,
)
from bot.providers.offline.families import genre_family, tone_family
from bot.providers.offline.lang.base import Facts, Language, Person
from bot.providers.offline.model import Goal, Noun, Story
from bot.providers.offline.template import sentence_key
from bot.providers.offline.text import split_sentences

SHAPES = {
    "find": "retrieve",
    "catch": "retrieve",
    "solve": "retrieve",
    "protect": "protect",
    "deliver": "protect",
    "win": "protect",
    "repair": "mend",
    "free": "mend",
    "stop": "mend",
    "rescue": "rescue",
    "reach": "reach",
    "meet": "meet",
    "face": "face",
    "learn": "learn",
}


def build(premise: str, genre: str, tone: str, lang: Language, rng: random.Random) -> Story:
    """The story as its premise sets it up, with what is missing invented."""
    facts = lang.read_premise(premise)
    story = Story(lang=lang.code, genre=genre_family(genre), tone=tone_family(tone))
    for noun, kind in facts.places:
        add_place(story, noun, kind)
    if facts.goal_place is not None:
        add_place(story, *facts.goal_place)
    goal_place = find_place(story, facts.goal_place[0]) if facts.goal_place else None
    starts = [p for p in story.places if p is not goal_place]  # not already where they go
    start = starts[0] if starts else invent_place(story, lang, rng)
    story.places.remove(start)
    story.places.insert(0, start)  # the recap tells where it began from the first place
    story.location = start.id
    start.visited = True
    _cast(story, facts, lang, rng)
    _goal(story, facts, lang, rng)
    return story


def _cast(story: Story, facts: Facts, lang: Language, rng: random.Random) -> None:
    people = [p for p in facts.people if p.role != "rival" and p.name != facts.goal_person]
    if people:
        hero = add_person(story, people[0], "hero")
    else:
        invented = invent_person(story, lang, rng, grand=False, gender=facts.hero_gender)
        invented.kind = facts.hero_kind or invented.kind
        hero = add_person(story, invented, "hero")
    hero.role, hero.status = "hero", "here"
    for person in people[1:]:
        add_person(story, person, "ally")
    if not people and facts.hero_kind is not None:
        for _ in range(min(facts.heroes, 4) - 1):  # "two kids": the second is the first ally
            twin = invent_person(story, lang, rng, grand=False)
            twin.kind = dataclasses.replace(facts.hero_kind, adj=list(facts.hero_kind.adj))
            add_person(story, twin, "ally")
    if not people and facts.ally_kind is not None:  # "a boy and his dog"
        companion = invent_person(story, lang, rng, grand=False)
        companion.kind = dataclasses.replace(facts.ally_kind, adj=list(facts.ally_kind.adj))
        add_person(story, companion, "ally")
    if not story.with_role("ally"):
        add_person(story, invent_person(story, lang, rng, grand=False), "ally")
    for person in facts.people:
        if person.role == "rival":
            rival = add_person(story, person, "culprit", status="away")
            rival.revealed = True
    if story.culprit() is None:
        add_person(story, invent_person(story, lang, rng, grand=True), "culprit", status="away")


def _goal(story: Story, facts: Facts, lang: Language, rng: random.Random) -> None:
    if facts.wish is not None:
        _wish(story, facts.wish, lang, rng)
        return
    if facts.skill:  # "learns to fly": the goal is being able to, named by the skill itself
        add_thing(story, Noun(facts.skill, facts.skill), "skill", status="missing")
        story.goal = Goal(verb="learn", shape="learn")
        return
    verb = facts.goal_verb or "find"
    goal = Goal(verb=verb, shape=SHAPES.get(verb, "retrieve"), cond=facts.cond)
    if facts.fear is not None:
        add_thing(story, facts.fear, "fear", status="feared")
    if facts.made is not None:
        add_thing(story, facts.made, "made", status="held", holder=story.hero.id)
    if facts.goal_person:
        captive = find_character(story, facts.goal_person)
        if captive is not None:
            captive.role, captive.status = "helper", "captured"
            goal.person = captive.id
    if facts.goal_place is not None and goal.shape in ("reach", "face"):
        goal.place = add_place(story, *facts.goal_place).id
    noun = facts.goal_thing
    if noun is None and not goal.person and not goal.place:
        noun = rng.choice(list(lang.names(story.genre).things))
        goal.verb, goal.shape = "find", "retrieve"
    if noun is not None:
        status = {"protect": "held", "mend": "broken"}.get(goal.shape, "missing")
        goal.thing = add_thing(story, noun, "goal", status=status).id
    if goal.shape == "retrieve" and not goal.cond:
        goal.cond = "lost"
    story.goal = goal


def _wish(story: Story, wish: Noun, lang: Language, rng: random.Random) -> None:
    """Someone to meet ("a friend"): the goal is a person met at the end, named by the wish.

    The wish stays a noun (so every reminder says "a friend"); who it turns out
    to be is invented now and kept away until the ending introduces them.
    """
    add_thing(story, wish, "wish", status="missing")
    friend = add_person(story, invent_person(story, lang, rng, grand=False), "helper")
    friend.status = "away"
    story.goal = Goal(verb="meet", shape="meet", person=friend.id)


def rebuild(
    premise: str,
    genre: str,
    tone: str,
    lang: Language,
    rng: random.Random,
    *,
    summary_cast: list[str],
    recent: list[str],
    part: int,
) -> Story:
    """A story whose state is lost (or was written by another storyteller), from its text.

    The premise gives the same set-up as before (invention is seeded by the
    premise alone); names in the summary and recent parts join the cast; the
    plot resumes at about the right stage; sentences already told stay untold.
    """
    story = build(premise, genre, tone, lang, rng)
    texts = [*summary_cast, *recent]
    for name in _names(lang, summary_cast, recent):
        if find_character(story, name) is None and len(story.cast) < 10:
            add_person(story, Person(name), "helper")
    story.plot.part = max(0, part - 1)
    story.plot.progress = story.plot.part
    story.plot.turned = story.plot.part >= 7
    if story.plot.turned:
        culprit = story.culprit()
        if culprit is not None:
            culprit.revealed = True
    for text in texts:
        for sentence in split_sentences(text):
            story.said.append(sentence_key(sentence))
    for who in story.cast:
        if any(who.name in text for text in recent):
            who.seen = max(who.seen, 1)
    return story


def _names(lang: Language, summary_cast: list[str], recent: list[str]) -> list[str]:
    names = list(summary_cast)
    for text in recent:
        names.extend(lang.names_in(text))
    return list(dict.fromkeys(n for n in names if n))
