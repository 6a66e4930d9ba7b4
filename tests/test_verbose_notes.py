"""``--verbose`` (``notes=True``): what the NewsML-G2 reader leaves out of an item, and
which rendition of its text it read, as notes at their place; never without asking."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

import newsschema
from newsschema.cli import main
from newsschema.schemas import load_schema

from .conftest import cli_runner

NAR = "http://iptc.org/std/nar/2006-10-01/"
ITEM = f"""<newsItem xmlns="{NAR}" guid="urn:x:1" version="1" standard="NewsML-G2"
 standardversion="2.35" conformance="power" xml:lang="en">
<itemMeta><itemClass qcode="ninat:text"/><provider literal="Agency"/>
<versionCreated>2020-01-08T15:51:00+01:00</versionCreated>
<signal qcode="sig:correction"/></itemMeta>
<contentMeta><altId type="idtype:x">AB-17</altId>
<genre qcode="genre:Current"/><genre qcode="genre:Extra"/><headline>Rain</headline></contentMeta>
<contentSet>
<inlineData contenttype="text/plain" rendition="rnd:teaser">Rain.</inlineData>
<inlineXML contenttype="application/xhtml+xml" rendition="rnd:body">
<html xmlns="http://www.w3.org/1999/xhtml"><body><p>It rained all day.</p></body></html>
</inlineXML></contentSet></newsItem>
"""


def _notes(**options: object) -> list[tuple[str, int | None, str]]:
    (outcome,) = newsschema.outcomes(ITEM, "newsml", **options)  # type: ignore[arg-type]
    assert outcome.article is not None
    assert outcome.article.body == ("It rained all day.",)
    return [(i.path, i.line, i.message) for i in outcome.issues if i.severity == "note"]


def test_notes_say_what_is_left_out_and_where() -> None:
    left_out = "left out, the article has no field for it"
    assert _notes(notes=True) == [
        ("/newsItem/contentSet", 10, "the body is read from inlineXML (rendition rnd:body, "
         "contenttype application/xhtml+xml), number 2 of 2 renditions"),
        ("/newsItem/itemMeta/signal", 5, f"signal sig:correction: {left_out}"),
        ("/newsItem/contentMeta/altId", 6, f"altId 'AB-17': {left_out}"),
        ("/newsItem/contentMeta/genre", 7,
         "genre genre:Extra: left out, the article keeps the first genre only"),
    ]  # fmt: skip


def test_no_notes_unless_asked() -> None:
    assert _notes() == []


def test_convert_verbose_prints_the_notes(tmp_path: Path) -> None:
    source = tmp_path / "item.xml"
    source.write_text(ITEM, encoding="utf-8")
    quiet = cli_runner().invoke(main, ["convert", str(source), "--to", "article"])
    assert "note:" not in quiet.stderr
    loud = cli_runner().invoke(main, ["convert", str(source), "--to", "article", "-v"])
    assert loud.exit_code == 0, loud.output
    assert (
        "note: input: /newsItem/itemMeta/signal (line 5): signal sig:correction: left out"
        in loud.stderr
    )


def test_validate_verbose_reports_notes_in_every_report(tmp_path: Path) -> None:
    source = tmp_path / "item.xml"
    source.write_text(ITEM, encoding="utf-8")
    result = cli_runner().invoke(main, ["validate", str(source), "-v", "--report", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    jsonschema.Draft202012Validator(load_schema("report")).validate(report)
    severities = {issue["severity"] for issue in report["files"][0]["issues"]}
    assert "note" in severities
    assert report["summary"]["errors"] == 0
    github = cli_runner().invoke(main, ["validate", str(source), "-v", "--report", "github"])
    assert "::notice file=" in github.stdout
