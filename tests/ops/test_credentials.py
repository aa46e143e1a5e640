"""systemd credentials (``$CREDENTIALS_DIRECTORY``) read as ``STORYBOT_...`` settings."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings
from bot.credentials import MAX_CREDENTIAL_BYTES, credentials_env, credentials_settings

SECRET = "s3cr3t-do-not-log"


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No STORYBOT_ variable or credentials directory of the machine leaks into a test."""
    for name in list(os.environ):
        if name.startswith("STORYBOT_") or name == "CREDENTIALS_DIRECTORY":
            monkeypatch.delenv(name)


def write(directory: Path, name: str, content: str | bytes) -> Path:
    path = directory / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def test_file_names_become_environment_names(tmp_path: Path) -> None:
    write(tmp_path, "storybot_telegram__token", "123:abc\n")
    write(tmp_path, "storybot_llm__backup__api_key", "sk-1")
    write(tmp_path, "other_service_key", "not ours")
    assert credentials_env(str(tmp_path)) == {
        "STORYBOT_TELEGRAM__TOKEN": "123:abc",
        "STORYBOT_LLM__BACKUP__API_KEY": "sk-1",
    }


def test_only_one_trailing_newline_is_dropped(tmp_path: Path) -> None:
    write(tmp_path, "storybot_a", "one\n\n")
    write(tmp_path, "storybot_b", "crlf\r\n")
    write(tmp_path, "storybot_c", "line one\nline two")
    assert credentials_env(str(tmp_path)) == {
        "STORYBOT_A": "one\n",
        "STORYBOT_B": "crlf",
        "STORYBOT_C": "line one\nline two",
    }


def test_directory_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "storybot_discord__token", "tok")
    assert credentials_env() == {}
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(tmp_path))
    assert credentials_env() == {"STORYBOT_DISCORD__TOKEN": "tok"}


def test_missing_directory_gives_nothing(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.credentials"):
        assert credentials_env(str(tmp_path / "absent")) == {}
    assert "absent" in caplog.text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("storybot_big", SECRET + "x" * MAX_CREDENTIAL_BYTES, "larger than"),
        ("storybot_binary", b"\xff\xfe" + SECRET.encode(), "not UTF-8"),
        ("storybot_empty", "\n", "empty"),
        ("storybot_token.bak", SECRET, "not a setting name"),
    ],
)
def test_bad_files_are_skipped_without_showing_their_content(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, name: str, content: str | bytes, reason: str
) -> None:
    write(tmp_path, name, content)
    write(tmp_path, "storybot_good", "fine")
    with caplog.at_level(logging.DEBUG):
        assert credentials_env(str(tmp_path)) == {"STORYBOT_GOOD": "fine"}
    assert name in caplog.text
    assert reason in caplog.text
    assert SECRET not in caplog.text
    assert "fine" not in caplog.text


def test_a_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    write(tmp_path, "storybot_pem", "k" * MAX_CREDENTIAL_BYTES)
    assert credentials_env(str(tmp_path))["STORYBOT_PEM"] == "k" * MAX_CREDENTIAL_BYTES


def test_broken_links_and_directories(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "storybot_dangling").symlink_to(tmp_path / "nowhere")
    (tmp_path / "storybot_folder").mkdir()
    with caplog.at_level(logging.WARNING, logger="bot.credentials"):
        assert credentials_env(str(tmp_path)) == {}
    assert "storybot_dangling" in caplog.text
    assert "storybot_folder" not in caplog.text


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_skipped(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = write(tmp_path, "storybot_locked", SECRET)
    path.chmod(0)
    with caplog.at_level(logging.WARNING, logger="bot.credentials"):
        assert credentials_env(str(tmp_path)) == {}
    assert "storybot_locked" in caplog.text
    assert SECRET not in caplog.text


def test_settings_are_nested_and_the_environment_wins(tmp_path: Path) -> None:
    write(tmp_path, "storybot_telegram__token", "from-credential")
    write(tmp_path, "storybot_slack__bot_token", "xoxb-credential")
    write(tmp_path, "storybot_llm__backup__api_key", "sk-backup")
    environ = {"storybot_slack__bot_token": "set explicitly", "PATH": "/usr/bin"}
    assert credentials_settings(str(tmp_path), environ) == {
        "telegram": {"token": "from-credential"},
        "llm": {"backup": {"api_key": "sk-backup"}},
    }


def test_a_section_given_whole_and_by_key_keeps_the_whole(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(tmp_path, "storybot_telegram", '{"token": "whole"}')
    write(tmp_path, "storybot_telegram__token", SECRET)
    with caplog.at_level(logging.WARNING, logger="bot.credentials"):
        assert credentials_settings(str(tmp_path), {}) == {"telegram": '{"token": "whole"}'}
    assert "storybot_telegram__token" in caplog.text
    assert SECRET not in caplog.text


def test_precedence_with_the_real_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Environment > credential > TOML file, through the public ``load_settings``."""
    credentials = tmp_path / "credentials"
    credentials.mkdir()
    write(credentials, "storybot_telegram__token", "123:credential\n")
    write(credentials, "storybot_discord__token", "discord-credential")
    toml = tmp_path / "storybot.toml"
    toml.write_text(
        '[telegram]\ntoken = "123:toml"\nwebhook_url = "https://example.org/hook"\n'
        '[slack]\nbot_token = "xoxb-toml"\n'
    )
    monkeypatch.setenv("STORYBOT_DISCORD__TOKEN", "discord-env")
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(credentials))
    settings = load_settings(str(toml), **credentials_settings())
    assert settings.telegram.token is not None
    assert settings.telegram.token.get_secret_value() == "123:credential"
    assert settings.telegram.webhook_url == "https://example.org/hook"
    assert settings.slack.bot_token is not None
    assert settings.slack.bot_token.get_secret_value() == "xoxb-toml"
    assert settings.discord.token is not None
    assert settings.discord.token.get_secret_value() == "discord-env"


def test_a_misspelt_credential_is_named_not_ignored(tmp_path: Path) -> None:
    write(tmp_path, "storybot_telegram__tokn", SECRET)
    with pytest.raises(ConfigError, match="STORYBOT_TELEGRAM__TOKN") as caught:
        load_settings(None, **credentials_settings(str(tmp_path), {}))
    assert SECRET not in str(caught.value)
