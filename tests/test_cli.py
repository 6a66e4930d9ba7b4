"""The command line: exit codes, reports, outputs, and no tracebacks."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from click.testing import Result
from lxml import etree

import newsschema
from newsschema.cli import main
from newsschema.console import wants_colour
from newsschema.schemas import load_schema

from .conftest import DATA, FIXTURES, SEED_ARTICLE, cli_runner

INVALID = DATA / "article" / "invalid"
VALID = DATA / "article" / "valid"


def run(*args: str | Path, input: bytes | None = None) -> Result:
    result = cli_runner().invoke(main, [str(a) for a in args], input=input)
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


@pytest.mark.parametrize("to", ["csv", "jsonld"])  # a streaming writer and a whole one
def test_without_keep_going_every_bad_record_is_reported_and_nothing_written(
    tmp_path: Path, to: str
) -> None:
    good = json.dumps(json.loads(SEED_ARTICLE.read_text(encoding="utf-8")))
    bad = json.dumps({**json.loads(good), "language": 7})
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join([bad, good, bad]) + "\n", encoding="utf-8")
    target = tmp_path / f"out.{to}"
    result = run("convert", source, "--to", to, "-o", target)
    assert result.exit_code == 1
    assert "line 1" in result.stderr
    assert "line 3" in result.stderr
    assert "0 converted, 2 failed" in result.stderr
    assert not target.exists()
    kept = run("convert", source, "--to", to, "-o", target, "--keep-going")
    assert kept.exit_code == 1
    assert len(newsschema.read(target)) == 1


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


# --- output files like any Unix tool's ------------------------------------------------------


@pytest.fixture
def umask() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("umask")
def test_new_files_follow_the_umask_and_replaced_files_keep_their_mode(tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    assert run("convert", SEED_ARTICLE, "--to", "article", "-o", target).exit_code == 0
    assert _mode(target) == 0o644
    os.umask(0o077)
    private = tmp_path / "private.json"
    assert run("convert", SEED_ARTICLE, "--to", "article", "-o", private).exit_code == 0
    assert _mode(private) == 0o600
    os.umask(0o022)
    target.chmod(0o640)
    assert run("convert", SEED_ARTICLE, "--to", "article", "-o", target).exit_code == 0
    assert _mode(target) == 0o640
    folder = tmp_path / "out"
    assert run("convert", SEED_ARTICLE, "--to", "ninjs", "-o", f"{folder}/").exit_code == 0
    assert [_mode(p) for p in folder.iterdir()] == [0o644]


def test_dash_is_standard_output(tmp_path: Path) -> None:
    result = cli_runner().invoke(main, ["convert", str(SEED_ARTICLE), "--to", "article", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout == SEED_ARTICLE.read_text(encoding="utf-8")
    assert not Path("-").exists()


def test_a_trailing_slash_means_a_folder(tmp_path: Path) -> None:
    result = run("convert", SEED_ARTICLE, "--to", "ninjs", "-o", f"{tmp_path / 'new'}/")
    assert result.exit_code == 0
    assert [p.name for p in (tmp_path / "new").iterdir()] == ["hnr-2022-04-22-xinxiang.ninjs.json"]


def test_several_inputs_into_one_file_for_formats_that_hold_many(tmp_path: Path) -> None:
    inputs = [str(SEED_ARTICLE), str(VALID / "minimal.json")]
    for to, count in (("csv", 2), ("article", 2), ("newsml", 2)):
        target = tmp_path / f"all.{to}"
        result = run("convert", *inputs, "--to", to, "-o", target)
        assert result.exit_code == 0, result.stderr
        assert target.is_file()
        assert len(newsschema.read(target, to)) == count
    for to in ("jsonld", "ninjs"):
        target = tmp_path / f"all-{to}.json"
        result = run("convert", *inputs, "--to", to, "-o", target)
        assert result.exit_code == 2
        assert f"{to} holds one article per file" in result.stderr
        assert "give -o a folder" in result.stderr
        assert not target.exists()
        assert run("convert", *inputs, "--to", to).exit_code == 2  # standard output too


def test_convert_ends_with_a_summary(tmp_path: Path) -> None:
    result = run(
        "convert", INVALID / "broken-line.jsonl", "--to", "csv", "-o", tmp_path / "a.csv",
        "--keep-going",
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "1 converted, 2 failed"
    quiet = run(
        "convert", INVALID / "broken-line.jsonl", "--to", "csv", "-o", tmp_path / "b.csv",
        "--keep-going", "--quiet",
    )  # fmt: skip
    assert "converted" not in quiet.stderr
    assert "line 2" in quiet.stderr  # errors still


# --- terminal conventions ------------------------------------------------------------------


class _Terminal:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_colour_follows_the_flag_then_no_color_then_the_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    terminal, log = _Terminal(True), _Terminal(False)
    assert wants_colour(None, terminal) is True  # type: ignore[arg-type]
    assert wants_colour(None, log) is False  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "1")
    assert wants_colour(None, terminal) is False  # type: ignore[arg-type]
    assert wants_colour(True, terminal) is True  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "")  # https://no-color.org: set and not empty
    assert wants_colour(None, terminal) is True  # type: ignore[arg-type]
    assert wants_colour(False, terminal) is False  # type: ignore[arg-type]


def test_color_flags_on_the_command_line() -> None:
    bad = INVALID / "urgency-10.json"
    assert "\x1b[31m" in run("validate", bad, "--color").stdout
    assert "\x1b[" not in run("validate", bad, "--no-color").stdout
    forced = cli_runner().invoke(main, ["validate", str(bad), "--color"], env={"NO_COLOR": "1"})
    assert "\x1b[31m" in forced.stdout


def test_quiet_and_no_warnings() -> None:
    warned = DATA / "jsonld" / "valid" / "array-of-nodes.jsonld"
    bad = INVALID / "urgency-10.json"
    full = run("validate", warned, bad)
    assert "warning: " in full.stdout
    assert full.stdout.splitlines()[-1] == "1 passed, 1 failed"
    no_warnings = run("validate", warned, bad, "--no-warnings")
    assert "warning: " not in no_warnings.stdout
    assert no_warnings.stdout.splitlines()[-1] == "1 passed, 1 failed"
    quiet = run("validate", warned, bad, "--quiet")
    assert quiet.stdout.splitlines() == [
        line for line in full.stdout.splitlines() if "/urgency" in line
    ]


def test_a_terminal_gets_a_progress_bar_and_the_lines_after_it(tmp_path: Path) -> None:
    """In a pseudo-terminal, as a person sees it: the bar, then the held-back lines."""
    import pty

    inputs = [str(p) for p in sorted((FIXTURES / "generated").glob("*.xml"))[:3]]
    inputs.append(str(INVALID / "urgency-10.json"))
    leader, follower = pty.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "newsschema", "convert", *inputs, "--to", "ninjs",
         "-o", f"{tmp_path}/", "--no-color"],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=follower, check=False,
    )  # fmt: skip
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    text = seen.decode("utf-8")
    assert done.returncode == 1
    assert "converting" in text
    assert "100%" in text
    assert text.index("100%") < text.index("/urgency")  # held back until the bar ends
    assert text.rstrip().endswith("3 converted, 1 failed")


# --- reports -------------------------------------------------------------------------------


def test_json_report_matches_its_schema_and_counts() -> None:
    warned = DATA / "jsonld" / "valid" / "array-of-nodes.jsonld"
    result = run(
        "validate", "--report", "json", VALID / "minimal.json", INVALID / "urgency-10.json", warned
    )
    report = json.loads(result.stdout)
    jsonschema.Draft202012Validator(load_schema("report")).validate(report)
    assert report["version"] == newsschema.__version__
    assert report["summary"] == {
        "files": 3, "passed": 2, "failed": 1, "skipped": 0, "errors": 1, "warnings": 2,
    }  # fmt: skip


def test_a_missing_file_is_an_entry_of_the_json_report_and_a_usage_error() -> None:
    result = run("validate", "--report", "json", VALID / "minimal.json", "no/such.json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)  # the whole of standard output is the report
    missing = report["files"][-1]
    assert missing["path"] == "no/such.json"
    assert missing["valid"] is False
    assert missing["issues"][0]["message"] == "no such file"
    assert "no such file: no/such.json" in result.stderr


def test_junit_report_has_a_testcase_per_file_and_located_failures(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"name": "x"}', encoding="utf-8")
    broken = INVALID / "broken-line.jsonl"
    result = run(
        "validate", "--report", "junit", VALID / "minimal.json", broken, tmp_path / "package.json"
    )
    assert result.exit_code == 1
    root = etree.fromstring(result.stdout.encode("utf-8"))
    assert root.tag == "testsuites"
    (suite,) = root
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("3", "1", "1")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert len(cases[str(VALID / "minimal.json")]) == 0
    (failure,) = cases[str(broken)].findall("failure")
    assert failure.get("message", "").startswith(f"{broken}:2:")
    assert failure.get("message", "").endswith("(and 1 more)")
    assert f"{broken}:3:78: input /language: " in (failure.text or "")
    assert cases[str(tmp_path / "package.json")].find("skipped") is not None


# --- a bug of newsschema's is not the user's input error -----------------------------------


def _reader_bug(*args: object, **kwargs: object) -> None:
    raise KeyError("a reader bug")


def test_a_reader_bug_is_an_internal_error_not_an_input_issue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("newsschema.formats.jsonld.read.keywords_of", _reader_bug)
    jsonld = SEED_ARTICLE.with_suffix(".jsonld")
    with pytest.raises(newsschema.InternalError, match="internal error reading jsonld"):
        newsschema.read(jsonld)
    result = cli_runner().invoke(main, ["convert", str(jsonld), "--to", "article"])
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        "newsschema: internal error reading jsonld: a bug in newsschema, not a problem of your "
        "input. Please report it with what the same command prints with --debug."
    ]
    debug = cli_runner().invoke(main, ["--debug", "convert", str(jsonld), "--to", "article"])
    assert debug.exit_code == 3
    assert "Traceback (most recent call last)" in debug.stderr
    assert "KeyError: 'a reader bug'" in debug.stderr


def test_a_writer_bug_is_an_internal_error_in_worker_processes_too(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("newsschema.formats.ninjs._html_text", _reader_bug)
    with pytest.raises(newsschema.InternalError, match="internal error writing ninjs"):
        newsschema.convert(SEED_ARTICLE, "ninjs")
    inputs = [tmp_path / "one.json", tmp_path / "two.json"]
    for path in inputs:
        path.write_bytes(SEED_ARTICLE.read_bytes())
    out = tmp_path / "out"
    args = ["convert", *map(str, inputs), "--to", "ninjs", "-o", f"{out}/", "--jobs", "2"]
    result = cli_runner().invoke(main, args)
    assert result.exit_code == 3, result.stderr
    assert "internal error writing ninjs" in result.stderr
    assert "Traceback" not in result.stderr


# --- help without the weight ---------------------------------------------------------------


def test_the_options_name_every_registered_format_and_reporter() -> None:
    from newsschema import cli, plugins
    from newsschema.formats import FORMATS
    from newsschema.reporting import REPORTERS

    assert plugins.format_names() == list(FORMATS)
    assert {n for n in plugins.BUILT_IN if not FORMATS[n].writable} == plugins.READ_ONLY
    assert sorted(cli._REPORTS) == sorted(REPORTERS)
    help_text = cli_runner().invoke(main, ["convert", "--help"]).stdout
    assert "--to [article|csv|jsonld|newsml|ninjs|parquet]" in help_text


def test_pyproject_publishes_every_format_newsschema_ships() -> None:
    from newsschema import plugins

    tomllib = pytest.importorskip("tomllib" if sys.version_info >= (3, 11) else "tomli")
    project = tomllib.loads((FIXTURES.parent / "pyproject.toml").read_text(encoding="utf-8"))
    published = project["project"]["entry-points"][plugins.ENTRY_POINTS]
    assert published == dict(plugins.BUILT_IN)


_LOADED_BY_HELP = """
import sys
from newsschema.cli import main
try:
    main([sys.argv[1]], prog_name="newsschema")
