"""schema.org JSON-LD → articles, as publishers really write it.

`graph` finds the article nodes and resolves their references; `values` reads each
property in the shapes sites use; this module maps a node to an `Article` and lists the
Google guidelines a node misses, as warnings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs

from ...canonical import pointer
from ...errors import FieldError, Issue
from ...jsontext import loads, parse_issue
from ...language import strip_byline
from ...model import Article, Rights, derive_id
from ...times import Moment, read_written, repair_of
from ...times.evidence import Inferred, infer_zone
from ...validation import shown
from ..base import Context, Parsed
from ..lenient import mend
from .graph import article_nodes, described, resolve, type_names, unwrap_script
from .standard import by_record
from .values import (
    agents_of,
    boolean_of,
    first,
    images_of,
    integer_of,
    keywords_of,
    language_of,
    paragraphs_of,
    place_of,
    subjects_of,
    text_of,
    time_of,
    uri_of,
)

__all__ = ["LONG_HEADLINE", "advise", "not_an_article", "parse", "time_warnings", "to_article"]

NAME = "jsonld"
LONG_HEADLINE = 110
_SEVERAL_PEOPLE = re.compile(r"\s(and|&|und|et|y)\s|[、,;]|\s和\s?|和")


def parse(text: str, context: Context) -> Iterator[Parsed]:
    source = unwrap_script(text.removeprefix("\ufeff"))
    try:
        document, source, broken = _loaded(source)
    except ValueError as error:
        yield Parsed(issues=[parse_issue(error, NAME)])
        return
    nodes = list(article_nodes(document))
    standard = by_record(document, source, [path for path, _, _ in nodes], context)
    if broken is not None and context.conformance:
        standard[0].insert(0, broken)
    several = len(nodes) > 1
    for record, (path, node, index) in enumerate(nodes):
        resolved = resolve(node, index)
        inferred = _inferred_zone(resolved, context) if isinstance(resolved, dict) else None
        yield Parsed(
            document=resolved,
            base=path,
            source=source,
            record=record if several else None,
            conformance=standard[record],
            issues=[inferred.issue(NAME)] if inferred else [],
            zone=inferred,
        )
    if not nodes:  # valid schema.org, perhaps, but no article to read
        refusal = [] if not context.readability else [not_an_article(document)]
        yield Parsed(issues=refusal, conformance=standard[0])


def _loaded(source: str) -> tuple[Any, str, Issue | None]:
    """The block's JSON, the text it was read from, and — when it is not JSON as
    written — why, as an issue of the standard: comments, trailing commas, single quotes
    and raw control characters are mended (`lenient.mend`, as the HTML reader mends
    them), so the block is read; the standard still says it is not JSON."""
    try:
        return loads(source), source, None
    except ValueError as error:
        mended = mend(source)
        try:
            document = loads(mended)
        except ValueError:
            raise error from None
        broken = parse_issue(error, NAME)
        message = f"{broken.message}; read after mending it"
        return document, mended, attrs.evolve(broken, stage="standard", message=message)


def _inferred_zone(node: dict[str, Any], context: Context) -> Inferred | None:
    """The zone the node's evidence gives its times written without one (its other
    times' offset, its address's country, its language: `times.evidence`)."""
    times = [text_of(node.get(key)) for key in ("datePublished", "dateModified", "dateCreated")]
    return infer_zone(
        times,
        given=context.timezone,
        url=uri_of(node.get("url"))
        or uri_of(node.get("mainEntityOfPage"))
        or uri_of(node.get("@id")),
        language=text_of(node.get("inLanguage")),
    )


def not_an_article(document: Any) -> Issue:
    """The refusal of a block with no article node, saying what it describes instead."""
    what = described(document)
    instead = f"it describes {' and '.join(f'a {t}' for t in what[:3])}; " if what else ""
    message = f"not an article: {instead}no NewsArticle, Article or BlogPosting node"
    return Issue(stage="input", format=NAME, path="", message=message)


def _rights(node: dict[str, Any]) -> Rights | None:
    holder = agents_of(node.get("copyrightHolder"), "Organization")
    year = integer_of(node.get("copyrightYear"))
    rights = Rights(
        holder=holder[0].name if holder else None,
        notice=text_of(node.get("copyrightNotice")),
        license=uri_of(node.get("license")),
        year=year if year and 1 <= year <= 9999 else None,
    )
    return rights if rights != Rights() else None


def _required(node: dict[str, Any], context: Context) -> tuple[str, Moment]:
    """The headline and the publication time, without which there is no article."""
    headline = text_of(node.get("headline")) or text_of(node.get("name"))
    if headline is None:
        raise FieldError("headline", "is required")
    published = time_of(
        node.get("datePublished") or node.get("dateCreated"), "datePublished", context
    )
    if published is None:
        raise FieldError("datePublished", "is required")
    return headline, published


def to_article(node: dict[str, Any], context: Context) -> Article:
    url = uri_of(node.get("url")) or uri_of(node.get("mainEntityOfPage"))
    headline, published = _required(node, context)
    publisher = next(iter(agents_of(node.get("publisher"), "Organization")), None)
    identity = uri_of(node.get("@id"))
    if identity is None or identity.startswith("_:"):  # a blank node names no article
        identity = url or derive_id(publisher.name if publisher else None, published, headline)
    return Article(
        id=identity,
        url=url,
        headline=headline,
        subheadline=text_of(node.get("alternativeHeadline")),
        summary=text_of(node.get("description")),
        body=paragraphs_of(node.get("articleBody") or node.get("text") or ""),
        language=language_of(node.get("inLanguage") or node.get("language")),
        date_published=published,
        date_modified=_optional_time(node, "dateModified", context),
        date_created=_optional_time(node, "dateCreated", context),
        authors=tuple(agents_of(node.get("author") or node.get("creator"))),
        editors=tuple(agents_of(node.get("editor"))),
        publisher=publisher,
        source=next(iter(agents_of(node.get("sourceOrganization"), "Organization")), None),
        section=text_of(node.get("articleSection")),
        keywords=tuple(keywords_of(node.get("keywords"))),
        subjects=tuple(subjects_of(node.get("about"))),
        genre=text_of(node.get("genre")),
        dateline=text_of(node.get("dateline")),
        location=place_of(node.get("contentLocation")),
        images=tuple(images_of(node.get("image"), url)),
        rights=_rights(node),
        free=boolean_of(node.get("isAccessibleForFree")),
    )


_OPTIONAL_TIMES = ("dateModified", "dateCreated")


def _optional_time(node: dict[str, Any], key: str, context: Context) -> Moment | None:
    """A time the article can do without: one that cannot be read is dropped (`advise`
    says so), never the reason a record is refused."""
    try:
        return time_of(node.get(key), key, context)
    except FieldError:
        return None


def time_warnings(node: dict[str, Any], context: Context) -> list[Issue]:
    """Warnings for the optional times a node loses because they cannot be read, and for
    the times read only once mended (a doubled ``Z``): what a page has no standard level
    to say."""
    mended = [
        Issue(stage="input", format=NAME, path=pointer(key), message=repair, severity="warning")
        for key in ("datePublished", *_OPTIONAL_TIMES)
        if (repair := repair_of(node.get(key)))
    ]
    return list(_dropped(node, context)) + mended


def _dropped(node: dict[str, Any], context: Context) -> Iterator[Issue]:
    """A warning for each optional time `to_article` drops because it cannot be read."""
    for key in _OPTIONAL_TIMES:
        try:
            time_of(node.get(key), key, context)
        except FieldError as error:
            message = f"{error.message}: dropped, as the article can do without it"
            yield Issue(
                stage="input", format=NAME, path=pointer(key), message=message, severity="warning"
            )


def advise(node: dict[str, Any], context: Context) -> list[Issue]:
    """What a readable node loses (an optional time that cannot be read), and Google's
    Article guidelines it misses: warnings, never failures."""

    def warn(path: str, message: str) -> Issue:
        return Issue(stage="input", format=NAME, path=path, message=message, severity="warning")

    found = list(_dropped(node, context))
    free = node.get("isAccessibleForFree")
    if free is not None and boolean_of(free) is None:
        found.append(warn("/isAccessibleForFree", f"{shown(free)} is not true or false: dropped"))
    if not uri_of(first(node.get("image"))):
        found.append(warn("/image", "no image: Google shows articles without one less often"))
    for field in ("author", "editor"):
        people = node.get(field)
        for index, item in enumerate(people if isinstance(people, list) else [people]):
            name = text_of(item.get("name") if isinstance(item, dict) else item)
            where = pointer(field, index) if isinstance(people, list) else pointer(field)
            personal = not isinstance(item, dict) or "person" in type_names(item)
            if name and strip_byline(name) != name:
                found.append(
                    warn(where, f"{name!r} starts with a by-line word; give the name alone")
                )
            elif name and personal and _SEVERAL_PEOPLE.search(name):
                found.append(
                    warn(where, f"{name!r} looks like several people; give one object each")
                )
    # Without --timezone a time with no zone is an error, reported by the reader instead.
    for field in ("datePublished", "dateModified") if context.timezone else ():
        if _zoneless(text_of(node.get(field))):
            found.append(warn(pointer(field), f"{text_of(node.get(field))!r} has no time zone"))
    headline = text_of(node.get("headline"))
    if headline and len(headline) > LONG_HEADLINE:
        found.append(
            warn(
                "/headline",
                f"the headline has {len(headline)} characters; Google shows about {LONG_HEADLINE}",
            )
        )
    return found


def _zoneless(text: str | None) -> bool:
    """Whether `text` is a time of day written without a zone (a day needs none)."""
    try:
        written = read_written(text) if text else None
    except ValueError:
        return False
    return written is not None and written.offset is None and not written.day_only
