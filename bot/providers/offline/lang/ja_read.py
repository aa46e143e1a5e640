"""Reading Japanese: premises into facts, directions into events, names out of story text.

Names are katakana runs (joined by ・) or kanji before an honorific; a title
stands before a name with の ("探偵のプリヤ・ナイル") or after it
("オカフォー氏"). The goal is what stands before を and the verb after it;
places are what stands before で, へ or から, or ends in a place word
(城, 港, 森, 海岸...). Verbs are put into the past (た形) to retell a direction.
"""

from __future__ import annotations

import re

from bot.providers.offline.lang.base import Facts, Person
from bot.providers.offline.model import Noun

KATAKANA = r"[ァ-ヶー][ァ-ヶー・]*[ァ-ヶー]|[ァ-ヶ]"
PREFIX_TITLES = (
    "探偵",
    "船長",
    "警部",
    "刑事",
    "博士",
    "教授",
    "先生",
    "騎士",
    "魔女",
    "魔法使い",
    "司令官",
    "隊長",
)
SUFFIX_TITLES = (
    "夫人",
    "氏",
    "博士",
    "教授",
    "姫",
    "王子",
    "男爵",
    "伯爵",
    "公爵",
    "卿",
    "さん",
    "様",
    "先生",
    "船長",
    "警部",
    "探偵",
    "司令官",
    "隊長",
    "女王",
    "王",
)
FEMALE_TITLES = frozenset("夫人 姫 女王 魔女".split())
MALE_TITLES = frozenset("王子 男爵 伯爵 公爵 卿 王".split())
PLACES = {
    "美術館": "museum",
    "博物館": "museum",
    "図書館": "library",
    "灯台": "lighthouse",
    "港": "harbour",
    "波止場": "harbour",
    "倉庫": "harbour",
    "海岸": "coast",
    "浜": "coast",
    "島": "island",
    "森": "forest",
    "林": "forest",
    "町": "city",
    "街": "city",
    "市": "city",
    "村": "village",
    "城": "castle",
    "宮殿": "castle",
    "館": "manor",
    "屋敷": "manor",
    "塔": "tower",
    "時計塔": "tower",
    "基地": "station",
    "ステーション": "station",
    "コロニー": "station",
    "船": "ship",
    "山": "mountain",
    "丘": "mountain",
    "洞窟": "cave",
    "遺跡": "ruins",
    "神殿": "ruins",
    "市場": "market",
    "広場": "market",
    "庭": "garden",
    "公園": "garden",
    "墓地": "garden",
    "学校": "school",
    "湖": "lake",
    "川": "lake",
    "海": "sea",
    "砂漠": "desert",
    "月": "planet",
    "研究所": "lab",
    "宿": "inn",
    "酒場": "inn",
    "店": "inn",
    "劇場": "theatre",
    "駅": "terminal",
    "農場": "farm",
    "礼拝堂": "ruins",
    "屋根裏": "manor",
    "地下室": "manor",
    "渓谷": "desert",
    "デッキ": "station",
}
VERBS = (
    ("取り戻", "find"),
    ("取り返", "find"),
    ("見つけ", "find"),
    ("探", "find"),
    ("捜", "find"),
    ("守", "protect"),
    ("見張", "protect"),
    ("直", "repair"),
    ("修理", "repair"),
    ("返", "deliver"),
    ("届け", "deliver"),
    ("救", "rescue"),
    ("助け", "rescue"),
    ("止め", "stop"),
    ("捕まえ", "catch"),
    ("解", "free"),
    ("勝", "win"),
    ("たどり着", "reach"),
)
COND = (
    ("盗まれた", "stolen"),
    ("なくした", "lost"),
    ("なくなった", "lost"),
    ("失われた", "lost"),
    ("消えた", "lost"),
    ("行方不明の", "lost"),
    ("壊れた", "broken"),
    ("呪われた", "cursed"),
    ("隠された", "hidden"),
)
PERSON = re.compile(
    rf"(?:({'|'.join(PREFIX_TITLES)})の)?({KATAKANA})({'|'.join(SUFFIX_TITLES)})?"
    rf"|([一-龯]{{1,4}})({'|'.join(SUFFIX_TITLES)})"
)
_NAMED = re.compile(rf"({KATAKANA})という([^、。がはを]+?)(?:が|は|、)")
_KIND_OF = re.compile(rf"(猫|犬|ロボット|竜|狐|フクロウ|馬|相棒)の({KATAKANA})")


