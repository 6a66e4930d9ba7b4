"""NewsML-G2 as IPTC's own XML Schema judges it, in IPTC's words and with places.

IPTC's NewsML-G2 2.35 Power XSD ships in the wheel (``schemas/iptc/``) and is built once
per process, when the first document needs it (about 20 ms). Documents of earlier 2.x
versions are checked against it too: IPTC keeps NewsML-G2 backward compatible, so a
document valid under its own 2.x version is valid under 2.35 (every valid 2.12 to 2.35
file of the real corpus is). A document that declares a version other than 2.x is
reported: check it with ``--xsd`` and that version's schema.

libxml2 words an error for a reader of XSDs (``Element '{http://iptc.org/std/nar/
2006-10-01/}headlne': This element is not expected. Expected is one of ( …``); the
issues here say it in the standard's terms, at a path of element names: ``contentMeta/
headlne is not allowed here; expected one of headline, …``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
from lxml import etree

from ...errors import Issue, Stage
from ...limits import MAX_ISSUES, MAX_XSD_CHILDREN
from ...schemas import schema_dir
from ...validation import shown
from ...xmlparse import safe_parser

__all__ = [
    "IPTC_XSD",
    "conformance",
    "iptc_schema",
    "readable_path",
    "too_wide",
    "version_issue",
    "with_column",
    "xml_schema",
]

IPTC_XSD = "iptc/NewsML-G2_2.35-spec-All-Power.xsd"
"""IPTC's XSD, under the shipped schemas folder."""
NAR = "http://iptc.org/std/nar/2006-10-01/"
_SHOWN_CHOICES = 8


@functools.lru_cache(maxsize=8)
def xml_schema(path: str) -> etree.XMLSchema:
    """An XML Schema from a file, built once; its imports resolve beside it, never online."""
    return etree.XMLSchema(etree.parse(path, parser=safe_parser()))


def iptc_schema() -> etree.XMLSchema:
    """IPTC's NewsML-G2 2.35 Power XSD, built on first use and kept for the process."""
    return xml_schema(str(schema_dir() / IPTC_XSD))


def conformance(
    root: etree._Element, schema: etree.XMLSchema, *, stage: Stage = "standard", source: str = ""
) -> list[tuple[etree._Element | None, Issue]]:
    """What `schema` finds in the document of `root`, each issue with the element it is
    about (None when it cannot be found), worded in the standard's terms."""
    if schema.validate(root):
        return []
    tree = root.getroottree()
    found: list[tuple[etree._Element | None, Issue]] = []
    entries: list[Any] = list(schema.error_log)  # type: ignore[call-overload]
    for entry in entries[:MAX_ISSUES]:  # a document of 100,000 wrong elements is one mistake
        element = _element_at(tree, entry.path)
        found.append((element, _issue(entry, element, stage, source)))
    if len(entries) > MAX_ISSUES:
        message = f"and {len(entries) - MAX_ISSUES:,} more problems like these, not listed"
        path = readable_path(root)
        found.append((root, Issue(stage=stage, format="newsml", path=path, message=message)))
    return found


def with_column(issue: Issue, element: etree._Element | None, lines: Sequence[str]) -> Issue:
    """`issue` with the column of its element's start tag (or of its attribute, when on the
    same line) in the source: libxml2 gives a line alone."""
    if element is None or issue.line is None or not 0 < issue.line <= len(lines):
        return issue
    row = lines[issue.line - 1]
    local = etree.QName(element).localname
    written = f"{element.prefix}:{local}" if element.prefix else local
    at = -1
    if "/@" in issue.path:
        found = row.find(f" {issue.path.rsplit('/@', 1)[1]}=")
        at = found + 1 if found >= 0 else -1
    if at < 0:
        at = row.find(f"<{written}")
    return attrs.evolve(issue, column=at + 1) if at >= 0 else issue


def too_wide(root: etree._Element) -> Issue | None:
    """An issue when an element has more children than the XSD is run over (`limits`);
    found in one linear pass, before libxml2 could spend quadratic time on the document."""
    widest = max(
        (element for element in root.iter() if len(element) > MAX_XSD_CHILDREN),
        key=len,
        default=None,
    )
    if widest is None:
        return None
    message = (
        f"has {len(widest):,} child elements; newsschema checks documents against IPTC's "
        f"XSD when no element has more than {MAX_XSD_CHILDREN:,}: not checked"
    )
    line = widest.sourceline if isinstance(widest.sourceline, int) else None
    return Issue(
        stage="standard", format="newsml", path=readable_path(widest), message=message, line=line
    )


def version_issue(root: etree._Element) -> Issue | None:
    """An issue when the document declares a version IPTC's 2.35 XSD does not speak for."""
    version = root.get("standardversion")
    if version is None or version.startswith("2."):
        return None
    message = (
        f"declares NewsML-G2 {version}; newsschema checks 2.x documents against IPTC's "
        "2.35 XSD (check another version with --xsd and its schema)"
    )
    line = root.sourceline if isinstance(root.sourceline, int) else None
    path = readable_path(root) + "/@standardversion"
    return Issue(stage="standard", format="newsml", path=path, message=message, line=line)


