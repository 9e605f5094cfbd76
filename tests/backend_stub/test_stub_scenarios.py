"""Scenario files: the shipped demo, every kind of mistake named by its key path, merging, fuzzing."""

import copy
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend_stub.app import DATA_DIR
from backend_stub.scenarios import ScenarioError, load_scenario_file, load_scenarios, parse_scenario

DEMO = DATA_DIR / "demo.json"


def minimal_persona(persona_id: str = "p1") -> dict[str, Any]:
    return {
        "id": persona_id,
        "holder": {
            "id_number": "371502198503120030",
            "name": "王建国",
            "sex": "M",
            "birth_date": "1985-03-12",
        },
        "document": {"kind": "TD1", "number": "E12345678", "portrait": "faces/a.jpg"},
        "licence": {
            "number": "371502198503120030",
            "classes": ["C1"],
            "issuing_office": "371500",
            "valid_from": "2017-01-30",
            "valid_until": "2027-01-30",
            "term": "10y",
            "status": "A",
        },
        "medical_certificate": {"issued": "2026-11-01", "fit": True},
    }


def problem(document: Any) -> str:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(document, Path("/scenarios"), "test.json")
    return str(caught.value)


def with_change(path: str, value: Any) -> dict[str, Any]:
    """A one-persona document with `value` set at a dotted path inside the persona."""
    persona = minimal_persona()
    *parents, last = path.split(".")
    target = persona
    for key in parents:
        target = target[key]
    target[last] = value
    return {"personas": [persona]}


def test_the_shipped_demo_loads() -> None:
    scenario = load_scenario_file(DEMO)
    assert scenario.today == date(2026, 11, 26)
    assert len(scenario.personas) >= 30
    portrait = scenario.personas["renewal-ok"].document.portrait
    assert portrait == os.path.join(str(DATA_DIR), "faces", "demo-face.jpg")


def test_a_minimal_persona_gets_defaults() -> None:
    persona = parse_scenario({"personas": [minimal_persona()]}, Path("/scenarios"), "t").personas["p1"]
    assert persona.holder.nationality == "CHN"
    assert (persona.licence.twelve_point_cycles, persona.licence.study_required) == (0, False)
    assert persona.licence.classes == ("C1",)
    assert (persona.document.name, persona.document.birth_date) == ("王建国", date(1985, 3, 12))
    assert persona.document.portrait == "/scenarios/faces/a.jpg"


@pytest.mark.parametrize(
    ("value", "expected"), [(None, "pays"), ("declines", "declines"), ("never", "never")]
)
def test_the_payment_script_is_optional(value: str | None, expected: str) -> None:
    document = with_change("payment", value) if value else {"personas": [minimal_persona()]}
    assert parse_scenario(document, Path("/s"), "t").personas["p1"].payment == expected


def test_the_card_may_disagree_with_the_record() -> None:
    document = with_change("document.birth_date", "1985-03-21")
    persona = parse_scenario(document, Path("/s"), "t").personas["p1"]
    assert persona.document.birth_date == date(1985, 3, 21)
    assert persona.holder.birth_date == date(1985, 3, 12)


def test_no_licence_and_no_certificate_are_allowed() -> None:
    document = with_change("licence", None)
    document["personas"][0]["medical_certificate"] = None
    persona = parse_scenario(document, Path("/s"), "t").personas["p1"]
    assert (persona.licence, persona.medical_certificate) == (None, None)


