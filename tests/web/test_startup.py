"""The web platform in ``storybot run``: on only when enabled, and a stop during start-up."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings
from bot.service import configured_platforms, run_service
from tests.web.conftest import web_settings


async def test_a_stop_before_the_first_start_ends_the_service(tmp_path: Path) -> None:
    """A SIGTERM that came before a platform's first attempt left start-up waiting forever."""
    stop = asyncio.Event()
    stop.set()
    assert await asyncio.wait_for(run_service(web_settings(tmp_path), stop=stop), 15) == 0


def test_web_is_off_by_default_and_needs_a_password_for_operators() -> None:
    assert "web" not in configured_platforms(load_settings())
    with pytest.raises(ConfigError, match="set-password"):
        load_settings(web={"enabled": True})
    assert "web" in configured_platforms(load_settings(web={"enabled": True, "access": "open"}))
