"""Server-side sessions for the browser: who is signed in, kept in memory.

The cookie carries a random token; the store keeps only its SHA-256, so a memory
dump or a log line never holds a working cookie. A session ends after
``idle`` seconds without a request and ``most_age`` seconds after sign-in,
whichever comes first, on a clock the tests can move. The store is bounded:
when it is full a new session takes the place of the least recently seen
*player*; operators are never pushed out by players, so an open page cannot be
used to sign the operator out. A restart signs everyone out, which is the
price of keeping no session in the database.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    OPERATOR = "operator"
    PLAYER = "player"


class SessionsFull(Exception):
    """Every place is held by an operator session: nobody else can sign in now."""


@dataclass(slots=True)
class Session:
    id: str
    """A public name for the session (replies meant for one browser), not the cookie."""
    role: Role
    user_id: str
    name: str
    csrf: str
    """The synchronizer token every state-changing request must carry."""
    started: float
    seen: float
    invite: int | None = None
    """The invite a player came in with; revoking it ends the session."""

    @property
    def operator(self) -> bool:
        return self.role is Role.OPERATOR


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Sessions:
    idle: float
    most_age: float
    most: int
    clock: Callable[[], float] = time.monotonic
    _by_digest: dict[str, Session] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self._by_digest)

    def open(
        self, role: Role, user_id: str, name: str, *, invite: int | None = None
    ) -> tuple[str, Session]:
        """A new session and the token for its cookie."""
        self._expire()
        if len(self._by_digest) >= self.most:
            self._make_room()
        now = self.clock()
        token = secrets.token_urlsafe(32)
        session = Session(
            secrets.token_urlsafe(12), role, user_id, name, secrets.token_urlsafe(32), now, now
        )
        session.invite = invite
        self._by_digest[_digest(token)] = session
        return token, session

    def get(self, token: str | None) -> Session | None:
        """The live session for a cookie's token, marked as seen now; None if it ended."""
        if not token:
            return None
        digest = _digest(token)
        session = self._by_digest.get(digest)
        if session is None:
            return None
        now = self.clock()
        if self._ended(session, now):
            del self._by_digest[digest]
            return None
        session.seen = now
        return session

    def close(self, token: str | None) -> None:
        if token:
            self._by_digest.pop(_digest(token), None)

    def close_where(self, ends: Callable[[Session], bool]) -> int:
        """End every session ``ends`` picks (a revoked invite's); how many ended."""
        gone = [digest for digest, session in self._by_digest.items() if ends(session)]
        for digest in gone:
            del self._by_digest[digest]
        return len(gone)

    def _ended(self, session: Session, now: float) -> bool:
        return now - session.seen >= self.idle or now - session.started >= self.most_age

    def _expire(self) -> None:
        now = self.clock()
        self.close_where(lambda session: self._ended(session, now))

    def _make_room(self) -> None:
        players = [
            (session.seen, digest)
            for digest, session in self._by_digest.items()
            if session.role is Role.PLAYER
        ]
        if not players:
            raise SessionsFull("every session is an operator's")
        del self._by_digest[min(players)[1]]