def _element_at(tree: etree._ElementTree, path: str | None) -> etree._Element | None:
    if not path:
        return None
    try:
        matched = tree.xpath(path)
    except etree.XPathError:
        return None
    first = matched[0] if isinstance(matched, list) and matched else None
    return first if isinstance(first, etree._Element) else None


_SUBJECT = re.compile(r"^Element '([^']*)'(?:, attribute '([^']*)')?: ")
_CLARK = re.compile(r"\{([^}]*)\}")
_QUOTED_VALUE = re.compile(r"^'(.*)'(?= is not a valid)", re.DOTALL)
_OTHER_NAMESPACES = re.compile(r"##other(\{[^}]*\})?\*")
_FACET = re.compile(r"^\[facet '[A-Za-z]+'\] ")
_NOT_ACCEPTED = re.compile(r"^The value ('.*') is not accepted by the (\w+) ('.*')$", re.DOTALL)
_VALUE_TYPE = re.compile(r"is not a valid value of the (?:atomic|list|union) type '([^']*)'")


def _issue(entry: object, element: etree._Element | None, stage: Stage, source: str) -> Issue:
    text = str(getattr(entry, "message", "")).strip()
    subject = _SUBJECT.match(text)
    attribute = subject[2] if subject else None
    message = _worded(text[subject.end() :] if subject else text, subject, attribute)
    path = readable_path(element) if element is not None else str(getattr(entry, "path", ""))
    if attribute:
        path += f"/@{_local_name(attribute)}"
    line = getattr(entry, "line", None) or (element.sourceline if element is not None else None)
    column = getattr(entry, "column", None) or None
    suffix = f" ({source})" if source else ""
    return Issue(
        stage=stage,
        format="newsml",
        path=path,
        message=message + suffix,
        line=line if isinstance(line, int) else None,
        column=column if isinstance(column, int) else None,
    )


def _worded(rest: str, subject: re.Match[str] | None, attribute: str | None) -> str:
    """libxml2's sentence without its XSD vocabulary: names without namespaces, the
    element named by where it is, choices listed briefly."""
    name = _local_name(subject[1]) if subject else "this element"
    head, one_of, listed = _split_choices(rest)
    head = _CLARK.sub(_prefix, head).strip().rstrip(".")
    if head == "This element is not expected":
        head = f"{name} is not allowed here"
    elif head.startswith("Missing child element"):
        head = f"{name} is missing a child element"
    elif head.startswith("The attribute") and attribute is None:
        head = head[0].lower() + head[1:]
    elif attribute and head == f"The attribute '{attribute}' is not allowed":
        head = f"the attribute {_local_name(attribute)} is not allowed here"
    head = _VALUE_TYPE.sub(r"is not a valid \1", head)
    head = _FACET.sub("", head)
    head = _NOT_ACCEPTED.sub(r"\1 is not allowed by the \2 \3", head)
    quoted = _QUOTED_VALUE.match(head)
    if quoted:  # the value as Python quotes it: white space and all, and never too long
        head = shown(quoted[1]) + head[quoted.end(1) + 1 :]
    if not listed:
        return head
    return f"{head}; expected {'one of ' if one_of else ''}{listed}"


def _split_choices(rest: str) -> tuple[str, bool, str]:
    """libxml2's sentence, whether it offers one of several, and the names it expects
    (``Expected is one of ( a, b ).``), found without a pattern that could backtrack."""
    at = rest.find("Expected is ")
    if at < 0:
        return rest, False, ""
    tail = rest[at + len("Expected is ") :]
    one_of = tail.startswith("one of ")
    tail = tail.removeprefix("one of ")
    if not tail.startswith("( ") or " )" not in tail:
        return rest, False, ""
    return rest[:at], one_of, _choices(tail[2 : tail.index(" )")])


def _choices(listed: str) -> str:
    listed = _OTHER_NAMESPACES.sub("an element of another namespace", listed)
    names = [_CLARK.sub(_prefix, name.strip()) for name in listed.split(",") if name.strip()]
    shown = names[:_SHOWN_CHOICES]
    return ", ".join(shown) + (", …" if len(names) > len(shown) else "")


def _prefix(found: re.Match[str]) -> str:
    """A Clark namespace as the standard writes it: none for NewsML-G2's own."""
    namespace = found[1]
    return "" if namespace == NAR else f"{{{namespace}}}"


def _local_name(name: str) -> str:
    return _CLARK.sub(_prefix, name)


def readable_path(element: etree._Element) -> str:
    """``/newsMessage/itemSet/newsItem[2]/contentMeta/located``: local names, with a
    position only where siblings share the name."""
    steps = []
    for node in _lineage(element):
        parent = node.getparent()
        step = _local_name(str(node.tag))
        if parent is not None:
            same = [sibling for sibling in parent if sibling.tag == node.tag]
            if len(same) > 1:
                step += f"[{same.index(node) + 1}]"
        steps.append(step)
    return "/" + "/".join(reversed(steps))


def _lineage(element: etree._Element) -> Iterable[etree._Element]:
    node: etree._Element | None = element
    while node is not None:
        yield node
        node = node.getparent()
