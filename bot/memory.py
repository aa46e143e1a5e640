"""What the storyteller remembers: a bounded context for any length of story.

The context is the premise and settings, a rolling summary of older parts, and
the most recent parts that fit a token budget. After a new part, parts beyond
the budget are folded into the summary, so neither the context nor the work
per turn grows with the story. Folding is an explicit step the engine starts
after a turn (:class:`Compactions`); it runs beside the channel's next turns,
which meanwhile use the previous summary and the recent parts.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence

from bot.config import StoryConfig
from bot.identity import ChannelKey
from bot.providers.base import Generation, Provider, ProviderError, StoryContext, Task
from bot.providers.base import estimate_tokens as estimate
from bot.providers.story_text import summarise as offline_summarise
from bot.story_prompt import story_messages, system_prompt
from bot.story_settings import StorySettings
from storage.base import Part, Story, TurnStore

log = logging.getLogger(__name__)

MAX_RECENT_PARTS = 24
"""Never hand more than this many parts to the storyteller, however short."""
TURN_PARTS = 2 * MAX_RECENT_PARTS
"""How many of a story's newest parts a turn reads: all it can use, and what
folding needs after it in all but unusual cases (a budget lowered since)."""
FOLD_READ_LIMIT = 4 * MAX_RECENT_PARTS

Summariser = Callable[[str, Sequence[str], str, StorySettings], Awaitable[str]]


def offline_summariser(max_chars: int) -> Summariser:
    async def summarise(
        previous: str, parts: Sequence[str], premise: str, settings: StorySettings
    ) -> str:
        return offline_summarise(previous, parts, premise, max_chars=max_chars)

    return summarise


def provider_summariser(provider: Provider, max_chars: int, max_tokens: int) -> Summariser:
    """Summarise with the configured storyteller, falling back to the offline summariser."""
    fallback = offline_summariser(max_chars)

    async def summarise(
        previous: str, parts: Sequence[str], premise: str, settings: StorySettings
    ) -> str:
        context = StoryContext(premise, settings, summary=previous, recent=tuple(parts))
        generation = Generation(
            task=Task.SUMMARY,
            system=system_prompt(Task.SUMMARY, settings),
            messages=story_messages(Task.SUMMARY, context),
            max_tokens=max_tokens,
            context=context,
        )
        chunks: list[str] = []
        try:
            async for chunk in provider.stream(generation):
                if isinstance(chunk, str):
                    chunks.append(chunk)
        except ProviderError as exc:
            log.warning(
                "summary by %s failed (%s); using the offline summariser", provider.name, exc
            )
            return await fallback(previous, parts, premise, settings)
        text = "".join(chunks).strip()
        if not text or len(text) > max_chars * 2:
            return await fallback(previous, parts, premise, settings)
        return text[:max_chars]

    return summarise


class Memory:
    def __init__(self, store: TurnStore, config: StoryConfig, summariser: Summariser) -> None:
        self.store = store
        self.config = config
        self.summariser = summariser

    def context(
        self,
        story: Story,
        settings: StorySettings,
        parts: Sequence[Part],
        *,
        direction: str = "",
        drop_last: bool = False,
        reserved: int = 0,
    ) -> StoryContext:
        """The bounded context for the next part, or with ``drop_last`` for rewriting the last.

        ``parts`` are the story's newest parts as the turn read them; those the
        summary already holds are skipped. ``reserved`` tokens of the budget go to
        what else the storyteller is given (world book, note, cast); the newest part
        is always kept, whatever the budget.
        """
        follows = story.last_seq - 1 if drop_last else story.last_seq
        state = next((part.state for part in parts if part.seq == follows), "")
        parts = [part for part in parts if part.seq > story.summary_upto]
        if drop_last and parts and parts[-1].seq == story.last_seq:
            parts = parts[:-1]
        recent: list[str] = []
        used = 0
        for part in reversed(parts[-MAX_RECENT_PARTS:]):
            cost = estimate(part.text)
            if recent and used + cost > self.config.context_tokens - reserved:
                break
            recent.append(part.text)
            used += cost
        recent.reverse()
        number = story.last_seq if drop_last else story.last_seq + 1
        return StoryContext(
            premise=story.premise,
            settings=settings,
            summary=story.summary,
            recent=tuple(recent),
            direction=direction,
            part_number=number,
            state=state,
        )

    def over_budget(self, story: Story, parts: Sequence[Part]) -> bool:
        """Whether the unsummarised parts the turn knows of exceed the budget (no I/O)."""
        parts = [part for part in parts if part.seq > story.summary_upto]
        gap = bool(parts) and parts[0].seq != story.summary_upto + 1
        total = sum(estimate(p.text) for p in parts)
        return gap or total > self.config.context_tokens or len(parts) > MAX_RECENT_PARTS

    async def compact(self, story: Story, settings: StorySettings, parts: Sequence[Part]) -> None:
        """Fold the oldest unsummarised parts into the summary once they exceed the budget.

        ``parts`` are the story's newest parts, the one just written included,
        as the turn knows them, so a turn that folds nothing reads nothing.
        Folding goes down to half the budget, so it happens every few parts
        rather than on every turn. The newest part is never folded, so undo and
        retry always find it in the recent parts. The summary is stored only if
        the story is still as read (see :meth:`TurnStore.set_summary`): a fold
        that an undo overtook is dropped and done again later.
        """
        parts = [part for part in parts if part.seq > story.summary_upto]
        if parts and parts[0].seq != story.summary_upto + 1:
            # The turn read fewer parts than wait to be folded: read them all.
            parts = await self.store.recent_parts(story.id, story.summary_upto, FOLD_READ_LIMIT)
        total = sum(estimate(p.text) for p in parts)
        if total <= self.config.context_tokens and len(parts) <= MAX_RECENT_PARTS:
            return
        keep: list[int] = []
        used = 0
        for part in reversed(parts):
            cost = estimate(part.text)
            if keep and (
                used + cost > self.config.context_tokens // 2 or len(keep) >= MAX_RECENT_PARTS // 2
            ):
                break
            keep.append(part.seq)
            used += cost
        fold = [p for p in parts if p.seq < min(keep)]
        if not fold:
            return
        summary = await self.summariser(
            story.summary, [p.text for p in fold], story.premise, settings
        )
        if not await self.store.set_summary(story, summary, fold[-1].seq):
            log.info(
                "story %d changed while its summary was written; folding again later", story.id
            )


class Compactions:
    """Runs :meth:`Memory.compact` after turns, in the background, at most one per channel.

    A channel whose fold is still running skips the next one (the part after
    will fold what is left), and at most ``most`` folds run at once, so a
    burst of turns cannot start a burst of summary calls.
    """

    def __init__(self, memory: Memory, *, most: int = 4) -> None:
        self.memory = memory
        self._running: dict[ChannelKey, asyncio.Task[None]] = {}
        self._slots = asyncio.Semaphore(most)

    def after(
        self, channel: ChannelKey, story: Story, settings: StorySettings, parts: Sequence[Part]
    ) -> None:
        """Start folding if the story's recent parts exceed the budget; returns at once."""
        if channel in self._running or not self.memory.over_budget(story, parts):
            return
        task = asyncio.create_task(self._fold(story, settings, tuple(parts)))
        self._running[channel] = task
        task.add_done_callback(lambda _: self._running.pop(channel, None))

    async def _fold(self, story: Story, settings: StorySettings, parts: tuple[Part, ...]) -> None:
        async with self._slots:
            try:
                await self.memory.compact(story, settings, parts)
            except Exception:
                log.exception("folding story %d into its summary failed", story.id)

    @property
    def running(self) -> int:
        return len(self._running)

    async def settled(self) -> None:
        """Until every fold started so far has finished."""
        while self._running:
            await asyncio.gather(*self._running.values(), return_exceptions=True)

    async def close(self, grace: float) -> None:
        """Let folds finish for ``grace`` seconds, then cancel them (they are redone later)."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.settled(), grace)
        for task in list(self._running.values()):
            task.cancel()
        await asyncio.gather(*self._running.values(), return_exceptions=True)
