"""The validation engine: schemas sound, both engines agree, errors located, no network."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
import referencing.exceptions
from hypothesis import given

import newsschema
from newsschema.schemas import load_schema, registry, schema_names
from newsschema.testing import canonical_documents, mutated_documents
from newsschema.times import read_time
from newsschema.validation import MAX_ISSUES, Validator, Validators, shown

from .conftest import SEED_ARTICLE

validators = Validators()

# Constructs that ECMA-262, Python's re and Rust's regex read differently, or not at all.
NON_PORTABLE = [
    r"\p{",
    r"\P{",
    "(?=",
    "(?!",
    "(?<",
    r"\d",
    r"\w",
    r"\s",
    r"\b",
    r"\D",
    r"\W",
    r"\S",
]


def patterns(schema: Any) -> Iterator[str]:
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            else:
                yield from patterns(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from patterns(item)


@pytest.mark.parametrize("name", schema_names())
def test_every_bundled_schema_is_valid_2020_12(name: str) -> None:
    schema = load_schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("https://newsschema.dev/schemas/")
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", schema_names())
def test_patterns_are_portable(name: str) -> None:
    for pattern in patterns(load_schema(name)):
        re.compile(pattern)
        assert not [bad for bad in NON_PORTABLE if bad in pattern], pattern


def objects(schema: Any) -> Iterator[dict[str, Any]]:
    if isinstance(schema, dict):
        if schema.get("type") == "object" or "object" in schema.get("type", ()):
            yield schema
        for value in schema.values():
            yield from objects(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from objects(item)


def test_every_object_forbids_additional_properties() -> None:
    for schema in objects(load_schema("article")):
        assert schema.get("additionalProperties") is False, schema.get("description")


def test_registry_resolves_locally_and_never_fetches() -> None:
    resolver = registry().resolver()
    assert resolver.lookup("https://newsschema.dev/schemas/article.schema.json").contents
    with pytest.raises(referencing.exceptions.Unresolvable):
        resolver.lookup("https://example.com/elsewhere.schema.json")


def test_formats_are_really_checked() -> None:
    """Without the format extras python-jsonschema would skip these silently."""
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    assert not checker.conforms("2022-02-30T00:00:00Z", "date-time")
    assert not checker.conforms("not a uri", "uri")


def test_validator_is_built_once() -> None:
    assert validators["article"] is validators["article"]


def seed() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SEED_ARTICLE.read_text(encoding="utf-8"))
    return loaded


def test_seed_is_valid() -> None:
    assert validators["article"].issues(seed(), stage="model", format="article") == []


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        ({"zz": 1}, "/zz", "unknown key"),
        ({"urgency": 10}, "/urgency", "maximum"),
        ({"language": "zh_CN"}, "/language", "BCP 47"),
        ({"date_published": "2022-04-22T14:36:26"}, "/date_published", "date-time"),
        ({"publisher": {"nam": "x"}}, "/publisher/nam", "unknown key"),
        ({"publisher": {"nam": "x"}}, "/publisher/name", "is required"),
        ({"summary": 5}, "/summary", "string or null"),
        ({"url": "http://例子.com/"}, "/url", "ASCII URI"),
        ({"subjects": [{}]}, "/subjects/0", "code, name or uri"),
        ({"headline": "x\n"}, "/headline", "white space"),
        ({"date_modified": "2022-04-22T14:36:26Z\n"}, "/date_modified", "one line"),
    ],
)
def test_issues_point_at_the_field(change: dict[str, Any], path: str, words: str) -> None:
    issues = validators["article"].issues({**seed(), **change}, stage="input", format="article")
    assert any(i.path == path and words in i.message for i in issues), issues
    assert all(i.stage == "input" and i.format == "article" for i in issues)


@pytest.mark.parametrize(
    "value",
    [
        "2016-12-31T23:59:60Z",  # a real leap second: jsonschema-rs accepts, Python does not
        "2022-04-22T23:59:60+08:00",
        "2022-04-22T14:36:26Z\n",  # Python's checker and `$` accept a trailing new line
        "2022-04-22T14:36:26-00:00",  # "offset unknown": cannot be told from +00:00
        "2022-04-22T14:36:26.1234567Z",  # more precision than Python keeps
    ],
)
def test_engine_disagreements_are_settled_by_the_schema(value: str) -> None:
    document = {**seed(), "date_published": value}
    validator = validators["article"]
    assert validator.is_valid(document) is False
    assert validator.is_valid_explained(document) is False


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("2022-04-22t14:36:26z", "2022-04-22T14:36:26+00:00"),
        ("2022-04-22t14:36:26+08:00", "2022-04-22T14:36:26+08:00"),
    ],
)
def test_lower_case_t_and_z_are_read_and_written_upper_case(value: str, written: str) -> None:
    """RFC 3339 §5.6 allows them; newsschema writes the upper case every reader takes."""
    document = {**seed(), "date_published": value}
    assert validators["article"].is_valid(document)
    (article,) = newsschema.read(json.dumps(document), "article")
    assert json.loads(newsschema.write(article, "article"))["date_published"] == written


def test_an_unknown_offset_is_refused_with_its_reason() -> None:
    with pytest.raises(ValueError, match="-00:00, which says the local offset is unknown"):
        read_time("2022-04-22T14:36:26-00:00", None)


def assert_same_verdict(validator: Validator, document: Any) -> bool:
    fast = validator.is_valid(document)
    assert fast == validator.is_valid_explained(document), document
    return fast


@given(canonical_documents())
def test_engines_agree_on_valid_documents(document: dict[str, Any]) -> None:
    assert assert_same_verdict(validators["article"], document)


@given(mutated_documents())
def test_engines_agree_on_mutated_documents(document: dict[str, Any]) -> None:
    assert not assert_same_verdict(validators["article"], document)


def test_issues_are_capped_and_the_rest_counted() -> None:
    document = {**seed(), "rights": {f"k{n}": n for n in range(MAX_ISSUES + 250)}}
    found = validators["article"].issues(document, stage="input", format="article")
    assert len(found) == MAX_ISSUES + 1
    assert found[0].path == "/rights/k0"
    assert found[-1].message == "and 250 more problems like these, not listed"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("short", "'short'"),
        ("x" * 10_000, "'" + "x" * 59 + "… (10,000 characters)"),
        (list(range(5_000)), repr(list(range(5_000)))[:60] + "… (5,000 items)"),
    ],
)
def test_long_values_are_quoted_short(value: object, expected: str) -> None:
    assert shown(value) == expected


def test_a_huge_value_gives_a_short_message() -> None:
    document = {**seed(), "headline": ["x" * 1_000_000]}
    (issue,) = validators["article"].issues(document, stage="input", format="article")
    quoted = "['" + "x" * 58 + "… (1 item)"
    assert issue.message == f"{quoted} is not of type 'string'"
