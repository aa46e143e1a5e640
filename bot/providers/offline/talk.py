"""Talk: a line of dialogue about what this part brought, or looking back at the story."""

from __future__ import annotations

from bot.providers.offline.template import Scene


def talk(scene: Scene, *, ending: bool = False) -> None:
    """A line of talk about what this part brought (a reveal, a clue, a suspect, the goal)."""
    story = scene.story
    if ending:
        scene.pick("end.say", para=True, kind="say.end")
        return
    kinds = {e.kind for e in story.events if e.part == story.plot.part}
    said = {b.kind for b in scene.blocks}
    topics: list[str] = []
    if "revealed" in kinds and "R" in scene.bound:
        topics.append("say.culprit")
    if kinds & {"found", "chased"} and "C" in scene.bound:
        topics.append("say.clue")
    if "U" in scene.bound and scene.rng.random() < 0.4:
        topics.append("say.suspect")
    rest = ["say.goal", "say.worry", "say.hope", "say.plan", "say.recall"]
    if story.tone in ("warm", "funny"):
        rest.append("say.joke")
    scene.rng.shuffle(rest)
    groups = [t for t in [*topics, *rest] if t not in said]
    for group in groups:
        if group == "say.recall":
            if _recall(scene):
                return
        elif scene.pick(group, para=True, must=False):
            return


RECALLED = ("found", "met", "moved", "clue_person", "escaped", "asked")


def _recall(scene: Scene) -> bool:
    """A line of talk looking back at something that happened two or more parts ago."""
    story = scene.story
    events = [
        e
        for e in story.events
        if e.kind in RECALLED and 0 < e.part <= story.plot.part - 2 and e.args.get("by") != "reader"
    ]
    scene.rng.shuffle(events)
    saved = dict(scene.bound)
    for event in events[:4]:
        args = event.args
        who, place = story.char(args.get("who", "")), story.place(args.get("place", ""))
        if (who is not None and who.id == story.hero.id) or (
            place is not None and place.id == story.location
        ):
            continue
        scene.bind(
            X=who.id if who else None,
            Q=place.id if place else None,
            C=args.get("thing") if story.thing(args.get("thing", "")) else None,
        )
        said = scene.pick(f"say.recall.{event.kind}", para=True, must=False, kind="say.recall")
        scene.bound = dict(saved)
        if said:
            return True
    return False
