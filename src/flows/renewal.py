"""期满换证 — expiry renewal (Art. 63; next term Art. 62; age downgrades Art. 65; elsewhere Art. 70)."""

from __future__ import annotations

from flows.service import ServiceFlow


class RenewalFlow(ServiceFlow):
    service = "renewal"
