"""Demo and QA: the stub's personas as ID documents for the simulated reader."""

from __future__ import annotations

from datetime import date
from typing import Any

import requests

from drivers.card.base import DocumentData
from drivers.card.simulated import SimulatedReader
from kiosk.errors import UsageError


def document_from_persona(persona: dict[str, Any]) -> DocumentData:
    """The ID document a persona carries, as a chip would give it (it may disagree with the record)."""
    holder, document = persona["holder"], persona["document"]
    birth_date = document.get("birth_date") or holder["birth_date"]
    return DocumentData(
        kind=document.get("kind", "TD1"), number=document["number"],
        expiry_date=date.fromisoformat(document["expiry_date"]),
        surname=holder.get("surname_latin", ""), given_names=holder.get("given_names_latin", ""),
        birth_date=date.fromisoformat(birth_date), sex=holder.get("sex", ""),
        nationality=holder.get("nationality", ""), full_name=document.get("name") or holder.get("name"),
        personal_number=holder.get("id_number"))


class StubDemoTray:
    """The stub's personas, fetched once at start (never from the GUI thread), placed on the reader."""

    def __init__(self, reader: SimulatedReader, documents: dict[str, tuple[str, DocumentData]]) -> None:
        self._reader, self._documents = reader, documents

    @classmethod
    def load(cls, stub_url: str, reader: SimulatedReader, only: str | None = None) -> StubDemoTray:
        """Fetch every persona (or just `only`); UsageError names an unknown persona."""
        base = stub_url.rstrip("/")
        ids = [only] if only else [p["id"] for p in _get(f"{base}/_stub/personas")]
        documents = {}
        for persona_id in ids:
            persona = _get(f"{base}/_stub/personas/{persona_id}")
            if persona is None:
                raise UsageError(f"unknown persona {persona_id!r}: the back office stub has no such id")
            documents[persona_id] = (persona["holder"].get("name", ""), document_from_persona(persona))
        return cls(reader, documents)

    def personas(self) -> list[dict[str, str]]:
        return [{"id": pid, "name": name} for pid, (name, _) in self._documents.items()]

    def place(self, persona_id: str) -> None:
        self._reader.place(self._documents[persona_id][1])


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
