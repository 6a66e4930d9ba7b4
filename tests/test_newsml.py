"""NewsML-G2: IPTC-valid output, the official examples in, and hostile XML refused."""

from __future__ import annotations

import re
import time
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from lxml import etree

import newsschema
from newsschema import Agent, Article, Place, Rights, ValidationError
from newsschema.cli import main
from newsschema.testing import TIME_OF_DAY, articles, xml_safe
from newsschema.xmlparse import XMLInputError, parse_xml

from .conftest import FIXTURES, SHARED, at_time_of_day, cli_runner, iptc_newsml_xsd, reference

IPTC_XSD = SHARED / "reference" / "newsml-g2" / "xsd" / "NewsML-G2_2.35-spec-All-Power.xsd"
SEED_PAGE = FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.txt"
NAR = "{http://iptc.org/std/nar/2006-10-01/}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def iptc() -> etree.XMLSchema:
    return iptc_newsml_xsd()


def assert_iptc_valid(schema: etree.XMLSchema, text: str) -> etree._Element:
    root = etree.fromstring(text.encode("utf-8"))
    assert schema.validate(root), schema.error_log
    return root


def seed() -> Article:
    (article,) = newsschema.read(SEED_PAGE)
    return article


def test_seed_is_valid_against_iptc_and_complete(iptc: etree.XMLSchema) -> None:
    root = assert_iptc_valid(iptc, newsschema.write(seed(), "newsml"))
    content = root.find(f"{NAR}contentMeta")
    assert content is not None
    assert [c.findtext(f"{NAR}name") for c in content.findall(f"{NAR}creator")] == [
        "陆建斌",
        "李修朝",
        "武海鸣",
    ]
    (editor,) = content.findall(f"{NAR}contributor")
    assert (editor.get("role"), editor.findtext(f"{NAR}name")) == ("cpprole:editor", "高御")
    assert [k.text for k in content.findall(f"{NAR}keyword")] == ["新乡", "疫情防控", "党员"]
    language = content.find(f"{NAR}language")
    assert language is not None
    assert language.get("tag") == "zh-CN"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-CN"
    times = [e.text or "" for e in root.iter() if str(e.tag).endswith("Created")]
    assert times
    assert all(t.endswith("+08:00") for t in times)
    paragraphs = root.findall(f".//{XHTML}body/{XHTML}p")
    assert len(paragraphs) == 19
    inline = root.find(f"{NAR}contentSet/{NAR}inlineXML")
    assert inline is not None
    assert int(inline.get("charcount", "0")) == len("".join(seed().body))


def test_seed_round_trip_keeps_every_field_newsml_carries() -> None:
    back = newsschema.read(newsschema.write(seed(), "newsml"), "newsml")
    # NewsML-G2 has no free-text role for a contributor: 责编 becomes the editor role itself.
    expected = attrs.evolve(seed(), editors=(Agent(name="高御"),))
    assert back == [expected]


def test_several_articles_make_a_news_message(iptc: etree.XMLSchema) -> None:
    other = attrs.evolve(seed(), id="urn:example:2", headline="第二篇")
    text = newsschema.write([seed(), other], "newsml")
    root = assert_iptc_valid(iptc, text)
    assert root.tag == f"{NAR}newsMessage"
    assert [a.headline for a in newsschema.read(text)] == [seed().headline, "第二篇"]
    assert newsschema.write([seed(), other], "newsml") == text  # no clock in the output


# --- the official examples ---------------------------------------------------------------

OFFICIAL = {
    "CR00201_charcount.xml": ("Text", "2019-09-09T08:00:00+00:00", 2),
    "LISTING_1_A_NewsML-G2_News_Item.xml": (
        'Fed to halt QE to avert "bubble"',
        "2016-10-18T13:12:21-05:00",
        0,
    ),
    "LISTING_22_Sports_story_in_NewsML-G2NITF.xml": (
        "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.",
        "2016-10-19T11:15:00-05:00",
        6,
    ),
    "LISTING_27_Company_Financial_Information.xml": (
        "Acme Widgets announces annual results",
        "2016-10-19T13:15:00+00:00",
        0,
    ),
    "LISTING_2_NewsML-G2_Text_Document.xml": (
        'Fed to halt QE to avert "bubble"',
        "2016-11-21T15:21:06-05:00",
        2,
    ),
}


@pytest.fixture(scope="module")
def examples() -> Path:
    return reference("newsml-g2", "examples")


@pytest.mark.parametrize("name", sorted(OFFICIAL))
def test_official_examples_read(examples: Path, name: str) -> None:
    headline, published, paragraphs = OFFICIAL[name]
    (article,) = newsschema.read(examples / name)
    assert article.headline == headline
    assert article.date_published.isoformat() == published
    assert len(article.body) == paragraphs


def test_every_official_example_is_covered(examples: Path) -> None:
    assert {p.name for p in examples.glob("*.xml")} == {
        *OFFICIAL,
        "LISTING_6_Simple_NewsML-G2_Package.xml",
    }


