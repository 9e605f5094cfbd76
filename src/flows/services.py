"""The services the kiosk offers, by their public names (DESIGN.md §4.1), in menu order.

Flows are imported when first chosen, so the kiosk paints its first screen without them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flows.service import ServiceFlow

FLOWS: dict[str, str] = {
    "renewal": "flows.renewal:RenewalFlow",
    "damaged": "flows.damaged:DamagedFlow",
    "transfer-in": "flows.transfer_in:TransferInFlow",
    "lost": "flows.lost:LostFlow",
}


def create_flow(service: str) -> ServiceFlow:
    """A fresh flow with a fresh session for `service`; KeyError names an unknown service."""
    module, name = FLOWS[service].split(":")
    flow_class: type[ServiceFlow] = getattr(import_module(module), name)
    return flow_class()
