"""The accuracy ratchet: a figure below the recorded floor, or more failures than recorded, fails `make eval`."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from eval import regressions  # noqa: E402

FLOOR = {"syria-iraq": {"seeds_failed": 0, "date": 0.9, "confident_wrong": 0, "places_f1": 0.8, "primary": 0.8,
                        "factions_f1": 0.85}}


def test_figures_at_or_above_the_floor_pass():
    now = {"syria-iraq": {**FLOOR["syria-iraq"], "date": 0.95}}
    assert regressions(now, FLOOR) == []


def test_a_lower_figure_or_a_new_failure_fails():
    now = {"syria-iraq": {**FLOOR["syria-iraq"], "places_f1": 0.79, "seeds_failed": 1}}
    assert regressions(now, FLOOR) == ["syria-iraq places_f1: 0.79 < floor 0.8", "syria-iraq seeds_failed: 1 > floor 0"]


def test_a_theatre_that_disappears_fails():
    assert regressions({}, FLOOR) == ["syria-iraq: no longer scored"]
