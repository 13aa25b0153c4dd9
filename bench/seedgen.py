"""A deterministic generator of N wire-style seeds for benchmarks, written by us from the registries' names.

Same N and seed number -> the same files, byte for byte. Datelines, date forms, spellings of places, faction
aliases, outlets, furniture and lengths vary the way real copy does.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from conflict_timeline.extract import Registries

OUTLETS = [("Agence France-Presse", "AFP"), ("Reuters", "Reuters"), ("Associated Press", "AP")]
VERBS = ["captured", "shelled", "attacked", "seized", "retook", "besieged", "struck", "entered"]
CITIES = ["Raqqa", "Raqa", "Ar Raqqah", "Aleppo", "Idlib", "Edlib", "Mosul", "Deir Ezzor", "Deir ez-Zor", "Palmyra",
          "Tadmur", "Kobane", "Kobani", "Manbij", "Menbij", "Homs", "Hama", "Daraa", "Douma", "Afrin", "Jarablus",
          "Tabqa", "Fallujah", "Ramadi", "Tikrit", "Kirkuk", "Tal Afar", "Mayadeen", "al-Mayadin", "Albu Kamal",
          "Khan Sheikhoun", "Azaz", "Qamishli", "Hasakeh", "Sinjar", "Baiji", "Hawija", "Latakia"]
PROVINCES = ["Deir Ezzor province", "Idlib province", "Raqa province", "Aleppo province", "Nineveh province",
             "Anbar province", "Homs province", "Hama province", "Daraa province"]
DATELINES = ["BEIRUT", "DAMASCUS, Syria", "BAGHDAD", "ERBIL, Iraq", "AMMAN", "ISTANBUL", "MOSCOW", "GENEVA", ""]
FILLER = [
    "The claim could not be independently verified.",
    "Residents said the fighting had forced hundreds of families to flee overnight.",
    "A monitor said at least {n} fighters had been killed in the past 24 hours.",
    "Aid groups warned that food and medicine were running short in the area.",
    "Officials said reinforcements had been sent to the front.",
    "The offensive began weeks ago after talks on a local truce collapsed.",
    "State media broadcast footage of troops raising a flag over a government building.",
]
FURNITURE = ["Share on Facebook", "Advertisement", "Read more: Timeline of the war", "Comments (0)",
             "Sign up for our newsletter", "Related coverage"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def _date_phrase(rng: random.Random, day: dt.date) -> tuple[str, str]:
    """(phrase for the lead, optional header line)."""
    weekday, month = WEEKDAYS[day.weekday()], MONTHS[day.month - 1]
    form = rng.randrange(5)
    if form == 0:
        return f"on {weekday}, {month} {day.day}, {day.year}", ""
    if form == 1:
        return f"on {day.day} {month} {day.year}", ""
    if form == 2:
        return f"on {month[:3]}. {day.day}, {day.year}", ""
    if form == 3:
        return f"on {weekday}", f"Published: {day.isoformat()}\n\n"
    return f"{weekday}, {month} {day.day}", f"Published: {day.isoformat()}\n\n"


def seed_text(rng: random.Random, registries: Registries, number: int) -> str:
    actors = [f for f in registries.factions.actors if f.aliases]
    first, second = rng.sample(actors, 2)
    alias_a = rng.choice([first.name, *first.aliases])
    alias_b = rng.choice([second.name, *second.aliases])
    city, other = rng.sample(CITIES, 2)
    day = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(2900))
    phrase, header = _date_phrase(rng, day)
    outlet, short = rng.choice(OUTLETS)
    place = rng.choice(DATELINES)
    dateline = f"{place} ({short}) - " if place else ""
    verb = rng.choice(VERBS)
    paragraphs = [f"{dateline}{alias_a} {verb} positions held by {alias_b} in {city} {phrase}, "
                  f"a spokesman said."]
    if rng.random() < 0.4:
        paragraphs.append(f"Fighting also spread to {rng.choice(PROVINCES)} and the outskirts of {other}.")
    if rng.random() < 0.3:
        paragraphs.append(f"{alias_b} had seized {city} in {rng.choice(MONTHS)} {day.year - 1}.")
    for _ in range(rng.randint(2, 12)):
        paragraphs.append(rng.choice(FILLER).format(n=rng.randint(3, 90)))
    if rng.random() < 0.5:
        paragraphs.insert(rng.randint(1, len(paragraphs)), rng.choice(FURNITURE))
    title = f"{alias_a} {verb} {city} positions ({number})"
    return f"{header}{title}\n\n{outlet}\n\n" + "\n\n".join(paragraphs) + "\n"


def generate(folder: Path, count: int, registries: Registries, seed: int = 2017) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"bench-{number:05d}.txt"
        path.write_text(seed_text(rng, registries, number), encoding="utf-8")
        paths.append(path)
    return paths
