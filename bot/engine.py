"""The story engine: requests in, reply streams out.

The engine never sends anything. :meth:`Engine.handle` takes the request's
place in its channel's line at once (:mod:`bot.admission`) and returns the
reply as a stream of :class:`~bot.types.Delta` chunks ending in one
:class:`~bot.types.Final`; adapters hand that stream to
:func:`bot.delivery.deliver`. Within its turn a request is read and
authorised once (here), then answered by the channel library (commands that
write nothing) or by the one writing path (:mod:`bot.flows`,
:mod:`bot.writing`). Memory upkeep runs after the turn, beside the next ones.
"""

from __future__ import annotations

import contextlib
import logging
import random
import time
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from bot import craft_replies as said
from bot import replies
from bot.admission import Admission
from bot.commands import TEXT, Command, Dialect, Parsed, Typo, needs_manager, read
from bot.config import StoryConfig
from bot.craft import CRAFT, CraftCommands
from bot.flows import WRITING, Flows, whose_turn
from bot.i18n import SOURCE, choose, spoken
from bot.identity import ChannelKey, Sender
from bot.library import ChannelLibrary, title_of
from bot.memory import TURN_PARTS, Compactions, Memory
from bot.observers import CraftObserver, EngineObserver, Unobserved
from bot.providers.base import ANY_LANGUAGE, Languages, Provider
from bot.types import Final, ReplyEvent, ReplyStream, Request
from bot.voting import Voting
from bot.writing import Outcome, Plan, Storing, Writer, part_ref
from storage.base import StorageError, Store, TurnState, Vote

log = logging.getLogger(__name__)

THE_VOTE = Sender("storybot", "The vote")


@dataclass(frozen=True, slots=True)
class LastPart:
    """The story's last part as an editor opens it: its text, and the ref the edit carries
    back so an edit of a part the story has since gone past is refused."""

    ref: str
    text: str


