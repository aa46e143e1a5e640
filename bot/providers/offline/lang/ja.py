"""Japanese: names with their titles, nouns without articles, particles in the phrases.

Japanese needs no declension: the phrases carry the particles ("{H}は", "{O}を",
"{P}で"). What the grammar decides is how a person is named: a title before
the name with の ("探偵のプリヤ・ナイル") or after it ("オカフォー氏",
"イゾルデ姫"), the full name on first mention in a part if they have been
away, and the short one after ("プリヤ"). Narration is in the plain past
(だ・である調), sentences are joined without spaces.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.providers.offline.lang import ja_names, ja_read, ja_shape, ja_steer
from bot.providers.offline.lang.base import Facts, Names, Slots, Steer
from bot.providers.offline.lang.ja_phrases import PHRASES
from bot.providers.offline.model import Character, Noun, Place, Story

GOALS = {
    "find": "{O}を見つける",
    "catch": "{O}を盗んだ犯人を捕まえる",
    "solve": "{O}の謎を解く",
    "protect": "{O}を守る",
    "deliver": "{O}を無事に届ける",
    "win": "{O}を勝ち取る",
    "repair": "{O}を直す",
    "free": "{O}の呪いを解く",
    "stop": "{O}を止める",
    "rescue": "{G}を救い出す",
    "reach": "{Z}にたどり着く",
    "face": "{T}に立ち向かう",
    "meet": "{T}を見つける",
    "learn": "{T}ことを覚える",
}
TONES = {"warm": "あたたかい", "eerie": "不気味な", "funny": "おかしな", "tense": "張りつめた"}


def _parts(name: str) -> list[str]:
    return [p for p in name.replace(" ", "・").split("・") if p]


class Japanese:
    code = "ja"
    heading = "次はどうなる？"
    the_end = "おしまい"
    things_by_gender = False
    phrases: Mapping[str, Sequence[str]] = PHRASES

    def names(self, genre: str) -> Names:
        return ja_names.NAMES.get(genre, ja_names.NAMES["everyday"])

    def character(self, slots: Slots, who: Character, form: str) -> str:
        if form in ("kind", "a"):
            return who.kind.words if who.kind else ""
        clash = slots.story.clashing(who)
        if form in ("full", "short"):
            slots.first(who.id)
            return self.full(who) if form == "full" or clash else self.short(who)
        first = slots.first(who.id)
        part = slots.story.plot.part
        fresh = who.seen == 0 or part - who.last > 3 or (who.role == "hero" and part <= 1)
        return self.full(who) if (first and fresh) or clash else self.short(who)

    def full(self, who: Character) -> str:
        title = who.title
        if not title:
            return who.name
        return f"{title}{who.name}" if title.endswith("の") else f"{who.name}{title}"

    def short(self, who: Character) -> str:
        parts = _parts(who.name)
        title = who.title
        if who.role == "hero" or not title:
            return parts[0] if parts else who.name
        if title.endswith("の"):
            return parts[0]
        return f"{parts[-1]}{title}"

    def forms(self, who: Character) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.full(who), self.short(who))))

    def pronoun(self, who: Character) -> str:
        return ""

    def thing(self, slots: Slots, noun: Noun, key: str, form: str) -> str:
        if form == "bare" or form == "short":
            slots.first(key)
            return noun.head or noun.words
        first = slots.first(key)
        return noun.words if form == "full" or first else (noun.head or noun.words)

    def place(self, slots: Slots, place: Place, form: str) -> str:
        slots.first(place.id)
        return place.noun.words

    def special(self, slots: Slots, name: str, form: str) -> str | None:
        story = slots.story
        if name == "team":
            return "と".join(self.character(slots, m, "") for m in slots.members())
        if name == "they":
            here = [c for c in story.cast if c.status == "here"]
            return "二人" if len(here) == 2 else "みんな"
        if name == "both":
            return "二人とも" if len(slots.members()) == 2 else "全員"
        if name == "goal":
            return slots.render(GOALS.get(story.goal.verb, GOALS["find"]))
        if name == "tone":
            return TONES.get(story.tone, story.tone)
        return None

    def finish(self, text: str) -> str:
        return " ".join(text.split())

    def join(self, sentences: Sequence[str]) -> str:
        return "".join(sentences)

    def join_names(self, names: Sequence[str]) -> str:
        return "、".join(names)

    def again(self, sentence: str) -> str:
        return f"またしても、{sentence}"

    def read_premise(self, premise: str) -> Facts:
        facts = ja_read.read_premise(premise)
        ja_shape.refine(premise, facts)
        return facts

    def read_direction(self, direction: str, story: Story) -> Steer | None:
        return ja_steer.read_direction(direction, story)

    def names_in(self, text: str) -> list[str]:
        return ja_steer.names_and_places(text)[0]

    def place_kind(self, noun: Noun) -> str:
        return ja_read.place_kind(noun.words)
