"""The database section: PostgreSQL by URL, SQLite by path as before, and both spellings
of the path; the URL is a secret everywhere the configuration is shown."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings, redacted, secret_values

ROOT = Path(__file__).resolve().parents[2]
URL = "postgresql://storybot:pa55word@db.example:5432/story"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("STORYBOT_"):
            monkeypatch.delenv(name)


def test_sqlite_by_path_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYBOT_DATABASE_PATH", "/srv/bot.db")
    settings = load_settings()
    assert settings.database_path == "/srv/bot.db"
    assert settings.database.url is None


def test_the_path_beside_the_url_is_the_same_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYBOT_DATABASE__PATH", "/srv/other.db")
    assert load_settings().database_path == "/srv/other.db"
    monkeypatch.setenv("STORYBOT_DATABASE_PATH", "/srv/bot.db")
    with pytest.raises(ConfigError, match="set one of them"):
        load_settings()


def test_postgres_by_url_and_nothing_else(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYBOT_DATABASE__URL", URL)
    monkeypatch.setenv("STORYBOT_DATABASE__INSTANCE", "eu-1")
    settings = load_settings()
    assert settings.database.url is not None
    assert settings.database.url.get_secret_value() == URL
    assert settings.database.instance == "eu-1"
    assert URL in secret_values(settings), "log lines mask it"
    assert "pa55word" not in json.dumps(redacted(settings))
    monkeypatch.setenv("STORYBOT_DATABASE__URL", "mysql://x@y/z")
    with pytest.raises(ConfigError, match=r"database.url \(STORYBOT_DATABASE__URL\)"):
        load_settings()


def test_check_config_never_prints_the_url() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STORYBOT_")}
    env["STORYBOT_DATABASE__URL"] = URL
    done = subprocess.run(
        [sys.executable, "-m", "bot", "check-config"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=True,
    )
    assert "pa55word" not in done.stdout + done.stderr
    assert json.loads(done.stdout)["database"]["url"] == "**********"
