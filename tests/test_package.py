"""The package keeps the promises of its metadata: versions, Pythons, licence, types, schemas."""

from __future__ import annotations

import importlib.metadata
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsschema
from newsschema.api import default_session, format_by_name
from newsschema.cli import main
from newsschema.formats import FORMATS
from newsschema.formats.base import Reader
from newsschema.schemas import load_schema, schema_dir, shipped_schemas

from .conftest import FIXTURES, ROOT, cli_runner

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _noxfile_pythons() -> list[str]:
    text = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    found = re.search(r"^PYTHONS = \[(.*)\]$", text, flags=re.M)
    assert found is not None
    return re.findall(r'"(3\.\d+)"', found[1])


# --- metadata ------------------------------------------------------------------------------


def test_version_comes_from_the_package_metadata() -> None:
    version = importlib.metadata.version("newsschema")
    assert newsschema.__version__ == version
    assert PYPROJECT["project"]["dynamic"] == ["version"]  # written once: newsschema/_version.py
    result = cli_runner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip().endswith(f"version {version}")


def test_classifiers_and_requires_python_name_the_pythons_ci_tests() -> None:
    pythons = _noxfile_pythons()
    project = PYPROJECT["project"]
    listed = [
        c.rsplit(" :: ", 1)[1]
        for c in project["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    ]
    assert listed == pythons
    assert project["requires-python"] == f">={pythons[0]}"
    assert "Development Status :: 4 - Beta" in project["classifiers"]
    assert any(c.startswith("Operating System :: ") for c in project["classifiers"])


def test_licence_is_mit_and_ships() -> None:
    project = PYPROJECT["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE", "schemas/iptc/LICENSE-*.txt"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    assert project["authors"]
    # PEP 639: the License-Expression says it; a "License ::" classifier beside it is an error.
    assert not any(c.startswith("License ::") for c in project["classifiers"])


def test_changelog_follows_keep_a_changelog() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n")
    assert "keepachangelog.com" in text
    sections = re.findall(r"^## \[([^\]]+)\]", text, flags=re.M)
    assert sections[0] == "Unreleased" or sections[0] == newsschema.__version__
    for heading in re.findall(r"^### (.+)$", text, flags=re.M):
        assert heading in ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security")


def test_validation_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="is required"):
        newsschema.read('{"headline": "x"}', "article")


def test_testing_module_without_hypothesis_says_what_to_install() -> None:
    script = "import sys; sys.modules['hypothesis'] = None; import newsschema.testing"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    last = done.stderr.strip().splitlines()[-1]
    assert last == (
        "ImportError: newsschema.testing needs Hypothesis: pip install 'newsschema[testing]'"
    )


# --- types ---------------------------------------------------------------------------------


def _mypy(path: Path) -> tuple[int, str]:
    from mypy import api as mypy_api

    out, err, status = mypy_api.run(
        ["--strict", "--no-incremental", "--config-file", str(ROOT / "pyproject.toml"), str(path)]
    )
    return status, out + err


@pytest.mark.slow
def test_a_users_script_type_checks_under_strict_mypy() -> None:
    status, report = _mypy(ROOT / "tests" / "typing" / "user_script.py")
    assert status == 0, report


@pytest.mark.slow
def test_the_types_catch_a_users_mistakes() -> None:
    script = ROOT / "tests" / "typing" / "misuse.py"
    status, report = _mypy(script)
    assert status == 1
    flagged = {int(n) for n in re.findall(rf"{re.escape(script.name)}:(\d+): error", report)}
    lines = script.read_text(encoding="utf-8").splitlines()
    expected = {number for number, line in enumerate(lines, 1) if "# error:" in line}
    assert flagged == expected, report


def test_format_names_are_a_literal_of_every_registered_format() -> None:
    assert set(newsschema.FormatName.__args__) == set(FORMATS)  # type: ignore[attr-defined]


# --- schemas -------------------------------------------------------------------------------


def _refs(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "$ref":
                yield item
            else:
                yield from _refs(item)
    elif isinstance(value, list):
        for item in value:
            yield from _refs(item)


JSON_SCHEMAS = [s for s in shipped_schemas() if s.kind == "JSON Schema"]


@pytest.mark.parametrize("shipped", JSON_SCHEMAS, ids=lambda s: s.name)
def test_every_json_schema_stands_alone(shipped: Any) -> None:
    """Only references inside itself; what it shares with the canonical schema is a copy."""
    schema = json.loads(shipped.path.read_text(encoding="utf-8"))
    for ref in _refs(schema):
        assert ref.startswith("#/$defs/"), ref
        assert ref.removeprefix("#/$defs/").split("/")[0] in schema["$defs"], ref
    canonical = load_schema("article")["$defs"]
    for name, definition in schema.get("$defs", {}).items():
        if name in canonical and shipped.name != "article":
            assert definition == canonical[name], f"{name} differs from article.schema.json's"


def test_schema_list_names_every_shipped_file_and_prints_each() -> None:
    listed = cli_runner().invoke(main, ["schema", "--list"])
    assert listed.exit_code == 0
    rows = [line.split() for line in listed.stdout.splitlines()]
    folders = (schema_dir(), schema_dir() / "iptc")  # schemaorg/ holds a vocabulary, no schema
    shipped = [p for f in folders for p in f.iterdir() if p.suffix in (".json", ".xsd")]
    files = sorted(p.relative_to(schema_dir()).as_posix() for p in shipped)
    assert sorted(row[-1] for row in rows) == files
    kinds = {row[0]: " ".join(row[1:-1]) for row in rows}
    assert kinds["newsml-item"] == "XML Schema"
    assert kinds["iptc/ninjs-schema_1.0"] == "JSON Schema (IPTC)"
    assert kinds["iptc/NewsML-G2_2.35-spec-All-Power"] == "XML Schema (IPTC)"
    assert kinds["csv"] == "Table Schema"
    assert kinds["report"] == kinds["article"] == "JSON Schema"
    for name, _ in kinds.items():
        printed = cli_runner().invoke(main, ["schema", name])
        assert printed.exit_code == 0
        assert printed.stdout == (
            schema_dir() / rows[[r[0] for r in rows].index(name)][-1]
        ).read_text(encoding="utf-8")


def _native_documents(format: str, paths: list[Path]) -> list[Any]:
    """What the reader of `format` checks with its input schema, for each file."""
    context = default_session().context()
    found = []
    for path in paths:
        for record in _reader(format).parse(path.read_text(encoding="utf-8"), context):
            found.append(record.document)
    return found


def _instances(name: str, tmp_path: Path) -> list[Path]:
    """The project's own documents each shipped JSON Schema describes, as files."""
    seed = FIXTURES / "seed"
    generated = FIXTURES / "generated"
    if name == "article":
        return [seed / "hnr-2022-04-22-xinxiang.json", *sorted(generated.glob("*-??-??.json"))]
    if name in ("jsonld", "ninjs"):
        extension = FORMATS[name].extensions[0]
        return sorted([*seed.glob(f"*{extension}"), *generated.glob(f"*{extension}")])
    if name == "report":
        result = cli_runner().invoke(
            main, ["validate", "--report", "json", str(generated), str(ROOT / "missing.json")]
        )
        documents = [json.loads(result.stdout)]
    else:
        reader = {"jsonld-input": "jsonld", "ninjs-input": "ninjs", "page": "page"}[name]
        extension = FORMATS[reader].extensions[0]  # type: ignore[index]
        documents = _native_documents(reader, sorted(FIXTURES.rglob(f"*{extension}")))
    paths = []
    for number, document in enumerate(documents):
        paths.append(tmp_path / f"{name}-{number}.json")
        paths[-1].write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return paths


@pytest.mark.parametrize("shipped", JSON_SCHEMAS, ids=lambda s: s.name)
def test_check_jsonschema_accepts_the_projects_documents(shipped: Any, tmp_path: Path) -> None:
    """Another tool, given only the schema file, agrees with newsschema on its documents."""
    instances = _instances(shipped.name, tmp_path)
    assert instances
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--schemafile",
            str(shipped.path),
            *map(str, instances),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _reader(format: str) -> Reader:
    reader = format_by_name(format).reader
    assert reader is not None
    return reader
