"""The crash-loop guard over real files: it trips on the `limit`-th unclean start within the window, never on
orderly restarts, and no state of its file can stop a kiosk from starting."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kiosk.crash_loop import STARTS_FILE, crash_loop, forget_starts, stopped_cleanly

WINDOW_S = 600.0

# One kiosk process after another: seconds since the previous start, and whether it stopped in order.
lives = st.lists(st.tuples(st.floats(0, 2 * WINDOW_S), st.booleans()), min_size=1, max_size=30)


@given(lives, st.integers(1, 6))
def test_trips_exactly_when_enough_unclean_starts_fall_in_the_window(history: list[tuple[float, bool]],
                                                                       limit: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        now, unclean = 1_700_000_000.0, []
        for gap, clean in history:
            now += gap
            expected = sum(1 for started in unclean if now - WINDOW_S < started) + 1 >= limit
            assert crash_loop(Path(folder), now, limit, WINDOW_S) is expected
            if clean:
                stopped_cleanly(Path(folder), now)
            else:
                unclean.append(now)
        assert len((Path(folder) / STARTS_FILE).read_text().splitlines()) <= limit  # the file stays small


@given(st.lists(st.floats(WINDOW_S + 0.001, 10 * WINDOW_S), max_size=20), st.integers(2, 6))
def test_crashes_further_apart_than_the_window_never_trip(gaps: list[float], limit: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        now = 1_700_000_000.0
        assert not crash_loop(Path(folder), now, limit, WINDOW_S)
        for gap in gaps:
            now += gap
            assert not crash_loop(Path(folder), now, limit, WINDOW_S)


@given(st.binary(max_size=300))
def test_a_damaged_file_never_stops_a_start(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / STARTS_FILE).write_bytes(content)
        assert crash_loop(Path(folder), 1_700_000_000.0, 1, WINDOW_S)  # this start alone reaches a limit of 1
        assert crash_loop(Path(folder), 1_700_000_001.0, 2, WINDOW_S)  # and the file is whole again


def test_the_guard_is_off_at_limit_zero(tmp_path: Path) -> None:
    assert not any(crash_loop(tmp_path, 1000.0 + i, 0, WINDOW_S) for i in range(10))
    assert not (tmp_path / STARTS_FILE).exists()


def test_starts_from_a_clock_later_than_now_are_not_counted(tmp_path: Path) -> None:
    """A kiosk without a real-time clock may boot with a date ahead of the real one, then NTP sets it back."""
    for i in range(4):
        crash_loop(tmp_path, 2_000_000_000.0 + i, 5, WINDOW_S)
    assert not crash_loop(tmp_path, 1_700_000_000.0, 5, WINDOW_S)


def test_a_technician_puts_the_kiosk_back_in_service(tmp_path: Path) -> None:
    assert [crash_loop(tmp_path, 1000.0 + i, 3, WINDOW_S) for i in range(3)] == [False, False, True]
    forget_starts(tmp_path)
    assert not crash_loop(tmp_path, 1004.0, 3, WINDOW_S)
    forget_starts(tmp_path / "never-created")


def test_a_data_folder_that_cannot_be_written_costs_a_warning_not_the_start(tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    blocked = tmp_path / "data"
    blocked.write_text("a file where the folder should be")
    assert not crash_loop(blocked, 1000.0, 3, WINDOW_S)
    assert "cannot record starts" in caplog.text
    stopped_cleanly(blocked, 1000.0)
