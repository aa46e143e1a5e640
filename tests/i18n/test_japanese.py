"""Japanese has no spaces between words or sentences: replies are split and recalled
at 。！？ (and a closing bracket after them), never mid-sentence while a sentence end
is in reach, and the delivery layer keeps every character."""

from __future__ import annotations

from collections.abc import AsyncGenerator

from bot.delivery import Limits, deliver
from bot.replies import last_lines
from bot.splitting import split_text
from bot.types import Delta, Final, ReplyEvent
from tests.engine.test_delivery import FakeClock, FakeSurface, paced_stream, shown

SENTENCES = (
    "灯台守のミナは、夜の海に小さな扉が浮かんでいるのを見つけました。",
    "「誰かいるの？」",
    "返事はありません！",
    "それでも扉の向こうから、かすかな歌声が聞こえてくるのでした。",
)


def test_split_text_cuts_after_exclamation_and_question_marks() -> None:
    text = "".join(SENTENCES)
    assert " " not in text
    pieces = split_text(text, 40)
    assert "".join(pieces) == text
    assert all(len(piece) <= 40 for piece in pieces)
    assert all(piece.endswith(("。", "！", "？", "」")) for piece in pieces)
    assert any("「誰かいるの？」" in piece for piece in pieces)  # the bracket stays with it


async def test_a_long_japanese_reply_is_delivered_whole_at_sentence_ends() -> None:
    text = "".join(SENTENCES * 40)
    clock = FakeClock()
    surface = FakeSurface(clock, limit=200)
    await deliver(
        paced_stream(text, clock, final=Final(text)), surface, Limits(200, 0.5), clock=clock
    )
    messages = shown(surface)
    assert len(messages) > 1
    assert "".join(messages) == text  # nothing dropped: there was no space to drop
    assert all(message.endswith(("。", "！", "？", "」")) for message in messages)


async def test_a_reply_of_one_japanese_word_longer_than_the_limit_is_cut_hard() -> None:
    clock = FakeClock()
    surface = FakeSurface(clock, limit=10)

    async def stream() -> AsyncGenerator[ReplyEvent, None]:
        yield Delta("あ" * 25)
        yield Final("あ" * 25)

    await deliver(stream(), surface, Limits(10, 0.0), clock=clock)
    assert shown(surface) == ["あ" * 10, "あ" * 10, "あ" * 5]


def test_the_last_lines_of_a_japanese_part_start_at_a_sentence() -> None:
    text = "".join(SENTENCES * 10)
    recalled = last_lines(text, most=60)
    assert len(recalled) <= 60
    assert text.endswith(recalled)
    assert recalled.startswith(tuple(s[0] for s in SENTENCES))  # a sentence's first character


def test_the_last_lines_leave_out_the_options_in_any_language() -> None:
    part = "灯台守のミナは扉を開けました。\n\n次はどうなる？\n1. 中に入る\n2. 逃げる\n3. 待つ"
    assert last_lines(part) == "灯台守のミナは扉を開けました。"
    german = "Mina öffnete die Tür.\n\nWie geht es weiter?\n1. Hinein\n2. Weglaufen"
    assert last_lines(german) == "Mina öffnete die Tür."