def test_nitf_body_keeps_the_abstract_as_summary(examples: Path) -> None:
    (article,) = newsschema.read(examples / "LISTING_22_Sports_story_in_NewsML-G2NITF.xml")
    assert article.body[0].startswith("(Sports Network) - A pair of teams")
    assert article.summary is not None
    assert article.summary.startswith("A pair of teams coming off big weekend sweeps")
    assert [s.code for s in article.subjects][:2] == ["medtop:20000822", "medtop:20000849"]


def test_package_item_is_refused_clearly(examples: Path) -> None:
    result = cli_runner().invoke(
        main,
        ["convert", str(examples / "LISTING_6_Simple_NewsML-G2_Package.xml"), "--to", "article"],
    )
    assert result.exit_code == 1
    assert "a packageItem whose items are not in this file; it needs " in result.stderr
    assert "urn:newsml:iptc.org:20081007:tutorial-item-A" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_non_text_items_and_other_roots_are_refused() -> None:
    picture = newsschema.write(seed(), "newsml").replace("ninat:text", "ninat:picture")
    with pytest.raises(ValidationError, match="class ninat:picture is not text"):
        newsschema.read(picture, "newsml")
    with pytest.raises(ValidationError, match="not NewsML-G2: the root is <rss>"):
        newsschema.read("<rss/>", "newsml")


def test_inline_data_is_split_into_paragraphs() -> None:
    text = newsschema.write(seed(), "newsml")
    body = re.search(r"<inlineXML.*</inlineXML>", text, flags=re.DOTALL)
    assert body is not None
    plain = '<inlineData contenttype="text/plain">First.\n\nSecond\nline.\n  \nThird.</inlineData>'
    (article,) = newsschema.read(text.replace(body[0], plain), "newsml")
    assert article.body == ("First.", "Second line.", "Third.")


def test_a_time_without_offset_needs_a_zone() -> None:
    """With no evidence of a zone (no other time's offset, an English item, no agency of
    one zone); `tests/test_time_evidence.py` holds what evidence gives."""
    text = (
        newsschema.write(seed(), "newsml")
        .replace("14:36:26+08:00</", "14:36:26</")
        .replace('"zh-CN"', '"en"')
    )
    with pytest.raises(ValidationError) as caught:
        newsschema.read(text, "newsml")
    paths = [i.path for i in caught.value.issues]
    assert paths == ["/newsItem/itemMeta/firstCreated", "/newsItem/itemMeta/versionCreated"]
    assert "--timezone" in caught.value.issues[0].message
    (article,) = newsschema.read(text, "newsml", timezone="+08:00")
    assert article.date_published == seed().date_published


# --- hostile XML -------------------------------------------------------------------------

XXE = (
    '<?xml version="1.0"?>\n<!DOCTYPE newsItem [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">&x;</newsItem>'
)
BOMB = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + ']><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">&lol9;</newsItem>'
)
EXTERNAL_DTD = '<!DOCTYPE newsItem SYSTEM "http://example.com/evil.dtd"><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>'


@pytest.mark.parametrize(
    "document", [XXE, BOMB, EXTERNAL_DTD], ids=["xxe", "entity-bomb", "external-dtd"]
)
def test_hostile_xml_is_refused_quickly(document: str, tmp_path: Path) -> None:
    path = tmp_path / "hostile.xml"
    path.write_text(document, encoding="utf-8")
    start = time.perf_counter()
    result = cli_runner().invoke(
        main, ["convert", str(path), "--to", "article", "--from", "newsml"]
    )
    assert time.perf_counter() - start < 5  # a bomb would take minutes and gigabytes
    assert result.exit_code == 1
    assert "declares a DTD" in result.stderr
    assert "root:" not in result.output + result.stderr  # nothing from /etc/passwd
    assert "Traceback" not in result.output + result.stderr


@pytest.mark.parametrize(
    ("prolog", "line", "column"),
    [
        ('<?xml version="1.0"?>\n<!-- c -->\n<?pi x?>\n  <!doctype newsItem>', 4, 3),
        (" \n" * 50_000 + "<!DOCTYPE newsItem>", 50_001, 1),  # a regex once took minutes
        ("\ufeff<!DOCTYPE newsItem>", 1, 1),  # a byte-order mark is not a column
    ],
    ids=["after-declaration-comment-pi", "after-much-space", "after-bom"],
)
def test_a_dtd_is_found_anywhere_in_the_prolog(prolog: str, line: int, column: int) -> None:
    with pytest.raises(XMLInputError) as caught:
        parse_xml((prolog + "<newsItem/>").encode("utf-8"))
    assert (str(caught.value), caught.value.line, caught.value.column) == (
        "the document declares a DTD; newsschema reads none",
        line,
        column,
    )


def test_doctype_in_a_comment_is_only_a_comment() -> None:
    assert parse_xml(b"<!-- <!DOCTYPE x> --><newsItem/>").tag == "newsItem"


def test_huge_input_is_refused_before_parsing() -> None:
    huge = "<newsItem>" + " " * (50 * 1024 * 1024) + "</newsItem>"
    with pytest.raises(ValidationError, match="longer than 52,428,800 characters, the most read"):
        newsschema.read(huge, "newsml")


