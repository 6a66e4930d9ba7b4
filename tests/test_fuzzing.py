"""Every fuzz target runs briefly in the test run, so that none of them rots.

The long runs are ``python -m tests.fuzzing READER --minutes N``; see tests/fuzzing.py.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

import newsschema
from newsschema.errors import ValidationError

from .fuzzing import READERS, check_reader, target


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
