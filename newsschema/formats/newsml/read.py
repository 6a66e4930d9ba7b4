"""NewsML-G2 → articles: what IPTC and agencies publish, any namespace prefix.

Text items only (``newsItem`` of class ``ninat:text`` or the legacy ``icls:text``, or a
composite whose content is text: `classes`); a ``newsMessage`` gives one article per
text item, with the picture items it links to or a package groups with it as its images
(`bundles`), and leaves the other items out with a warning. Bodies come from the
rendition marked as the main text: XHTML or NITF in ``inlineXML`` (paragraphs are the
``p`` elements, whatever their namespace, but not an XHTML ``header`` or a by-line), or
``inlineData`` as plain text (paragraphs at blank lines) or HTML. Pretty-printing is not
content: line breaks and the indentation after them become one space in every text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

import attrs
from lxml import etree
from lxml import html as lxml_html

from ...errors import Issue
from ...language import language_or_und, strip_byline
from ...limits import MAX_URI_CHARS
from ...model import (
    URI,
    Agent,
    AgentType,
    Article,
    Image,
    Place,
    Rights,
    Subject,
    derive_id,
    is_qcode,
)
from ...times import Moment, read_time
from ...times.evidence import Inferred, infer_zone
from ...uri import is_uri
from ...xmlparse import XMLInputError, parse_xml
from ..base import Context, Parsed
from ..forgiving import PARAGRAPH_BREAK, markup_paragraphs, unique
from .building import NAR
from .bundles import (
    Story,
    image_of,
    is_picture,
    linked_images,
    main_packages,
    package_refs,
    pictures_for,
)
from .classes import is_text, item_class
from .elements import clean as _clean
from .elements import local as _local
from .elements import q as _q
from .elements import text_of as _text
from .left_out import notes
from .standard import conformance, iptc_schema, too_wide, version_issue, with_column

__all__ = ["check_input", "parse", "to_article"]

NAME = "newsml"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_PARTS = frozenset(
    ("contentSet", "contentMeta", "itemMeta", "inlineXML", "inlineData", "rightsInfo", "itemSet")
)
"""Elements of an item that IPTC's documentation shows alone, as fragments."""
_TIMES = ("itemMeta/firstCreated", "contentMeta/contentCreated", "itemMeta/versionCreated")


def _issue(message: str, path: str = "", element: etree._Element | None = None) -> Issue:
    return Issue(stage="input", format=NAME, path=path, message=message, line=_line(element))


def _line(element: etree._Element | None) -> int | None:
    line = element.sourceline if element is not None else None
    return line if isinstance(line, int) else None


def parse(text: str, context: Context) -> Iterator[Parsed]:
    """One record per item: a ``newsMessage``'s items, or the one item at the root. When
    the context asks, IPTC's XSD judges the whole document first, and each issue goes to
    the record of the item it is in (the message's header to the first)."""
    try:
        root = parse_xml(text)
    except XMLInputError as error:
        issue = Issue(
            stage="parse",
            format=NAME,
            path="",
            message=str(error),
            line=error.line,
            column=error.column,
        )
        yield Parsed(issues=[issue])
        return
    items = _items(root)
    if items is None:
        found = f"<{_local(root)}> in {etree.QName(root).namespace or 'no namespace'}"
        message = f"not NewsML-G2: the root is {found}, not an item or a newsMessage"
        if _local(root) in _PARTS:
            message = (
                f"a fragment of NewsML-G2: the root is {found}, a part of an item; "
                "newsschema reads whole items and newsMessages"
            )
        yield Parsed(
            issues=[Issue(stage="parse", format=NAME, path="/", message=message, line=_line(root))]
        )
        return
    standard = _conformance(root, [item for _, item, _ in items], text, context)
    judged = [(*where, issues) for where, issues in zip(items, standard, strict=True)]
    if _local(root) == "newsMessage" and context.readability:
        yield from _message_records(judged, context)
        return
    for base, item, record, issues in judged:
        yield _record(base, item, record, issues, [], context)


_Judged = tuple[str, etree._Element, "int | None", list[Issue]]


def _record(
    base: str,
    item: etree._Element,
    record: int | None,
    conformance: list[Issue],
    elsewhere: list[Issue],
    context: Context,
    pictures: tuple[etree._Element, ...] = (),
    package: etree._Element | None = None,
) -> Parsed:
    inferred = _inferred_zone(item, context)
    return Parsed(
        document=Story(item, pictures, package),
        base=base,
        record=record,
        conformance=conformance,
        issues=[inferred.issue(NAME, line=_line(item))] if inferred else [],
        zone=inferred,
        elsewhere=elsewhere,
    )


