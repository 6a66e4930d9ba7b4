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

__all__ = ["ARTICLE_TYPES", "article_nodes", "resolve", "type_names", "unwrap_script"]

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
_MAX_DEPTH = 32


def type_names(node: dict[str, Any]) -> set[str]:
    types = node.get("@type")
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
    value: Any, path: tuple[str | int, ...], schema_org: bool
) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any], bool]]:
    """Every object in the document, with its path and whether it speaks schema.org.

    Paths stay tuples: only the article nodes' become JSON Pointers.
    """
    if isinstance(value, dict):
        here = _speaks_schema_org(value.get("@context"))
        schema_org = schema_org if here is None else here
        yield path, value, schema_org
        for key, item in value.items():
            if key != "@context" and isinstance(item, (dict, list)):
                yield from _nodes(item, (*path, key), schema_org)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, (dict, list)):
                yield from _nodes(item, (*path, index), schema_org)


def article_nodes(document: Any) -> Iterator[tuple[str, dict[str, Any], dict[str, dict[str, Any]]]]:
    """(pointer, node, index of nodes by @id) for each article node, each @id once."""
    nodes = list(_nodes(document, (), True))
    index = {n["@id"]: n for _, n, _ in nodes if isinstance(n.get("@id"), str) and len(n) > 1}
    seen: set[str] = set()
    for path, node, schema_org in nodes:
        if not schema_org or not type_names(node) & ARTICLE_TYPES:
            continue
        identity = node.get("@id")
        if isinstance(identity, str):
            if identity in seen:
                continue
            seen.add(identity)
        yield "".join(pointer(step) for step in path), node, index


def resolve(value: Any, index: dict[str, dict[str, Any]], trail: frozenset[str], depth: int) -> Any:
    """`value` with ``{"@id": …}`` references replaced by the nodes they name (no cycles)."""
    if depth > _MAX_DEPTH:
        return None
    if isinstance(value, list):
        return [resolve(item, index, trail, depth + 1) for item in value]
    if not isinstance(value, dict):
        return value
    identity = value.get("@id")
    if isinstance(identity, str) and identity not in trail and identity in index:
        target = index[identity]
        if target is not value:
            value = {**target, **value}
        trail = trail | {identity}
    return {k: resolve(v, index, trail, depth + 1) for k, v in value.items() if k != "@context"}


def unwrap_script(text: str) -> str:
    """The JSON inside a ``<script type="application/ld+json">`` element, as --embed writes."""
    stripped = text.strip()
    if stripped[:7].lower() == "<script":
        start = stripped.find(">") + 1
        end = stripped.lower().rfind("</script>")
        return stripped[start:end] if end > start else stripped[start:]
    return text
