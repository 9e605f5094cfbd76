"""`kiosk qa soak`: many whole sessions in one kiosk process, watching what a long-running kiosk must not
accumulate (DESIGN.md §5: over 300 sessions resident memory grows under 10 MB and no file descriptor leaks).

The sessions go through the real QML UI offscreen, driven by `kiosk.qa.run_flow` exactly as `qa run` does;
only the loop around them and the gauges are here. Gauges read /proc, so the figures are Linux's.
"""

from __future__ import annotations

import gc
import os
import statistics
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.errors import UsageError

if TYPE_CHECKING:
    from flows.outcome import Outcome
    from kiosk.app import KioskApp
    from kiosk.config import Settings

TARGET_RSS_GROWTH_MB = 10.0
BACKGROUND_LANES = ("warm-up", "camera", "outbox")  # where start-up and between-citizen work runs
START_UP_S = 60.0  # the face-match child's first start loads its models (~1 s, far more on a busy machine)
MAX_WARMUP = 10
FAILED, INTERNAL, STUCK = "failed", "internal", "stuck"


@dataclass(frozen=True)
class Visit:
    """One citizen: a service, a stub persona, and the outcomes a healthy kiosk gives them (empty: learnt
    from the persona's first session in this soak)."""

    service: str
    persona: str
    expected: frozenset[str] = frozenset()


# A realistic day's mix of the shipped demo personas, so every path (submission, refusal, referral, the
# face match, a declined payment) is exercised; expected outcomes are what one `qa run` of each gives.
MIX: tuple[Visit, ...] = (
    Visit("renewal", "renewal-ok", frozenset({"submitted"})),
    Visit("damaged", "damaged-ok", frozenset({"submitted"})),
    Visit("lost", "lost-ok", frozenset({"submitted"})),
    Visit("transfer-in", "transfer-in-ok", frozenset({"submitted"})),
    Visit("renewal", "renewal-many", frozenset({"ineligible"})),
    Visit("damaged", "damaged-frequent", frozenset({"referred"})),
    # referred on a clear mismatch; where face match cannot run (no AVX) it is submitted for a staff check
    Visit("renewal", "renewal-face-mismatch", frozenset({"referred", "submitted"})),
    Visit("renewal", "renewal-pay-declines", frozenset({"failed"})),  # failure PAYMENT_DECLINED
)


@dataclass(frozen=True)
class Gauge:
    """What a process holds at one moment."""

    rss_mb: float
    fds: int
    threads: int
    fd_kinds: tuple[str, ...] = ()  # what the descriptors are, to name what a growth is made of


@dataclass
class SoakRun:
    """What the sessions gave: outcome counts, anything unexpected, each session's wall time, gauges."""

    sessions: int
    warmup: int
    outcomes: Counter[str] = field(default_factory=Counter)
    unexpected: list[str] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    baseline: Gauge | None = None
    end: Gauge | None = None
    face_child_mb: tuple[float | None, float | None] = (None, None)


# --- gauges ----------------------------------------------------------------------------------------------

def rss_mb(pid: int | str = "self") -> float:
    """Resident memory in MB (second field of /proc/PID/statm, in pages)."""
    resident_pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def open_fds(pid: int | str = "self") -> int:
    """Open file descriptors, without the one that listing /proc/self/fd itself holds open."""
    listed = len(os.listdir(f"/proc/{pid}/fd"))
    return listed - 1 if pid == "self" else listed


def thread_count(pid: int | str = "self") -> int:
    """Every thread of the process (Qt's and the worker lanes', not only Python's)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    raise RuntimeError(f"/proc/{pid}/status has no Threads line")


def fd_kinds(pid: int | str = "self") -> tuple[str, ...]:
    """Each open descriptor's kind, sorted: socket, pipe, anon_inode:[eventfd], or the file's path."""
    kinds = []
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:  # closed meanwhile, like the listing's own descriptor
            continue
        if not target.startswith("/proc/"):
            kinds.append(target.split(":[")[0] if target.startswith(("socket:[", "pipe:[")) else target)
    return tuple(sorted(kinds))


def read_gauge() -> Gauge:
    return Gauge(rss_mb(), open_fds(), thread_count(), fd_kinds())


def face_child_rss_mb() -> float | None:
    """The shared face-match child's resident memory (kiosk/face_check.py), if it runs: it is a process of
    its own, so it is reported beside the kiosk's figure, never in it."""
    from kiosk import face_check
    pool = face_check._pool
    pids = list(getattr(pool, "_processes", None) or {}) if pool is not None else []
    try:
        return round(sum(rss_mb(pid) for pid in pids), 1) if pids else None
    except OSError:  # the child ended between listing and reading
        return None


