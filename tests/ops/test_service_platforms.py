"""`storybot run` with the real adapters: Telegram on its fake, Slack and Discord unreachable."""

from __future__ import annotations

import asyncio
import re
import socket
from pathlib import Path

import httpx

from bot.config import Settings
from bot.service import Service, run_service
from tests.fakes.telegram_api import FakeTelegram, message


def dead_url() -> str:
    """An address on loopback where nothing listens (connections are refused at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


async def test_one_platform_serves_while_the_others_are_down(tmp_path: Path) -> None:
    dead = dead_url()
    async with FakeTelegram() as telegram:
        settings = Settings(
            database_path=str(tmp_path / "svc.db"),
            offline={"chunk_delay": 0},
            http={"port": 0},
            shutdown_grace=1,
            telegram={
                "token": "123:T",
                "api_base_url": telegram.base_url,
                "file_base_url": telegram.file_base_url,
                "private_interval": 0.05,
            },
            slack={"bot_token": "xoxb-x", "signing_secret": "s", "api_base_url": dead + "/api/"},
            discord={
                "token": "d",
                "api_base_url": dead + "/api/v10",
                "gateway_url": dead.replace("http", "ws"),
            },
        )
        stop = asyncio.Event()
        ready: asyncio.Future[Service] = asyncio.get_running_loop().create_future()
        task = asyncio.create_task(run_service(settings, stop=stop, on_ready=ready.set_result))
        service = await asyncio.wait_for(ready, 30)
        assert service.runner is not None
        host, port = service.runner.addresses[0][:2]
        try:
            async with httpx.AsyncClient(base_url=f"http://{host}:{port}") as client:
                readyz = await client.get("/readyz")
                assert readyz.status_code == 503
                assert readyz.json()["connected"] == ["telegram"]
                assert set(readyz.json()["down"]) == {"slack", "discord"}

                await telegram.inject(message("/story a fox named Juniper"))
                story = await telegram.wait_for(
                    lambda: [  # buttons come with the final edit; the text streams before
                        s for s in telegram.messages.values() if s.reply_markup
                    ],
                    what="the story's final edit",
                )
                assert "Juniper" in story[0].text
                metrics = (await client.get("/metrics")).text
            assert (
                'storybot_requests_total{command="new",outcome="ok",platform="telegram"} 1.0'
                in (metrics)
            )
            failures = re.search(
                r'storybot_platform_errors_total\{kind="start",platform="slack"\} ([0-9.]+)',
                metrics,
            )
            assert failures is not None  # retried with backoff while the service runs
            assert float(failures.group(1)) >= 1
        finally:
            stop.set()
            assert await asyncio.wait_for(task, 20) == 0
