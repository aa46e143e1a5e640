"""Each language: its phrases are complete and clean, its grammar declines, its reading reads."""

from __future__ import annotations

import random
import re

import pytest

from bot.providers.offline.lang.base import Steer
from bot.providers.offline.lang.groups import REQUIRED, SOLO
from bot.providers.offline.languages import SUPPORTED, language
from bot.providers.offline.model import Character, Noun, Place, Story, Thing
from bot.providers.offline.template import Scene

NEEDS = re.compile(r"\{(\w+)|\[(\w+):")
BANNED = {
    "en": r"\b(?:kill\w*|blood\w*|dead|die[sd]?|murder\w*|gun\w*|knife|corpse|gore|damn|hell)\b",
    "de": r"\b(?:tot\w*|töte\w*|blut\w*|mord\w*|leiche\w*|waffe\w*|messer|verdammt|hölle)\b",
    "fr": r"\b(?:tu[ée]\w*|sang\w*|meurtr\w*|cadavre\w*|fusil\w*|couteau\w*|mort\w*|putain)\b",
    "ja": r"殺|血|死体|銃|刃物|くそっ|クソ",
}


def scene_for(code: str, *, solo: bool = False) -> Scene:
    """A scene with every slot bound, or with the hero alone."""
    story = Story(lang=code, genre="mystery")
    kind = Noun("night guard|night guard", "night guard|night guard", "m")
    story.cast = [
        Character("c1", "Priya Nair", "", "f", kind, "hero"),
        Character("c2", "Okafor", "", "m", kind, "ally", "gone" if solo else "here"),
        Character("c3", "Vance", "", "f", kind, "culprit", "away", revealed=True),
        Character("c4", "Greta Lind", "", "f", kind, "witness"),
    ]
    story.places = [Place("p1", Noun("Avalon", "Avalon", "n", proper=True), "city"),
                    Place("p2", Noun("harbour", "harbour", "m"), "harbour")]  # fmt: skip
    story.things = [Thing("t1", Noun("crown", "crown", "f"), "goal"),
                    Thing("t2", Noun("glove", "glove", "m"), "clue"),
                    Thing("t3", Noun("friend", "friend", "m"), "wish")]  # fmt: skip
    story.goal.thing, story.location = "t1", "p1"
    scene = Scene(story, language(code), random.Random(1))
    scene.bind(H="c1", A=None if solo else "c2", R="c3", U="c3", W="c4", X="c4", G="c4",
               O="t1", C="t2", T="t3", M="t2", P="p1", Q="p2", Z="p2")  # fmt: skip
    scene.values.update(met="Greta Lind", allies="Okafor")
    return scene


@pytest.mark.parametrize("code", SUPPORTED)
def test_every_group_is_there_and_every_phrase_fills_cleanly(code: str) -> None:
    phrases = language(code).phrases
    assert [g for g in REQUIRED if g not in phrases] == []
    scene = scene_for(code)
    for group in REQUIRED:
        for template in phrases[group]:
            for shown in template.split(" || "):
                text = scene.say(shown)
                assert text.strip(), (group, template)
                assert not re.search(r"[{}<>\[\]]", text), (group, text)


@pytest.mark.parametrize("code", SUPPORTED)
def test_every_group_reads_well_with_the_hero_alone(code: str) -> None:
    scene = scene_for(code, solo=True)
    for group in SOLO:
        assert scene.options(group), (code, group)


@pytest.mark.parametrize("code", SUPPORTED)
def test_phrases_are_family_friendly(code: str) -> None:
    words = " ".join(t for group in language(code).phrases.values() for t in group)
    assert not re.search(BANNED[code], words, re.I)


@pytest.mark.parametrize(
    ("code", "premise", "hero", "ally", "place", "goal"),
    [
        ("en", "Detective Priya Nair must find the stolen crown in New Avalon with Mr. Okafor",
         ("Detective", "Priya Nair"), ("Mr.", "Okafor"), "New Avalon", "crown"),
        ("en", "Inspector Lena Vogel has to recover the missing painting at the back of the "
         "museum", ("Inspector", "Lena Vogel"), None, "back of the museum", "painting"),
        ("en", "A cat named Tom guards a lighthouse on the Glass Coast", ("", "Tom"), None,
         "Glass Coast", "lighthouse"),
        ("de", "Kommissarin Priya Nair muss mit Herrn Okafor die gestohlene Krone in Neu-Avalon "
         "finden", ("Kommissarin", "Priya Nair"), ("Herr", "Okafor"), "Neu-Avalon", "Krone"),
        ("de", "Ein Kater namens Tom bewacht einen Leuchtturm an der Glasküste", ("", "Tom"),
         None, "Glasküste", "Leuchtturm"),
        ("fr", "L'inspectrice Priya Nair doit retrouver la couronne volée à Nouvelle-Avalon avec "
         "M. Okafor", ("inspectrice", "Priya Nair"), ("M.", "Okafor"), "Nouvelle-Avalon",
         "couronne"),
        ("fr", "Une jeune sorcière nommée Wren doit trouver l'anneau dans le Bois Murmurant",
         ("", "Wren"), None, "Bois Murmurant", "anneau"),
        ("ja", "探偵のプリヤ・ナイルは、オカフォー氏と一緒にニュー・アヴァロンで盗まれた王冠を"
         "探さなければならない", ("探偵の", "プリヤ・ナイル"), ("氏", "オカフォー"),
         "ニュー・アヴァロン", "王冠"),
        ("ja", "レンという若い魔女が、ささやきの森で月長石の指輪を見つけなければならない",
         ("", "レン"), None, "ささやきの森", "指輪"),
    ],
)  # fmt: skip
def test_premises_are_read_into_cast_place_and_goal(
    code: str,
    premise: str,
    hero: tuple[str, str],
    ally: tuple[str, str] | None,
    place: str,
    goal: str,
) -> None:
    facts = language(code).read_premise(premise)
    people = [(p.title, p.name) for p in facts.people]
    assert people[0] == hero
    if ally:
        assert ally in people
    assert len(people) == (2 if ally else 1)
    assert place in [n.words for n, _ in facts.places]
    assert facts.goal_thing is not None
    assert facts.goal_thing.head == goal


