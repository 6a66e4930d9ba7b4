"""NewsML-G2 output of newsschema against the PyPI package ``newsmlg2``, on the same articles.

Run: ``pip install newsmlg2 && python bench/newsml_vs_newsmlg2.py [--articles N]`` with
IPTC's XSD at ``../shared/reference/newsml-g2/xsd/`` (or ``--xsd PATH``). newsmlg2 models
NewsML-G2 items as objects but has no mapping from an article, so it is measured on what
it can do with the same articles: parse newsschema's item and write it out again. Both
outputs are checked against IPTC's XSD; times are per article, best of five, in one
process.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from lxml import etree
from NewsMLG2 import NewsMLG2Document  # type: ignore[import-not-found]

import newsschema
from newsschema import Article
from newsschema.testing import articles

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "hnr-2022-04-22-xinxiang.txt"
IPTC_XSD = ROOT.parent / "shared" / "reference" / "newsml-g2" / "xsd"
IPTC_XSD = IPTC_XSD / "NewsML-G2_2.35-spec-All-Power.xsd"


def generated(count: int) -> list[Article]:
    found: list[Article] = []

    @settings(max_examples=count, database=None, derandomize=True, deadline=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(articles())
    def collect(article: Article) -> None:
        try:
            newsschema.write(article, "newsml")
        except newsschema.ValidationError:
            return  # control characters XML cannot carry: not a fair test for either
        found.append(article)

    collect()
    return found


def per_item(function: Callable[[Any], object], items: list[Any]) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for item in items:
            function(item)
        best = min(best, (time.perf_counter() - start) / len(items))
    return best


def newsmlg2_round_trip(text: str) -> str:
    document = NewsMLG2Document(text.encode("utf-8"))
    return str(document.to_xml_string())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--xsd", type=Path, default=IPTC_XSD)
    arguments = parser.parse_args()
    schema = etree.XMLSchema(etree.parse(str(arguments.xsd)))

    corpus = newsschema.read(SEED) + generated(arguments.articles)
    ours = [newsschema.write(a, "newsml") for a in corpus]
    theirs = [newsmlg2_round_trip(text) for text in ours]

    def valid(text: str) -> bool:
        return bool(schema.validate(etree.fromstring(text.encode("utf-8"))))

    write_ours = per_item(lambda a: newsschema.write(a, "newsml"), corpus)
    write_unchecked = per_item(lambda a: newsschema.write(a, "newsml", check=False), corpus)
    read_ours = per_item(lambda t: newsschema.read(t, "newsml"), ours)
    theirs_time = per_item(newsmlg2_round_trip, ours)
    parse_theirs = per_item(lambda t: NewsMLG2Document(t.encode("utf-8")), ours)
    print(f"{len(corpus)} articles (the seed and generated ones), IPTC XSD {arguments.xsd.name}")
    print(f"  valid against IPTC: newsschema {sum(map(valid, ours))}/{len(ours)}, "
          f"newsmlg2 re-serialised {sum(map(valid, theirs))}/{len(theirs)}")  # fmt: skip
    print(f"  newsschema write, with its checks : {write_ours * 1e6:8.0f} µs/article")
    print(f"  newsschema write, no checks       : {write_unchecked * 1e6:8.0f} µs/article")
    print(f"  newsschema read, with its checks  : {read_ours * 1e6:8.0f} µs/article")
    print(f"  newsmlg2 parse                    : {parse_theirs * 1e6:8.0f} µs/article")
    print(f"  newsmlg2 parse + write            : {theirs_time * 1e6:8.0f} µs/article")


if __name__ == "__main__":
    main()
