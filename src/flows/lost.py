"""遗失补证 — reissue of a lost card (Art. 69): not while held by the police; the old card becomes void."""

from __future__ import annotations

from flows.service import ServiceFlow


class LostFlow(ServiceFlow):
    service = "lost"
