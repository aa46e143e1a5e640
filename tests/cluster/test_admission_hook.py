"""The admission's hook for order across instances: a turn's place in its channel's line
(``TurnStore.channel_turn``) is taken when it is admitted and held for the turn.

A fake store stands in for PostgreSQL's ticket line, so these tests show what the
admission promises any store: places taken in arrival order before anything is
awaited, the turn run only inside its place, the place given back however the
turn ends (even a stream closed unread), and a store that orders turns itself
not held back by the process's lane.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from datetime import date
from types import TracebackType
from typing import cast

from bot import replies
from bot.admission import Admission, Answer, in_language
from bot.identity import ChannelKey
from bot.story_settings import StorySettings
from bot.types import Final, ReplyEvent, Request
from storage.base import ChannelTurn, Local, StorageError, TurnState, TurnStore, UsageToday
from tests.conftest import collect, make_request


class Place:
    """A place in line the fake store hands out; it opens when the test says so."""

    def __init__(self, store: OrderedStore, event: str | None, local: Local) -> None:
        self.store, self.event, self.local = store, event, local
        self.go = asyncio.Event()
        self.entered = self.left = False
        self.fail = False

    async def __aenter__(self) -> None:
        if self.store.uses_lanes:
            await self.local()
        else:
            await self.go.wait()
        if self.fail:
            raise StorageError("the database is down")
        self.entered = True

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        self.left = True


class OrderedStore:
    """Just enough of a TurnStore: every turn reads an empty channel."""

    def __init__(self, *, uses_lanes: bool = False) -> None:
        self.uses_lanes = uses_lanes
        self.places: list[Place] = []

    def channel_turn(self, channel: ChannelKey, event: str | None, *, local: Local) -> ChannelTurn:
        place = Place(self, event, local)
        self.places.append(place)
        return place

    async def turn_state(
        self, channel: ChannelKey, *, parts: int, event: str | None = None
    ) -> TurnState:
        return TurnState(StorySettings(), None, (), False)

    async def claim_event(self, channel: ChannelKey, event: str, reply: str = "") -> bool:
        return True

    async def usage_today(self, day: date, channel: ChannelKey, user: str) -> UsageToday:
        return UsageToday(0, 0)


def admission(store: OrderedStore, ran: list[str]) -> tuple[Admission, Answer]:
    async def answer(request: Request, state: TurnState) -> AsyncGenerator[ReplyEvent, None]:
        ran.append(request.event_id or "")
        entered = [p.entered for p in store.places if p.event == request.event_id]
        assert entered == [True], "the turn ran outside its place in line"
        yield Final(f"answer {request.event_id}")

    return Admission(cast(TurnStore, store), max_queue=10, parts=5), answer


def ask(event: str) -> Request:
    return make_request("continue", event_id=event)


async def test_places_are_taken_when_admitted_in_arrival_order() -> None:
    store, ran = OrderedStore(), list[str]()
    gate, answer = admission(store, ran)
    streams = [gate.admit(ask(f"e{n}"), answer) for n in range(3)]
    assert [place.event for place in store.places] == ["e0", "e1", "e2"]  # nothing awaited
    for place in store.places:
        place.go.set()
    results = await asyncio.gather(*(collect(stream) for stream in streams))
    assert [final.text for _, final in results if final] == ["answer e0", "answer e1", "answer e2"]
    assert all(place.left for place in store.places)
    assert gate.lanes.depth == 0


async def test_a_store_that_orders_turns_is_not_held_back_by_the_lane() -> None:
    """A turn taken up from a dead instance keeps its old, earlier place: it must be able
    to run before a turn admitted here before it, or the two would wait for each other."""
    store, ran = OrderedStore(), list[str]()
    gate, answer = admission(store, ran)
    first = asyncio.create_task(collect(gate.admit(ask("later"), answer)))
    second = asyncio.create_task(collect(gate.admit(ask("adopted"), answer)))
    store.places[1].go.set()  # the store's line says the adopted one goes first
    await second
    assert ran == ["adopted"]
    store.places[0].go.set()
    await first
    assert ran == ["adopted", "later"]


async def test_a_store_for_one_process_leaves_the_order_to_the_lane() -> None:
    store, ran = OrderedStore(uses_lanes=True), list[str]()
    gate, answer = admission(store, ran)
    streams = [gate.admit(ask(f"e{n}"), answer) for n in range(4)]
    await asyncio.gather(*(collect(stream) for stream in reversed(streams)))
    assert ran == ["e0", "e1", "e2", "e3"]


async def test_a_stream_closed_unread_gives_its_place_back() -> None:
    store, ran = OrderedStore(), list[str]()
    gate, answer = admission(store, ran)
    stream = gate.admit(ask("e1"), answer)
    await stream.aclose()
    assert store.places[0].left
    assert not store.places[0].entered
    assert ran == []
    assert gate.lanes.depth == 0
    await asyncio.wait_for(gate.lanes.wait_empty(), 1)


async def test_a_place_that_cannot_be_had_ends_in_a_failed_reply() -> None:
    store, ran = OrderedStore(), list[str]()
    gate, answer = admission(store, ran)
    stream = gate.admit(ask("e1"), answer)
    store.places[0].fail = True
    store.places[0].go.set()
    events: list[ReplyEvent] = [event async for event in stream]
    assert events == [in_language(replies.failed(), "en")]  # stamped with the turn's language
    assert store.places[0].left
    assert ran == []
    await asyncio.wait_for(gate.lanes.wait_empty(), 1)
