"""The vote flow: a choice pressed in a group channel is a ballot, not a decision.

:meth:`Voting.ballot` records it and answers with the tally, or, when the
players have decided (:func:`bot.votes.decided`), closes the vote and returns
the plan that writes the winning option. A vote that runs out of time is
closed by :meth:`Voting.timed`, which the service's vote clock asks for when
``closes_at`` comes (the engine tells it through ``on_opened``). Votes are
stored, so a restart loses none and the clock picks them up again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from bot import replies, votes
from bot.commands import Command, Parsed, is_number
from bot.config import StoryConfig
from bot.flows import Flows
from bot.i18n import _
from bot.observers import CraftObserver, Unobserved
from bot.types import Final, ReplyKind, Request
from bot.writing import Plan, part_ref
from storage.base import Store, TurnState, Vote

VoteOpened = Callable[[Vote], None]


class Voting:
    def __init__(
        self,
        store: Store,
        flows: Flows,
        config: StoryConfig,
        *,
        clock: Callable[[], float] = time.time,
        observer: CraftObserver | None = None,
    ) -> None:
        self.store = store
        self.flows = flows
        self.config = config
        self.clock = clock
        self.observer = observer or Unobserved()
        self.on_opened: VoteOpened | None = None
        """Told of each vote when it opens, so it can be closed on time."""

    def applies(self, request: Request, parsed: Parsed, state: TurnState) -> bool:
        """A choice in a group channel, with voting and choices on and no turns to take."""
        settings = state.settings
        return (
            parsed.command is Command.CHOOSE
            and request.shared
            and settings.voting
            and settings.choices
            and not settings.turns
            and state.story is not None
            and bool(state.recent)
        )

    def seconds(self, state: TurnState) -> int:
        return state.settings.vote_seconds or self.config.vote_seconds

    async def ballot(self, request: Request, parsed: Parsed, state: TurnState) -> Plan | Final:
        """Count the ballot; the tally, or the plan that writes the option the players chose."""
        story = state.story
        assert story is not None
        if request.ref is not None and request.ref != part_ref(story.id, story.last_seq):
            return replies.stale_choice()
        labels = state.recent[-1].choices
        if not labels:
            return replies.no_choices(request.dialect)
        number = parsed.args.strip().rstrip(".")
        if not is_number(number) or not 1 <= int(number) <= len(labels):
            return replies.pick_between(len(labels), request.dialect)
        now = self.clock()
        vote = await self.store.open_vote(
            story.id, story.last_seq, request.channel, len(labels), now + self.seconds(state)
        )
        if vote.closed_at is not None:
            return replies.stale_choice()
        if not vote.ballots:
            self.observer.vote("opened")
            if self.on_opened is not None:
                self.on_opened(vote)
        vote = await self.store.cast_ballot(
            story.id, story.last_seq, request.sender.id, int(number)
        )
        winner = votes.decided(vote, state.players)
        if winner is None:
            return tally(vote, labels, int(number), max(0.0, vote.closes_at - now))
        return await self._close(request, state, vote, winner)

    async def timed(self, request: Request, state: TurnState, vote: Vote) -> Plan | Final | None:
        """Close a vote whose time has come; None when the story has moved on meanwhile."""
        story = state.story
        if story is None or story.id != vote.story_id or story.last_seq != vote.seq:
            if await self.store.close_vote(vote.story_id, vote.seq, 0):  # 0: overtaken
                self.observer.vote("closed")
            return None
        fresh = await self.store.vote(vote.story_id, vote.seq)
        if fresh is None or fresh.closed_at is not None:
            return None
        return await self._close(request, state, fresh, votes.leader(fresh))

    async def _close(
        self, request: Request, state: TurnState, vote: Vote, winner: int
    ) -> Plan | Final:
        """The plan that writes the winner; the vote closes once that part is stored
        (:meth:`closed`). It used to close first, and a storyteller that failed then left
        the story with its vote closed and no part: nobody could choose again. Turns in a
        channel run one at a time, so nothing else closes it in between."""
        if vote.closed_at is not None:
            return replies.stale_choice()  # closed meanwhile: the story went on without this
        label = state.recent[-1].choices[winner - 1]
        plan = self.flows.chosen(request, state, winner, votes.result(vote, winner, label))
        if isinstance(plan, Final):
            return plan
        return replace(plan, closes=(vote.story_id, vote.seq, winner))

    async def closed(self, plan: Plan) -> None:
        """The part ``plan`` carried out a vote with is stored: the vote is over."""
        if plan.closes is not None and await self.store.close_vote(*plan.closes):
            self.observer.vote("closed")


def tally(vote: Vote, labels: tuple[str, ...], chosen: int, left: float) -> Final:
    """The voter's note, and the counts for the buttons."""
    counts = votes.tally(vote)
    standing = " · ".join(
        f"{n}. {label}: {c}" for n, (label, c) in enumerate(zip(labels, counts, strict=True), 1)
    )
    return Final(
        _(
            "Your vote for {n}. {label} is counted. So far: {standing}. The vote "
            "closes in {seconds} s, or as soon as the players have decided."
        ).format(n=chosen, label=labels[chosen - 1], standing=standing, seconds=f"{left:.0f}"),
        kind=ReplyKind.TALLY,
        choices=labels,
        ref=part_ref(vote.story_id, vote.seq),
        private=True,
        command=Command.CHOOSE.value,
        outcome="vote",
        tally=counts,
    )
