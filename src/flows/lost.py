"""遗失补证 — reissue of a lost card (Art. 69; the old card becomes void, Art. 98; elsewhere Art. 70).

After the record: the loss declaration with the warning that the old card is void from now on (a
suspended or seized licence is refused before this, Art. 69 ¶3). A licence issued elsewhere adds the
transfer-in declarations of Art. 64.
"""

from __future__ import annotations

from flows.service import RESIDENCE, SELF_DECLARATION, Step, elsewhere, service_flow

LostFlow = service_flow("LostFlow", "lost", (
    Step("loss_declaration", declares=True),
    *elsewhere(RESIDENCE, SELF_DECLARATION),
), __doc__)
