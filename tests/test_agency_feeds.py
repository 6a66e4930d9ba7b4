"""NewsML-G2 as agencies send it: item classes in the schemes they use, messages that mix
text with other items, fragments. Small items of our own for each rule, then the real
agency files of ../shared/corpus."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

import newsschema
from newsschema.api import outcomes
from newsschema.cli import main

from .conftest import cli_runner, corpus, corpus_files, reference

NAR = "http://iptc.org/std/nar/2006-10-01/"


def _item(guid: str, item_class: str, *, catalog: str = "", body: bool = True) -> str:
    content = (
        '<inlineXML contenttype="application/xhtml+xml">'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>It rained.</p></body></html>'
        "</inlineXML>"
        if body
        else '<remoteContent href="https://example.com/a.mp4"/>'
    )
    return (
        f'<newsItem xmlns="{NAR}" guid="{guid}" version="1" standard="NewsML-G2" '
        f'standardversion="2.35" conformance="power" xml:lang="en">{catalog}'
        f'<itemMeta>{item_class}<provider literal="x"/>'
        "<versionCreated>2020-01-08T15:51:00+01:00</versionCreated></itemMeta>"
        "<contentMeta><headline>Rain</headline></contentMeta>"
        f"<contentSet>{content}</contentSet></newsItem>"
    )


def _class(qcode: str) -> str:
    return f'<itemClass qcode="{qcode}"/>'


def _message(*items: str) -> str:
    return (
        f'<newsMessage xmlns="{NAR}"><header><sent>2020-01-08T15:51:00+01:00</sent></header>'
        f"<itemSet>{''.join(items)}</itemSet></newsMessage>"
    )


@pytest.mark.parametrize(
    "declared",
    [
        _class("ninat:text"),
        _class("icls:text"),
        '<itemClass uri="http://cv.iptc.org/newscodes/ninature/text"/>',
        _class("ninat:composite"),  # a composite whose content is text
    ],
)
def test_text_items_in_every_scheme_are_read(declared: str) -> None:
    (article,) = newsschema.read(_item("urn:x:1", declared), "newsml")
    assert article.headline == "Rain"


def test_an_alias_the_items_own_catalog_declares_is_understood() -> None:
    catalog = (
        '<catalog><scheme alias="nat" uri="http://cv.iptc.org/newscodes/ninature/"/></catalog>'
    )
    (article,) = newsschema.read(_item("urn:x:1", _class("nat:text"), catalog=catalog), "newsml")
    assert article.headline == "Rain"
    refused = _item("urn:x:1", _class("nat:picture"), catalog=catalog)
    with pytest.raises(newsschema.ValidationError, match="of class nat:picture is not text"):
        newsschema.read(refused, "newsml")


def test_a_composite_without_text_content_is_not_an_article() -> None:
    text = _item("urn:x:1", _class("ninat:composite"), body=False)
    with pytest.raises(newsschema.ValidationError, match="is a composite with no text content"):
        newsschema.read(text, "newsml")


def test_a_message_keeps_its_text_and_leaves_out_the_rest_with_a_warning() -> None:
    text = _message(
        _item("urn:x:video", _class("ninat:video"), body=False),
        _item("urn:x:text", _class("icls:text")),
    )
    read = list(outcomes(text, "newsml"))
    assert [o.article.id for o in read if o.article] == ["urn:x:text"]
    warnings = [i for o in read for i in o.issues if i.severity == "warning" and i.stage == "input"]
    assert [(w.path, w.message) for w in warnings] == [
        (
            "/newsMessage/itemSet/*[1]",
            "the newsItem urn:x:video of class ninat:video is not text: left out",
        )
    ]


def test_a_message_without_text_is_refused_saying_what_it_holds() -> None:
    text = _message(_item("urn:x:p", _class("ninat:picture"), body=False))
    (read,) = outcomes(text, "newsml")
    assert read.article is None
    assert [i.message for i in read.issues] == [
        "not an article: no text item in this message; it holds the newsItem urn:x:p of "
        "class ninat:picture"
    ]


def test_a_fragment_is_refused_as_one() -> None:
    fragment = "<contentMeta><headline>Rain</headline></contentMeta>"
    with pytest.raises(newsschema.ValidationError, match="a fragment of NewsML-G2"):
        newsschema.read(fragment, "newsml")


@pytest.mark.parametrize(
    "name",
    ["sd-reuters-text.xml", "sd-reuters-ISS149709.xml", "sd-reuters-L4N1FL0N0.xml"],
)
def test_reuters_legacy_item_classes_convert(name: str) -> None:
    result = cli_runner().invoke(main, ["convert", str(corpus("newsml", name)), "--to", "article"])
    assert result.exit_code == 0, result.stderr


def test_apas_message_of_text_and_video_converts_with_a_warning() -> None:
    path = corpus("newsml", "apa-NewsMessage_2.28.xml")
    result = cli_runner().invoke(main, ["convert", str(path), "--to", "article"])
    assert result.exit_code == 0, result.stderr
    assert "of class ninat:video is not text: left out" in result.stderr


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("iptc-LISTING_25_NITF_inlineXML.xml", "a fragment of NewsML-G2"),
        ("sd-reuters-GM1EA7M13RP01-picture.xml", "no text item in this message"),
        ("sd-reuters-snep-packages.xml", "which needs tag:reuters.com,0000:newsml_BRE9220HA"),
        ("iptc-LISTING_6_Package.xml", "it needs urn:newsml:iptc.org:20081007:tutorial-item-A"),
    ],
)
def test_agency_files_without_an_article_say_why(name: str, words: str) -> None:
    result = cli_runner().invoke(main, ["convert", str(corpus("newsml", name)), "--to", "article"])
    assert result.exit_code == 1
    assert words in result.stderr


def _picture(guid: str) -> str:
    return (
        f'<newsItem xmlns="{NAR}" guid="{guid}" version="1" standard="NewsML-G2" '
        'standardversion="2.35" conformance="power" xml:lang="en">'
        '<itemMeta><itemClass qcode="ninat:picture"/><provider literal="x"/>'
        "<versionCreated>2020-01-08T15:51:00+01:00</versionCreated></itemMeta>"
        '<contentMeta><description role="drol:caption">Rain over the city</description>'
        "<creditline>Jane Doe / Agency</creditline></contentMeta><contentSet>"
        '<remoteContent href="https://example.com/thumb.jpg" width="100" height="75"/>'
        '<remoteContent href="https://example.com/full.jpg" width="2000" height="1500"/>'
        "</contentSet></newsItem>"
    )


PICTURE = newsschema.Image(
    url="https://example.com/full.jpg",
    caption="Rain over the city",
    credit="Jane Doe / Agency",
    width=2000,
    height=1500,
)


def _linked_text(guid: str, picture: str) -> str:
    link = f'<link rel="irel:seeAlso" residref="{picture}"/>'
    return _item(guid, _class("ninat:text")).replace("</itemMeta>", f"{link}</itemMeta>")


def _warnings(text: str) -> list[str]:
    return [
        i.message
        for o in outcomes(text, "newsml")
        for i in o.issues
        if i.severity == "warning" and i.stage == "input"
    ]


def test_a_picture_a_text_item_links_to_is_one_of_its_images() -> None:
    text = _message(_linked_text("urn:x:t", "urn:x:p"), _picture("urn:x:p"))
    (article,) = newsschema.read(text, "newsml")
    assert article.images == (PICTURE,)
    assert _warnings(text) == []


def test_a_package_attaches_its_pictures_to_its_text_item() -> None:
    package = (
        f'<packageItem xmlns="{NAR}" guid="urn:x:pkg" version="1" standard="NewsML-G2" '
        'standardversion="2.35" conformance="power">'
        '<itemMeta><itemClass qcode="ninat:composite"/><provider literal="x"/>'
        "<versionCreated>2020-01-08T15:51:00+01:00</versionCreated></itemMeta>"
        '<groupSet root="G1"><group id="G1" role="group:main">'
        '<itemRef residref="urn:x:t"/><itemRef residref="urn:x:p"/></group></groupSet>'
        "</packageItem>"
    )
    text = _message(package, _item("urn:x:t", _class("ninat:text")), _picture("urn:x:p"))
    (article,) = newsschema.read(text, "newsml")
    assert article.images == (PICTURE,)
    assert _warnings(text) == []
    lacking = _message(package, _item("urn:x:t", _class("ninat:text")))
    assert _warnings(lacking) == [
        "the packageItem urn:x:pkg of class ninat:composite needs items not in this message "
        "(urn:x:p): left out"
    ]


def test_a_picture_no_text_uses_is_left_out_with_a_warning() -> None:
    text = _message(_item("urn:x:t", _class("ninat:text")), _picture("urn:x:p"))
    (article,) = newsschema.read(text, "newsml")
    assert article.images == ()
    assert _warnings(text) == [
        "the newsItem urn:x:p of class ninat:picture is a picture no text item of the "
        "message uses: left out"
    ]


def _with_content(content: str) -> str:
    start = _item("urn:x:1", _class("ninat:text"))
    head, _, _ = start.partition("<contentSet>")
    return f"{head}<contentSet>{content}</contentSet></newsItem>"


def test_an_xhtml_header_and_by_line_are_not_the_story() -> None:
    xhtml = (
        '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">'
        '<body><header><p class="genre">Questions and answers</p><h1>Rain</h1>'
        '<p class="byline">By Jane Doe</p></header><section><p>It rained.</p>'
        '<p class="byline">By Jane Doe</p><p>It rains still.</p></section></body></html>'
        "</inlineXML>"
    )
    (article,) = newsschema.read(_with_content(xhtml), "newsml")
    assert article.body == ("It rained.", "It rains still.")


def test_the_rendition_marked_as_the_body_is_the_story() -> None:
    renditions = (
        '<inlineData contenttype="text/plain" rendition="x:headline">Rain</inlineData>'
        '<inlineData contenttype="text/plain" rendition="x:body">'
        "It rained.\n\nIt rains.</inlineData>"
    )
    (article,) = newsschema.read(_with_content(renditions), "newsml")
    assert article.body == ("It rained.", "It rains.")


def test_inline_html_data_is_read_by_its_paragraphs() -> None:
    html = (
        '<inlineData contenttype="text/html">'
        "&lt;p&gt;It rained.&lt;/p&gt;&lt;p&gt;It rains.&lt;/p&gt;</inlineData>"
    )
    (article,) = newsschema.read(_with_content(html), "newsml")
    assert article.body == ("It rained.", "It rains.")


def test_a_text_body_held_elsewhere_is_refused_saying_where() -> None:
    remote = '<remoteContent href="https://example.com/story.txt" contenttype="text/plain"/>'
    with pytest.raises(newsschema.ValidationError) as refused:
        newsschema.read(_with_content(remote), "newsml")
    (issue,) = refused.value.issues
    assert issue.path == "/newsItem/contentSet/remoteContent"
    assert issue.message.startswith("the body is elsewhere (https://example.com/story.txt)")


def _with_meta(meta: str) -> str:
    return _item("urn:x:1", _class("ninat:text")).replace("<contentMeta>", f"<contentMeta>{meta}")


def test_the_by_line_names_the_authors_when_no_creator_does() -> None:
    text = _with_meta(
        "<creditline>dpa\u2013</creditline><by>Von Anna Schmidt und Jan Roe, dpa</by>"
    )
    (article,) = newsschema.read(text, "newsml")
    assert [a.name for a in article.authors] == ["Anna Schmidt", "Jan Roe"]
    assert article.source == newsschema.Agent(name="dpa", type="Organization")


def test_a_caption_or_a_note_is_no_summary() -> None:
    caption = _with_meta('<description role="drol:caption">A picture of rain</description>')
    (article,) = newsschema.read(caption, "newsml")
    assert article.summary is None
    both = _with_meta(
        '<description role="drol:caption">A picture of rain</description>'
        '<description role="drol:summary">It rained all day.</description>'
    )
    (article,) = newsschema.read(both, "newsml")
    assert article.summary == "It rained all day."


_ITEM = {
    "uri": "urn:x:1",
    "type": "text",
    "headlines": [{"role": "main", "value": "Rain"}],
    "versionCreated": "2020-01-08T15:51:00+01:00",
}


def test_ninjs_3_picture_associations_are_images() -> None:
    association = {
        "type": "picture",
        "uri": "urn:x:p",
        "descriptions": [{"role": "caption", "value": "Rain over the city"}],
        "copyrightHolder": "Jane Doe / Agency",
        "renditions": [
            {"name": "thumb", "href": "https://example.com/thumb.jpg", "width": 100},
            {"name": "full", "href": "https://example.com/full.jpg", "width": 2000, "height": 1500},
        ],
    }
    video = {"type": "video", "uri": "https://example.com/a.mp4"}
    item = {**_ITEM, "associations": [association, video]}
    (article,) = newsschema.read(json.dumps(item), "ninjs")
    assert article.images == (PICTURE,)


def test_ninjs_1_associations_keyed_by_name_are_images_too() -> None:
    association = {
        "type": "graphic",
        "description_text": "Rain over the city",
        "by": "Jane Doe / Agency",
        "renditions": {
            "full": {"href": "https://example.com/full.jpg", "width": 2000, "height": 1500}
        },
    }
    item = {**_ITEM, "associations": {"main": association}}
    (article,) = newsschema.read(json.dumps(item), "ninjs")
    assert article.images == (PICTURE,)


def test_a_content_apis_page_of_items_gives_each_item() -> None:
    """Newsroom systems answer a search with ``{"total": …, "item": [...]}``."""
    page = {"total": 2, "limit": 20, "offset": 0, "item": [_ITEM, {**_ITEM, "uri": "urn:x:2"}]}
    outcomes_read = list(outcomes(json.dumps(page), "ninjs"))
    assert [o.article.id for o in outcomes_read if o.article] == ["urn:x:1", "urn:x:2"]
    broken = {**page, "item": [{"uri": "urn:x:3", "type": "text"}]}
    (refused,) = outcomes(json.dumps(broken), "ninjs")
    assert [i.path for i in refused.issues if i.severity == "error"] == ["/item/0/headlines"]


def test_an_unlisted_type_with_a_body_is_read_as_text_with_a_warning() -> None:
    item = {**_ITEM, "type": "story", "body_html": "It <b>rained</b>\n  hard<br><br>Roads shut"}
    (outcome,) = outcomes(json.dumps(item), "ninjs")
    assert outcome.article is not None
    assert outcome.article.body == ("It rained hard", "Roads shut")  # no <p>: text, <br><br>
    assert any("'story' is not a ninjs type: read as text" in i.message for i in outcome.issues)
    (picture,) = outcomes(json.dumps({**item, "type": "picture"}), "ninjs")
    assert picture.article is None


def test_superdesks_bbc_feed_pages_read_with_their_pictures() -> None:
    text = corpus("ninjs", "sd-bbc-ninjs-comp-test.ninjs.json").read_text(encoding="utf-8")
    (article,) = newsschema.read(text, "ninjs", timezone="Europe/London")
    assert (article.headline, article.body, article.authors[0].name) == (
        "abcdef",
        ("abcd",),
        "Jane Doe",
    )
    assert [i.url for i in article.images] == [
        "https://www.superdesk.org/public/img/logo-footer.png"
    ]


def _nitf_item(head: str) -> str:
    nitf = (
        '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body>'
        f"<body.head><hedline><hl1>Floods close the Wei river</hl1></hedline>{head}</body.head>"
        "<body.content><p>The river rose overnight.</p>"
        "<block><p>Schools are closed.</p><p>Roads are shut.</p></block></body.content>"
        "</body></nitf>"
    )
    return (
        f'<newsItem xmlns="{NAR}" guid="urn:x:nitf" version="1" standard="NewsML-G2" '
        'standardversion="2.35" conformance="power" xml:lang="en">'
        '<itemMeta><itemClass qcode="ninat:text"/><provider literal="Agency"/>'
        "<versionCreated>2020-01-08T15:51:00+01:00</versionCreated></itemMeta>"
        '<contentSet><inlineXML contenttype="application/nitf+xml">'
        f"{nitf}</inlineXML></contentSet></newsItem>"
    )


def test_nitf_gives_the_headline_by_line_dateline_and_paragraphs_of_its_blocks() -> None:
    head = (
        "<byline>By <person>Jane Doe</person> and <person>Li Wei</person>, "
        "<byttl>Agency Writers</byttl></byline>"
        "<dateline><location>XINXIANG, China</location>, <story.date>Jan. 8</story.date>"
        "</dateline>"
    )
    (article,) = newsschema.read(_nitf_item(head), "newsml")
    assert article.headline == "Floods close the Wei river"
    assert [a.name for a in article.authors] == ["Jane Doe", "Li Wei"]
    assert article.dateline == "XINXIANG, China"
    assert article.body == ("The river rose overnight.", "Schools are closed.", "Roads are shut.")


def test_a_nitf_by_line_of_text_alone_names_its_people_without_the_agency() -> None:
    head = "<byline>By Jane Doe, Agency</byline><dateline>XINXIANG, China</dateline>"
    (article,) = newsschema.read(_nitf_item(head), "newsml")
    assert [a.name for a in article.authors] == ["Jane Doe"]
    assert article.dateline == "XINXIANG, China"


def test_the_by_line_and_dateline_are_the_main_renditions_not_a_teasers() -> None:
    """A teaser rendition before the story's: its NITF head is not the story's."""
    teaser = (
        '<inlineXML contenttype="application/nitf+xml" rendition="rnd:teaser">'
        '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.head>'
        "<byline>By Desk Editor</byline><dateline>BEIJING</dateline></body.head>"
        "<body.content><p>Floods.</p></body.content></body></nitf></inlineXML>"
    )
    head = "<byline>By Jane Doe</byline><dateline>XINXIANG, China</dateline>"
    item = _nitf_item(head).replace("<contentSet>", f"<contentSet>{teaser}")
    main = 'contenttype="application/nitf+xml" rendition="rnd:body">'
    item = item.replace('contenttype="application/nitf+xml">', main, 1)
    (article,) = newsschema.read(item, "newsml")
    assert [a.name for a in article.authors] == ["Jane Doe"]
    assert article.dateline == "XINXIANG, China"
    assert article.body[0] == "The river rose overnight."


def test_ninjs_1_body_xhtml_without_paragraphs_is_read_with_its_pictures() -> None:
    """Business Wire's composite press release: the text in ``body_xhtml``, no ``<p>``."""
    (article,) = newsschema.read(
        corpus("ninjs", "iptc-1.4-businesswire-newsml-20130515006361.ninjs.json")
    )
    assert article.headline.startswith("Dell Redefines Workstation Computing Boundaries")
    assert article.body[0].startswith(
        "Dell today announced an expanded and stronger Dell Precision"
    )
    assert len(article.images) == 3


