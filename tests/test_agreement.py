"""The schema and the model are two statements of one rule: their verdicts never differ."""

from __future__ import annotations

from typing import Any

import attrs
from cattrs.errors import BaseValidationError
from hypothesis import given
from hypothesis import strategies as st

from newsschema import Agent, Article, FieldError, Image, Place, Rights, Subject
from newsschema.canonical import make_converter, structure_valid
from newsschema.testing import canonical_documents, json_values, mutated_documents
from newsschema.validation import Validators

converter = make_converter()
schema = Validators()["article"]


def assert_trusted_path_agrees(document: Any) -> None:
    """For a document the schema passed, the fast structuring gives the checked result."""
    assert structure_valid(document) == converter.structure(document, Article)


def model_accepts(document: Any) -> bool:
    try:
        converter.structure(document, Article)
    except (BaseValidationError, FieldError):
        return False
    return True


@given(canonical_documents())
def test_valid_documents_are_accepted_by_both(document: dict[str, Any]) -> None:
    assert schema.is_valid(document)
    assert model_accepts(document)
    assert_trusted_path_agrees(document)


@given(mutated_documents())
def test_documents_the_schema_rejects_the_model_rejects(document: dict[str, Any]) -> None:
    assert not schema.is_valid_explained(document)
    assert not model_accepts(document)


FIELDS = sorted(attrs.fields_dict(Article))


@given(canonical_documents(), st.sampled_from(FIELDS), json_values())
def test_any_value_in_any_field_gets_one_verdict(
    document: dict[str, Any], field: str, value: Any
) -> None:
    changed = {**document, field: value}
    verdict = schema.is_valid_explained(changed)
    assert schema.is_valid(changed) == verdict, changed
    assert model_accepts(changed) == verdict, changed
    if verdict:
        assert_trusted_path_agrees(changed)


PARTS = {
    "publisher": (Agent, {"name": "映象网", "type": "Organization"}),
    "location": (Place, {"name": "新乡", "country": "CN"}),
    "rights": (Rights, {"holder": "映象网络"}),
    "images": (Image, {"url": "https://www.hnr.cn/a.jpg"}),
    "subjects": (Subject, {"code": "medtop:20000446"}),
}


@given(
    canonical_documents(),
    st.sampled_from(sorted(PARTS)).flatmap(
        lambda key: st.tuples(
            st.just(key), st.sampled_from(sorted(attrs.fields_dict(PARTS[key][0])))
        )
    ),
    json_values(),
)
def test_any_value_in_any_nested_field_gets_one_verdict(
    document: dict[str, Any], where: tuple[str, str], value: Any
) -> None:
    key, field = where
    part = {**PARTS[key][1], field: value}
    changed = {**document, key: [part] if key in ("images", "subjects") else part}
    verdict = schema.is_valid_explained(changed)
    assert schema.is_valid(changed) == verdict, changed
    assert model_accepts(changed) == verdict, changed
    if verdict:
        assert_trusted_path_agrees(changed)


URI_LIKE = st.text(alphabet="htps:/.xn-%41aZ09[]@!$&'()*+,;=?#~_ 例\n\\{}", max_size=24)
TIME_LIKE = st.one_of(
    st.text(alphabet="0123456789-:TZtz+. \n", max_size=32),
    st.from_regex(
        r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,8})?(Z|[+-][0-9]{2}:[0-9]{2})?\n?",
        fullmatch=True,
    ),
)
TAG_LIKE = st.text(alphabet="abcdeXxZ0129-\n", max_size=20)


@given(
    canonical_documents(),
    st.one_of(
        st.tuples(st.sampled_from(["id", "url"]), URI_LIKE),
        st.tuples(st.sampled_from(["date_published", "date_modified"]), TIME_LIKE),
        st.tuples(st.just("language"), TAG_LIKE),
    ),
)
def test_near_miss_strings_get_one_verdict(
    document: dict[str, Any], change: tuple[str, str]
) -> None:
    changed = {**document, change[0]: change[1]}
    verdict = schema.is_valid_explained(changed)
    assert schema.is_valid(changed) == verdict, changed
    assert model_accepts(changed) == verdict, changed
    if verdict:
        assert_trusted_path_agrees(changed)
