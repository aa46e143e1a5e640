"""First prompts with no name and no "must find X": read whole, and kept by the story.

"a fox who collects keys" is a new user's typical first premise. The hero is a
fox (said in the opening and again later), the keys are the goal (named in the
opening), a fear is a place to face, and "a friend" is someone met at the end,
never an object picked up. In every language the shape exists in.
"""

from __future__ import annotations

import random
import re

import pytest

from bot.providers.base import StoryContext, Task
from bot.providers.offline import tell_with_state
from bot.providers.offline.languages import language
from bot.providers.offline.model import Story
from bot.providers.offline.premise import build
from bot.providers.offline.store import load
from bot.story_settings import StorySettings

NAMES = {"en": "English", "de": "Deutsch", "fr": "français", "ja": "日本語"}

# (language, premise, hero kind's head, heroes, goal: "find:<head>", "reach:<head>",
#  "face:<fear head>:<place head>" or "meet:<wish head>", words the opening must contain)
CASES = [
    ("en", "a fox who collects keys", "fox", 1, "find:keys", ("fox", "keys")),
    ("en", "a dragon who is afraid of the dark", "dragon", 1, "face:dark:cave", ("dragon", "dark")),
    ("en", "two kids build a rocket to reach the moon", "kid", 2, "reach:moon",
     ("kid", "moon", "rocket")),
    ("en", "a lonely robot looking for a friend", "robot", 1, "meet:friend", ("robot", "friend")),
    ("en", "a little mouse who wants to see the sea", "mouse", 1, "reach:sea", ("mouse", "sea")),
    ("en", "three friends searching for a lost treasure", "friend", 3, "find:treasure",
     ("friend", "treasure")),
    ("en", "an old sailor afraid of storms", "sailor", 1, "face:storms:cliffs",
     ("sailor", "storms")),
    ("de", "ein Fuchs, der Schlüssel sammelt", "Fuchs", 1, "find:Schlüssel",
     ("Fuchs", "Schlüssel")),
    ("de", "ein Drache, der Angst vor der Dunkelheit hat", "Drache", 1, "face:Dunkelheit:Höhle",
     ("Drache", "Dunkelheit")),
    ("de", "zwei Kinder bauen eine Rakete, um zum Mond zu fliegen", "Kind", 2, "reach:Mond",
     ("Kind", "Mond", "Rakete")),
    ("de", "ein einsamer Roboter sucht einen Freund", "Roboter", 1, "meet:Freund",
     ("Roboter", "Freund")),
    ("de", "eine kleine Maus, die das Meer sehen will", "Maus", 1, "reach:Meer", ("Maus", "Meer")),
    ("de", "drei Freunde suchen einen verlorenen Schatz", "Freund", 3, "find:Schatz",
     ("Freund", "Schatz")),
    ("fr", "un renard qui collectionne les clés", "renard", 1, "find:clé", ("renard", "clé")),
    ("fr", "un dragon qui a peur du noir", "dragon", 1, "face:noir:grotte", ("dragon", "noir")),
    ("fr", "deux enfants construisent une fusée pour aller sur la lune", "enfant", 2,
     "reach:lune", ("enfant", "lune", "fusée")),
    ("fr", "un robot solitaire qui cherche un ami", "robot", 1, "meet:ami", ("robot", "ami")),
    ("fr", "une petite souris qui veut voir la mer", "souris", 1, "reach:mer", ("souris", "mer")),
    ("fr", "trois amis cherchent un trésor perdu", "ami", 3, "find:trésor", ("ami", "trésor")),
    ("ja", "鍵を集めるキツネ", "キツネ", 1, "find:鍵", ("キツネ", "鍵")),
    ("ja", "暗闇がこわいドラゴン", "ドラゴン", 1, "face:暗闇:洞窟", ("ドラゴン", "暗闇")),
    ("ja", "二人の子どもが月へ行くロケットを作る", "子ども", 2, "reach:月",
     ("子ども", "月", "ロケット")),
    ("ja", "友だちをさがすさびしいロボット", "ロボット", 1, "meet:友だち", ("ロボット", "友だち")),
    ("ja", "海を見たい小さなネズミ", "ネズミ", 1, "reach:海", ("ネズミ", "海")),
    ("ja", "なくした宝物をさがす三人の友だち", "友だち", 3, "find:宝物", ("友だち", "宝物")),
]  # fmt: skip
IDS = [f"{c[0]}:{c[1]}" for c in CASES]


def write(code: str, premise: str, parts: int, seed: int = 7) -> list[str]:
    """``parts`` parts of one story, the readers only reading on, then its ending."""
    return written(code, premise, parts, seed)[0]