def test_unknown_key_is_named_with_its_full_path() -> None:
    document = {
        "personas": [
            minimal_persona("a"),
            minimal_persona("b"),
            with_change("licence.colour", "red")["personas"][0],
        ]
    }
    document["personas"][2]["id"] = "c"
    assert problem(document) == "test.json: personas[2].licence.colour: unknown key"


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("holder.birth_date", "1985-3-12", "personas[0].holder.birth_date: expected a date YYYY-MM-DD"),
        ("holder.birth_date", "19850312", "personas[0].holder.birth_date: expected a date YYYY-MM-DD"),
        ("holder.birth_date", "1985-02-30", "personas[0].holder.birth_date: expected a date YYYY-MM-DD"),
        ("holder.birth_date", "0001-01-01", "personas[0].holder.birth_date: date out of range"),
        (
            "holder.birth_date",
            19850312,
            "personas[0].holder.birth_date: expected a date string YYYY-MM-DD, got integer",
        ),
        ("holder.name", "", "personas[0].holder.name: expected 1 to 64 characters"),
        ("holder.sex", "male", "personas[0].holder.sex: expected one of M, F, X"),
        ("licence.term", "5y", "personas[0].licence.term: expected one of 6y, 10y, long"),
        ("licence.status", "AO", "personas[0].licence.status: unknown status letter(s) O"),
        ("licence.status", "a", "personas[0].licence.status: expected status letters"),
        ("licence.status", "", "personas[0].licence.status: expected 1 to"),
        ("licence.classes", ["C1", "Z9"], "personas[0].licence.classes[1]: expected one of A1"),
        ("licence.classes", ["C1", "C1"], "personas[0].licence.classes: a class is listed twice"),
        ("licence.classes", [], "personas[0].licence.classes: expected 1 to 17 items"),
        ("licence.classes", "C1", "personas[0].licence.classes: expected an array, got string"),
        (
            "licence.issuing_office",
            "3715",
            "personas[0].licence.issuing_office: expected a 6-digit office code",
        ),
        (
            "licence.twelve_point_cycles",
            -1,
            "personas[0].licence.twelve_point_cycles: expected a whole number",
        ),
        (
            "licence.twelve_point_cycles",
            1.5,
            "personas[0].licence.twelve_point_cycles: expected a whole number",
        ),
        (
            "licence.unhandled_violations",
            True,
            "personas[0].licence.unhandled_violations: expected a whole number",
        ),
        (
            "licence.study_required",
            1,
            "personas[0].licence.study_required: expected true or false, got integer",
        ),
        ("licence", [], "personas[0].licence: expected an object, got array"),
        ("medical_certificate.fit", "yes", "personas[0].medical_certificate.fit: expected true or false"),
        ("document.kind", "ID", "personas[0].document.kind: expected one of TD1, TD2, TD3"),
        ("document.can", "12345", "personas[0].document.can: expected 6 digits"),
        ("id", "has space", "personas[0].id: expected letters, digits"),
        (
            "payment",
            "sometimes",
            'personas[0].payment: expected one of pays, declines, never, got "sometimes"',
        ),
        ("payment", None, "personas[0].payment: expected one of pays, declines, never, got null"),
    ],
)
def test_bad_values_are_named(path: str, value: Any, message: str) -> None:
    assert message in problem(with_change(path, value))


@pytest.mark.parametrize("key", ["id", "holder", "document", "licence", "medical_certificate"])
def test_missing_persona_keys_are_named(key: str) -> None:
    persona = minimal_persona()
    del persona[key]
    assert problem({"personas": [persona]}) == f"test.json: personas[0].{key}: missing required key"


def test_missing_nested_key_is_named() -> None:
    persona = minimal_persona()
    del persona["licence"]["valid_until"]
    assert "personas[0].licence.valid_until: missing required key" in problem({"personas": [persona]})


def test_every_problem_is_reported_at_once() -> None:
    persona = minimal_persona()
    persona["licence"].update(term="9y", status="Q")
    persona["holder"]["colour"] = "blue"
    message = problem({"today": "tomorrow", "personas": [persona]})
    for part in ("today:", "personas[0].holder.colour: unknown key", ".licence.term:", ".licence.status:"):
        assert part in message


def test_a_long_list_of_problems_is_cut() -> None:
    personas = [with_change("licence.colour", 1)["personas"][0] | {"id": f"p{i}"} for i in range(30)]
    assert problem({"personas": personas}).endswith("(and 20 more)")


def test_top_level_shape() -> None:
    assert problem([]) == "test.json: (top level): expected an object, got array"
    assert problem({}) == "test.json: personas: missing required key"
    assert problem({"personas": [], "office": "x"}) == "test.json: office: unknown key"


