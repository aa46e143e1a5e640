"""Plot units: what can happen in a part, and what each changes in the story.

A beat binds its slots, says itself through phrase groups of the story's
language, and changes the state: a search finds a clue that points somewhere,
a journey moves the cast, a witness names a suspect, the turn reveals the
culprit. Beats never refer to a place the cast is not at as "here", never move
the cast where it already is, and never give a line to someone who has left.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.providers.offline.cast import add_person, invent_person
from bot.providers.offline.leads import (
    clue_pointing,
    family,
    hidden_culprit,
    known_culprit,
    lead_place,
    move_to,
    tell_lead,
)
from bot.providers.offline.template import Scene

Beat = Callable[[Scene, dict[str, str]], None]
"""A plot unit: it tells itself in the part being written and changes the story."""


def search(scene: Scene, args: dict[str, str]) -> None:
    clue = clue_pointing(scene)
    clue.holder, clue.place = scene.story.hero.id, scene.story.location
    scene.bind(C=clue.id)
    scene.pick("search.do", para=True)
    scene.pick("search.find")
    scene.story.open_thread("clue", clue.id)
    scene.story.log("found", thing=clue.id, place=scene.story.location)


def examine(scene: Scene, args: dict[str, str]) -> None:
    story = scene.story
    key = args.get("thing") or next(
        (t.about for t in reversed(story.threads) if t.kind == "clue"), ""
    )
    clue = story.thing(key)
    if clue is None:
        search(scene, args)
        return
    scene.bind(C=clue.id)
    scene.pick("examine.do", para=True)
    target = story.char(clue.points)
    place = story.place(clue.points)
    if target is not None and target.status != "gone":
        scene.bind(U=target.id)
        scene.pick("examine.person")
        story.open_thread("suspect", target.id)
        story.log("clue_person", thing=clue.id, who=target.id)
    else:
        if place is None or place.id == story.location:
            place = lead_place(scene)
        if place is not None:
            clue.points = place.id
            scene.bind(Q=place.id)
            scene.pick("examine.place")
            story.open_thread("lead", place.id)
            story.log("clue_place", thing=clue.id, place=place.id)
    story.close_thread("clue", clue.id)


def travel(scene: Scene, args: dict[str, str]) -> None:
    story = scene.story
    place = story.place(args.get("place", "")) or lead_place(scene)
    if place is None or place.id == story.location:
        search(scene, args)
        return
    scene.bind(Q=place.id)
    scene.pick("travel.go", para=True)
    move_to(scene, place)
    scene.pick(f"arrive.{family(place)}", "arrive.any")
    story.log("moved", place=place.id)


def witness(scene: Scene, args: dict[str, str]) -> None:
    story = scene.story
    person = invent_person(story, scene.lang, scene.rng, grand=False)
    who = add_person(story, person, "witness")
    who.home, who.status = story.location, "here"
    scene.bind(W=who.id)
    scene.pick("witness.meet", para=True)
    tell_lead(scene, "witness.tell")
    story.log("met", who=who.id, place=story.location)


def talk(scene: Scene, args: dict[str, str]) -> None:
    story = scene.story
    who = story.char(args.get("who", ""))
    if who is None or who.status == "gone" or who.role == "culprit":
        witness(scene, args)
        return
    who.status = "here" if who.home == story.location or who.role == "ally" else who.status
    scene.bind(W=who.id)
    scene.pick("talk.open", para=True)
    tell_lead(scene, "witness.tell")
    story.log("asked", who=who.id)


def obstacle(scene: Scene, args: dict[str, str]) -> None:
    scene.pick("obstacle.block", para=True)
    scene.pick("obstacle.solve")
    scene.story.plot.progress += 1
    scene.story.log("obstacle", place=scene.story.location)


def rival(scene: Scene, args: dict[str, str]) -> None:
    story = scene.story
    culprit = known_culprit(scene)
    if culprit is not None:
        scene.bind(R=culprit.id)
        scene.pick("rival.known", para=True)
    else:
        scene.pick("rival.unknown", para=True)
    for thread in [t for t in story.threads if t.kind == "clue"][:1]:
        story.close_thread("clue", thread.about)
    story.plot.tension += 1
    story.log("rival", who=culprit.id if culprit else "")


def chase(scene: Scene, args: dict[str, str]) -> None:
    story = scene.story
    culprit = known_culprit(scene)
    hidden = hidden_culprit(scene)
    if culprit is not None and culprit.status != "captured":
        scene.bind(R=culprit.id, Y=culprit.id)
        scene.pick("chase.see.known", para=True)
    elif hidden is not None and hidden.seen > 0:
        scene.bind(U=hidden.id, Y=hidden.id)
        scene.pick("chase.see.suspect", para=True)
    else:
        scene.bind(Y=None)
        scene.pick("chase.see.stranger", para=True)

    def told(group: str) -> None:
        """The chase goes on with its quarry named, or "the figure" if nobody knows who."""
        groups = [f"{group}.{'named' if 'Y' in scene.bound else 'unknown'}", group]
        scene.rng.shuffle(groups)
        scene.pick(*groups)

    told("chase.run")
    if scene.rng.random() < 0.5:
        told("chase.gone")
        scene.bind(Y=None)
        story.log("chased", who=culprit.id if culprit else "")
        return
    clue = clue_pointing(scene)
    clue.holder, clue.place = story.hero.id, story.location
    scene.bind(C=clue.id)
    told("chase.lose")
    scene.bind(Y=None)
    story.open_thread("clue", clue.id)
    story.log("chased", who=culprit.id if culprit else "", thing=clue.id)