def _message_records(judged: list[_Judged], context: Context) -> Iterator[Parsed]:
    """A message's text items, each an article with the pictures it links to or a package
    groups with it (`bundles`); the other items (a video, a picture no text uses, a
    package whose items are elsewhere) are left out with a warning on the first article,
    and their standard issues go with it. A message with no text item is one refusal
    naming what it holds."""
    texts, others = _split_texts(judged)
    carried = [issue for *_, issues in others for issue in issues]
    if not texts:
        held = "; ".join(_held(item) for _, item, _, _ in others) or "no item"
        message = f"not an article: no text item in this message; it holds {held}"
        where = Issue(stage="input", format=NAME, path="/newsMessage/itemSet", message=message)
        yield Parsed(issues=[where], conformance=carried)
        return
    pictures = {item.get("guid", ""): item for _, item, _, _ in others if is_picture(item)}
    packages = [item for _, item, _, _ in others if _local(item) == "packageItem"]
    attached = pictures_for([item for _, item, _, _ in texts], pictures, packages)
    main_of = main_packages([item for _, item, _, _ in texts], packages)
    used = {id(p) for found in attached.values() for p in found}
    left_out = _left_out_warnings(others, used, {item.get("guid", "") for _, item, _, _ in judged})
    for n, (base, item, record, issues) in enumerate(texts):
        if n == 0:
            issues, notes = issues + carried, left_out
        else:
            notes = []
        guid = item.get("guid", "")
        yield _record(
            base, item, record, issues, notes, context, attached.get(guid, ()), main_of.get(guid)
        )


def _left_out_warnings(others: list[_Judged], used: set[int], present: set[str]) -> list[Issue]:
    """A warning for each item of the message no article takes in."""
    return [
        Issue(
            stage="input",
            format=NAME,
            path=base,
            message=_left_out(item, present),
            line=_line(item),
            severity="warning",
        )
        for base, item, _, _ in others
        if id(item) not in used and not _complete_package(item, present)
    ]


def _split_texts(judged: list[_Judged]) -> tuple[list[_Judged], list[_Judged]]:
    """The text items of a message, and the others, each item's class read once."""
    texts: list[_Judged] = []
    others: list[_Judged] = []
    for entry in judged:
        (texts if is_text(entry[1]) else others).append(entry)
    return texts, others


def _held(item: etree._Element) -> str:
    """An item of a message without text, as the refusal names it: a package with the
    items it needs."""
    refs = package_refs(item) if _local(item) == "packageItem" else []
    return f"{_described(item)}, which needs {', '.join(refs)}" if refs else _described(item)


def _complete_package(item: etree._Element, present: set[str]) -> bool:
    """A package whose items are all in the message: its work is done by `bundles`."""
    refs = package_refs(item) if _local(item) == "packageItem" else []
    return bool(refs) and all(guid in present for guid in refs)


def _left_out(item: etree._Element, present: set[str]) -> str:
    if _local(item) == "packageItem":
        missing = [guid for guid in package_refs(item) if guid not in present]
        return (
            f"{_described(item)} needs items not in this message ({', '.join(missing)}): left out"
        )
    if is_picture(item):
        return f"{_described(item)} is a picture no text item of the message uses: left out"
    return f"{_described(item)} is not text: left out"


def _described(item: etree._Element) -> str:
    """``the newsItem urn:…:APA0379 of class ninat:video``, for a message about it."""
    named = _class_named(item)
    kind = f" of class {named}" if named else ""
    return f"the {_local(item)} {item.get('guid') or '(no guid)'}{kind}"


def _class_named(item: etree._Element) -> str | None:
    """The item class as the item writes it (its QCode, else its URI)."""
    declared = item.find(_q("itemMeta/itemClass"))
    return (declared.get("qcode") or declared.get("uri")) if declared is not None else None


def _inferred_zone(item: etree._Element, context: Context) -> Inferred | None:
    """The zone the item's evidence gives its times written without one: its other
    times' offset, its provider's country (STT, dpa…), its language (`times.evidence`)."""
    times = [_text(item.find(_q(path))) for path in _TIMES]
    provider = item.find(_q("itemMeta/provider"))
    named = provider.get("literal") or provider.get("qcode") if provider is not None else None
    language = item.find(_q("contentMeta/language"))
    tag = language.get("tag") if language is not None else item.get(_XML_LANG)
    return infer_zone(times, given=context.timezone, provider=named, language=tag)