def test_duplicate_ids_in_one_file() -> None:
    assert problem({"personas": [minimal_persona(), minimal_persona()]}) == (
        'test.json: personas[1].id: duplicate id "p1"'
    )


def test_odd_key_names_are_quoted_and_cut() -> None:
    message = problem({"personas": [], "bad key\n" + "x" * 100: 1})
    assert '"bad key\\n' in message and "\n" not in message and len(message) < 100


def write(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_later_files_replace_earlier_ids_and_today(tmp_path: Path) -> None:
    first = write(
        tmp_path / "a.json",
        {"today": "2026-01-01", "personas": [minimal_persona("p1"), minimal_persona("p2")]},
    )
    changed = minimal_persona("p2")
    changed["holder"]["name"] = "李四"
    (tmp_path / "more").mkdir()
    second = write(tmp_path / "more" / "b.json", {"today": "2026-02-02", "personas": [changed]})
    scenario = load_scenarios([first, second])
    assert scenario.today == date(2026, 2, 2)
    assert sorted(scenario.personas) == ["p1", "p2"]
    assert scenario.personas["p2"].holder.name == "李四"
    assert scenario.personas["p2"].document.portrait == str(tmp_path / "more" / "faces" / "a.jpg")
    assert scenario.personas["p1"].document.portrait == str(tmp_path / "faces" / "a.jpg")


def test_today_is_kept_when_a_later_file_has_none(tmp_path: Path) -> None:
    first = write(tmp_path / "a.json", {"today": "2026-01-01", "personas": []})
    second = write(tmp_path / "b.json", {"personas": []})
    assert load_scenarios([first, second]).today == date(2026, 1, 1)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{", "not valid JSON: Expecting property name"),
        (b"\xff\xfe", "not UTF-8 text"),
        (b"[" * 100_000, "not valid JSON"),
        (b'{"personas": [], "today": ' + b"9" * 5000 + b"}", "not valid JSON"),
    ],
)
def test_unreadable_files_name_the_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    with pytest.raises(ScenarioError, match=message) as caught:
        load_scenario_file(path)
    assert str(caught.value).startswith(f"{path}: ")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="missing.json: cannot read the file"):
        load_scenario_file(tmp_path / "missing.json")


# --- fuzzing: whatever the JSON, the only failure is a ScenarioError ------------------------------

json_leaves = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
json_values = st.recursive(
    json_leaves,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=25,
)
FIELD_PATHS = [
    f"{section}.{key}"
    for section, keys in {
        "holder": ["id_number", "name", "sex", "birth_date", "phone", "extra"],
        "document": ["kind", "number", "name", "birth_date", "portrait", "can", "extra"],
        "licence": [
            "classes",
            "valid_until",
            "term",
            "status",
            "twelve_point_cycles",
            "study_required",
            "extra",
        ],
        "medical_certificate": ["issued", "fit", "extra"],
    }.items()
    for key in keys
] + ["id", "holder", "document", "licence", "medical_certificate"]


def check_only_scenario_errors(document: Any) -> None:
    try:
        scenario = parse_scenario(document, Path("/s"), "fuzz.json")
    except ScenarioError as error:
        assert str(error).startswith("fuzz.json: ")
    else:
        assert all(persona.id for persona in scenario.personas.values())


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_random_json_only_ever_raises_scenario_error(document: Any) -> None:
    check_only_scenario_errors(document)
    check_only_scenario_errors({"personas": [document]})
    check_only_scenario_errors({"personas": document, "today": document})


@settings(max_examples=300)
@given(st.lists(st.tuples(st.sampled_from(FIELD_PATHS), json_values), min_size=1, max_size=4))
def test_near_valid_documents_only_ever_raise_scenario_error(changes: list[tuple[str, Any]]) -> None:
    document = {"personas": [minimal_persona()]}
    for path, value in changes:
        document = copy.deepcopy(document)
        target = document["personas"][0]
        *parents, last = path.split(".")
        for key in parents:
            target = target.get(key) if isinstance(target, dict) else None
        if isinstance(target, dict):
            target[last] = value
    check_only_scenario_errors(document)
