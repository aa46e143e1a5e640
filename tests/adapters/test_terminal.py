"""The interactive terminal through prompt_toolkit's own test input: editing, history,
wrapping, emphasis and a clean exit. Piped use is covered end to end in tests/test_cli.py."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.cells import cell_len

from adapters.terminal import TerminalChat
from bot.engine import Engine
from bot.identity import ChannelKey
from bot.providers.base import Generation
from storage.sqlite import SqliteStore
from tests.conftest import collect
from tests.fakes.provider import ScriptedProvider

UP, CTRL_R, CTRL_D, ENTER = "\x1b[A", "\x12", "\x04", "\r"
WIDTH = 40


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch) -> Iterator[PipeInput]:
    monkeypatch.setenv("COLUMNS", str(WIDTH))
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


async def settle(provider: ScriptedProvider, count: int) -> None:
    async with asyncio.timeout(5):
        while len(provider.generations) < count:  # noqa: ASYNC110 - the provider has no event
            await asyncio.sleep(0.01)
    await asyncio.sleep(0.05)  # the reply is printed and the next prompt is up


def chat(engine: Engine, tmp_path: Path, out: io.StringIO) -> TerminalChat:
    return TerminalChat(
        engine,
        user="Ada",
        channel="local",
        export_dir=tmp_path,
        stdout=out,
        interactive=True,
        history=tmp_path / "history",
    )


async def test_history_recalls_lines_with_up_and_ctrl_r(
    engine: Engine, provider: ScriptedProvider, tmp_path: Path, keys: PipeInput
) -> None:
    out = io.StringIO()
    running = asyncio.create_task(chat(engine, tmp_path, out).run())
    keys.send_text("a fox named Juniper" + ENTER)
    await settle(provider, 1)
    keys.send_text("the fox finds a key" + ENTER)
    await settle(provider, 2)
    keys.send_text(UP + ENTER)  # the line before, again
    await settle(provider, 3)
    keys.send_text(CTRL_R + "Junip" + ENTER + ENTER)  # search back for the first line
    await settle(provider, 4)
    keys.send_text(CTRL_D)
    await asyncio.wait_for(running, 5)
    directions = [g.context.direction for g in provider.generations]
    assert directions == ["", "the fox finds a key", "the fox finds a key", "a fox named Juniper"]
    assert "a fox named Juniper" in (tmp_path / "history").read_text()
    assert out.getvalue().endswith("\n")  # Ctrl-D leaves the shell a clean line


async def test_replies_are_wrapped_to_the_width_and_code_shows_without_backticks(
    engine: Engine, provider: ScriptedProvider, tmp_path: Path, keys: PipeInput
) -> None:
    def script(generation: Generation) -> str:
        words = " ".join(f"word{n}" for n in range(60))
        return f"{words} 夜明けの港で古い灯台守が静かに目を覚まし、遠い海の向こうを見つめていた。"

    provider.script = script
    out = io.StringIO()
    running = asyncio.create_task(chat(engine, tmp_path, out).run())
    keys.send_text("/story settings colour blue" + ENTER)  # an error quoting `colour`
    keys.send_text("a harbour at dawn" + ENTER)
    await settle(provider, 1)
    keys.send_text(CTRL_D)
    await asyncio.wait_for(running, 5)
    screen = out.getvalue()
    assert all(cell_len(line) <= WIDTH for line in screen.splitlines())
    assert "Unknown setting colour." in screen
    assert "`" not in screen
    assert "word59" in screen
    assert "見つめていた。" in screen.replace("\n", "")


async def test_a_waiting_story_is_greeted_with_its_last_lines(
    engine: Engine, provider: ScriptedProvider, tmp_path: Path, keys: PipeInput
) -> None:
    out = io.StringIO()
    first = chat(engine, tmp_path, out)
    await collect(engine.handle(first.request("a fox named Juniper")))
    running = asyncio.create_task(first.run())
    keys.send_text(CTRL_D)
    await asyncio.wait_for(running, 5)
    greeting = out.getvalue()
    assert "Welcome back" in greeting
    assert "Part 1 of a fox named Juniper" in greeting.replace("\n", " ")
    assert "/story new <prompt> to start another" in greeting.replace("\n", " ")


async def test_piped_edit_and_twine_export_work_as_typed(
    engine: Engine, store: SqliteStore, tmp_path: Path
) -> None:
    """The terminal has no modal: ``/story edit <text>`` is the new text, as on Telegram."""
    lines = "a fox named Juniper\n/story edit The fox sleeps under the hill.\n/story export twine\n"
    out = io.StringIO()
    chat = TerminalChat(
        engine,
        user="Ada",
        channel="local",
        export_dir=tmp_path,
        stdin=io.StringIO(lines),
        stdout=out,
        interactive=False,
    )
    await asyncio.wait_for(chat.run(), 10)

    assert "Part 1 is rewritten as you wrote it" in out.getvalue()
    story = await store.active_story(ChannelKey.of("terminal", "local"))
    assert story is not None
    assert [p.text for p in await store.all_parts(story.id)] == ["The fox sleeps under the hill."]
    assert ":: Part 1\nThe fox sleeps under the hill." in saved_twee(tmp_path)


def saved_twee(folder: Path) -> str:
    (exported,) = folder.glob("story-*.twee")
    return exported.read_text()
