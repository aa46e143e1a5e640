"""The sd_notify client against real AF_UNIX datagram sockets, as systemd listens."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.sdnotify import SystemdNotifier, run_watchdog, watchdog_interval


@pytest.fixture
def listener() -> Iterator[tuple[socket.socket, str]]:
    """A bound datagram socket and its path (short: AF_UNIX paths hold ~107 bytes)."""
    with tempfile.TemporaryDirectory(prefix="sd") as directory:
        path = str(Path(directory) / "notify")
        receiver = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        receiver.bind(path)
        receiver.settimeout(5)  # a missing datagram fails the test instead of hanging it
        yield receiver, path
        receiver.close()


def test_messages_arrive_as_systemd_expects(listener: tuple[socket.socket, str]) -> None:
    receiver, path = listener
    notifier = SystemdNotifier({"NOTIFY_SOCKET": path})
    assert notifier.enabled
    assert notifier.ready()
    assert receiver.recv(4096) == b"READY=1"
    assert notifier.ready("serving telegram")
    assert receiver.recv(4096) == b"READY=1\nSTATUS=serving telegram"
    assert notifier.watchdog()
    assert receiver.recv(4096) == b"WATCHDOG=1"
    assert notifier.status("two\nlines")
    assert receiver.recv(4096) == b"STATUS=two lines"
    assert notifier.stopping()
    assert receiver.recv(4096) == b"STOPPING=1"
    notifier.close()


def test_reads_notify_socket_from_the_environment(
    listener: tuple[socket.socket, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    receiver, path = listener
    monkeypatch.setenv("NOTIFY_SOCKET", path)
    notifier = SystemdNotifier()
    assert notifier.ready()
    assert receiver.recv(4096) == b"READY=1"
    notifier.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="abstract sockets are Linux-only")
def test_abstract_socket() -> None:
    name = f"storybot-test-{uuid.uuid4().hex}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as receiver:
        receiver.bind("\0" + name)
        receiver.settimeout(5)
        notifier = SystemdNotifier({"NOTIFY_SOCKET": "@" + name})
        assert notifier.watchdog()
        assert receiver.recv(4096) == b"WATCHDOG=1"
        notifier.close()


def test_does_nothing_without_notify_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    notifier = SystemdNotifier()
    assert not notifier.enabled
    assert not notifier.ready()
    assert not notifier.watchdog()
    assert not notifier.stopping()
    assert not notifier.status("idle")
    notifier.close()


def test_unsupported_address_is_ignored(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.sdnotify"):
        notifier = SystemdNotifier({"NOTIFY_SOCKET": "vsock:2:1234"})
    assert not notifier.enabled
    assert not notifier.ready()
    assert "vsock:2:1234" in caplog.text


def test_failed_send_is_logged_not_raised(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    notifier = SystemdNotifier({"NOTIFY_SOCKET": str(tmp_path / "nobody-listens")})
    with caplog.at_level(logging.WARNING, logger="bot.sdnotify"):
        assert not notifier.ready()
    assert "READY=1" in caplog.text
    notifier.close()


def test_send_never_blocks_when_systemd_is_not_reading(
    listener: tuple[socket.socket, str],
) -> None:
    """A full receive queue drops the message (EAGAIN) instead of stalling the event loop."""
    _, path = listener
    notifier = SystemdNotifier({"NOTIFY_SOCKET": path})
    assert notifier.watchdog()
    sent = 1
    while notifier.watchdog():
        sent += 1
        assert sent < 100_000, "every datagram was queued: the send is not the non-blocking kind"
    notifier.close()


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"WATCHDOG_USEC": "30000000"}, 15.0),
        ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid())}, 15.0),
        ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid() + 1)}, None),
        ({"WATCHDOG_USEC": "0"}, None),
        ({"WATCHDOG_USEC": "soon"}, None),
        ({}, None),
    ],
)
def test_watchdog_interval(environ: dict[str, str], expected: float | None) -> None:
    assert watchdog_interval(environ) == expected


def test_watchdog_interval_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WATCHDOG_USEC", "2000000")
    monkeypatch.delenv("WATCHDOG_PID", raising=False)
    assert watchdog_interval() == 1.0


async def test_run_watchdog_pings_until_cancelled(listener: tuple[socket.socket, str]) -> None:
    receiver, path = listener
    receiver.setblocking(False)
    notifier = SystemdNotifier({"NOTIFY_SOCKET": path})
    task = asyncio.create_task(run_watchdog(notifier, 0.001))
    loop = asyncio.get_running_loop()
    try:
        for _ in range(3):
            assert await asyncio.wait_for(loop.sock_recv(receiver, 4096), 5) == b"WATCHDOG=1"
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        notifier.close()
    assert task.cancelled()