def _items(root: etree._Element) -> list[tuple[str, etree._Element, int | None]] | None:
    """(base path, item, record) of each item of the document; None when it is no
    NewsML-G2 document (a fragment, another vocabulary)."""
    if etree.QName(root).namespace != NAR:
        return None
    if _local(root) == "newsMessage":
        children = root.findall(_q("itemSet") + "/*")
        return [(f"/newsMessage/itemSet/*[{n + 1}]", item, n) for n, item in enumerate(children)]
    if _local(root).endswith("Item"):
        return [(f"/{_local(root)}", root, None)]
    return None


def _conformance(
    root: etree._Element, items: list[etree._Element], text: str, context: Context
) -> list[list[Issue]]:
    """IPTC's XSD's issues, one list per item (lxml keeps one proxy per element while it
    is referenced, so an item is found among an issue's ancestors by identity)."""
    per_item: list[list[Issue]] = [[] for _ in items]
    if not context.conformance or not items:
        return per_item
    which = {item: n for n, item in enumerate(items)}
    declared = version_issue(root)
    if declared is not None:
        per_item[0].append(declared)
    wide = too_wide(root)
    if wide is not None:
        per_item[0].append(wide)
        return per_item
    found = conformance(root, iptc_schema())
    lines = text.splitlines() if found else []
    for element, issue in found:
        owner = next((which[e] for e in _ancestors(element) if e in which), 0)
        per_item[owner].append(with_column(issue, element, lines))
    return per_item


def _ancestors(element: etree._Element | None) -> Iterator[etree._Element]:
    while element is not None:
        yield element
        element = element.getparent()


def _refusal(item: etree._Element) -> str | None:
    kind = _local(item)
    if kind == "packageItem":
        needed = ", ".join(package_refs(item)) or "no item"
        return (
            "not an article: a packageItem whose items are not in this file; it needs "
            f"{needed} (send them in one newsMessage with the package)"
        )
    if kind != "newsItem":
        return (
            f"not an article: a {kind} is not a text news item; newsschema reads newsItems "
            "of class ninat:text"
        )
    if is_text(item):
        return None
    named = _class_named(item)
    what = "a composite with no text content" if item_class(item) == "composite" else "not text"
    return (
        f"not an article: a newsItem of class {named} is {what}; newsschema reads text "
        "items (ninat:text, icls:text) and composites whose content is text"
    )


def check_input(story: Story, context: Context) -> list[Issue]:
    """What no article can do without: a text item, a headline and a time with a zone;
    and no identifier of absurd length (one is refused before anything looks into it)."""
    item = story.item
    refusal = _refusal(item)
    if refusal:
        return [_issue(refusal, "", item)]
    elsewhere = _remote_body(item)
    if elsewhere is not None:
        message = (
            f"the body is elsewhere ({elsewhere}): newsschema reads text given inline "
            "(inlineXML, inlineData)"
        )
        return [_issue(message, "/contentSet/remoteContent", item)]
    issues = []
    guid = item.get("guid", "")
    if len(guid) > MAX_URI_CHARS:
        message = f"is {len(guid):,} characters; an identifier here has at most {MAX_URI_CHARS:,}"
        issues.append(_issue(message, "/@guid", item))
    if _story_headline(story) is None:
        issues.append(
            _issue("is required: the item has no headline", "/contentMeta/headline", item)
        )
    issues += _time_issues(item, context) + _embargo_issues(item, context)
    return issues + (notes(item, _content(item)) if context.notes else [])


def _embargo_issues(item: etree._Element, context: Context) -> list[Issue]:
    """An embargo that is not an instant is dropped, with a warning: optional, it never
    sinks the item."""
    element = item.find(_q("itemMeta/embargoed"))
    text = _text(element)
    if element is None or text is None or _embargo(item, context) is not None:
        return []
    message = f"{text!r} is not a date-time with a zone: dropped"
    return [attrs.evolve(_issue(message, "/itemMeta/embargoed", element), severity="warning")]


