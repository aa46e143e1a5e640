"""The terminal speaks its user's locale: ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` in POSIX order."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from adapters.terminal import NO_SUCH_COMMAND, TerminalChat, terminal_locale
from adapters.terminal.screen import NO_LINE_START, Screen
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


def test_with_no_usable_locale_the_terminal_speaks_the_default(
    engine: Engine, tmp_path: Path
) -> None:
    terminal = TerminalChat(
        engine,
        user="Ada",
        channel="local",
        export_dir=tmp_path,
        stdin=io.StringIO(""),
        stdout=io.StringIO(),
        interactive=False,
        environ={"LANG": "C.UTF-8"},
        default_language="fr",
    )
    assert terminal.language == "fr"
    assert chat(engine, tmp_path, "", {"LANG": "de_DE.UTF-8"})[0].language == "de"


def test_japanese_wraps_between_characters_never_before_a_full_stop() -> None:
    """Japanese has no spaces: it goes on where the line is and breaks between
    characters; no line starts with 、。！？ or a closing bracket, none is too wide."""
    out = io.StringIO()
    screen = Screen(Console(file=out, width=20, highlight=False, color_system=None))
    text = (
        "第1部： 夜明けの港で古い灯台守が静かに目を覚まし、"
        "遠い海の向こうを見つめていた。「来た！」と彼は言った。"
    )
    for piece in (text[:9], text[9:30], text[30:]):  # as it streams in
        screen.write(piece)
    lines = out.getvalue().splitlines()
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(cell_len(line) <= 20 for line in lines)
    assert not any(line[:1] in NO_LINE_START for line in lines), lines
    assert cell_len(lines[0]) >= 18  # the first line is filled, not left short
