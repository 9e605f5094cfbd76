"""The stub's records: one persona = holder + ID document + licence + medical certificate."""

from dataclasses import dataclass, fields, is_dataclass
from datetime import date


@dataclass(frozen=True)
class Holder:
    id_number: str
    name: str
    sex: str
    birth_date: date
    surname_latin: str | None = None
    given_names_latin: str | None = None
    nationality: str = "CHN"
    address: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Document:
    """The ID document the citizen presents. `name`/`birth_date` differ from the holder's only
    when a scenario wants the card to disagree with the record (IDENTITY_MISMATCH)."""

    kind: str
    number: str
    name: str
    birth_date: date
    expiry_date: date | None = None
    can: str | None = None
    portrait: str | None = None  # absolute path, resolved against the scenario file


@dataclass(frozen=True)
class Licence:
    number: str
    classes: tuple[str, ...]
    issuing_office: str
    valid_from: date
    valid_until: date
    term: str
    status: str
    first_issued: date | None = None
    twelve_point_cycles: int = 0
    unhandled_violations: int = 0
    unhandled_accidents: int = 0
    study_required: bool = False
    reissues_last_year: int = 0


@dataclass(frozen=True)
class MedicalCertificate:
    issued: date
    fit: bool


@dataclass(frozen=True)
class Persona:
    id: str
    holder: Holder
    document: Document
    licence: Licence | None
    medical_certificate: MedicalCertificate | None
    payment: str = "pays"  # what the citizen does with a fee payment: pays | declines | never


@dataclass(frozen=True)
class Scenario:
    """What one or more scenario files add up to."""

    today: date | None
    personas: dict[str, Persona]


def to_json(record: object) -> dict[str, object]:
    """A record as JSON-ready data: dates as ISO strings, tuples as lists."""
    return {f.name: _plain(getattr(record, f.name)) for f in fields(record)}  # type: ignore[arg-type]


def _plain(value: object) -> object:
    if is_dataclass(value):
        return to_json(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value