def _time_issues(item: etree._Element, context: Context) -> list[Issue]:
    """The article needs one readable time of `_TIMES`: none is an error for each that
    is there; with one, the others that cannot be read are dropped, with a warning."""
    times = [(path, item.find(_q(path))) for path in _TIMES]
    present = [(path, element) for path, element in times if element is not None and _text(element)]
    if not present:
        message = "is required: the item has no firstCreated, contentCreated or versionCreated"
        return [_issue(message, "/itemMeta/firstCreated", item)]
    unreadable = []
    for path, element in present:
        try:
            read_time(_text(element) or "", context.timezone)
        except ValueError as error:
            unreadable.append(_issue(str(error), f"/{path}", element))
    if len(unreadable) < len(present):  # one time to publish by: the rest can go
        dropped = "dropped, as the item has another time to publish by"
        return [
            attrs.evolve(i, message=f"{i.message}: {dropped}", severity="warning")
            for i in unreadable
        ]
    return unreadable


def _headline(item: etree._Element) -> str | None:
    """contentMeta's headline; failing that, the body's own title, or the item's title."""
    headlines = item.findall(_q("contentMeta/headline"))
    main = [h for h in headlines if "sub" not in h.get("role", "")] or headlines
    if main:
        return _text(main[0])
    inline = _main_markup(item)
    titles = [] if inline is None else [*inline.iter("{*}title"), *inline.iter("{*}hl1")]
    titles += item.findall(_q("itemMeta/title"))
    return next((t for t in map(_text, titles) if t), None)


def _story_headline(story: Story) -> str | None:
    """The item's headline, else its package's (a package titles the story it groups)."""
    headline = _headline(story.item)
    if headline is None and story.package is not None:
        return _text(story.package.find(_q("contentMeta/headline")))
    return headline


def _slugline(story: Story) -> str | None:
    """The item's slugline, else its package's."""
    for holder in (story.item, story.package):
        slugline = None if holder is None else _text(holder.find(_q("contentMeta/slugline")))
        if slugline:
            return slugline
    return None


def _time(item: etree._Element, path: str, context: Context) -> Moment | None:
    """The time at `path`, or None when it is absent or cannot be read (the input check
    has made sure one time can be, and warned of the others)."""
    text = _text(item.find(_q(path)))
    try:
        return read_time(text, context.timezone) if text else None
    except ValueError:
        return None


def _party(element: etree._Element, default: AgentType = "Person") -> Agent | None:
    name = _text(element.find(_q("name"))) or _clean(element.get("literal"))
    qcode = element.get("qcode")
    if name is None and qcode:
        name = qcode.split(":", 1)[-1] or None
    uri = element.get("uri")
    if name is None and uri:
        name = uri
    if name is None:
        return None
    kind = element.get("type", "")
    agent_type: AgentType = (
        "Organization" if "organi" in kind else "Person" if "person" in kind else default
    )
    return Agent(name=name, type=agent_type, url=uri if uri and is_uri(uri) else None)


def _parties(elements: list[etree._Element], default: AgentType = "Person") -> tuple[Agent, ...]:
    agents: list[Agent] = []
    for element in elements:
        agent = _party(element, default)
        if agent and all(a.name != agent.name for a in agents):
            agents.append(agent)
    return tuple(agents)


_MARKUP = ("application/xhtml+xml", "application/nitf+xml", "text/xml", "application/xml")
_MAIN_WORDS = ("body", "main", "text", "story", "full")
_SIDE_WORDS = ("headline", "teaser", "abstract", "summary", "caption", "title", "lead")
_NOT_BODY = frozenset(("byline", "dateline", "genre", "slugline"))
"""Classes of an XHTML paragraph that hold metadata, not the story (dpa's by-line)."""


def _content_type(content: etree._Element) -> str:
    return (content.get("contenttype") or "").split(";")[0].strip().lower()


def _content(item: etree._Element) -> etree._Element | None:
    """The rendition that holds the story: of the inline ones, the one the agency marks as
    the main text (``rendition`` naming the body, not a headline or teaser), markup before
    HTML before plain text, then the first."""
    inline = [
        c
        for c in item.iterfind(_q("contentSet") + "/*")
        if _local(c) in ("inlineXML", "inlineData")
        and _content_type(c) in ("", *_MARKUP, "text/html", "text/plain")
    ]

    def rank(content: etree._Element) -> tuple[int, int]:
        rendition = (content.get("rendition") or "").lower()
        marked = (
            0
            if any(w in rendition for w in _MAIN_WORDS)
            else 2
            if any(w in rendition for w in _SIDE_WORDS)
            else 1
        )
        kind = _content_type(content)
        markup = 0 if _local(content) == "inlineXML" else 1 if kind == "text/html" else 2
        return marked, markup

    return min(inline, key=rank) if inline else None


