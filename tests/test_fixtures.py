"""Fixtures: the seed in every format, and generated sets that are deterministic and valid."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from lxml import etree

import newsschema
from newsschema.cli import main
from newsschema.fixtures import generate, write_fixtures
from newsschema.formats import FORMATS
from newsschema.testing import documents

from .conftest import FIXTURES, cli_runner, iptc_newsml_xsd, iptc_ninjs_validator

SEED = FIXTURES / "seed" / "hnr-2022-04-22-xinxiang"
WRITABLE = sorted(name for name, fmt in FORMATS.items() if fmt.writable)
TEXT = [name for name in WRITABLE if FORMATS[name].writer and not FORMATS[name].writer.binary]


@pytest.mark.parametrize("name", WRITABLE)
def test_seed_fixture_is_current(name: str) -> None:
    (article,) = newsschema.read(SEED.with_suffix(".txt"))
    fixture = SEED.with_suffix(FORMATS[name].extensions[0])
    if name not in TEXT:  # a binary file names the library that wrote it: compare contents
        pytest.importorskip("pyarrow")
        assert newsschema.read(fixture) == [article], f"{fixture} is out of date"
        return
    assert fixture.read_bytes().decode("utf-8") == newsschema.write(article, name), (
        f"{fixture} is out of date: regenerate it with "
        f"newsschema convert {SEED.with_suffix('.txt')} --to {name} -o {fixture}"
    )


@pytest.mark.parametrize("name", WRITABLE)
def test_seed_fixture_reads_back_to_the_seed(name: str) -> None:
    (article,) = newsschema.read(SEED.with_suffix(".txt"))
    (back,) = newsschema.read(SEED.with_suffix(FORMATS[name].extensions[0]))
    assert back.headline == article.headline
    assert back.body == article.body
    assert back.date_published == article.date_published


# --- generated fixtures --------------------------------------------------------------------


GENERATED = FIXTURES / "generated"


def test_committed_generated_set_is_current(tmp_path: Path) -> None:
    manifest = json.loads((GENERATED / "manifest.json").read_text(encoding="utf-8"))
    write_fixtures(tmp_path, manifest["count"], manifest["seed"])
    for path in sorted(tmp_path.iterdir()):
        assert path.read_bytes() == (GENERATED / path.name).read_bytes(), path.name
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in GENERATED.iterdir())


def test_same_seed_same_bytes_other_seed_other_articles(tmp_path: Path) -> None:
    for name in ("a", "b"):
        cli_runner().invoke(main, ["fixtures", str(tmp_path / name), "--count", "7", "--seed", "3"])
    first = {p.name: p.read_bytes() for p in (tmp_path / "a").iterdir()}
    assert first == {p.name: p.read_bytes() for p in (tmp_path / "b").iterdir()}
    assert [a.headline for a in generate(7, 3)] != [a.headline for a in generate(7, 4)]


def test_manifest_names_every_file_with_its_hash() -> None:
    manifest = json.loads((GENERATED / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["formats"] == TEXT  # a binary format is written when named
    for entry in manifest["articles"]:
        assert set(entry["files"]) == set(TEXT)
        for file_name in entry["files"].values():
            digest = hashlib.sha256((GENERATED / file_name).read_bytes()).hexdigest()
            assert entry["sha256"][file_name] == digest


def test_articles_cover_languages_time_zones_and_edge_cases() -> None:
    articles = generate(18, 0)
    assert {a.language for a in articles} == {"zh-CN", "en-GB", "de-DE", "es-ES", "ar-EG", "ja-JP"}
    offsets = {a.date_published.utcoffset() for a in articles}
    hours = sorted(o.total_seconds() / 3600 for o in offsets if o is not None)
    assert (hours[0], hours[-1]) == (-12, 14)
    headlines = [a.headline for a in articles]
    assert max(map(len, headlines)) > 200
    assert any(" " not in h for h in headlines)
    assert any("🎉" in h and "e\u0301" in h for h in headlines)
    assert any("</script>" in h and '"' in h for h in headlines)
    assert any(h.startswith("=") for h in headlines)
    assert any(a.url is None and not a.authors and a.rights is None for a in articles)
    assert any(a.images and a.date_created and a.urgency and a.genre for a in articles)
    assert max(len(a.authors) for a in articles) >= 20
    assert any(all(x.type == "Organization" for x in a.authors) for a in articles if a.authors)
    assert any((a.date_published.month, a.date_published.day) == (2, 29) for a in articles)


def test_every_generated_file_validates() -> None:
    for path in sorted(GENERATED.iterdir()):
        if path.name == "manifest.json":
            continue
        errors = [i for i in newsschema.validate(path) if i.severity == "error"]
        assert errors == [], path.name


def test_generated_newsml_and_ninjs_are_valid_against_iptc() -> None:
    xsd, ninjs = iptc_newsml_xsd(), iptc_ninjs_validator()
    for path in sorted(GENERATED.glob("*.xml")):
        assert xsd.validate(etree.parse(str(path))), (path.name, xsd.error_log)
    for path in sorted(GENERATED.glob("*.ninjs.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        assert list(ninjs.iter_errors(document)) == [], path.name


def test_cli_writes_only_the_formats_named(tmp_path: Path) -> None:
    result = cli_runner().invoke(
        main, ["fixtures", str(tmp_path), "--count", "2", "--to", "csv", "--to", "ninjs"]
    )
    assert result.exit_code == 0, result.stderr
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [
        ".csv",
        ".csv",
        ".json",
        ".json",
        ".json",
    ]


@settings(max_examples=20)
@given(documents("newsml"))
def test_document_strategies_give_valid_documents(text: str) -> None:
    assert [i for i in newsschema.validate(text, "newsml") if i.severity == "error"] == []
