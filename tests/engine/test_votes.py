"""Group votes through the engine and the vote clock, with a virtual clock."""

from __future__ import annotations

import asyncio

from bot.config import StoryConfig
from bot.engine import Engine
from bot.memory import Memory, offline_summariser
from bot.types import Final, ReplyEvent, ReplyKind, ReplyStream
from bot.vote_clock import VoteClock
from storage.sqlite import SqliteStore
from tests.conftest import CHANNEL, Ask, collect, make_request
from tests.fakes.provider import ScriptedProvider


async def group(ask: Ask, text: str, user: str = "u1", **fields: object) -> Final:
    return await ask(text, user_id=user, user_name=user.upper(), shared=True, **fields)


async def cast_of_three(ask: Ask) -> None:
    await group(ask, "a maze")
    for user, character in (("ann", "Ann"), ("ben", "Ben"), ("cy", "Cy")):
        await group(ask, f"join {character}", user)


async def test_in_a_dm_a_press_chooses_at_once(ask: Ask) -> None:
    await ask("a maze")
    chosen = await ask("choose 2")
    assert chosen.text.startswith("You chose: Go right")


async def test_a_group_ballot_shows_the_tally_and_changes_nothing_yet(
    ask: Ask, store: SqliteStore
) -> None:
    await cast_of_three(ask)
    first = await group(ask, "choose 2", "ann")
    assert first.kind is ReplyKind.TALLY
    assert first.tally == (0, 1, 0)
    assert first.private
    assert first.text.startswith("Your vote for 2. Go right is counted. So far: 1. Go left: 0")
    changed = await group(ask, "choose 1", "ann")  # one vote each; it may change
    assert changed.tally == (1, 0, 0)
    story = await store.active_story(CHANNEL)
    assert story is not None
    assert story.last_seq == 1


async def test_a_strict_majority_of_the_players_closes_the_vote(
    ask: Ask, store: SqliteStore
) -> None:
    await cast_of_three(ask)
    await group(ask, "choose 3", "ann")
    await group(ask, "choose 2", "ben")
    decided = await group(ask, "choose 2", "cy")
    assert decided.kind is ReplyKind.STORY
    assert decided.text.startswith("The vote chose 2. Go right (2 of 3 votes).")
    story = await store.active_story(CHANNEL)
    assert story is not None
    assert story.last_seq == 2
    late = await group(ask, "choose 1", "ann", ref=f"{story.id}:1")
    assert late.outcome == "stale"


async def test_voting_off_restores_first_press_wins(ask: Ask) -> None:
    await cast_of_three(ask)
    await group(ask, "settings voting off")
    assert (await group(ask, "choose 1", "ben")).text.startswith("You chose: Go left")


