"""Demo and QA: the stub's personas as ID documents, placed on the reader by a "hand".

With the simulated reader the hand lays the persona's data page on it; with PC/SC (QA) it inserts an
emulated eMRTD chip built from the persona into vpcd (`kiosk/emulated_hand.py`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Protocol

import requests

from drivers.card.base import DocumentData
from drivers.card.simulated import SimulatedReader
from kiosk.errors import UsageError

Persona = dict[str, Any]


def document_from_persona(persona: Persona) -> DocumentData:
    """The ID document a persona carries, as a chip would give it (it may disagree with the record)."""
    holder, document = persona["holder"], persona["document"]
    birth_date = document.get("birth_date") or holder["birth_date"]
    return DocumentData(
        kind=document.get("kind", "TD1"), number=document["number"],
        expiry_date=date.fromisoformat(document["expiry_date"]),
        surname=holder.get("surname_latin", ""), given_names=holder.get("given_names_latin", ""),
        birth_date=date.fromisoformat(birth_date), sex=holder.get("sex", ""),
        nationality=holder.get("nationality", ""), full_name=document.get("name") or holder.get("name"),
        personal_number=holder.get("id_number"), address=holder.get("address"))


def access_data(persona: Persona) -> tuple[str, str, str]:
    """What the citizen would read off the card to open its chip: document number, birth, expiry (YYMMDD)."""
    document = persona["document"]
    birth = date.fromisoformat(document.get("birth_date") or persona["holder"]["birth_date"])
    expiry = date.fromisoformat(document["expiry_date"])
    return document["number"], f"{birth:%y%m%d}", f"{expiry:%y%m%d}"


def portrait_of(persona: Persona) -> bytes | None:
    """The persona's document photo (the stub serves its path, resolved on this machine), if readable."""
    path = persona["document"].get("portrait")
    if not path:
        return None
    try:
        return Path(path).read_bytes()
    except OSError:
        return None


class Hand(Protocol):
    """Puts a persona's ID document on the reader, and takes it away."""

    def place(self, persona: Persona) -> None: ...

    def remove(self) -> None: ...


class SimulatedHand:
    """Lays the persona's data page on the simulated reader."""

    def __init__(self, reader: SimulatedReader) -> None:
        self._reader = reader

    def place(self, persona: Persona) -> None:
        self._reader.place(document_from_persona(persona), portrait_of(persona))

    def remove(self) -> None:
        self._reader.remove()


class StubDemoTray:
    """The stub's personas, fetched once at start (never from the GUI thread), placed by `hand`."""

    def __init__(self, personas: dict[str, Persona], hand: Hand) -> None:
        self._personas, self._hand = personas, hand

    @classmethod
    def load(cls, stub_url: str, hand: Hand, only: str | None = None) -> StubDemoTray:
        """Fetch every persona (or just `only`); UsageError names an unknown persona."""
        base = stub_url.rstrip("/")
        ids = [only] if only else [p["id"] for p in _get(f"{base}/_stub/personas")]
        personas = {}
        for persona_id in ids:
            persona = _get(f"{base}/_stub/personas/{persona_id}")
            if persona is None:
                raise UsageError(f"unknown persona {persona_id!r}: the back office stub has no such id")
            personas[persona_id] = persona
        return cls(personas, hand)

    def personas(self) -> list[dict[str, str]]:
        return [{"id": pid, "name": p["holder"].get("name", "")} for pid, p in self._personas.items()]

    def persona(self, persona_id: str) -> Persona:
        return self._personas[persona_id]

    @property
    def hand(self) -> Hand:
        """What lays the cards down (tests set the emulated chips' fault modes on it)."""
        return self._hand

    def place(self, persona_id: str) -> None:
        self._hand.place(self._personas[persona_id])

    def take_away(self) -> None:
        """The citizen takes their card: in QA, after every session."""
        self._hand.remove()


def _get(url: str) -> Any:
    try:
        response = requests.get(url, timeout=10)
    except requests.RequestException as error:
        raise UsageError(f"cannot reach the back office stub at {url}: {type(error).__name__}") from None
    if response.status_code == 404:
        return None
    if not response.ok:
        raise UsageError(f"the back office stub answered {response.status_code} for {url}")
    return response.json()
