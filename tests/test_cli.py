"""The command line: chat end to end in a subprocess, check-config, bad configuration."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def storybot(
    *args: str, stdin: str = "", env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("STORYBOT_")}
    base.update({"STORYBOT_OFFLINE__CHUNK_DELAY": "0", "PYTHONPATH": str(ROOT)})
    base.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=base,
        cwd=cwd or ROOT,
        timeout=60,
        check=False,
    )


def test_chat_story_persists_across_runs(tmp_path: Path) -> None:
    env = {"STORYBOT_DATABASE_PATH": str(tmp_path / "chat.db"), "STORYBOT_OFFLINE__SEED": "3"}
    first = storybot(
        "chat", "--user", "Ada", stdin="A fox named Juniper guards the Copper Bridge\n", env=env
    )
    assert first.returncode == 0, first.stderr
    assert "Juniper" in first.stdout

    second = storybot("chat", stdin="/story recap\n/story export\n", env=env)
    assert second.returncode == 0, second.stderr
    assert "Juniper" in second.stdout
    exported = tmp_path / "story-1.md"
    assert "## Part 1" in exported.read_text()
    third = storybot("chat", stdin="she crosses the river\n/story export\n", env=env)
    assert third.returncode == 0, third.stderr
    assert "## Part 2" in exported.read_text()
    assert "she crosses the river" in exported.read_text()


def test_chat_channels_are_separate(tmp_path: Path) -> None:
    env = {"STORYBOT_DATABASE_PATH": str(tmp_path / "chat.db")}
    storybot("chat", "--channel", "one", stdin="A fox named Juniper\n", env=env)
    other = storybot("chat", "--channel", "two", stdin="/story export\n", env=env)
    assert "no story in this channel" in other.stdout


def test_missing_database_folder_is_a_clear_error_for_the_service(tmp_path: Path) -> None:
    env = {
        "STORYBOT_DATABASE_PATH": str(tmp_path / "no" / "x.db"),
        "STORYBOT_TELEGRAM__TOKEN": "123:abc",
    }
    result = storybot("run", env=env)
    assert result.returncode == 1
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_chat_creates_its_database_folder_and_exports_to_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "data"
    env = {"STORYBOT_DATABASE_PATH": str(folder / "x.db")}
    result = storybot("chat", stdin="A fox named Juniper\n/story export\n", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    saved = folder / "story-1.md"
    assert f"Saved as {saved.relative_to(tmp_path)}" in result.stdout
    assert saved.read_text().startswith("# A fox named Juniper")


def test_unknown_slash_commands_never_become_story_text(tmp_path: Path) -> None:
    env = {"STORYBOT_DATABASE_PATH": str(tmp_path / "x.db")}
    result = storybot("chat", stdin="A fox named Juniper\n/quit2\n/story recap\n", env=env)
    assert "There is no command `/quit2`" in result.stdout
    with sqlite3.connect(tmp_path / "x.db") as db:
        assert db.execute("SELECT COUNT(*) FROM parts").fetchone() == (1,)


def test_version_and_log_level_after_the_subcommand(tmp_path: Path) -> None:
    version = storybot("--version")
    assert version.returncode == 0
    assert version.stdout.startswith("storybot ")
    env = {"STORYBOT_DATABASE_PATH": str(tmp_path / "x.db")}
    chatty = storybot("chat", "--log-level", "debug", stdin="A fox\n", env=env)
    assert chatty.returncode == 0, chatty.stderr
    assert '"level": "DEBUG"' in chatty.stderr


def test_check_config_redacts_secrets(tmp_path: Path) -> None:
    config = tmp_path / "storybot.toml"
    config.write_text('[llm]\nmodel = "from-toml"\n[story]\nmax_queue = 7\n')
    result = storybot(
        "--config",
        str(config),
        "check-config",
        env={"STORYBOT_TELEGRAM__TOKEN": "123:SECRET", "STORYBOT_STORY__MAX_QUEUE": "9"},
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["llm"]["model"] == "from-toml"
    assert shown["story"]["max_queue"] == 9  # the environment wins over the file
    assert shown["telegram"]["token"] == "**********"
    assert "SECRET" not in result.stdout


@pytest.mark.parametrize(
    ("env", "key"),
    [
        ({"STORYBOT_LLM__PROVIDER": "gpt5"}, "llm.provider"),
        ({"STORYBOT_STORY__MAX_QUEUE": "lots"}, "story.max_queue"),
        ({"STORYBOT_STORY__MAX_QEUE": "1"}, "story.max_qeue"),
    ],
)
def test_invalid_config_exits_2_naming_the_key(env: dict[str, str], key: str) -> None:
    result = storybot("check-config", env=env)
    assert result.returncode == 2
    assert key in result.stderr


def test_missing_config_file(tmp_path: Path) -> None:
    result = storybot("--config", str(tmp_path / "none.toml"), "check-config")
    assert result.returncode == 2
    assert "does not exist" in result.stderr


def test_run_without_platform_says_how_to_configure(tmp_path: Path) -> None:
    result = storybot("run", env={"STORYBOT_DATABASE_PATH": str(tmp_path / "r.db")})
    assert result.returncode == 2
    assert "STORYBOT_TELEGRAM__TOKEN" in result.stderr


def test_undecodable_bytes_in_the_terminal_still_make_a_stored_story(tmp_path: Path) -> None:
    """Invalid UTF-8 on stdin was shown, failed to store, and the reader was told
    "Nothing was lost" — which was false."""
    db = tmp_path / "bytes.db"
    base = {k: v for k, v in os.environ.items() if not k.startswith("STORYBOT_")}
    base.update(
        {"STORYBOT_OFFLINE__CHUNK_DELAY": "0", "PYTHONPATH": str(ROOT)},
        STORYBOT_DATABASE_PATH=str(db),
    )
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat"],
        input=b"A fox named Juniper and \xff\xfe bytes\n",
        capture_output=True,
        env=base,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert b"Something went wrong" not in result.stdout
    with sqlite3.connect(db) as conn:
        (premise,) = conn.execute("SELECT premise FROM stories").fetchone()
    assert premise == "A fox named Juniper and \ufffd\ufffd bytes"


@pytest.mark.parametrize(
    ("env", "named"),
    [
        (
            {"STORYBOT_DISCORD__GUILD_IDS": "12,abc"},
            "discord.guild_ids[1] (STORYBOT_DISCORD__GUILD_IDS)",
        ),
        ({"STORYBOT_FEEDS": "https://ok.example/feed,ftp://x/y"}, "feeds[1] (STORYBOT_FEEDS)"),
        ({"STORYBOT_LLM__FALLBACK": "backup"}, "llm.fallback (STORYBOT_LLM__FALLBACK)"),
        ({"STORYBOT_TELEGRAM__WEBHOOK_URL": "my.host/hook"}, "STORYBOT_TELEGRAM__WEBHOOK_URL"),
    ],
)
def test_check_config_rejects_mistakes_naming_the_real_variable(
    env: dict[str, str], named: str
) -> None:
    result = storybot("check-config", env=env)
    assert result.returncode == 2
    assert named in result.stderr
    assert "__0" not in result.stderr
    assert "__1" not in result.stderr


def test_an_unknown_storybot_variable_is_reported_with_the_closest_name(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("STORYBOT_SHUTDOWN_GRAEC=3\nOTHER_TOOL=1\n")
    result = storybot("check-config", env={"STORYBOT_HTTP_PORT": "9000"}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "STORYBOT_HTTP_PORT matches no setting and is ignored; did you mean " in result.stderr
    assert "STORYBOT_HTTP__PORT?" in result.stderr
    assert "STORYBOT_SHUTDOWN_GRAEC matches no setting" in result.stderr
    assert "STORYBOT_SHUTDOWN_GRACE?" in result.stderr
    assert "OTHER_TOOL" not in result.stderr  # not ours to judge


def test_precedence_environment_credentials_dotenv_toml_defaults(tmp_path: Path) -> None:
    """Each source wins over the ones after it: environment > credentials > .env > TOML."""
    (tmp_path / "storybot.toml").write_text(
        "log_level = 'ERROR'\nretention_days = 1\nshutdown_grace = 1\n"
        "[story]\nmax_queue = 1\n[offline]\nseed = 1\n"
    )
    (tmp_path / ".env").write_text(
        "STORYBOT_RETENTION_DAYS=2\nSTORYBOT_SHUTDOWN_GRACE=2\nSTORYBOT_STORY__MAX_QUEUE=2\n"
    )
    credentials = tmp_path / "credentials"
    credentials.mkdir()
    (credentials / "storybot_shutdown_grace").write_text("3\n")
    (credentials / "storybot_story__max_queue").write_text("3\n")
    env = {
        "STORYBOT_CONFIG": str(tmp_path / "storybot.toml"),
        "CREDENTIALS_DIRECTORY": str(credentials),
        "STORYBOT_STORY__MAX_QUEUE": "4",
    }
    result = storybot("check-config", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["story"]["max_queue"] == 4  # the environment
    assert shown["shutdown_grace"] == 3  # a credential
    assert shown["retention_days"] == 2  # .env
    assert shown["log_level"] == "ERROR"  # TOML
    assert shown["feed_interval_hours"] == 6  # the default
    assert shown["offline"]["seed"] == 1
