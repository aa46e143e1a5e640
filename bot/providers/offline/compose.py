"""One part, start to end: what the readers asked for, a second beat, scenery, talk, the hook.

Every part is built the same way. First what the readers asked for (a chosen
option, a direction) or, if nothing, the beat the last part's hook set up.
Then a line of scenery and a line of talk fitting what just happened, and a
second beat chosen by the plot, so every part moves the story on twice. If
there is room left: more talk, the mood, a reminder of the goal if the part
has not named it. Last, the hook that sets up the next beat, and the options.
"""

from __future__ import annotations

from bot.providers.offline import beats, choices, leads, steering, turns
from bot.providers.offline.model import Offer
from bot.providers.offline.plot import next_beat
from bot.providers.offline.store import restore, snapshot
from bot.providers.offline.talk import talk
from bot.providers.offline.template import Block, Scene

CLOSING_WORDS = {False: 15, True: 35}
"""About how long the hook (and the options, if any) are: the rest of the part is filled."""
TIMES = ("dawn", "morning", "noon", "afternoon", "evening", "night")
FLOOR = 0.4
"""A part shorter than this share of its length gets more beats even if their lines are worn."""
SECOND_BEAT = 0.55
"""A second beat is added while the part is shorter than this share of its length."""


def bind_base(scene: Scene) -> None:
    """The slots every phrase may use: hero, ally, goal, place, culprit or suspect."""
    story = scene.story
    ally = story.ally()
    culprit = story.culprit()
    goal = story.goal
    wish = next((t for t in story.things if t.role in ("fear", "wish", "skill")), None)
    made = next((t for t in story.things if t.role == "made"), None)
    scene.bind(
        T=wish.id if wish else None,
        M=made.id if made else None,
        H=story.hero.id,
        A=ally.id if ally else None,
        O=goal.thing or None,
        G=goal.person if goal.person and goal.shape != "meet" else None,  # met only at the end
        Z=goal.place or None,
        P=story.location or None,
        R=culprit.id if culprit and culprit.revealed and culprit.status != "gone" else None,
        U=culprit.id if culprit and not culprit.revealed and culprit.seen > 0 else None,
    )


def bind_base_keep(scene: Scene) -> None:
    """Re-bind the base slots after an event changed the cast, keeping the beat's slots."""
    keep = {k: v for k, v in scene.bound.items() if k in "CQWX"}
    bind_base(scene)
    scene.bound.update(keep)


def run(scene: Scene, beat: str, args: dict[str, str]) -> None:
    turns.BEATS.get(beat, beats.search)(scene, args)
    scene.story.plot.beats.append(beat)
    bind_base_keep(scene)


def extra_beat(scene: Scene, exclude: frozenset[str]) -> bool:
    """One more beat chosen by the plot, if one of a few can be told with fresh phrases."""
    story = scene.story
    if scene.settled or any(e.kind == "moved" and e.part == story.plot.part for e in story.events):
        exclude |= {"travel"}  # one journey a part: the readers' "go to X" is not undone at once
    for _ in range(3):
        beat, args = next_beat(scene.story, scene.rng, now=True, exclude=exclude)
        if run_if_fresh(scene, beat, args):
            return True
        exclude |= {beat}
    return False


def run_if_fresh(scene: Scene, beat: str, args: dict[str, str]) -> bool:
    """Run an extra beat only if it can be told without a phrase used twice already.

    Otherwise everything it did (to the story, the part and what was said) is
    taken back: a shorter part is better than a stock line told a third time.
    """
    story = scene.story
    saved = snapshot(story)
    blocks, told, mentions, bound = (
        len(scene.blocks),
        set(scene.told),
        dict(scene.mentions),
        dict(scene.bound),
    )
    scene.strict, scene.short = True, False
    try:
        run(scene, beat, args)
    finally:
        scene.strict = False
    if not scene.short:
        return True
    restore(story, saved)
    del scene.blocks[blocks:]
    scene.told, scene.mentions, scene.bound = told, mentions, bound
    return False


