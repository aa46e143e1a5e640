"""Reading a written story's text as a reader would: sentences, names, stock lines.

Sentences are split here (not by the storyteller's own reader), names are
looked for in the forms the premise and the directions give them, and options
are the numbered lines the engine shows as buttons.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.providers.story_text import strip_choices

if TYPE_CHECKING:
    from bench.story_quality import Written

_WESTERN = re.compile(r"\S.*?(?:[.!?…]+[”“\"’»)]*(?=\s|$)|$)")
_ABBREVIATION = re.compile(r"\b(Mr|Mrs|Ms|Dr|M|St)\. ")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
JA_SPEAKER = re.compile(r"」と([ァ-ヶー・]{2,}(?:氏|夫人|博士|教授|船長|警部|姫)?)(?:は|が)")
SPEAKER = re.compile(
    r"\b(?:said|asked|sagte|fragte|dit|demanda|répondit)\s+((?:(?:Mr\.|Mrs\.|Dr\.|M\.|Mme|Lady|"
    r"Herr|Frau|[A-ZÄÖÜÉ][\w'’-]+)\s?){1,3})"
)
ENDINGS = ("The End.", "Ende.", "Fin.", "おしまい")


@dataclass(slots=True)
class Totals:
    stories: int = 0
    repeated: int = 0
    stock: int = 0
    parts: int = 0
    hero_parts: int = 0
    windows: int = 0
    goal_windows: int = 0
    endings: int = 0
    goal_endings: int = 0
    directions: int = 0
    taken_up: int = 0
    contradicted: int = 0
    invalid_options: int = 0
    recap_items: int = 0
    recap_hits: int = 0
    mangled: int = 0
    kind_stories: int = 0
    kind_first: int = 0
    ms: list[float] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        def share(part: int, whole: int) -> float:
            return round(100 * part / whole, 1) if whole else 100.0

        stories = max(1, self.stories)
        return {
            "repeated": round(self.repeated / stories, 2),
            "stock": round(self.stock / stories, 2),
            "hero": share(self.hero_parts, self.parts),
            "goal_windows": share(self.goal_windows, self.windows),
            "goal_ending": share(self.goal_endings, self.endings),
            "uptake": share(self.taken_up, self.directions),
            "contradicted": self.contradicted,
            "invalid_options": self.invalid_options,
            "recap": share(self.recap_hits, self.recap_items),
            "mangled": self.mangled,
            "kind_first": share(self.kind_first, self.kind_stories),
        }

    def note(self, text: str) -> None:
        if len(self.examples) < 40:
            self.examples.append(text[:300])


def sentences(text: str, lang: str) -> list[str]:
    if lang == "ja":
        out, current, depth = [], "", 0
        flat = text.replace("\n", "")
        for index, char in enumerate(flat):
            current += char
            depth += char == "「"
            depth -= char == "」" and depth > 0
            following = flat[index + 1 : index + 2]
            ends_quote = (
                char == "」"
                and depth == 0
                and following
                and following not in "とってはがをにものや、。！？」"
            )
            if (char in "。！？" and depth == 0) or ends_quote:
                out.append(current.strip())
                current = ""
        return [s for s in [*out, current.strip()] if s]
    flat = _ABBREVIATION.sub("\\1\u2024 ", " ".join(text.split()))
    return [s.strip().replace("\u2024", ".") for s in _WESTERN.findall(flat) if s.strip()]


def body(text: str) -> str:
    text = strip_choices(text)
    for end in ENDINGS:
        text = text.removesuffix(end).rstrip()
    return text


def has(text: str, forms: tuple[str, ...] | list[str]) -> bool:
    """Whether ``text`` names one of ``forms`` (as whole words, except in Japanese)."""
    lowered = text.lower()
    for form in forms:
        if not form or form.lower() not in lowered:
            continue
        if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", form):
            return True
        if re.search(rf"(?<!\w){re.escape(form.lower())}(?!\w)", lowered):
            return True
    return False


def has_word(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` is in ``text`` as a word (Japanese: anywhere)."""
    return has(text, words)


