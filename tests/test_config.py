"""Configuration layering and the shipped example files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bot.cli import main
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


def test_check_config_hides_passwords_and_tokens_in_urls(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in [name for name in os.environ if name.startswith("STORYBOT_")]:
        monkeypatch.delenv(name)
    monkeypatch.delenv("CREDENTIALS_DIRECTORY", raising=False)
    monkeypatch.setenv("STORYBOT_LLM__BASE_URL", "https://ada:hunter2@llm.example/v1")
    monkeypatch.setenv("STORYBOT_LLM__BACKUP__BASE_URL", "http://backup.example/v1?api_key=K3Y")
    monkeypatch.setenv("STORYBOT_TELEGRAM__WEBHOOK_URL", "https://hook.example/tg?secret=S3CR3T")
    monkeypatch.setenv("STORYBOT_SLACK__API_BASE_URL", "https://xoxb-T0K3N@slack.example/api/")
    monkeypatch.setenv(
        "STORYBOT_FEEDS",
        "https://feeds.example/rss?token=FEEDT0K&page=2,https://b.example/f.json?key=FEEDK3Y",
    )
    assert main(["check-config"]) == 0
    printed = capsys.readouterr().out
    for secret in ("hunter2", "K3Y", "S3CR3T", "T0K3N", "FEEDT0K"):
        assert secret not in printed
    shown = json.loads(printed)
    assert shown["llm"]["base_url"] == "https://ada:***@llm.example/v1"
    assert shown["llm"]["backup"]["base_url"] == "http://backup.example/v1?api_key=***"
    assert shown["telegram"]["webhook_url"] == "https://hook.example/tg?secret=***"
    assert shown["slack"]["api_base_url"] == "https://***@slack.example/api/"
    assert shown["feeds"] == [
        "https://feeds.example/rss?token=***&page=2",
        "https://b.example/f.json?key=***",
    ]
    assert shown["discord"]["api_base_url"] == "https://discord.com/api/v10"  # untouched


def test_the_readme_configuration_reference_is_up_to_date() -> None:
    """Written from the model by `make docs`; run it when a setting changes."""
    from bot.config_docs import README, written

    text = README.read_text("utf-8")
    assert written(text) == text, "README.md's configuration reference is stale: run `make docs`"


def test_the_reference_lists_every_variable() -> None:
    from bot.config import variable_names
    from bot.config_docs import reference

    table = reference()
    names = variable_names()
    leaves = {n for n in names if not any(other.startswith(n + "__") for other in names)}
    missing = [
        name
        for name in leaves
        if f"`{name}`" not in table and name != "STORYBOT_CONFIG" and "__BACKUP__" not in name
    ]
    assert missing == []
