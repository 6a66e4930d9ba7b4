"""Where the articles are in a JSON-LD document, and what their references point at.

Publishers wrap articles in ``@graph``, arrays and other nodes, and point at authors,
publishers and images by ``@id``. No JSON-LD processor runs here (that would need remote
contexts): nodes are found by their schema.org types, and references are resolved inside
the document, without following cycles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...canonical import pointer
from ...limits import JSONLD_DEPTH, JSONLD_EXPANDED_VALUES

__all__ = [
    "ARTICLE_TYPES",
    "MAX_EXPANDED",
    "NOT_ARTICLES",
    "article_nodes",
    "described",
    "nodes_speaking_schema_org",
    "resolve",
    "type_names",
    "unwrap_script",
]

ARTICLE_TYPES = frozenset(
    t.lower()
    for t in (
        "Article", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
        "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle",
        "ReviewNewsArticle", "SatiricalArticle", "BlogPosting", "LiveBlogPosting",
        "SocialMediaPosting", "Report", "TechArticle", "AdvertiserContentArticle",
    )
)  # fmt: skip
_SCHEMA_ORG = re.compile(r"^https?://(www\.)?schema\.org/?$", re.IGNORECASE)
_TYPE_PREFIX = re.compile(r"^(?:https?://(?:www\.)?schema\.org/|schema:)", re.IGNORECASE)


def type_names(node: dict[str, Any]) -> set[str]:
    """The node's types, lower case, without a schema.org prefix."""
    types = node.get("@type")
    if isinstance(types, str) and ":" not in types:  # "NewsArticle": the common case
        return {types.lower()}
    names = types if isinstance(types, list) else [types]
    return {_TYPE_PREFIX.sub("", t).lower() for t in names if isinstance(t, str)}


def _speaks_schema_org(context: Any) -> bool | None:
    """True or False for a recognisable context; None when there is none (inherit)."""
    if context is None:
        return None
    if isinstance(context, str):
        return bool(_SCHEMA_ORG.match(context.strip()))
    if isinstance(context, dict):
        vocab = context.get("@vocab")
        return isinstance(vocab, str) and bool(_SCHEMA_ORG.match(vocab.strip()))
    if isinstance(context, list):
        return any(_speaks_schema_org(item) for item in context)
    return False


def _nodes(
    value: Any,
    path: tuple[str | int, ...],
    schema_org: bool,
    found: list[tuple[tuple[str | int, ...], dict[str, Any], bool]],
) -> None:
    """Every object in the document, in document order, with its path and whether it
    speaks schema.org, appended to `found`.

    Paths stay tuples: only the article nodes' become JSON Pointers. The recursion is
    bounded by the JSON reader's nesting limit, far below Python's.
    """
    if isinstance(value, dict):
        if "@context" in value:
            here = _speaks_schema_org(value["@context"])
            schema_org = schema_org if here is None else here
        found.append((path, value, schema_org))
        for key, item in value.items():
            if key != "@context" and isinstance(item, (dict, list)):
                _nodes(item, (*path, key), schema_org, found)
    else:
        for index, item in enumerate(value):
            if isinstance(item, (dict, list)):
                _nodes(item, (*path, index), schema_org, found)


def nodes_speaking_schema_org(
    document: Any,
) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any]]]:
    """(path, node) for every object of `document` in a schema.org context."""
    nodes: list[tuple[tuple[str | int, ...], dict[str, Any], bool]] = []
    if isinstance(document, (dict, list)):
        _nodes(document, (), True, nodes)
    return ((path, node) for path, node, schema_org in nodes if schema_org)


NOT_ARTICLES = {
    t.lower(): t
    for t in (
        "WebSite", "WebPage", "CollectionPage", "ItemList", "SearchResultsPage",
        "ProfilePage", "AboutPage", "ContactPage", "BreadcrumbList", "Organization",
        "NewsMediaOrganization", "Person", "VideoObject", "ImageObject", "Event",
        "Product", "Recipe", "FAQPage", "QAPage",
    )
}  # fmt: skip
"""What a JSON-LD block without an article describes instead, in the words a message uses."""


def described(document: Any) -> list[str]:
    """The schema.org types of the nodes of a block that has no article, in order of
    appearance, each once: what it is instead (``WebSite``, ``CollectionPage``)."""
    found: dict[str, None] = {}
    for _, node in nodes_speaking_schema_org(document):
        for name in sorted(type_names(node)):
            if name in NOT_ARTICLES:
                found.setdefault(NOT_ARTICLES[name])
    return list(found)


def article_nodes(document: Any) -> Iterator[tuple[str, dict[str, Any], dict[str, dict[str, Any]]]]:
    """(pointer, node, index of nodes by @id) for each article node, each @id once; an
    article node inside another (an image's ``associatedArticle``, a ``hasPart``) is a
    property of the outer one, not an article of the document."""
    nodes: list[tuple[tuple[str | int, ...], dict[str, Any], bool]] = []
    if isinstance(document, (dict, list)):
        _nodes(document, (), True, nodes)
    index = {n["@id"]: n for _, n, _ in nodes if isinstance(n.get("@id"), str) and len(n) > 1}
    seen: set[str] = set()
    articles: list[tuple[str | int, ...]] = []
    for path, node, schema_org in nodes:
        if not schema_org or "@type" not in node or not type_names(node) & ARTICLE_TYPES:
            continue
        if any(path[: len(outer)] == outer for outer in articles):
            continue  # an article inside an article (associatedArticle, hasPart): its property
        articles.append(path)
        identity = node.get("@id")
        if isinstance(identity, str):
            if identity in seen:
                continue
            seen.add(identity)
        yield "".join(pointer(step) for step in path), node, index


