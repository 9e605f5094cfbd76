"""Configuration: defaults, overlays, and a clear message naming any bad key."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.config import Settings, load_settings
from kiosk.errors import UsageError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_defaults() -> None:
    assert load_settings(None) == Settings()


def test_file_overlays_defaults(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, 'office = "370100"\n[screen]\nlanguage = "en"\n'
                                             '[back_office]\nread_timeout_s = 5\n'))
    assert settings.office == "370100"
    assert settings.screen.language == "en"
    assert settings.screen.idle_delay_s == Settings().screen.idle_delay_s
    assert settings.back_office.read_timeout_s == 5.0


@pytest.mark.parametrize("text, key", [
    ("colour = 1\n", "colour"),
    ("[screen]\nbrightness = 3\n", "screen.brightness"),
    ("[screen]\nlanguage = 7\n", "screen.language"),
    ("screen = 3\n", "screen"),
    ('[screen]\nlanguage = "fr"\n', "screen.language"),
    ('office = "12"\n', "office"),
    ('[back_office]\nurl = "ftp://x"\n', "back_office.url"),
    ("[screen]\nidle_delay_s = 1\n", "screen.idle_delay_s"),
])
def test_bad_keys_are_named(tmp_path: Path, text: str, key: str) -> None:
    with pytest.raises(UsageError, match=rf"config key {key}\b"):
        load_settings(write(tmp_path, text))


def test_broken_toml_and_missing_file_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not valid TOML"):
        load_settings(write(tmp_path, "office = \n"))
    with pytest.raises(UsageError, match="cannot read"):
        load_settings(tmp_path / "missing.toml")


def test_the_token_is_never_in_the_repr(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, '[back_office]\ntoken = "s3cret-token"\n'))
    assert settings.back_office.token == "s3cret-token"
    assert "s3cret-token" not in repr(settings)


@given(st.binary(max_size=300))
def test_any_bytes_give_settings_or_a_usage_error(tmp_path_factory: pytest.TempPathFactory,
                                                  data: bytes) -> None:
    path = tmp_path_factory.mktemp("cfg") / "kiosk.toml"
    path.write_bytes(data)
    try:
        assert isinstance(load_settings(path), Settings)
    except UsageError as error:
        assert str(error).startswith("config")


def test_photo_thresholds_come_from_the_config_and_bad_ones_are_named(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, "[photo.thresholds]\nmax_roll_deg = 5\nmin_sharpness = 40.0\n"))
    assert settings.photo.thresholds.max_roll_deg == 5 and settings.photo.thresholds.min_sharpness == 40.0
    with pytest.raises(UsageError, match=r"config key photo.thresholds\b"):
        load_settings(write(tmp_path, "[photo.thresholds]\nhead_size_min = 0.5\nhead_size_max = 0.2\n"))
    with pytest.raises(UsageError, match=r"config key photo.thresholds.colour: unknown key"):
        load_settings(write(tmp_path, "[photo.thresholds]\ncolour = 1\n"))
