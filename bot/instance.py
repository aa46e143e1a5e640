"""One ``storybot run`` per SQLite database.

Two services on one database both started, both polled Telegram and both
posted the story of the day. SQLite keeps the data safe with two writers, but
the bot must act once, so ``run`` takes an exclusive ``flock`` on the
database file for as long as it runs; the kernel releases it when the process
ends, however it ends, so a crash leaves no stale lock. ``flock`` locks are
separate from the POSIX record locks SQLite itself uses, so they do not
interfere. (Several instances on one database are the PostgreSQL store's job.)
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType


class AlreadyRunning(RuntimeError):
    """Another process holds the database; the message says what to do."""


class InstanceLock:
    def __init__(self, database_path: str) -> None:
        self.path = database_path
        self._fd: int | None = None

    def __enter__(self) -> InstanceLock:
        if self.path == ":memory:" or self.path.startswith("file:"):
            return self
        Path(self.path).touch(exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CLOEXEC)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise AlreadyRunning(
                f"Another storybot run is already using {self.path}. Stop it first, or give "
                "this one its own database (STORYBOT_DATABASE_PATH). Several instances of one "
                "bot need the PostgreSQL store."
            ) from None
        self._fd = fd
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None
