"""The built-in offline storyteller: stories written from structure, with no model and no network.

It lets the bot work with no language model configured, and keeps it working
when the model is down (it is the default fallback). It keeps a story state
(:mod:`.model`) with every part: the cast with titles and roles, places,
things, the goal, open threads and events. A part is planned as plot beats
(:mod:`.plot`, :mod:`.beats`), readers' directions become events that change
the state (:mod:`.steering`), and a language (:mod:`.lang`) turns all of it
into native sentences in English, German, French or Japanese.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator

from bot.providers.base import (
    Generation,
    StoryContext,
    StoryState,
    Task,
    Usage,
    estimate_tokens,
)
from bot.providers.offline import compose, ending, layout, recap
from bot.providers.offline.languages import language, language_code
from bot.providers.offline.model import Offer, Story
from bot.providers.offline.parts import story_body
from bot.providers.offline.premise import build, rebuild
from bot.providers.offline.store import Unreadable, dump, load, snapshot
from bot.providers.offline.summary import read_summary, summarise
from bot.providers.offline.template import Scene, sentence_key
from bot.providers.offline.text import chunks, split_sentences
from bot.story_settings import WORDS_PER_PART

__all__ = ["OfflineStoryteller", "language_code", "tell", "tell_with_state"]


def _rng(seed: int | None, *parts: object) -> random.Random:
    """Stable across runs for a seed (string seeding is hashed with SHA-512, not hash())."""
    if seed is None:
        return random.Random()
    return random.Random("|".join(str(part) for part in (seed, *parts)))


def _story(task: Task, context: StoryContext, code: str, seed: int | None) -> Story:
    """The state after the previous part; rebuilt from the text if it is missing or unreadable."""
    settings = context.settings
    lang = language(code)
    inventor = _rng(seed, "cast", context.premise)
    if task is Task.OPEN:
        return build(context.premise, settings.genre, settings.tone, lang, inventor)
    if context.state:
        kept = _KEPT.get(context.state)
        if kept is not None and kept.lang == code:
            return snapshot(kept)
        try:
            story = load(context.state)
        except Unreadable:
            pass
        else:
            if story.lang == code:
                return story
    return rebuild(
        context.premise,
        settings.genre,
        settings.tone,
        lang,
        inventor,
        summary_cast=read_summary(context.summary).cast,
        recent=[story_body(part) for part in context.recent],
        part=context.part_number,
    )


def tell_with_state(task: Task, context: StoryContext, seed: int | None = None) -> tuple[str, str]:
    """The text of one part and the state to keep with it ("" for recaps and summaries).

    ``context.seed`` wins over ``seed``; with neither, every call differs.
    """
    seed = context.seed if context.seed is not None else seed
    code = language_code(context.settings.language) or "en"
    lang = language(code)
    rng = _rng(seed, task.value, context.part_number, context.direction, context.premise)
    if task is Task.SUMMARY:
        return _summary(context, code, seed, rng), ""
    story = _story(task, context, code, seed)
    if task is Task.RECAP:
        return recap.recap(story, lang, rng), ""
    scene = Scene(story, lang, rng)
    for part in context.recent:
        scene.told.update(sentence_key(s) for s in split_sentences(story_body(part)))
    story.plot.part = context.part_number
    story.clock += 1 + (context.part_number % 2)
    compose.bind_base(scene)
    target = WORDS_PER_PART.get(context.settings.length, 260)
    options: list[Offer] = []
    if task is Task.ENDING:
        ending.resolve(scene, context.direction, target)
    else:
        if task is Task.OPEN:
            compose.opening(scene, target)
        else:
            compose.middle(scene, context.direction, target)
        compose.fill(scene, target - compose.CLOSING_WORDS[context.settings.choices])
        hook, beat, args = compose.hook(scene)
        if context.settings.choices:
            options = compose.options_for(scene, beat, args)
        if hook is not None:
            scene.blocks.append(hook)
    story.offered = options
    layout.count_seen(scene)
    text = layout.layout(scene)
    if task is Task.ENDING:
        text = f"{text}\n\n{lang.the_end}"
    if options:
        text = layout.with_options(scene, text, options)
    state = dump(story)
    _keep(state, story)
    return text, state


_KEPT: dict[str, Story] = {}
"""The stories behind the last states written here: the next part need not parse its JSON."""
KEEP = 32


def _keep(state: str, story: Story) -> None:
    """Remember ``story`` as ``state`` (it is never changed again; parts get copies of it)."""
    _KEPT[state] = story
    while len(_KEPT) > KEEP:
        del _KEPT[next(iter(_KEPT))]


def _summary(context: StoryContext, code: str, seed: int | None, rng: random.Random) -> str:
    if context.state:
        try:
            story = load(context.state)
        except Unreadable:
            story = None
        if story is not None and story.lang == code:
            return recap.memory(story, language(code), rng, 1600)
    return summarise(context.summary, context.recent, context.premise)


def tell(task: Task, context: StoryContext, seed: int | None = None) -> str:
    """The whole text of one part; ``context.seed`` wins over ``seed``."""
    return tell_with_state(task, context, seed)[0]


class OfflineStoryteller:
    """A storyteller with no network and no model: always available, and it keeps the plot."""

    name = "the built-in offline storyteller"

    def __init__(self, *, chunk_delay: float = 0.03, seed: int | None = None) -> None:
        self._chunk_delay = chunk_delay
        self._seed = seed

    def write(self, generation: Generation) -> str:
        """The whole text at once, for callers that do not stream."""
        return tell(generation.task, generation.context, self._seed)

    async def stream(self, generation: Generation) -> AsyncIterator[str | StoryState | Usage]:
        """The part a few words (Japanese: characters) at a time, then its state and usage."""
        text, state = tell_with_state(generation.task, generation.context, self._seed)
        for index, chunk in enumerate(chunks(text)):
            if index and self._chunk_delay > 0:
                await asyncio.sleep(self._chunk_delay)
            yield chunk
        if state:
            yield StoryState(state)
        context = generation.context
        read = " ".join([context.premise, context.summary, *context.recent, context.direction])
        yield Usage(prompt_tokens=estimate_tokens(read), completion_tokens=estimate_tokens(text))

    def waiting(self) -> int:
        """Nothing waits: the offline storyteller needs no connection."""
        return 0

    async def aclose(self) -> None:
        """Nothing to close: there is no connection."""
