"""Reading the shapes of a Japanese first prompt that names nobody: 「鍵を集めるキツネ」.

The Japanese counterpart of :mod:`.en_shape`. Japanese puts the clause before
the noun it describes, so the hero is the kind word the premise ends with
(「鍵を集めるキツネ」「友だちをさがすさびしいロボット」), or the subject before が
(「二人の子どもが月へ行くロケットを作る」). The general reader
(:mod:`.ja_read`) takes a katakana kind (キツネ) for a name; this reads:

- the hero's kind with the adjectives just before it (さびしい, 小さな, 年寄りの)
  and a count (二人の, 三人の) for several heroes;
- the object before を as the goal; a place (海を見たい, 月へ行く) as a journey's
  end; 友だち as someone to meet;
- a fear (暗闇がこわい): the goal is to face it where it lives (暗い洞窟);
- something to learn (空を飛びたい → 空を飛ぶ), a wish (はちみつがほしい), a companion
  (男の子と犬), and after という the clause about the named hero.
"""

from __future__ import annotations

import re

from bot.providers.offline.lang.base import Facts
from bot.providers.offline.lang.ja_read import COND, PLACES, place_kind
from bot.providers.offline.model import Noun

KINDS = (
    "キツネ 狐 きつね ドラゴン 竜 ロボット ネズミ ねずみ 猫 ねこ ネコ 犬 いぬ イヌ 子ども "
    "子供 友だち 友達 ともだち 船乗り 女の子 男の子 少年 少女 魔女 魔法使い 騎士 うさぎ "
    "ウサギ くま クマ "
    "熊 鳥 フクロウ ペンギン 恐竜 おばけ 幽霊 海賊 王女 王子 お姫さま 姫 おばあさん おじいさん "
    "カエル かえる タヌキ たぬき リス りす 子猫 子犬 ひよこ ゾウ ぞう ライオン 妖精 人形 "
    "カラス からす ユニコーン 小鳥 ハムスター オオカミ おおかみ 狼 トラ 虎 サル 猿 カメ かめ "
    "イルカ クジラ 金魚 宇宙人 宇宙飛行士 王様 お姫様 忍者 探検家 発明家 兄弟 姉妹 "
    "雪だるま ぬいぐるみ 赤ちゃん 小人 巨人 天使"
).split()
"""What a first prompt's hero is: a katakana word in this list is a kind, not a name."""
ADJECTIVES = re.compile(
    r"(?:さびしい|寂しい|ひとりぼっちの|孤独な|小さな|小さい|ちいさな|大きな|年寄りの|年老いた|"
    r"若い|勇敢な|勇気のある|臆病な|こわがりの|優しい|やさしい|かわいい|元気な|賢い|古い|"
    r"不思議な|いたずら好きの|食いしん坊の|のんびりした|小さい)$"
)
COUNT = re.compile(r"^(二人|ふたり|2人|二匹|三人|さんにん|3人|三匹|四人|4人|四匹)の")
COUNTS = {"二": 2, "ふ": 2, "2": 2, "三": 3, "さ": 3, "3": 3, "四": 4, "4": 4}
WISH = ("友だち", "友達", "ともだち", "仲間", "家族", "お母さん", "お父さん")
GIRLS = ("女の子", "少女", "魔女", "王女", "お姫さま", "姫", "おばあさん")
BOYS = ("男の子", "少年", "王子", "おじいさん", "船乗り", "海賊")
FEAR = re.compile(r"([^、。をがは]+?)(?:が|を)(?:こわい|怖い|恐い|苦手な|こわがる|怖がる|おそれる)")
FEAR_PLACES = {
    "暗闇": Noun("暗い洞窟", "洞窟"),
    "暗やみ": Noun("暗い洞窟", "洞窟"),
    "くらやみ": Noun("暗い洞窟", "洞窟"),
    "夜": Noun("暗い洞窟", "洞窟"),
    "嵐": Noun("嵐の岬", "岬"),
    "雷": Noun("嵐の岬", "岬"),
    "水": Noun("深い湖", "湖"),
}
MADE = re.compile(r"(?:行く|向かう|飛ぶ)?([^、。をがはのへに]+?)を(?:作|つく|組み立て|造)")
WANT = re.compile(r"^([^、。]+?)が(?:ほしい|欲しい)")
REACH = re.compile(r"([^、。をがはの]+?)(?:へ|に)(?:行|向か|飛|たどり着|旅立)")


def refine(text: str, facts: Facts) -> None:
    """Correct ``facts`` read by the general reader when the premise names nobody."""
    text = "".join(text.split()).rstrip("。.！!？?…")
    named = re.search(r"という([^、。がはを]+?)(?:が|は|、)", text)
    if named is not None and not any(p.title for p in facts.people):
        # エンバーというドラゴンは暗闇がこわい: the kind is no second person, and the
        # clause after it says what the named hero fears, seeks or wants
        facts.people = [p for p in facts.people if p.name != named[1] and p.name not in KINDS]
        if len(facts.people) == 1:
            _clause(text[named.end() :], facts, named=True)
        return
    if "という" in text or any(p.title for p in facts.people):
        return
    subject = _subject(text)
    if subject is None:
        return
    kind, count, rest = subject
    facts.people = [p for p in facts.people if p.name not in kind.words]
    if facts.people:
        return  # someone named after all: the general reading stands
    facts.hero_kind, facts.heroes = kind, count
    facts.hero_gender = (
        "f" if kind.head in GIRLS else "m" if kind.head in BOYS and count == 1 else ""
    )
    facts.things = [t for t in facts.things if t.head != kind.head]
    pair = re.fullmatch(rf"{kind.words}と({'|'.join(KINDS)})", text)
    if pair is not None:
        facts.ally_kind = Noun(pair[1], pair[1])
        facts.people = []
    _clause(rest, facts, named=False)


