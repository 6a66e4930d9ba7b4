"""What the operating system can do to a run: full disks, read-only mounts, links, devices,
pipes, long names, Ctrl-C. Each ends in a one-line error and the right exit code, and
leaves nothing half-written behind.

A full or read-only file system is a small tmpfs mounted in a private mount namespace
(``unshare``, as an unprivileged user too); a device is made with ``mknod`` in a
temporary folder, never a real one like ``/dev/null``. Where the machine cannot do either,
the test is skipped and says why.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import attrs
import pytest

import newsschema

from .conftest import SEED_ARTICLE

SEED = SEED_ARTICLE.parent
PYTHON = shlex.quote(sys.executable)


def _run(*args: str, **settings: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsschema", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        **settings,  # type: ignore[call-overload]
    )


def _can_unshare() -> bool:
    if shutil.which("unshare") is None:
        return False
    try:
        done = subprocess.run(["unshare", "-rm", "true"], capture_output=True, timeout=10)
    except OSError:
        return False
    return done.returncode == 0


needs_mounts = pytest.mark.skipif(
    not _can_unshare(), reason="needs unshare -rm (user and mount namespaces) to mount a tmpfs"
)


def _in_small_file_system(
    mount: Path, script: str, *, size: str = "64k", read_only: bool = False
) -> subprocess.CompletedProcess[str]:
    """`script` (sh) run with a fresh tmpfs of `size` at `mount`, seen by it alone."""
    mount.mkdir(exist_ok=True)
    options = f"size={size}" + (",ro" if read_only else "")
    command = f"mount -t tmpfs -o {options} tmpfs {shlex.quote(str(mount))} && {script}"
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", command],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _newsschema(*args: str) -> str:
    return " ".join([PYTHON, "-m", "newsschema", *map(shlex.quote, args)])


def _big_article(folder: Path, name: str = "big.json") -> Path:
    """The seed article with its body twenty times over: every format of it passes 64 KiB."""
    article = newsschema.read(SEED_ARTICLE)[0]
    path = folder / name
    path.write_text(newsschema.write(attrs.evolve(article, body=article.body * 20), "article"))
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# --- full and read-only file systems ------------------------------------------------------


@needs_mounts
def test_a_full_disk_under_o_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    small = tmp_path / "small"
    big = _big_article(tmp_path)
    script = f"{_newsschema('convert', str(big), '--to', 'newsml', '-o', f'{small}/out.xml')}; "
    script += f"echo exit=$?; ls -A {shlex.quote(str(small))}"
    done = _in_small_file_system(small, script, size="16k")
    assert "exit=1" in done.stdout, done.stderr
    assert "Traceback" not in done.stderr
    assert f"Error: cannot write {small}/out.xml: No space left on device" in done.stderr
    assert done.stdout.strip().endswith("exit=1"), "a partial or temporary file was left"


@needs_mounts
def test_a_full_disk_on_standard_output_is_one_line(tmp_path: Path) -> None:
    small = tmp_path / "small"
    command = _newsschema("convert", str(_big_article(tmp_path)), "--to", "newsml")
    done = _in_small_file_system(small, f"{command} > {small}/out.xml; echo exit=$?", size="16k")
    assert "exit=1" in done.stdout, done.stderr
    assert "Traceback" not in done.stderr
    assert "Error: cannot write standard output: No space left on device" in done.stderr


@needs_mounts
def test_a_read_only_file_system_is_one_line(tmp_path: Path) -> None:
    mounted = tmp_path / "ro"
    command = _newsschema("convert", str(SEED_ARTICLE), "--to", "csv", "-o", f"{mounted}/a.csv")
    done = _in_small_file_system(mounted, f"{command}; echo exit=$?", read_only=True)
    assert "exit=1" in done.stdout, done.stderr
    assert f"Error: cannot write {mounted}/a.csv: Read-only file system" in done.stderr
    assert "Traceback" not in done.stderr


@needs_mounts
def test_one_file_of_a_batch_fails_to_write_and_the_others_are_written(tmp_path: Path) -> None:
    small = tmp_path / "small"
    inputs = [str(SEED_ARTICLE), str(_big_article(tmp_path, "zbig.json"))]
    # The seed's NewsML-G2 fits in 16 KiB; the big article's does not.
    script = (
        f"{_newsschema('convert', *inputs, '--to', 'newsml', '-o', f'{small}/')}; "
        f"echo exit=$?; ls -A {small}"
    )
    done = _in_small_file_system(small, script, size="16k")
    assert "exit=1" in done.stdout, done.stderr
    assert "zbig.json: output: " in done.stderr
    assert "No space left on device" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.split()[1:] == ["hnr-2022-04-22-xinxiang.xml"]


@needs_mounts
def test_fixtures_on_a_full_disk_leave_whole_files_and_no_manifest(tmp_path: Path) -> None:
    small = tmp_path / "small"
    script = f"{_newsschema('fixtures', f'{small}/fx', '--count', '50')}; echo exit=$?; "
    script += f"ls -A {small}/fx; find {small}/fx -size 0"
    done = _in_small_file_system(small, script, size="64k")
    lines = done.stdout.split()
    assert "exit=1" in lines, done.stderr
    assert "Error: cannot write" in done.stderr
    assert "No space left on device" in done.stderr
    listed = lines[lines.index("exit=1") + 1 :]
    assert listed, "some fixtures fit before the disk filled"
    assert "manifest.json" not in listed
    assert not any(name.startswith(".newsschema-") for name in listed)
    assert all(not line.startswith("/") for line in listed), "an empty file was left"


# --- links, devices, pipes --------------------------------------------------------------


def test_a_symlink_keeps_pointing_at_its_file_which_is_replaced(tmp_path: Path) -> None:
    target = tmp_path / "real.csv"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.csv"
    link.symlink_to(target.name)
    done = _run("convert", str(SEED_ARTICLE), "--to", "csv", "-o", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink()
    assert os.readlink(link) == target.name
    assert newsschema.read(target)[0].headline == newsschema.read(SEED_ARTICLE)[0].headline
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert _leftovers(tmp_path) == ["link.csv", "real.csv"]


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod of a character device needs root")
def test_a_character_device_is_written_into_and_stays_a_device(tmp_path: Path) -> None:
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a private /dev/null
    done = _run("convert", str(SEED_ARTICLE), "--to", "jsonld", "-o", str(device))
    assert done.returncode == 0, done.stderr
    assert stat.S_ISCHR(device.stat().st_mode)
    assert _leftovers(tmp_path) == ["null"]


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod of a character device needs root")
def test_a_full_device_is_one_line(tmp_path: Path) -> None:
    device = tmp_path / "full"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # a private /dev/full
    done = _run("convert", str(SEED_ARTICLE), "--to", "jsonld", "-o", str(device))
    assert done.returncode == 1
    assert f"Error: cannot write {device}: No space left on device" in done.stderr
    assert "Traceback" not in done.stderr
    stdout_full = subprocess.run(
        f"{_newsschema('convert', str(SEED_ARTICLE), '--to', 'jsonld')} > {device}",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert stdout_full.returncode == 1
    assert "Error: cannot write standard output: No space left on device" in stdout_full.stderr
    assert "Traceback" not in stdout_full.stderr


def test_a_fifo_is_written_into(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    done = _run("convert", str(SEED_ARTICLE), "--to", "jsonld", "-o", str(fifo))
    reader.join(timeout=30)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    (article,) = newsschema.read(received[0].decode("utf-8"), "jsonld")
    assert article.headline == newsschema.read(SEED_ARTICLE)[0].headline


@pytest.mark.skipif(shutil.which("bash") is None, reason="process substitution needs bash")
def test_a_process_substitution_is_read() -> None:
    command = f"{PYTHON} -m newsschema convert <(cat {shlex.quote(str(SEED_ARTICLE))}) --to jsonld"
    done = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert newsschema.read(done.stdout, "jsonld")[0].headline


def test_validate_does_not_consume_a_named_pipe_before_reading_it(tmp_path: Path) -> None:
    fifo = tmp_path / "story.json"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(SEED_ARTICLE.read_bytes()))
    writer.start()
    done = _run("validate", str(fifo))
    writer.join(timeout=30)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout


# --- names --------------------------------------------------------------------------------


@pytest.mark.parametrize("length", [241, 250])
def test_long_input_names_convert_into_a_folder(tmp_path: Path, length: int) -> None:
    name = "a" * (length - len(".json")) + ".json"
    source = tmp_path / name
    shutil.copy(SEED_ARTICLE, source)
    out = tmp_path / "out"
    done = _run("convert", str(source), "--to", "article", "-o", f"{out}/")
    assert done.returncode == 0, done.stderr
    assert _leftovers(out) == [name]


def test_an_output_name_too_long_is_that_files_error_only(tmp_path: Path) -> None:
    long = tmp_path / ("b" * 247 + ".jsonld")  # as .ninjs.json its name passes 255 bytes
    shutil.copy(SEED / "hnr-2022-04-22-xinxiang.jsonld", long)
    out = tmp_path / "out"
    done = _run("convert", str(SEED_ARTICLE), str(long), "--to", "ninjs", "-o", f"{out}/")
    assert done.returncode == 1
    assert "the name is too long for the file system" in done.stderr
    assert "Traceback" not in done.stderr
    assert _leftovers(out) == ["hnr-2022-04-22-xinxiang.ninjs.json"]


def test_an_existing_file_takes_several_inputs_of_a_format_that_holds_many(tmp_path: Path) -> None:
    target = tmp_path / "all.csv"
    target.write_text("old\n", encoding="utf-8")
    inputs = [str(SEED / f"hnr-2022-04-22-xinxiang{ext}") for ext in (".json", ".xml")]
    done = _run("convert", *inputs, "--to", "csv", "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert len(newsschema.read(target)) == 2


def test_the_json_report_escapes_file_names_that_are_not_utf8(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.json"
    with open(raw, "wb") as handle:
        handle.write(SEED_ARTICLE.read_bytes())
    done = subprocess.run(
        [sys.executable, "-m", "newsschema", "validate", "--report", "json", str(tmp_path)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.decode("utf-8"))  # strict UTF-8: no lone surrogates
    assert [entry["path"] for entry in report["files"]] == [f"{tmp_path}/caf\\xe9.json"]


# --- Ctrl-C -------------------------------------------------------------------------------


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_during_a_batch_exits_130_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    sources = tmp_path / "in"
    sources.mkdir()
    big = newsschema.read(SEED_ARTICLE)[0]
    text = newsschema.write([big] * 400, "article")  # JSON Lines: a tenth of a second each
    for number in range(40):
        (sources / f"story{number:02d}.jsonl").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsschema",
            "convert",
            str(sources),
            "--to",
            "newsml",
            "-o",
            f"{out}/",
            "--jobs",
            "2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a process group, as a terminal makes for Ctrl-C
        # and Ctrl-C's default action, as at a terminal: a shell starts its background jobs
        # with SIGINT ignored (.ci/run's nox lanes), and a child inherits that
        preexec_fn=_interruptible,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _leftovers(out):
        time.sleep(0.02)  # until a worker writes: its temporary file, or its first output
    # A temporary file lives for the moment of writing only: this loop can miss every one,
    # but not the first output of a batch of 40.
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends: the whole group
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert stderr.strip().endswith("interrupted"), stderr
    assert "Traceback" not in stderr
    assert not [name for name in _leftovers(out) if name.startswith(".newsschema-")]
