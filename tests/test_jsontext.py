"""JSON text: positions of pointers."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsschema.jsontext import dumps, loads, locate
from newsschema.testing import json_values

TEXT = """{
  "id": "x",
  "authors": [
    {"name": "陆建斌"},
    {"name": "b", "zz": 1}
  ],
  "a/b": {"m~n": [1, 2, 3]}
}"""


@pytest.mark.parametrize(
    ("pointer", "position"),
    [
        ("", (1, 1)),
        ("/id", (2, 9)),
        ("/authors/1", (5, 5)),
        ("/authors/1/zz", (5, 25)),
        ("/a~1b/m~0n/2", (7, 25)),
        ("/missing", (1, 1)),  # an absent member: its parent
        ("/authors/5", (3, 14)),
    ],
)
def test_locate(pointer: str, position: tuple[int, int]) -> None:
    assert locate(TEXT, pointer) == position


def test_columns_count_characters_not_bytes() -> None:
    assert locate('{"新乡": "x", "k": 1}', "/k") == (1, 18)


def test_not_json_gives_none() -> None:
    assert locate("{'x': 1}", "/x") is None
    assert locate("", "") is None


def _floats_in(value: Any) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, list):
        return any(_floats_in(item) for item in value)
    if isinstance(value, dict):
        return any(_floats_in(item) for item in value.values())
    return False


@given(json_values() | st.text() | st.lists(st.text(alphabet=st.characters(), max_size=3)))
def test_dumps_writes_what_json_dumps_writes(value: Any) -> None:
    expected = json.dumps(value, ensure_ascii=False, indent=2)
    written = dumps(value)
    if _floats_in(value):  # an exponent may lose its leading zero: 1e-7 for 1e-07
        assert json.loads(written) == json.loads(expected)
    else:
        assert written == expected


def test_dumps_falls_back_for_what_orjson_refuses() -> None:
    assert dumps([2**70, "\ud800"]) == json.dumps([2**70, "\ud800"], ensure_ascii=False, indent=2)


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(_JSON_VALUES, st.sampled_from([None, 0, 2]))
def test_loads_reads_every_json_value_as_the_standard_library_does(
    value: object, indent: int | None
) -> None:
    """orjson's fast path and the standard library's give the same value, big integers and
    all; text orjson refuses goes to the standard library."""
    text = json.dumps(value, indent=indent, ensure_ascii=indent == 0)
    assert loads(text) == json.loads(text)


@given(st.text(alphabet='[]{}":,0123456789.eE-+ ntrufalseNIiy\\u\t\n', max_size=40))
def test_loads_refuses_what_the_standard_library_refuses(text: str) -> None:
    """Refused by both, or read alike by both: NaN and Infinity are what newsschema adds
    to the refusals (they are not JSON)."""
    try:
        expected = json.loads(text)
    except ValueError:
        expected = refused = ValueError
    else:
        refused = ValueError if "NaN" in text or "Infinity" in text else None
    try:
        found = loads(text)
    except ValueError:
        assert refused is ValueError, text
    else:
        assert refused is None, text
        assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "18446744073709551616",
        '{"a": [1, {"b": -9223372036854775809}]}',
        '[[["x", 123456789012345678901234567890]]]',
    ],
)
def test_integers_past_64_bits_are_read_exactly_wherever_they_stand(text: str) -> None:
    """orjson reads them as floats; `loads` notices and reads the text again exactly."""
    assert loads(text) == json.loads(text)
    assert "e+" not in json.dumps(loads(text))
