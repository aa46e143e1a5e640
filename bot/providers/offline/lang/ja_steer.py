"""Reading a direction in Japanese: the change it makes to the story, and retelling it."""

from __future__ import annotations

import re

from bot.providers.offline.lang.base import Person, Steer
from bot.providers.offline.lang.ja_read import (
    KATAKANA,
    PERSON,
    PREFIX_TITLES,
    SUFFIX_TITLES,
    head_noun,
    person_of,
    place_kind,
)
from bot.providers.offline.model import Noun, Story

_TONE = re.compile(r"もっと(怖|不気味|面白|楽し|おかし|ハラハラ|ドキドキ|優し|温か|あたたか)")
_TONES = {
    "怖": "eerie",
    "不気味": "eerie",
    "面白": "funny",
    "楽し": "funny",
    "おかし": "funny",
    "ハラハラ": "tense",
    "ドキドキ": "tense",
    "優し": "warm",
    "温か": "warm",
    "あたたか": "warm",
}
_ROLE = "(?:犯人|泥棒|黒幕|裏切り者|誘拐犯)"
_NAME = rf"((?:(?:{'|'.join(PREFIX_TITLES)})の)?(?:{KATAKANA})(?:{'|'.join(SUFFIX_TITLES)})?)"
_REVEAL = (
    re.compile(rf"^{_ROLE}は{_NAME}"),
    re.compile(rf"^{_NAME}(?:が|こそ){_ROLE}"),
    re.compile(rf"^{_NAME}が.+を盗んだ"),
)
_PATTERNS = (
    (
        re.compile(
            rf"^{_NAME}(?:は|が)?.*(?:去る|帰る|いなくなる|出ていく|立ち去る|別れる|去った)"
        ),
        "leave",
    ),
    (re.compile(rf"^{_NAME}が(?:さらわれ|捕ま|連れ去られ|閉じ込められ)"), "capture"),
    (re.compile(rf"^{_NAME}が(?:裏切)"), "betray"),
    (re.compile(rf"^{_NAME}が(?:助けてくれ|味方にな|手伝)"), "befriend"),
    (re.compile(rf"^{_NAME}が.*(?:やって来|来る|現れ|加わ|仲間にな|訪ねて|到着)"), "join"),
)
_MOVE = re.compile(
    r"^(?:みんなで|二人は|一行は)?(.+?)(?:へ|に)(?:向かう|行く|戻る|急ぐ|移動する|出かける)"
)
_FIND = re.compile(r"^(?:.+?は)?(.+?)を(?:見つける|発見する|見つけた)")
_WEATHER = (
    (re.compile("嵐|雷|暴風"), "storm"),
    (re.compile("雨"), "rain"),
    (re.compile("雪"), "snow"),
    (re.compile("霧"), "fog"),
    (re.compile("停電|真っ暗|暗闇|明かりが消え"), "dark"),
)


def _named(text: str) -> Person:
    match = PERSON.fullmatch(text)
    if match is None:
        return Person(text)
    return person_of(match[1] or "", match[2] or match[4] or text, match[3] or match[5] or "")


def read_direction(direction: str, story: Story) -> Steer | None:
    text = " ".join(direction.split()).strip(" 。！？!?")[:200]
    if not text:
        return None
    tone = _TONE.search(text)
    if tone:
        return Steer("tone", word=_TONES[tone[1]])
    for pattern in _REVEAL:
        found = pattern.search(text)
        if found:
            return Steer("reveal", person=_named(found[1]))
    for pattern, kind in _PATTERNS:
        found = pattern.search(text)
        if found:
            return Steer(kind, person=_named(found[1]), told=retell(text, story))
    found = _MOVE.match(text)
    if found:
        words = found[1]
        return Steer("move", place=(Noun(words, head_noun(words)), place_kind(words)))
    found = _FIND.match(text)
    if found:
        words = found[1]
        return Steer("find", thing=Noun(words, head_noun(words)))
    for pattern, word in _WEATHER:
        if pattern.search(text) and len(text) <= 20:
            return Steer("weather", word=word)
    told = retell(text, story)
    return Steer("act", told=told) if told else None


_GODAN_RU = (
    "登る",
    "走る",
    "帰る",
    "入る",
    "守る",
    "戻る",
    "乗る",
    "切る",
    "知る",
    "取る",
    "作る",
    "送る",
    "残る",
    "眠る",
    "踊る",
    "祈る",
    "光る",
    "鳴る",
    "破る",
    "握る",
    "渡る",
    "探る",
    "がる",
    "まる",
    "ぐる",
    "通る",
    "滑る",
    "減る",
    "要る",
    "喋る",
    "蹴る",
)
_ICHIDAN_KANJI = ("見る", "寝る", "着る", "出る", "居る", "似る", "煮る", "得る", "経る")
_ENDINGS = (
    ("する", "した"),
    ("くる", "きた"),
    ("来る", "来た"),
    ("行く", "行った"),
    ("いく", "いった"),
    ("ている", "ていた"),
    ("でいる", "でいた"),
    ("だ", "だった"),
    ("です", "だった"),
    ("う", "った"),
    ("つ", "った"),
    ("む", "んだ"),
    ("ぶ", "んだ"),
    ("ぬ", "んだ"),
    ("く", "いた"),
    ("ぐ", "いだ"),
    ("す", "した"),
)


def past(sentence: str) -> str:
    """A sentence ending in a plain present verb, put into the past ("登る" -> "登った")."""
    if sentence.endswith(("た", "だ", "った")) and not sentence.endswith("ただ"):
        return sentence
    for ending, changed in _ENDINGS:
        if sentence.endswith(ending):
            return sentence[: -len(ending)] + changed
    if sentence.endswith("る"):
        if sentence.endswith(_ICHIDAN_KANJI):
            return sentence[:-1] + "た"
        if sentence.endswith(_GODAN_RU) or re.search(r"[一-龯]る$", sentence):
            return sentence[:-1] + "った"
        return sentence[:-1] + "た"
    return ""


def retell(text: str, story: Story) -> str:
    """The direction as a sentence of the story, in the past ("" if it cannot be told)."""
    changed = past(text)
    if not changed:
        return ""
    if not re.search(r"(?:は|が)", changed[:12]):
        hero = story.hero
        first = hero.name.split("・")[0]
        changed = f"{first}は{changed}"
    return changed + "。"


def names_and_places(text: str) -> tuple[list[str], list[str]]:
    """People and places named in Japanese story text."""
    names: list[str] = []
    places: list[str] = []
    for match in PERSON.finditer(text[:4000]):
        name = match[0]
        after = text[match.end() : match.end() + 2]
        if not (match[1] or match[3] or match[5]) and after.startswith(
            ("で", "へ", "から", "まで")
        ):
            places.append(name)
        elif place_kind(name) != "city" and not (match[1] or match[3]):
            places.append(name)
        elif after[:1] in "はがをにとのもや、」" or match[1] or match[3] or match[5]:
            names.append(name)
    return list(dict.fromkeys(names)), list(dict.fromkeys(places))
