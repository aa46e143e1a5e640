"""The options at the end of a part, drawn from the story as it stands.

Each option is an action the next part can carry out (follow the lead the
part ended on, go to a place the story points to, question someone present,
examine a clue, go after a known culprit). Never to where the cast already
is, never with someone who has left or is held captive, never asking the
culprit for help; three different actions, each leading somewhere different.
"""

from __future__ import annotations

from bot.providers.offline.model import Offer, Story
from bot.providers.offline.template import Scene
from bot.providers.offline.text import squeeze

MAX_OPTION_CHARS = 80


def candidates(story: Story, pending: str, pending_args: dict[str, str]) -> list[Offer]:
    """Every action that makes sense now, best first (labels are filled in later)."""
    out: list[Offer] = []
    if pending and pending not in ("travel", "talk", "examine", "rejoin"):
        out.append(Offer("", "follow", {"beat": pending, **pending_args}))
    missing = next((t.about for t in story.threads if t.kind == "missing_ally"), "")
    if pending == "rejoin" and missing:
        out.append(Offer("", "follow", {"beat": "rejoin", "who": missing}))
    culprit = story.culprit()
    if culprit is not None and culprit.revealed and culprit.status not in ("gone", "captured"):
        kind = "confront" if culprit.status == "here" else "track"
        out.append(Offer("", kind, {"who": culprit.id}))
    leads = [t.about for t in reversed(story.threads) if t.kind == "lead"]
    if pending == "travel" and pending_args.get("place"):
        leads.insert(0, pending_args["place"])
    for place in dict.fromkeys(leads):
        if place and place != story.location and story.place(place) is not None:
            out.append(Offer("", "go", {"place": place}))
            break
    clue = next((t.about for t in reversed(story.threads) if t.kind == "clue"), "")
    if clue:
        out.append(Offer("", "examine", {"thing": clue}))
    for who in reversed(story.cast):
        if (
            who.status == "here"
            and who.role in ("witness", "helper", "suspect")
            and who.id != story.hero.id
        ):
            out.append(Offer("", "ask", {"who": who.id}))
            break
    out.append(Offer("", "search", {}))
    out.append(Offer("", "watch", {}))
    visited = [p for p in story.places if p.id != story.location and p.visited and p.kind != "city"]
    if visited:
        out.append(Offer("", "go", {"place": visited[-1].id}))
    out += [Offer("", "follow", {"beat": beat}) for beat in ("plan", "rest", "witness")]
    return out


def offer(scene: Scene, pending: str, pending_args: dict[str, str]) -> list[Offer]:
    """Three labelled options with different actions and targets."""
    story = scene.story
    chosen: list[Offer] = []
    kinds: set[str] = set()
    labels: set[str] = set()
    for option in candidates(story, pending, pending_args):
        key = option.args.get("beat", option.kind)
        if key in kinds or not valid(story, option):
            continue
        label, told = _label(scene, option)
        if not label or label.lower() in labels:
            continue
        option.label, option.told = label, told
        chosen.append(option)
        kinds.add(key)
        labels.add(label.lower())
        if len(chosen) == 3:
            break
    scene.rng.shuffle(chosen)
    return chosen


def valid(story: Story, option: Offer) -> bool:
    """Whether ``option`` fits the story as it stands (also checked again when chosen)."""
    place = option.args.get("place", "")
    if option.kind == "go" and (not place or place == story.location):
        return False
    who = story.char(option.args.get("who", ""))
    if who is not None:
        if who.status in ("gone", "captured"):
            return False
        if option.kind == "ask" and who.role == "culprit" and who.revealed:
            return False
    return True


def _label(scene: Scene, option: Offer) -> tuple[str, str]:
    """The option's label, and the sentence that tells it done ("" if it cannot be said)."""
    story = scene.story
    saved = dict(scene.bound), dict(scene.mentions)
    scene.bind(
        Q=option.args.get("place"),
        X=option.args.get("who") if option.kind == "follow" else None,
        W=option.args.get("who") if option.kind == "ask" else None,
        R=option.args.get("who") if option.kind in ("confront", "track") else None,
        C=option.args.get("thing"),
    )
    group = f"opt.{option.args['beat']}" if option.kind == "follow" else f"opt.{option.kind}"
    templates = [t for _, t in scene.options(group)]
    label = told = ""
    if templates:
        template = templates[(story.plot.part + len(option.kind)) % len(templates)]
        shown, _, done = template.partition(" || ")
        label = squeeze(scene.say(shown)).rstrip(".!?。")
        told = squeeze(scene.say(done)) if done else ""
    scene.bound, scene.mentions = saved
    return (label, told) if len(label) <= MAX_OPTION_CHARS else ("", "")


def chosen(story: Story, direction: str) -> Offer | None:
    """The offered option ``direction`` names (the engine sends the label back), if any."""
    wanted = squeeze(direction).rstrip(".!?。").lower()
    for option in story.offered:
        if option.label.lower() == wanted:
            return option if valid(story, option) else None
    return None
