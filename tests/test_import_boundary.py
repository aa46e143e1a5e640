"""The core never imports a platform library."""

from __future__ import annotations

import subprocess
import sys

PLATFORM_LIBRARIES = ("discord", "telegram", "slack_bolt", "slack_sdk")
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


def test_core_imports_no_platform_library() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {PLATFORM_LIBRARIES!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
