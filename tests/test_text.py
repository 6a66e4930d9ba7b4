"""Decoding saved files: BOMs, UTF-8, legacy Chinese encodings, and refusals."""

from __future__ import annotations

import pytest

from newsschema.text import DecodeError, decode

TEXT = (
    "今日热点 > 正文\n新乡市平原示范区:汇聚群防能量 筑牢群控屏障\n2022-04-22 14:36:26 来源:映象网\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
def test_unicode_with_and_without_bom(encoding: str) -> None:
    assert decode(TEXT.encode(encoding)).removeprefix("\ufeff") == TEXT


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_chinese_legacy_encodings_are_detected(encoding: str) -> None:
    assert decode(TEXT.encode(encoding)) == TEXT


def test_traditional_big5_is_detected() -> None:
    text = "\n".join(
        ["臺北市公車新路線今日通車", "2023-09-01 10:00 來源:中央社", "臺北市政府表示。"]
    )
    assert decode(text.encode("big5")) == text


def test_named_encoding_wins_and_fails_loudly() -> None:
    data = TEXT.encode("gbk")
    assert decode(data, "gb18030") == TEXT
    with pytest.raises(DecodeError, match="not utf-8: byte 0"):
        decode(data, "utf-8")
    with pytest.raises(DecodeError, match="unknown encoding"):
        decode(data, "no-such-codec")


def test_detection_can_be_refused() -> None:
    with pytest.raises(DecodeError, match="not UTF-8"):
        decode(TEXT.encode("gbk"), detect=False)
