"""fixtures/seed holds the seed in every format newsschema writes, and they are up to date."""

from __future__ import annotations

import pytest

import newsschema
from newsschema.formats import FORMATS

from .conftest import FIXTURES

SEED = FIXTURES / "seed" / "hnr-2022-04-22-xinxiang"
WRITABLE = sorted(name for name, fmt in FORMATS.items() if fmt.writable)


@pytest.mark.parametrize("name", WRITABLE)
def test_seed_fixture_is_current(name: str) -> None:
    (article,) = newsschema.read(SEED.with_suffix(".txt"))
    fixture = SEED.with_suffix(FORMATS[name].extensions[0])
    assert fixture.read_bytes().decode("utf-8") == newsschema.write(article, name), (
        f"{fixture} is out of date: regenerate it with "
        f"newsschema convert {SEED.with_suffix('.txt')} --to {name} -o {fixture}"
    )


@pytest.mark.parametrize("name", WRITABLE)
def test_seed_fixture_reads_back_to_the_seed(name: str) -> None:
    (article,) = newsschema.read(SEED.with_suffix(".txt"))
    (back,) = newsschema.read(SEED.with_suffix(FORMATS[name].extensions[0]))
    assert back.headline == article.headline
    assert back.body == article.body
    assert back.date_published == article.date_published