def _subject_item(language: str, names: str) -> str:
    return (
        f'<newsItem xmlns="{NAR}" guid="urn:x:s" version="1" standard="NewsML-G2" '
        f'standardversion="2.35" conformance="power" xml:lang="{language}">'
        '<itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/>'
        "<versionCreated>2020-01-08T15:51:00+01:00</versionCreated></itemMeta>"
        f'<contentMeta><subject qcode="medtop:11000000">{names}</subject>'
        "<headline>Rain</headline></contentMeta><contentSet>"
        '<inlineXML contenttype="application/xhtml+xml">'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>It rained.</p></body></html>'
        "</inlineXML></contentSet></newsItem>"
    )


@pytest.mark.parametrize(
    ("language", "expected"), [("de-DE", "Politik"), ("en", "politics"), ("fi", "politics")]
)
def test_a_subject_is_named_in_the_items_language_first(language: str, expected: str) -> None:
    names = (
        '<name xml:lang="en">politics</name><name xml:lang="de" role="nrol:mnemonic">pl</name>'
        '<name xml:lang="de">Politik</name>'
    )
    (article,) = newsschema.read(_subject_item(language, names), "newsml")
    assert [(s.code, s.name) for s in article.subjects] == [("medtop:11000000", expected)]


def test_a_packages_headline_and_slugline_stand_in_for_its_text_items() -> None:
    package = (
        f'<packageItem xmlns="{NAR}" guid="urn:x:pkg" version="1" standard="NewsML-G2" '
        'standardversion="2.35" conformance="power">'
        '<itemMeta><itemClass qcode="ninat:composite"/><provider literal="x"/>'
        "<versionCreated>2020-01-08T15:51:00+01:00</versionCreated></itemMeta>"
        "<contentMeta><slugline>RAIN-CITY</slugline><headline>Rain over the city</headline>"
        '</contentMeta><groupSet root="G1"><group id="G1" role="group:main">'
        '<itemRef residref="urn:x:t"/></group></groupSet></packageItem>'
    )
    untitled = _item("urn:x:t", _class("ninat:text")).replace("<headline>Rain</headline>", "")
    (article,) = newsschema.read(_message(package, untitled), "newsml")
    assert (article.headline, article.slugline) == ("Rain over the city", "RAIN-CITY")
    (own,) = newsschema.read(_message(package, _item("urn:x:t", _class("ninat:text"))), "newsml")
    assert (own.headline, own.slugline) == ("Rain", "RAIN-CITY")


