"""期满换证 — expiry renewal (Art. 63; next term Art. 62; age downgrades Art. 65; elsewhere Art. 70).

After the record: the networked physical-condition certificate, then the new term with any class change
and the late-renewal rules. A licence issued elsewhere adds the residence declaration and the old
licence handed in (the certificate already covers the physical condition).
"""

from __future__ import annotations

from flows.service import HAND_IN, RESIDENCE, Step, elsewhere, service_flow

RenewalFlow = service_flow("RenewalFlow", "renewal", (
    Step("certificate"),
    Step("new_term"),
    *elsewhere(RESIDENCE, HAND_IN),
), __doc__)
