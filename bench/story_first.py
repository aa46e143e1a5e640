"""First prompts: premises with no name and no "must find X", as new users type them.

Benchmark 9's main premises all name their hero and goal. A first story often
starts from "a fox who collects keys" instead, so these check what a reader of
such a story notices first: the hero is a fox (``kind``, named in part 1),
and the keys are what the story is about (``goal``, named in every three
parts and in the ending). ``hero`` is empty: the storyteller invents the name;
the last two a language has name their hero but still set no goal.
"""

from __future__ import annotations

from bench.story_scripts import Premise


def _p(text: str, genre: str, kind: tuple[str, ...], goal: tuple[str, ...], called: str) -> Premise:
    return Premise(text, genre, (), goal, kind=kind, called=called)


def _named(
    text: str, genre: str, hero: str, kind: tuple[str, ...], goal: tuple[str, ...]
) -> Premise:
    """A first prompt that names its hero but still no "must find X"."""
    return Premise(text, genre, (hero,), goal, kind=kind)


FIRST: dict[str, tuple[Premise, ...]] = {
    "en": (
        _p("a fox who collects keys", "fantasy", ("fox",), ("key", "keys"), "the fox"),
        _p("a dragon who is afraid of the dark", "fantasy", ("dragon",), ("dark",), "the dragon"),
        _p(
            "two kids build a rocket to reach the moon",
            "sci-fi",
            ("kid", "kids", "child", "children"),
            ("moon",),
            "the kids",
        ),
        _p("a lonely robot looking for a friend", "sci-fi", ("robot",), ("friend",), "the robot"),
        _p(
            "a little mouse who wants to see the sea",
            "adventure",
            ("mouse",),
            ("sea",),
            "the mouse",
        ),
        _p(
            "three friends searching for a lost treasure",
            "adventure",
            ("friend", "friends"),
            ("treasure",),
            "the friends",
        ),
        _p(
            "an old sailor afraid of storms",
            "adventure",
            ("sailor",),
            ("storm", "storms", "stormy"),
            "the sailor",
        ),
        _p("a girl who learns to fly a kite", "everyday", ("girl",), ("kite",), "the girl"),
        _named(
            "a dragon called Ember who is afraid of the dark",
            "fantasy",
            "Ember",
            ("dragon",),
            ("dark",),
        ),
        _named(
            "Bolt, a lonely robot looking for a friend", "sci-fi", "Bolt", ("robot",), ("friend",)
        ),
    ),
    "de": (
        _p("ein Fuchs, der Schlüssel sammelt", "fantasy", ("Fuchs",), ("Schlüssel",), "der Fuchs"),
        _p(
            "ein Drache, der Angst vor der Dunkelheit hat",
            "fantasy",
            ("Drache", "Drachen"),
            ("Dunkelheit", "dunkel", "dunkle", "dunklen", "dunkler"),
            "der Drache",
        ),
        _p(
            "zwei Kinder bauen eine Rakete, um zum Mond zu fliegen",
            "sci-fi",
            ("Kind", "Kinder", "Kindern"),
            ("Mond", "Monds", "Mondes"),
            "die Kinder",
        ),
        _p(
            "ein einsamer Roboter sucht einen Freund",
            "sci-fi",
            ("Roboter",),
            ("Freund", "Freundin", "Freunde", "Freundes"),
            "der Roboter",
        ),
        _p(
            "eine kleine Maus, die das Meer sehen will",
            "adventure",
            ("Maus",),
            ("Meer", "Meeres"),
            "die Maus",
        ),
        _p(
            "drei Freunde suchen einen verlorenen Schatz",
            "adventure",
            ("Freund", "Freunde", "Freunden"),
            ("Schatz", "Schatzes"),
            "die Freunde",
        ),
        _p(
            "ein alter Seemann, der Angst vor Stürmen hat",
            "adventure",
            ("Seemann",),
            ("Sturm", "Stürme", "Stürmen", "stürmisch", "stürmische", "stürmischen"),
            "der Seemann",
        ),
        _p(
            "ein Pinguin, der fliegen lernen will",
            "adventure",
            ("Pinguin",),
            ("fliegen",),
            "der Pinguin",
        ),
        _named(
            "Ein Drache namens Ember hat Angst vor der Dunkelheit",
            "fantasy",
            "Ember",
            ("Drache", "Drachen"),
            ("Dunkelheit", "dunkel", "dunkle", "dunklen", "dunkler"),
        ),
        _named(
            "Ein Roboter namens Bolt sucht einen Freund",
            "sci-fi",
            "Bolt",
            ("Roboter",),
            ("Freund", "Freundin", "Freunde", "Freundes"),
        ),
    ),
    "fr": (
        _p(
            "un renard qui collectionne les clés",
            "fantasy",
            ("renard",),
            ("clé", "clés"),
            "le renard",
        ),
        _p("un dragon qui a peur du noir", "fantasy", ("dragon",), ("noir", "noire"), "le dragon"),
        _p(
            "deux enfants construisent une fusée pour aller sur la lune",
            "sci-fi",
            ("enfant", "enfants"),
            ("lune",),
            "les enfants",
        ),
        _p(
            "un robot solitaire qui cherche un ami",
            "sci-fi",
            ("robot",),
            ("ami", "amie"),
            "le robot",
        ),
        _p(
            "une petite souris qui veut voir la mer",
            "adventure",
            ("souris",),
            ("mer",),
            "la souris",
        ),
        _p(
            "trois amis cherchent un trésor perdu",
            "adventure",
            ("ami", "amis", "amie", "amies"),
            ("trésor",),
            "les amis",
        ),
        _p(
            "un vieux marin qui a peur des tempêtes",
            "adventure",
            ("marin",),
            ("tempête", "tempêtes"),
            "le marin",
        ),
        _p(
            "un pingouin qui apprend à voler", "adventure", ("pingouin",), ("voler",), "le pingouin"
        ),
        _named(
            "Un dragon nommé Ember qui a peur du noir",
            "fantasy",
            "Ember",
            ("dragon",),
            ("noir", "noire"),
        ),
        _named(
            "Un robot nommé Bolt qui cherche un ami", "sci-fi", "Bolt", ("robot",), ("ami", "amie")
        ),
    ),
    "ja": (
        _p("鍵を集めるキツネ", "fantasy", ("キツネ", "狐"), ("鍵",), "キツネ"),
        _p("暗闇がこわいドラゴン", "fantasy", ("ドラゴン",), ("暗",), "ドラゴン"),
        _p(
            "二人の子どもが月へ行くロケットを作る",
            "sci-fi",
            ("子ども", "子供"),
            ("月",),
            "子どもたち",
        ),
        _p(
            "友だちをさがすさびしいロボット",
            "sci-fi",
            ("ロボット",),
            ("友だち", "友達"),
            "ロボット",
        ),
        _p("海を見たい小さなネズミ", "adventure", ("ネズミ",), ("海",), "ネズミ"),
        _p("なくした宝物をさがす三人の友だち", "adventure", ("友だち",), ("宝物",), "友だち"),
        _p("嵐がこわい年寄りの船乗り", "adventure", ("船乗り",), ("嵐",), "船乗り"),
        _p("空を飛びたいペンギン", "adventure", ("ペンギン",), ("空を飛",), "ペンギン"),
        _named(
            "エンバーというドラゴンは暗闇がこわい", "fantasy", "エンバー", ("ドラゴン",), ("暗",)
        ),
        _named(
            "ボルトというロボットが友だちをさがす",
            "sci-fi",
            "ボルト",
            ("ロボット",),
            ("友だち", "友達"),
        ),
    ),
}
