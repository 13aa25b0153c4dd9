"""Real texts by others (../shared/corpus): every one converts, and the shares dated and placed stay high.

The corpus is not a gold standard; these floors guard against regressions, the numbers go in the notes.
"""

from __future__ import annotations

import pytest

from conflict_timeline.errors import TimelineError
from conflict_timeline.extract import extract
from conflict_timeline.seeds import parse_text

from conftest import CORPUS
from corpus import corpus_texts

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not beside the checkout")


def test_every_corpus_text_converts_or_fails_cleanly(registries):
    converted, failed, day, place, faction = 0, [], 0, 0, 0
    texts = list(corpus_texts(CORPUS))
    for name, text in texts:
        try:
            result = extract(parse_text(text, name), registries)
        except TimelineError as error:  # any other exception fails the test with its traceback
            assert error.message, name
            failed.append(name)
            continue
        converted += 1
        day += result.date is not None and result.date.precision == "day"
        place += bool(result.entry.places)
        faction += bool(result.entry.factions)
    assert len(texts) >= 800
    assert failed == []  # a text whose date cannot be pinned still yields its entry (undated, held back)
    assert day / converted > 0.85 and place / converted > 0.9 and faction / converted > 0.75
