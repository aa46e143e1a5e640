"""Sessions, sign-in attempts and message pace, on clocks the tests move."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from adapters.web.guard import Attempts, Pace, Passwords, hash_password, same
from adapters.web.rooms import CLOSE_SLOW, QUEUED, Listener, Room, Rooms
from adapters.web.sessions import Role, Sessions, SessionsFull
from bot.identity import web_room

ROOT = Path(__file__).resolve().parents[2]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_session_ends_after_an_hour_idle_and_twelve_hours_in_all() -> None:
    clock = Clock()
    sessions = Sessions(idle=3600, most_age=12 * 3600, most=10, clock=clock)
    token, session = sessions.open(Role.OPERATOR, "operator", "Operator")
    clock.now += 3599
    assert sessions.get(token) is session  # seen: the idle time starts again
    while clock.now + 3000 - session.started < 12 * 3600:
        clock.now += 3000
        assert sessions.get(token) is session
    clock.now += 3000
    assert sessions.get(token) is None  # twelve hours, however busy
    token, _ = sessions.open(Role.PLAYER, "p", "P")
    clock.now += 3600
    assert sessions.get(token) is None
    assert len(sessions) == 0


def test_the_store_keeps_only_a_hash_of_the_cookie() -> None:
    sessions = Sessions(idle=60, most_age=600, most=10)
    token, _ = sessions.open(Role.PLAYER, "p", "P")
    assert token not in repr(sessions._by_digest)
    assert sessions.get(token + "x") is None
    sessions.close(token)
    assert sessions.get(token) is None


def test_a_full_store_makes_room_by_players_never_by_operators() -> None:
    clock = Clock()
    sessions = Sessions(idle=3600, most_age=7200, most=2, clock=clock)
    operator, _ = sessions.open(Role.OPERATOR, "operator", "Operator")
    clock.now += 1
    first, _ = sessions.open(Role.PLAYER, "p1", "One")
    clock.now += 1
    second, _ = sessions.open(Role.PLAYER, "p2", "Two")
    assert sessions.get(first) is None
    assert sessions.get(second) is not None
    assert sessions.get(operator) is not None
    only_operators = Sessions(idle=3600, most_age=7200, most=1, clock=clock)
    only_operators.open(Role.OPERATOR, "operator", "Operator")
    with pytest.raises(SessionsFull):
        only_operators.open(Role.PLAYER, "p", "P")


def test_wrong_passwords_wait_per_address_until_the_window_passes() -> None:
    clock = Clock()
    attempts = Attempts(most=3, window=900, clock=clock)
    for _ in range(3):
        assert attempts.wait("10.0.0.1") == 0
        attempts.failed("10.0.0.1")
    assert attempts.wait("10.0.0.1") == pytest.approx(900)
    assert attempts.wait("10.0.0.2") == 0  # another address is not held up
    clock.now += 901
    assert attempts.wait("10.0.0.1") == 0


def test_pace_allows_a_burst_then_the_rate() -> None:
    clock = Clock()
    pace = Pace(per_minute=30, clock=clock)
    allowed = sum(pace.allow() for _ in range(20))
    assert allowed == 3
    clock.now += 2  # one message every two seconds
    assert pace.allow()
    assert not pace.allow()


async def test_passwords_are_checked_against_the_argon2_hash() -> None:
    hashed = hash_password("a long enough secret")
    assert hashed.startswith("$argon2id$")
    assert await Passwords(hashed).check("a long enough secret")
    assert not await Passwords(hashed).check("a long enough secreT")
    assert not await Passwords(None).check("anything")
    assert not await Passwords("not a hash").check("anything")
    assert same("abc", "abc")
    assert not same("abd", "abc")
    assert not same(None, "abc")


async def test_a_room_replays_what_a_page_missed_or_starts_it_over() -> None:
    class Page:
        def __init__(self, session: str) -> None:
            self.session = session
            self.got: list[dict[str, object]] = []

        def push(self, body: dict[str, object]) -> None:
            self.got.append(body)

    room = Room(web_room("lobby"), keep=3, most_listeners=2)
    for n in range(5):
        room.publish({"type": "said", "text": str(n)})
    room.publish({"type": "message", "text": "for b only"}, audience="b")
    back = Page("a")
    assert room.join(back, room.epoch, after=4)  # type: ignore[arg-type]
    assert [e.get("text") for e in back.got] == ["4", None]  # event 5, then ready
    old = Page("a")
    assert room.join(old, room.epoch, after=1)  # type: ignore[arg-type]
    assert old.got[0]["type"] == "reset"
    assert [e.get("text") for e in old.got[1:-1]] == ["3", "4"]
    assert not room.join(Page("c"), room.epoch, 0)  # type: ignore[arg-type]
    rooms = Rooms(most=1, keep=5, most_listeners=1, most_sockets=10)
    assert rooms.get(web_room("a")) is not None
    assert rooms.get(web_room("b")) is not None  # the empty one made way


def test_set_password_writes_only_a_hash(tmp_path: Path) -> None:
    target = tmp_path / "web__password_hash"
    result = subprocess.run(
        [sys.executable, "-m", "bot", "web", "set-password", "--stdin", "--write", str(target)],
        input="a fine long password\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    written = target.read_text()
    assert written.startswith("$argon2id$")
    assert "a fine long password" not in written
    assert target.stat().st_mode & 0o777 == 0o600
    short = subprocess.run(
        [sys.executable, "-m", "bot", "web", "set-password", "--stdin"],
        input="short\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert short.returncode == 1


class StuckSocket:
    """A browser that stopped reading: sends never finish."""

    def __init__(self) -> None:
        self.closed_with: int | None = None

    async def send_json(self, data: Any) -> None:
        await asyncio.Event().wait()

    async def close(self, *, code: int = 1000, message: bytes = b"") -> bool:
        self.closed_with = code
        return True


async def test_a_page_that_falls_too_far_behind_is_closed_to_resume_later() -> None:
    socket = StuckSocket()
    listener = Listener(socket, "s1")
    for n in range(QUEUED + 1):
        listener.push({"n": n})
    await asyncio.sleep(0)
    assert socket.closed_with == CLOSE_SLOW
    assert listener.queue.qsize() == QUEUED  # bounded: nothing past the limit was kept
    await listener.close()