def _main_markup(item: etree._Element) -> etree._Element | None:
    """The rendition the body is read from, when it is markup (``inlineXML``): its title,
    NITF by-line and dateline are the story's, a teaser's before it are not."""
    content = _content(item)
    return content if content is not None and _local(content) == "inlineXML" else None


def _remote_body(item: etree._Element) -> str | None:
    """The address of a text body that is elsewhere (a remoteContent and no inline
    text), for the refusal; None when the body is given inline or not at all."""
    if _content(item) is not None:
        return None
    for remote in item.iterfind(_q("contentSet/remoteContent")):
        kind = _content_type(remote)
        if kind.startswith("text/") or kind in _MARKUP:
            return remote.get("href") or remote.get("residref") or "(no address)"
    return None


def _body(item: etree._Element) -> tuple[str, ...]:
    content = _content(item)
    if content is None:
        return ()
    if _local(content) == "inlineXML":
        # NITF keeps the story in body.content (its abstract is the summary); XHTML in body.
        container = next(content.iter("{*}body.content"), None)
        container = container if container is not None else next(content.iter("{*}body"), None)
        paragraphs = (container if container is not None else content).iter("{*}p")
        return tuple(p for p in map(_text, filter(_story_paragraph, paragraphs)) if p)
    text = content.text or ""
    if _content_type(content) == "text/html":
        return _html_paragraphs(text)
    return tuple(p for p in (_clean(b) for b in PARAGRAPH_BREAK.split(text)) if p)


def _story_paragraph(paragraph: etree._Element) -> bool:
    """Not a by-line, dateline or genre line, nor in an XHTML ``header``/``footer``."""
    if _NOT_BODY & set((paragraph.get("class") or "").split()):
        return False
    return not any(
        etree.QName(parent).localname in ("header", "footer")
        for parent in paragraph.iterancestors()
    )


def _html_paragraphs(markup: str) -> tuple[str, ...]:
    """``text/html`` inline data: its ``p`` elements, else its text at double ``<br>``s."""
    if not markup.strip():
        return ()
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return ()
    paragraphs = [_clean(p.text_content()) for p in root.iter("p")]
    if not paragraphs:
        return tuple(markup_paragraphs(root))
    return tuple(p for p in paragraphs if p)


def _subjects(item: etree._Element) -> tuple[Subject, ...]:
    subjects = []
    language = _language(item).lower()
    for element in item.findall(_q("contentMeta/subject")):
        qcode = element.get("qcode")
        uri = element.get("uri")
        name = _name_in(element, language) or _clean(element.get("literal"))
        code = qcode if qcode and is_qcode(qcode) else None
        if code or name or (uri and is_uri(uri)):
            subjects.append(Subject(code=code, name=name, uri=uri if uri and is_uri(uri) else None))
    return tuple(subjects)


def _name_in(element: etree._Element, language: str) -> str | None:
    """The element's ``name`` in the item's language (its tag, else its primary
    language), else its first name: agencies name a code in several languages. A name
    with a role (dpa's ``nrol:mnemonic`` ``pl`` for Politik) is no name to show."""
    every = element.findall(_q("name"))
    names = [n for n in every if not n.get("role")] or every
    if len(names) > 1:
        primary = language.split("-")[0]
        spoken = [(n.get(_XML_LANG) or "").lower() for n in names]
        for wanted in (language, primary):
            chosen = next((n for n, tag in zip(names, spoken, strict=True) if tag == wanted), None)
            if chosen is not None:
                return _text(chosen)
        primaries = [tag.split("-")[0] for tag in spoken]
        if primary in primaries:
            return _text(names[primaries.index(primary)])
    return _text(names[0]) if names else None


def _place(item: etree._Element) -> Place | None:
    located = item.find(_q("contentMeta/located"))
    if located is None:
        return None
    country = None
    for broader in located.findall(_q("broader")):
        qcode = broader.get("qcode", "")
        if qcode.startswith("iso3166-1a2:") and re.fullmatch(r"[A-Za-z]{2}", qcode[12:]):
            country = qcode[12:].upper()
    name = _text(located.find(_q("name"))) or _clean(located.get("literal"))
    place = Place(name=name, country=country)
    return place if place != Place() else None


