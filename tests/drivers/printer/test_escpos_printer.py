"""The ESC/POS receipt printer: a slip's bytes, the printer specs, and faults in the driver's own terms."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from escpos.exceptions import Error as EscposError
from escpos.printer import Dummy, Usb
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.errors import DeviceFault, NoDevice, NoMedia
from drivers.printer.base import QR_MAX_BYTES, Slip
from drivers.printer.escpos_printer import EscposPrinter, _host_port, compose, open_printer

ESC_INIT = b"\x1b@"
CHINESE_ON, CHINESE_OFF = b"\x1c&", b"\x1c."
TITLE_STYLE = b"\x1d!\x11\x1bE\x01\x1ba\x01"  # GS ! double width and height, ESC E bold, ESC a centre
CUT = b"\x1dV\x00"  # GS V 0: full cut
QR_PRINT = b"\x1d(k\x03\x001Q0"  # GS ( k: print the stored symbol

RECEIPT = Slip(
    title="申请回执",
    lines=("申请编号：3715-2026-000123", "Application number: 3715-2026-000123", "",
           "制证完成后将邮寄到您填写的地址，请留意短信通知。"),
    qr="https://kiosk.example.cn/t/3715-2026-000123",
    footer="2026-11-26 10:02 371500-07",
)


def chinese_runs(output: bytes) -> list[bytes]:
    return re.findall(rb"\x1c&(.*?)\x1c\.", output, re.DOTALL)


def qr_store(payload: bytes) -> bytes:
    """GS ( k pL pH 1 P 0 d…: store the QR symbol's data."""
    return b"\x1d(k" + (len(payload) + 3).to_bytes(2, "little") + b"1P0" + payload


def printed(slip: Slip, columns: int = 48, profile: str | None = None) -> bytes:
    printer = open_printer("dummy", columns=columns, profile=profile)
    assert printer is not None
    printer.print_slip(slip)
    return printer.output


def test_a_receipt_initialises_prints_chinese_in_chinese_mode_and_ascii_as_is_then_cuts() -> None:
    output = printed(RECEIPT)
    assert output.startswith(ESC_INIT)
    assert output.endswith(CUT)
    runs = chinese_runs(output)
    assert "申请回执".encode("gb18030") in runs
    assert TITLE_STYLE + CHINESE_ON + "申请回执".encode("gb18030") + CHINESE_OFF in output
    assert "申请编号：3715-2026-000123".encode("gb18030") in runs
    assert b"\nApplication number: 3715-2026-000123\n" in output
    assert not any(b"Application" in run for run in runs)
    payload = RECEIPT.qr.encode() if RECEIPT.qr else b""
    assert output.index(qr_store(payload)) < output.index(QR_PRINT) < output.index(b"2026-11-26 10:02")


def test_a_plain_slip_gives_exactly_these_bytes() -> None:
    output = printed(Slip("Window 3", ("Please go to window 3.",), qr="T-0042"))
    assert output == (
        ESC_INIT
        + TITLE_STYLE + b"\x1bt\x00Window 3\n" + b"\x1d!\x00\x1bE\x00\x1ba\x00" + b"\n"
        + b"Please go to window 3.\n"
        + b"\n\x1ba\x01"
        + b"\x1d(k\x04\x001A2\x00" + b"\x1d(k\x03\x001C\x06" + b"\x1d(k\x03\x001E1"  # model 2, 6 dots, M
        + qr_store(b"T-0042") + QR_PRINT + b"\n\x1ba\x00"
        + b"\x1bd\x06" + CUT
    )


def test_long_lines_wrap_to_the_paper_width() -> None:
    line = "请携带本人身份证和本回执到三号窗口办理，工作人员将为您核对信息。" * 2
    output = printed(Slip("", (line,)), columns=32)
    runs = chinese_runs(output)
    assert len(runs) > 2 and all(len(run) <= 32 for run in runs)  # two bytes and two columns a character
    assert b"".join(runs) == line.encode("gb18030")


def test_control_characters_in_text_cannot_become_printer_commands() -> None:
    output = printed(Slip("A\x1dV\x00", ("\x1b@x", "\there", "申\x1bq")))
    assert output.count(CUT) == 1 and output.count(ESC_INIT) == 1
    assert b"\n    here\n" in output


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=60), st.lists(st.text(max_size=120), max_size=5), st.text(max_size=60))
def test_any_text_prints_as_one_slip(title: str, lines: list[str], footer: str) -> None:
    output = printed(Slip(title, tuple(lines), footer=footer))
    assert output.startswith(ESC_INIT) and output.endswith(CUT) and output.count(CUT) == 1


