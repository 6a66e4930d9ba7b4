"""Shared test settings: Hypothesis profiles and the paths of the shared reference files."""

from __future__ import annotations

import functools
import importlib
import importlib.util
import json
import os
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings
from lxml import etree

from newsschema.api import Session

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
SEED_ARTICLE = FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.json"

settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
# The fast suite on every other Python and on the lowest dependency versions (noxfile.py):
# it looks for code that breaks there, which a few examples per property find.
settings.register_profile(
    "quick", max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)


def at_time_of_day(value: date | None) -> date | None:
    """A day as a format that needs an instant writes it at `testing.TIME_OF_DAY`
    (12:00+08:00); an instant, or nothing, as it is."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.combine(value, time(12), tzinfo=timezone(timedelta(hours=8)))


def cli_runner() -> CliRunner:
    """A runner that keeps standard error apart on every click newsschema allows.

    click 8.1 mixes standard error into the output unless told not to; 8.2 removed the
    switch and always keeps them apart.
    """
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


@pytest.fixture(scope="session")
def session() -> Session:
    return Session()


def _shared(folder: str, what: str, parts: tuple[str, ...]) -> Path:
    """A path under ../shared/`folder`: it must be there in CI; elsewhere, skip."""
    path = SHARED.joinpath(folder, *parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{what} must be beside the checkout in CI: {path}")
        pytest.skip(f"../shared is not beside this checkout ({path} is missing)")
    return path


def reference(*parts: str) -> Path:
    """A file of IPTC's in ../shared/reference."""
    return _shared("reference", "IPTC's reference files", parts)


def corpus(*parts: str) -> Path:
    """A real file (or folder) of ../shared/corpus."""
    return _shared("corpus", "the shared corpus", parts)


def corpus_files(folder: str, pattern: str) -> list[str]:
    """The names of a corpus folder's files, for parametrising (empty without ../shared:
    the test that uses them then asks `corpus` and skips, or fails in CI)."""
    return sorted(p.name for p in SHARED.joinpath("corpus", folder).glob(pattern))


@functools.cache
def iptc_newsml_xsd() -> etree.XMLSchema:
    """IPTC's NewsML-G2 2.35 XSD, built once."""
    xsd = reference("newsml-g2", "xsd", "NewsML-G2_2.35-spec-All-Power.xsd")
    return etree.XMLSchema(etree.parse(str(xsd)))


@functools.cache
def iptc_ninjs_validator() -> jsonschema.Draft202012Validator:
    """IPTC's ninjs 3.1 schema with format checks on, built once."""
    schema = json.loads(reference("ninjs", "ninjs-schema_3.1.json").read_text(encoding="utf-8"))
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    return jsonschema.Draft202012Validator(schema, format_checker=checker)


class LazyModule:
    """A module imported when first used, not when the test module is collected: pyarrow
    and distributed start threads as they are imported, and a process with threads must
    not fork (the batch tests' worker pools fork)."""

    def __init__(self, name: str) -> None:
        if importlib.util.find_spec(name.split(".")[0]) is None:
            pytest.skip(f"{name} is not installed", allow_module_level=True)
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("_"):  # what collection asks of every name: not the module's
            raise AttributeError(attribute)
        return getattr(importlib.import_module(self._name), attribute)
