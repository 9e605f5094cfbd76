"""转入换证 — transfer-in of a licence issued elsewhere (Art. 64, with Art. 72 审验)."""

from __future__ import annotations

from flows.service import ServiceFlow


class TransferInFlow(ServiceFlow):
    service = "transfer-in"
