"""The soak's gauges and verdict (kiosk/soak.py): they must see a leak when there is one."""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

import pytest

from flows.outcome import Outcome
from kiosk import face_check
from kiosk.errors import UsageError
from kiosk.soak import (
    MIX,
    Gauge,
    SoakRun,
    Visit,
    fd_kinds,
    is_expected,
    kinds_changed,
    open_fds,
    passed,
    plan,
    read_gauge,
    report,
    rss_mb,
    table,
    thread_count,
    warmup_count,
)


def measured(baseline: Gauge, end: Gauge, unexpected: list[str] | None = None,
             completed: int = 20) -> SoakRun:
    return SoakRun(sessions=20, warmup=8, outcomes=Counter(submitted=completed),
                   unexpected=unexpected or [], seconds=[1.0] * completed, baseline=baseline, end=end)


def test_fd_counting_sees_a_file_opened_and_closed(tmp_path: Path) -> None:
    before = open_fds()
    with (tmp_path / "a.txt").open("w"):
        assert open_fds() == before + 1
    assert open_fds() == before


def test_descriptors_left_open_between_two_measurements_fail_the_soak(tmp_path: Path) -> None:
    baseline = read_gauge()
    leaked = [(tmp_path / f"{n}.txt").open("w") for n in range(3)]
    try:
        leaking = read_gauge()
    finally:
        for file in leaked:
            file.close()
    assert leaking.fds - baseline.fds == 3
    assert not passed(measured(baseline, leaking))
    body = report(measured(baseline, leaking))
    assert body["fds"]["added"] == [str(tmp_path / f"{n}.txt") for n in range(3)]
    assert body["fds"]["gone"] == []
    assert str(tmp_path / "0.txt") in table(body) and table(body).endswith("every session as expected")
    assert passed(measured(baseline, read_gauge()))


def test_descriptor_kinds_name_sockets_and_pipes_and_how_they_changed() -> None:
    import os
    import socket
    reading, writing = os.pipe()
    with socket.socket():
        kinds = fd_kinds()
        assert kinds.count("pipe") >= 2 and "socket" in kinds
    os.close(reading)
    os.close(writing)
    assert kinds_changed(("pipe", "socket", "/a"), ("pipe", "pipe", "/a")) == (["pipe"], ["socket"])


def test_resident_memory_sees_memory_written_to() -> None:
    before = rss_mb()
    block = bytearray(b"\x01") * (64 * 2**20)  # written, so resident (a zeroed block may stay unmapped)
    assert rss_mb() - before > 48
    del block


def test_thread_count_sees_a_running_thread() -> None:
    release, before = threading.Event(), thread_count()
    worker = threading.Thread(target=release.wait)
    worker.start()
    try:
        assert thread_count() == before + 1
    finally:
        release.set()
        worker.join()


@pytest.mark.parametrize("rss_growth, fd_growth, unexpected, verdict", [
    (9.9, 0, [], True),
    (10.0, 0, [], False),  # the target is growth *under* 10 MB
    (-3.0, -2, [], True),  # a descriptor closed since the baseline is no leak
    (1.0, 1, [], False),
    (1.0, 0, ["session 9 (renewal-ok): failed (internal)"], False),
])
def test_the_verdict_from_hand_made_figures(rss_growth: float, fd_growth: int, unexpected: list[str],
                                            verdict: bool) -> None:
    baseline = Gauge(rss_mb=200.0, fds=30, threads=16)
    end = Gauge(rss_mb=200.0 + rss_growth, fds=30 + fd_growth, threads=16)
    assert passed(measured(baseline, end, unexpected)) is verdict


def test_a_soak_cut_short_never_passes() -> None:
    gauge = Gauge(rss_mb=200.0, fds=30, threads=16)
    assert not passed(measured(gauge, gauge, completed=19))
    assert not passed(SoakRun(sessions=20, warmup=8, seconds=[1.0] * 20))  # never measured


def test_the_report_shape_and_its_table() -> None:
    run = measured(Gauge(200.04, 30, 16), Gauge(203.5, 29, 16))
    run.outcomes = Counter(submitted=15, referred=5)
    body = report(run)
    assert body["rss_mb"] == {"baseline": 200.0, "end": 203.5, "growth": 3.5}
    assert body["fds"] == {"baseline": 30, "end": 29, "growth": -1, "added": [], "gone": []}
    assert body["threads"]["growth"] == 0 and body["passed"] is True
    assert body["outcomes"] == {"referred": 5, "submitted": 15}
    assert body["s_per_session"] == {"median": 1.0, "p95": 1.0} and body["target_rss_growth_mb"] == 10
    assert (body["sessions"], body["completed"], body["warmup"]) == (20, 20, 8)
    assert "growth +3.5 MB" in table(body) and table(body).endswith(
        "PASS: memory growth under 10 MB, no descriptor growth, every session as expected")


def test_the_plan_cycles_the_mix_or_repeats_one_persona() -> None:
    mixed = plan(20)
    assert mixed[:len(MIX)] == list(MIX) and mixed[len(MIX)] == MIX[0] and len(mixed) == 20
    assert plan(3, "lost", "lost-ok") == [Visit("lost", "lost-ok")] * 3


@pytest.mark.parametrize("sessions, service, persona", [(0, None, None), (5, "lost", None),
                                                        (5, None, "lost-ok")])
def test_bad_plans_are_usage_errors(sessions: int, service: str | None, persona: str | None) -> None:
    with pytest.raises(UsageError):
        plan(sessions, service, persona)


def test_the_warm_up_covers_every_kind_of_visit_and_leaves_sessions_to_measure() -> None:
    assert warmup_count(plan(300)) == 10
    assert warmup_count(plan(12)) == len(MIX)  # every path once before the baseline
    assert warmup_count(plan(12, "renewal", "renewal-ok")) == 1
    assert warmup_count(plan(1)) == 0 and warmup_count(plan(5)) == 4


def test_expected_outcomes_known_or_learnt_and_never_an_internal_failure() -> None:
    known, learnt = Visit("renewal", "renewal-ok", frozenset({"submitted"})), dict[str, str]()
    assert is_expected(known, Outcome("renewal", "submitted"), learnt)
    assert not is_expected(known, Outcome("renewal", "ineligible"), learnt)
    given = Visit("lost", "lost-seized")
    assert is_expected(given, Outcome("lost", "ineligible"), learnt)  # its first session sets the bar
    assert not is_expected(given, Outcome("lost", "referred"), learnt)
    internal = Outcome("lost", "failed", failure="internal")
    assert not is_expected(Visit("lost", "lost-new"), internal, learnt)
    assert not is_expected(Visit("lost", "x", frozenset({"failed"})), internal, learnt)


def test_no_face_match_child_reports_none(monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.soak import face_child_rss_mb
    monkeypatch.setattr(face_check, "_pool", None)
    assert face_child_rss_mb() is None
