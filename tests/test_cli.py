"""The command line: exit codes, reports, outputs, and no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

from newsschema.cli import main

from .conftest import DATA, SEED_ARTICLE

INVALID = DATA / "article" / "invalid"
VALID = DATA / "article" / "valid"


def run(*args: str | Path, input: bytes | None = None) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args], input=input)
    assert "Traceback" not in result.output
    assert "Traceback" not in result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def test_schema_prints_a_valid_2020_12_schema() -> None:
    result = run("schema", "article")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith("article.schema.json")


def test_schema_lists_and_refuses_unknown_names() -> None:
    assert "article" in run("schema", "--list").stdout.split()
    result = run("schema", "nope")
    assert result.exit_code == 2
    assert "unknown schema 'nope'" in result.stderr


def test_minimal_article_validates() -> None:
    result = run("validate", VALID / "minimal.json")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "1 passed, 0 failed"


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("no-headline", "/headline"),
        ("time-without-offset", "/date_published"),
        ("bad-language-tag", "/language"),
        ("urgency-10", "/urgency"),
        ("unknown-key", "/headlin"),
    ],
)
def test_invalid_articles_fail_with_the_field_named(name: str, field: str) -> None:
    result = run("validate", INVALID / f"{name}.json")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(f" {field}: " in line for line in lines[:-1]), result.stdout
    assert lines[-1] == "0 passed, 1 failed"


def test_several_files_are_counted() -> None:
    result = run("validate", VALID / "minimal.json", INVALID / "urgency-10.json", SEED_ARTICLE)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "2 passed, 1 failed"


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "no/such/file.json"),
        ("validate", "--format", "nope", str(SEED_ARTICLE)),
        ("convert", str(SEED_ARTICLE), "--to", "nope"),
        ("convert", str(SEED_ARTICLE)),
        ("convert", "no/such/file.json", "--to", "article"),
        ("convert", str(SEED_ARTICLE), "--to", "article", "--timezone", "Mars/Base"),
        ("validate", "--no-such-option", str(SEED_ARTICLE)),
        ("validate",),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr


def test_json_report_has_the_documented_shape() -> None:
    result = run(
        "validate", "--report", "json", VALID / "minimal.json", INVALID / "urgency-10.json"
    )
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    good, bad = report["files"]
    assert good == {
        "path": str(VALID / "minimal.json"),
        "format": "article",
        "valid": True,
        "issues": [],
    }
    assert bad["valid"] is False
    (issue,) = bad["issues"]
    assert {"stage", "path", "line", "column", "message"} <= set(issue)
    assert issue["path"] == "/urgency"


def test_github_report_annotates_lines() -> None:
    path = INVALID / "broken-line.jsonl"
    result = run("validate", "--report", "github", path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"::error file={path},line=2,col=")
    assert lines[1].startswith(f"::error file={path},line=3,col=78::input /language: ")
    assert lines[-1] == "0 passed, 1 failed"


def test_text_report_gives_file_line_and_column() -> None:
    path = INVALID / "broken-line.jsonl"
    result = run("validate", path)
    assert result.stdout.splitlines()[0].startswith(f"{path}:2:")


def test_convert_to_standard_output() -> None:
    result = run("convert", SEED_ARTICLE, "--to", "article")
    assert result.exit_code == 0
    assert result.stdout == SEED_ARTICLE.read_text(encoding="utf-8")


def test_convert_from_standard_input() -> None:
    text = SEED_ARTICLE.read_bytes()
    result = run("convert", "--to", "article", input=text)
    assert result.exit_code == 0
    assert result.stdout_bytes == text


def test_convert_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "seed.json"
    result = run("convert", SEED_ARTICLE, "--to", "article", "-o", target)
    assert result.exit_code == 0
    assert target.read_bytes() == SEED_ARTICLE.read_bytes()
    assert [p.name for p in target.parent.iterdir()] == ["seed.json"]  # no temporary left


def test_convert_several_inputs_into_a_directory(tmp_path: Path) -> None:
    result = run("convert", SEED_ARTICLE, VALID / "minimal.json", "--to", "article", "-o", tmp_path)
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "hnr-2022-04-22-xinxiang.json",
        "minimal.json",
    ]


def test_bad_record_stops_the_conversion_and_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    result = run("convert", INVALID / "broken-line.jsonl", "--to", "article", "-o", target)
    assert result.exit_code == 1
    assert "line 2" in result.stderr
    assert target.read_text(encoding="utf-8") == "old\n"


def test_keep_going_converts_the_good_records(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = run(
        "convert", INVALID / "broken-line.jsonl", "--to", "article", "-o", target, "--keep-going"
    )
    assert result.exit_code == 1
    assert "/language" in result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["id"] == "urn:example:minimal"


def test_undecodable_input_is_exit_1_not_a_traceback() -> None:
    result = run("validate", "-", input=b'{"headline": "\xff"}')
    assert result.exit_code == 1
    assert "not UTF-8" in result.stdout


@pytest.mark.parametrize("entry", [["newsschema"], [sys.executable, "-m", "newsschema"]])
def test_installed_entry_points_run(entry: list[str]) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}  # output must not depend on the locale
    done = subprocess.run(
        [*entry, "convert", str(SEED_ARTICLE), "--to", "article"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == SEED_ARTICLE.read_bytes()
