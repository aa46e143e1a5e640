"""Numbered SQL migrations, applied in order and tracked with ``PRAGMA user_version``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def load_migrations() -> list[Migration]:
    """Every ``NNN_name.sql`` shipped in ``storage/migrations``, in version order.

    Versions must run 1, 2, 3... without gaps, so a missing file is caught here
    rather than leaving a database half upgraded.
    """
    found: list[Migration] = []
    for entry in resources.files("storage").joinpath("migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise RuntimeError(f"migration {expected:03d} is missing (found {migration.name})")
    return found


def upgrade_script(current: int, migrations: list[Migration]) -> str | None:
    """One script that applies every pending migration in a single transaction."""
    pending = [m for m in migrations if m.version > current]
    if not pending:
        return None
    body = "\n".join(m.sql for m in pending)
    return f"BEGIN IMMEDIATE;\n{body}\nPRAGMA user_version = {pending[-1].version};\nCOMMIT;"
