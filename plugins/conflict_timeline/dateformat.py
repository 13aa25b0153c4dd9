"""An entry's date as pages and exports show it, at its precision: never a made-up day for a coarse date."""

from __future__ import annotations

import datetime as dt

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")


def display_date(value: dt.date, precision: str = "day") -> str:
    """'14 October 2017', 'June 2017' or '2014'."""
    if precision == "year":
        return f"{value.year}"
    if precision == "month":
        return f"{MONTH_NAMES[value.month - 1]} {value.year}"
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


def iso_date(value: dt.date, precision: str = "day") -> str:
    """The ``<time datetime>`` value at the entry's precision: 2017-10-14, 2017-06 or 2014."""
    full = f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    return {"year": full[:4], "month": full[:7]}.get(precision, full)
