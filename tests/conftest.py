"""Shared test settings: Hypothesis profiles and the paths of the shared reference files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

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
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session")
def session() -> Session:
    return Session()
