"""The arc: which beat comes next, so that every part advances or complicates the goal.

Set-up in part 1; complications (searches, witnesses, journeys, obstacles)
in the next few; a turn between parts 5 and 7 (the culprit is unmasked, or if
the readers already did that, a twist); sharper complications after it (the
culprit strikes back, chases, an ally in trouble, the goal in sight); the
climax and resolution when the readers end the story. A story that runs on
keeps climbing: the goal comes into reach and slips away again, never solved
before ``/story end``.
"""

from __future__ import annotations

import random

from bot.providers.offline.model import Story

RISING = {"search": 3, "witness": 3, "travel": 2, "obstacle": 1, "lore": 1, "plan": 1}
MIDDLE = {
    "travel": 3,
    "chase": 1,
    "rival": 2,
    "obstacle": 1,
    "witness": 2,
    "search": 1,
    "close_in": 1,
    "plan": 1,
    "rest": 1,
    "setback": 1,
}
LATE = {
    "close_in": 2,
    "confront": 2,
    "chase": 1,
    "rival": 2,
    "travel": 2,
    "obstacle": 1,
    "rest": 1,
    "witness": 1,
    "search": 1,
    "plan": 1,
}
TURN_FROM, TURN_BY = 5, 7


def next_beat(
    story: Story, rng: random.Random, *, now: bool = False, exclude: frozenset[str] = frozenset()
) -> tuple[str, dict[str, str]]:
    """The beat the next part will bring unless the readers steer elsewhere.

    With ``now``, the beat to add to the part being written instead.
    """
    part = story.plot.part + (0 if now else 1)
    culprit = story.culprit()
    hidden = culprit is not None and not culprit.revealed
    missing = next((t for t in story.threads if t.kind == "missing_ally"), None)
    if missing is not None and part - missing.opened >= 2:
        return "rejoin", {}
    if not story.plot.turned and part >= TURN_FROM:
        ready = part >= TURN_BY or rng.random() < 0.5
        if hidden and culprit is not None and culprit.seen >= 1 and ready:
            return "reveal", {}
        if not hidden and part >= TURN_BY:
            return "twist", {}
    clue = next((t for t in reversed(story.threads) if t.kind == "clue"), None)
    recent = story.plot.beats[-2:]
    if (
        clue is not None
        and "examine" not in recent
        and "examine" not in exclude
        and rng.random() < 0.7
    ):
        return "examine", {"thing": clue.about}
    weights = dict(RISING if part <= 4 else MIDDLE if part <= 9 else LATE)
    if hidden and culprit is not None and culprit.seen == 0:
        weights["witness"] = weights.get("witness", 0) + 3
    lately = {e.kind for e in story.events if e.part >= part - 2}
    today = {e.kind for e in story.events if e.part == story.plot.part} if now else set()
    if story.culprit() is None or not (culprit and culprit.revealed):
        weights.pop("confront", None)
    if "escaped" in lately or today & {"rival", "chased"}:
        weights.pop("confront", None)  # the culprit just got away: not face to face again so soon
    if story.ally() is None or missing is not None or part < 6:
        weights.pop("setback", None)
    if any(e.kind == "lost_ally" for e in story.events):
        weights.pop("setback", None)
    for kind in recent:
        if kind != "travel" or recent.count("travel") > 1:
            weights.pop(kind, None)
    for kind in exclude:
        weights.pop(kind, None)
    if not weights:
        weights = {"search": 1, "witness": 1}
    kinds = list(weights)
    kind = rng.choices(kinds, [weights[k] for k in kinds])[0]
    args: dict[str, str] = {}
    if kind == "travel":
        lead = next(
            (t.about for t in reversed(story.threads) if t.kind == "lead"),
            "",
        )
        if lead and lead != story.location:
            args["place"] = lead
    return kind, args
