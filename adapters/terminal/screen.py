"""How replies look in the terminal: streamed, wrapped to its width, emphasis shown clean.

A terminal can only append, so the surface prints what each edit adds. In an
interactive terminal the text goes through a :class:`Screen`, which wraps words
at the terminal's width as they stream in (by display cells, so Japanese wraps
by character) and shows ``code`` spans in bold instead of raw backticks, through
rich. Piped output stays plain text, exactly as it was, for scripts and tests.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO, Protocol

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from bot.delivery import Choices
from bot.i18n import N_, SOURCE, translator
from bot.types import Attachment

CHOOSE_HINT = N_("(Type a number to choose, or anything else to steer the story.)")
SAVED_AS = N_("Saved as {path}")
_TOKENS = re.compile(r"(\s+)")
NO_LINE_START = frozenset("、。，．！？」』）〉》】ー…・!?,.)")
"""Characters a Japanese line never starts with (行頭禁則)."""


class Output(Protocol):
    def write(self, text: str) -> None: ...


class Plain:
    """Text as it comes, for pipes and files."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, text: str) -> None:
        self.out.write(text)
        self.out.flush()


class Screen:
    """Streams words onto a terminal, wrapping at its width and styling ``code``."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.column = 0
        self.space = False  # a space is owed before the next word on this line
        self.code = False  # inside a `code` span

    def write(self, text: str) -> None:
        for token in _TOKENS.split(text):
            if not token:
                continue
            if token.isspace():
                self._whitespace(token)
            else:
                self._word(token)

    def _whitespace(self, token: str) -> None:
        for char in token:
            if char == "\n":
                self._newline()
            else:
                self.space = self.column > 0

    def _newline(self) -> None:
        self.console.print()
        self.column, self.space = 0, False

    def _word(self, word: str) -> None:
        width = self.console.width
        shown = cell_len(word.replace("`", ""))
        needed = shown + (1 if self.space else 0)
        if self.column and self.column + needed > width and shown <= width:
            self._newline()  # it fits on the next line whole
        elif self.space and self.column + 1 < width:
            self._emit(" ")
        if shown > width - self.column:  # longer than a line: Japanese, which has no spaces
            self._characters(word, width)
        else:
            self._emit(word)
        self.space = False

    def _characters(self, word: str, width: int) -> None:
        """Break a word between characters, but never put 、。！？ or a closing bracket at
        the start of a line: the character before it goes down with it (kinsoku)."""
        for index, char in enumerate(word):
            after = word[index + 1 : index + 2]
            room = width - self.column
            if char != "`" and (
                cell_len(char) > room
                or (after and after in NO_LINE_START and cell_len(char + after) > room)
            ):
                if self.column:
                    self._newline()
            self._emit(char)

    def _emit(self, piece: str) -> None:
        text = Text()
        for index, part in enumerate(piece.split("`")):
            if index:
                self.code = not self.code
            if part:
                text.append(part, style="bold cyan" if self.code else "")
                self.column += cell_len(part)
        self.console.print(text, end="", soft_wrap=True, highlight=False)


class TerminalSurface:
    """The delivery layer's surface for the terminal; exports are written to files."""

    def __init__(self, output: Output, export_dir: Path, language: str = SOURCE) -> None:
        self.output = output
        self.export_dir = export_dir
        self.language = language
        """The language of the hints below: the reply's own (the chat sets it per reply)."""
        self._shown: dict[int, str] = {}

    async def send(self, text: str, *, choices: Choices | None, private: bool) -> int:
        handle = len(self._shown)
        self._shown[handle] = text
        self.output.write(text)
        self._end(choices)
        return handle

    async def edit(self, handle: int, text: str, *, choices: Choices | None) -> None:
        before = self._shown.get(handle, "")
        self._shown[handle] = text
        self.output.write(text[len(before) :] if text.startswith(before) else "\n" + text)
        self._end(choices)

    def _end(self, choices: Choices | None) -> None:
        if choices is not None:
            self.output.write("\n" + translator(self.language).gettext(CHOOSE_HINT))

    async def typing(self) -> None:
        return None

    async def attach(self, attachment: Attachment, *, private: bool) -> None:
        """Write the file next to the database, and say where, as the reply promised."""
        self.export_dir.mkdir(parents=True, exist_ok=True)
        path = self.export_dir / Path(attachment.filename).name
        path.write_bytes(attachment.content)
        saved = translator(self.language).gettext(SAVED_AS).format(path=shown_path(path))
        self.output.write("\n\n" + saved)

    async def show_tally(self, choices: Choices) -> None:
        return None


def shown_path(path: Path) -> str:
    """The path relative to the current folder when it is below it, else absolute."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path.resolve())
