"""Every fuzz target runs briefly in the test run, so that none of them rots.

The long runs are ``python -m tests.fuzzing READER --minutes N``; see tests/fuzzing.py.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

import newsschema
from newsschema.errors import ValidationError

from .conftest import SEED_ARTICLE
from .fuzzing import MARKERS, READERS, Budget, check_reader, reference_fan_out, target


@pytest.mark.parametrize("reader", READERS)
def test_fuzz_target_runs(reader: str) -> None:
    brief = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    brief(target(reader))()


def test_the_property_catches_a_reader_that_crashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The target is only worth running if it fails when a reader lets an exception out."""

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyError("a reader bug")

    monkeypatch.setattr("tests.fuzzing.outcomes", crash)
    with pytest.raises(KeyError):
        check_reader("article", "{}")


def test_a_refusal_with_a_message_is_a_pass() -> None:
    check_reader("article", b"\xff\xfe\x00garbage")
    with pytest.raises(ValidationError):
        newsschema.read(b"\xff\xfe\x00garbage", "article")


@pytest.mark.parametrize("reader", ["jsonld", "html"])
def test_a_reference_fan_out_is_read_within_its_budget(reader: str) -> None:
    """20 nodes naming the next three times: 3**20 expansions for a naive resolver."""
    check_reader(reader, reference_fan_out(20, 3, embed=reader == "html"))


@pytest.mark.parametrize("marker", MARKERS)
def test_white_space_before_every_marker_is_read_within_its_budget(marker: str) -> None:
    seed = SEED_ARTICLE.with_suffix(".xml").read_text(encoding="utf-8")
    check_reader("newsml", seed.replace("<p>", "<p>" + " \t" * 20_000 + marker, 1))


def test_the_budget_fails_an_input_that_costs_too_much(monkeypatch: pytest.MonkeyPatch) -> None:
    """The resource check can fail: with no time allowed, any real read overshoots it."""
    monkeypatch.setattr(Budget, "SECONDS", 0.0)
    monkeypatch.setattr(Budget, "SECONDS_PER_BYTE", 0.0)
    with pytest.raises(AssertionError, match="s of CPU for"):
        check_reader("jsonld", reference_fan_out(20, 3))
    monkeypatch.undo()
    monkeypatch.setattr(Budget, "MEMORY", 0)
    monkeypatch.setattr(Budget, "MEMORY_PER_BYTE", 0)
    with pytest.raises(AssertionError, match="bytes of memory for"):
        check_reader("jsonld", reference_fan_out(20, 3))