def _clause(rest: str, facts: Facts, *, named: bool) -> None:
    """What the hero fears, where they go, or what they look for, from the clause about them.

    After a name (``named``) the general reader's goal stands if it has one:
    トムという猫が灯台を守る keeps its lighthouse to guard.
    """
    if _fear(rest, facts):
        return
    goal = facts.goal_thing
    if named and (facts.goal_place is not None or (goal is not None and goal.head not in WISH)):
        return
    reach = REACH.search(rest)
    if reach is not None and place_kind(reach[1]) != "city":
        _go(facts, Noun(reach[1], reach[1]))
        made = MADE.search(rest)
        if made is not None:  # 月へ行くロケットを作る: the rocket is how they go
            facts.made = Noun(made[1], made[1])
            facts.things = [t for t in facts.things if t.head != made[1]]
        return
    skill = _skill(rest)
    if skill:  # 空を飛びたい: something to learn to do
        facts.skill, facts.goal_verb = skill, "learn"
        facts.goal_thing, facts.goal_place = None, None
        return
    wanted = WANT.search(rest)
    if "を" not in rest and wanted is None:
        return
    # the clause starts with its object (鍵を集める, 貝がらを集める: が and に inside words too)
    words = wanted[1] if wanted is not None else rest[: rest.index("を")].split("、")[-1]
    where = re.match(r"(.+?)で(.+)", words)
    if where is not None and place_kind(where[1]) != "city":
        words = where[2]  # 森で宝物をさがす: the forest is where, the treasure is what
    cond = next(((prefix, c) for prefix, c in COND if words.startswith(prefix)), ("", ""))
    head = words[len(cond[0]) :] or words
    noun = Noun(words, head)
    if head in WISH:
        facts.wish, facts.goal_thing, facts.goal_verb = Noun(head, head), None, "meet"
        facts.goal_place = None
    elif place_kind(head) != "city" and head in PLACES:
        _go(facts, noun)
    else:
        facts.goal_verb, facts.goal_thing, facts.goal_place = "find", noun, None
        facts.cond = cond[1]


U_ROW = dict(zip("いきぎしちにびみり", "うくぐすつぬぶむる", strict=True))


def _skill(rest: str) -> str:
    """ "空を飛びたい" -> 空を飛ぶ: what the hero wants to be able to do (not a place to see)."""
    found = re.fullmatch(r"(?:(.+?)を)?(.+?)たい", rest)
    if found is None or "が" in rest or "ように" in rest:
        return ""
    obj, stem = found[1] or "", found[2]
    if obj and place_kind(obj) != "city":
        return ""  # 海を見たい: a place to reach, read elsewhere
    verb = stem[:-1] + U_ROW[stem[-1]] if stem[-1] in U_ROW else stem + "る"
    return f"{obj}を{verb}" if obj else verb


def _subject(text: str) -> tuple[Noun, int, str] | None:
    """The hero's kind (with its adjectives), how many, and the rest of the premise."""
    count_at = COUNT.match(text)
    start = count_at.end() if count_at else 0
    count = COUNTS.get(count_at[1][0], 1) if count_at else 1
    for kind in sorted(KINDS, key=len, reverse=True):
        if text.startswith(kind, start) and text[start + len(kind) :].startswith(("が", "は")):
            return Noun(kind, kind), count, text[start + len(kind) + 1 :]
    pair = re.fullmatch(rf"({'|'.join(KINDS)})と({'|'.join(KINDS)})", text[start:])
    if pair is not None:  # 男の子と犬: a hero and a companion, and nothing more said
        return Noun(pair[1], pair[1]), count, ""
    ending = next((k for k in sorted(KINDS, key=len, reverse=True) if text.endswith(k)), "")
    if not ending:
        return None
    clause = text[: -len(ending)]
    counted = re.search(r"(二人|ふたり|2人|二匹|三人|3人|三匹|四人|4人|四匹)の$", clause)
    if counted:
        count = COUNTS.get(counted[1][0], 1)
        clause = clause[: counted.start()]
    adjective = ADJECTIVES.search(clause)
    words = ending
    if adjective:
        words = adjective[0] + ending
        clause = clause[: adjective.start()]
    return Noun(words, ending), count, clause


def _go(facts: Facts, place: Noun) -> None:
    facts.places = [p for p in facts.places if p[0].head != place.head]
    facts.things = [t for t in facts.things if t.head != place.head]
    facts.goal_verb, facts.goal_thing = "reach", None
    facts.goal_place = (place, place_kind(place.words))


def _fear(rest: str, facts: Facts) -> bool:
    found = FEAR.search(rest)
    if found is None:
        return False
    fear = found[1]
    facts.fear = Noun(fear, fear)
    place = FEAR_PLACES.get(fear, Noun(f"{fear}の洞窟", "洞窟"))
    kind = "coast" if place.head == "岬" else place_kind(place.words)
    facts.goal_place = (Noun(place.words, place.head), kind)
    facts.goal_verb, facts.goal_thing, facts.goal_person = "face", None, ""
    facts.things = [t for t in facts.things if t.head != fear]
    facts.places = [p for p in facts.places if p[0].head != fear]
    return True
