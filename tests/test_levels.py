"""The two levels of validity, the same for every format: the standard owner's schema,
and what newsschema needs to read an article; --level, --strict and their API twins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsschema
from newsschema.cli import main
from newsschema.errors import Issue, UsageError
from newsschema.schemas import load_schema
from newsschema.validation import Validator

from .conftest import DATA, SEED_ARTICLE, cli_runner

MISSPELT = """<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:example.com:1"
    version="1" standard="NewsML-G2" standardversion="2.35" conformance="power">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider literal="Example"/>
    <versionCreated>2022-04-22T14:36:26+08:00</versionCreated>
    <pubStatus qcode="stat:usable"/>
  </itemMeta>
  <contentMeta>
    <headlne>Rain in Xinxiang</headlne>
    <headline>Rain in Xinxiang</headline>
  </contentMeta>
</newsItem>
"""


def _stages(issues: list[Issue]) -> list[tuple[str, str]]:
    return [(issue.stage, issue.severity) for issue in issues]


def test_each_level_checks_its_own(tmp_path: Path) -> None:
    both = newsschema.validate(MISSPELT, "newsml")
    assert _stages(both) == [("standard", "error")]
    assert newsschema.validate(MISSPELT, "newsml", level="readable") == []
    assert _stages(newsschema.validate(MISSPELT, "newsml", level="standard")) == [
        ("standard", "error")
    ]
    path = tmp_path / "item.xml"
    path.write_text(MISSPELT, encoding="utf-8")
    for level, code in (("both", 1), ("standard", 1), ("readable", 0)):
        result = cli_runner().invoke(main, ["validate", "--level", level, str(path)])
        assert result.exit_code == code, (level, result.output)


def test_reading_takes_the_standard_as_warnings_unless_strict() -> None:
    (read,) = newsschema.outcomes(MISSPELT, "newsml")
    assert read.article is not None
    assert _stages(list(read.issues)) == [("standard", "warning")]
    (strict,) = newsschema.outcomes(MISSPELT, "newsml", strict=True)
    assert strict.article is None
    assert newsschema.read(MISSPELT, "newsml")[0].headline == "Rain in Xinxiang"
    with pytest.raises(newsschema.ValidationError, match="headlne is not allowed here"):
        newsschema.convert(MISSPELT, "article", from_="newsml", strict=True)


def test_the_standard_level_alone_reads_no_article() -> None:
    with pytest.raises(UsageError, match="level 'standard'"):
        newsschema.read(MISSPELT, "newsml", level="standard")
    with pytest.raises(UsageError, match="unknown level"):
        newsschema.validate(MISSPELT, "newsml", level="strict")  # type: ignore[typeddict-item]


@pytest.mark.parametrize(
    ("path", "format"),
    [
        (DATA / "article" / "invalid" / "no-headline.json", "article"),
        (DATA / "article" / "invalid" / "unknown-key.json", "article"),
    ],
)
def test_newsschemas_own_formats_are_their_own_standard(path: Path, format: str) -> None:
    standard = newsschema.validate(path, format, level="standard")  # type: ignore[arg-type]
    readable = newsschema.validate(path, format, level="readable")  # type: ignore[arg-type]
    assert standard
    assert [i.message for i in standard] == [i.message for i in readable]
    assert newsschema.validate(SEED_ARTICLE, "article", level="standard") == []


def test_a_csv_row_the_table_schema_refuses_fails_the_standard() -> None:
    article = newsschema.read(SEED_ARTICLE.read_bytes(), "article")[0]
    table = newsschema.write(article, "csv")
    assert newsschema.validate(table, "csv", level="standard") == []
    broken = table.replace("2022-04-22T", "2022-13-22T", 1)
    assert newsschema.validate(broken, "csv", level="standard")


def test_the_json_report_names_the_standard_stage(tmp_path: Path) -> None:
    path = tmp_path / "item.xml"
    path.write_text(MISSPELT, encoding="utf-8")
    result = cli_runner().invoke(main, ["validate", "--report", "json", str(path)])
    report = json.loads(result.stdout)
    (issue,) = report["files"][0]["issues"]
    assert issue["stage"] == "standard"
    assert issue["path"] == "/newsItem/contentMeta/headlne"
    assert Validator(load_schema("report")).is_valid(report)