class Engine:
    def __init__(
        self,
        store: Store,
        provider: Provider,
        config: StoryConfig,
        memory: Memory,
        *,
        rng: random.Random | None = None,
        today: Callable[[], date] = lambda: datetime.now(UTC).date(),
        seed: int | None = None,
        observer: EngineObserver | None = None,
        language: str = SOURCE,
        writes: Languages = ANY_LANGUAGE,
    ) -> None:
        """``language`` is ``i18n.default``: replies' language when neither the channel
        nor the sender names one; ``writes``, the story languages the storyteller writes."""
        self.store = store
        self.config = config
        self.today = today
        self.observer: CraftObserver = observer or Unobserved()
        self.library = ChannelLibrary(
            store, config, storyteller=provider.name, observer=self.observer, writes=writes
        )
        self.admission = Admission(
            store,
            max_queue=config.max_queue,
            max_turns=config.max_turns,
            parts=TURN_PARTS,
            observer=observer,
            language=language,
        )
        self.flows = Flows(memory, self.library, config, rng=rng or random.Random(), seed=seed)
        self.writer = Writer(
            store, provider, today=today, interrupted=lambda: self.admission.interrupted
        )
        self.compactions = Compactions(memory)
        self.craft = CraftCommands(store, config, observer=self.observer)
        self.voting = Voting(store, self.flows, config, observer=self.observer)

    @property
    def queue_depth(self) -> int:
        return self.admission.lanes.depth

    def handle(self, request: Request) -> ReplyStream:
        """Queue the request in its channel and return its reply stream.

        The stream must be consumed to the end or closed (``deliver`` does
        both); until then, later turns in the same channel wait.
        """
        return self.admission.admit(request, self._answer)

    async def _answer(self, request: Request, state: TurnState) -> AsyncGenerator[ReplyEvent, None]:
        parsed = request.command or read(request.text, request.mode, has_story=bool(state.story))
        if parsed is None:
            return  # a thread reply that is not about a story
        if isinstance(parsed, Typo):
            yield replies.did_you_mean(parsed.meant, parsed.typed, request.dialect)
            return
        if needs_manager(parsed) and not await request.may_manage():
            yield replies.managers_only(parsed.command)
            return
        if parsed.command in CRAFT:
            yield await self.craft.run(request, parsed, state)
            return
        if parsed.command not in WRITING:
            yield await self.library.run(request, parsed)
            return
        over = await self._over_budget(request, parsed.command)
        if over is not None:
            yield over
            return
        if self.voting.applies(request, parsed, state):
            plan = await self.voting.ballot(request, parsed, state)
        else:
            plan = await self.flows.plan(request, parsed, state)
        if isinstance(plan, Final):
            yield plan
            return
        async with contextlib.aclosing(self._write(request, plan, state)) as events:
            async for event in events:
                yield event

    async def _write(
        self, request: Request, plan: Plan, state: TurnState
    ) -> AsyncGenerator[ReplyEvent, None]:
        outcome = Outcome()
        async with contextlib.aclosing(self.writer.write(request, plan, outcome)) as events:
            async for event in events:
                if isinstance(event, Final):
                    await self._after_part(plan, state, outcome)
                    self._upkeep(request, plan, state, outcome)
                yield event

    def close_vote(self, vote: Vote) -> ReplyStream:
        """A vote whose time has come, closed in its channel's line: the winner is written."""
        request = Request(vote.channel, THE_VOTE, command=Parsed(Command.CHOOSE), shared=True)

        async def answer(req: Request, state: TurnState) -> AsyncGenerator[ReplyEvent, None]:
            plan = await self.voting.timed(req, state, vote)
            if isinstance(plan, Final):
                yield plan
            elif plan is not None:
                async with contextlib.aclosing(self._write(req, plan, state)) as events:
                    async for event in events:
                        yield event

        return self.admission.admit(request, answer)

    async def _after_part(self, plan: Plan, state: TurnState, outcome: Outcome) -> None:
        """What a written part changes besides itself: which world-book entries were used
        (the most recent win a place next time), the vote it carried out, and, with turns
        on, whose turn is next."""
        written = outcome.written
        if written is None or written.part is None or written.story is None:
            return
        await self.voting.closed(plan)
        story = written.story
        if plan.storing is Storing.REPLACE:
            self.observer.branched("retry")  # the part it replaced is kept as a branch
        if plan.triggered:
            self.observer.world_given(len(plan.triggered))
            await self.store.mark_triggered(story.id, list(plan.triggered), written.part.seq)
        if plan.pass_turn and state.players:
            now = time.time()
            turn = whose_turn(state, now, self.config.turn_seconds)
            ids = [p.user_id for p in state.players]
            current = ids.index(turn.user_id) if turn is not None else -1
            await self.store.set_turn(story.id, ids[(current + 1) % len(ids)], now)

    def _upkeep(self, request: Request, plan: Plan, state: TurnState, outcome: Outcome) -> None:
        """Start folding old parts into the summary, beside the channel's next turns.

        Started before the final reply is handed over, so it never depends on
        anyone reading the stream past it.
        """
        written = outcome.written
        if plan.storing is not Storing.APPEND or plan.finish is not None or written is None:
            return
        if written.story is not None and written.part is not None:
            parts = (*state.recent, written.part)
            self.compactions.after(request.channel, written.story, state.settings, parts)

    async def _over_budget(self, request: Request, command: Command) -> Final | None:
        user_limit, channel_limit = self.config.user_daily_tokens, self.config.channel_daily_tokens
        if not (user_limit or channel_limit):
            return None
        user = f"{request.platform}:{request.sender.id}"
        used = await self.store.usage_today(self.today(), request.channel, user)
        if user_limit and used.user >= user_limit:
            return replies.over_user_budget(user_limit, command)
        if channel_limit and used.channel >= channel_limit:
            return replies.over_channel_budget(channel_limit, command)
        return None

    async def drain(self, grace: float) -> None:
        """Take no new turns; finish (or interrupt) running ones; let memory upkeep finish."""
        await self.admission.drain(grace)
        await self.compactions.close(grace=2.0)

    async def settled(self) -> None:
        """Until memory upkeep started by earlier turns has finished (tests, benchmarks)."""
        await self.compactions.settled()

    # What adapters may ask outside a turn (greetings, autocomplete); read-only.

    def help_text(self, dialect: Dialect = TEXT, language: str | None = None) -> str:
        """``/story help`` outside a turn, in ``language`` (else ``i18n.default``)."""
        with spoken(language or self.admission.language):
            return replies.help_text(dialect, self.library.storyteller)

    async def has_story(self, channel: ChannelKey) -> bool:
        return await self.store.active_story(channel) is not None

    async def greeting(
        self, channel: ChannelKey, dialect: Dialect = TEXT, language: str | None = None
    ) -> str:
        """What a chat opens with: the story waiting here and how to go on, or how to begin,
        in the channel's ``ui`` language, else ``language`` (the user's locale), else
        ``i18n.default``, as a turn would choose.

        "Type a story idea" while a story is running would merge the idea into it.
        """
        with spoken(await self.language_for(channel, language)):
            return await self.library.greeting(channel, dialect)

    async def language_for(self, channel: ChannelKey, locale: str | None) -> str:
        """The language an adapter speaks in a channel outside a turn (a greeting, a hint,
        an apology), chosen as a turn's is: the channel's ``ui`` setting, else ``locale``
        (the user's), else ``i18n.default``. If the settings cannot be read, the rest."""
        try:
            ui = (await self.store.get_settings(channel)).ui
        except StorageError as exc:
            log.warning("could not read %s's settings for its language: %s", channel, exc)
            ui = ""
        return choose(ui, locale, default=self.admission.language)

    async def last_choices(self, channel: ChannelKey) -> tuple[str, ...]:
        """The options the story's last part offers, for choice autocomplete."""
        story = await self.store.active_story(channel)
        if story is None:
            return ()
        parts = await self.store.recent_parts(story.id, story.last_seq - 1, 1)
        return parts[-1].choices if parts else ()

    async def channel_stories(self, channel: ChannelKey) -> list[tuple[int, str]]:
        """The channel's stories as (number, title), most recent first, for autocomplete."""
        listed = await self.store.list_stories(channel, 25)
        return [(s.id, title_of(s.premise)) for s in listed]

    async def channel_prompts(self, channel: ChannelKey) -> list[tuple[int, str]]:
        """The channel's own prompts as (number, text), for autocomplete."""
        return [(p.id, p.text) for p in await self.store.list_prompts(channel)]

    async def last_part_text(self, channel: ChannelKey) -> LastPart | None:
        """The last part of the channel's story, for an edit box that opens with it."""
        story = await self.store.active_story(channel)
        if story is None:
            return None
        parts = await self.store.recent_parts(story.id, story.last_seq - 1, 1)
        if not parts:
            return None
        return LastPart(part_ref(story.id, story.last_seq), parts[-1].text)

    async def world_names(self, channel: ChannelKey) -> list[str]:
        """The names in the story's world book, for autocomplete."""
        story = await self.store.active_story(channel)
        if story is None:
            return []
        return [entry.name for entry in await self.store.world_entries(story.id)]

    async def story_branches(
        self, channel: ChannelKey, language: str | None = None
    ) -> list[tuple[int, str]]:
        """The story's branches as (number, where it forks and how it starts), for
        autocomplete, in ``language`` (the user's locale; else ``i18n.default``)."""
        story = await self.store.active_story(channel)
        if story is None:
            return []
        with spoken(choose(language, default=self.admission.language)):
            return [
                (b.id, f"{said.forked(b.fork_seq, b.kind)}: {b.opening}")
                for b in await self.store.branches(story.id)
            ]
