"""ninjs as IPTC's own schemas judge it: IPTC's validation suite, every released version.

Each should_fail file must fail with an issue at the place of the defect it is named for:
the table below says where. Five of IPTC's should_fail files are not JSON at all (a raw
carriage return in a string, a missing comma): they fail before any schema, at parse.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsschema
from newsschema.api import outcomes
from newsschema.cli import main
from newsschema.errors import Issue, UsageError

from .conftest import SEED_ARTICLE, cli_runner, corpus, corpus_files

NOT_JSON = "not JSON"

DEFECTS = {
    "1.0-should_fail-001_no_uri_declared": "/uri",
    "1.0-should_fail-002_type_invalid": "/type",
    "1.0-should_fail-003_malformed_property": "/mime_type",
    "1.0-should_fail-004_representationtype_invalid": "/representationtype",
    "1.0-should_fail-005_profile_must_be_string": "/profile",
    "1.0-should_fail-006_version_must_be_string": "/version",
    "1.0-should_fail-007_pubstatus_cancelled": "/pubstatus",
    "1.0-should_fail-008_usageterms_object": "/usageterms",
    "1.0-should_fail-009_body_text_with_cr": NOT_JSON,
    "1.0-should_fail-010_body_must_be_string": NOT_JSON,
    "1.0-should_fail-011_description_must_be_string": NOT_JSON,
    "1.0-should_fail-012_location_not_object": NOT_JSON,
    "1.0-should_fail-013_person_not_string": "/person",
    "1.0-should_fail-014_type_component": "/type",
    "1.0-should_fail-015_pubstatus_commissioned": "/pubstatus",
    "1.0-should_fail-016_infosource": "/infosource",
    "1.0-should_fail-017_description_extension": "/description_*&^%",
    "1.1-should_fail-001_type_component": "/type",
    "1.1-should_fail-002_infosource": "/infosource",
    "1.2-should_fail-001_title_as_number": "/title",
    "1.2-should_fail-002_firstcreated_bad_type": "/firstcreated",
    "1.2-should_fail-003_ednote_bad_type": "/ednote",
    "1.2-should_fail-004_infosource_bad_type": "/infosource/0/scheme",
    "1.2-should_fail-005_pubstatus_replaced": "/pubstatus",
    "1.2-should_fail-006_pubstatus_commissioned": "/pubstatus",
    "1.3-should_fail-001_schema_bad": "/$standard",
    "1.3-should_fail-002_headline_nonascii": "/headline_ééé",
    "1.3-should_fail-003_headline_blank_extension": "/headline_",
    "1.3-should_fail-004_headline_dash": "/headline-with-dash-ééé",
    "1.3-should_fail-005_bad_altids": "/altids",
    "1.3-should_fail-006_bad_genre": NOT_JSON,
    "1.3-should_fail-007_invalid_genre": "/genre",
    "1.4-should_fail-001_bad_contentcreated": "/contentcreated",
    "1.4-should_fail-002_bad_contentcreated": "/contentcreated",
    "1.4-should_fail-003_bad_expires": "/expires",
    "1.4-should_fail-004_bad_expires": "/expires",
    "1.4-should_fail-005_bad_rightsinfo": "/linkedrights",
    "1.4-should_fail-006_bad_rightsinfo": "/rightsinfo",
    "1.5-should_fail-001_bad_property": "/bad",
    "1.5-should_fail-002_bad_association": "/associations/first/incorrectproperty",
    "1.6-should_fail-001_bad_digital_source": "/digitalsourcetype",
    "2.0-should_fail-001_bad_geojson": "/places/0/geojson",
    "2.0-should_fail-001_bad_toplevel": "/random",
    "2.0-should_fail-002_bad_association": "/associations/0",
    "2.1-should_fail-001_bad_association": "/associations/0/incorrectproperty",
    "2.1-should_fail-002_good_association_but_no_name": "/associations/0/name",
    "2.1-should_fail-003_good_association_but_no_uri": "/associations/0/uri",
    "2.1-should_fail-004_bad_rights": "/associations/0/rightsinfo",
    "2.2-should_fail-001_bad_digital_source": "/digitalsourcetype",
    "3.0-should_fail-001_bad_geojson": "/places/0/geojson",
    "3.0-should_fail-001_bad_toplevel": "/random",
    "3.0-should_fail-002_bad_association": "/associations/0/name",
    "3.0-should_fail-003_event_with_conflicting_start": "/eventDetails/dates",
    "3.0-should_fail-004_event_with_renditions": "/eventDetails/dates",
    "3.0-should_fail-004_invalid_truncated_date": "/eventDetails/dates/expectedStartDate",
    "3.0-should_fail-005_planned_coverage_bad_urgency": "/plannedCoverage/0/urgency",
    "3.0-should_fail-006_bad_urgency": "/urgency",
    "3.1-should_fail-001_bad_digital_source": "/digitalSourceType",
}
"""Where each should_fail file fails. Notes: ``2.0-…002_bad_association`` fails where
its association matches none of the schema's branches (its unknown key is inside);
``3.0-…004_event_with_renditions`` is refused by IPTC's schema for its conflicting start
dates, the same defect as ``003``."""


def _errors(issues: list[Issue]) -> list[Issue]:
    return [issue for issue in issues if issue.severity == "error"]


def _version(name: str) -> str:
    return name.split("-", 1)[0]


def test_the_table_covers_every_should_fail_file() -> None:
    names = [n.removesuffix(".ninjs.json") for n in corpus_files("ninjs-suite", "*should_fail*")]
    corpus("ninjs-suite")
    assert sorted(names) == sorted(DEFECTS)


@pytest.mark.parametrize("name", corpus_files("ninjs-suite", "*should_pass*"))
def test_a_should_pass_file_passes_the_standard(name: str) -> None:
    path = corpus("ninjs-suite", name)
    args = ["validate", "--level", "standard", "--format", "ninjs"]
    result = cli_runner().invoke(main, [*args, "--standard-version", _version(name), str(path)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", sorted(DEFECTS))
def test_a_should_fail_file_fails_at_its_defect(name: str) -> None:
    path = corpus("ninjs-suite", f"{name}.ninjs.json")
    args = ["validate", "--level", "standard", "--format", "ninjs", "--report", "json"]
    result = cli_runner().invoke(main, [*args, "--standard-version", _version(name), str(path)])
    assert result.exit_code == 1, result.output
    found = _errors(
        newsschema.validate(path, "ninjs", level="standard", standard_version=_version(name))
    )
    if DEFECTS[name] == NOT_JSON:
        assert [issue.stage for issue in found] == ["parse"]
    else:
        assert DEFECTS[name] in [issue.path for issue in found if issue.stage == "standard"]


DECLARING = {
    "1.3-should_pass-002_schema": "1.3",  # $standard.version
    "2.0-should_pass-002_schema": "2.0",  # standard.version
    "3.0-should_pass-002_schema": "3.0",
}


@pytest.mark.parametrize("name", sorted(DECLARING))
def test_the_declared_version_decides(name: str) -> None:
    path = corpus("ninjs-suite", f"{name}.ninjs.json")
    found = newsschema.validate(path, "ninjs", level="standard")
    assert found == []
    others = [v for v in ("1.0", "2.2", "3.1") if v != DECLARING[name]]
    refused = [
        _errors(newsschema.validate(path, "ninjs", level="standard", standard_version=v))
        for v in others
    ]
    assert any(refused)


@pytest.mark.parametrize(
    ("document", "version"),
    [
        ('{"uri": "a", "headline": "H"}', "1.6"),
        ('{"uri": "a", "body_text": "B"}', "1.6"),
        ('{"uri": "a", "versioncreated": "2024-01-01T00:00:00Z", "headlines": []}', "2.2"),
        ('{"uri": "a", "versionCreated": "2024-01-01T00:00:00Z"}', "3.1"),
        ('{"uri": "a"}', "3.1"),
        ('{"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_1.2.json", "uri": "a"}', "1.2"),
    ],
)
def test_an_undeclared_version_is_the_one_its_names_are_spelt_in(
    document: str, version: str
) -> None:
    found = newsschema.validate(
        document.replace('"uri": "a"', '"uri": "a", "x-unknown": 1'), "ninjs", level="standard"
    )
    assert {issue.message.rsplit("(", 1)[-1] for issue in found} == {f"ninjs {version})"}


def test_a_version_ninjs_does_not_have_is_reported() -> None:
    document = (
        '{"standard": {"name": "ninjs", "version": "4.0"}, "uri": "a", '
        '"versionCreated": "2024-01-01T00:00:00Z"}'
    )
    found = newsschema.validate(document, "ninjs", level="standard")
    assert "declares ninjs 4.0, which is no ninjs version; checked as 3.1" in found[0].message


def test_an_unknown_standard_version_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match=r"ninjs has no version '9\.9'"):
        newsschema.validate('{"uri": "a"}', "ninjs", level="standard", standard_version="9.9")
    result = cli_runner().invoke(main, ["validate", "--standard-version", "9.9", str(SEED_ARTICLE)])
    assert result.exit_code == 2


def test_a_wrong_typed_property_fails_validate_with_its_line(tmp_path: Path) -> None:
    text = (
        '{\n  "standard": {"name": "ninjs", "version": "3.1"},\n  "uri": "urn:x",\n'
        '  "type": "text",\n  "headlines": [{"role": "main", "value": "H"}],\n'
        '  "contentCreated": {"at": "2024-01-01"},\n'
        '  "versionCreated": "2024-01-02T10:00:00+08:00"\n}\n'
    )
    path = tmp_path / "item.ninjs.json"
    path.write_text(text, encoding="utf-8")
    result = cli_runner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert (
        "item.ninjs.json:6:21: standard /contentCreated: {'at': '2024-01-01'} is not of type "
        "'string' (ninjs 3.1)" in result.output
    )


def test_a_picture_item_meets_the_standard_but_is_not_an_article() -> None:
    path = corpus("ninjs-suite", "1.0-should_pass-005_type_picture.ninjs.json")
    assert newsschema.validate(path, "ninjs", level="standard", standard_version="1.0") == []
    found = _errors(newsschema.validate(path, "ninjs", level="readable"))
    assert "not an article: the ninjs item is of type 'picture'" in found[-1].message
    assert found[-1].path == "/type"


@pytest.mark.parametrize(
    ("body", "read"),
    [({"body_text": "The release, in full."}, True), ({}, False)],
)
def test_a_composite_is_an_article_when_its_content_is_text(
    body: dict[str, str], read: bool
) -> None:
    item = {
        "uri": "urn:x",
        "type": "composite",
        "headline": "A press release with its pictures",
        "versioncreated": "2024-01-02T10:00:00+08:00",
        **body,
    }
    found = [i.message for i in newsschema.validate(json.dumps(item), "ninjs", level="readable")]
    refusal = "not an article: the ninjs item is a composite with no body of text"
    assert (found == []) == read
    assert (refusal in " ".join(found)) == (not read)


def test_convert_reads_a_readable_item_that_breaks_its_standard_with_a_warning() -> None:
    document = (
        '{"uri": "urn:x", "headlines": [{"role": "main", "value": "H"}], '
        '"versionCreated": "2024-01-02T10:00:00+08:00", "x-house-field": 1}'
    )
    (read,) = outcomes(document, "ninjs")
    assert read.article is not None
    assert [(i.stage, i.severity, i.path) for i in read.issues] == [
        ("standard", "warning", "/x-house-field")
    ]
    (strict,) = outcomes(document, "ninjs", strict=True)
    assert strict.article is None
    with pytest.raises(newsschema.ValidationError, match="x-house-field"):
        newsschema.read(document, "ninjs", strict=True)
    assert newsschema.read(document, "ninjs")[0].headline == "H"


def test_the_output_is_checked_against_iptc_ninjs_3_1(session: newsschema.Session) -> None:
    from newsschema.formats.ninjs import check_output, from_article

    article = newsschema.read(SEED_ARTICLE.read_bytes(), "article")[0]
    context = session.context()
    document = from_article(article, context)
    assert check_output(document, context) == []
    document["urgency"] = 12
    sources = [issue.message for issue in check_output(document, context)]
    assert any(m.endswith("(IPTC's ninjs 3.1 schema)") for m in sources)


def test_a_value_matching_none_of_the_allowed_forms_says_what_each_finds() -> None:
    path = corpus("ninjs-suite", "2.0-should_fail-002_bad_association.ninjs.json")
    (issue,) = newsschema.validate(path, "ninjs", level="standard", standard_version="2.0")
    assert issue.message == (
        "matches none of 2 allowed forms: /name: is required; or /i_can_put_anything: "
        "unknown key 'i_can_put_anything' (ninjs 2.0)"
    )