class VirtualTime:
    """A clock the test moves: sleepers wake when it passes their time."""

    def __init__(self) -> None:
        self.now = 1_000_000.0
        self._sleepers: list[tuple[float, asyncio.Future[None]]] = []

    def time(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._sleepers.append((self.now + seconds, future))
        await future

    @property
    def waiting(self) -> int:
        return sum(1 for _, future in self._sleepers if not future.done())

    async def advance(self, seconds: float) -> None:
        self.now += seconds
        for due, future in list(self._sleepers):
            if due <= self.now and not future.done():
                future.set_result(None)
        self._sleepers = [(d, f) for d, f in self._sleepers if not f.done()]
        for _ in range(50):
            await asyncio.sleep(0)


async def test_a_vote_closes_on_time_even_across_a_restart(
    store: SqliteStore, provider: ScriptedProvider, story_config: StoryConfig
) -> None:
    """Votes are stored: a new engine and clock pick the open vote up and close it on time."""
    clock = VirtualTime()
    posted: list[Final] = []

    def engine() -> Engine:
        made = Engine(
            store, provider, story_config, Memory(store, story_config, offline_summariser(800))
        )
        made.voting.clock = clock.time
        return made

    async def post(where: object, stream: ReplyStream) -> bool:
        async for event in stream:
            if isinstance(event, Final):
                posted.append(event)
        return True

    async def ask(e: Engine, text: str, user: str) -> Final:
        request = make_request(text, user_id=user, user_name=user.upper(), shared=True)
        _, final = await collect(e.handle(request))
        assert final is not None
        return final

    first = engine()
    await ask(first, "a maze", "ann")
    for user in ("ann", "ben", "cy"):
        await ask(first, f"join {user}", user)
    assert (await ask(first, "choose 3", "ann")).kind is ReplyKind.TALLY
    assert (await ask(first, "choose 1", "ben")).kind is ReplyKind.TALLY  # a tie so far

    second = engine()  # the process restarted: nothing of the vote is in memory
    voting = VoteClock(second, post, now=clock.time, sleep=clock.sleep)
    await voting.start()
    assert voting.pending == 1
    await clock.advance(30)
    assert posted == []
    await clock.advance(31)
    await asyncio.wait_for(voting.idle(), 5)
    (closed,) = posted
    assert closed.text.startswith("The vote chose 1. Go left (1 of 2 votes).")  # tie: lower
    story = await store.active_story(CHANNEL)
    assert story is not None
    assert story.last_seq == 2
    assert await store.open_votes() == []


async def test_a_vote_overtaken_by_the_story_closes_without_writing(
    store: SqliteStore, provider: ScriptedProvider, story_config: StoryConfig, ask: Ask
) -> None:
    await cast_of_three(ask)
    await group(ask, "choose 3", "ann")
    (vote,) = await store.open_votes()
    await group(ask, "continue the walls shift", "ben")  # the story moves on without the vote
    engine = Engine(
        store, provider, story_config, Memory(store, story_config, offline_summariser(800))
    )
    events: list[ReplyEvent] = [event async for event in engine.close_vote(vote)]
    assert not [e for e in events if isinstance(e, Final)]
    assert await store.open_votes() == []  # closed, so no restart schedules it again


async def test_a_vote_whose_part_fails_stays_open_and_can_still_decide(
    ask: Ask, store: SqliteStore, provider: ScriptedProvider
) -> None:
    """The vote closes with its part stored: it used to close first, and a storyteller
    that failed then left a closed vote and no part, so nobody could choose again."""
    await cast_of_three(ask)
    await group(ask, "choose 3", "ann")
    await group(ask, "choose 2", "ben")
    provider.fail_after, provider.cut = 0, False
    failed = await group(ask, "choose 2", "cy")
    assert failed.kind is not ReplyKind.STORY
    assert len(await store.open_votes()) == 1
    provider.fail_after = None
    decided = await group(ask, "choose 2", "cy")  # the same ballot, pressed again
    assert decided.text.startswith("The vote chose 2. Go right (2 of 3 votes).")
    assert await store.open_votes() == []
    story = await store.active_story(CHANNEL)
    assert story is not None
    assert story.last_seq == 2


async def test_the_clock_tries_again_when_the_winner_could_not_be_written(
    store: SqliteStore, provider: ScriptedProvider, story_config: StoryConfig
) -> None:
    clock = VirtualTime()
    posted: list[Final] = []

    async def post(where: object, stream: ReplyStream) -> bool:
        async for event in stream:
            if isinstance(event, Final):
                posted.append(event)
        return True

    engine = Engine(
        store, provider, story_config, Memory(store, story_config, offline_summariser(800))
    )
    engine.voting.clock = clock.time
    voting = VoteClock(engine, post, now=clock.time, sleep=clock.sleep)
    for user, text in (("ann", "a maze"), ("ann", "join Ann"), ("ben", "join Ben")):
        await collect(engine.handle(make_request(text, user_id=user, shared=True)))
    await collect(engine.handle(make_request("choose 3", user_id="ann", shared=True)))
    assert voting.pending == 1
    provider.fail_after, provider.cut = 0, False
    await clock.advance(61)
    for _ in range(500):  # the failed turn ran, and the clock sleeps until it tries again
        if posted and clock.waiting:
            break
        await asyncio.sleep(0.01)
    assert posted[-1].kind is not ReplyKind.STORY  # the storyteller failed: said so
    assert len(await store.open_votes()) == 1
    provider.fail_after = None
    await clock.advance(31)  # RETRY_SECONDS later
    await asyncio.wait_for(voting.idle(), 5)
    assert posted[-1].text.startswith("The vote chose 3.")
    assert await store.open_votes() == []