def wait_until_idle(app: KioskApp) -> None:
    """Until the kiosk's start-up work has run (it begins after the first painted frame: the store opening,
    the face-match child loading its models, the first outbox drain) and its worker lanes are empty: a
    gauge read meanwhile would count start-up as growth, or miss what a lane is about to free."""
    from kiosk.uidriver import wait_until
    if not app.window.isVisible():
        app.window.show()
    wait_until(lambda: app.watchdog is not None, START_UP_S, "the kiosk's start-up work")  # set by it
    pending = set(BACKGROUND_LANES)

    def flushed(lane: str) -> Callable[[object], None]:
        return lambda _result: pending.discard(lane)
    for lane in BACKGROUND_LANES:  # each lane runs its jobs in order: a no-op ends after what was queued
        app.runner.run(lane, lambda: None, flushed(lane), flushed(lane))
    wait_until(lambda: not pending, START_UP_S, "the kiosk's worker lanes")


def settled_gauge(app: KioskApp) -> Gauge:
    """Gauges once the kiosk is idle between citizens: its lanes empty, Qt's deferred deletions done and
    Python's cyclic garbage collected, as the event loop and the collector would do a moment later."""
    from PySide6.QtCore import QCoreApplication, QEvent
    wait_until_idle(app)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    gc.collect()
    return read_gauge()


# --- plan and verdict ------------------------------------------------------------------------------------

