"""Differential validation: jsonschema-rs and python-jsonschema give one verdict.

newsschema asks the compiled engine "valid?" and python-jsonschema "why not?"; a
document one engine passes and the other fails would be a silent hole or an error with
no explanation. For every JSON Schema newsschema ships, documents are generated valid
(what the writers and readers really produce) and then broken at a random place — a
wrong value, a near-miss string, a missing or an unknown member — and both engines must
agree on each.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsschema
from newsschema import Issue
from newsschema.api import default_session, format_by_name
from newsschema.formats import FORMATS
from newsschema.formats.base import Reader
from newsschema.reporting import Batch, FileReport, JsonReporter
from newsschema.schemas import schema_names
from newsschema.selection import Skipped
from newsschema.sources import read_text
from newsschema.testing import articles, canonical_documents, json_values, writing_options
from newsschema.validation import Validators

from .conftest import DATA, FIXTURES
from .test_page import page_text

validators = Validators()
_context = default_session().context()

# Strings one character away from valid: where regex dialects and format checkers differ.
NEAR_MISSES = (
    "", " ", "\n", "x\n", "\u3000", "2022-04-22T14:36:26+08:00\n", "2022-04-22T14:36:26",
    "2022-04-22t14:36:26z", "2022-02-30T00:00:00Z", "2016-12-31T23:59:60Z",
    "2022-04-22T14:36:26.1234567Z", "2022-04-22T14:36:26+24:00", "http://例子.com/",
    "http://x.com/%zz", "urn:x", "mailto:a@b", "//x.com", "zh_CN", "en-", "und",
    "ninat:text", "a:b c", "\ud800", "😀", "0", "-1", "1.5",
)  # fmt: skip


def _reader(format: str) -> Reader:
    reader = format_by_name(format).reader
    assert reader is not None
    return reader


def _native(format: str, text: str) -> Any:
    (parsed,) = list(_reader(format).parse(text, _context))[:1]
    return parsed.document


def _written(format: str) -> st.SearchStrategy[Any]:
    """What a writer produces for any article (its output schema's valid documents)."""
    writer = format_by_name(format).writer
    assert writer is not None
    _, context = newsschema.api.writing(format, options=writing_options(format))
    return articles().map(lambda article: writer.from_article(article, context))


def _read_back(format: str) -> st.SearchStrategy[Any]:
    """What a reader checks: the native document of what the writer wrote."""
    options = writing_options(format)
    return articles().map(
        lambda article: _native(format, newsschema.write(article, format, **options))
    )


def _jsonld_corpus() -> list[Any]:
    """The JSON-LD test files' article nodes, and the nodes the html reader gathers."""
    found = []
    for format, pattern in (("jsonld", "jsonld/valid/*.jsonld"), ("html", "html/valid/*.html")):
        for path in sorted(DATA.glob(pattern)):
            text = read_text(path, format, _context)[1]
            for parsed in _reader(format).parse(text, _context):
                if parsed.document is not None:
                    found.append(parsed.document)
    return found


def _pages() -> st.SearchStrategy[Any]:
    texts = [
        (FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.txt").read_text(encoding="utf-8"),
        *(p.read_text(encoding="utf-8") for p in sorted((DATA / "page").glob("*.txt"))),
    ]
    documents = [d for d in (_first_document("page", t) for t in texts) if d is not None]
    generated = st.builds(
        page_text,
        headline=st.text(alphabet="新乡疫情防控党员市区县", min_size=4, max_size=20),
        body=st.lists(st.text(alphabet="新乡疫情，。", min_size=5, max_size=30), min_size=1),
        people=st.just([(None, "李军")]),
        space=st.just(" "),
        colon=st.sampled_from([":", "："]),
        paren=st.just(("（", "）")),
        keywords=st.lists(st.text(alphabet="新乡疫情", min_size=2, max_size=4), min_size=1),
        editor=st.just("高御"),
    ).map(lambda text: _first_document("page", text))
    return st.sampled_from(documents) | generated.filter(lambda d: d is not None)


def _reports() -> st.SearchStrategy[Any]:
    """What ``validate --report json`` prints for any batch of verdicts."""
    texts = st.text(max_size=12)
    issues = st.builds(
        Issue,
        stage=st.sampled_from(["parse", "input", "model", "output"]),
        format=st.just("article"),
        path=texts,
        message=texts,
        line=st.none() | st.integers(1, 2**40),
        column=st.none() | st.integers(1, 2**20),
        severity=st.sampled_from(["error", "warning"]),
    )
    files = st.builds(
        FileReport,
        path=texts,
        format=st.none() | st.sampled_from(sorted(FORMATS)),
        issues=st.lists(issues, max_size=3).map(tuple),
    )
    batches = st.builds(
        Batch,
        files=st.lists(files, max_size=4).map(tuple),
        skipped=st.lists(st.builds(Skipped, texts, texts), max_size=2).map(tuple),
    )

    def printed(batch: Batch) -> Any:
        out = io.StringIO()
        JsonReporter().report(batch, out)
        return json.loads(out.getvalue())

    return batches.map(printed)


def _first_document(format: str, text: str) -> Any:
    for parsed in _reader(format).parse(text, _context):
        return parsed.document
    return None


VALID: dict[str, st.SearchStrategy[Any]] = {
    "article": canonical_documents(),
    "jsonld": _written("jsonld"),
    "jsonld-input": _read_back("jsonld") | st.sampled_from(_jsonld_corpus()),
    "ninjs": _written("ninjs"),
    "ninjs-input": _read_back("ninjs"),
    "page": _pages(),
    "report": _reports(),
}


def test_every_shipped_schema_is_covered() -> None:
    assert sorted(VALID) == schema_names()


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _replace(value[head], rest, new)}
    copy = list(value)
    copy[head] = _replace(copy[head], rest, new)
    return copy


def _delete(value: Any, path: tuple[Any, ...]) -> Any:
    head, rest = path[0], path[1:]
    if rest:
        return _replace(value, (head,), _delete(value[head], rest))
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if k != head}
    return [item for index, item in enumerate(value) if index != head]


