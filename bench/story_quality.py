"""Benchmark 9: does the offline storyteller keep the plot? Measured on the text readers see.

Writes seeded stories per language from varied premises, steering them as
readers do (choosing options, typing directions), with the engine's memory
(recent parts within the token budget, older ones folded by the summariser),
then asks for a recap and an ending. Every figure comes from the text alone
(:mod:`bench.story_metrics`), never from the storyteller's own state.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from bench.report import Row, Section, percentile
from bench.story_checks import score
from bench.story_first import FIRST
from bench.story_metrics import Totals
from bench.story_scripts import SCRIPTS, Direction, Premise, Script
from bot.providers.base import StoryContext, Task, estimate_tokens
from bot.providers.offline import tell_with_state
from bot.providers.story_text import parse_choices, summarise
from bot.story_settings import StorySettings

Writer = Callable[[Task, StoryContext], tuple[str, str]]
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "fr": "français", "ja": "日本語"}
PLAN = (
    "choose join continue choose reveal choose move continue leave choose weather choose "
    "find continue act choose tone choose continue"
).split()
"""What readers do before parts 2 to 20 (repeated for longer stories)."""
CONTEXT_TOKENS = 1200
SUMMARY_CHARS = 1600


@dataclass(frozen=True, slots=True)
class QualityConfig:
    stories: int = 50
    parts: int = 20
    languages: tuple[str, ...] = ("en", "de", "fr", "ja")


@dataclass(slots=True)
class Steering:
    part: int
    kind: str
    text: str
    keys: tuple[str, ...] = ()


@dataclass(slots=True)
class Written:
    """One story as its readers saw it."""

    premise: Premise
    parts: list[str] = field(default_factory=list)
    steering: list[Steering] = field(default_factory=list)
    recap: str = ""
    ending: str = ""
    newcomers: list[str] = field(default_factory=list)
    ms: list[float] = field(default_factory=list)


def offline(task: Task, context: StoryContext) -> tuple[str, str]:
    return tell_with_state(task, context)


def _fill(text: str, names: dict[str, str]) -> str:
    for key, value in names.items():
        text = text.replace("{" + key + "}", value)
    return text


def _direction(rng: random.Random, script: Script, kind: str, story: Written) -> Direction:
    """A direction of this kind the readers have not typed yet in this story."""
    typed = {s.text for s in story.steering}
    options = [d for d in script.directions if d.kind == kind]
    fresh = [d for d in options if all(d.text not in t for t in typed)] or options
    return rng.choice(fresh)


def write_story(
    lang: str, premise: Premise, seed: int, parts: int, writer: Writer = offline
) -> Written:
    """A story of ``parts`` parts steered by the plan, then its recap and its ending."""
    script = SCRIPTS[lang]
    rng = random.Random(f"{lang}|{seed}|{premise.text}")
    newcomers = rng.sample(list(script.newcomers), 2)
    hero = premise.hero[0] if premise.hero else premise.called
    names = {"hero": hero, "ally": premise.ally[0] if premise.ally else ""}
    settings = StorySettings(genre=premise.genre, language=LANGUAGE_NAMES[lang])
    story = Written(premise, newcomers=newcomers)
    summary, state = "", ""
    recent: list[str] = []
    for number in range(1, parts + 1):
        direction = ""
        if number > 1:
            action = PLAN[(number - 2) % len(PLAN)]
            direction = _steer(rng, script, action, story, names, newcomers, number)
        task = Task.OPEN if number == 1 else Task.CONTINUE
        context = StoryContext(
            premise.text, settings, summary, tuple(recent), direction, number, seed, state
        )
        started = time.perf_counter()
        text, state = writer(task, context)
        story.ms.append((time.perf_counter() - started) * 1000)
        story.parts.append(text)
        recent.append(text)
        summary, recent = _fold(summary, recent, premise.text)
    last = StoryContext(premise.text, settings, summary, tuple(recent), "", parts + 1, seed, state)
    story.recap = writer(Task.RECAP, last)[0]
    story.ending = writer(Task.ENDING, last)[0]
    return story


def _steer(
    rng: random.Random,
    script: Script,
    action: str,
    story: Written,
    names: dict[str, str],
    newcomers: list[str],
    number: int,
) -> str:
    if action == "continue":
        return ""
    if action == "choose":
        options = parse_choices(story.parts[-1])
        if not options:
            return ""
        label = rng.choice(options)
        story.steering.append(Steering(number, "choose", label))
        return label
    if action == "leave" and not names["ally"]:
        names["ally"] = newcomers[0]
    names["new"] = newcomers[0] if action == "join" else newcomers[1]
    direction = _direction(rng, script, action, story)
    text = _fill(direction.text, names)
    keys = tuple(_fill(key, names) for key in direction.key)
    story.steering.append(Steering(number, action, text, keys))
    return text


def _fold(summary: str, recent: list[str], premise: str) -> tuple[str, list[str]]:
    """The engine's memory: recent parts within the token budget, older ones summarised."""
    kept: list[str] = []
    used = 0
    for part in reversed(recent):
        cost = estimate_tokens(part)
        if kept and used + cost > CONTEXT_TOKENS:
            break
        kept.append(part)
        used += cost
    kept.reverse()
    dropped = recent[: len(recent) - len(kept)]
    if dropped:
        summary = summarise(summary, dropped, premise, max_chars=SUMMARY_CHARS)
    return summary, kept


