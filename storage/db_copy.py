"""``storybot db copy``: every table of one database into a PostgreSQL one, then checked.

Tables are listed from the source's schema, not named here, so a table a later
migration adds is copied too; only a store's own bookkeeping (its migration
record, the instances' heartbeats, leases and places in line) stays behind.
Both schemas are brought up to date first; a source table or column the target
does not have stops the copy before anything is written.

The copy is one transaction on the target, in foreign-key order, one ``COPY``
per table: all of it or none. Each table is then read back and compared with
what was read from the source: the row count, and a checksum that is the sum of
the rows' hashes (so no order needs to agree between two databases). A
mismatch rolls everything back.

Safe to run again: into an empty target it copies; into a target that holds
exactly the source's rows it says so and writes nothing; a target that holds
anything else is refused unless ``--replace`` empties it first.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import asyncpg

from storage.base import StorageError
from storage.postgres import is_postgres_url, shown
from storage.postgres_db import escape, migrate, unescape
from storage.sqlite import SqliteStore

KEPT_BEHIND = frozenset({"schema_migrations", "instances", "leases", "turn_queue"})
"""A store's own bookkeeping: where its schema is, and what its running instances hold."""
BATCH = 2000


class CopyError(StorageError):
    """The copy could not be made or did not check out; nothing was written."""


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[str, ...]


@dataclass(slots=True)
class Tally:
    """Rows and the order-free checksum of one table's contents."""

    rows: int = 0
    total: int = 0

    def add(self, values: tuple[Any, ...]) -> None:
        self.rows += 1
        digest = hashlib.blake2b(_canonical(values), digest_size=16).digest()
        self.total = (self.total + int.from_bytes(digest, "big")) % (1 << 128)

    @property
    def checksum(self) -> str:
        return f"{self.total:032x}"


def _canonical(values: tuple[Any, ...]) -> bytes:
    """One row as bytes, the same whichever database it was read from."""
    shown_values = [
        None
        if value is None
        else int(value)
        if isinstance(value, bool)
        else repr(value)
        if isinstance(value, float)
        else value.hex()
        if isinstance(value, bytes)
        else value
        for value in values
    ]
    return json.dumps(shown_values, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass"
    )


@dataclass(frozen=True, slots=True)
class TableResult:
    name: str
    rows: int
    checksum: str


@dataclass(slots=True)
class CopyResult:
    tables: list[TableResult] = field(default_factory=list)
    copied: bool = True
    """False when the target already held exactly the source's rows."""


class Source(Protocol):
    """A database read for copying, inside one consistent snapshot."""

    async def tables(self) -> list[Table]: ...

    def rows(self, table: Table) -> AsyncIterator[list[tuple[Any, ...]]]: ...

    async def close(self) -> None: ...


# sources


class SqliteSource:
    """A SQLite file, read-only, in one read transaction (its snapshot, with WAL)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None

    def check(self) -> None:
        if not Path(self.path).is_file():
            raise CopyError(f"There is no SQLite database at {self.path}.")

    async def open(self) -> None:
        self.check()
        store = SqliteStore(self.path)  # brings its schema up to date, as `run` would
        await store.open()
        await store.close()
        self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None)
        self._db.execute("BEGIN")
        self._db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # the snapshot

    @property
    def db(self) -> sqlite3.Connection:
        assert self._db is not None
        return self._db

    async def tables(self) -> list[Table]:
        names = [
            row[0]
            for row in self.db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        found = []
        for name in names:
            if name in KEPT_BEHIND:
                continue
            columns = tuple(row[1] for row in self.db.execute(f'PRAGMA table_info("{name}")'))
            found.append(Table(name, columns))
        return found

    async def rows(self, table: Table) -> AsyncIterator[list[tuple[Any, ...]]]:
        columns = ", ".join(f'"{c}"' for c in table.columns)
        cursor = self.db.execute(f'SELECT {columns} FROM "{table.name}" ORDER BY rowid')
        while batch := cursor.fetchmany(BATCH):
            yield [tuple(row) for row in batch]

    async def close(self) -> None:
        if self._db is not None:
            db, self._db = self._db, None
            db.close()


class PostgresSource:
    """Another PostgreSQL database (moving servers), in a read-only snapshot."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._conn: asyncpg.Connection | None = None
        self._tx: Any = None

    async def open(self) -> None:
        self._conn = await connect(self.url)
        await migrate(self._conn, shown(self.url))
        self._tx = self._conn.transaction(isolation="repeatable_read", readonly=True)
        await self._tx.start()

    async def tables(self) -> list[Table]:
        assert self._conn is not None
        return [t for t in await _pg_tables(self._conn) if t.name not in KEPT_BEHIND]

    async def rows(self, table: Table) -> AsyncIterator[list[tuple[Any, ...]]]:
        assert self._conn is not None
        columns = ", ".join(f'"{c}"' for c in table.columns)
        batch: list[tuple[Any, ...]] = []
        async for record in self._conn.cursor(
            f'SELECT {columns} FROM "{table.name}"', prefetch=BATCH
        ):
            batch.append(tuple(_unescaped(value) for value in record))
            if len(batch) >= BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    async def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            with contextlib.suppress(Exception):
                await conn.close(timeout=5)


