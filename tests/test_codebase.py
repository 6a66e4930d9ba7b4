"""The shape of the code itself: small functions, formats as readers and writers."""

from __future__ import annotations

import ast
from pathlib import Path

import attrs

import newsschema
from newsschema.formats import FORMATS
from newsschema.formats.base import NoOptions

PACKAGE = Path(newsschema.__file__).parent
LONGEST = 40


def _functions() -> list[tuple[str, int]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.end_lineno is not None
                length = node.end_lineno - node.lineno + 1
                found.append((f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}", length))
    return found


def test_the_audit_sees_every_function() -> None:
    assert len(_functions()) > 300


def test_no_function_is_longer_than_forty_lines() -> None:
    """A function that needs more is a table or several functions (issue #17)."""
    long = [f"{where} ({length} lines)" for where, length in _functions() if length > LONGEST]
    assert not long, long


def test_every_writer_option_is_a_typed_attrs_field_with_a_default() -> None:
    for fmt in FORMATS.values():
        if fmt.writer is None or fmt.writer.options is NoOptions:
            continue
        fields = attrs.fields(fmt.writer.options)
        assert fields, fmt.name
        for field in fields:
            assert field.type is not None, (fmt.name, field.name)
            assert field.default is not attrs.NOTHING, (fmt.name, field.name)
        fmt.writer.options()  # every option has a default: none is required
