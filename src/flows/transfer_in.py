"""转入换证 — transfer-in of a licence issued by another office (Art. 64; old card collected, Art. 68).

After the record (which names the issuing office): the residence declaration, the self-declared
physical condition (a condition that does not meet Art. 14/15 sends the citizen to a staffed window)
and the old licence handed in.
"""

from __future__ import annotations

from flows.service import HAND_IN, RESIDENCE, SELF_DECLARATION, service_flow

TransferInFlow = service_flow("TransferInFlow", "transfer-in",
                              (RESIDENCE, SELF_DECLARATION, HAND_IN), __doc__)