# the target


async def connect(url: str) -> asyncpg.Connection:
    """A plain connection: COPY needs asyncpg's binary codecs, so text is escaped by hand."""
    try:
        return await asyncpg.connect(url, timeout=10)
    except (asyncpg.PostgresError, OSError, TimeoutError) as exc:
        raise CopyError(f"Cannot use the database at {shown(url)}: {type(exc).__name__}") from None


def _unescaped(value: Any) -> Any:
    return unescape(value) if isinstance(value, str) else value


async def _pg_tables(conn: asyncpg.Connection) -> list[Table]:
    rows = await conn.fetch(
        "SELECT c.table_name, array_agg(c.column_name::text ORDER BY c.ordinal_position) "
        "FROM information_schema.columns AS c JOIN information_schema.tables AS t "
        "ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
        "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
        "GROUP BY c.table_name ORDER BY c.table_name"
    )
    return [Table(row[0], tuple(row[1])) for row in rows]


async def _column_types(conn: asyncpg.Connection, table: str) -> dict[str, str]:
    rows = await conn.fetch(
        "SELECT column_name::text, data_type::text FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = $1",
        table,
    )
    return {row[0]: row[1] for row in rows}


async def _fk_order(conn: asyncpg.Connection, names: list[str]) -> list[str]:
    """Tables so that every table comes after those it refers to (itself aside)."""
    rows = await conn.fetch(
        "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint AS c "
        "JOIN pg_namespace AS n ON n.oid = c.connamespace "
        "WHERE c.contype = 'f' AND n.nspname = current_schema()"
    )
    needs: dict[str, set[str]] = {name: set() for name in names}
    for child, parent in rows:
        child, parent = child.strip('"'), parent.strip('"')
        if child in needs and parent in needs and child != parent:
            needs[child].add(parent)
    ordered: list[str] = []
    while needs:
        ready = sorted(name for name, parents in needs.items() if not parents - set(ordered))
        if not ready:
            raise CopyError(f"the tables {sorted(needs)} refer to each other in a circle")
        for name in ready:
            ordered.append(name)
            del needs[name]
    return ordered


def _converter(kind: str) -> Any:
    """The target column's Python type, from a value as the source keeps it."""
    if kind in ("bigint", "integer", "smallint"):
        return int
    if kind == "boolean":
        return bool
    if kind in ("double precision", "real", "numeric"):
        return float
    if kind == "text" or kind.startswith("character"):
        return str
    return None


def _convert(row: tuple[Any, ...], converters: list[Any]) -> tuple[Any, ...]:
    return tuple(
        value if value is None or convert is None else convert(value)
        for value, convert in zip(row, converters, strict=True)
    )


def _escaped(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(escape(value) if isinstance(value, str) else value for value in row)


async def _target_tally(conn: asyncpg.Connection, table: Table) -> Tally:
    tally = Tally()
    columns = ", ".join(f'"{c}"' for c in table.columns)
    async for record in conn.cursor(f'SELECT {columns} FROM "{table.name}"', prefetch=BATCH):
        tally.add(tuple(_unescaped(value) for value in record))
    return tally


async def _source_tallies(
    source: Source, tables: list[Table], converters: dict[str, list[Any]]
) -> dict[str, Tally]:
    tallies = {}
    for table in tables:
        tally = Tally()
        async for batch in source.rows(table):
            for row in batch:
                tally.add(_convert(row, converters[table.name]))
        tallies[table.name] = tally
    return tallies


async def _reset_identities(conn: asyncpg.Connection, tables: list[Table]) -> None:
    """New rows must get ids after the copied ones."""
    for table in tables:
        identities = await conn.fetch(
            "SELECT column_name::text FROM information_schema.columns WHERE table_schema = "
            "current_schema() AND table_name = $1 AND is_identity = 'YES'",
            table.name,
        )
        for (column,) in identities:
            await conn.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', '{column}'), "
                f'COALESCE((SELECT MAX("{column}") FROM "{table.name}"), 0) + 1, false)'
            )


