"""The built-in offline storyteller: short stories from sentence pools, no network.

It lets the bot work with no language model configured, and keeps it working
when the model is down (it is the default fallback). It cannot understand a
prompt, so it does the next best thing: it pulls names, places and objects out
of the premise with a few regular-expression heuristics and weaves them into
genre sentence pools (:mod:`bot.providers.offline_pools`). The reading side,
which the engine also uses for every storyteller, is :mod:`bot.providers.story_text`.
"""

from __future__ import annotations

import asyncio
import random
import re
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass

from bot.providers import offline_pools as pools
from bot.providers.base import Generation, StoryContext, Task, Usage, estimate_tokens
from bot.providers.story_text import (
    CHOICES_HEADING,
    MAX_OPTION_CHARS,
    OPTION_VERBS,
    THE_END,
    clip,
    find_entities,
    merge_phrases,
    parse_choices,
    phrase_key,
    quotable,
    read_summary,
    split_sentences,
    story_body,
    strip_choices,
    summarise,
    word_count,
)
from bot.story_settings import WORDS_PER_PART

__all__ = [
    "CHOICES_HEADING",
    "OPTION_VERBS",
    "OfflineStoryteller",
    "find_entities",
    "parse_choices",
    "read_summary",
    "strip_choices",
    "summarise",
    "tell",
]

_MAKE_IT = re.compile(r"^(?:please\s+)?make\s+(?:it|the story|this)\s+(.+)$", re.I)


# --- Writing --------------------------------------------------------------------------


def pool_for(genre: str) -> pools.Pool:
    """The sentence pool for a free-text genre; unknown genres get the generic pool."""
    lowered = genre.lower().strip()
    if lowered in pools.GENRES:
        return pools.GENRES[lowered]
    for hint, name in pools.GENRE_HINTS:
        if hint in lowered:
            return pools.GENRES[name]
    return pools.GENERIC


def _with_article(noun: str) -> str:
    lowered = noun.lower()
    vowel = lowered[:1] in set("aeiou") and not lowered.startswith(("uni", "use", "one", "eu"))
    return f"{'an' if vowel or lowered.startswith(('hour', 'honest', 'heir')) else 'a'} {noun}"


def _definite(phrase: str) -> str:
    return phrase if phrase.lower().startswith("the ") else f"the {phrase}"


def _capitalise(sentence: str) -> str:
    for position, char in enumerate(sentence):
        if char.isalpha():
            return sentence[:position] + char.upper() + sentence[position + 1 :]
    return sentence


@dataclass(frozen=True, slots=True)
class Cast:
    """Who and what the story is about, recovered from everything the context says."""

    hero: str
    a_kind: str
    friends: tuple[str, ...]
    friend_is_new: bool
    a_companion: str
    places: tuple[str, ...]
    objects: tuple[str, ...]


def recover_cast(
    context: StoryContext, pool: pools.Pool, inventor: random.Random, direction: str = ""
) -> Cast:
    """The hero, friends, places and objects: premise, summary and recent parts, then invention.

    ``inventor`` depends only on the seed and premise, so what it invents (a
    hero name when the premise has none, a friend) is the same in every part.
    """
    invented = (
        inventor.choice(pools.HERO_NAMES),
        inventor.choice(pools.FRIEND_NAMES),
        inventor.choice(pool.companions),
        inventor.choice(pool.kinds),
        inventor.choice(pool.places),
        inventor.choice(pool.objects),
    )
    premise = find_entities(context.premise, premise=True)
    memory = read_summary(context.summary)
    recent = [find_entities(story_body(part)) for part in context.recent]
    steer = find_entities(direction)
    remembered = {phrase_key(name) for name in memory.cast}
    places = [
        place
        for place in merge_phrases(
            steer.places,
            steer.spots,
            memory.places,
            premise.places,
            premise.spots,
            *(r.places for r in recent),
        )
        if phrase_key(place) not in remembered
    ]
    place_keys = {phrase_key(place) for place in places}
    names = [
        name
        for name in merge_phrases(
            premise.names, memory.cast, *(r.names for r in recent), steer.names
        )
        if phrase_key(name) not in place_keys or phrase_key(name) in remembered
    ]
    hero = names[0] if names else invented[0]
    kind = premise.kinds.get(hero) or (premise.subject if hero not in premise.names else "")
    others = merge_phrases([n for n in steer.names if n != hero], names[1:])
    friend_is_new = not others
    if friend_is_new:
        others = [
            next(n for n in (invented[1], *pools.FRIEND_NAMES) if phrase_key(n) != phrase_key(hero))
        ]
    kinds = {phrase_key(k) for k in premise.kinds.values()} | (
        {phrase_key(kind)} if kind else set()
    )
    objects = [
        _definite(o)
        for o in premise.objects
        if phrase_key(o) not in kinds and phrase_key(_definite(o)) not in place_keys
    ]
    # A second, invented place and object give the middle of the story some variety.
    return Cast(
        hero=hero,
        a_kind=_with_article(kind or invented[3]),
        friends=tuple(others[:3]),
        friend_is_new=friend_is_new,
        a_companion=_with_article(invented[2]),
        places=tuple(merge_phrases(places, [invented[4]])[: max(2, min(len(places), 4))]),
        objects=tuple(merge_phrases(objects, [invented[5]])[: max(2, min(len(objects), 3))]),
    )


