"""What validation costs per article: the fast path against python-jsonschema alone.

Run: ``python bench/validation.py [--articles N]``. Everything is measured in this one
process, on the same documents, and reported as ratios, so the numbers compare across
machines. Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings

from newsschema.api import Session, convert
from newsschema.canonical import make_converter
from newsschema.testing import articles
from newsschema.validation import Validators

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "hnr-2022-04-22-xinxiang.json"


def generated(count: int) -> list[dict[str, Any]]:
    """`count` valid canonical documents, the same ones on every run."""
    converter = make_converter()
    found: list[dict[str, Any]] = []

    @settings(
        max_examples=count,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(articles())
    def collect(article: Any) -> None:
        found.append(converter.unstructure(article))

    collect()
    return found


def per_call(function: Callable[[Any], object], documents: list[Any], repeat: int = 5) -> float:
    """Best-of-`repeat` mean seconds per document."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for document in documents:
            function(document)
        runs.append((time.perf_counter() - start) / len(documents))
    return min(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=500)
    count = parser.parse_args().articles

    validator = Validators()["article"]
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    sets = {"seed article": [seed] * 200, f"{count} generated articles": generated(count)}
    print(f"{'documents':<26}{'json.dumps':>12}{'fast path':>12}{'python-js':>12}{'ratio':>9}")
    for label, documents in sets.items():
        assert all(validator.is_valid(d) for d in documents)
        baseline = per_call(lambda d: json.dumps(d, ensure_ascii=False), documents)
        fast = per_call(validator.is_valid, documents)
        slow = per_call(validator.is_valid_explained, documents)
        print(
            f"{label:<26}{baseline * 1e6:>10.1f}µs{fast * 1e6:>10.1f}µs{slow * 1e6:>10.1f}µs"
            f"{slow / fast:>8.1f}x"
        )
    text = SEED.read_text(encoding="utf-8")
    session = Session()
    checked = per_call(lambda t: convert(t, "article", session=session), [text] * 200)
    unchecked = per_call(
        lambda t: convert(t, "article", session=session, check=False), [text] * 200
    )
    plain = per_call(
        lambda t: json.dumps(json.loads(t), ensure_ascii=False, indent=2), [text] * 200
    )
    print(
        f"seed article → article: {checked * 1e6:.0f}µs with the three checks, "
        f"{unchecked * 1e6:.0f}µs without (+{(checked / unchecked - 1) * 100:.0f}%); "
        f"json.loads+json.dumps {plain * 1e6:.0f}µs "
        f"({checked / plain:.1f}x for the full conversion)"
    )
    sizes = [len(json.dumps(d)) for d in sets[f"{count} generated articles"]]
    print(
        "ratio = python-jsonschema alone / fast path (jsonschema-rs); "
        f"generated articles are {statistics.median(sizes):.0f} bytes of JSON (median)"
    )


if __name__ == "__main__":
    main()
