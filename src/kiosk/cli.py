"""The `kiosk` command (DESIGN.md §4.1). Exit codes: 0 success, 1 reported domain failure, 2 usage."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from kiosk.config import LANGUAGES, Settings, load_settings
from kiosk.errors import EnvironmentFault, KioskError, UsageError
from kiosk.logging_setup import configure_logging

SERVICES = ("renewal", "damaged", "transfer-in", "lost")
log = logging.getLogger("kiosk")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    configure_logging("INFO")  # logs go to stderr: `--json` output on stdout stays clean either way
    try:
        return int(args.handler(args))
    except (UsageError, EnvironmentFault) as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return 2
    except KioskError as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Self-service driving-licence kiosk")
    commands = parser.add_subparsers(dest="command", required=True)
    _add_run(commands.add_parser("run", help="start the kiosk"))
    qa = commands.add_parser("qa", help="QA: drive the real UI through a flow").add_subparsers(
        dest="qa_command", required=True)
    _add_qa_run(qa.add_parser("run", help="one service for one persona"))
    _add_qa_soak(qa.add_parser("soak", help="many sessions in one process: memory, descriptors, threads "
                               "(exit 0 within the DESIGN.md §5 target, 1 not)"))
    _add_screenshot(commands.add_parser("screenshot", help="render screens to PNG"))
    _add_selftest(commands.add_parser("selftest", help="check config, store, back office, devices, fonts, "
                                      "translations, voice (exit 0 ok, 1 degraded, 2 unusable)"))
    card = commands.add_parser("card", help="ID card readers and cards").add_subparsers(
        dest="card_command", required=True)
    _add_card(card)
    photo = commands.add_parser("photo", help="licence-photo checks on image files").add_subparsers(
        dest="photo_command", required=True)
    _add_photo(photo)
    outbox = commands.add_parser("outbox", help="the queue of confirmed applications").add_subparsers(
        dest="outbox_command", required=True)
    _add_outbox_send(outbox.add_parser("send", help="send every queued application now"))
    _add_bench(commands.add_parser("bench", help="measure the DESIGN.md §5 figures"))
    diagnostics = commands.add_parser("diagnostics", help="the technicians' diagnostics mode").add_subparsers(
        dest="diagnostics_command", required=True)
    diagnostics.add_parser("pin-hash", help="read a PIN on stdin, print its hash for diagnostics.pin_hash"
                           ).set_defaults(handler=_lazy("kiosk.commands", "diagnostics_pin_hash"))
    return parser


def _add_run(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--demo", action="store_true", help="start a stub back office and simulated devices")
    parser.add_argument("--config", type=Path)
    parser.add_argument("--windowed", action="store_true")
    parser.add_argument("--lang", choices=LANGUAGES)
    parser.add_argument("--data-dir", type=Path, help="demo: keep the store here (default: a temporary one)")
    parser.set_defaults(handler=_lazy("kiosk.commands", "run"))


def _add_qa_run(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("service", choices=SERVICES)
    parser.add_argument("--persona", required=True)
    _add_qa_options(parser)
    parser.set_defaults(handler=_lazy("kiosk.commands", "qa_run"))


def _add_qa_soak(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("service", nargs="?", choices=SERVICES,
                        help="with --persona: repeat this one (default: a mix of the demo personas)")
    parser.add_argument("--persona")
    parser.add_argument("--sessions", type=int, required=True, help="how many sessions, one after another")
    _add_qa_options(parser)
    parser.set_defaults(handler=_lazy("kiosk.commands", "qa_soak"))


def _add_qa_options(parser: argparse.ArgumentParser) -> None:
    """What `qa run` and `qa soak` share (DESIGN.md §4.1: "same options")."""
    parser.add_argument("--backend", help="URL of a running stub (default: start one)")
    parser.add_argument("--card", default="simulated", choices=("simulated", "pcsc"))
    parser.add_argument("--reader", help="with --card pcsc: reader name pattern (default: vpcd's first slot)")
    parser.add_argument("--camera", default="simulated")
    parser.add_argument("--config", type=Path)
    parser.add_argument("--lang", choices=LANGUAGES)
    parser.add_argument("--data-dir", type=Path, help="keep the store here (default: a temporary one)")
    parser.add_argument("--json", action="store_true")


def _add_photo(photo: Any) -> None:
    check = photo.add_parser("check", help="the quality measures of DESIGN.md §4.5")
    check.add_argument("images", nargs="+", type=Path, metavar="IMAGE")
    check.add_argument("--json", action="store_true")
    check.add_argument("--lang", choices=LANGUAGES, default="zh", help="language of the hints")
    check.set_defaults(handler=_lazy("kiosk.photo_commands", "check"))
    crop = photo.add_parser("crop", help="the licence photo (260 × 378 JPEG) of an image")
    crop.add_argument("image", type=Path)
    crop.add_argument("--out", type=Path, required=True)
    crop.set_defaults(handler=_lazy("kiosk.photo_commands", "crop"))


def _add_card(card: Any) -> None:
    readers = card.add_parser("readers", help="list the PC/SC readers")
    readers.add_argument("--json", action="store_true")
    readers.set_defaults(handler=_lazy("kiosk.card_commands", "readers"))
    read = card.add_parser("read", help="read an ID document's chip (eMRTD)")
    read.add_argument("--reader", help="reader name pattern (fnmatch)")
    access = read.add_mutually_exclusive_group(required=True)
    access.add_argument("--can", help="the card access number printed on the card (PACE)")
    access.add_argument("--mrz", help="DOCNO,YYMMDD,YYMMDD")
    read.add_argument("--policy", choices=("pace-preferred", "pace-required"), default="pace-preferred",
                      help="PACE where offered, else BAC (default); or PACE only")
    read.add_argument("--csca", type=Path, help="folder of trusted CSCA certificates (signature check)")
    read.add_argument("--json", action="store_true")
    read.add_argument("--portrait", type=Path, help="write the chip's photo here")
    read.set_defaults(handler=_lazy("kiosk.card_commands", "read"))
    emulate = card.add_parser("emulate", help="QA: serve an emulated eMRTD into vsmartcard-vpcd")
    source = emulate.add_mutually_exclusive_group(required=True)
    source.add_argument("--data", type=Path, help="a card folder (see drivers/card/card_builder.py)")
    source.add_argument("--persona", help="build the card from this persona of a scenario file")
    emulate.add_argument("--scenarios", type=Path, help="with --persona (default: the shipped demo file)")
    emulate.add_argument("--port", type=int, default=35963)
    emulate.set_defaults(handler=_lazy("kiosk.card_commands", "emulate"))


def _add_selftest(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=_lazy("kiosk.commands", "selftest"))


def _add_outbox_send(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path)
    parser.add_argument("--data-dir", type=Path, help="the store's folder (default: from the config)")
    parser.add_argument("--backend", help="back office URL (default: from the config)")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=_lazy("kiosk.commands", "outbox_send"))


def _add_screenshot(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--screen")
    which.add_argument("--all", action="store_true")
    parser.add_argument("--lang", choices=LANGUAGES, default="zh")
    parser.add_argument("--large", action="store_true", help="care mode (large text)")
    parser.add_argument("--size", default="1080x1920", help="WIDTHxHEIGHT, e.g. 1920x1080 for landscape")
    parser.add_argument("--out", type=Path, required=True)
    parser.set_defaults(handler=_lazy("kiosk.commands", "screenshot"))


def _add_bench(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="start-time samples of each kind")
    parser.add_argument("--load-seconds", type=float, default=20.0, help="length of the stub-load run")
    parser.add_argument("--soak-sessions", type=int, default=300, help="sessions of the soak figure")
    parser.set_defaults(handler=_lazy("kiosk.commands", "bench"))


def _lazy(module: str, name: str) -> Callable[[argparse.Namespace], int]:
    """Import a command only when it runs: `kiosk --help` must not load Qt."""
    def handler(args: argparse.Namespace) -> int:
        import importlib
        return int(getattr(importlib.import_module(module), name)(args))
    return handler


def settings_for(args: argparse.Namespace) -> Settings:
    """Config file, then command-line overrides."""
    settings = load_settings(getattr(args, "config", None))
    if getattr(args, "lang", None):
        settings = replace(settings, screen=replace(settings.screen, language=args.lang))
    return settings


if __name__ == "__main__":
    sys.exit(main())
