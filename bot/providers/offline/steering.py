"""Readers' directions as events: each changes the story, and the part tells it.

A chosen option is carried out as the beat it stands for. Free text is read by
the story's language into a :class:`Steer` (a thief revealed, someone joining
or leaving, a move, a find, the weather, a tone) and applied to the state, so
later parts follow from it: a revealed thief stays the thief, a new character
is in the cast, a move changes where everyone is. Anything else is retold as a
sentence of the story, and the names in it join the cast.
"""

from __future__ import annotations

from bot.providers.offline import beats, leads, turns
from bot.providers.offline.cast import add_person, add_place, add_thing, find_character
from bot.providers.offline.choices import chosen
from bot.providers.offline.lang.base import Steer
from bot.providers.offline.model import Character, Offer
from bot.providers.offline.template import Scene, sentence_key

ACTIONS = {
    "go": "travel",
    "ask": "talk",
    "examine": "examine",
    "confront": "confront",
    "track": "chase",
    "search": "search",
    "watch": "watch",
}


def follow(scene: Scene, direction: str) -> str:
    """Carry out ``direction``; returns the beat that should come after it ("" for the plan).

    The events it causes are marked as the readers' (recaps always tell the latest ones).
    """
    kept = list(scene.story.events)  # alive until the end, so no new event can reuse an id
    before = {id(event) for event in kept}
    option = chosen(scene.story, direction) if direction else None
    if option is not None:
        after = _carry_out(scene, option)
    else:
        steer = scene.lang.read_direction(direction, scene.story) if direction.strip() else None
        after = _apply(scene, steer) if steer is not None else ""
    for event in scene.story.events:
        if id(event) not in before:
            event.args["by"] = "reader"
    del kept
    return after


def _carry_out(scene: Scene, option: Offer) -> str:
    story = scene.story
    if option.kind == "follow":
        beat = option.args.get("beat", "")
        args = {k: v for k, v in option.args.items() if k != "beat"}
    else:
        beat = ACTIONS.get(option.kind, "search")
        args = dict(option.args)
        if option.kind == "track" and args.get("who"):
            culprit = story.char(args["who"])
            if culprit is not None:
                scene.bind(R=culprit.id)
    turns.BEATS.get(beat, beats.search)(scene, args)
    story.plot.beats.append(beat)
    story.log("chose", action=option.kind, text=option.told)
    return "-"


def _person(scene: Scene, steer: Steer, role: str, status: str = "here") -> Character | None:
    if steer.person is None:
        return None
    known = find_character(scene.story, steer.person.name, steer.person.title)
    if known is not None:
        return known
    return add_person(scene.story, steer.person, role, status=status)


def _apply(scene: Scene, steer: Steer) -> str:
    story = scene.story
    kind = steer.kind
    who = _person(scene, steer, "helper") if kind in ("join", "befriend") else None
    if kind in ("reveal", "steal", "betray"):
        who = _person(scene, steer, "culprit", status="away")
        if who is not None and who.id != story.hero.id:
            return _unmask(scene, who, steer)
    elif kind in ("leave", "capture"):
        who = _person(scene, steer, "helper")
        if who is not None and who.id != story.hero.id:
            who.status = "gone" if kind == "leave" else "captured"
            story.close_thread("missing_ally", who.id)
            ally = scene.bound.get("A")
            scene.bind(X=who.id, A=None if who.id == ally else ally)
            _tell(scene, steer, f"steer.{kind}")
            if kind == "capture":
                story.open_thread("missing_ally", who.id)
            story.log(kind, who=who.id)
            return "plan"
    elif kind in ("join", "befriend") and who is not None:
        who.status = "here"
        who.home = story.location
        if kind == "befriend" or who.role in ("witness", "suspect"):
            who.role = "ally" if who.role != "culprit" else who.role
        scene.bind(X=who.id)
        _tell(scene, steer, f"steer.{kind}")
        story.log(kind, who=who.id)
        scene.bind(W=who.id)
        leads.tell_lead(scene, "witness.tell")
        return "-"
    elif kind == "move" and steer.place is not None:
        place = add_place(story, *steer.place)
        scene.settled = True
        if place.id == story.location:
            beats.search(scene, {})
            return "-"
        beats.travel(scene, {"place": place.id})
        story.plot.beats.append("travel")
        return "search"
    elif kind == "find" and steer.thing is not None:
        return _found(scene, steer)
    elif kind == "tone" and steer.word:
        story.tone = steer.word
        scene.pick(f"steer.tone.{steer.word}", "steer.tone.any", para=True)
        story.log("tone", word=steer.word)
        return ""
    elif kind == "weather" and steer.word:
        story.weather = steer.word
        scene.pick(f"steer.weather.{steer.word}", "steer.weather.any", para=True)
        story.log("weather", word=steer.word)
        return "obstacle"
    if steer.told:
        told = steer.told
        if sentence_key(told) in scene.told:
            told = scene.lang.again(told)
        scene.add([told], para=True, kind="told")
        if steer.person is not None:
            newcomer = _person(scene, steer, "helper")
            if newcomer is not None and newcomer.status != "gone":
                newcomer.status = "here"
                scene.bind(X=newcomer.id)
        scene.pick("steer.after")
        story.log("told", text=told[:160])
    return ""


def _tell(scene: Scene, steer: Steer, group: str) -> None:
    """The readers' own words retold as the event, or a phrase of the group if they cannot be."""
    if steer.told and sentence_key(steer.told) not in scene.told:
        scene.add([steer.told], para=True, kind="told")
    else:
        scene.pick(group, para=True)


def _unmask(scene: Scene, who: Character, steer: Steer) -> str:
    story = scene.story
    previous = story.culprit()
    cleared = ""
    if previous is not None and previous.id != who.id:
        previous.role = "suspect"
        story.close_thread("suspect", previous.id)
        cleared = previous.id if previous.seen > 0 else ""
    was_here = who.status == "here"
    who.role, who.revealed = "culprit", True
    who.status = "here" if was_here else "away"
    goal = story.goal_thing()
    if goal is not None and goal.status != "held":
        goal.holder = who.id
    scene.bind(X=who.id, R=who.id, A=scene.bound.get("A") if story.ally() else None)
    if scene.bound.get("A") == who.id:
        scene.bind(A=None)
    scene.pick(f"steer.{steer.kind}", "steer.reveal", para=True)
    scene.pick("reveal.react", para=True)
    if cleared:
        scene.bind(U=cleared)
        scene.pick("steer.cleared")
        scene.bind(U=None)
    story.plot.turned = True
    story.plot.tension += 2
    story.log("revealed", who=who.id)
    return "plan"


def _found(scene: Scene, steer: Steer) -> str:
    story = scene.story
    assert steer.thing is not None
    goal = story.goal_thing()
    if goal is not None and steer.thing.head.lower() == goal.noun.head.lower():
        goal.status, goal.holder = "held", story.hero.id
        scene.pick("steer.find.goal", para=True)
        story.log("found_goal", thing=goal.id)
        culprit = story.culprit()
        return "rival" if culprit is not None else "obstacle"
    thing = add_thing(story, steer.thing, "item", status="held", holder=story.hero.id)
    place = leads.lead_place(scene)
    thing.points = place.id if place else ""
    scene.bind(C=thing.id, Q=place.id if place else None)
    scene.pick("steer.find", para=True)
    story.log("found", thing=thing.id, place=story.location)
    if place is not None:
        scene.pick("steer.find.lead")
        story.open_thread("lead", place.id)
        return "travel"
    return ""