class _Writer:
    """Fills templates with the cast, rotating friends, places and objects."""

    def __init__(
        self, rng: random.Random, pool: pools.Pool, cast: Cast, tone: str, told: Iterable[str] = ()
    ) -> None:
        self.rng = rng
        self.pool = pool
        self.cast = cast
        self.tone = tone
        self.told = {" ".join(s.split()) for s in told}
        self.turns = {"friend": 0, "place": 0, "object": 0}
        self.scenes = list(pool.scenes + pools.GENERIC.scenes)
        rng.shuffle(self.scenes)

    def _next(self, what: str, values: tuple[str, ...]) -> str:
        value = values[self.turns[what] % len(values)]
        self.turns[what] += 1
        return value

    def say(self, template: str, **extra: str) -> str:
        values = {
            "hero": self.cast.hero,
            "a_kind": self.cast.a_kind,
            "a_companion": self.cast.a_companion,
            "tone": self.tone,
            "friend": self._next("friend", self.cast.friends) if "{friend}" in template else "",
            "place": self._next("place", self.cast.places) if "{place}" in template else "",
            "object": self._next("object", self.cast.objects) if "{object}" in template else "",
        }
        return _capitalise(template.format(**values, **extra))

    def pick(self, *groups: Sequence[str]) -> str:
        return self.say(self.rng.choice([t for group in groups for t in group]))

    def fill(self, words: int, at_least: int = 0) -> list[str]:
        """Scene sentences totalling about ``words``, preferring ones not told before."""
        out: list[str] = []
        for fresh_only in (True, False):
            for template in self.scenes:
                if word_count(" ".join(out)) >= words and len(out) >= at_least:
                    return out
                sentence = self.say(template)
                if sentence in out or (fresh_only and sentence in self.told):
                    continue
                out.append(sentence)
        return out

    def options(self) -> list[str]:
        """Three short imperatives with different verbs; the story's rotation is left untouched."""
        turns = dict(self.turns)
        try:
            return self._options()
        finally:
            self.turns = turns

    def _options(self) -> list[str]:
        templates = list(self.pool.options + pools.GENERIC.options)
        self.rng.shuffle(templates)
        templates.sort(key=lambda t: "{" not in t)
        chosen: list[str] = []
        verbs: set[str] = set()
        for template in templates:
            option = self.say(template)
            verb = option.split()[0]
            if len(option) <= MAX_OPTION_CHARS and verb not in verbs:
                chosen.append(option)
                verbs.add(verb)
            if len(chosen) == 3:
                return chosen
        return [*chosen, "Keep going", "Rest and think it over", "Look around carefully"][:3]

    def steer(self, direction: str) -> list[str]:
        """The first sentences of a later part: a bridge, or the reader's direction told."""
        wish = quotable(direction)
        if _MAKE_IT.match(wish):
            return [self.pick(pools.BRIDGES), self.pick(pools.TONE_LINES)]
        if (
            wish
            and wish.split()[0].lower() in OPTION_VERBS
            and (phrase_key(self.cast.hero) not in wish.lower())
        ):
            action = wish[0].lower() + wish[1:]
            return [
                self.say(self.rng.choice(pools.CHOSE), action=action),
                self.pick(pools.AFTER_CHOICE),
            ]
        if wish:
            return [
                self.say(self.rng.choice(pools.TURNS), quoted=f"“{wish}”"),
                self.pick(pools.AFTER_TURN),
            ]
        return [self.pick(pools.BRIDGES), *self.fill(0, at_least=1)]


def _paragraphs(rng: random.Random, sentences: list[str]) -> list[list[str]]:
    """Split sentences into paragraphs of two to four (one only if that is all there is)."""
    out: list[list[str]] = []
    rest = list(sentences)
    while len(rest) > 4:
        size = rng.choice((2, 3, 3, 4))
        if len(rest) - size < 2:
            size = len(rest) - 2
        out.append(rest[:size])
        rest = rest[size:]
    return [*out, rest] if rest else out


def _layout(rng: random.Random, head: list[str], middle: list[str], tail: list[str]) -> str:
    """Head and tail are paragraphs of their own; the middle is split between them."""
    middle = list(middle)
    if len(tail) < 2 and middle:
        tail = [middle.pop(), *tail]
    if len(middle) == 1:
        head = [*head, middle.pop()]
    paragraphs = [head, *_paragraphs(rng, middle), tail]
    return "\n\n".join(" ".join(p) for p in paragraphs if p)


def _with_choices(text: str, options: Sequence[str]) -> str:
    numbered = "\n".join(f"{number}. {option}" for number, option in enumerate(options, 1))
    return f"{text}\n\n{CHOICES_HEADING}\n{numbered}"


def _rng(seed: int | None, *parts: object) -> random.Random:
    """Stable across runs for a seed (string seeding is hashed with SHA-512, not hash())."""
    if seed is None:
        return random.Random()
    return random.Random("|".join(str(part) for part in (seed, *parts)))


