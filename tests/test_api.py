"""The public API: convert, read, write, validate, and the golden files."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

import newsschema
from newsschema import Article, Issue, UsageError, ValidationError
from newsschema.api import Session, guess_format, parse_timezone

from .conftest import DATA, SEED_ARTICLE

VALID = sorted((DATA / "article" / "valid").iterdir())
INVALID = sorted(p for p in (DATA / "article" / "invalid").iterdir() if p.suffix != ".expected")


def test_all_is_sorted_and_complete() -> None:
    assert newsschema.__all__ == sorted(newsschema.__all__)
    for name in newsschema.__all__:
        assert getattr(newsschema, name) is not None


def test_seed_article_converts_to_itself() -> None:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    assert newsschema.convert(text, to="article") == text
    assert newsschema.convert(SEED_ARTICLE, to="article") == text
    assert newsschema.convert(text.encode("utf-8"), to="article") == text


def test_json_lines_of_many_convert_to_themselves() -> None:
    text = (DATA / "article" / "valid" / "many.jsonl").read_text(encoding="utf-8")
    assert newsschema.convert(text, to="article") == text


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_golden_files_have_no_issues(path: Path) -> None:
    assert newsschema.validate(path) == []
    articles = newsschema.read(path)
    assert articles
    assert newsschema.read(newsschema.write(articles, "article")) == articles


def render(issue: Issue) -> str:
    line = f" line {issue.line}" if issue.line is not None else ""
    return f"{issue.stage} {issue.path or '/'}{line}"


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_golden_files_have_exactly_the_expected_issues(path: Path) -> None:
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").split("\n")
    issues = newsschema.validate(path)
    assert sorted({render(i) for i in issues}) == sorted(filter(None, expected))
    assert all(issue.message for issue in issues)


def test_bad_records_do_not_lose_good_ones() -> None:
    path = DATA / "article" / "invalid" / "broken-line.jsonl"
    outcomes = list(newsschema.outcomes(path))
    assert [o.article is not None for o in outcomes] == [True, False, False]
    with pytest.raises(ValidationError) as caught:
        newsschema.read(path)
    assert len(caught.value.issues) == 2


def test_read_accepts_a_canonical_mapping_and_an_article() -> None:
    document = json.loads(SEED_ARTICLE.read_text(encoding="utf-8"))
    (article,) = newsschema.read(document)
    assert isinstance(article, Article)
    assert newsschema.read(article) == [article]
    assert newsschema.read([article, article]) == [article, article]
    assert newsschema.read([document, document]) == [article, article]
    issues = newsschema.validate([document, {**document, "urgency": 0}])
    assert [i.path for i in issues] == ["/1/urgency"]
    assert newsschema.write(article, "article") == SEED_ARTICLE.read_text(encoding="utf-8")


def test_write_refuses_what_its_schema_refuses() -> None:
    """The output check is real: a writer bug that emits a bad document is caught."""
    (article,) = newsschema.read(SEED_ARTICLE)
    session = Session()
    original = session.converter.get_unstructure_hook(Article)
    session.converter.register_unstructure_hook(
        Article, lambda article: {**original(article), "extra": True}
    )
    with pytest.raises(ValidationError) as caught:
        newsschema.write(article, "article", session=session)
    assert [(i.stage, i.path) for i in caught.value.issues] == [("output", "/extra")]


def test_checks_can_be_turned_off() -> None:
    text = (DATA / "article" / "invalid" / "urgency-10.json").read_text(encoding="utf-8")
    assert newsschema.validate(text) != []
    # The model still refuses what it cannot hold, with or without the schema checks.
    with pytest.raises(ValidationError) as caught:
        newsschema.read(text, check=False)
    assert [i.path for i in caught.value.issues] == ["/urgency"]


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: newsschema.convert("{}", to="nope"), "unknown format 'nope'"),
        (lambda: newsschema.read("{}", format="nope"), "unknown format 'nope'"),
        (lambda: newsschema.read("plain words"), "cannot tell the format"),
        (lambda: newsschema.read(b"<p>x</p>"), "cannot tell the format"),
        (lambda: newsschema.read(Path("/no/such/file.json")), "cannot read"),
        (lambda: newsschema.read(42), "cannot read int"),  # type: ignore[arg-type]
        (lambda: newsschema.read([1, 2]), "cannot read list"),  # type: ignore[list-item]
        (lambda: newsschema.convert("{}", to="article", colour=True), "unknown option"),
    ],
)
def test_usage_errors(call: object, words: str) -> None:
    with pytest.raises(UsageError, match=words):
        call()  # type: ignore[operator]


_SEED = newsschema.read(SEED_ARTICLE)


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (
            lambda: newsschema.write(_SEED, "jsonld", bom=True),
            "writing jsonld takes no option 'bom': it is for writing csv",
        ),
        (
            lambda: newsschema.convert(SEED_ARTICLE, to="ninjs", embed=True),
            "writing ninjs takes no option 'embed': it is for writing jsonld",
        ),
        (
            lambda: newsschema.read(SEED_ARTICLE, "article", xsd="x.xsd"),  # type: ignore[call-arg]
            "reading takes no option 'xsd': it is for writing newsml",
        ),
        (lambda: newsschema.write(_SEED, "csv", bom="yes"), "writing csv: 'bom' must be"),
        (lambda: newsschema.write(_SEED, "csv", frobnicate=1), "unknown option 'frobnicate'"),  # type: ignore[call-arg]
    ],
)
def test_an_option_a_format_does_not_take_names_the_formats_that_do(
    call: object, words: str
) -> None:
    with pytest.raises(UsageError, match=words):
        call()  # type: ignore[operator]


def test_writer_options_are_typed_and_reach_the_writer() -> None:
    assert newsschema.write(_SEED, "csv", bom=True).startswith("\ufeff")
    assert not newsschema.write(_SEED, "csv").startswith("\ufeff")
    assert newsschema.write(_SEED, "jsonld", embed=True).startswith("<script")


def test_a_reader_that_names_stream_extensions_must_stream() -> None:
    from newsschema.formats.base import Reader

    with pytest.raises(ValueError, match="streams"):
        Reader(parse=lambda t, c: iter(()), to_article=lambda d, c: d, streams=(".x",))


def test_convert_reports_every_bad_record_not_only_the_first() -> None:
    good = json.dumps(json.loads(SEED_ARTICLE.read_text(encoding="utf-8")))
    bad = json.dumps({**json.loads(good), "language": 7})
    with pytest.raises(ValidationError) as raised:
        newsschema.convert("\n".join([bad, good, bad]), to="csv", from_="article")
    assert sorted({issue.line for issue in raised.value.issues}) == [1, 3]


def test_undecodable_bytes_are_a_located_issue() -> None:
    with pytest.raises(ValidationError, match="not UTF-8: byte 1"):
        newsschema.read(b'{\xff"headline": 1}')


def test_nan_is_not_json() -> None:
    document = SEED_ARTICLE.read_text(encoding="utf-8").replace('"version": 1', '"version": NaN')
    issues = newsschema.validate(document)
    assert [(i.stage, i.message) for i in issues] == [
        ("parse", "not valid JSON: NaN is not a JSON number")
    ]


def test_format_is_guessed_from_name_and_content() -> None:
    assert guess_format('{"date_published": 1}', "x.json").name == "article"
    assert guess_format('{"@context": "https://schema.org"}', "x.json").name == "jsonld"
    assert guess_format("{not json", "x.json").name == "article"
    assert guess_format('{"date_published": 1}').name == "article"
    assert guess_format("<!DOCTYPE html><html></html>").name == "html"
    with pytest.raises(UsageError):
        guess_format("%PDF-1.7", "story.pdf")


@pytest.mark.parametrize(
    ("given", "hours"), [("+08:00", 8), ("-0530", -5.5), ("Z", 0), ("Asia/Shanghai", 8)]
)
def test_time_zones_are_understood(given: str, hours: float) -> None:
    from datetime import datetime

    zone = parse_timezone(given)
    assert zone is not None
    offset = zone.utcoffset(datetime(2022, 4, 22))
    assert offset is not None
    assert offset.total_seconds() == hours * 3600


def test_unknown_time_zone_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown time zone"):
        parse_timezone("Mars/Olympus")


def test_lone_surrogates_are_refused_where_they_are() -> None:
    document = SEED_ARTICLE.read_text(encoding="utf-8").replace('"党员"', '"党员\\ud800"')
    issues = newsschema.validate(document)
    assert [(i.stage, i.path) for i in issues] == [("parse", "/keywords/2")]
    paired = SEED_ARTICLE.read_text(encoding="utf-8").replace('"党员"', '"党员\\ud83d\\ude00"')
    assert newsschema.read(paired)[0].keywords[2] == "党员😀"


def test_runaway_nesting_is_a_parse_issue() -> None:
    issues = newsschema.validate("[" * 100_000 + "]" * 100_000, format="article")
    assert [(i.stage, i.message) for i in issues] == [
        ("parse", "not valid JSON: nested deeper than 256 levels of arrays and objects")
    ]


def test_issues_in_json_carry_line_and_column() -> None:
    text = "\n".join(
        [
            "{",
            '  "id": "urn:example:1",',
            '  "headline": "x",',
            '  "body": [],',
            '  "language": "en",',
            '  "date_published": "2026-01-31T09:00:00Z",',
            '  "authors": [{"name": "a"}, {"name": " b"}]',
            "}",
        ]
    )
    (issue,) = newsschema.validate(text, format="article")
    assert (issue.path, issue.line, issue.column) == ("/authors/1/name", 7, 39)


def test_a_verdict_builds_no_article_for_canonical_input_but_checks_other_formats() -> None:
    (outcome,) = newsschema.outcomes(SEED_ARTICLE, verdict_only=True)
    assert (outcome.article, outcome.issues) == (None, ())
    assert newsschema.validate(SEED_ARTICLE) == []
    # other formats still go through the model: a page whose language cannot be a tag
    # would be caught there, not by the page schema.
    page = SEED_ARTICLE.with_suffix(".txt")
    (outcome,) = newsschema.outcomes(page, verdict_only=True)
    assert outcome.article is not None


@pytest.mark.parametrize("to", ["article", "csv"])  # CSV lays the same JSON out as a row
def test_canonical_json_is_checked_once_on_its_way_from_reading_to_writing(to: str) -> None:
    """A canonical document the schema passed becomes an article whose canonical JSON the
    same schema would pass (the model and the schema agree): it is not checked again."""
    import io
    from contextlib import nullcontext

    from newsschema import api

    session = Session()
    real = session.validators["article"]
    stages: list[str] = []

    class Counting:
        def issues(self, document: object, **where: Any) -> list[Issue]:
            stages.append(where["stage"])
            return real.issues(document, **where)

    session.validators._built["article"] = Counting()  # type: ignore[assignment]
    fmt, context = api.writing(to, session)
    read = api.outcomes(SEED_ARTICLE.read_text(encoding="utf-8"), "article", session=session)
    out = io.StringIO()
    done = api.drive(read, fmt, context, lambda: nullcontext(out), keep_going=False)
    assert done.written == 1
    (back,) = newsschema.read(out.getvalue(), to)
    assert back == newsschema.read(SEED_ARTICLE)[0]
    assert stages == ["input"]


def _seed_with(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(SEED_ARTICLE.read_text(encoding="utf-8"))
    document.update(changes)
    return document


def test_an_issue_says_its_record_and_pointer_as_data_in_every_layout() -> None:
    """`path` is for people; `record` and `pointer` are for programs (no parsing)."""
    good, bad = _seed_with(), _seed_with(authors=[{"name": "x", "type": "Robot"}])
    lines = "\n".join([json.dumps(good), "", json.dumps(good), json.dumps(bad)])
    (in_lines,) = newsschema.validate(lines, "article")
    assert (in_lines.record, in_lines.pointer, in_lines.line) == (2, ("authors", "0", "type"), 4)
    assert in_lines.path == "/authors/0/type"
    (in_array,) = newsschema.validate(json.dumps([good, bad]), "article")
    assert (in_array.record, in_array.pointer) == (1, ("authors", "0", "type"))
    assert in_array.path == "/1/authors/0/type"
    (alone,) = newsschema.validate(json.dumps(bad), "article")
    assert (alone.record, alone.pointer) == (None, ("authors", "0", "type"))
    rows = newsschema.write(newsschema.read(json.dumps([good, good]), "article"), "csv")
    broken = rows.replace('""name"": ""陆建斌""', '""name"": ""陆建斌"", ""type"": ""Robot""', 1)
    (in_csv,) = newsschema.validate(broken, "csv")
    assert (in_csv.record, in_csv.pointer) == (0, ("authors", "0", "type"))
    assert in_csv.path == "row 2, column authors[0].type"


def test_json_reports_carry_the_record_and_pointer() -> None:
    from newsschema.reporting import Batch, FileReport, JsonReporter

    bad = json.dumps([_seed_with(), _seed_with(language=7)])
    issues = tuple(newsschema.validate(bad, "article"))
    out = io.StringIO()
    JsonReporter().report(
        Batch(files=(FileReport(path="x.json", format="article", issues=issues),)), out
    )
    (reported,) = json.loads(out.getvalue())["files"][0]["issues"]
    assert (reported["record"], reported["pointer"], reported["path"]) == (
        1,
        ["language"],
        "/1/language",
    )


def test_an_issue_in_a_news_message_names_its_item() -> None:
    (seed,) = newsschema.read(SEED_ARTICLE)
    message = newsschema.write([seed, seed], "newsml")
    assert "<newsMessage" in message
    second = message.rindex("<firstCreated>") + len("<firstCreated>")
    broken = message[:second] + "yesterday" + message[message.index("<", second) :]
    found = [i for i in newsschema.validate(broken, "newsml") if i.severity == "error"]
    assert found
    assert {issue.record for issue in found} == {1}
    assert all(issue.pointer is None for issue in found)
