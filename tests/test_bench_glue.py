"""The benchmarks' baseline stays honest: the hand-written glue maps every field newsschema
maps, so a ratio against it compares the same work (bench/glue.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

import newsschema
from newsschema.fixtures import generate

from .conftest import SEED_ARTICLE

GLUE_FILE = Path(__file__).resolve().parent.parent / "bench" / "glue.py"


def _glue() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_glue", GLUE_FILE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GLUE = _glue().GLUE
ARTICLES = [*generate(40, seed=3), *newsschema.read(SEED_ARTICLE)]


@pytest.mark.parametrize("name", ["jsonld", "ninjs", "newsml", "csv"])
def test_the_glue_writes_what_newsschema_writes(name: str) -> None:
    _, write = GLUE[name]
    for article in ARTICLES:
        canonical = json.loads(newsschema.write(article, "article"))
        assert write(canonical) == newsschema.write(article, name), article.id


@pytest.mark.parametrize("name", ["jsonld", "ninjs", "newsml", "csv"])
def test_the_glue_reads_what_newsschema_reads(name: str) -> None:
    read, _ = GLUE[name]
    for article in ARTICLES:
        text = newsschema.write(article, name)
        assert read(text) == json.loads(newsschema.convert(text, "article", from_=name))
