"""Age-forced class changes at renewal (Art. 65; 63 for 大中型客货车 after 令第172号)."""

from collections.abc import Iterable

from backend_stub.domain import CLASS_ORDER

# (minimum age, {class: what replaces it}); applied in order, so an A2 holder of 70+ ends with C1 only.
AGE_STEPS: tuple[tuple[int, dict[str, tuple[str, ...]]], ...] = (
    (60, {"M": (), "N": (), "P": ()}),
    (63, {"A1": ("C1",), "A2": ("C1", "C6"), "A3": ("C1",), "B1": ("C1",), "B2": ("C1",)}),
    (70, {"C3": (), "C4": (), "C6": ("C1",), "D": ("F",), "E": ("F",)}),
)


def classes_at_age(classes: Iterable[str], age: int) -> tuple[str, ...]:
    """The classes a holder of `age` may keep, in the regulation's order, each once."""
    held = list(classes)
    for min_age, changes in AGE_STEPS:
        if age >= min_age:
            held = [new for old in held for new in changes.get(old, (old,))]
    return tuple(code for code in CLASS_ORDER if code in held)
