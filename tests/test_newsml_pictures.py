"""An article's images written to NewsML-G2 as IPTC specifies: a newsMessage of the text
item, one picture item per image and a package grouping them; or, with ``--single-item``,
the text item alone linking to each image. Both valid against IPTC's 2.35 XSD, both read
back to the same images."""

from __future__ import annotations

from pathlib import Path

import attrs
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from lxml import etree

import newsschema
from newsschema.cli import main
from newsschema.formats.newsml.pictures import content_type
from newsschema.model import Article, Image
from newsschema.testing import TIME_OF_DAY, articles, xml_safe

from .conftest import FIXTURES, cli_runner, iptc_newsml_xsd, reference
from .test_newsml import newsml_view

NAR = "{http://iptc.org/std/nar/2006-10-01/}"
FLOOD = Image(
    url="https://img.example.com/2022/flood.jpg",
    caption="The Wei river at noon",
    credit="映象网 / Li Wei",
    width=1200,
    height=800,
)
MAP = Image(url="https://img.example.com/2022/map.png")


def seed(images: tuple[Image, ...] = (FLOOD, MAP)) -> Article:
    (article,) = newsschema.read(FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.txt")
    return attrs.evolve(article, images=images)


def _root(text: str) -> etree._Element:
    return etree.fromstring(text.encode("utf-8"))


def test_a_text_with_two_pictures_is_a_message_of_four_items_iptc_accepts() -> None:
    root = _root(newsschema.write(seed(), "newsml"))
    assert iptc_newsml_xsd().validate(etree.ElementTree(root)), iptc_newsml_xsd().error_log
    items = root.findall(f"{NAR}itemSet/*")
    classes = [i.find(f"{NAR}itemMeta/{NAR}itemClass").get("qcode") for i in items]
    assert classes == ["ninat:text", "ninat:picture", "ninat:picture", "ninat:composite"]
    remote = items[1].find(f"{NAR}contentSet/{NAR}remoteContent")
    assert dict(remote.attrib) == {
        "href": FLOOD.url,
        "contenttype": "image/jpeg",
        "width": "1200",
        "height": "800",
    }
    refs = [r.get("residref") for r in items[3].iter(f"{NAR}itemRef")]
    assert refs == [i.get("guid") for i in items[:3]]


def test_the_message_reads_back_to_the_same_article() -> None:
    article = seed()
    (back,) = newsschema.read(newsschema.write(article, "newsml"), "newsml")
    assert back.images == (FLOOD, MAP)
    assert back == newsml_view(article)


def test_without_images_the_text_item_travels_alone() -> None:
    root = _root(newsschema.write(seed(()), "newsml"))
    assert etree.QName(root).localname == "newsItem"


def test_several_articles_share_one_message_and_keep_their_own_pictures() -> None:
    other = attrs.evolve(seed((MAP,)), id="urn:example:other", headline="Another story")
    bare = attrs.evolve(seed(()), id="urn:example:bare")
    text = newsschema.write([seed(), other, bare], "newsml")
    root = _root(text)
    assert iptc_newsml_xsd().validate(etree.ElementTree(root)), iptc_newsml_xsd().error_log
    first, second, third = newsschema.read(text, "newsml")
    assert (first.images, second.images, third.images) == ((FLOOD, MAP), (MAP,), ())


def test_single_item_links_each_image_and_iptc_accepts_it() -> None:
    text = newsschema.write(seed(), "newsml", single_item=True)
    root = _root(text)
    assert etree.QName(root).localname == "newsItem"
    assert iptc_newsml_xsd().validate(etree.ElementTree(root)), iptc_newsml_xsd().error_log
    links = root.findall(f"{NAR}itemMeta/{NAR}link")
    assert [(x.get("rel"), x.get("href")) for x in links] == [
        ("irel:seeAlso", FLOOD.url),
        ("irel:seeAlso", MAP.url),
    ]
    (back,) = newsschema.read(text, "newsml")
    assert back.images == (attrs.evolve(FLOOD, width=None, height=None), MAP)


def test_single_item_on_the_command_line(tmp_path: Path) -> None:
    source = tmp_path / "article.json"
    source.write_text(newsschema.write(seed(), "article"), encoding="utf-8")
    result = cli_runner().invoke(main, ["convert", str(source), "--to", "newsml", "--single-item"])
    assert result.exit_code == 0, result.output
    assert result.stdout.count('rel="irel:seeAlso"') == 2
    refused = cli_runner().invoke(main, ["convert", str(source), "--to", "ninjs", "--single-item"])
    assert refused.exit_code == 2
    assert "for writing newsml" in refused.stderr


def test_a_link_to_a_page_is_no_image() -> None:
    """IPTC's own LISTING 1 links to a video's web page with irel:seeAlso."""
    (article,) = newsschema.read(
        reference("newsml-g2", "examples", "LISTING_1_A_NewsML-G2_News_Item.xml")
    )
    assert article.images == ()


def test_the_content_type_comes_from_the_extension_alone() -> None:
    assert content_type(Image(url="https://x.example/a/B.JPG")) == "image/jpeg"
    assert content_type(Image(url="https://x.example/a.webp?w=300")) == "image/webp"
    assert content_type(Image(url="https://x.example/photo")) is None
    assert content_type(Image(url="https://x.example.jpg/photo")) is None


@settings(max_examples=40)
@given(article=articles(), single=st.booleans())
def test_articles_with_images_round_trip(article: Article, single: bool) -> None:
    assume(article.images)
    article = xml_safe(article)
    text = newsschema.write(article, "newsml", time_of_day=TIME_OF_DAY, single_item=single)
    (back,) = newsschema.read(text, "newsml")
    expected = newsml_view(article)
    if single:
        sizes = {"width": None, "height": None}
        expected = attrs.evolve(
            expected, images=tuple(attrs.evolve(i, **sizes) for i in expected.images)
        )
    assert back == expected
