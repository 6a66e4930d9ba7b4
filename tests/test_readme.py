"""The README tells the truth: its Python example runs, and its commands are the ones CI runs."""

from __future__ import annotations

import re

import pytest

from newsschema.formats import FORMATS
from newsschema.plugins import BUILT_IN

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def test_python_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    (example,) = [block for block in blocks("python") if "newsschema.read(" in block]
    exec(compile(example, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert '"headline": "新乡市平原示范区:汇聚群防能量"' in printed
    assert "2022-04-22 14:36:26+08:00" in printed
    assert "input /id is required" in printed


def test_ci_runs_the_readme_commands() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'readme_command "Run the main job"' in script
    assert 'readme_command "Run the tests"' in script
    shell = blocks("sh")
    assert any("pytest" in block for block in shell)


def test_main_command_runs_the_seed_page_through_every_writable_text_format() -> None:
    """Every format whose output a terminal can show: a binary one (Parquet) is refused
    on a terminal, and its seed file is checked by tests/test_fixtures.py."""
    (command,) = [b for b in blocks("sh") if "newsschema convert fixtures/seed/" in b]
    assert "fixtures/seed/hnr-2022-04-22-xinxiang.txt" in command
    loop = re.search(r"for f in ([a-z ]+); do", command)
    assert loop is not None
    writable = sorted(
        name for name, fmt in FORMATS.items() if fmt.writer is not None and not fmt.writer.binary
    )
    assert sorted(loop[1].split()) == writable


def test_the_format_table_has_a_row_per_format_with_its_extensions() -> None:
    """The table lists every format newsschema ships, each with the extensions it claims."""
    rows = {
        cells[1].strip(" `"): cells[2]
        for line in README.splitlines()
        if line.startswith("| `") and len(cells := line.split("|")) > 5
    }
    for name in BUILT_IN:
        assert name in rows, name
        extensions = [e.strip(" `") for e in rows[name].split(",")]
        assert extensions == list(FORMATS[name].extensions), name
