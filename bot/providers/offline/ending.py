"""The last part: the climax and the resolution, with every thread it can close.

The cast goes where the goal is, faces whoever was behind the trouble (unmasked
here if the story never got to it), reaches the goal, frees a captured friend,
and ends on a quiet picture of the place. Nothing is left pending.
"""

from __future__ import annotations

from bot.providers.offline import leads, steering
from bot.providers.offline.compose import bind_base, bind_base_keep, fill
from bot.providers.offline.template import Scene


def resolve(scene: Scene, direction: str, budget: int) -> None:
    story = scene.story
    if direction.strip():
        steering.follow(scene, direction)
        bind_base_keep(scene)
    goal_thing = story.goal_thing()
    destination = story.place(goal_thing.place) if goal_thing and goal_thing.place else None
    if destination is None or destination.id == story.location:
        destination = leads.lead_place(scene, invent=False)
    if destination is not None and destination.id != story.location:
        scene.bind(Q=destination.id)
        scene.pick("end.go", para=True)
        leads.move_to(scene, destination)
        bind_base(scene)
    _face_culprit(scene)
    _free_captives(scene)
    if story.goal.shape == "meet":
        scene.bind(G=story.goal.person)  # the friend wished for, kept out of sight until now
    scene.pick(f"end.goal.{story.goal.shape}", "end.goal.any", para=True)
    met = story.char(story.goal.person) if story.goal.shape == "meet" else None
    if met is not None:  # the friend wished for is with them now, for the rest of the ending
        met.status = "here"
    story.goal.done = True
    if goal_thing is not None:
        goal_thing.status, goal_thing.holder = "safe", story.hero.id
    story.log("goal_done", thing=story.goal.thing)
    story.threads = []
    closing = scene.blocks[:]
    fill(scene, budget - 45, ending=True)
    scene.pick("end.cast", para=True)
    scene.pick("end.close")
    if len(scene.blocks) == len(closing):
        scene.pick("end.close")


def _face_culprit(scene: Scene) -> None:
    story = scene.story
    culprit = story.culprit()
    if culprit is None or culprit.status == "gone":
        return
    scene.bind(R=culprit.id, U=None)
    if not culprit.revealed:
        culprit.revealed = True
        scene.pick("end.unmask", para=True)
        story.log("revealed", who=culprit.id)
    else:
        scene.pick("end.face", para=True)
    scene.pick("end.caught")
    culprit.status = "captured"
    story.log("caught", who=culprit.id)


def _free_captives(scene: Scene) -> None:
    story = scene.story
    for who in story.cast:
        if who.status == "captured" and who.role != "culprit":
            who.status = "here"
            scene.bind(X=who.id)
            scene.pick("end.freed")
            story.log("freed", who=who.id)
            scene.bind(X=None)
