"""Recaps for readers and summaries for memory, told from the story's events.

A recap names the protagonist and the goal, tells the key events in order
(the first and the latest), names everyone seen in two parts or more, and
says where the story stands. The memory summary has the engine's three-line
shape ("Cast:", "Places:", "Story so far:") with full names and titles.
"""

from __future__ import annotations

import random

from bot.providers.offline.compose import bind_base
from bot.providers.offline.lang.base import Language
from bot.providers.offline.model import Event, Story
from bot.providers.offline.template import Block, Scene

WEIGHTS = {
    "revealed": 5,
    "found_goal": 5,
    "caught": 4,
    "leave": 4,
    "capture": 4,
    "lost_ally": 4,
    "twist": 4,
    "freed": 3,
    "join": 3,
    "befriend": 3,
    "told": 3,
    "escaped": 3,
    "weather": 2,
    "chose": 3,
    "asked": 2,
    "watched": 2,
    "moved": 2,
    "clue_person": 2,
    "met": 2,
    "found": 1,
    "clue_place": 1,
    "chased": 1,
    "rival": 1,
}
SHOWN_EVENTS = 8


def key_events(story: Story) -> list[Event]:
    """The events a recap tells: the latest three, the readers' latest three, the biggest."""
    chosen = {e.part for e in story.events if e.kind == "chose" and e.args.get("text")}
    events = [
        e
        for e in story.events
        if e.kind in WEIGHTS
        and e.part > 0
        and (e.kind != "chose" or e.args.get("text"))
        and not (e.kind != "chose" and e.args.get("by") == "reader" and e.part in chosen)
        and not (e.kind == "revealed" and _not_culprit(story, e.args.get("who", "")))
    ]
    if len(events) <= SHOWN_EVENTS:
        return events
    keep = set(range(len(events) - 3, len(events)))
    readers = [i for i, e in enumerate(events) if e.args.get("by") == "reader"]
    keep.update(readers[-3:])
    ranked = sorted(range(len(events)), key=lambda i: (-WEIGHTS[events[i].kind], -i))
    for index in ranked:
        if len(keep) >= SHOWN_EVENTS:
            break
        keep.add(index)
    return [events[i] for i in sorted(keep)]


def _not_culprit(story: Story, key: str) -> bool:
    """Someone once unmasked whom the readers later cleared: the recap tells only the truth."""
    who = story.char(key)
    return who is not None and who.role != "culprit"


def _event(scene: Scene, event: Event) -> list[str]:
    if event.kind in ("told", "chose"):
        text = event.args.get("text", "")
        if text:
            scene.blocks.append(Block([text], kind="told"))
        return [text] if text else []
    scene.bind(
        X=event.args.get("who") or None,
        Q=event.args.get("place") or None,
        C=event.args.get("thing") or None,
    )
    word = event.args.get("word", "")
    return scene.pick(f"recap.{event.kind}.{word}" if word else f"recap.{event.kind}")


def recap(story: Story, lang: Language, rng: random.Random) -> str:
    """A few sentences for a reader who has just joined; it does not move the story on."""
    scene = Scene(story, lang, rng)
    scene.told.clear()
    bind_base(scene)
    start = story.places[0].id if story.places else None
    scene.bind(Q=start)
    allies = [w for w in story.cast if w.role == "ally" and w.seen >= 1]
    scene.values["allies"] = lang.join_names([lang.character(scene, w, "full") for w in allies])
    scene.pick("recap.start.allies" if allies else "recap.start", "recap.start")
    for event in key_events(story):
        _event(scene, event)
    scene.bind(X=None, Q=None, C=None)
    missing = [
        who
        for who in story.cast
        if who.seen >= 2 and not scene.mentions.get(who.id) and who.role != "hero"
    ]
    if missing:
        scene.values["met"] = lang.join_names([lang.character(scene, w, "full") for w in missing])
        scene.pick("recap.others")
    scene.pick("recap.now.done" if story.goal.done else "recap.now")
    return lang.join([sentence for block in scene.blocks for sentence in block.sentences])


def memory(story: Story, lang: Language, rng: random.Random, max_chars: int) -> str:
    """The engine's summary shape, from the state: full names, places, events in order."""
    scene = Scene(story, lang, rng)
    scene.told.clear()
    bind_base(scene)
    cast = [lang.character(scene, who, "full") for who in story.cast]
    places = [lang.place(scene, place, "bare") for place in story.places]
    told: list[str] = []
    for event in key_events(story):
        told.extend(_event(scene, event))

    def render() -> str:
        return (
            f"Cast: {', '.join(cast[:12])}\nPlaces: {', '.join(places[:8])}\n"
            f"Story so far: {lang.join(told)}"
        )

    while len(render()) > max_chars and len(told) > 1:
        del told[1 if len(told) > 2 else -1]
    return render()[:max_chars]
