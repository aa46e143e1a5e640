"""Reading a storyteller's stream ahead: text joined, order and errors kept, nothing held."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.providers.base import Chunk, Notice, StreamCut, Usage
from bot.providers.read_ahead import ReadAhead


async def chunks(*items: Chunk | BaseException) -> AsyncIterator[Chunk]:
    for item in items:
        if isinstance(item, BaseException):
            raise item
        yield item


async def read_all(stream: ReadAhead) -> list[Chunk]:
    return [chunk async for chunk in stream]


async def test_text_that_piled_up_comes_as_one_piece_in_order() -> None:
    usage = Usage(3, 4)
    notice = Notice("The backup storyteller wrote this part.")
    got = await read_all(ReadAhead(chunks(notice, "Once", " upon", " a", " time.", usage)))
    assert got == [notice, "Once upon a time.", usage]


async def test_an_error_comes_after_the_text_before_it() -> None:
    stream = ReadAhead(chunks("The fox", " ran", StreamCut("cut")))
    assert await anext(stream) == "The fox ran"
    with pytest.raises(StreamCut):
        await anext(stream)


async def test_text_is_handed_over_while_the_storyteller_is_still_writing() -> None:
    more = asyncio.Event()

    async def slow() -> AsyncIterator[Chunk]:
        yield "first"
        await more.wait()
        yield " second"

    stream = ReadAhead(slow())
    assert await asyncio.wait_for(anext(stream), 5) == "first"
    more.set()
    assert await anext(stream) == " second"
    with pytest.raises(StopAsyncIteration):
        await anext(stream)


async def test_closing_stops_reading_and_closes_the_source() -> None:
    closed = asyncio.Event()
    never = asyncio.Event()

    async def endless() -> AsyncIterator[Chunk]:
        try:
            yield "start"
            await never.wait()
            yield "never read"
        finally:
            closed.set()

    stream = ReadAhead(endless())
    assert await anext(stream) == "start"
    await stream.aclose()
    assert closed.is_set()


async def test_closing_before_reading_closes_the_source() -> None:
    source = chunks("unread")
    await ReadAhead(source).aclose()
    with pytest.raises(StopAsyncIteration):
        await anext(source)
