"""A small declarative checker for JSON documents: every problem is collected with its key path.

A checker is `check(value, path, problems) -> converted value`; it appends a message to
`problems` instead of raising, so one pass reports everything that is wrong (as Art. 3 asks
of the office, we ask of scenario authors).
"""

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from backend_stub.dates import parse_iso_date

Problems = list[str]
Check = Callable[[Any, str, Problems], Any]

# Dates outside this range are typos, and keep the +10-year arithmetic clear of date.max.
EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)
MAX_COUNT = 10_000


@dataclass(frozen=True)
class Field:
    check: Check
    required: bool = True
    default: Any = None


def optional(check: Check, default: Any = None) -> Field:
    """A key that may be absent or null."""
    return Field(nullable(check), required=False, default=default)


def where(path: str) -> str:
    return path or "(top level)"


def key_path(path: str, key: str) -> str:
    shown = key if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,39}", key) else json.dumps(key[:40])
    return f"{path}.{shown}" if path else shown


def json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def wrong_type(value: Any, path: str, expected: str, problems: Problems) -> None:
    problems.append(f"{where(path)}: expected {expected}, got {json_type(value)}")


def check_object(value: Any, path: str, spec: dict[str, Field], problems: Problems) -> dict[str, Any] | None:
    """Check an object against `spec`: unknown keys, missing keys and each value."""
    if not isinstance(value, dict):
        wrong_type(value, path, "an object", problems)
        return None
    for key in value:
        if key not in spec:
            problems.append(f"{key_path(path, str(key))}: unknown key")
    return {name: _check_key(value, path, name, field, problems) for name, field in spec.items()}


def _check_key(value: dict[str, Any], path: str, name: str, field: Field, problems: Problems) -> Any:
    at = key_path(path, name)
    if name in value:
        return field.check(value[name], at, problems)
    if field.required:
        problems.append(f"{at}: missing required key")
    return field.default


def obj(spec: dict[str, Field], build: Callable[..., Any] | None = None) -> Check:
    """An object checker; `build(**values)` runs only when the object itself had no problems."""

    def check(value: Any, path: str, problems: Problems) -> Any:
        before = len(problems)
        values = check_object(value, path, spec, problems)
        if values is None or len(problems) > before or build is None:
            return values
        return build(**values)

    return check


def nullable(check: Check) -> Check:
    def check_nullable(value: Any, path: str, problems: Problems) -> Any:
        return None if value is None else check(value, path, problems)

    return check_nullable


def list_of(item: Check, max_items: int, *, non_empty: bool = False) -> Check:
    def check(value: Any, path: str, problems: Problems) -> list[Any] | None:
        if not isinstance(value, list):
            wrong_type(value, path, "an array", problems)
            return None
        least = 1 if non_empty else 0
        if not least <= len(value) <= max_items:
            problems.append(f"{where(path)}: expected {least} to {max_items} items, got {len(value)}")
            return None
        return [item(element, f"{path}[{index}]", problems) for index, element in enumerate(value)]

    return check


def text(max_len: int, pattern: str | None = None, label: str | None = None) -> Check:
    """A non-empty string of at most `max_len` characters, optionally matching `pattern`."""
    compiled = re.compile(pattern) if pattern else None

    def check(value: Any, path: str, problems: Problems) -> str | None:
        if not isinstance(value, str):
            wrong_type(value, path, "a string", problems)
            return None
        if not 0 < len(value) <= max_len:
            problems.append(f"{where(path)}: expected 1 to {max_len} characters, got {len(value)}")
        elif compiled and not compiled.fullmatch(value):
            problems.append(f"{where(path)}: expected {label or pattern}, got {json.dumps(value[:40])}")
        else:
            return value
        return None

    return check


def choice(options: Iterable[str]) -> Check:
    allowed = tuple(options)

    def check(value: Any, path: str, problems: Problems) -> str | None:
        if isinstance(value, str) and value in allowed:
            return value
        shown = json.dumps(value[:40]) if isinstance(value, str) else json_type(value)
        problems.append(f"{where(path)}: expected one of {', '.join(allowed)}, got {shown}")
        return None

    return check


def iso_date(value: Any, path: str, problems: Problems) -> date | None:
    if not isinstance(value, str):
        wrong_type(value, path, "a date string YYYY-MM-DD", problems)
        return None
    try:
        day = parse_iso_date(value)
    except ValueError:
        problems.append(f"{where(path)}: expected a date YYYY-MM-DD, got {json.dumps(value[:40])}")
        return None
    if not EARLIEST <= day <= LATEST:
        problems.append(f"{where(path)}: date out of range {EARLIEST} to {LATEST}")
        return None
    return day


def count(value: Any, path: str, problems: Problems) -> int | None:
    # bool is an int subclass in Python, but `true` is not a count in JSON.
    if isinstance(value, bool) or not isinstance(value, int):
        wrong_type(value, path, "a whole number", problems)
        return None
    if not 0 <= value <= MAX_COUNT:
        # Never format the value: str() of a huge int raises ValueError.
        problems.append(f"{where(path)}: expected a whole number from 0 to {MAX_COUNT}")
        return None
    return value


def flag(value: Any, path: str, problems: Problems) -> bool | None:
    if not isinstance(value, bool):
        wrong_type(value, path, "true or false", problems)
        return None
    return value
