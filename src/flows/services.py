"""The services the kiosk offers, by their public names (DESIGN.md §4.1)."""

from __future__ import annotations

from flows.renewal import RenewalFlow

FLOWS: dict[str, type[RenewalFlow]] = {"renewal": RenewalFlow}


def create_flow(service: str) -> RenewalFlow:
    """A fresh flow with a fresh session for `service`; KeyError names an unknown service."""
    return FLOWS[service]()
