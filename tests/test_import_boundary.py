"""The layers' boundaries: the core imports no platform library and no adapter (except the
composition roots that start them), and adapters never reach into storage."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLATFORM_LIBRARIES = ("discord", "telegram", "slack_bolt", "slack_sdk")
COMPOSITION_ROOTS = {"bot/cli.py", "bot/service.py"}
"""The entry points that choose and start adapters; nothing else in the core may name one."""
CORE_MODULES = (
    "bot",
    "bot.engine",
    "bot.app",
    "bot.cli",
    "bot.delivery",
    "bot.service",
    "storage.sqlite",
    "adapters.terminal",
)


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports by name, at any depth, and every string it hands to
    ``importlib.import_module`` (an f-string counts by its constant prefix)."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module":
            argument = node.args[0] if node.args else None
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                found.add(argument.value)
            elif isinstance(argument, ast.JoinedStr) and argument.values:
                first = argument.values[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value.rstrip("."))
    return found


def top(name: str) -> str:
    return name.split(".")[0]


def files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def test_the_core_and_storage_import_no_platform_library() -> None:
    for path in files("bot") + files("storage"):
        libraries = {top(m) for m in imported_modules(path)} & set(PLATFORM_LIBRARIES)
        assert not libraries, f"{path.relative_to(ROOT)} imports {libraries}"


def test_only_the_composition_roots_import_adapters() -> None:
    for path in files("bot") + files("storage"):
        relative = str(path.relative_to(ROOT))
        if relative in COMPOSITION_ROOTS:
            continue
        adapters = {m for m in imported_modules(path) if top(m) == "adapters"}
        assert not adapters, f"{relative} imports {adapters}"
    service = imported_modules(ROOT / "bot/service.py")
    assert "adapters" in service, "the service starts adapters by name, only when configured"


def test_adapters_never_import_storage() -> None:
    for path in files("adapters"):
        stores = {m for m in imported_modules(path) if top(m) == "storage"}
        assert not stores, f"{path.relative_to(ROOT)} imports {stores}: ask the engine instead"


def test_the_boundary_check_sees_imports_at_any_depth(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os\n"
        "def f():\n"
        "    from storage.base import Store\n"
        "    import discord.ext\n"
        "    importlib.import_module(f'adapters.{name}')\n"
    )
    assert imported_modules(sample) == {"os", "storage.base", "discord.ext", "adapters"}


def test_importing_the_core_loads_no_platform_library() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {PLATFORM_LIBRARIES!r}))\n"
        "print(sorted(m for m in sys.modules if m.startswith('adapters.') "
        "and m.split('.')[1] != 'terminal'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.split("\n")[:2] == ["[]", "[]"]