def test_malformed_xml_gets_line_and_column() -> None:
    (issue,) = newsschema.validate("<newsItem>\n  <itemMeta>\n</newsItem>", "newsml")
    assert (issue.stage, issue.line, issue.column) == ("parse", 3, 12)
    assert "not well-formed XML" in issue.message


# --- output checks -----------------------------------------------------------------------


def test_named_xsd_is_really_applied(tmp_path: Path) -> None:
    other = tmp_path / "other.xsd"
    other.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="x"/></xs:schema>',
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as caught:
        newsschema.write(seed(), "newsml", xsd=str(other))
    assert all(i.stage == "output" for i in caught.value.issues)
    assert any("IPTC XSD" in i.message for i in caught.value.issues)


def test_text_xml_cannot_carry_is_an_output_issue() -> None:
    broken = attrs.evolve(seed(), body=("bell \x07 character",))
    with pytest.raises(ValidationError) as caught:
        newsschema.write(broken, "newsml")
    assert [i.stage for i in caught.value.issues] == ["output"]


# --- round trips -------------------------------------------------------------------------


def _flat(text: str | None) -> str | None:
    cleaned = re.sub(r"\s*[\n\r]\s*|\t", " ", text).strip() if text else ""
    return cleaned or None


def newsml_view(article: Article) -> Article:
    """The article as NewsML-G2 carries it (see the format's documentation)."""

    def agents(items: tuple[Agent, ...]) -> tuple[Agent, ...]:
        kept: list[Agent] = []
        for agent in items:
            name = _flat(agent.name)
            if name and all(k.name != name for k in kept):
                kept.append(Agent(name=name, type=agent.type, url=agent.url))
        return tuple(kept)

    def agent(item: Agent | None) -> Agent | None:
        return agents((item,))[0] if item else None

    place = article.location
    kept_place = Place(name=_flat(place.name), country=place.country) if place else None
    rights = article.rights
    kept_rights = (
        Rights(holder=_flat(rights.holder), notice=_flat(rights.notice), license=rights.license)
        if rights
        else None
    )
    texts = {
        name: _flat(getattr(article, name))
        for name in ("subheadline", "summary", "section", "genre", "dateline", "slugline")
    }
    notes = re.split(r"[\r\n]+", article.editorial_note or "")
    note = "\n".join(line for line in map(_flat, notes) if line) or None
    return attrs.evolve(
        article,
        **texts,
        editorial_note=note,
        date_published=at_time_of_day(article.date_published),  # firstCreated: a date-time
        headline=_flat(article.headline),
        body=tuple(p for p in map(_flat, article.body) if p),
        authors=agents(article.authors),
        editors=agents(article.editors),
        publisher=agent(article.publisher) or Agent(name="newsschema", type="Organization"),
        source=agent(article.source),
        keywords=tuple(dict.fromkeys(k for k in map(_flat, article.keywords) if k)),
        subjects=tuple(attrs.evolve(s, name=_flat(s.name)) for s in article.subjects),
        location=kept_place if kept_place != Place() else None,
        images=tuple(
            attrs.evolve(i, caption=_flat(i.caption), credit=_flat(i.credit))
            for i in article.images
        ),
        rights=kept_rights if kept_rights != Rights() else None,
        free=None,
    )


@given(articles().map(xml_safe))
def test_generated_articles_round_trip_through_newsml(article: Article) -> None:
    text = newsschema.write(article, "newsml", time_of_day=TIME_OF_DAY)
    assert_iptc_valid(iptc_newsml_xsd(), text)
    assert newsschema.read(text, "newsml") == [newsml_view(article)]


def test_offsets_beyond_fourteen_hours_are_written_in_utc(iptc: etree.XMLSchema) -> None:
    from datetime import datetime, timedelta, timezone

    far = datetime(2024, 1, 1, 12, 0, tzinfo=timezone(timedelta(hours=15)))
    text = newsschema.write(attrs.evolve(seed(), date_published=far), "newsml")
    assert_iptc_valid(iptc, text)
    assert "<firstCreated>2023-12-31T21:00:00+00:00</firstCreated>" in text
    assert newsschema.read(text)[0].date_published == far  # the same instant


def test_cli_checks_against_iptc_xsd_when_named(iptc: etree.XMLSchema, tmp_path: Path) -> None:
    target = tmp_path / "seed.xml"
    args = ["convert", str(SEED_PAGE), "--to", "newsml", "--xsd", str(IPTC_XSD), "-o", str(target)]
    result = cli_runner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    assert_iptc_valid(iptc, target.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("field", "value", "character"),
    [("headline", "a \x00 b", "U+0000"), ("summary", "a \ufffe b", "U+FFFE")],
)
def test_text_xml_cannot_carry_is_named_by_field(field: str, value: str, character: str) -> None:
    with pytest.raises(ValidationError) as caught:
        newsschema.write(attrs.evolve(seed(), **{field: value}), "newsml")
    (issue,) = caught.value.issues
    assert issue.message == f"/{field}: holds {character}, which XML 1.0 cannot carry"
