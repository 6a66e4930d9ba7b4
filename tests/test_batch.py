"""Many files at once: folders, globs, several processes, reports, the pre-commit hook."""

from __future__ import annotations

import json
import re
import tracemalloc
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import newsschema
from newsschema import UsageError
from newsschema.batch import check_files, expand
from newsschema.cli import main
from newsschema.reporting import FileReport, TextReporter

from .conftest import DATA, FIXTURES, ROOT

GENERATED = FIXTURES / "generated"


def test_folders_are_searched_for_known_extensions(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.json").write_text("{}", encoding="utf-8")
    (tmp_path / "a" / "b" / "two.ninjs.json").write_text("{}", encoding="utf-8")
    (tmp_path / "a" / "notes.md").write_text("# no", encoding="utf-8")
    assert [Path(p).name for p in expand([str(tmp_path / "a")])] == ["two.ninjs.json", "one.json"]


def test_globs_and_missing_names(tmp_path: Path) -> None:
    names = expand([str(GENERATED / "*.xml")])
    assert len(names) == 18
    assert all(name.endswith(".xml") for name in names)
    with pytest.raises(UsageError, match="no file matches"):
        expand([str(tmp_path / "*.xml")])
    with pytest.raises(UsageError, match="no such file"):
        expand([str(tmp_path / "missing.json")])


def test_jobs_give_the_same_reports_in_the_same_order() -> None:
    names = expand([str(GENERATED), str(DATA / "article" / "invalid")])
    one = check_files(names, jobs=1)
    two = check_files(names, jobs=2)
    assert one == two
    assert [r.path for r in two] == names
    invalid = len(list((DATA / "article" / "invalid").glob("*.json*")))
    assert sum(not r.valid for r in two) == invalid + 1  # and manifest.json, not an article


def test_validate_a_folder_on_the_command_line() -> None:
    result = CliRunner().invoke(main, ["validate", str(GENERATED), "--jobs", "2"])
    assert result.exit_code == 1  # manifest.json is not an article
    assert result.stdout.splitlines()[-1] == "90 passed, 1 failed"
    result = CliRunner().invoke(main, ["validate", str(GENERATED / "*.csv"), "--report", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["valid"] is True


def test_no_colour_and_no_progress_bar_off_a_terminal() -> None:
    result = CliRunner().invoke(main, ["validate", str(DATA / "article" / "invalid")])
    assert "\x1b[" not in result.stdout
    assert result.stderr == ""


def test_colour_on_a_terminal() -> None:
    issue = newsschema.validate(DATA / "article" / "invalid" / "urgency-10.json")
    report = FileReport(path="x.json", format="article", issues=tuple(issue))
    out = __import__("io").StringIO()
    TextReporter(colour=True).report([report], out)
    assert "\x1b[31m" in out.getvalue()


def test_convert_a_folder_into_a_folder(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    result = CliRunner().invoke(
        main, ["convert", str(GENERATED / "*.xml"), "--to", "ninjs", "-o", str(target)]
    )
    assert result.exit_code == 0, result.stderr
    assert len(list(target.glob("*.ninjs.json"))) == 18


def test_jsonl_to_csv_streams_in_constant_memory(tmp_path: Path) -> None:
    (seed,) = newsschema.read(FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.json")

    def peak(count: int) -> int:
        source = tmp_path / f"{count}.jsonl"
        with source.open("w", encoding="utf-8") as handle:
            for number in range(count):
                handle.write(
                    newsschema.write(
                        attrs.evolve(seed, id=f"urn:example:{number}"), "article"
                    ).replace("\n", "")
                    + "\n"
                )
        target = tmp_path / f"{count}.csv"
        tracemalloc.start()
        try:
            result = CliRunner().invoke(
                main, ["convert", str(source), "--to", "csv", "-o", str(target)]
            )
            _, top = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert result.exit_code == 0, result.stderr
        assert target.read_text(encoding="utf-8").count("urn:example:") == count
        return top

    small, large = peak(100), peak(1_000)
    assert large < small * 1.5, (small, large)


def test_pre_commit_hook_runs_newsschema_validate() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.search(r"^- id: newsschema-validate$", text, flags=re.M)
    assert re.search(r"^  entry: newsschema validate$", text, flags=re.M)
    files = re.search(r"^  files: (.+)$", text, flags=re.M)
    assert files is not None
    pattern = re.compile(files[1])
    for name in ("a.json", "a.jsonl", "a.jsonld", "a.xml", "a.csv", "a.txt", "a.ninjs.json"):
        assert pattern.search(name), name


def _articles_with_one_newsml_cannot_carry(folder: Path) -> list[Path]:
    folder.mkdir()
    sources = sorted((FIXTURES / "generated").glob("*.json"))
    sources = [p for p in sources if not p.name.endswith((".ninjs.json", "manifest.json"))]
    for source in sources:
        (folder / source.name).write_bytes(source.read_bytes())
    seed = json.loads((FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.json").read_text("utf-8"))
    bell = {**seed, "id": "urn:example:bell", "headline": "a bell \u0007 in the headline"}
    (folder / "bell.json").write_text(json.dumps(bell, ensure_ascii=False), encoding="utf-8")
    return sorted(folder.iterdir())


def test_convert_with_jobs_writes_what_one_process_writes(tmp_path: Path) -> None:
    inputs = _articles_with_one_newsml_cannot_carry(tmp_path / "in")
    reports = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        args = ["convert", str(tmp_path / "in"), "--to", "newsml", "-o", str(out), "-j", jobs]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1  # the bell cannot be written; every other file is
        reports.append(result.stderr)
        written = sorted(p.name for p in out.iterdir())
        assert written == sorted(
            p.name.replace(".json", ".xml") for p in inputs if p.stem != "bell"
        )
    assert reports[0] == reports[1]
    bell = tmp_path / "in" / "bell.json"
    assert f"{bell}: output: /: /headline: holds U+0007, which XML 1.0 cannot carry" in reports[0]
    for one, two in zip(
        sorted((tmp_path / "out-1").iterdir()), sorted((tmp_path / "out-2").iterdir()), strict=True
    ):
        assert one.read_bytes() == two.read_bytes()


def test_convert_jobs_needs_an_output_folder(tmp_path: Path) -> None:
    args = ["convert", str(FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.json"), "--to", "csv"]
    result = CliRunner().invoke(main, [*args, "-j", "2"])
    assert result.exit_code == 2
    assert "--jobs needs -o DIR" in result.stderr


def test_two_inputs_for_one_output_file_are_refused(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.json").write_bytes(
            (FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.json").read_bytes()
        )
    out = tmp_path / "out"
    args = ["convert", str(tmp_path / "a"), str(tmp_path / "b"), "--to", "ninjs", "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "would both be written to" in result.stderr
    assert not out.exists()


def test_standard_output_gets_nothing_when_a_record_is_bad(tmp_path: Path) -> None:
    """Streamed CSV used to leave the rows before the bad one on standard output."""
    header, row = (
        (FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.csv").read_text("utf-8").split("\n", 1)
    )
    source = tmp_path / "rows.csv"
    source.write_text(f"{header}\n{row.strip()}\njust,three,cells\n", encoding="utf-8")
    refused = CliRunner().invoke(main, ["convert", str(source), "--to", "csv"])
    assert (refused.exit_code, refused.stdout) == (1, "")
    kept = CliRunner().invoke(main, ["convert", str(source), "--to", "csv", "--keep-going"])
    assert kept.exit_code == 1
    assert len(newsschema.read(kept.stdout, "csv")) == 1


def test_a_file_of_no_known_format_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    mystery = tmp_path / "notes.dat"
    mystery.write_text("just some bytes\n", encoding="utf-8")
    seed = str(FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.json")
    checked = CliRunner().invoke(main, ["validate", seed, str(mystery)])
    assert checked.exit_code == 1
    assert f"{mystery}: parse /: cannot tell the format; name it with --from" in checked.stdout
    assert checked.stdout.rstrip().endswith("1 passed, 1 failed")
    out = tmp_path / "out"
    converted = CliRunner().invoke(
        main, ["convert", seed, str(mystery), "--to", "ninjs", "-o", str(out)]
    )
    assert converted.exit_code == 1
    assert [p.name for p in out.iterdir()] == ["hnr-2022-04-22-xinxiang.ninjs.json"]