@st.composite
def _broken(draw: st.DrawFn, valid: st.SearchStrategy[Any]) -> Any:
    document = draw(valid)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(document)))
        action = draw(st.sampled_from(["replace", "near miss", "delete", "add"]))
        if action == "replace":
            document = _replace(document, path, draw(json_values()))
        elif action == "near miss":
            document = _replace(document, path, draw(st.sampled_from(NEAR_MISSES)))
        elif action == "delete" and path:
            document = _delete(document, path)
        else:
            target: Any = document
            for step in path:
                target = target[step]
            if isinstance(target, dict):
                key = draw(st.sampled_from(["@type", "x", "type", "", "role", "name"]))
                document = _replace(document, path, {**target, key: draw(json_values())})
    return document


@pytest.mark.parametrize("name", sorted(VALID))
@given(data=st.data())
def test_engines_pass_every_valid_document(name: str, data: st.DataObject) -> None:
    document = data.draw(VALID[name])
    validator = validators[name]
    assert validator.is_valid(document), document
    assert validator.is_valid_explained(document), document


@pytest.mark.parametrize("name", sorted(VALID))
@given(data=st.data())
def test_engines_agree_on_every_broken_document(name: str, data: st.DataObject) -> None:
    document = data.draw(_broken(VALID[name]))
    validator = validators[name]
    fast = validator.is_valid(document)
    assert fast == validator.is_valid_explained(document), document
    if not fast:  # and a refusal always comes with at least one explained issue
        assert validator.issues(document, stage="input", format=name)


def test_corpus_is_not_empty() -> None:
    assert len(_jsonld_corpus()) >= 15
    assert Path(DATA / "page").is_dir()
