"""Benchmark 9 at a smaller size: the story-quality goals hold in every language.

Four seeded stories of twenty parts per language, steered by the same script
as ``make bench`` (choices, a newcomer, a revealed thief, a move, someone
leaving, a storm, a find, an action, a change of tone), then a recap and an
ending. Every goal in the benchmark's table is asserted here.
"""

from __future__ import annotations

from bench import story_quality
from bench.story_quality import QualityConfig


def test_story_quality_goals_hold_in_every_language() -> None:
    section = story_quality.run(QualityConfig(stories=4, parts=20))
    assert section.correct, section.checks
    missed = [
        row for row in section.rows if row.ok is False and " part written, p" not in row.metric
    ]
    assert missed == [], [(row.metric, row.value, row.goal) for row in missed]
    assert {row.metric.split(":")[0] for row in section.rows} == {"en", "de", "fr", "ja"}
    for lang in ("en", "de", "fr", "ja"):
        assert section.details[lang]["uptake"] >= 95


def test_a_story_can_be_shown_whole() -> None:
    premise = story_quality.SCRIPTS["ja"].premises[0]
    story = story_quality.write_story("ja", premise, 1, 5)
    shown = story_quality.show(story)
    assert shown.count("--- Part") == 5
    assert "/story recap" in shown
    assert "おしまい" in shown
