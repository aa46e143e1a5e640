"""A tiny ``sd_notify`` client, so ``Type=notify`` and ``WatchdogSec=`` work without a dependency.

systemd passes ``$NOTIFY_SOCKET`` (a path, or ``@name`` for an abstract socket) to a
``Type=notify`` service and waits for ``READY=1`` before it counts the service as
started; with ``WatchdogSec=`` it also expects ``WATCHDOG=1`` more often than
``$WATCHDOG_USEC`` and restarts the service when the pings stop. Outside systemd
(a terminal, Docker, tests) the variable is absent and every call does nothing.

Datagrams are sent from a non-blocking socket: a send never waits, so calling
these methods from the event loop is fine. A failed send is logged and dropped,
because the bot must keep serving even when the service manager cannot be told.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)


def _address(value: str) -> str | None:
    """The ``sendto`` address for a ``$NOTIFY_SOCKET`` value, or None if unsupported.

    ``@name`` is Linux's abstract namespace, whose addresses start with a NUL byte.
    Other transports (``vsock:...``, used for VMs) are not for us.
    """
    if value.startswith("@"):
        return "\0" + value[1:]
    if value.startswith("/"):
        return value
    return None


class SystemdNotifier:
    """Tells systemd about the service's state; does nothing when not run by systemd."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        env = os.environ if environ is None else environ
        value = env.get("NOTIFY_SOCKET", "")
        self._address = _address(value) if value else None
        if value and self._address is None:
            log.warning("NOTIFY_SOCKET %r is not a unix socket; not notifying systemd", value)
        self._socket: socket.socket | None = None

    @property
    def enabled(self) -> bool:
        return self._address is not None

    def notify(self, *assignments: str) -> bool:
        """Send ``KEY=value`` lines in one datagram; True if it was sent."""
        if self._address is None or not assignments:
            return False
        try:
            if self._socket is None:
                self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
                self._socket.setblocking(False)
            self._socket.sendto("\n".join(assignments).encode(), self._address)
        except OSError as exc:
            log.warning("could not notify systemd (%s): %s", assignments[0], exc)
            return False
        return True

    def ready(self, status: str | None = None) -> bool:
        """Startup is complete: systemd starts units ordered after this one."""
        return self.notify("READY=1", *([f"STATUS={status}"] if status else []))

    def stopping(self, status: str | None = None) -> bool:
        """Shutdown has begun, so systemd does not take the wait for a hang."""
        return self.notify("STOPPING=1", *([f"STATUS={status}"] if status else []))

    def watchdog(self) -> bool:
        """The service is alive; must repeat within ``WatchdogSec=``."""
        return self.notify("WATCHDOG=1")

    def status(self, text: str) -> bool:
        """A one-line status shown by ``systemctl status``."""
        return self.notify("STATUS=" + " ".join(text.splitlines()))

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None


def watchdog_interval(environ: Mapping[str, str] | None = None) -> float | None:
    """Seconds between watchdog pings (half the period systemd allows), or None if off.

    ``$WATCHDOG_PID``, when set, names the process the watchdog is meant for; a
    child that inherited the environment must not ping on the parent's behalf.
    """
    env = os.environ if environ is None else environ
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    if usec <= 0:
        return None
    pid = env.get("WATCHDOG_PID")
    if pid is not None and pid.strip() != str(os.getpid()):
        return None
    return usec / 1_000_000 / 2


async def run_watchdog(notifier: SystemdNotifier, interval: float) -> None:
    """Ping the watchdog every ``interval`` seconds until cancelled.

    Run as a task on the service's event loop: if the loop blocks or dies, the
    pings stop and systemd restarts the service, which is the point.
    """
    while True:
        notifier.watchdog()
        await asyncio.sleep(interval)
