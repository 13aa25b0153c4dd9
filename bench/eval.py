"""`make eval`: extraction accuracy on the real-article development set, held to a recorded floor (a ratchet).

Runs the development set's own scorer (``../shared/devset/score.py``, which calls `timeline extract --json`) and
compares each theatre's figures with ``bench/devset_floor.json``: a figure below its floor (or more failed seeds or
confident wrong dates than recorded) fails with exit 1, so a change that costs accuracy cannot land unnoticed.
``--record`` writes today's figures as the new floor; raising it is an ordinary, reviewed commit.

    .venv/bin/python bench/eval.py            # print the figures, exit 1 below the floor
    .venv/bin/python bench/eval.py --record   # raise the floor to today's figures
    .venv/bin/python bench/eval.py -v         # also list every miss
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset"
FLOOR = ROOT / "bench" / "devset_floor.json"
HIGHER = ("date", "places_f1", "primary", "factions_f1")  # may not fall
LOWER = ("seeds_failed", "confident_wrong")  # may not rise
TOLERANCE = 1e-9


def _scorer():
    spec = importlib.util.spec_from_file_location("devset_score", DEVSET / "score.py")
    if spec is None or spec.loader is None or not (DEVSET / "score.py").exists():
        sys.exit(f"error: the development set is not at {DEVSET} (it sits beside the checkout, in shared/devset)")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(verbose: bool = False) -> dict[str, dict[str, float]]:
    score = _scorer()
    _, have = score.load(str(DEVSET / "labels.yaml"), str(DEVSET / "texts"))
    by = score.run_extract(str(ROOT), str(DEVSET / "texts"), have)
    stats, lines = score.score(have, by)
    if verbose:
        print("\n".join(lines))
    figures = {}
    for theatre, s in sorted(stats.items()):
        date, (places, _, _), primary, (factions, _, _) = score.figures(s)
        figures[theatre] = {"n": s["n"], "seeds_failed": s["failed"], "date": round(date, 4),
                            "confident_wrong": s["hon_bad"], "places_f1": round(places, 4),
                            "primary": round(primary, 4), "factions_f1": round(factions, 4)}
    return figures


def regressions(figures: dict[str, dict[str, float]], floor: dict[str, dict[str, float]]) -> list[str]:
    found = []
    for theatre, limits in sorted(floor.items()):
        now = figures.get(theatre)
        if now is None:
            found.append(f"{theatre}: no longer scored")
            continue
        found += [f"{theatre} {k}: {now[k]} < floor {limits[k]}" for k in HIGHER if now[k] < limits[k] - TOLERANCE]
        found += [f"{theatre} {k}: {now[k]} > floor {limits[k]}" for k in LOWER if now[k] > limits[k]]
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--record", action="store_true", help="write today's figures as the new floor")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    figures = measure(args.verbose)
    columns = ("n", "seeds_failed", "date", "confident_wrong", "places_f1", "primary", "factions_f1")
    print(f"{'theatre':12}" + "".join(f"{c:>17}" for c in columns))
    floor = json.loads(FLOOR.read_text(encoding="utf-8")) if FLOOR.exists() else {}
    for theatre, row in figures.items():
        print(f"{theatre:12}" + "".join(f"{row[c]:>17}" for c in columns))
        if theatre in floor:
            print(f"{'  floor':12}" + "".join(f"{floor[theatre].get(c, ''):>17}" for c in columns))
    if args.record:
        FLOOR.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"floor recorded in {FLOOR.relative_to(ROOT)}")
        return 0
    problems = regressions(figures, floor)
    for problem in problems:
        print(f"below the floor: {problem}", file=sys.stderr)
    print("eval: " + ("FAILED, extraction got worse on the development set" if problems else "at or above the floor"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
