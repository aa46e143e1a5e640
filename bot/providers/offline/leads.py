"""What the beats share: where the trail leads, who the culprit is, moving the cast."""

from __future__ import annotations

from bot.providers.offline.cast import invent_clue, invent_place
from bot.providers.offline.model import Character, Place, Thing
from bot.providers.offline.template import Scene


def family(place: Place | None) -> str:
    """The scenery a place kind shares with others (see the phrases' ``scene.*`` groups)."""
    kind = place.kind if place else ""
    for name, kinds in FAMILIES.items():
        if kind in kinds:
            return name
    return "town"


FAMILIES = {
    "town": ("city", "town", "village", "market", "shop", "inn", "street", "theatre", "terminal"),
    "hall": ("museum", "library", "manor", "castle", "school", "tower", "lab", "palace"),
    "shore": ("harbour", "coast", "lighthouse", "island", "sea", "lake", "ship"),
    "wild": ("forest", "garden", "mountain", "desert", "ruins", "cave", "farm"),
    "space": ("station", "planet", "spaceship"),
}


# --- Helpers ---------------------------------------------------------------------------------


def hidden_culprit(scene: Scene) -> Character | None:
    found = scene.story.culprit()
    return found if found is not None and not found.revealed else None


def known_culprit(scene: Scene) -> Character | None:
    found = scene.story.culprit()
    return found if found is not None and found.revealed and found.status != "gone" else None


def lead_place(scene: Scene, *, invent: bool = True) -> Place | None:
    """A place the story points to that the cast is not at: an open lead, else a new one."""
    story = scene.story
    for thread in reversed(story.threads):
        if thread.kind == "lead" and thread.about != story.location:
            place = story.place(thread.about)
            if place is not None:
                return place
    if not invent:
        return None
    for _ in range(4):
        place = invent_place(story, scene.lang, scene.rng)
        if place.id != story.location:
            return place
    return None


def clue_pointing(scene: Scene) -> Thing:
    """A new clue, pointing at the hidden culprit while unnamed, else at a new place."""
    story = scene.story
    culprit = hidden_culprit(scene)
    if culprit is not None and culprit.seen == 0:
        return invent_clue(story, scene.lang, scene.rng, points=culprit.id, status="held")
    place = lead_place(scene)
    return invent_clue(
        story, scene.lang, scene.rng, points=place.id if place else "", status="held"
    )


def move_to(scene: Scene, place: Place) -> None:
    """The cast goes to ``place``: allies come along, people met stay where they were."""
    story = scene.story
    story.location = place.id
    place.visited = True
    for who in story.cast:
        if who.role in ("witness", "suspect", "helper") and who.status == "here":
            who.status = "away"
        elif who.status == "away" and who.home == place.id and who.role != "culprit":
            who.status = "here"
    story.close_thread("lead", place.id)
    scene.bind(P=place.id, Q=None)


def tell_lead(scene: Scene, group: str) -> None:
    """What someone or something points to: the culprit while unnamed, else a place."""
    story = scene.story
    culprit = hidden_culprit(scene)
    if culprit is not None and culprit.seen <= 1 and story.plot.part <= 6:
        scene.bind(U=culprit.id)
        scene.pick(f"{group}.person", para=group.startswith("witness"))
        story.open_thread("suspect", culprit.id)
        return
    place = lead_place(scene)
    if place is not None:
        scene.bind(Q=place.id)
        scene.pick(f"{group}.place", para=group.startswith("witness"))
        story.open_thread("lead", place.id)


# --- The beats ----------------------------------------------------------------------------------
