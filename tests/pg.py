"""PostgreSQL for tests: a schema of its own per test, on the server CI names.

``STORYBOT_TEST_DATABASE_URL`` (``.ci/run`` sets it, and fails when the server
cannot be reached) points at a database the tests may create schemas in; each
test gets a fresh schema, named at random, and the store finds it through the
URL's ``search_path``, so tests never see each other's rows and can run at
once. Without the variable, PostgreSQL tests are skipped with one line.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import asyncpg
import pytest

ENV = "STORYBOT_TEST_DATABASE_URL"
SKIP_REASON = f"{ENV} is not set: no PostgreSQL to test against (.ci/run sets it)"


def server_url() -> str:
    """The server's URL, or skip the calling test."""
    url = os.environ.get(ENV, "")
    if not url:
        pytest.skip(SKIP_REASON)
    return url


def with_schema(url: str, schema: str) -> str:
    """``url`` with ``search_path`` set to ``schema`` (asyncpg passes it to the server)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "search_path"]
    query.append(("search_path", schema))
    return urlunsplit(parts._replace(query=urlencode(query)))


@asynccontextmanager
async def fresh_schema(url: str) -> AsyncIterator[str]:
    """A new empty schema for one test, dropped with everything in it afterwards;
    yields the URL that uses it."""
    schema = f"test_{secrets.token_hex(6)}"
    admin = await asyncpg.connect(url)
    try:
        await admin.execute(f'CREATE SCHEMA "{schema}"')
        yield with_schema(url, schema)
    finally:
        await admin.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        await admin.close()


async def _reachable(url: str) -> None:
    conn = await asyncpg.connect(url, timeout=10)
    try:
        await conn.fetchval("SELECT 1")
    finally:
        await conn.close()


def main() -> int:
    """``python -m tests.pg``: CI's check that the server it names answers (else exit 1)."""
    import asyncio
    import sys

    from bot.redact import hide_url_credentials

    url = os.environ.get(ENV, "")
    if not url:
        sys.stderr.write(f"{ENV} is not set\n")
        return 1
    try:
        asyncio.run(_reachable(url))
    except Exception as exc:
        shown = hide_url_credentials(url)
        sys.stderr.write(f"PostgreSQL at {shown} cannot be reached: {type(exc).__name__}\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