@pytest.mark.parametrize(
    ("code", "direction", "kind", "what"),
    [
        ("en", "the thief is Lady Vance", "reveal", "Vance"),
        ("en", "Greta Lind arrives with urgent news", "join", "Greta Lind"),
        ("en", "Okafor leaves to warn the mayor", "leave", "Okafor"),
        ("en", "they go to the old harbour", "move", "old harbour"),
        ("en", "they find a hidden door", "find", "hidden door"),
        ("en", "a storm rolls in", "weather", "storm"),
        ("en", "make it spooky", "tone", "eerie"),
        ("en", "Priya climbs onto the roof", "act", "Priya climbed onto the roof."),
        ("de", "Der Dieb ist Lady Vance", "reveal", "Vance"),
        ("de", "Greta Lind kommt mit dringenden Neuigkeiten an", "join", "Greta Lind"),
        ("de", "Sie gehen zum alten Hafen", "move", "Hafen"),
        ("de", "Ein Sturm zieht auf", "weather", "storm"),
        ("de", "Mach es gruseliger", "tone", "eerie"),
        ("de", "Ein Fremder klopft ans Fenster", "act", "Ein Fremder klopfte ans Fenster."),
        ("fr", "Le voleur est Lady Vance", "reveal", "Vance"),
        ("fr", "M. Okafor part prévenir le maire", "leave", "Okafor"),
        ("fr", "Ils vont au vieux port", "move", "port"),
        ("fr", "Rends l'histoire plus effrayante", "tone", "eerie"),
        ("fr", "Un inconnu frappe à la fenêtre", "act", "Un inconnu frappa à la fenêtre."),
        ("ja", "犯人はヴァンス夫人だ", "reveal", "ヴァンス"),
        ("ja", "古い港へ向かう", "move", "古い港"),
        ("ja", "嵐がやって来る", "weather", "storm"),
        ("ja", "もっと怖くして", "tone", "eerie"),
        ("ja", "見知らぬ人が窓をたたく", "act", "見知らぬ人が窓をたたいた。"),
    ],
)
def test_directions_are_read_as_events(code: str, direction: str, kind: str, what: str) -> None:
    story = Story(lang=code, genre="mystery")
    story.cast = [Character("c1", "Priya Nair", role="hero", gender="f")]
    steer = language(code).read_direction(direction, story)
    assert isinstance(steer, Steer)
    assert steer.kind == kind
    found = {
        "reveal": steer.person.name if steer.person else "",
        "join": steer.person.name if steer.person else "",
        "leave": steer.person.name if steer.person else "",
        "move": steer.place[0].words if steer.place else "",
        "find": steer.thing.words if steer.thing else "",
        "weather": steer.word,
        "tone": steer.word,
        "act": steer.told,
    }[kind]
    assert what in found


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("Sie sah {O.acc} {P.in}.", "Sie sah die gestohlene Krone im Museum."),
        ("Sie ging {P.to} mit {A.dat}.", "Sie ging zum Museum mit Herrn Okafor."),
        ("Der Glanz {O.dat}.", "Der Glanz der gestohlenen Krone."),
        ("{C.a} lag da, und sie nahm {C.a_acc}.",
         "Ein goldener Kompass lag da, und sie nahm einen goldenen Kompass."),
    ],
)  # fmt: skip
def test_german_declines_articles_adjectives_and_titles(template: str, expected: str) -> None:
    scene = scene_for("de")
    scene.story.cast[1].title = "Herr"
    scene.story.things[0].noun = Noun("gestohlene Krone", "Krone", "f", adj=["gestohlen"])
    scene.story.things[1].noun = Noun("goldener Kompass", "Kompass", "m", adj=["golden"])
    scene.story.places[0] = Place("p1", Noun("Museum", "Museum", "n"), "museum")
    assert scene.say(template) == expected


def test_french_contracts_and_elides() -> None:
    scene = scene_for("fr")
    scene.story.places[0] = Place("p1", Noun("musée", "musée", "m"), "museum")
    scene.story.cast[3].name = "Amara"
    assert (
        scene.say("Elle alla {P.in} avec le chapeau {W.de}.")
        == "Elle alla au musée avec le chapeau d'Amara."
    )
    scene.story.places[0] = Place("p1", Noun("forêt", "forêt", "f"), "forest")
    assert (
        scene.say("Ils entrèrent {P.in}. Que {W} attende !")
        == "Ils entrèrent dans la forêt. Qu'Amara attende\u00a0!"
    )


def test_japanese_places_titles_before_or_after_the_name() -> None:
    scene = scene_for("ja")
    hero, ally = scene.story.cast[0], scene.story.cast[1]
    hero.name, hero.title = "プリヤ・ナイル", "探偵の"
    ally.name, ally.title = "オカフォー", "氏"
    assert (
        scene.say("{H.full}と{A.full}。{H}と{A}。")
        == "探偵のプリヤ・ナイルとオカフォー氏。プリヤとオカフォー氏。"
    )
