"""JSON text: positions of pointers."""

from __future__ import annotations

import pytest

from newsschema.jsontext import locate

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