def warmup_count(visits: Sequence[Visit]) -> int:
    """Sessions before the baseline: the first use of each screen compiles its QML, loads fonts and images,
    starts worker lanes and fills Qt's and Python's caches, which is not growth that goes on. So the
    baseline comes once every kind of visit has run (each path's screens) and at least a tenth of the
    sessions (at most MAX_WARMUP), leaving at least one session measured."""
    sessions = len(visits)
    return max(0, min(sessions - 1, max(len(set(visits)), min(MAX_WARMUP, sessions // 10))))


def plan(sessions: int, service: str | None = None, persona: str | None = None) -> list[Visit]:
    """`sessions` visits: the one persona repeated, or MIX in turn."""
    if sessions < 1:
        raise UsageError("--sessions must be at least 1")
    if (service is None) != (persona is None):
        raise UsageError("give both SERVICE and --persona, or neither (a mix of the demo personas)")
    cycle = [Visit(service, persona)] if service and persona else list(MIX)
    return [cycle[index % len(cycle)] for index in range(sessions)]


def is_expected(visit: Visit, outcome: Outcome, learnt: dict[str, str]) -> bool:
    """A failure of the kiosk itself is never expected; otherwise the visit's known outcomes, or, for a
    persona given on the command line, the outcome its first session had (later ones must repeat it)."""
    if outcome.outcome == FAILED and outcome.failure == INTERNAL:
        return False
    if visit.expected:
        return outcome.outcome in visit.expected
    return learnt.setdefault(visit.persona, outcome.outcome) == outcome.outcome


def growth(baseline: float, end: float) -> float:
    return round(end - baseline, 1)


def passed(run: SoakRun) -> bool:
    """The §5 target: memory growth under the limit, no more descriptors than at the baseline, every session
    run to its expected end."""
    if run.baseline is None or run.end is None or len(run.seconds) < run.sessions:
        return False
    return (run.end.rss_mb - run.baseline.rss_mb < TARGET_RSS_GROWTH_MB and run.end.fds <= run.baseline.fds
            and not run.unexpected)


# --- the soak --------------------------------------------------------------------------------------------

def run_sessions(app: KioskApp, visits: Sequence[Visit],
                 on_session: Callable[[int, Outcome], None] | None = None) -> SoakRun:
    """Every visit in turn through the real UI; gauges after the warm-up and at the end. A UI that stops
    answering ends the soak there (what comes next would be measured on a stuck kiosk)."""
    from kiosk.qa import run_flow
    from kiosk.uidriver import UiTimeout
    run, learnt = SoakRun(len(visits), warmup_count(visits)), dict[str, str]()
    wait_until_idle(app)  # the first citizen meets a kiosk that has finished starting, as in a hall
    for index, visit in enumerate(visits):
        if index == run.warmup:
            run.baseline, run.face_child_mb = settled_gauge(app), (face_child_rss_mb(), None)
        started = time.perf_counter()
        try:
            outcome = run_flow(app, visit.service, visit.persona)
        except UiTimeout as error:
            run.outcomes[STUCK] += 1
            run.unexpected.append(f"session {index + 1} ({visit.persona}): {error}")
            break
        run.seconds.append(time.perf_counter() - started)
        run.outcomes[outcome.outcome] += 1
        if not is_expected(visit, outcome, learnt):
            detail = f" ({outcome.failure})" if outcome.failure else ""
            run.unexpected.append(f"session {index + 1} ({visit.persona}): {outcome.outcome}{detail}")
        if on_session is not None:
            on_session(index, outcome)
    run.end = settled_gauge(app)
    run.face_child_mb = (run.face_child_mb[0], face_child_rss_mb())
    return run


def soak(settings: Settings, visits: Sequence[Visit], backend_url: str | None = None,
         data_dir: Path | None = None) -> SoakRun:
    """One kiosk (one `build_app`) for all the visits, against the given back office or a stub of its own,
    with a store of its own (a temporary one unless `data_dir`)."""
    from kiosk.app import build_app
    from kiosk.commands import backend, for_qa, scratch_dir
    personas = {visit.persona for visit in visits}
    only = next(iter(personas)) if len(personas) == 1 else None  # the tray fetches just what it places
    with backend(backend_url) as url, scratch_dir(data_dir) as folder:
        app = build_app(for_qa(settings, url, folder), demo_stub=url, persona=only)
        try:
            return run_sessions(app, visits)
        finally:
            app.close()


# --- the report ------------------------------------------------------------------------------------------

def report(run: SoakRun) -> dict[str, Any]:
    """The soak as one JSON-ready object (`kiosk qa soak --json`, `kiosk bench`'s "soak" figure)."""
    def figure(pick: Callable[[Gauge], float]) -> dict[str, float] | None:
        if run.baseline is None or run.end is None:
            return None
        baseline, end = pick(run.baseline), pick(run.end)
        return {"baseline": round(baseline, 1), "end": round(end, 1), "growth": growth(baseline, end)}
    seconds = sorted(run.seconds)
    child_baseline, child_end = run.face_child_mb
    fds: dict[str, Any] | None = figure(lambda gauge: gauge.fds)
    if fds is not None and run.baseline is not None and run.end is not None:
        fds["added"], fds["gone"] = kinds_changed(run.baseline.fd_kinds, run.end.fd_kinds)
    return {
        "sessions": run.sessions, "completed": len(run.seconds), "warmup": run.warmup,
        "outcomes": dict(sorted(run.outcomes.items())), "unexpected": run.unexpected,
        "rss_mb": figure(lambda gauge: gauge.rss_mb), "fds": fds,
        "threads": figure(lambda gauge: gauge.threads),
        "face_child_rss_mb": {"baseline": child_baseline, "end": child_end},
        "s_per_session": {"median": round(statistics.median(seconds), 2),
                          "p95": round(seconds[int(0.95 * (len(seconds) - 1))], 2)} if seconds else None,
        "target_rss_growth_mb": TARGET_RSS_GROWTH_MB, "passed": passed(run),
    }


def kinds_changed(baseline: Sequence[str], end: Sequence[str]) -> tuple[list[str], list[str]]:
    """The descriptor kinds opened since the baseline and those closed since, one entry per descriptor."""
    before, after = Counter(baseline), Counter(end)
    return sorted((after - before).elements()), sorted((before - after).elements())


def table(body: dict[str, Any]) -> str:
    """The report for a person."""
    lines = [f"soak: {body['completed']} of {body['sessions']} sessions in one process, "
             f"baseline after {body['warmup']} warm-up sessions",
             "outcomes: " + ", ".join(f"{kind} {count}" for kind, count in body["outcomes"].items())]
    for name, label, unit in (("rss_mb", "resident memory", " MB"), ("fds", "file descriptors", ""),
                              ("threads", "threads", "")):
        if body[name] is not None:
            values = body[name]
            lines.append(f"{label}: {values['baseline']}{unit} → {values['end']}{unit} "
                         f"(growth {values['growth']:+}{unit})")
    if body["fds"] is not None and (body["fds"]["added"] or body["fds"]["gone"]):
        lines.append(f"  descriptors opened since the baseline: {', '.join(body['fds']['added']) or '-'}; "
                     f"closed: {', '.join(body['fds']['gone']) or '-'}")
    child = body["face_child_rss_mb"]
    if child["end"] is not None:
        lines.append(f"face-match child (not counted above): {child['baseline']} MB → {child['end']} MB")
    if body["s_per_session"]:
        lines.append(f"per session: median {body['s_per_session']['median']} s, "
                     f"p95 {body['s_per_session']['p95']} s")
    lines += [f"unexpected: {line}" for line in body["unexpected"]]
    lines.append(f"{'PASS' if body['passed'] else 'FAIL'}: memory growth under "
                 f"{body['target_rss_growth_mb']:g} MB, no descriptor growth, every session as expected")
    return "\n".join(lines)
