"""Mistakes the types must catch: tests/test_package.py expects an error on each marked line."""

from __future__ import annotations

import newsschema
from newsschema import Agent, Article

(article,) = newsschema.read("{}")
newsschema.write(article, "json")  # error: not a format name
newsschema.write(article, "csv", bom="yes")  # error: bom is a flag
newsschema.read("{}", timezones="+08:00")  # error: no such option
Article(
    id="urn:x",
    headline="h",
    body=[],
    language="en",
    date_published="x",
    authors=["Li"],  # error: authors are Agents
)
Agent(name="A", type="Robot")  # error: Person or Organization