def place_kind(words: str) -> str:
    for suffix in sorted(PLACES, key=len, reverse=True):
        if words.endswith(suffix):
            return PLACES[suffix]
    return "city"


def head_noun(words: str) -> str:
    match = re.search(rf"(?:{KATAKANA}|[一-龯々]{{1,4}})$", words)
    return match[0] if match else words


def _gender(title: str, name: str) -> str:
    if title.rstrip("の") in FEMALE_TITLES:
        return "f"
    if title.rstrip("の") in MALE_TITLES:
        return "m"
    first = name.split("・")[0]
    return (
        "f"
        if first.endswith(("ア", "ナ", "ラ", "カ", "ミ", "リ", "ユ", "エ", "ヤ", "ン", "デ"))
        else "m"
    )


def person_of(prefix: str, name: str, suffix: str, kind: Noun | None = None) -> Person:
    title = f"{prefix}の" if prefix else suffix
    return Person(name, title, _gender(title, name), kind)


def read_premise(premise: str) -> Facts:
    text = " ".join(premise.split())[:400]
    facts = Facts()
    taken: list[tuple[int, int]] = []
    people: list[tuple[int, Person]] = []
    for match in _NAMED.finditer(text):
        kind = match[2].strip()
        people.append(
            (
                match.start(),
                Person(match[1], "", "f" if "女" in kind else "", Noun(kind, head_noun(kind))),
            )
        )
        taken.append(match.span(1))
    for match in _KIND_OF.finditer(text):
        people.append((match.start(2), Person(match[2], "", "m", Noun(match[1], match[1]))))
        taken.append(match.span(2))
    goal = re.search(
        r"([^、。はがでとへに]+?)を([^、。]*?)(?:なければならない|たい|ている|る|す|う|つ|く|ぐ|む|ぶ|ぬ)",
        text,
    )
    goal_span = goal.span(1) if goal else (-1, -1)
    source = ""
    if goal and "から" in goal[1]:
        source = goal[1].split("から")[0]
        goal_span = (goal.start(1) + len(source) + 2, goal_span[1])
    for match in PERSON.finditer(text):
        start, end = match.span()
        if any(a <= start < b for a, b in taken) or goal_span[0] <= start < goal_span[1]:
            continue
        name = match[2] or match[4]
        after = text[end : end + 3]
        if not (match[3] or match[5]) and any(after.startswith(suffix) for suffix in PLACES):
            continue
        if match[2] and not match[1] and not match[3]:
            if (
                after.startswith(("で", "へ", "から", "まで"))
                or place_kind(name) != "city"
                or after.startswith("の")
            ):
                continue
        people.append((start, person_of(match[1] or "", name, match[3] or match[5] or "")))
    for match in re.finditer(r"([^、。はがをにとでへ]+?)(?:で|へ|から|にある)", text):
        words = match[1].split("の")[-1] if "の" in match[1] else match[1]
        if words in PLACES and "の" in match[1]:
            words = match[1]
        if any(words in p.name for _, p in people):
            continue
        if re.fullmatch(KATAKANA, words) or place_kind(words) != "city":
            facts.places.append((Noun(words, words), place_kind(words)))
    people.sort(key=lambda item: item[0])
    for start, person in people:
        after = text[start + len(person.name) : start + len(person.name) + 6]
        if after.lstrip(person.title).startswith(("から", "に対抗", "と戦")):
            person.role = "rival"
        facts.people.append(person)
    if goal:
        _goal(goal[1].strip()[len(source) + 2 if source else 0 :], goal[2], facts)
    return facts


def _goal(obj: str, verb: str, facts: Facts) -> None:
    if "の" in obj:
        owner, _, rest = obj.partition("の")
        if place_kind(owner) != "city" or re.fullmatch(KATAKANA, owner):
            facts.places.append((Noun(owner, owner), place_kind(owner)))
            obj = rest
    facts.cond = next((c for prefix, c in COND if obj.startswith(prefix)), "")
    verb = re.split(r"[へにで]", verb)[-1]
    facts.goal_verb = next((g for stem, g in VERBS if verb.startswith(stem)), "find")
    noun = Noun(obj, head_noun(obj))
    if facts.goal_verb == "reach":
        facts.goal_place = (noun, place_kind(obj))
    else:
        facts.goal_thing = noun
        if not facts.places and place_kind(noun.head) != "city":
            facts.places.append((Noun(noun.words, noun.head), place_kind(noun.head)))


# --- Directions ---------------------------------------------------------------------------