_MAX_DEPTH = JSONLD_DEPTH
"""Levels below which nothing is resolved: an article's authors, publisher and images sit a
few levels down, and the bound keeps the resolver's recursion far from Python's limit."""
MAX_EXPANDED = JSONLD_EXPANDED_VALUES
"""Values an article node may grow to when its references are resolved. Each node is
resolved once and shared, but a reader or a validator walks the result as a tree: twenty
nodes that each name the next three times stand for 3**20 values."""


def resolve(node: dict[str, Any], index: dict[str, dict[str, Any]]) -> Any:
    """`node` with ``{"@id": …}`` references replaced by the nodes they name.

    Each named node is resolved once (a reference back into a node being resolved stays a
    reference, so cycles end), and the result holds at most `MAX_EXPANDED` values: a
    reference whose node would pass that is inlined shallowly (its own properties, its
    references left as references) or, failing that, left as it is.
    """
    identity = node.get("@id")
    if not index.keys() - {identity}:  # no other node to refer to: nothing to resolve
        return {key: value for key, value in node.items() if key != "@context"}
    resolver = _Resolver(index)
    if isinstance(identity, str) and identity in index:
        resolver.active.add(identity)
    value, _ = resolver.value(node, root=True)
    return value


class _Resolver:
    """The references of one article node: each named node resolved once, then inlined
    where it is named while the result stays within its budget."""

    def __init__(self, index: dict[str, dict[str, Any]]) -> None:
        self.index = index
        self.full: dict[str, tuple[Any, int]] = {}  # each node's whole resolution, and its size
        self.active: set[str] = set()  # nodes being resolved: a reference to one is a cycle
        self.budget = MAX_EXPANDED
        self.depth = 0

    def value(self, value: Any, *, root: bool = False, budgeted: bool = True) -> tuple[Any, int]:
        """`value` resolved, and how many values it stands for as a tree.

        Budgeted, a reference is inlined only while the result stays within the budget;
        unbudgeted (inside a node's memoised resolution), always — its size is counted, and
        the budget decides where the whole node is used.
        """
        if not isinstance(value, (dict, list)):
            return value, 1
        if self.depth >= _MAX_DEPTH:
            return value, _count(value)  # as it stands, unresolved
        self.depth += 1
        try:
            if isinstance(value, list):
                items = [self.value(item, budgeted=budgeted) for item in value]
                return [item for item, _ in items], 1 + sum(size for _, size in items)
            identity = value.get("@id")
            if not root and isinstance(identity, str) and identity in self.index:
                return self._reference(identity, value, budgeted)
            return self._members(value, budgeted)
        finally:
            self.depth -= 1

    def _members(self, value: dict[str, Any], budgeted: bool) -> tuple[Any, int]:
        resolved, size = {}, 1
        for key, item in value.items():
            if key != "@context":
                resolved[key], grown = self.value(item, budgeted=budgeted)
                size += grown
        return resolved, size

    def _reference(
        self, identity: str, reference: dict[str, Any], budgeted: bool
    ) -> tuple[Any, int]:
        if identity in self.active:  # a cycle: the reference stays one
            return self._members(reference, budgeted)
        whole, size = self._whole(identity)
        target = self.index[identity]
        extra = {k: v for k, v in reference.items() if k not in ("@id", "@context")}
        if extra and reference is not target:  # it says more than its @id: its members win
            self.active.add(identity)
            try:
                more, grown = self._members(extra, budgeted)
            finally:
                self.active.discard(identity)
            whole, size = {**whole, **more}, size + grown
        if not budgeted:
            return whole, size
        if size <= self.budget:
            self.budget -= size
            return whole, size
        merged = {**target, **reference}
        flat = {k: v for k, v in merged.items() if k != "@context" and not _nested(v)}
        if len(flat) + 1 <= self.budget:
            self.budget -= len(flat) + 1
            return flat, len(flat) + 1
        return {"@id": identity}, 1

    def _whole(self, identity: str) -> tuple[Any, int]:
        """The named node fully resolved, once; shared wherever it is named again."""
        if identity not in self.full:
            self.active.add(identity)
            try:
                self.full[identity] = self._members(self.index[identity], budgeted=False)
            finally:
                self.active.discard(identity)
        return self.full[identity]


def _count(value: Any) -> int:
    """How many values `value` holds, itself included (without recursion)."""
    count, stack = 0, [value]
    while stack:
        item = stack.pop()
        count += 1
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


def _nested(value: Any) -> bool:
    return isinstance(value, (dict, list))


def unwrap_script(text: str) -> str:
    """The JSON inside a ``<script type="application/ld+json">`` element, as --embed writes."""
    stripped = text.strip()
    if stripped[:7].lower() == "<script":
        start = stripped.find(">") + 1
        end = stripped.lower().rfind("</script>")
        return stripped[start:end] if end > start else stripped[start:]
    return text