def written(code: str, premise: str, parts: int, seed: int = 7) -> tuple[list[str], Story]:
    """The parts and the ending, and the story as the storyteller kept it after the last."""
    settings = StorySettings(genre="fantasy", language=NAMES[code])
    texts: list[str] = []
    state = ""
    for number in range(1, parts + 2):
        task = Task.OPEN if number == 1 else Task.ENDING if number > parts else Task.CONTINUE
        context = StoryContext(premise, settings, "", tuple(texts[-2:]), "", number, seed, state)
        text, state = tell_with_state(task, context)
        texts.append(text)
    return texts, load(state)


def has(text: str, word: str) -> bool:
    return word.lower() in text.lower()


@pytest.mark.parametrize(("code", "premise", "kind", "heroes", "goal", "opening"), CASES, ids=IDS)
def test_the_premise_is_read_whole(
    code: str, premise: str, kind: str, heroes: int, goal: str, opening: tuple[str, ...]
) -> None:
    facts = language(code).read_premise(premise)
    assert facts.people == []
    assert facts.hero_kind is not None
    assert facts.hero_kind.head == kind
    assert facts.heroes == heroes
    shape, *words = goal.split(":")
    if shape == "find":
        assert facts.goal_thing is not None
        assert facts.goal_thing.head == words[0]
        assert facts.goal_verb == "find"
    elif shape == "reach":
        assert facts.goal_place is not None
        assert facts.goal_place[0].head == words[0]
        assert (facts.goal_verb, facts.goal_thing) == ("reach", None)
    elif shape == "face":
        assert facts.fear is not None
        assert facts.fear.head == words[0]
        assert facts.goal_place is not None
        assert facts.goal_place[0].head == words[1]
        assert (facts.goal_verb, facts.goal_thing) == ("face", None)
    else:
        assert facts.wish is not None
        assert facts.wish.head == words[0]
        assert (facts.goal_verb, facts.goal_thing) == ("meet", None)


@pytest.mark.parametrize(("code", "premise", "kind", "heroes", "goal", "opening"), CASES, ids=IDS)
def test_the_opening_names_the_heros_kind_and_the_goal(
    code: str, premise: str, kind: str, heroes: int, goal: str, opening: tuple[str, ...]
) -> None:
    for seed in (1, 2, 3):
        first = write(code, premise, 1, seed)[0]
        for word in opening:
            assert has(first, word), (seed, word, first[:300])


@pytest.mark.parametrize(
    ("code", "premise", "kind"),
    [("en", "a fox who collects keys", "fox"), ("de", "ein Fuchs, der Schlüssel sammelt", "Fuchs"),
     ("fr", "un renard qui collectionne les clés", "renard"), ("ja", "鍵を集めるキツネ", "キツネ")],
)  # fmt: skip
def test_the_heros_kind_is_said_again_later(code: str, premise: str, kind: str) -> None:
    texts, story = written(code, premise, 12)
    name = language(code).forms(story.hero)[-1]
    told = [
        sentence
        for text in texts[1:]
        for sentence in re.split(r"(?<=[.!?。])\s*", text)
        if has(sentence, kind) and has(sentence, name)
    ]
    assert len(told) >= 2, told


@pytest.mark.parametrize(
    ("code", "premise", "wish"),
    [("en", "a lonely robot looking for a friend", "friend"),
     ("de", "ein einsamer Roboter sucht einen Freund", "Freund"),
     ("fr", "un robot solitaire qui cherche un ami", "ami"),
     ("ja", "友だちをさがすさびしいロボット", "友だち")],
)  # fmt: skip
def test_a_friend_is_someone_met_at_the_end_not_a_thing(code: str, premise: str, wish: str) -> None:
    story = build(premise, "sci-fi", "warm", language(code), random.Random(3))
    assert story.goal.shape == "meet"
    assert story.goal.thing == ""
    friend = story.char(story.goal.person)
    assert friend is not None
    assert friend.status == "away"
    assert [t.role for t in story.things if t.noun.head == wish] == ["wish"]
    for seed in (3, 4, 5, 6):
        texts, after = written(code, premise, 8, seed)
        met = after.char(after.goal.person)
        assert met is not None
        assert met.status == "here"
        forms = language(code).forms(met)
        ending = texts[-1]
        assert has(ending, wish)
        assert any(has(ending, form) for form in forms)
        assert not any(has(text, form) for text in texts[:-1] for form in forms), seed
        assert sum(has(text, wish) for text in texts[1:-1]) >= 3


@pytest.mark.parametrize(
    ("code", "premise"),
    [("en", "a dragon who is afraid of the dark"),
     ("en", "two kids build a rocket to reach the moon"),
     ("de", "ein Drache, der Angst vor der Dunkelheit hat"), ("fr", "un dragon qui a peur du noir"),
     ("ja", "暗闇がこわいドラゴン")],
)  # fmt: skip
def test_a_journey_or_a_fear_does_not_start_where_it_ends(code: str, premise: str) -> None:
    story = build(premise, "fantasy", "warm", language(code), random.Random(1))
    assert story.goal.place
    assert story.location != story.goal.place