def test_slips_accumulate_in_the_dummy_and_a_slip_without_qr_has_no_qr() -> None:
    printer = open_printer("dummy")
    assert printer is not None
    printer.print_slip(Slip("一", ("a",)))
    printer.print_slip(Slip("二", ("b",)))
    assert printer.output.count(ESC_INIT) == 2 and printer.output.count(CUT) == 2
    assert b"\x1d(k" not in printer.output


def test_a_long_qr_payload_gets_smaller_modules_to_fit_narrow_paper() -> None:
    payload = "A" * QR_MAX_BYTES
    output = printed(Slip("", (), qr=payload), columns=32)
    module = re.search(rb"\x1d\(k\x03\x001C(.)", output, re.DOTALL)
    assert module is not None and 1 <= module.group(1)[0] < 6
    assert qr_store(payload.encode()) in output


def test_a_profile_without_native_qr_prints_the_code_as_an_image(capsys: pytest.CaptureFixture[str]) -> None:
    output = printed(Slip("", (), qr="T-0042"), profile="simple")
    assert b"\x1dv0" in output and b"\x1d(k" not in output  # GS v 0 raster image
    assert capsys.readouterr().out == ""  # the library's "media.width.pixel" notice is not printed


def test_characters_gb18030_cannot_hold_are_replaced_not_fatal() -> None:
    output = printed(Slip("", ("坏\ud800字",)))
    assert "坏?字".encode("gb18030") in chinese_runs(output)