def name_forms(name: str) -> tuple[str, ...]:
    """A name as a reader would recognise it: whole, or by its last or first real word."""
    parts = [p for p in re.split(r"[\s・]+", name) if p]
    titles = {
        "mr.",
        "mrs.",
        "dr.",
        "m.",
        "mme",
        "lady",
        "herr",
        "frau",
        "la",
        "le",
        "captain",
        "kapitänin",
        "capitaine",
        "doktor",
        "docteur",
    }
    core = [p for p in parts if p.lower() not in titles] or parts
    ja = re.sub(r"(夫人|氏|博士|教授|船長|警部|姫)$", "", name)
    return tuple(dict.fromkeys([name, core[-1], core[0], ja]))


def variety(lang: str, texts: list[str], masked_words: set[str], totals: Totals) -> None:
    """Repeated sentences, and stock lines: sentences alike enough to be one line reused.

    Two sentences are one stock line when, with names and the premise's own
    words masked, at least half of their word pairs (character pairs in
    Japanese) are shared. A stock line used three times or more is counted.
    """
    said: set[str] = set()
    shapes: list[tuple[str, set[tuple[str, str]]]] = []
    for text in texts:
        for sentence in sentences(text, lang):
            flat = " ".join(sentence.lower().split())
            long_enough = len(flat) >= 8 if lang == "ja" else len(flat.split()) >= 4
            if long_enough and flat in said:
                totals.repeated += 1
                totals.note(f"repeated: {sentence}")
            said.add(flat)
            units = _units(lang, sentence, masked_words)
            if len(units) >= (8 if lang == "ja" else 5):
                shapes.append((sentence, set(itertools.pairwise(units))))
    parent = list(range(len(shapes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index: dict[tuple[str, str], list[int]] = {}
    for number, (_, pairs) in enumerate(shapes):
        for pair in pairs:
            index.setdefault(pair, []).append(number)
    for number, (_, pairs) in enumerate(shapes):
        shared: dict[int, int] = {}
        for pair in pairs:
            for other in index[pair]:
                if other < number:
                    shared[other] = shared.get(other, 0) + 1
        for other, count in shared.items():
            union = len(pairs) + len(shapes[other][1]) - count
            if count >= 0.5 * union:
                parent[root(number)] = root(other)
    clusters: dict[int, list[str]] = {}
    for number, (sentence, _) in enumerate(shapes):
        clusters.setdefault(root(number), []).append(sentence)
    for members in clusters.values():
        if len(members) > 2:
            totals.stock += 1
            totals.note(f"stock x{len(members)}: {' | '.join(members[:3])}")


def _units(lang: str, sentence: str, masked: set[str]) -> list[str]:
    """Words (Japanese: characters) with names and the premise's words masked as one X."""
    if lang == "ja":
        text = re.sub(r"[ァ-ヶー・]{2,}", "X", sentence)
        for word in masked:
            text = text.replace(word, "X")
        units = [c for c in text if not c.isspace() and c not in "、。「」！？"]
    else:
        words = WORD.findall(sentence)
        units = [
            "X" if (i and w[:1].isupper() and lang != "de") or w.lower() in masked else w.lower()
            for i, w in enumerate(words)
        ]
    out: list[str] = []
    for unit in units:
        if not (unit == "X" and out and out[-1] == "X"):
            out.append(unit)
    return out


def premise_words(lang: str, story: Written) -> set[str]:
    """The story's own names and nouns: the premise's longer words and the readers' names."""
    premise = story.premise
    if lang == "ja":
        runs = re.findall(
            r"[ァ-ヶー・]{2,}|[一-龯々]{2,}", " ".join([premise.text, *story.newcomers])
        )
        return {
            w for w in (*runs, *premise.goal, *premise.places, *premise.hero, *premise.ally) if w
        }
    words = WORD.findall(" ".join([premise.text, *story.newcomers]))
    return {w.lower() for w in words if len(w) >= 4}
