"""The lock files pin what is installed and so what the bundle ships (requirements.lock: runtime, the
bundle's contents; requirements-test.lock: runtime and test tools). scripts/setup.sh installs them;
`make lock` rewrites them after pyproject.toml changes."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)", re.MULTILINE)


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lock: str) -> dict[str, str]:
    text = (ROOT / lock).read_text(encoding="utf-8")
    return {normalise(name): version for name, version in PIN.findall(text)}


def declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(text) for text in project["dependencies"] + project["optional-dependencies"]["test"]]


def test_every_declared_dependency_is_locked_within_its_range() -> None:
    """A dependency added or narrowed in pyproject.toml without `make lock` fails here."""
    locked = pins("requirements-test.lock")
    wrong = [f"{req}: locked {locked.get(normalise(req.name))}" for req in declared()
             if normalise(req.name) not in locked or locked[normalise(req.name)] not in req.specifier]
    assert wrong == [], "run: make lock"
    runtime = pins("requirements.lock")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert {normalise(Requirement(text).name) for text in project["dependencies"]} <= set(runtime)


def test_the_runtime_pins_are_the_same_in_both_locks() -> None:
    runtime, everything = pins("requirements.lock"), pins("requirements-test.lock")
    assert {name: everything.get(name) for name in runtime} == runtime


def test_every_pin_carries_hashes() -> None:
    """setup.sh installs with --require-hashes: a pin without one would stop it."""
    for lock in ("requirements.lock", "requirements-test.lock"):
        entries = re.split(r"\n(?=[A-Za-z0-9])", (ROOT / lock).read_text(encoding="utf-8"))
        bare = [entry.split()[0] for entry in entries if "==" in entry and "--hash=sha256:" not in entry]
        assert bare == [], lock


def test_the_environment_has_exactly_the_locked_versions() -> None:
    """What the tests (and the bundle built from this environment) run is what the lock says."""
    locked = pins("requirements-test.lock")
    installed = {name: _installed(name) for name in locked}
    assert {name: version for name, version in installed.items() if version != locked[name]} == {}, (
        "run: scripts/setup.sh (it installs requirements-test.lock)")


def _installed(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None