def _rights(item: etree._Element) -> Rights | None:
    info = item.find(_q("rightsInfo"))
    if info is None:
        return None
    holder = info.find(_q("copyrightHolder"))
    terms = _text(info.find(_q("usageTerms")))
    rights = Rights(
        holder=_name(holder),
        notice=_text(info.find(_q("copyrightNotice"))),
        license=terms if terms and is_uri(terms) else None,
    )
    return rights if rights != Rights() else None


def _name(element: etree._Element | None) -> str | None:
    agent = _party(element, "Organization") if element is not None else None
    return agent.name if agent else None


def _language(item: etree._Element) -> str:
    language = item.find(_q("contentMeta/language"))
    return language_or_und(
        (language.get("tag") if language is not None else None) or item.get(_XML_LANG)
    )


def _times(item: etree._Element, context: Context) -> tuple[Moment, Moment | None, Moment | None]:
    """Publication, modification and creation: NewsML-G2 has no publication time, so the
    first of the creation times stands for it (the input check made sure there is one)."""
    published = next(t for t in (_time(item, p, context) for p in _TIMES) if t)
    version_created = _time(item, "itemMeta/versionCreated", context)
    modified = _time(item, "contentMeta/contentModified", context)
    if modified is None and version_created and version_created != published:
        modified = version_created
    return published, modified, _time(item, "contentMeta/contentCreated", context)


def _identity(
    item: etree._Element, publisher: Agent | None, published: Moment, headline: str
) -> tuple[str, int, URI | None]:
    """``id``, ``version`` and ``url``: the item's own when they are usable."""
    guid = item.get("guid", "")
    version = item.get("version", "1")
    links = item.findall(_q("itemMeta/link"))
    link = next((x.get("href") for x in links if x.get("rel") == "irel:canonical"), None)
    if not is_uri(guid):
        guid = derive_id(publisher.name if publisher else None, published, headline)
    number = int(version) if version.isdigit() and int(version) > 0 else 1
    return guid, number, URI(link) if link and is_uri(link) else None


_OTHER_ROLES = frozenset(("caption", "headline", "note", "keyword"))
"""Description roles that are not a summary (a picture's caption, an editor's note)."""


def _role_words(element: etree._Element) -> list[str]:
    """``drol:summary`` → ``["summary"]``: the role's code, in words."""
    return re.split(r"[^a-z]+", (element.get("role") or "").split(":")[-1].lower())


def _descriptions(item: etree._Element) -> tuple[str | None, str | None]:
    """The sub-headline and the summary (a description marked as one, else the first)."""
    sub = [h for h in item.findall(_q("contentMeta/headline")) if "sub" in h.get("role", "")]
    descriptions = item.findall(_q("contentMeta/description"))
    plain = [d for d in descriptions if not _OTHER_ROLES & set(_role_words(d))]
    summary = next(
        (d for d in descriptions if "summary" in _role_words(d)), plain[0] if plain else None
    )
    return (_text(sub[0]) if sub else None), _text(summary)


def _people(item: etree._Element) -> tuple[tuple[Agent, ...], tuple[Agent, ...], Agent | None]:
    """Creators are the authors (else the names of the ``by`` line); contributors in an
    editor role the editors; the first info source is the source (else the credit line's
    agency)."""
    contributors = item.findall(_q("contentMeta/contributor"))
    sources = _parties(item.findall(_q("contentMeta/infoSource")), "Organization")
    credit = _credit(item)
    if not sources and credit:
        sources = (Agent(name=credit, type="Organization"),)
    authors = _parties(item.findall(_q("contentMeta/creator"))) or _by_line(item, credit)
    editors = _parties([c for c in contributors if "editor" in c.get("role", "")])
    return authors, editors, next(iter(sources), None)


_BY_SEPARATORS = re.compile(r" (?:and|und|et|y|ja|e) |, ?|; ?| & | / ")


def _credit(item: etree._Element) -> str | None:
    """The credit line without the dash some agencies end it with (STT and an en dash)."""
    credit = _text(item.find(_q("contentMeta/creditline")))
    cleaned = credit.rstrip(" -\u2013\u2014") if credit else None
    return cleaned or None


