"""From what a reader read to who the flows think the citizen is."""

from __future__ import annotations

from drivers.card.base import DocumentData
from flows.session import Identity


def identity_from_document(document: DocumentData) -> Identity:
    """The citizen's identity as the back office expects it (Chinese name where the chip has one)."""
    latin = f"{document.surname} {document.given_names}".strip()
    return Identity(
        id_number=document.personal_number, document_number=document.number,
        name=document.full_name or latin, birth_date=document.birth_date, sex=document.sex,
        nationality=document.nationality, document_kind=document.kind)
