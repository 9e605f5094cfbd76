"""The stub's clock: its date (which QA may fix with --today) with the real time of day, China time."""

from datetime import date, datetime, timedelta, timezone

CHINA_TIME = timezone(timedelta(hours=8))


def stub_now(today: date) -> datetime:
    """Now on the stub's date: the real time of day, whole seconds, UTC+8."""
    now = datetime.now(CHINA_TIME).time().replace(microsecond=0)
    return datetime.combine(today, now, tzinfo=CHINA_TIME)


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None
