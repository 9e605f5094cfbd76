"""损毁换证 — replacement of a damaged card (Art. 66(1)(2)): ID only, validity unchanged."""

from __future__ import annotations

from flows.service import ServiceFlow


class DamagedFlow(ServiceFlow):
    service = "damaged"
