"""Several PostgreSQL stores on one schema in one test process: instances, as far as the
database can tell, with short timings, and a way to kill one without goodbye."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from storage.postgres import PostgresStore, Timing

FAST = Timing(heartbeat=1.0, renew=0.25, sweep=0.2, poll=0.2, adopt_grace=1.0)


@asynccontextmanager
async def instances(
    url: str, count: int, timing: Timing = FAST
) -> AsyncIterator[list[PostgresStore]]:
    stores = [
        PostgresStore(url, pool_size=3, instance=f"i{n}", timing=timing) for n in range(count)
    ]
    try:
        for store in stores:
            await store.open()
        yield stores
    finally:
        for store in stores:
            await store.close()


async def kill(store: PostgresStore) -> None:
    """As SIGKILL would leave it: no heartbeat any more, connections cut, nothing given up."""
    store.order.closed = True
    for task in store._tasks:
        task.cancel()
    await asyncio.gather(*store._tasks, return_exceptions=True)
    store._tasks = []
    if store._listener is not None:
        store._listener.terminate()
        store._listener = None
    if store._pool is not None:
        pool, store._pool = store._pool, None
        with contextlib.suppress(Exception):
            pool.terminate()