def opening(scene: Scene, budget: int) -> None:
    story = scene.story
    goal = story.goal
    hero, ally = story.hero, story.ally()
    # What the hero is ("a fox") is said at once: for a premise without a name it is all
    # the reader gave, and a kind told later reads as a surprise.
    scene.pick(*(("open.intro.kind",) if hero.kind else ()), "open.intro", para=True)
    scene.pick(f"open.goal.{goal.shape}.{goal.cond}", f"open.goal.{goal.shape}")
    if "M" in scene.bound:  # "two kids build a rocket": what they made is how they go
        scene.pick("open.made", must=False)
    culprit = story.culprit()
    if budget >= 200:
        scene.pick("open.rival" if culprit and culprit.revealed else "open.stakes")
    if ally is not None:
        # a first prompt's companion ("a boy and his dog") is said to be one, as the hero is
        twin = ally.kind is not None and hero.kind is not None and ally.kind.head == hero.kind.head
        kinds = (
            ("open.ally.twin",) if twin else ("open.ally.kind",) if ally.kind and hero.kind else ()
        )
        scene.pick(*kinds, "open.ally", para=True)
    if budget >= 200:
        scene.pick("say.start", para=True, kind="say.start")
    run(scene, scene.rng.choice(("search", "witness")), {})
    _second(scene, budget)


def middle(scene: Scene, direction: str, budget: int) -> None:
    story = scene.story
    pending, args = story.plot.pending, dict(story.plot.pending_args)
    after = steering.follow(scene, direction) if direction.strip() else ""
    bind_base_keep(scene)
    if after != "-":
        if after:
            beat, args = after, {}
        elif pending and _still_fits(scene, pending, args):
            beat = pending
        else:
            beat, args = next_beat(story, scene.rng, now=True)
        if not direction.strip():
            scene.pick(f"bridge.{TIMES[story.clock % len(TIMES)]}", "bridge.any", para=True)
        if after or not run_if_fresh(scene, beat, args):
            run(scene, beat, args)  # a reader's choice, or nothing fresh left: told anyway
    _second(scene, budget)


