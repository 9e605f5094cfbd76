"""Finding a persona from what the kiosk read, and telling whether the card matches the record."""

from collections.abc import Mapping

from backend_stub.model import Holder, Persona


def find_persona(
    personas: Mapping[str, Persona], id_number: str | None, document_number: str | None
) -> Persona | None:
    """By ID number first, else by the ID document's number."""
    by_id = [p for p in personas.values() if id_number and p.holder.id_number == id_number]
    by_document = [p for p in personas.values() if document_number and p.document.number == document_number]
    found = by_id or by_document
    return found[0] if found else None


def normalise_name(name: str) -> str:
    # MRZ names use '<' as the separator; compare case- and spacing-blind.
    return " ".join(name.replace("<", " ").upper().split())


def name_forms(holder: Holder) -> set[str]:
    """The Chinese name plus the Latin spellings a card may carry (surname first or last)."""
    forms = {holder.name}
    if holder.surname_latin and holder.given_names_latin:
        surname, given = holder.surname_latin, holder.given_names_latin
        forms |= {f"{surname} {given}", f"{given} {surname}", f"{surname}{given}"}
    return {normalise_name(form) for form in forms}


def matches_record(holder: Holder, name: str | None, birth_date: str | None) -> bool:
    """True unless a presented name or birth date differs from the record (absent = not compared)."""
    name_ok = name is None or normalise_name(name) in name_forms(holder)
    birth_ok = birth_date is None or birth_date == holder.birth_date.isoformat()
    return name_ok and birth_ok
