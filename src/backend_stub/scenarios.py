"""Scenario files (DESIGN.md §4.2): load, validate, merge into personas.

Anything wrong in a file ends in one ScenarioError that names the file and every bad key path,
e.g. `demo.json: personas[2].licence.colour: unknown key`.
"""

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from backend_stub.domain import CLASS_ORDER, STATUS_LETTERS, TERMS
from backend_stub.model import Document, Holder, Licence, MedicalCertificate, Persona, Scenario
from backend_stub.payments import BEHAVIOURS, DEFAULT_BEHAVIOUR
from backend_stub.schema import (
    Field,
    Problems,
    check_object,
    choice,
    count,
    flag,
    iso_date,
    list_of,
    nullable,
    obj,
    optional,
    text,
)

MAX_PERSONAS = 10_000
MAX_PROBLEMS_SHOWN = 10


class ScenarioError(Exception):
    """A scenario document that cannot be used; the message is meant for people."""


def _tupled(**values: Any) -> Licence:
    return Licence(**{**values, "classes": tuple(values["classes"])})


def _status(value: Any, path: str, problems: Problems) -> str | None:
    letters = text(len(STATUS_LETTERS), r"[A-Z]+", "status letters")(value, path, problems)
    unknown = sorted(set(letters or "") - STATUS_LETTERS)
    if unknown:
        problems.append(f"{path}: unknown status letter(s) {''.join(unknown)} (DOMAIN.md §8)")
        return None
    return letters


def _classes(value: Any, path: str, problems: Problems) -> list[str] | None:
    classes = list_of(choice(CLASS_ORDER), len(CLASS_ORDER), non_empty=True)(value, path, problems)
    if classes and len(set(classes)) != len(classes):
        problems.append(f"{path}: a class is listed twice")
    return classes


_OFFICE = text(6, r"[0-9]{6}", "a 6-digit office code")

HOLDER = {
    "id_number": Field(text(32)),
    "name": Field(text(64)),
    "surname_latin": optional(text(64)),
    "given_names_latin": optional(text(64)),
    "sex": Field(choice(("M", "F", "X"))),
    "birth_date": Field(iso_date),
    "nationality": Field(text(3, r"[A-Z]{3}", "a 3-letter country code"), required=False, default="CHN"),
    "address": optional(text(200)),
    "phone": optional(text(32)),
}

# `name` and `birth_date` default to the holder's: set them only to make the card disagree.
DOCUMENT = {
    "kind": Field(choice(("TD1", "TD2", "TD3"))),
    "number": Field(text(16)),
    "name": optional(text(64)),
    "birth_date": optional(iso_date),
    "expiry_date": optional(iso_date),
    "can": optional(text(6, r"[0-9]{6}", "6 digits")),
    "portrait": optional(text(1024, r"[^\x00]+", "a path")),
}

LICENCE = {
    "number": Field(text(32)),
    "classes": Field(_classes),
    "issuing_office": Field(_OFFICE),
    "first_issued": optional(iso_date),
    "valid_from": Field(iso_date),
    "valid_until": Field(iso_date),
    "term": Field(choice(TERMS)),
    "status": Field(_status),
    "twelve_point_cycles": Field(count, required=False, default=0),
    "unhandled_violations": Field(count, required=False, default=0),
    "unhandled_accidents": Field(count, required=False, default=0),
    "study_required": Field(flag, required=False, default=False),
    "reissues_last_year": Field(count, required=False, default=0),
}

MEDICAL_CERTIFICATE = {"issued": Field(iso_date), "fit": Field(flag)}

PERSONA = {
    "id": Field(text(64, r"[A-Za-z0-9][A-Za-z0-9._-]*", "letters, digits, '.', '_' or '-'")),
    "holder": Field(obj(HOLDER, Holder)),
    "document": Field(obj(DOCUMENT)),
    "licence": Field(nullable(obj(LICENCE, _tupled))),
    "medical_certificate": Field(nullable(obj(MEDICAL_CERTIFICATE, MedicalCertificate))),
    "payment": Field(choice(BEHAVIOURS), required=False, default=DEFAULT_BEHAVIOUR),
}

TOP = {
    "today": optional(iso_date),
    "personas": Field(list_of(obj(PERSONA), MAX_PERSONAS)),
}


def load_scenarios(paths: Iterable[Path]) -> Scenario:
    """Load files in order and merge them: a later persona id replaces an earlier one."""
    merged = Scenario(today=None, personas={})
    for path in paths:
        merged = merge(merged, load_scenario_file(path))
    return merged


def merge(base: Scenario, extra: Scenario) -> Scenario:
    return Scenario(today=extra.today or base.today, personas={**base.personas, **extra.personas})


def load_scenario_file(path: Path) -> Scenario:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ScenarioError(f"{path}: not UTF-8 text") from None
    except (ValueError, RecursionError) as exc:
        # ValueError covers JSONDecodeError and integers too long to convert.
        raise ScenarioError(f"{path}: not valid JSON: {exc}") from None
    return parse_scenario(document, path.parent, str(path))


def parse_scenario(document: Any, base_dir: Path, source: str) -> Scenario:
    """Validate a decoded scenario document; portraits resolve against `base_dir`."""
    problems: Problems = []
    values = check_object(document, "", TOP, problems)
    if values is not None and values["personas"]:
        _check_unique_ids(values["personas"], problems)
    if problems or values is None:
        raise ScenarioError(_summary(source, problems))
    personas = [_persona(item, base_dir) for item in values["personas"]]
    return Scenario(today=values["today"], personas={persona.id: persona for persona in personas})


def _check_unique_ids(personas: list[dict[str, Any] | None], problems: Problems) -> None:
    seen: set[str] = set()
    for index, persona in enumerate(personas):
        persona_id = (persona or {}).get("id")
        if persona_id in seen:
            problems.append(f"personas[{index}].id: duplicate id {json.dumps(persona_id)}")
        if persona_id:
            seen.add(persona_id)


def _summary(source: str, problems: Problems) -> str:
    shown = "; ".join(problems[:MAX_PROBLEMS_SHOWN])
    more = len(problems) - MAX_PROBLEMS_SHOWN
    return f"{source}: {shown}" + (f" (and {more} more)" if more > 0 else "")


def _persona(values: dict[str, Any], base_dir: Path) -> Persona:
    holder: Holder = values["holder"]
    return Persona(
        id=values["id"],
        holder=holder,
        document=_document(values["document"], holder, base_dir),
        licence=values["licence"],
        medical_certificate=values["medical_certificate"],
        payment=values["payment"],
    )


def _document(values: dict[str, Any], holder: Holder, base_dir: Path) -> Document:
    return Document(
        **{
            **values,
            "name": values["name"] or holder.name,
            "birth_date": values["birth_date"] or holder.birth_date,
            "portrait": _resolve(values["portrait"], base_dir),
        }
    )


def _resolve(portrait: str | None, base_dir: Path) -> str | None:
    # Pure string work: existence is checked by whoever reads the picture, not here.
    if portrait is None:
        return None
    return os.path.normpath(os.path.join(os.path.abspath(base_dir), portrait))