# --- every file of the shared corpus ---------------------------------------------------------

NO_ARTICLE = {
    "iptc-LISTING_25_NITF_inlineXML.xml": "a fragment of NewsML-G2",
    "iptc-LISTING_28_Dateline.xml": "a fragment of NewsML-G2",
    "iptc-LISTING_6_Package.xml": "a packageItem whose items are not in this file",
    "iptc-ap_metadata_example.xml": "of class ninat:video is not text",
    "sd-reuters-GM1EA7M13RP01-picture.xml": "no text item in this message",
    "sd-reuters-snep-packages.xml": "no text item in this message",
    # The one text item with no headline anywhere: the article requires one (DESIGN.md).
    "sd-stt_newsml_test_no_hl.xml": "the item has no headline",
}


@pytest.mark.parametrize("name", corpus_files("newsml", "*.xml"))
def test_every_agency_file_with_a_text_item_converts(name: str) -> None:
    found = list(outcomes(corpus("newsml", name), "newsml"))
    errors = [i.message for o in found for i in o.issues if i.severity == "error"]
    if name in NO_ARTICLE:
        assert any(NO_ARTICLE[name] in message for message in errors), errors
        return
    assert errors == []
    assert all(o.article is not None and o.article.headline for o in found)


NOT_TEXT = {
    "iptc-3.0-ap_image.ninjs.json": "of type 'picture'",
    "sd-ninjs3.ninjs.json": "of type 'picture'",
    "sd-ninjs6.ninjs.json": "of type 'picture'",
    "iptc-3.0-20231004-UEFA-ChampionLeague.ninjs.json": "the item has no headline",  # an event
}


