"""Credentials inside URLs are hidden; everything else in the URL is kept as it was."""

from __future__ import annotations

import pytest

from bot.redact import hide_url_credentials


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://user:pa%40ss@host:8443/v1", "https://user:***@host:8443/v1"),
        ("https://ghp_T0K3N@github.example/feed", "https://***@github.example/feed"),
        (
            "https://f.example/rss?page=2&token=abc&API_KEY=x&sig=s&q=a%20b",
            "https://f.example/rss?page=2&token=***&API_KEY=***&sig=***&q=a%20b",
        ),
        (
            "https://f.example/cb#access_token=abc&state=1",
            "https://f.example/cb#access_token=***&state=1",
        ),
        ("http://localhost:11434/v1", "http://localhost:11434/v1"),
        ("https://f.example/rss?token=", "https://f.example/rss?token="),
        ("http://[::1/feed?token=abc", "***"),  # unparseable: no telling what is secret
    ],
)
def test_hide_url_credentials(url: str, shown: str) -> None:
    assert hide_url_credentials(url) == shown
