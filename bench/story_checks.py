"""Scoring a written story from its text: the checks behind benchmark 9's table.

Each check reads only what a reader sees (the parts, the options, the recap,
the ending) and the script that steered the story, never the storyteller's
own state.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bench.story_metrics import (
    JA_SPEAKER,
    SPEAKER,
    WORD,
    Totals,
    body,
    has,
    has_word,
    name_forms,
    premise_words,
    variety,
)
from bench.story_scripts import SCRIPTS, Script
from bot.providers.story_text import parse_choices

if TYPE_CHECKING:
    from bench.story_quality import Written


def score(lang: str, story: Written, totals: Totals) -> None:
    script = SCRIPTS[lang]
    totals.stories += 1
    totals.ms.extend(story.ms)
    bodies = [body(part) for part in story.parts]
    ending = body(story.ending)
    variety(lang, [*bodies, ending], premise_words(lang, story), totals)
    premise = story.premise
    for text in bodies if premise.hero else ():
        totals.parts += 1
        totals.hero_parts += has(text, premise.hero)
    if premise.kind:
        totals.kind_stories += 1
        if has(bodies[0], premise.kind):
            totals.kind_first += 1
        else:
            totals.note(f"part 1 does not say what the hero is: {bodies[0][:200]}")
    for index in range(len(bodies) - 2):
        totals.windows += 1
        totals.goal_windows += any(has(t, premise.goal) for t in bodies[index : index + 3])
    totals.endings += 1
    totals.goal_endings += has(ending, premise.goal)
    steering(script, story, bodies, totals)
    recap(lang, story, bodies, totals)
    mangled(script, story, totals)


def options_after(story: Written, part: int) -> list[tuple[int, str]]:
    return [
        (n, o) for n, text in enumerate(story.parts, 1) if n > part for o in parse_choices(text)
    ]


def steering(script: Script, story: Written, bodies: list[str], totals: Totals) -> None:
    for step in story.steering:
        if step.kind not in ("choose", "tone"):
            totals.directions += 1
            forms = [f for key in step.keys for f in name_forms(key)]
            if has(bodies[step.part - 1], forms):
                totals.taken_up += 1
            else:
                totals.note(f"not taken up ({step.text}): {bodies[step.part - 1][:160]}")
        if step.kind == "reveal":
            culprit = name_forms(step.keys[0])
            for n, option in options_after(story, step.part - 1):
                if has(option, culprit) and has_word(option, script.help_words):
                    totals.contradicted += 1
                    totals.note(f"asks the culprit for help in part {n}: {option}")
        if step.kind == "leave":
            gone = name_forms(step.keys[0])
            for n, option in options_after(story, step.part - 1):
                if has(option, gone):
                    totals.invalid_options += 1
                    totals.note(f"option with someone who left, part {n}: {option}")
            for n, text in enumerate(bodies[step.part :], step.part + 1):
                for form in gone:
                    if any(re.search(p.format(name=re.escape(form)), text) for p in script.speech):
                        totals.contradicted += 1
                        totals.note(f"{form} speaks after leaving, part {n}")
        if step.kind in ("move", "choose"):
            place = moved_to(script, step)
            place = re.sub(r"^(?:the|der|die|das|den|dem|le|la|les|l')\s+", "", place)
            for option in parse_choices(story.parts[step.part - 1]) if place else ():
                if has(option, (place,)) and has_word(option, script.move_words):
                    totals.invalid_options += 1
                    totals.note(f"option to where they are, part {step.part}: {option}")
    for n, text in enumerate(story.parts[:-1], 1):
        options = parse_choices(text)
        if len(options) != 3 or len({o.lower() for o in options}) != 3:
            totals.invalid_options += 1
            totals.note(f"not three different options in part {n}: {options}")


def moved_to(script: Script, step: Any) -> str:
    """Where a reader's move sent the cast ("" if the step was not a move)."""
    label = str(step.text)
    if step.kind != "move" and not has_word(label, script.move_words):
        return ""
    japanese = re.match(r"(.+?)(?:へ|に)(?:向かう|行く|戻る)", label)
    if japanese:
        return japanese[1]
    found = re.search(r"\b(?:to|for|towards?|zum|zur|nach|ins|au|aux|à la|à|vers)\s+(.+)$", label)
    if not found:
        return ""
    words = found[1].split()
    while len(words) > 1 and words[-1].islower() and words[-1].endswith("en"):
        words.pop()
    return " ".join(words)


def recap(lang: str, story: Written, bodies: list[str], totals: Totals) -> None:
    people: dict[str, tuple[str, ...]] = {}
    premise = story.premise
    for name in (*premise.hero[:1], *premise.ally[:1], *story.newcomers):
        people[name] = name_forms(name) if name not in premise.hero else premise.hero
    for text in bodies:
        for found in (JA_SPEAKER if lang == "ja" else SPEAKER).findall(text):
            name = found.strip()
            if name and not any(has(name, forms) for forms in people.values()):
                people[name] = name_forms(name)
    for name, forms in people.items():
        if sum(has(text, forms) for text in bodies) >= 2:
            totals.recap_items += 1
            if has(story.recap, forms):
                totals.recap_hits += 1
            else:
                totals.note(f"recap leaves out {name}: {story.recap[:200]}")
    for step in [s for s in story.steering if s.kind != "tone"][-3:]:
        totals.recap_items += 1
        if step.keys:
            hit = has(story.recap, [f for k in step.keys for f in name_forms(k)])
        elif lang == "ja":
            hit = has(story.recap, label_keys(lang, step.text))
        else:
            words = {w.lower() for w in WORD.findall(story.recap)}
            stems = {k.lower() for k in label_keys(lang, step.text)}
            hit = any(w.startswith(tuple(stems)) for w in words) if stems else True
        if hit:
            totals.recap_hits += 1
        else:
            totals.note(f"recap leaves out '{step.text}': {story.recap[:200]}")


def label_keys(lang: str, label: str) -> list[str]:
    """What an option is about: its longer words, cut to their stems (Japanese: its noun)."""
    if lang == "ja":
        return [re.split(r"[をへにとでのが]", label)[0]]
    return [w[:5] for w in WORD.findall(label) if len(w) >= 5]


def mangled(script: Script, story: Written, totals: Totals) -> None:
    texts = [*story.parts, story.recap, story.ending]
    for text in texts:
        for pattern in script.titles:
            for match in re.finditer(pattern, text):
                totals.mangled += 1
                totals.note(f"title alone: …{text[max(0, match.start() - 40) : match.end() + 20]}…")
        for place in story.premise.places:
            for pattern in script.speech:
                if re.search(pattern.format(name=re.escape(place)), text):
                    totals.mangled += 1
                    totals.note(f"a place speaks: {place}")
        for full in story.premise.full_names:
            for part in re.split(r"[\s・]+", full):
                pattern = rf"\b{re.escape(part)}\s*(?:and|und|et|,|と)\s*\w*\s*{re.escape(full)}"
                other = (
                    rf"{re.escape(full)}\s*(?:and|und|et|,|と)\s*{re.escape(part)}\b(?![\s・]*\w)"
                )
                if re.search(pattern, text) or re.search(other, text):
                    totals.mangled += 1
                    totals.note(f"{part} beside {full}")
        if "the back of the museum" in story.premise.places:
            for _ in re.finditer(r"\bthe back\b(?! of)", text):
                totals.mangled += 1
                totals.note("a place cut short: the back")
