"""Everything the stub receives, in one SQLite database: applications, photos, payments, heartbeats,
assistance requests."""

from backend_stub.assistance_store import AssistanceStore
from backend_stub.database import SharedDb
from backend_stub.heartbeat_store import HeartbeatStore
from backend_stub.payment_store import PaymentStore
from backend_stub.store import ApplicationStore


class Records:
    def __init__(self, db_path: str | None = None) -> None:
        self._shared = SharedDb(db_path)
        self.applications = ApplicationStore(shared=self._shared)
        self.photos = self.applications.photos
        self.payments = PaymentStore(self._shared)
        self.heartbeats = HeartbeatStore(self._shared)
        self.assistance = AssistanceStore(self._shared)

    def reset(self) -> dict[str, int]:
        """Drop everything received; the counts of what was dropped, by kind."""
        with self._shared.locked():
            return {
                "applications": self.applications.reset(),
                "photos": self.photos.reset(),
                "payments": self.payments.reset(),
                "heartbeats": self.heartbeats.reset(),
                "assistance": self.assistance.reset(),
            }

    def close(self) -> None:
        self._shared.close()