def measure(
    config: QualityConfig, writer: Writer = offline, *, first: bool = False
) -> dict[str, Totals]:
    """Write every story and score it, per language (``first``: from the first prompts)."""
    results: dict[str, Totals] = {}
    for lang in config.languages:
        totals = Totals()
        premises = FIRST[lang] if first else SCRIPTS[lang].premises
        for index in range(config.stories):
            premise = premises[index % len(premises)]
            story = write_story(lang, premise, 1000 + index, config.parts, writer)
            score(lang, story, totals)
        results[lang] = totals
    return results


GOALS = (
    ("repeated sentences per story", "repeated", "0", lambda v: v == 0, ""),
    ("stock lines used 3+ times per story", "stock", "0", lambda v: v == 0, ""),
    ("parts naming the protagonist", "hero", "100 %", lambda v: v >= 100, "%"),
    ("3-part windows naming the goal", "goal_windows", "100 %", lambda v: v >= 100, "%"),
    ("endings naming the goal", "goal_ending", "100 %", lambda v: v >= 100, "%"),
    ("directions taken up in their part", "uptake", ">= 95 %", lambda v: v >= 95, "%"),
    ("directions contradicted later", "contradicted", "0", lambda v: v == 0, ""),
    ("invalid options", "invalid_options", "0", lambda v: v == 0, ""),
    ("recap coverage", "recap", ">= 90 %", lambda v: v >= 90, "%"),
    ("mangled names", "mangled", "0", lambda v: v == 0, ""),
)


FIRST_GOALS = (
    ("first prompts: repeated sentences per story", "repeated", "0", lambda v: v == 0, ""),
    ("first prompts: stock lines used 3+ times per story", "stock", "0", lambda v: v == 0, ""),
    ("first prompts: protagonist's kind in part 1", "kind_first", "100 %", lambda v: v >= 100, "%"),
    (
        "first prompts: parts naming the protagonist (named ones)",
        "hero",
        "100 %",
        lambda v: v >= 100,
        "%",
    ),
    (
        "first prompts: 3-part windows naming the goal",
        "goal_windows",
        "100 %",
        lambda v: v >= 100,
        "%",
    ),
    ("first prompts: endings naming the goal", "goal_ending", "100 %", lambda v: v >= 100, "%"),
    ("first prompts: invalid options", "invalid_options", "0", lambda v: v == 0, ""),
)
"""The same story checks on premises with no name and no goal (:mod:`bench.story_first`)."""


TIMING_GOALS = ((50, 5), (99, 25))
"""Wall-clock time to write one part (state in, text and state out), by percentile."""


def run(config: QualityConfig | None = None, writer: Writer = offline) -> Section:
    config = config or QualityConfig()
    section = Section("story_quality", "9 story quality of the offline storyteller")
    results = measure(config, writer)
    for lang, totals in results.items():
        figures = totals.figures()
        for label, key, goal, met, unit in GOALS:
            value = figures[key]
            section.rows.append(Row(f"{lang}: {label}", value, unit, goal=goal, ok=met(value)))
        for share, most in TIMING_GOALS:
            value = percentile(totals.ms, share)
            section.rows.append(
                Row(
                    f"{lang}: part written, p{share}",
                    value,
                    "ms",
                    goal=f"<= {most} ms",
                    ok=value <= most,
                )
            )
        section.details[lang] = {**figures, "examples": totals.examples[:12]}
    for lang, totals in measure(config, writer, first=True).items():
        figures = totals.figures()
        for label, key, goal, met, unit in FIRST_GOALS:
            value = figures[key]
            section.rows.append(Row(f"{lang}: {label}", value, unit, goal=goal, ok=met(value)))
        section.details[f"{lang} first prompts"] = {**figures, "examples": totals.examples[:12]}
    section.checks["every story was written to the end"] = all(
        t.stories == config.stories for t in results.values()
    )
    return section


def main(argv: list[str] | None = None) -> int:
    from bench.report import machine, table

    parser = argparse.ArgumentParser(prog="python -m bench.story_quality", description=__doc__)
    parser.add_argument("--stories", type=int, default=50)
    parser.add_argument("--parts", type=int, default=20)
    parser.add_argument("--language", action="append", choices=sorted(SCRIPTS))
    parser.add_argument("--show", metavar="LANG", help="print one whole story in LANG and stop")
    parser.add_argument("--premise", type=int, default=0, help="which premise --show writes")
    parser.add_argument("--first", action="store_true", help="--show a first prompt instead")
    args = parser.parse_args(argv)
    if args.show:
        premises = FIRST[args.show] if args.first else SCRIPTS[args.show].premises
        premise = premises[args.premise]
        story = write_story(args.show, premise, 1000 + args.premise, args.parts)
        sys.stdout.write(show(story))
        return 0
    config = QualityConfig(args.stories, args.parts, tuple(args.language or SCRIPTS))
    section = run(config)
    sys.stdout.write(table([section], machine()))
    return 0 if section.correct else 1


def show(story: Written) -> str:
    """The story as readers saw it, with what they did before each part."""
    steered = {s.part: s for s in story.steering}
    lines = [f"Premise: {story.premise.text}", ""]
    for number, text in enumerate(story.parts, 1):
        step = steered.get(number)
        did = f" (readers: {step.text})" if step else ""
        lines += [f"--- Part {number}{did}", text, ""]
    lines += ["--- /story recap", story.recap, "", "--- /story end", story.ending, ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
