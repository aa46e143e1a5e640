"""Batches: requests that wait while one batch is in flight go on together, each answered."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from storage.batches import Batches


class Doubler:
    """Answers each number with twice itself (or an error for negatives), when let go."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []
        self.go = asyncio.Event()
        self.fail_all = False

    async def __call__(self, numbers: Sequence[int]) -> list[int | Exception]:
        self.batches.append(list(numbers))
        await self.go.wait()
        if self.fail_all:
            raise OSError("database went away")
        return [ValueError(f"no {n}") if n < 0 else 2 * n for n in numbers]


async def settle() -> None:
    await asyncio.sleep(0)  # let the tasks submit
    await asyncio.sleep(0)  # and the first batch leave


async def test_a_lone_request_goes_at_once() -> None:
    run = Doubler()
    run.go.set()
    batches = Batches(run, most=10)
    assert await batches.submit(4) == 8
    assert run.batches == [[4]]


async def test_requests_made_while_a_batch_is_out_go_together_in_order() -> None:
    run = Doubler()
    batches = Batches(run, most=10)
    first = asyncio.ensure_future(batches.submit(1))
    await settle()
    rest = [asyncio.ensure_future(batches.submit(n)) for n in range(2, 7)]
    await asyncio.sleep(0)
    run.go.set()
    assert await first == 2
    assert await asyncio.gather(*rest) == [4, 6, 8, 10, 12]
    assert run.batches == [[1], [2, 3, 4, 5, 6]]


async def test_batches_hold_at_most_most() -> None:
    run = Doubler()
    run.go.set()
    batches = Batches(run, most=3)
    assert await asyncio.gather(*(batches.submit(n) for n in range(7))) == [0, 2, 4, 6, 8, 10, 12]
    assert [len(batch) for batch in run.batches] == [3, 3, 1]


async def test_each_request_gets_its_own_error() -> None:
    run = Doubler()
    run.go.set()
    batches = Batches(run, most=10)
    results = await asyncio.gather(
        batches.submit(1), batches.submit(-1), batches.submit(2), return_exceptions=True
    )
    assert results[0] == 2
    assert results[2] == 4
    assert isinstance(results[1], ValueError)
    assert str(results[1]) == "no -1"


async def test_a_failed_batch_fails_each_of_its_requests_and_the_next_batch_still_goes() -> None:
    run = Doubler()
    run.fail_all = True
    run.go.set()
    batches = Batches(run, most=10)
    results = await asyncio.gather(batches.submit(1), batches.submit(2), return_exceptions=True)
    assert all(isinstance(result, OSError) for result in results)
    run.fail_all = False
    assert await batches.submit(3) == 6


async def test_a_cancelled_caller_leaves_the_others_answered() -> None:
    run = Doubler()
    batches = Batches(run, most=10)
    first = asyncio.ensure_future(batches.submit(1))
    await settle()
    quitter = asyncio.ensure_future(batches.submit(2))
    stayer = asyncio.ensure_future(batches.submit(3))
    await asyncio.sleep(0)
    quitter.cancel()
    run.go.set()
    assert await first == 2
    assert await stayer == 6
    with pytest.raises(asyncio.CancelledError):
        await quitter
    assert run.batches == [[1], [2, 3]]  # sent anyway: like a statement already queued