def test_the_file_backend_writes_the_same_bytes_as_the_dummy(tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    printer = open_printer(f"file:{device}")
    assert printer is not None
    printer.print_slip(RECEIPT)
    printer.close()
    assert device.read_bytes() == printed(RECEIPT) == compose(RECEIPT)
    assert printer.output == b""


def test_a_device_file_in_a_missing_directory_is_no_device(tmp_path: Path) -> None:
    printer = open_printer(f"file:{tmp_path}/missing/lp0")
    assert printer is not None
    with pytest.raises(NoDevice, match="missing") as raised:
        printer.print_slip(RECEIPT)
    assert not isinstance(raised.value, EscposError) and isinstance(raised.value.__cause__, EscposError)
    with pytest.raises(NoDevice):
        printer.check()


@pytest.mark.parametrize(("failure", "fault"), [
    (OSError(errno.ENOSPC, "No space left on device"), NoMedia),  # Linux usblp: out of paper
    (OSError(errno.ENODEV, "No such device"), NoDevice),  # unplugged
    (BrokenPipeError(errno.EPIPE, "Broken pipe"), NoDevice),
    (OSError(errno.EIO, "Input/output error"), DeviceFault),
    (EscposError("printer said no"), DeviceFault),
    (RuntimeError("anything else"), DeviceFault),
])
def test_a_library_failure_becomes_a_driver_fault(failure: Exception, fault: type[DeviceFault],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    device = Dummy()

    def fail(message: bytes) -> None:
        raise failure

    monkeypatch.setattr(device, "_raw", fail)
    printer = EscposPrinter(device, name="printer test")
    with pytest.raises(DeviceFault) as raised:
        printer.print_slip(RECEIPT)
    assert type(raised.value) is fault and raised.value.__cause__ is failure
    assert "printer test" in str(raised.value)


class AnsweringDummy(Dummy):
    """A dummy that answers the real-time paper status query (DLE EOT 4) like a printer."""

    def __init__(self, answer: bytes) -> None:
        super().__init__()
        self.answer = answer

    def _read(self) -> bytes:
        return self.answer


@pytest.mark.parametrize(("answer", "level"), [(b"\x12", "plenty"), (b"\x1e", "low"), (b"", "plenty")])
def test_check_tells_the_paper_level_where_the_printer_answers(answer: bytes, level: str) -> None:
    assert EscposPrinter(AnsweringDummy(answer)).check() == level


def test_out_of_paper_is_no_media_and_nothing_is_printed() -> None:
    device = AnsweringDummy(b"\x72")
    printer = EscposPrinter(device)
    with pytest.raises(NoMedia):
        printer.check()
    with pytest.raises(NoMedia):
        printer.print_slip(RECEIPT)
    assert device.output == b"\x10\x04\x04" * 2  # only the two status queries


def test_the_dummy_cannot_tell_its_paper_level() -> None:
    printer = open_printer("dummy")
    assert printer is not None and printer.check() == "unknown" and printer.output == b""


@pytest.mark.parametrize("spec", ["", "none", "  NONE  ", "None"])
def test_no_printer_configured_is_none(spec: str) -> None:
    assert open_printer(spec) is None


@pytest.mark.parametrize("spec", ["lp0", "dummy:x", "file:", "usb:", "usb:0416", "usb:zz:5011", "usb:0:5011",
                                  "usb:0416:5011:1", "network:", "network:host:port", "network:host:70000",
                                  "serial:/dev/ttyS0", "cups:printer"])
def test_a_bad_spec_names_the_format(spec: str) -> None:
    with pytest.raises(ValueError, match=re.escape(spec)) as raised:
        open_printer(spec)
    assert re.search(r"usb:VID:PID|network:HOST\[:PORT\]", str(raised.value))


@pytest.mark.parametrize(("rest", "host_port"), [
    ("192.0.2.7", ("192.0.2.7", 9100)), ("printer.local:9101", ("printer.local", 9101)),
    ("[2001:db8::7]:9100", ("2001:db8::7", 9100)), ("[2001:db8::7]", ("2001:db8::7", 9100)),
    ("2001:db8::7", ("2001:db8::7", 9100)),
])
def test_network_specs_take_a_host_and_an_optional_port(rest: str, host_port: tuple[str, int]) -> None:
    assert _host_port(f"network:{rest}", rest) == host_port


def test_a_network_printer_is_not_contacted_until_it_is_used() -> None:
    printer = open_printer("network:192.0.2.7")
    assert printer is not None and printer.name == "printer network:192.0.2.7"
    printer.close()


def test_usb_ids_need_pyusb_or_say_what_is_missing() -> None:
    if Usb.is_usable():
        assert open_printer("usb:0416:5011") is not None
    else:
        with pytest.raises(NoDevice, match="pyusb"):
            open_printer("usb:0416:5011")


def test_bad_columns_and_profiles_are_value_errors() -> None:
    with pytest.raises(ValueError, match="columns"):
        open_printer("dummy", columns=1)
    with pytest.raises(ValueError, match="profile"):
        open_printer("dummy", profile="no-such-printer")


def test_a_slip_checks_its_qr_payload_and_takes_a_list_of_lines() -> None:
    assert Slip("t", ["a", "b"]).lines == ("a", "b")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="None"):
        Slip("t", qr="")
    with pytest.raises(ValueError, match="bytes"):
        Slip("t", qr="码" * QR_MAX_BYTES)


def test_the_driver_loads_escpos_lazily_and_cleans_up_after_its_import(tmp_path: Path) -> None:
    """python-escpos configures the root logger and leaves a temporary directory behind at import."""
    code = ("import logging, sys; import drivers.printer.escpos_printer as p; print('escpos' in sys.modules);"
            "printer = p.open_printer('dummy'); printer.print_slip(p.Slip('t'));"
            "print(logging.getLogger().handlers)")
    env = {name: value for name, value in os.environ.items() if name != "ESCPOS_CAPABILITIES_PICKLE_DIR"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={**env, "TMPDIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["False", "[]"]
    assert list(tmp_path.iterdir()) == []