except SystemExit:
    pass
heavy = ["newsschema.api", "newsschema.formats", "jsonschema", "jsonschema_rs", "lxml",
         "attrs", "cattrs", "charset_normalizer", "orjson", "referencing"]
print(" ".join(name for name in heavy if name in sys.modules))
"""


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_load_no_format_and_no_validator(flag: str) -> None:
    """What makes ``newsschema --help`` answer at once: nothing but click is imported."""
    done = subprocess.run(
        [sys.executable, "-c", _LOADED_BY_HELP, flag],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.split("\n")[-2] == ""


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--to", "ninjs", "-O", "embed=true"], "it is for writing jsonld"),
        (["--to", "jsonld", "-O", "embed=maybe"], "-O embed: 'maybe' is not true or false"),
        (["--to", "jsonld", "-O", "nope=1"], "unknown option 'nope'"),
        (["--to", "jsonld", "-O", "embed"], "give NAME=VALUE"),
        (["--to", "csv", "--embed"], "writing csv takes no option 'embed'"),
    ],
)
def test_writer_options_a_format_does_not_take_are_usage_errors(
    args: list[str], words: str
) -> None:
    result = run("convert", SEED_ARTICLE, *args)
    assert result.exit_code == 2
    assert words in result.stderr


def test_a_named_writer_option_reaches_the_writer() -> None:
    assert run("convert", SEED_ARTICLE, "--to", "jsonld", "-O", "embed=true").stdout.startswith(
        "<script"
    )
    assert run("convert", SEED_ARTICLE, "--to", "csv", "-O", "bom=yes").stdout.startswith("\ufeff")