def _by_line(item: etree._Element, credit: str | None) -> tuple[Agent, ...]:
    """The people of ``<by>Von Annett Gehler, dpa</by>``, else of a NITF body's
    ``byline`` (its ``person`` elements when it marks them): the by-line word and the
    agency named by the credit line or as provider are not people."""
    nitf = _nitf_head(item, "byline")
    persons = [] if nitf is None else [p for p in map(_text, nitf.iter("{*}person")) if p]
    by = _text(item.find(_q("contentMeta/by")))
    if by is None and persons:
        return tuple(Agent(name=name) for name in dict.fromkeys(persons))
    by = by or _text(nitf)
    if by is None:
        return ()
    provider = item.find(_q("itemMeta/provider"))
    agencies = {credit or ""}
    if provider is not None:
        agencies |= {provider.get("literal") or "", (provider.get("qcode") or "").split(":")[-1]}
    agencies = {a.casefold() for a in agencies if a}
    names = (n.strip() for n in _BY_SEPARATORS.split(strip_byline(by)))
    people = [n for n in names if n and n.casefold() not in agencies]
    return tuple(Agent(name=n) for n in dict.fromkeys(people))


def _nitf_head(item: etree._Element, name: str) -> etree._Element | None:
    """An element of the NITF story's ``body.head`` (``byline``, ``dateline``), when the
    rendition the body is read from is NITF and has one (`_main_markup`)."""
    inline = _main_markup(item)
    head = None if inline is None else next(inline.iter("{*}body.head"), None)
    return None if head is None else next(head.iter(f"{{*}}{name}"), None)


def _dateline(item: etree._Element) -> str | None:
    """contentMeta's dateline, else the NITF story's (its ``location`` when marked)."""
    given = _text(item.find(_q("contentMeta/dateline")))
    nitf = _nitf_head(item, "dateline") if given is None else None
    if nitf is None:
        return given
    return _text(next(nitf.iter("{*}location"), None)) or _text(nitf)


def _genre(item: etree._Element) -> str | None:
    genre = item.find(_q("contentMeta/genre"))
    if genre is None:
        return None
    return _text(genre.find(_q("name"))) or _clean(genre.get("literal")) or genre.get("qcode")


def _urgency(item: etree._Element) -> int | None:
    urgency = _text(item.find(_q("contentMeta/urgency")))
    return int(urgency) if urgency and urgency.isdigit() and 1 <= int(urgency) <= 9 else None


def to_article(story: Story, context: Context) -> Article:
    item = story.item
    published, modified, created = _times(item, context)
    headline = _story_headline(story) or ""
    provider = item.find(_q("itemMeta/provider"))
    publisher = _party(provider, "Organization") if provider is not None else None
    guid, version, url = _identity(item, publisher, published, headline)
    subheadline, summary = _descriptions(item)
    authors, editors, source = _people(item)
    return Article(
        id=guid,
        version=version,
        url=url,
        headline=headline,
        subheadline=subheadline,
        summary=summary,
        date_published=published,
        date_modified=modified,
        date_created=created,
        authors=authors,
        editors=editors,
        source=source,
        body=_body(item),
        language=_language(item),
        publisher=publisher,
        section=_text(item.find(_q("itemMeta/memberOf/name"))),
        keywords=tuple(unique(map(_text, item.findall(_q("contentMeta/keyword"))))),
        subjects=_subjects(item),
        genre=_genre(item),
        dateline=_dateline(item),
        location=_place(item),
        rights=_rights(item),
        urgency=_urgency(item),
        images=_images(story),
        slugline=_slugline(story),
        embargoed=_embargo(item, context),
        editorial_note=_editorial_note(item),
    )


def _embargo(item: etree._Element, context: Context) -> datetime | None:
    """The embargo's instant; a day or a time that cannot be read is no embargo
    (`check_input` warns of it)."""
    embargo = _time(item, "itemMeta/embargoed", context)
    return embargo if isinstance(embargo, datetime) else None


def _editorial_note(item: etree._Element) -> str | None:
    """The item's notes to editors, one line each (agencies send one or several)."""
    notes = [n for n in map(_text, item.findall(_q("itemMeta/edNote"))) if n]
    return "\n".join(notes) or None


def _images(story: Story) -> tuple[Image, ...]:
    """The attached pictures that give an address, then the pictures the item links to
    by address."""
    found = (image_of(picture) for picture in story.pictures)
    return (*(image for image in found if image is not None), *linked_images(story.item))
