"""The distributions as users get them: built, checked by twine, installed alone, run.

A wheel installed into a fresh virtual environment, outside the checkout, must validate
(its schemas ship inside it) and run the README's main command on the seed page.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

import newsschema
from newsschema.fixtures import generate

from .conftest import ROOT, SEED_ARTICLE

CHECK = """
import json, sys, newsschema
from newsschema.schemas import schema_dir
where = schema_dir()
assert "site-packages" in str(where), where
text = open(sys.argv[1], encoding="utf-8").read()
assert newsschema.validate(text) == []
issues = newsschema.validate(text.replace('"version": 1', '"version": 0'))
assert [i.path for i in issues] == ["/version"], issues
print("ok", where, newsschema.__version__)
"""


def _readme_main_command() -> str:
    """The README's main command without its ``pip install -q . &&`` (the wheel is installed)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = next(line for line in re.findall(r"```sh\n(.*?)\n", readme) if "convert" in line)
    return command.split("&&", 1)[1].strip()


@pytest.fixture(scope="module")
def distributions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("newsschema-*.whl")
    (sdist,) = out.glob("newsschema-*.tar.gz")
    return {"wheel": wheel, "sdist": sdist}


@pytest.mark.slow
def test_twine_accepts_both_distributions(distributions: dict[str, Path]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, distributions.values())],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
def test_the_licence_ships_in_both(distributions: dict[str, Path]) -> None:
    licence = (ROOT / "LICENSE").read_bytes()
    with zipfile.ZipFile(distributions["wheel"]) as wheel:
        names = wheel.namelist()
        (shipped,) = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        assert wheel.read(shipped) == licence
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        text = wheel.read(metadata).decode("utf-8")
    assert "License-Expression: MIT" in text
    assert "License-File: LICENSE" in text
    with tarfile.open(distributions["sdist"]) as sdist:
        members = {Path(m.name).relative_to(Path(m.name).parts[0]).as_posix() for m in sdist}
    assert {"LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml"} <= members


@pytest.mark.slow
def test_installed_wheel_validates_and_runs_the_readme_command(
    distributions: dict[str, Path], tmp_path: Path
) -> None:
    environment = tmp_path / "env"
    venv.create(environment, with_pip=True)
    bin_dir = environment / ("Scripts" if sys.platform == "win32" else "bin")
    python = bin_dir / "python"
    install = [str(python), "-m", "pip", "install", "-q", str(distributions["wheel"])]
    subprocess.run(install, check=True)
    elsewhere = tmp_path / "elsewhere"  # not the checkout, so nothing is found by accident
    (elsewhere / "fixtures" / "seed").mkdir(parents=True)
    page = ROOT / "fixtures" / "seed" / "hnr-2022-04-22-xinxiang.txt"
    shutil.copy(page, elsewhere / "fixtures" / "seed" / page.name)
    done = subprocess.run(
        [str(python), "-c", CHECK, str(SEED_ARTICLE)],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok ")
    path = f"{bin_dir}{':' if sys.platform != 'win32' else ';'}/usr/bin:/bin"
    main = subprocess.run(
        ["bash", "-c", _readme_main_command()],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": path, "HOME": str(tmp_path)},
    )
    assert main.returncode == 0, main.stderr
    for marker in ('"headline": "新乡市', "<newsItem", '"@type": "NewsArticle"', "id,version"):
        assert marker in main.stdout, marker


@pytest.mark.slow
def test_the_extras_install_and_convert_on_a_local_cluster(
    distributions: dict[str, Path], tmp_path: Path
) -> None:
    """The issue's first "done when": a fresh environment, ``newsschema[dask,parquet]``,
    JSON Lines to Parquet on ``local:2``, and DuckDB counts every article."""
    duckdb = pytest.importorskip("duckdb")
    environment = tmp_path / "env"
    venv.create(environment, with_pip=True)
    bin_dir = environment / ("Scripts" if sys.platform == "win32" else "bin")
    wheel = f"{distributions['wheel']}[dask,parquet]"
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", wheel], check=True)
    source = tmp_path / "articles.jsonl"
    source.write_text(newsschema.write(generate(500, seed=2), "article"), encoding="utf-8")
    out = tmp_path / "out"
    command = [str(bin_dir / "newsschema"), "convert", str(source), "--to", "parquet"]
    done = subprocess.run(
        [*command, "-o", f"{out}/", "--scheduler", "local:2"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert duckdb.sql(f"SELECT count(*) FROM '{out}/*.parquet'").fetchall() == [(500,)]
