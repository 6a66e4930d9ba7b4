"""JSON-LD as schema.org's vocabulary judges it, and blocks that are no article."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings

import newsschema
from newsschema.api import default_session, outcomes
from newsschema.cli import main
from newsschema.errors import Issue
from newsschema.formats.jsonld.vocabulary import terms, vocabulary
from newsschema.formats.jsonld.write import from_article
from newsschema.schemas import load_schema, schema_dir
from newsschema.testing import articles

from .conftest import ROOT, cli_runner, corpus


def _errors(issues: list[Issue]) -> list[Issue]:
    return [issue for issue in issues if issue.severity == "error"]


def _block(**extra: object) -> str:
    node = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Rain in Xinxiang",
        "datePublished": "2022-04-22T09:30:00+08:00",
        **extra,
    }
    return json.dumps(node, ensure_ascii=False, indent=1)


def test_the_shipped_vocabulary_is_what_the_generator_makes() -> None:
    spec = importlib.util.spec_from_file_location("gen", ROOT / "tools" / "schemaorg_vocabulary.py")
    assert spec is not None
    assert spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    shipped = (schema_dir() / "schemaorg" / "vocabulary.json").read_text(encoding="utf-8")
    assert shipped == generator.text()


def test_a_valid_block_meets_the_standard() -> None:
    assert _errors(newsschema.validate(_block(), "jsonld")) == []


@pytest.mark.parametrize(
    ("extra", "path", "words"),
    [
        ({"headlin": "x"}, "/headlin", "'headlin' is not a schema.org 12.0 property"),
        ({"@type": "NewsArtikel"}, "/@type", "'NewsArtikel' is not a schema.org 12.0 type"),
        ({"author": {"@type": "Persn", "name": "A"}}, "/author/@type", "'Persn' is not"),
        ({"dateModified": "Wed, 20 Nov 2019 08:02:00 GMT"}, "/dateModified", "Date or DateTime"),
        ({"wordCount": "many"}, "/wordCount", "is not a schema.org Integer"),
        ({"isAccessibleForFree": "maybe"}, "/isAccessibleForFree", "is not a schema.org Boolean"),
    ],
)
def test_a_term_schema_org_does_not_have_fails_with_its_place(
    extra: dict[str, object], path: str, words: str
) -> None:
    text = _block(**extra)
    found = newsschema.validate(text, "jsonld", level="standard")
    assert [i.path for i in found] == [path]
    assert words in found[0].message
    quoted = words.split("'")
    token = quoted[1] if len(quoted) > 2 else path.split("/")[-1]  # the type, or the key
    line = next(n for n, row in enumerate(text.splitlines(), 1) if f'"{token}"' in row)
    assert found[0].line == line


@pytest.mark.parametrize(
    "extra",
    [
        {"@context": ["https://schema.org", {"house": "https://example.com/house"}], "house": 1},
        {"dc:creator": "someone", "https://example.com/ns#rank": 3},
        {"potentialAction": {"@type": "SearchAction", "query-input": "required name=q"}},
        {"dateModified": "2022-04-22", "wordCount": "1200", "isAccessibleForFree": "False"},
        {"datePublished": {"@value": "2022-04-22T09:30:00+08:00", "@type": "DateTime"}},
    ],
)
def test_what_schema_org_allows_or_leaves_to_others_passes(extra: dict[str, object]) -> None:
    assert _errors(newsschema.validate(_block(**extra), "jsonld", level="standard")) == []


@pytest.mark.parametrize(
    ("types", "said"),
    [
        (["WebSite"], "it describes a WebSite;"),
        (["WebPage"], "it describes a WebPage;"),
        (["CollectionPage", "ItemList"], "it describes a CollectionPage and a ItemList;"),
        (["SearchResultsPage"], "it describes a SearchResultsPage;"),
    ],
)
def test_a_block_that_describes_no_article_is_refused_as_such(types: list[str], said: str) -> None:
    graph = [{"@type": t, "name": "Example News", "url": "https://example.com/"} for t in types]
    text = json.dumps({"@context": "https://schema.org", "@graph": graph})
    found = _errors(newsschema.validate(text, "jsonld"))
    assert [i.message for i in found] == [
        f"not an article: {said} no NewsArticle, Article or BlogPosting node"
    ]
    assert newsschema.validate(text, "jsonld", level="standard") == []


def test_convert_keeps_an_article_whose_block_breaks_the_vocabulary_with_a_warning(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.jsonld"
    path.write_text(_block(headlin="x"), encoding="utf-8")
    result = cli_runner().invoke(main, ["convert", "--to", "article", str(path)])
    assert result.exit_code == 0
    assert "warning: standard: /headlin (line 6, column 13)" in result.stderr
    strict = cli_runner().invoke(main, ["convert", "--strict", "--to", "article", str(path)])
    assert strict.exit_code == 1
    (read,) = outcomes(path)
    assert read.article is not None


def test_an_issue_of_another_node_goes_to_the_first_article() -> None:
    graph = [
        {"@type": "WebSite", "nme": "Example"},
        {"@type": "NewsArticle", "headline": "A", "datePublished": "2022-04-22T09:30:00+08:00"},
    ]
    text = json.dumps({"@context": "https://schema.org", "@graph": graph})
    (read,) = outcomes(text, "jsonld")
    standard = [(i.path, i.severity) for i in read.issues if i.stage == "standard"]
    assert standard == [("/@graph/0/nme", "warning")]


def _profile_objects(schema: object) -> Iterator[dict[str, object]]:
    """Every object schema of the JSON-LD profile that lists properties."""
    if isinstance(schema, dict):
        if "properties" in schema:
            yield schema
        for value in schema.values():
            yield from _profile_objects(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _profile_objects(value)


def test_the_output_profile_is_closed_and_speaks_only_schema_org() -> None:
    """What lets the writer skip the vocabulary walk: its profile allows nothing else."""
    known = vocabulary()
    objects = list(_profile_objects(load_schema("jsonld")))
    assert objects
    for schema in objects:
        assert schema.get("additionalProperties") is False, schema
        properties = schema["properties"]
        assert isinstance(properties, dict)
        for name, rule in properties.items():
            if name == "@type":
                assert isinstance(rule, dict)
                types = [rule["const"]] if "const" in rule else rule["enum"]
                assert set(types) <= set(known.types), types
            elif name[:1] != "@":
                assert name in known.properties, name


@settings(max_examples=60)
@given(article=articles())
def test_every_written_document_passes_the_vocabulary(article: newsschema.Article) -> None:
    document = from_article(article, default_session().context())
    assert list(terms(document)) == []


def test_real_blocks_that_break_schema_org_are_reported() -> None:
    path = corpus("jsonld", "traf-zdnet.de.facebook.jsonld")
    found = _errors(newsschema.validate(path, "jsonld", level="standard"))
    assert [i.path for i in found] == ["/mainEntityOfPage/id"]
