"""Who asked and where: a channel key and a sender, as values.

Every adapter turns its native place (a Telegram chat and topic, a Slack
thread, a Discord channel) into a :class:`ChannelKey` in one function of its
own, and back again when it must post unasked (the story of the day). The
core and storage only compare, hash and store keys; they never look inside
one to guess the platform, which is a field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PLATFORM = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")
_SEPARATOR = ":"


def _escape(part: str) -> str:
    return part.replace("%", "%25").replace(":", "%3A")


def _unescape(part: str) -> str:
    return part.replace("%3A", ":").replace("%25", "%")


@dataclass(frozen=True, slots=True)
class ChannelKey:
    """One conversation whose story this is: a platform and the platform's own ids.

    ``parts`` are whatever the adapter needs to find the place again, for
    example ``("-100123", "7")`` for topic 7 of a Telegram supergroup. The
    stored form, :attr:`text`, is ``platform:part:part`` with ``:`` and ``%``
    inside parts percent-escaped, so any parts survive a round trip, and keys
    stored before keys were values read back unchanged.
    """

    platform: str
    parts: tuple[str, ...]

    def __post_init__(self) -> None:
        if not _PLATFORM.match(self.platform):
            raise ValueError(f"not a platform name: {self.platform!r}")
        if not self.parts:
            raise ValueError("a channel key needs at least one part")

    @classmethod
    def of(cls, platform: str, *parts: object) -> ChannelKey:
        """``ChannelKey.of("telegram", 42, 7)``: parts are kept as their text."""
        return cls(platform, tuple(str(part) for part in parts))

    @property
    def text(self) -> str:
        """The form storage keeps, and logs show."""
        return _SEPARATOR.join((self.platform, *map(_escape, self.parts)))

    @classmethod
    def from_text(cls, text: str) -> ChannelKey:
        """The inverse of :attr:`text`; raises ValueError for text that is not a key."""
        platform, *parts = text.split(_SEPARATOR)
        return cls(platform, tuple(_unescape(part) for part in parts))

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Sender:
    """Who sent a request: the platform's user id, a display name, their locale if known."""

    id: str
    name: str = ""
    locale: str | None = None

    @property
    def shown_as(self) -> str:
        """How the story credits them: their name, or their id when they have none."""
        return self.name or self.id


WEB = "web"
"""The browser's platform: ``web:<user>`` is a player alone, ``web:room:<name>`` a shared room."""
_ROOM = "room"


def web_player(user_id: str) -> ChannelKey:
    """The channel of a player playing alone in the browser."""
    return ChannelKey(WEB, (user_id,))


def web_room(name: str) -> ChannelKey:
    """The channel of a named room that several browsers share."""
    return ChannelKey(WEB, (_ROOM, name))


def is_web_room(channel: ChannelKey) -> bool:
    """A web room (several players, so choices are put to a vote) rather than one player."""
    return channel.platform == WEB and len(channel.parts) == 2 and channel.parts[0] == _ROOM
