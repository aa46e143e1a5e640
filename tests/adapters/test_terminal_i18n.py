"""The terminal speaks its user's locale: ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` in POSIX order."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from adapters.terminal import NO_SUCH_COMMAND, TerminalChat, terminal_locale
from bot.engine import Engine
from bot.i18n import translator
from bot.identity import ChannelKey, Sender
from bot.types import Request
from tests.conftest import collect
from tests.i18n_catalogs import needs_catalogs


@pytest.mark.parametrize(
    ("environ", "locale"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de_DE"),
        ({"LANG": "de_DE.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "fr_FR"),
        ({"LANG": "de_DE.UTF-8", "LC_MESSAGES": "fr_FR", "LC_ALL": "ja_JP.UTF-8"}, "ja_JP"),
        ({"LANG": "sr_RS.UTF-8@latin"}, "sr_RS"),
        ({"LC_ALL": "C", "LANG": "de_DE.UTF-8"}, None),  # the first one set decides
        ({"LANG": "C.UTF-8"}, None),
        ({"LANG": "POSIX"}, None),
        ({"LC_ALL": "", "LANG": "fr_CA"}, "fr_CA"),  # set but empty counts as unset
        ({}, None),
    ],
)
def test_the_locale_is_read_as_posix_orders_it(environ: dict[str, str], locale: str | None) -> None:
    assert terminal_locale(environ) == locale


def chat(
    engine: Engine, tmp_path: Path, lines: str, environ: dict[str, str]
) -> tuple[TerminalChat, io.StringIO]:
    out = io.StringIO()
    terminal = TerminalChat(
        engine,
        user="Ada",
        channel="local",
        export_dir=tmp_path,
        stdin=io.StringIO(lines),
        stdout=out,
        interactive=False,
        environ=environ,
    )
    return terminal, out


def test_the_sender_carries_the_terminal_s_locale(engine: Engine, tmp_path: Path) -> None:
    terminal, _ = chat(engine, tmp_path, "", {"LANG": "ja_JP.UTF-8"})
    assert terminal.request("help").sender.locale == "ja_JP"


@needs_catalogs("de")
async def test_a_german_terminal_is_answered_in_german(engine: Engine, tmp_path: Path) -> None:
    request = Request(ChannelKey.of("test", "x"), Sender("1", "", "de_DE"), "help")
    _, german = await collect(engine.handle(request))
    assert german is not None
    terminal, out = chat(engine, tmp_path, "help\n/nonsense\n", {"LANG": "de_DE.UTF-8"})
    await terminal.run()
    assert german.text in out.getvalue()
    unknown = translator("de").gettext(NO_SUCH_COMMAND)
    assert unknown.format(command="/nonsense") in out.getvalue()
