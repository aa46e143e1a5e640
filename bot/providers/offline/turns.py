"""The later beats: the turn, the culprit striking back, the goal in reach, rest.

The early beats (searches, witnesses, journeys, chases) are in :mod:`.beats`;
:data:`BEATS` here names them all for the plot.
"""

from __future__ import annotations

from bot.providers.offline.beats import (
    Beat,
    chase,
    examine,
    obstacle,
    rival,
    search,
    talk,
    travel,
    witness,
)
from bot.providers.offline.leads import (
    hidden_culprit,
    known_culprit,
    lead_place,
)
from bot.providers.offline.template import Scene


def reveal(scene: Scene, args: dict[str, str]) -> None:
    story = scene.story
    culprit = hidden_culprit(scene)
    if culprit is None:
        twist(scene, args)
        return
    culprit.revealed = True
    scene.bind(R=culprit.id, U=None)
    scene.pick("reveal.how", para=True)
    scene.pick("reveal.react", para=True)
    story.close_thread("suspect", culprit.id)
    story.plot.turned = True
    story.plot.tension += 2
    story.log("revealed", who=culprit.id)


def twist(scene: Scene, args: dict[str, str]) -> None:
    story = scene.story
    place = lead_place(scene)
    if place is not None:
        scene.bind(Q=place.id)
        goal = story.goal_thing()
        if goal is not None:
            goal.place = place.id
    scene.pick("twist", para=True)
    story.plot.turned = True
    story.plot.tension += 1
    if place is not None:
        story.open_thread("lead", place.id)
    story.log("twist", place=place.id if place else "")


def plan(scene: Scene, args: dict[str, str]) -> None:
    place = lead_place(scene)
    if place is not None:
        scene.bind(Q=place.id)
        scene.story.open_thread("lead", place.id)
    culprit = known_culprit(scene)
    if culprit is not None:
        scene.bind(R=culprit.id)
    scene.pick("plan", para=True)
    scene.story.log("planned", place=place.id if place else "")


def close_in(scene: Scene, args: dict[str, str]) -> None:
    story = scene.story
    culprit = known_culprit(scene)
    if culprit is not None:
        scene.bind(R=culprit.id)
    scene.pick(f"close_in.{story.goal.shape}", "close_in.any", para=True)
    story.plot.progress += 2
    story.log("close", place=story.location)


def confront(scene: Scene, args: dict[str, str]) -> None:
    story = scene.story
    culprit = known_culprit(scene)
    if culprit is None:
        close_in(scene, args)
        return
    scene.bind(R=culprit.id)
    scene.pick("confront.face", para=True)
    scene.pick("confront.escape")
    culprit.status = "away"
    place = lead_place(scene)
    if place is not None:
        scene.bind(Q=place.id)
        scene.pick("confront.where")
        story.open_thread("lead", place.id)
    story.plot.tension += 1
    story.log("escaped", who=culprit.id, place=place.id if place else "")


def setback(scene: Scene, args: dict[str, str]) -> None:
    story = scene.story
    ally = story.ally()
    if ally is None:
        rival(scene, args)
        return
    culprit = known_culprit(scene)
    if culprit is not None:
        scene.bind(R=culprit.id)
    scene.pick("setback", para=True)
    ally.status = "captured"
    story.open_thread("missing_ally", ally.id)
    story.log("lost_ally", who=ally.id)
    scene.bind(A=None)


def rejoin(scene: Scene, args: dict[str, str]) -> None:
    story = scene.story
    thread = next((t for t in story.threads if t.kind == "missing_ally"), None)
    ally = story.char(thread.about) if thread else None
    if ally is None or ally.status != "captured":
        rest(scene, args)
        return
    ally.status = "here"
    scene.bind(A=ally.id)
    scene.pick("rejoin", para=True)
    story.close_thread("missing_ally", ally.id)
    story.log("freed", who=ally.id)


def rest(scene: Scene, args: dict[str, str]) -> None:
    scene.pick("rest", para=True)
    scene.story.log("rested", place=scene.story.location)


def lore(scene: Scene, args: dict[str, str]) -> None:
    scene.pick(f"lore.{scene.story.goal.shape}", "lore.any", para=True)
    scene.story.log("lore")


def watch(scene: Scene, args: dict[str, str]) -> None:
    scene.pick("watch", para=True)
    scene.story.log("watched", place=scene.story.location)
    chase(scene, args)


BEATS: dict[str, Beat] = {
    "search": search,
    "examine": examine,
    "travel": travel,
    "witness": witness,
    "talk": talk,
    "obstacle": obstacle,
    "rival": rival,
    "chase": chase,
    "reveal": reveal,
    "twist": twist,
    "plan": plan,
    "close_in": close_in,
    "confront": confront,
    "setback": setback,
    "rejoin": rejoin,
    "rest": rest,
    "lore": lore,
    "watch": watch,
}