@pytest.mark.parametrize("name", corpus_files("ninjs", "*.json"))
def test_every_ninjs_text_item_reads_with_headline_time_and_images(name: str) -> None:
    path = corpus("ninjs", name)
    found = list(outcomes(path, "ninjs", timezone="Europe/London"))  # the BBC's pages lack one
    errors = [i.message for o in found for i in o.issues if i.severity == "error"]
    if name in NOT_TEXT:
        assert any(NOT_TEXT[name] in message for message in errors), errors
        return
    assert errors == []
    for outcome in found:
        assert outcome.article is not None
        assert outcome.article.headline
        assert outcome.article.date_published is not None
    associated = '"picture"' in path.read_text(encoding="utf-8")
    assert not associated or any(o.article and o.article.images for o in found)


def test_stts_zoneless_times_are_read_in_finlands_zone_with_a_warning() -> None:
    (outcome,) = outcomes(corpus("newsml", "sd-stt1.xml"), "newsml")
    assert outcome.article is not None
    helsinki = datetime(2019, 4, 15, 11, 12, 24, tzinfo=timezone(timedelta(hours=3)))
    assert outcome.article.date_published == helsinki  # firstCreated 2019-04-15T11:12:24
    assert any("Europe/Helsinki, the zone of the agency STT" in i.message for i in outcome.issues)


def test_iptcs_nitf_sports_story_reads_its_headline_body_and_author() -> None:
    path = reference("newsml-g2", "examples", "LISTING_22_Sports_story_in_NewsML-G2NITF.xml")
    (article,) = newsschema.read(path)
    assert article.headline.startswith("Preview: Arizona Diamondbacks (29-23)")
    assert len(article.body) == 6
    assert article.body[0].startswith("(Sports Network) - A pair of teams")
