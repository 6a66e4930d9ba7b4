"""A user's script, type-checked with ``mypy --strict`` by tests/test_package.py.

It uses the public API the way the documentation shows: what it does must type-check as written.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import newsschema
from newsschema import Agent, Article, Image, Subject, TextFormatName, ValidationError

beijing = timezone(timedelta(hours=8))
article = Article(
    id="urn:example:1",
    headline="新乡市平原示范区:汇聚群防能量",
    body=["近日,气温骤升。", "第二段。"],
    language="zh-CN",
    date_published=datetime(2022, 4, 22, 14, 36, 26, tzinfo=beijing),
    authors=[Agent(name="李军", role="记者")],
    editors=(Agent(name="高御"),),
    keywords=["新乡", "疫情防控"],
    subjects=[Subject(code="medtop:20000446")],
    images=[Image(url="https://example.org/a.jpg", width=800)],
)
target: TextFormatName = "ninjs"
text: str = newsschema.write(article, target)
table: bytes = newsschema.write([article], "parquet")
again: list[Article] = newsschema.read(text, format=target, timezone="+08:00")
converted: str = newsschema.convert(Path("story.json"), to="jsonld", embed=True)
try:
    newsschema.validate(b"{}", format="article", encoding="utf-8")
except ValidationError as error:
    first: newsschema.Issue = error.issues[0]
    as_value_error: ValueError = error
version: str = newsschema.__version__
