"""Validity terms at renewal (Art. 62) and the dates of the new term."""

from datetime import date, timedelta

from backend_stub.dates import add_years

# A term without a 12-point cycle moves up one step; a cycle that reached 12 keeps it.
_NEXT_TERM = {"6y": "10y", "10y": "long", "long": "long"}
_TERM_YEARS = {"6y": 6, "10y": 10}


def next_term(term: str, twelve_point_cycles: int) -> str:
    return _NEXT_TERM[term] if twelve_point_cycles == 0 else term


def new_validity(old_valid_until: date, term: str) -> tuple[date, date | None]:
    """(valid_from, valid_until) of the new card; practice starts it the day after the old expiry
    (2016-12-31 → 2017-01-01 – 2026-12-31). A long term has no end (None)."""
    years = _TERM_YEARS.get(term)
    end = add_years(old_valid_until, years) if years else None
    return old_valid_until + timedelta(days=1), end