@pytest.mark.parametrize(
    ("code", "premise", "made"),
    [("en", "two kids build a rocket to reach the moon", "rocket"),
     ("de", "zwei Kinder bauen eine Rakete, um zum Mond zu fliegen", "Rakete"),
     ("fr", "deux enfants construisent une fusée pour aller sur la lune", "fusée"),
     ("ja", "二人の子どもが月へ行くロケットを作る", "ロケット")],
)  # fmt: skip
def test_what_the_heroes_build_is_theirs_not_the_goal(code: str, premise: str, made: str) -> None:
    facts = language(code).read_premise(premise)
    assert facts.made is not None
    assert facts.made.head == made
    story = build(premise, "sci-fi", "warm", language(code), random.Random(1))
    thing = next(t for t in story.things if t.noun.head == made)
    assert (thing.role, thing.holder) == ("made", story.hero.id)


@pytest.mark.parametrize(
    ("code", "premise", "kind", "ally"),
    [("en", "a boy and his dog", "boy", "dog"),
     ("en", "Two cats explore the old castle", "cat", "cat"),
     ("de", "Drei Freunde suchen einen verlorenen Schatz", "Freund", "Freund"),
     ("fr", "Deux enfants construisent une fusée pour aller sur la lune.", "enfant", "enfant")],
)  # fmt: skip
def test_companions_and_capitals_are_read(code: str, premise: str, kind: str, ally: str) -> None:
    story = build(premise, "fantasy", "warm", language(code), random.Random(2))
    companion = story.ally()
    assert story.hero.kind is not None
    assert story.hero.kind.head == kind
    assert companion is not None
    assert companion.kind is not None
    assert companion.kind.head == ally


def test_two_heroes_of_one_kind_are_the_hero_and_an_ally() -> None:
    story = build(
        "two kids build a rocket to reach the moon",
        "sci-fi",
        "warm",
        language("en"),
        random.Random(1),
    )
    ally = story.ally()
    assert ally is not None
    assert ally.kind is not None
    assert story.hero.kind is not None
    assert ally.kind.head == story.hero.kind.head == "kid"


@pytest.mark.parametrize(
    ("code", "premise", "gender"),
    [("en", "a girl who learns to fly a kite", "f"),
     ("de", "ein Mädchen, das einen verlorenen Ring sucht", "f"),
     ("fr", "une fille qui cherche une bague perdue", "f"),
     ("ja", "なくした指輪をさがす女の子", "f")],
)  # fmt: skip
def test_an_invented_hero_is_named_as_the_kind_says(code: str, premise: str, gender: str) -> None:
    for seed in range(5):
        story = build(premise, "everyday", "warm", language(code), random.Random(seed))
        assert story.hero.gender == gender


@pytest.mark.parametrize(
    ("code", "premise", "name", "kind", "goal"),
    [("en", "A cat named Tom guards a lighthouse", "Tom", "cat", "lighthouse"),
     ("de", "Eine Katze namens Tom bewacht einen Leuchtturm", "Tom", "Katze", "Leuchtturm"),
     ("fr", "Un chat nommé Tom garde un phare", "Tom", "chat", "phare"),
     ("ja", "トムという猫が灯台を守る", "トム", "猫", "灯台")],
)  # fmt: skip
def test_a_named_hero_is_read_as_before(
    code: str, premise: str, name: str, kind: str | None, goal: str
) -> None:
    facts = language(code).read_premise(premise)
    assert [p.name for p in facts.people] == [name]
    assert (facts.people[0].kind.head if facts.people[0].kind else None) == kind
    assert facts.hero_kind is None
    assert (facts.goal_verb, facts.goal_thing.head if facts.goal_thing else "") == ("protect", goal)


@pytest.mark.parametrize(
    ("code", "premise", "kind", "goal", "ally"),
    [("en", "pirates looking for treasure", "pirate", "treasure", ""),
     ("en", "an astronaut stranded on Mars", "astronaut", "", ""),
     ("de", "ein Junge und sein Hund", "Junge", "", "Hund"),
     ("de", "eine Elster, die Muscheln sammelt", "Elster", "Muschel", ""),
     ("de", "ein kleiner Bär will Honig finden", "Bär", "Honig", ""),
     ("fr", "une sorcière qui a perdu son balai", "sorcière", "balai", ""),
     ("fr", "un garçon et son chien", "garçon", "", "chien"),
     ("ja", "貝がらを集めるカラス", "カラス", "貝がら", ""),
     ("ja", "はちみつがほしい小さなくま", "くま", "はちみつ", ""),
     ("ja", "森で宝物をさがすキツネ", "キツネ", "宝物", ""),
     ("ja", "男の子と犬", "男の子", "", "犬")],
)  # fmt: skip
def test_more_first_prompts_are_read(
    code: str, premise: str, kind: str, goal: str, ally: str
) -> None:
    facts = language(code).read_premise(premise)
    assert facts.people == []
    assert facts.hero_kind is not None
    assert facts.hero_kind.head == kind
    assert (facts.goal_thing.head if facts.goal_thing else "") == goal
    assert (facts.ally_kind.head if facts.ally_kind else "") == ally