def tell(task: Task, context: StoryContext, seed: int | None = None) -> str:
    """The whole text of one part; ``context.seed`` wins over ``seed``."""
    if task is Task.SUMMARY:
        return summarise(context.summary, context.recent, context.premise)
    seed = context.seed if context.seed is not None else seed
    settings = context.settings
    rng = _rng(seed, task.value, context.part_number, context.direction, context.premise)
    pool = pool_for(settings.genre)
    cast = recover_cast(context, pool, _rng(seed, "cast", context.premise), context.direction)
    if task is Task.RECAP:
        return _recap(context, cast)
    tone = " ".join(settings.tone.lower().split())[:40]
    made_it = _MAKE_IT.match(quotable(context.direction))
    if made_it:
        tone = made_it[1].strip(" .!").lower()[:40]
    told = [s for part in context.recent for s in split_sentences(part)]
    writer = _Writer(rng, pool, cast, tone, told)
    target = WORDS_PER_PART.get(settings.length, 260)
    choices = settings.choices and task in (Task.OPEN, Task.CONTINUE)
    options = writer.options() if choices else []
    budget = target - (word_count(CHOICES_HEADING) + sum(word_count(o) + 1 for o in options))
    if task is Task.OPEN:
        head = [writer.pick(pool.intros), writer.pick(pool.wants)]
        if any(c.isalpha() for c in tone):
            head.append(writer.pick(pools.TONE_LINES))
        meet = writer.pick(pools.MEET_NEW_FRIEND if cast.friend_is_new else pools.MEET_KNOWN_FRIEND)
        tail = [writer.pick(pool.hooks, pools.GENERIC.hooks)]
        used = word_count(" ".join([*head, meet, *tail]))
        text = _layout(rng, head, [meet, *writer.fill(budget - used)], tail)
    elif task is Task.CONTINUE:
        head = writer.steer(context.direction)
        tail = [writer.pick(pool.hooks, pools.GENERIC.hooks)]
        used = word_count(" ".join(head + tail))
        text = _layout(rng, head, writer.fill(budget - used, at_least=1), tail)
    else:
        head = writer.steer(context.direction)
        endings = rng.sample(pool.endings + pools.GENERIC.endings, 2)
        tail = [writer.say(t) for t in endings] + [writer.pick(pools.FINALES)]
        used = word_count(" ".join(head + tail)) + word_count(THE_END)
        text = _layout(rng, head, writer.fill(budget - used), tail) + f"\n\n{THE_END}"
    return _with_choices(text, options) if options else text


def _recap(context: StoryContext, cast: Cast) -> str:
    """Two to five sentences: who, how it began, the latest turn, and where it stopped."""
    memory = read_summary(context.summary)
    parts = [split_sentences(story_body(part)) for part in context.recent]
    parts = [part for part in parts if part]
    who = f"So far, this has been the story of {cast.hero}"
    if not cast.friend_is_new:
        friends = list(cast.friends)
        who += ", with " + (
            " and ".join(friends)
            if len(friends) < 3
            else ", ".join(friends[:-1]) + " and " + friends[-1]
        )
    sentences = [f"{who}, around {cast.places[0]}."]
    opening = memory.story[:1] or (parts[0][:1] if parts else [])
    latest = parts[-1][:1] if parts else memory.story[-1:]
    sentences += [clip(s, 240) for s in (*opening, *latest)]
    if parts and len(parts[-1]) > 1:
        sentences.append("Where we left off: " + clip(parts[-1][-1], 240))
    if len(sentences) == 1:
        sentences.append("The story has only just begun, and anything could still happen.")
    return " ".join(merge_phrases(sentences)[:5])


def _chunks(text: str, size: int = 3) -> list[str]:
    """A few words at a time, every character kept, so the chunks join back into ``text``."""
    pieces = re.split(r"(?<=\s)(?=\S)", text)
    return ["".join(pieces[i : i + size]) for i in range(0, len(pieces), size)]


class OfflineStoryteller:
    """A storyteller with no network and no model: always available, never brilliant."""

    name = "the built-in offline storyteller"

    def __init__(self, *, chunk_delay: float = 0.03, seed: int | None = None) -> None:
        self._chunk_delay = chunk_delay
        self._seed = seed

    def write(self, generation: Generation) -> str:
        """The whole text at once, for callers that do not stream."""
        return tell(generation.task, generation.context, self._seed)

    async def stream(self, generation: Generation) -> AsyncIterator[str | Usage]:
        """Stream the part a few words at a time, as a language model would, then its usage."""
        text = self.write(generation)
        for index, chunk in enumerate(_chunks(text)):
            if index and self._chunk_delay > 0:
                await asyncio.sleep(self._chunk_delay)
            yield chunk
        context = generation.context
        read = " ".join([context.premise, context.summary, *context.recent, context.direction])
        yield Usage(
            prompt_tokens=estimate_tokens(read),
            completion_tokens=estimate_tokens(text),
        )

    async def aclose(self) -> None:
        """Nothing to close: there is no connection."""
