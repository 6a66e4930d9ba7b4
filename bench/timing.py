"""How the benchmarks time code: CPU time, the two sides alternating, many rounds.

Wall-clock time on a shared machine measures the machine. Each round here times
newsschema and its baseline back to back with `time.process_time`, in alternating order,
so that both see the same machine; the ratio of the two medians is what is reported, with
the spread of the per-round ratios beside it.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable

import attrs

__all__ = ["Comparison", "compare"]


@attrs.frozen
class Comparison:
    """Seconds per call of each side (medians over rounds) and the spread of their ratio."""

    ours: float
    baseline: float
    low: float
    """The lowest per-round ratio."""
    high: float
    """The highest per-round ratio."""

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline

    def row(self, name: str) -> str:
        return (
            f"| {name} | {self.ours * 1e6:,.0f} | {self.baseline * 1e6:,.0f} | "
            f"{self.ratio:.1f}x | {self.low:.1f}-{self.high:.1f} |"
        )


def _cpu(function: Callable[[], object], calls: int) -> float:
    start = time.process_time()
    for _ in range(calls):
        function()
    return (time.process_time() - start) / calls


def compare(
    ours: Callable[[], object],
    baseline: Callable[[], object],
    *,
    rounds: int = 11,
    calls: int = 1,
) -> Comparison:
    """`ours` against `baseline`: each called `calls` times per round, alternating order."""
    ours(), baseline()  # warm: validators built, caches filled, code paths imported
    mine: list[float] = []
    theirs: list[float] = []
    enabled = gc.isenabled()
    gc.disable()
    try:
        for number in range(rounds):
            if number % 2:
                theirs.append(_cpu(baseline, calls))
                mine.append(_cpu(ours, calls))
            else:
                mine.append(_cpu(ours, calls))
                theirs.append(_cpu(baseline, calls))
            gc.collect()
    finally:
        if enabled:
            gc.enable()
    ratios = [m / t for m, t in zip(mine, theirs, strict=True) if t > 0]
    return Comparison(
        ours=statistics.median(mine),
        baseline=statistics.median(theirs),
        low=min(ratios),
        high=max(ratios),
    )
