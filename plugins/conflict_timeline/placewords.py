"""The words of running text that may name a place: runs of capitalised words, Arabic articles between them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .geoindex import ARTICLES, loose, loose_words  # noqa: F401  (loose, loose_words: re-exported)

_TOKEN = re.compile(r"[^\W\d_][\w'’‘`ʻʼʿʾ]*(?:-[\w'’‘`ʻʼʿʾ]+)*")
# Capitalised words that are never place names on their own in wire copy.
STOP = frozenset(
    """a an and are as at but by for from he her his if in is it its no not of on or she so that the their them
    they this to up was we were who will with after before during since under until while when where which
    president minister army forces state group city town province governorate region north south east west
    northern southern eastern western central monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december us un eu
    police government coalition regime rebels people islamic center centre hospital airport camp base river valley
    tal tel tell tall khan qasr kafr deir dayr ain ayn ras jisr jabal jebel jabel wadi bir sheikh shaykh abu umm beit
    bayt kala qala qalaat qalat hamra souq suq bab mazraa main road street square new old great grand mount
    lake sea gulf bay port hotel district
    ali salah hamza hassan hasan hussein husayn mohammed muhammad mohammad omar umar ahmed ahmad khalid saddam hadi
    abdullah abdallah ibrahim ismail mustafa mahmoud mahmud yusuf youssef walid bashar hafez rami nuri""".split())


def capitalised_runs(text: str) -> Iterable[list[re.Match[str]]]:
    """Runs of tokens where each token is capitalised or a lowercase Arabic article/particle between them."""
    run: list[re.Match[str]] = []
    last_end = -1
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        if len(word) == 1:  # "A", "I": sentence openers, not parts of names
            if run:
                yield _trim(run)
            run, last_end = [], match.end()
            continue
        gap = text[last_end:match.start()] if last_end >= 0 else ""
        joined = run and gap in (" ", "-", " - ")
        if _capital(word) or (joined and word.split("-")[0].lower() in ARTICLES | {"bin", "ibn", "abu"}):
            if not joined:
                if run:
                    yield _trim(run)
                run = []
            run.append(match)
        else:
            if run:
                yield _trim(run)
            run = []
        last_end = match.end()
    if run:
        yield _trim(run)


def _capital(word: str) -> bool:
    """'Raqqa', 'al-Mayadin', 'ez-Zor': a name word (an Arabic article may be glued to it by a hyphen)."""
    if word[0].isupper():
        return True
    head, _, rest = word.partition("-")
    return head.lower() in ARTICLES and rest[:1].isupper()


def _trim(run: list[re.Match[str]]) -> list[re.Match[str]]:
    while run and not _capital(run[-1].group(0)):
        run = run[:-1]
    return run
