"""NewsML-G2 as IPTC's own XSD judges it: IPTC's examples, mutants of them, real feeds.

The standard level is IPTC's NewsML-G2 2.35 Power XSD, shipped with newsschema; these
tests hold newsschema's verdicts to the ones lxml gives with the reference copy of it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

import newsschema
from newsschema.api import outcomes
from newsschema.cli import main
from newsschema.errors import Issue
from newsschema.formats.newsml import check_output
from newsschema.formats.newsml.write import NAR, from_article
from newsschema.limits import MAX_XSD_CHILDREN

from .conftest import SEED_ARTICLE, cli_runner, corpus, corpus_files, iptc_newsml_xsd, reference

EXAMPLES = [
    "CR00201_charcount.xml",
    "LISTING_1_A_NewsML-G2_News_Item.xml",
    "LISTING_22_Sports_story_in_NewsML-G2NITF.xml",
    "LISTING_27_Company_Financial_Information.xml",
    "LISTING_2_NewsML-G2_Text_Document.xml",
    "LISTING_6_Simple_NewsML-G2_Package.xml",
]


def _errors(issues: list[Issue]) -> list[Issue]:
    return [issue for issue in issues if issue.severity == "error"]


def _example(name: str) -> etree._ElementTree:
    return etree.parse(str(reference("newsml-g2", "examples", name)))


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_official_example_meets_the_standard(name: str) -> None:
    path = reference("newsml-g2", "examples", name)
    assert newsschema.validate(path, "newsml", level="standard") == []


def _misspell(tree: etree._ElementTree) -> etree._Element:
    element = tree.getroot().find(f"{{{NAR}}}itemMeta/{{{NAR}}}itemClass")
    assert element is not None
    element.tag = f"{{{NAR}}}itemClas"
    return element


def _drop_guid(tree: etree._ElementTree) -> etree._Element:
    root = tree.getroot()
    del root.attrib["guid"]
    return root


def _bad_date(tree: etree._ElementTree) -> etree._Element:
    element = tree.getroot().find(f"{{{NAR}}}itemMeta/{{{NAR}}}versionCreated")
    assert element is not None
    element.text = "2018-11-31T25:00:00Z"
    return element


MUTANTS: dict[str, tuple[Callable[[etree._ElementTree], etree._Element], str, str]] = {
    "misspelt element": (_misspell, "/itemMeta/itemClas", "itemClas is not allowed here"),
    "required attribute removed": (_drop_guid, "", "attribute 'guid' is required"),
    "invalid date": (_bad_date, "/itemMeta/versionCreated", "is not a valid xs:dateTime"),
}


@pytest.mark.parametrize("mutant", MUTANTS)
@pytest.mark.parametrize("name", EXAMPLES)
def test_a_mutant_of_an_example_fails_at_its_place(name: str, mutant: str) -> None:
    tree = _example(name)
    mutate, place, words = MUTANTS[mutant]
    element = mutate(tree)
    text = etree.tostring(tree, encoding="unicode")
    where = tree.getpath(element)  # the same place in the text, read again below
    found = _errors(newsschema.validate(text, "newsml", level="standard"))
    assert found, f"{mutant} in {name} passed"
    root = etree.QName(tree.getroot()).localname
    first = found[0]
    assert first.stage == "standard"
    assert first.path == f"/{root}{place}"
    assert words in first.message
    reread = etree.fromstring(text).getroottree().xpath(where)[0]
    assert first.line == reread.sourceline
    row = text.splitlines()[first.line - 1]
    assert first.column is not None
    assert row[first.column - 1 :].startswith(f"<{etree.QName(reread).localname}")


def test_a_misspelt_element_fails_validate_with_its_line(tmp_path: Path) -> None:
    source = reference("newsml-g2", "examples", "LISTING_1_A_NewsML-G2_News_Item.xml")
    text = source.read_text(encoding="utf-8").replace("<headline", "<headlne", 1)
    text = text.replace("</headline>", "</headlne>", 1)
    path = tmp_path / "item.xml"
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "<headlne" in row)
    column = text.splitlines()[line - 1].index("<headlne") + 1
    result = cli_runner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert (
        f"item.xml:{line}:{column}: standard /newsItem/contentMeta/headlne: headlne is not allowed "
        "here; expected one of" in result.output
    )


REAL = corpus_files("newsml", "*.xml")


@pytest.mark.parametrize("name", REAL)
def test_validate_at_the_standard_level_agrees_with_iptc_xsd(name: str) -> None:
    path = corpus("newsml", name)
    accepted = iptc_newsml_xsd().validate(etree.parse(str(path)))
    found = _errors(newsschema.validate(path, "newsml", level="standard"))
    assert (not found) == accepted, found


@pytest.mark.parametrize("name", REAL)
def test_validate_fails_what_iptc_refuses_and_says_why_it_fails_the_rest(name: str) -> None:
    path = corpus("newsml", name)
    accepted = iptc_newsml_xsd().validate(etree.parse(str(path)))
    found = _errors(newsschema.validate(path, "newsml"))
    if not accepted:
        assert found
    else:  # only what newsschema cannot read
        assert all(issue.stage in ("parse", "input", "model") for issue in found), found


@pytest.mark.parametrize("name", REAL)
def test_convert_never_refuses_a_real_feed_for_its_standard_alone(name: str) -> None:
    path = corpus("newsml", name)
    read = list(outcomes(path, "newsml"))
    standard = [i for o in read for i in o.issues if i.stage == "standard"]
    assert all(issue.severity == "warning" for issue in standard)
    strict = list(outcomes(path, "newsml", strict=True))
    refused = [i for o in strict for i in o.issues if i.stage == "standard"]
    assert [i.message for i in refused] == [i.message for i in standard]
    assert all(issue.severity == "error" for issue in refused)


def test_the_corpus_holds_the_ten_feeds_iptc_refuses() -> None:
    folder = corpus("newsml")
    refused = [
        p.name for p in folder.glob("*.xml") if not iptc_newsml_xsd().validate(etree.parse(str(p)))
    ]
    assert (len(REAL), len(refused)) == (32, 10)


def test_a_feed_that_breaks_the_standard_converts_with_warnings() -> None:
    path = corpus("newsml", "sd-ansa_culture.xml")
    result = cli_runner().invoke(main, ["convert", "--to", "article", str(path)])
    assert result.exit_code == 0, result.stderr
    assert "warning: standard: /newsMessage/itemSet/newsItem/contentMeta/urgency" in result.stderr
    strict = ["convert", "--to", "article", "--strict", str(path)]
    refused = cli_runner().invoke(main, strict)
    assert refused.exit_code == 1
    assert "standard: /newsMessage/itemSet/newsItem/contentMeta/urgency" in refused.stderr


def test_a_picture_item_meets_the_standard_but_is_not_an_article() -> None:
    path = corpus("newsml", "sd-reuters-GM1EA7M13RP01-picture.xml")
    assert _errors(newsschema.validate(path, "newsml", level="standard")) == []
    found = _errors(newsschema.validate(path, "newsml"))
    assert [i.message for i in found] == [
        "not an article: no text item in this message; it holds the newsItem "
        "tag_reuters.com_0000_newsml_GM1EA7M13RP01 of class icls:picture"
    ]


def test_a_declared_version_other_than_2_is_reported() -> None:
    text = _example_text("LISTING_1_A_NewsML-G2_News_Item.xml").replace(
        'standardversion="2.35"', 'standardversion="3.0"', 1
    )
    found = newsschema.validate(text, "newsml", level="standard")
    assert [i.path for i in found] == ["/newsItem/@standardversion"]
    assert "declares NewsML-G2 3.0" in found[0].message


def _example_text(name: str) -> str:
    return reference("newsml-g2", "examples", name).read_text(encoding="utf-8")


def test_the_output_is_checked_against_iptc_xsd_always(session: newsschema.Session) -> None:
    article = newsschema.read(SEED_ARTICLE.read_bytes(), "article")[0]
    context = session.context()
    element = from_article(article, context)
    assert check_output(element, context) == []
    del element.attrib["guid"]  # the profile and IPTC's XSD both refuse it
    sources = {issue.message.rsplit("(", 1)[-1] for issue in check_output(element, context)}
    assert "IPTC's NewsML-G2 2.35 XSD)" in sources


def test_a_document_too_wide_for_the_xsd_is_reported_not_checked() -> None:
    """libxml2 names each XSD problem by counting its siblings: quadratic in them."""
    text = _example_text("LISTING_1_A_NewsML-G2_News_Item.xml")
    wide = "".join(f'<subject qcode="x:{n}" why="bad{n}"/>' for n in range(MAX_XSD_CHILDREN + 1))
    text = text.replace("</contentMeta>", wide + "</contentMeta>", 1)
    (issue,) = newsschema.validate(text, "newsml", level="standard")
    children = len(etree.fromstring(text.encode()).find(f"{{{NAR}}}contentMeta"))
    assert issue.path == "/newsItem/contentMeta"
    assert f"has {children:,} child elements" in issue.message
    assert issue.message.endswith("not checked")


def test_a_pattern_problem_reads_as_the_standard_says_it() -> None:
    text = _example_text("LISTING_1_A_NewsML-G2_News_Item.xml").replace(
        '<itemClass qcode="ninat:text"', '<itemClass qcode="text"', 1
    )
    (issue,) = newsschema.validate(text, "newsml", level="standard")
    assert issue.path == "/newsItem/itemMeta/itemClass/@qcode"
    assert issue.message.startswith("'text' is not allowed by the pattern")
