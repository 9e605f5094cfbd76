"""The heartbeat report: who this kiosk is, how its devices are, how full its outbox is (DOMAIN.md §12.4)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.store.outbox import OutboxStats  # sqlite-utils: not on the start-up path


def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # 20 ms: only when first needed
    try:
        return version("licence-kiosk")
    except PackageNotFoundError:
        return "0+unknown"


def heartbeat_report(kiosk_id: str, devices: dict[str, str], stats: OutboxStats,
                     now: datetime | None = None) -> dict[str, Any]:
    """No personal data: only states and counts."""
    sent_at = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    return {"kiosk_id": kiosk_id, "sent_at": sent_at, "version": app_version(),
            "devices": {name: {"state": state, "detail": None} for name, state in devices.items()},
            "outbox": {"depth": stats.depth, "oldest_age_s": stats.oldest_age_s, "rejected": stats.rejected}}