def test_a_german_plural_goal_is_one_thing_of_the_right_gender() -> None:
    shells = language("de").read_premise("eine Elster, die Muscheln sammelt").goal_thing
    stones = language("de").read_premise("ein Zwerg, der Steine sammelt").goal_thing
    assert shells is not None
    assert stones is not None
    assert (shells.head, shells.gender, shells.plural) == ("Muschel", "f", False)
    assert (stones.head, stones.gender, stones.plural) == ("Stein", "m", False)


@pytest.mark.parametrize(
    ("code", "premise"),
    [("en", "a little mouse who wants to see the sea"), ("ja", "暗闇がこわいドラゴン")],
)
def test_the_story_begins_at_its_first_place_not_at_the_goal(code: str, premise: str) -> None:
    story = build(premise, "adventure", "warm", language(code), random.Random(4))
    assert story.places[0].id == story.location
    assert story.location != story.goal.place


def test_a_long_story_never_runs_out_of_names() -> None:
    """Japanese fantasy has eight names; a long story with a friend to meet needs more."""
    for seed in (1, 2, 3):
        texts = write("ja", "友だちをさがすさびしいロボット", 20, seed)
        assert not any(re.search(r"(?<![A-Za-z0-9])[BKLMNRT][0-9]{1,2}(?![0-9])", t) for t in texts)


@pytest.mark.parametrize(
    ("code", "premise", "name", "kind", "goal"),
    [("en", "A robot named Bolt who collects keys", "Bolt", "robot", "find:keys"),
     ("en", "Bolt, a lonely robot looking for a friend", "Bolt", "robot", "meet:friend"),
     ("en", "Mia is afraid of the dark", "Mia", "", "face:dark"),
     ("en", "Pip the mouse wants to see the sea", "Pip", "mouse", "reach:sea"),
     ("de", "Ein Drache namens Ember hat Angst vor der Dunkelheit", "Ember", "Drache",
      "face:Dunkelheit"),
     ("de", "Ein Roboter namens Bolt sucht einen Freund", "Bolt", "Roboter", "meet:Freund"),
     ("fr", "Un dragon nommé Ember qui a peur du noir", "Ember", "dragon", "face:noir"),
     ("fr", "Un robot nommé Bolt qui cherche un ami", "Bolt", "robot", "meet:ami"),
     ("ja", "エンバーというドラゴンは暗闇がこわい", "エンバー", "ドラゴン", "face:暗闇"),
     ("ja", "ボルトというロボットが友だちをさがす", "ボルト", "ロボット", "meet:友だち")],
)  # fmt: skip
def test_a_named_hero_with_a_fear_a_wish_or_a_habit(
    code: str, premise: str, name: str, kind: str, goal: str
) -> None:
    facts = language(code).read_premise(premise)
    assert [p.name for p in facts.people] == [name]
    hero = facts.people[0]
    assert (hero.kind.head if hero.kind else "") == kind
    shape, word = goal.split(":")
    found = {
        "find": facts.goal_thing,
        "meet": facts.wish,
        "face": facts.fear,
        "reach": facts.goal_place[0] if facts.goal_place else None,
    }[shape]
    assert found is not None
    assert found.head == word


@pytest.mark.parametrize(
    ("code", "premise", "skill"),
    [("en", "a penguin who learns to fly", "fly"),
     ("en", "a girl who learns to fly a kite", "fly a kite"),
     ("en", "a cat who wants to be a pirate", "be a pirate"),
     ("de", "ein Pinguin, der fliegen lernen will", "fliegen"),
     ("fr", "un pingouin qui apprend à voler", "voler"),
     ("ja", "空を飛びたいペンギン", "空を飛ぶ")],
)  # fmt: skip
def test_something_to_learn_is_the_goal_and_is_learnt_at_the_end(
    code: str, premise: str, skill: str
) -> None:
    facts = language(code).read_premise(premise)
    assert (facts.skill, facts.goal_verb, facts.goal_thing) == (skill, "learn", None)
    texts = write(code, premise, 6, seed=2)
    assert has(texts[0], skill)
    assert has(texts[-1], skill)
    assert sum(has(text, skill) for text in texts[1:-1]) >= 3
