"""Many files at once: folders, globs, several processes, reports, the pre-commit hook."""

from __future__ import annotations

import json
import re
import signal
import time
import tracemalloc
from pathlib import Path

import attrs
import pytest

import newsschema
from newsschema import batch
from newsschema.batch import check_files
from newsschema.cli import main
from newsschema.formats import FORMATS
from newsschema.reporting import Batch, FileReport, TextReporter
from newsschema.selection import Skipped, extension_pattern, select

from .conftest import DATA, FIXTURES, ROOT, cli_runner

GENERATED = FIXTURES / "generated"


def test_folders_are_searched_for_known_extensions(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.json").write_text('{"headline": "x"}', encoding="utf-8")
    (tmp_path / "a" / "b" / "two.ninjs.json").write_text('{"uri": "x"', encoding="utf-8")
    (tmp_path / "a" / "notes.md").write_text("# no", encoding="utf-8")
    selected = select([str(tmp_path / "a")])
    assert [Path(p).name for p in selected.files] == ["two.ninjs.json", "one.json"]
    assert selected.skipped == ()
    assert selected.missing == ()


def test_globs_and_missing_names(tmp_path: Path) -> None:
    names = select([str(GENERATED / "*.xml")]).files
    assert len(names) == 18
    assert all(name.endswith(".xml") for name in names)
    nothing, missing = str(tmp_path / "*.xml"), str(tmp_path / "missing.json")
    assert select([nothing, missing]).missing == (nothing, missing)


NOT_NEWS = {
    "manifest.json": '{"generator": "newsschema", "articles": [{"id": "x", "files": {}}]}',
    "package.json": '{"name": "site", "version": "1.0.0", "scripts": {"build": "vite"}}',
    "tsconfig.json": "{}",
    "events.jsonl": '{"event": "click"}\n{"event": "view"}\n',
    "requirements.txt": "attrs>=23.1\nlxml>=5.0\n",
    "pom.xml": '<project xmlns="http://maven.apache.org/POM/4.0.0"><version>1</version></project>',
    "sales.csv": "region,amount\nnorth,12\n",
    "readme.html": "",
}
NEWS_OR_BROKEN = {
    "story.json": '{"id": "urn:x:1", "headline": "Hello"}',  # an invalid article is checked
    "cut.json": '{"id": "urn:x:1", "langu',  # not even JSON: perhaps a broken article
    "cut.xml": "<newsItem><contentMeta>",
    "rows.csv": '"unterminated\n',
    "feed.ninjs.json": '{"uri": "urn:x", "headlines": []}',
}


def test_files_no_format_claims_are_skipped_and_broken_ones_checked(tmp_path: Path) -> None:
    for name, text in {**NOT_NEWS, **NEWS_OR_BROKEN}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    selected = select([str(tmp_path)])
    assert sorted(Path(p).name for p in selected.files) == sorted(NEWS_OR_BROKEN)
    assert sorted(Path(s.path).name for s in selected.skipped) == sorted(NOT_NEWS)
    named = select([str(tmp_path / "package.json"), str(tmp_path / "story.json")])
    assert [Path(p).name for p in named.files] == ["story.json"]  # named ones too: pre-commit
    forced = select([str(tmp_path / "package.json")], format="article")
    assert [Path(p).name for p in forced.files] == ["package.json"]


def test_judged_later_the_workers_skip_what_the_selection_would(tmp_path: Path) -> None:
    """With ``judge_later`` the listing reads no file; the processes that check the files
    look into them and skip the same ones, for one process or two."""
    for name, text in {**NOT_NEWS, **NEWS_OR_BROKEN}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    now = select([str(tmp_path)])
    later = select([str(tmp_path)], judge_later=True)
    assert later.skipped == ()
    assert (
        sorted(later.unjudged)
        == sorted(later.files)
        == sorted([*now.files, *(s.path for s in now.skipped)])
    )
    for jobs in (1, 2):
        checked = check_files(later.files, jobs=jobs, unjudged=later.unjudged)
        skipped = sorted((r for r in checked if isinstance(r, Skipped)), key=lambda s: s.path)
        assert skipped == sorted(now.skipped, key=lambda s: s.path)
        assert [r.path for r in checked if isinstance(r, FileReport)] == list(now.files)


def test_exclude_matches_paths_and_names(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    for name in ("a.json", "drafts/b.json", "drafts/c.json"):
        (tmp_path / name).write_text('{"headline": "x"}', encoding="utf-8")
    picked = select([str(tmp_path)], exclude=["*/drafts/*"]).files
    assert [Path(p).name for p in picked] == ["a.json"]
    picked = select([str(tmp_path)], exclude=["c.json"]).files
    assert [Path(p).name for p in picked] == ["a.json", "b.json"]


def test_validate_counts_skipped_files_and_refuses_an_empty_selection(tmp_path: Path) -> None:
    for name, text in NOT_NEWS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    empty = cli_runner().invoke(main, ["validate", str(tmp_path)])
    assert empty.exit_code == 2
    assert "no files to work on" in empty.stderr
    assert "8 skipped" in empty.stderr
    seed = str(FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.json")
    result = cli_runner().invoke(main, ["validate", str(tmp_path), seed])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "1 passed, 0 failed, 8 skipped"
    assert f"{tmp_path / 'package.json'}: skipped: " in result.stdout
    excluded = cli_runner().invoke(main, ["validate", seed, "--exclude", "hnr-*"])
    assert excluded.exit_code == 2


def test_jobs_give_the_same_reports_in_the_same_order() -> None:
    selected = select([str(GENERATED), str(DATA / "article" / "invalid")])
    names = selected.files
    one = check_files(names, jobs=1)
    two = check_files(names, jobs=2)
    assert one == two
    assert [r.path for r in two] == list(names)
    invalid = len(list((DATA / "article" / "invalid").glob("*.json*")))
    assert sum(not r.valid for r in two) == invalid
    assert [Path(s.path).name for s in selected.skipped] == ["manifest.json"]


def test_validate_a_folder_on_the_command_line() -> None:
    result = cli_runner().invoke(main, ["validate", str(GENERATED), "--jobs", "2"])
    assert result.exit_code == 0, result.output  # manifest.json is skipped: not an article
    assert result.stdout.splitlines()[-1] == "90 passed, 0 failed, 1 skipped"
    result = cli_runner().invoke(main, ["validate", str(GENERATED / "*.csv"), "--report", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["valid"] is True


def test_no_colour_and_no_progress_bar_off_a_terminal() -> None:
    result = cli_runner().invoke(main, ["validate", str(DATA / "article" / "invalid")])
    assert "\x1b[" not in result.stdout
    assert result.stderr == ""


def test_colour_on_a_terminal() -> None:
    issue = newsschema.validate(DATA / "article" / "invalid" / "urgency-10.json")
    report = FileReport(path="x.json", format="article", issues=tuple(issue))
    out = __import__("io").StringIO()
    TextReporter(colour=True).report(Batch(files=(report,), skipped=(Skipped("a", "b"),)), out)
    assert "\x1b[31m" in out.getvalue()


def test_convert_a_folder_into_a_folder(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    result = cli_runner().invoke(
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
            result = cli_runner().invoke(
                main, ["convert", str(source), "--to", "csv", "-o", str(target)]
            )
            _, top = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert result.exit_code == 0, result.stderr
        assert target.read_text(encoding="utf-8").count("urn:example:") == count
        return top

    peak(1_000)  # first, so that the interpreter's free lists are as full for both runs
    small, large = peak(100), peak(1_000)
    assert large < small * 1.5, (small, large)


def test_pre_commit_hook_runs_newsschema_validate_on_every_claimed_extension() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.search(r"^- id: newsschema-validate$", text, flags=re.M)
    assert re.search(r"^  entry: newsschema validate$", text, flags=re.M)
    files = re.search(r"^  files: (.+)$", text, flags=re.M)
    assert files is not None
    assert files[1] == extension_pattern()  # derived from the registry, never by hand
    pattern = re.compile(files[1])
    for fmt in FORMATS.values():
        for extension in fmt.extensions:
            assert pattern.search("story" + extension), extension
    assert not pattern.search("notes.md")


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
        args = ["convert", str(tmp_path / "in"), "--to", "newsml", "-o", f"{out}/", "-j", jobs]
        result = cli_runner().invoke(main, args)
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
    result = cli_runner().invoke(main, [*args, "-j", "2"])
    assert result.exit_code == 2
    assert "--jobs needs -o DIR" in result.stderr


def test_two_inputs_for_one_output_file_are_refused(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.json").write_bytes(
            (FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.json").read_bytes()
        )
    out = tmp_path / "out"
    args = ["convert", str(tmp_path / "a"), str(tmp_path / "b"), "--to", "ninjs", "-o", f"{out}/"]
    result = cli_runner().invoke(main, args)
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
    refused = cli_runner().invoke(main, ["convert", str(source), "--to", "csv"])
    assert (refused.exit_code, refused.stdout) == (1, "")
    kept = cli_runner().invoke(main, ["convert", str(source), "--to", "csv", "--keep-going"])
    assert kept.exit_code == 1
    assert len(newsschema.read(kept.stdout, "csv")) == 1


def test_a_file_of_no_known_format_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    mystery = tmp_path / "notes.dat"
    mystery.write_text("just some bytes\n", encoding="utf-8")
    seed = str(FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.json")
    checked = cli_runner().invoke(main, ["validate", seed, str(mystery)])
    assert checked.exit_code == 1
    assert f"{mystery}: parse /: cannot tell the format; name it with --from" in checked.stdout
    assert checked.stdout.rstrip().endswith("1 passed, 1 failed")
    out = tmp_path / "out"
    converted = cli_runner().invoke(
        main, ["convert", seed, str(mystery), "--to", "ninjs", "-o", f"{out}/"]
    )
    assert converted.exit_code == 1
    assert [p.name for p in out.iterdir()] == ["hnr-2022-04-22-xinxiang.ninjs.json"]


def _stubborn(name: str) -> str:
    """A task that fails, or one whose worker will not stop when asked."""
    if name == "fails":
        raise ValueError("this task fails")
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    time.sleep(3600)
    return name


@pytest.mark.timeout(120)  # without the kill, terminate() waits out the hour
def test_a_worker_that_will_not_stop_is_killed_after_the_grace(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """terminate() alone would wait for it forever (CI once hung so on a worker blocked
    on the task queue's lock)."""
    monkeypatch.setattr(batch, "_GRACE", 0.5)
    names = ["fails", "sleeps", "sleeps too"]  # imap gives results in order: this one first
    with pytest.raises(ValueError, match="this task fails"):
        list(batch._in_order(_stubborn, names, 2, largest_chunk=1, reopenable=True))
