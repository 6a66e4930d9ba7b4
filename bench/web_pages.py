"""Reading real news pages: newsschema's ``html`` reader against trafilatura, per page.

Run: ``python bench/web_pages.py [--rounds N]`` with the corpus at ``../shared/corpus/html/``
(or ``--pages DIR``). Each round reads every page once with each tool, in alternating order
(`timing.compare`, CPU time): newsschema as a user calls it, ``newsschema.read(path,
"html")`` - the page's article checked and built, its JSON-LD, meta tags, printed lines,
trafilatura's main text, htmldate's day where the page states no time - and trafilatura as
the corpus measures it, ``bare_extraction(raw, with_metadata=True)`` with its defaults. A
page newsschema refuses costs what its refusal costs. The field scores of both are
``python ../shared/corpus/run.py --root ../shared/corpus --kinds html --peers``.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from trafilatura import bare_extraction

import newsschema

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import compare

PAGES = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "html"


def _newsschema(paths: list[Path]) -> None:
    for path in paths:
        with contextlib.suppress(newsschema.ValidationError):  # a refusal costs as much
            newsschema.read(path, "html")


def _trafilatura(pages: list[bytes]) -> None:
    for raw in pages:
        bare_extraction(raw, with_metadata=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--rounds", type=int, default=7)
    options = parser.parse_args()
    paths = sorted(options.pages.glob("*.html"))
    if not paths:
        sys.exit(f"no pages in {options.pages}")
    raw = [path.read_bytes() for path in paths]
    result = compare(lambda: _newsschema(paths), lambda: _trafilatura(raw), rounds=options.rounds)
    per_page = 1e3 / len(paths)
    print(f"{len(paths)} pages, {options.rounds} rounds, CPU ms per page (median of rounds)")
    print(f"newsschema.read(html)     {result.ours * per_page:8.2f}")
    print(f"trafilatura.bare_extraction {result.baseline * per_page:6.2f}")
    print(f"ratio {result.ratio:.2f}x (per-round {result.low:.2f}-{result.high:.2f})")


if __name__ == "__main__":
    main()
