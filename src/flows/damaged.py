"""损毁换证 — replacement of a damaged, unreadable card (Art. 66(1)(2); elsewhere Art. 70).

After the record: the declaration that the card is damaged, which says what happens to the old card
(handed in and destroyed). A licence issued elsewhere adds the transfer-in declarations of Art. 64.
"""

from __future__ import annotations

from flows.service import RESIDENCE, SELF_DECLARATION, Step, elsewhere, service_flow

DamagedFlow = service_flow("DamagedFlow", "damaged", (
    Step("damage_declaration", declares=True),
    *elsewhere(RESIDENCE, SELF_DECLARATION),
), __doc__)
