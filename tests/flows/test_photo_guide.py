from hypothesis import given
from hypothesis import strategies as st

from flows.photo_guide import PhotoGuide


def test_the_countdown_starts_after_a_steady_moment_and_fires_once() -> None:
    guide = PhotoGuide(steady_s=1.0, countdown_s=3.0)
    assert guide.update(0.0, True).countdown == 0
    assert guide.update(0.9, True).countdown == 0
    assert [guide.update(t, True).countdown for t in (1.1, 2.1, 3.1)] == [3, 2, 1]
    assert guide.update(4.0, True).fire
    assert not guide.update(4.2, True).fire


def test_a_failing_check_restarts_the_wait_and_says_what_to_fix() -> None:
    guide = PhotoGuide(steady_s=1.0, countdown_s=3.0)
    guide.update(0.0, True)
    assert guide.update(2.5, True).countdown == 2
    state = guide.update(2.6, False, "HEAD_TOO_SMALL")
    assert (state.hint, state.countdown, state.fire) == ("HEAD_TOO_SMALL", 0, False)
    assert guide.update(2.7, True).countdown == 0  # steady again from here
    assert guide.update(6.7, True).fire


def test_reset_allows_another_shot() -> None:
    guide = PhotoGuide(steady_s=0.0, countdown_s=0.5)
    guide.update(0.0, True)
    assert guide.update(0.6, True).fire
    guide.reset()
    guide.update(1.0, True)
    assert guide.update(1.6, True).fire


@given(st.lists(st.tuples(st.floats(0, 0.5), st.booleans()), max_size=60))
def test_it_never_fires_without_a_full_steady_countdown(steps: list[tuple[float, bool]]) -> None:
    guide, now, good_since = PhotoGuide(steady_s=1.0, countdown_s=3.0), 0.0, None
    for delta, passed in steps:
        now += delta
        good_since = (good_since if good_since is not None else now) if passed else None
        state = guide.update(now, passed)
        if state.fire:
            assert good_since is not None and now - good_since >= 4.0
