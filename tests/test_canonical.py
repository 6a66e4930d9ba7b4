"""Article <-> canonical JSON: exact round trips, strict structuring, located errors."""

from __future__ import annotations

import json
from typing import Any

import pytest
from cattrs.errors import BaseValidationError
from hypothesis import given

from newsschema import Article, FieldError
from newsschema.canonical import issues_from_error, make_converter, pointer
from newsschema.testing import articles

from .conftest import SEED_ARTICLE

converter = make_converter()


def structure_issues(document: Any) -> list[tuple[str, str]]:
    with pytest.raises((BaseValidationError, FieldError)) as caught:
        converter.structure(document, Article)
    return [(i.path, i.message) for i in issues_from_error(caught.value, format="article")]


@pytest.fixture
def seed() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SEED_ARTICLE.read_text(encoding="utf-8"))
    return loaded


def test_seed_round_trips_exactly(seed: dict[str, Any]) -> None:
    assert converter.unstructure(converter.structure(seed, Article)) == seed


def test_unset_fields_are_omitted_and_version_kept(seed: dict[str, Any]) -> None:
    document = converter.unstructure(converter.structure(seed, Article))
    assert "url" not in document
    assert "subjects" not in document
    assert document["version"] == 1
    assert "type" not in document["authors"][0]  # Person is the default


def test_null_is_accepted_for_optional_fields(seed: dict[str, Any]) -> None:
    with_nulls = {**seed, "url": None, "subjects": None, "urgency": None}
    assert converter.structure(with_nulls, Article) == converter.structure(seed, Article)


@given(articles())
def test_every_generated_article_round_trips(article: Article) -> None:
    document = json.loads(json.dumps(converter.unstructure(article)))
    assert converter.structure(document, Article) == article


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        ({"urgency": True}, "/urgency", "whole number"),
        ({"urgency": "5"}, "/urgency", "whole number"),
        ({"headline": 5}, "/headline", "text"),
        ({"keywords": "新乡,党员"}, "/keywords", "array"),
        ({"authors": ["陆建斌"]}, "/authors/0", "object"),
        ({"authors": [{"name": "x", "zz": 1}]}, "/authors/0/zz", "unknown key"),
        ({"authors": [{"name": " x"}]}, "/authors/0/name", "white space"),
        ({"zz": 1}, "/zz", "unknown key"),
        ({"url": "http://例子.com/"}, "/url", "xn--fsqu00a.com"),
        ({"date_published": "2022-04-22T14:36:26"}, "/date_published", "offset"),
        ({"subjects": [{}]}, "/subjects/0", "code, a name or a uri"),
        ({"location": {"latitude": 91}}, "/location/latitude", "from -90 to 90"),
    ],
)
def test_structuring_errors_name_the_field(
    seed: dict[str, Any], change: dict[str, Any], path: str, words: str
) -> None:
    issues = structure_issues({**seed, **change})
    assert any(p == path and words in m for p, m in issues), issues


def test_missing_required_fields_are_each_reported(seed: dict[str, Any]) -> None:
    document = {k: v for k, v in seed.items() if k not in ("id", "language")}
    paths = {path for path, _ in structure_issues(document)}
    assert {"/id", "/language"} <= paths


def test_whole_numbers_written_as_floats_are_accepted(seed: dict[str, Any]) -> None:
    assert converter.structure({**seed, "urgency": 3.0}, Article).urgency == 3


@pytest.mark.parametrize(("parts", "expected"), [(("a/b", "m~n", 0), "/a~1b/m~0n/0"), ((), "")])
def test_pointer_escapes_per_rfc_6901(parts: tuple[str | int, ...], expected: str) -> None:
    assert pointer(*parts) == expected
