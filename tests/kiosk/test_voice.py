"""What voice guidance may say: instructions, never a number that identifies the citizen."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from kiosk.voice import Voice, speakable

LONG_NUMBER = re.compile(r"[0-9](?:[ *-]*[0-9]){4,}")  # five digits or more, however they are spaced


@given(st.text(alphabet=st.sampled_from("0123456789 *-abcE请输入号码。"), max_size=60))
def test_no_number_of_five_digits_or_more_survives(text: str) -> None:
    assert LONG_NUMBER.search(speakable(text)) is None


def test_instructions_keep_their_short_numbers() -> None:
    assert speakable("请到3号窗口办理，工本费10元") == "请到3号窗口办理，工本费10元"
    assert speakable("Ticket 7F4583, window 12") == "Ticket 7F4583, window 12"
    assert speakable("身份证号 371502198503120017，手机 138 0000 0000，CAN 482913") == "身份证号 ，手机 ，CAN"


def test_a_session_starts_with_voice_off_at_the_standard_volume(qapp) -> None:  # type: ignore[no-untyped-def]
    from kiosk.app import qt_application
    qt_application()  # the kiosk's logging rules: Qt Multimedia's probe for PipeWire is not a warning
    voice = Voice("mock", 0.7)
    voice.toggle()
    voice.change_volume(2)
    voice.announce("请将身份证放在读卡区")
    assert voice.on and voice.volume > 0.7 and voice.spoken[-1] == "请将身份证放在读卡区"
    voice.reset()
    assert (voice.on, voice.volume, voice.last) == (False, 0.7, "")
    voice.announce("您的驾驶证")  # voice is off: remembered for "repeat", not spoken
    assert voice.spoken[-1] == "请将身份证放在读卡区"


def test_without_an_engine_voice_cannot_be_turned_on() -> None:
    voice = Voice("none", 0.7)
    voice.toggle()
    assert not voice.available and not voice.on and voice.spoken == []
