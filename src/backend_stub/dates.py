"""Calendar arithmetic the rules need: strict ISO dates, whole years and months, age."""

import calendar
import re
from datetime import date

# date.fromisoformat also accepts "20261126" and week dates; the contract is YYYY-MM-DD only.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_iso_date(text: str) -> date:
    """Parse exactly YYYY-MM-DD; raise ValueError for anything else."""
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(f"not an ISO date (YYYY-MM-DD): {text[:40]!r}")
    return date.fromisoformat(text)


def add_months(day: date, months: int) -> date:
    """Shift by whole months; a day past the month's end falls back to its last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_years(day: date, years: int) -> date:
    """Shift by whole years (29 February becomes 28 February in common years)."""
    return add_months(day, 12 * years)


def age_on(birth: date, today: date) -> int:
    """Completed years of life on `today`."""
    before_birthday = (today.month, today.day) < (birth.month, birth.day)
    return today.year - birth.year - int(before_birthday)
