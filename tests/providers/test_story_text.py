"""Reading story text in four languages: choices, sentences, names, the memory summary.

These replace the golden tests that froze the old English-only reader: the
reading legitimately changed ("Mr. Okafor" is one name now, a short name is no
second character, German and Japanese names are read their own way), so the
tests now say what the reading must do rather than what it once did.
"""

from __future__ import annotations

import time

import pytest

from bot.providers.offline.summary import language_of, merge_people
from bot.providers.offline.text import measure, split_sentences
from bot.providers.story_text import (
    find_entities,
    parse_choices,
    read_summary,
    story_body,
    strip_choices,
    summarise,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Story.\n\nWhat now?\n1. Go left\n2. Go right\n3. Wait", ("Go left", "Go right", "Wait")),
        ("Story.\n1) Run\n2) Hide\n", ("Run", "Hide")),
        ("Story.\n\n**1.** Open the door\n\n**2.** Knock twice  \n",
         ("Open the door", "Knock twice")),
        ("Story.\n1. **Swim**\n2. **Sail**", ("Swim", "Sail")),
        ("Geschichte.\n\nWie geht es weiter?\n1. Zum Hafen gehen\n2. Warten",
         ("Zum Hafen gehen", "Warten")),
        ("Histoire.\n\nQue se passe-t-il ensuite\u00a0?\n1. Aller au port\n2. Attendre",
         ("Aller au port", "Attendre")),
        ("物語。\n\n次はどうなる？\n1. 港へ向かう\n2. 待つ\n3. 隠れる",
         ("港へ向かう", "待つ", "隠れる")),
        ("物語。\n１．港へ向かう\n２．待つ", ("港へ向かう", "待つ")),
        ("物語。\n1）港へ向かう\n2）待つ", ("港へ向かう", "待つ")),
        ("Lists:\n1. eggs\n2. milk\n\nThen she went home.", ()),
        ("Only one:\n1. Go", ()),
        ("Out of order:\n2. Go\n3. Stay", ()),
        ("", ()),
    ],
)  # fmt: skip
def test_parse_choices_in_every_language(text: str, expected: tuple[str, ...]) -> None:
    assert parse_choices(text) == expected


@pytest.mark.parametrize(
    "heading",
    [
        "What happens next?",
        "Wie geht es weiter?",
        "Que se passe-t-il ensuite\u00a0?",
        "次はどうなる？",
    ],
)
def test_strip_choices_takes_the_localised_heading_too(heading: str) -> None:
    assert strip_choices(f"It was dark.\n\n{heading}\n1. Run\n2. Hide") == "It was dark."


@pytest.mark.parametrize("end", ["The End.", "Ende.", "Fin.", "おしまい"])
def test_story_body_drops_the_end_in_every_language(end: str) -> None:
    assert story_body(f"It was over.\n\n{end}") == "It was over."


def test_sentences_keep_titles_and_japanese_quotes_whole() -> None:
    assert split_sentences("“Look,” said Mr. Okafor. Dr. Osei nodded.") == [
        "“Look,” said Mr. Okafor.",
        "Dr. Osei nodded.",
    ]
    assert split_sentences("「行こう。急いで！」とプリヤは言った。二人は走った。") == [
        "「行こう。急いで！」とプリヤは言った。",
        "二人は走った。",
    ]
    assert split_sentences("„Wer war das?“, fragte Herr Okafor. Niemand antwortete.") == [
        "„Wer war das?“, fragte Herr Okafor.",
        "Niemand antwortete.",
    ]


def test_japanese_length_is_counted_in_characters() -> None:
    assert measure("プリヤは港へ向かった。") == 6
    assert measure("Priya went to the harbour.") == 5


def test_a_title_is_part_of_the_name_and_a_short_name_no_second_person() -> None:
    found = find_entities("“We should keep moving,” said Mr. Okafor, and Priya agreed.")
    assert "Mr Okafor" in found.names or "Mr. Okafor" in found.names
    assert "Mr" not in found.names
    assert merge_people(["Detective Priya Nair"], ["Priya", "Mr", "Okafor", "Mr. Okafor"]) == [
        "Detective Priya Nair",
        "Mr. Okafor",
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Priya went to the harbour and found the crown.", ""),
        ("Priya ging zum Hafen, und dort war die Krone nicht mehr zu finden.", "de"),
        ("Priya alla au port et trouva la couronne.", ""),
        ("プリヤは港へ向かった。", "ja"),
    ],
)
def test_language_of_story_text(text: str, language: str) -> None:
    assert language_of(text) == language


def test_summarise_reads_german_names_by_their_titles() -> None:
    part = (
        "Kommissarin Priya Nair betrat das Museum. „Wo ist die Krone?“, fragte Herr Okafor. "
        "Die Wache zuckte mit den Schultern, und Priya sah sich im Lesesaal um."
    )
    memory = read_summary(summarise("", [part], "Kommissarin Priya Nair sucht die Krone"))
    assert memory.cast[:2] == ["Kommissarin Priya Nair", "Herr Okafor"]
    assert "Museum" not in memory.cast
    assert "Krone" not in memory.cast


def test_summarise_reads_japanese_names_and_places() -> None:
    part = "探偵のプリヤ・ナイルは港へ向かった。「急ごう」とオカフォー氏が言った。"
    memory = read_summary(summarise("", [part], ""))
    assert "探偵のプリヤ・ナイル" in memory.cast
    assert "オカフォー氏" in memory.cast
    assert memory.story == ["探偵のプリヤ・ナイルは港へ向かった。"]


def test_summarise_reads_french_names_with_titles() -> None:
    part = "M. Okafor suivit l'inspectrice Nair jusqu'au port. « Vite ! » dit Lady Vance."
    memory = read_summary(summarise("", [part], "L'inspectrice Priya Nair cherche la couronne"))
    assert any("Okafor" in name for name in memory.cast)
    assert any("Vance" in name for name in memory.cast)


@pytest.mark.parametrize("limit", [120, 400, 1600])
def test_summarise_stays_bounded_and_keeps_part_one(limit: int) -> None:
    parts = [f"Part {n}: Priya met Greta Lind number {n} at the harbour." for n in range(60)]
    memory = ""
    for part in parts:
        memory = summarise(memory, [part], "Priya and the crown", max_chars=limit)
        assert len(memory) <= limit
    if limit >= 400:
        assert read_summary(memory).story[0].startswith("Part 0")


def test_summarise_is_fast_enough_for_every_fold() -> None:
    """Memory folds run in benchmark 1's turn: a fold of six parts stays well under 2 ms."""
    part = "Priya walked to the harbour with Mr. Okafor. The crown was nowhere to be seen. " * 10
    started = time.perf_counter()
    memory = ""
    for _ in range(50):
        memory = summarise(memory, [part] * 6, "Priya must find the crown", 1600)
    assert (time.perf_counter() - started) / 50 < 0.01
