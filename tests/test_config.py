"""Configuration layering and the shipped example files."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings

ROOT = Path(__file__).resolve().parents[1]


def test_example_toml_is_valid() -> None:
    settings = load_settings(str(ROOT / "config" / "storybot.example.toml"))
    assert settings.llm.provider == "offline"


def test_example_env_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    for line in (ROOT / "config" / "storybot.example.env").read_text().splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            monkeypatch.setenv(key, value)
    assert load_settings().database_path == "data/storybot.db"


def test_layers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.toml"
    path.write_text('database_path = "from-file.db"\n[discord]\nguild_ids = [1, 2]\n')
    monkeypatch.setenv("STORYBOT_CONFIG", str(path))
    assert load_settings().database_path == "from-file.db"
    assert load_settings().discord.guild_ids == [1, 2]
    monkeypatch.setenv("STORYBOT_DATABASE_PATH", "from-env.db")
    monkeypatch.setenv("STORYBOT_DISCORD__GUILD_IDS", "3,4")
    assert load_settings().database_path == "from-env.db"
    assert load_settings().discord.guild_ids == [3, 4]


def test_malformed_toml_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("this is = = not toml")
    with pytest.raises(ConfigError):
        load_settings(str(path))


def test_unknown_key_in_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("[story]\nmax_qeue = 3\n")
    with pytest.raises(ConfigError, match=r"story\.max_qeue"):
        load_settings(str(path))


def test_credentials_directory_supplies_secrets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "storybot_telegram__token").write_text("123:FROM-FILE\n")
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(tmp_path))
    monkeypatch.delenv("STORYBOT_TELEGRAM__TOKEN", raising=False)
    token = load_settings().telegram.token
    assert token is not None
    assert token.get_secret_value() == "123:FROM-FILE"
    monkeypatch.setenv("STORYBOT_TELEGRAM__TOKEN", "from-env")
    token = load_settings().telegram.token
    assert token is not None
    assert token.get_secret_value() == "from-env"