async def open_source(where: str) -> Source:
    source: SqliteSource | PostgresSource
    source = PostgresSource(where) if is_postgres_url(where) else SqliteSource(where)
    await source.open()
    return source


async def copy_database(where: str, to: str, *, replace: bool = False) -> CopyResult:
    """Copy everything at ``where`` (a SQLite path or a PostgreSQL URL) into ``to``."""
    if not is_postgres_url(to):
        raise CopyError(f"{shown(to)} is not a postgresql:// URL: the copy goes into PostgreSQL.")
    if where == to:
        raise CopyError("The source and the target are the same database.")
    source = await open_source(where)
    try:
        target = await connect(to)
        try:
            await migrate(target, shown(to))
            return await _copy(source, target, replace=replace)
        finally:
            await target.close(timeout=5)
    finally:
        await source.close()


async def _copy(source: Source, target: asyncpg.Connection, *, replace: bool) -> CopyResult:
    tables = await source.tables()
    held = {t.name: t for t in await _pg_tables(target)}
    missing = [t.name for t in tables if t.name not in held]
    if missing:
        raise CopyError(
            f"The target has no table {', '.join(missing)}: its Storybot is older than the "
            "source's. Upgrade Storybot, then copy again."
        )
    converters: dict[str, list[Any]] = {}
    for table in tables:
        kinds = await _column_types(target, table.name)
        lacking = [c for c in table.columns if c not in kinds]
        if lacking:
            raise CopyError(f"The target's table {table.name} has no column {', '.join(lacking)}.")
        converters[table.name] = [_converter(kinds[c]) for c in table.columns]
    order = await _fk_order(target, [t.name for t in tables])
    by_name = {t.name: t for t in tables}
    tables = [by_name[name] for name in order]

    expected = await _source_tallies(source, tables, converters)
    result = CopyResult(
        [TableResult(t.name, expected[t.name].rows, expected[t.name].checksum) for t in tables]
    )
    async with target.transaction():
        present = {t.name: await _target_tally(target, t) for t in tables}
        occupied = [name for name, tally in present.items() if tally.rows]
        if occupied:
            if all(_same(present[n], expected[n]) for n in present):
                result.copied = False  # a copy made before: nothing to do
                return result
            if not replace:
                raise CopyError(
                    f"The target already holds rows in {', '.join(occupied)} that are not the "
                    "source's. Copy into an empty database, or add --replace to empty these "
                    "tables first."
                )
            await target.execute("TRUNCATE " + ", ".join(f'"{t.name}"' for t in tables))
        for table in tables:
            await target.copy_records_to_table(
                table.name,
                records=_records(source, table, converters[table.name]),
                columns=list(table.columns),
            )
        await _reset_identities(target, tables)
        for table in tables:
            found = await _target_tally(target, table)
            want = expected[table.name]
            if not _same(found, want):
                raise CopyError(
                    f"{table.name}: {found.rows} rows (checksum {found.checksum}) arrived, "
                    f"{want.rows} ({want.checksum}) were read; nothing was kept."
                )
    return result


def _same(one: Tally, other: Tally) -> bool:
    return (one.rows, one.checksum) == (other.rows, other.checksum)


async def _records(
    source: Source, table: Table, converters: list[Any]
) -> AsyncIterator[tuple[Any, ...]]:
    async for batch in source.rows(table):
        for row in batch:
            yield _escaped(_convert(row, converters))


def iter_lines(result: CopyResult) -> Iterator[str]:
    width = max((len(t.name) for t in result.tables), default=5)
    yield f"{'table':<{width}}  {'rows':>9}  checksum"
    for table in result.tables:
        yield f"{table.name:<{width}}  {table.rows:>9}  {table.checksum}"