def _second(scene: Scene, budget: int) -> None:
    """Scenery and talk after each beat, and more beats while the part has room."""
    story = scene.story
    share = SECOND_BEAT if budget < 400 else 0.75
    for turn in range(1 + budget // 150):
        if scene.words() >= budget * 0.8:
            return
        moved = any(b.kind.startswith("arrive.") for b in scene.blocks)
        if turn or not moved:
            _scenery(scene, budget)
        talk(scene)
        if scene.words() >= budget * share:
            return
        done = frozenset(story.plot.beats[-(turn + 2) :]) | ({"travel"} if moved else set())
        if any(e.kind in ("join", "met") and e.part == story.plot.part for e in story.events):
            done |= {"witness"}
        if not extra_beat(scene, done):
            return


def _scenery(scene: Scene, budget: int) -> None:
    """A line of scenery, never two in a row and about one per 120 words."""
    story = scene.story
    if scene.blocks and scene.blocks[-1].kind == "scene":
        return
    if sum(block.kind == "scene" for block in scene.blocks) > budget // 120:
        return
    place = leads.family(story.here())
    groups = [f"scene.{place}", "scene.any"]
    if story.weather:
        groups.insert(0, f"weather.{story.weather}")
    kind = story.hero.kind.head.lower() if story.hero.kind else ""
    for _ in range(2):
        said = scene.pick(*groups, kind="scene", must=False)
        if not (kind and said and kind in " ".join(said).lower()):
            return
        scene.blocks.pop()  # "A fox froze, stared and vanished" beside a hero who is a fox


def _still_fits(scene: Scene, beat: str, args: dict[str, str]) -> bool:
    story = scene.story
    if beat == "travel" and args.get("place") == story.location:
        return False
    if beat == "reveal":
        culprit = story.culprit()
        return culprit is not None and not culprit.revealed
    if beat in ("confront", "setback") and story.culprit() is None:
        return False
    return beat != "rejoin" or story.has_thread("missing_ally")


def fill(scene: Scene, budget: int, *, ending: bool = False) -> None:
    """Talk, more story, mood and scenery until the part is about ``budget`` words long.

    Talk never comes twice in a row from here, and a beat is added between
    talk while the part is short, so a part does not end in a wall of chatter.
    """
    story = scene.story
    lore_lately = any(e.kind == "lore" and e.part > story.plot.part - 5 for e in story.events)

    def chat() -> None:
        if not (scene.blocks and scene.blocks[-1].kind.startswith("say.")):
            talk(scene, ending=ending)

    def beat() -> None:
        if not ending and scene.words() < budget * 0.7:
            extra_beat(scene, frozenset(story.plot.beats[-3:]))

    def mood() -> None:
        if story.tone != "warm":
            scene.pick(f"mood.{story.tone}", kind="mood", must=False)

    steps = [
        chat,
        lambda: _kind(scene, ending),
        mood,
        lambda: _remind(scene, must=False),
        beat,
        lambda: None if lore_lately or ending else turns.lore(scene, {}),
        lambda: _scenery(scene, budget),
        chat,
        beat,
    ]
    for _ in range(2 + budget // 150):
        grew = False
        for step in steps:
            if scene.words() >= budget * 0.9:
                break
            before = len(scene.blocks)
            step()
            if step is not beat and len(scene.blocks) > before and scene.words() > budget * 1.15:
                del scene.blocks[before:]
            grew = grew or len(scene.blocks) > before
        if not grew or scene.words() >= budget * 0.9:
            break
    for _ in range(8):
        if ending or scene.words() >= budget * FLOOR:
            break  # phrasebook dry late in a long story: better a line told again than no part
        kind, args = next_beat(story, scene.rng, now=True, exclude=frozenset(story.plot.beats[-2:]))
        run(scene, kind, args)
    _trim(scene, budget)
    _remind(scene)
    if not scene.mentions.get(story.hero.id):
        scene.pick("hero.any", kind="hero")


OPTIONAL = ("scene", "mood", "say.", "lore.", "bridge.", "weather.", "arrive.")


def _trim(scene: Scene, budget: int) -> None:
    """Drop scenery, then talk, from the end until the part fits (short parts mostly)."""
    for prefix in OPTIONAL:
        index = len(scene.blocks) - 1
        while index >= 0 and scene.words() > budget * 1.2:
            if scene.blocks[index].kind.startswith(prefix):
                del scene.blocks[index]
            index -= 1


KIND_EVERY = 4
"""How often (in parts) the hero's kind is said again: "a fox" should not be forgotten."""


def _kind(scene: Scene, ending: bool) -> None:
    hero = scene.story.hero
    if any(block.kind == "hero.kind" for block in scene.blocks):
        return
    if hero.kind is not None and (ending or scene.story.plot.part % KIND_EVERY == 0):
        scene.pick("hero.kind", must=False)


def _remind(scene: Scene, *, must: bool = True) -> None:
    """Name the goal if the part has not; ``must`` even with a line told twice already.

    What the hero fears or longs for (``T``: "the dark", "a friend") names the
    goal too, as does ``{goal}`` itself.
    """
    keys = [scene.bound[k] for k in "OGZT" if k in scene.bound]
    if scene.story.goal.done or any(block.kind == "remind" for block in scene.blocks):
        return  # nothing to remind of once the ending has reached the goal
    if keys and not any(scene.mentions.get(k, 0) for k in [*keys, "goal"]):
        scene.pick(f"remind.{scene.story.goal.shape}", "remind.any", kind="remind", must=must)


def hook(scene: Scene) -> tuple[Block | None, str, dict[str, str]]:
    """The last sentence, setting up the beat the next part will bring."""
    story = scene.story
    beat, args = next_beat(story, scene.rng)
    if beat == "travel" and not args.get("place"):
        place = leads.lead_place(scene)
        if place is not None:
            args["place"] = place.id
    if beat == "examine" and story.thing(args.get("thing", "")):
        scene.bind(C=args["thing"])
    if args.get("place"):
        scene.bind(Q=args["place"])
    culprit = story.culprit()
    if beat == "reveal" and culprit is not None:
        scene.bind(U=culprit.id)
    before = len(scene.blocks)
    scene.pick(f"hook.{beat}", "hook.any", kind="hook")
    block = scene.blocks.pop() if len(scene.blocks) > before else None
    story.plot.pending, story.plot.pending_args = beat, args
    return block, beat, args


def options_for(scene: Scene, beat: str, args: dict[str, str]) -> list[Offer]:
    return choices.offer(scene, beat, args)
