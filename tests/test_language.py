"""Language tags for text that does not state its language."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsschema.language import guess_language, word_count


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("新乡市平原示范区：汇聚群防能量，筑牢群控屏障。这是来自映象网的报道。", "zh-CN"),
        ("臺北市公車新路線今日通車。這是來自中央社的報導。", "zh-TW"),
        ("東京で大雨が降りました。交通機関に影響が出ています。", "ja"),
        ("서울에서 폭우가 내렸습니다.", "ko"),
        ("فيضانات في القاهرة بعد أمطار غزيرة", "ar"),
        ("The minister said that the plan for the city was on track and the council agreed.", "en"),
        (
            "Der Minister sagte, dass die Pläne für die Stadt nicht mit dem Rat abgestimmt sind.",
            "de",
        ),
        (
            "El ministro dijo que el plan de la ciudad está en marcha y que los vecinos lo apoyan.",
            "es",
        ),
        ("", "und"),
        ("12345 !!!", "und"),
        ("Lorem ipsum", "und"),
    ],
)
def test_guess_language(text: str, tag: str) -> None:
    assert guess_language(text) == tag


@given(st.text(alphabet=st.sampled_from("新乡市日本語のカタ한국 ab1_-,.，。　\u3000\n")))
def test_word_count_counts_each_ideograph_and_each_run_of_other_letters(text: str) -> None:
    """The fast count agrees with the definition, one match per ideograph or letter run."""
    cjk = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff"
    assert word_count(text) == len(re.findall(f"[{cjk}]|[^\\W_{cjk}]+", text))
