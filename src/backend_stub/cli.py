"""`kiosk-stub`: run the stand-in back office.

Prints exactly one line on stdout once it accepts connections — `kiosk-stub listening on
http://HOST:PORT` — so a parent started with `--port 0` can find the port. Bad usage or
configuration: one line on stderr and exit code 2. SIGTERM or SIGINT: clean stop, exit 0.
"""

import argparse
import re
import signal
import socket
import sqlite3
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from types import FrameType

import uvicorn
from fastapi import FastAPI

from backend_stub.app import DATA_DIR, create_app
from backend_stub.dates import parse_iso_date
from backend_stub.model import Scenario
from backend_stub.scenarios import ScenarioError, load_scenarios

PROG = "kiosk-stub"
DEFAULT_TOKEN = "demo-kiosk-token"
DEFAULT_SCENARIOS = DATA_DIR / "demo.json"
READY_LINE = PROG + " listening on {url}"
GRACEFUL_SHUTDOWN_S = 5


class UsageError(Exception):
    """Bad usage or configuration: reported in one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, no usage block: callers read stderr's last line.
        raise UsageError(message)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = _Parser(prog=PROG, description="The stand-in licence back office for QA and demos.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument(
        "--port", type=_port, default=8700, help="TCP port; 0 picks a free one (default 8700)"
    )
    parser.add_argument(
        "--db", help="SQLite file for applications, photos, payments, heartbeats (default: in memory)"
    )
    parser.add_argument(
        "--scenarios",
        nargs="+",
        action="extend",
        type=Path,
        metavar="FILE",
        help=f"scenario files, merged in order (default {DEFAULT_SCENARIOS.name})",
    )
    parser.add_argument(
        "--today", help="the stub's date YYYY-MM-DD (default: the scenarios' today, else the real date)"
    )
    parser.add_argument(
        "--office", default="371500", help="the kiosk's office code when a request names none"
    )
    parser.add_argument(
        "--token",
        nargs="+",
        action="extend",
        metavar="TOKEN",
        help=f"accepted bearer tokens (default {DEFAULT_TOKEN})",
    )
    parser.add_argument("--access-log", action="store_true", help="log every request (off: paths carry ids)")
    return parser.parse_args(argv)


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"expected 0 to 65535, got {text[:20]!r}")
    return int(text)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        options = parse_args(argv)
        app = build_app(options)
        sock = listen(options.host, options.port)
    except UsageError as error:
        print(f"{PROG}: {' '.join(str(error).split())}", file=sys.stderr)
        return 2
    serve(app, sock, options.access_log)
    return 0


def build_app(options: argparse.Namespace) -> FastAPI:
    today = _date_option(options.today)
    office = _office(options.office)
    tokens = _tokens(options.token or [DEFAULT_TOKEN])
    files = options.scenarios or [DEFAULT_SCENARIOS]
    scenario = _scenarios(files)
    try:
        return create_app(
            scenario.personas,
            today or scenario.today or date.today(),
            office,
            tokens,
            options.db,
            files[0].parent,
        )
    except (sqlite3.Error, OSError) as error:
        raise UsageError(f"--db {options.db}: cannot use this database: {error}") from None


def _scenarios(files: list[Path]) -> Scenario:
    try:
        return load_scenarios(files)
    except ScenarioError as error:
        raise UsageError(str(error)) from None


def _office(text: str) -> str:
    if not re.fullmatch(r"[0-9]{6}", text):
        raise UsageError(f"--office: expected a 6-digit office code, got {text[:20]!r}")
    return text


def _date_option(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return parse_iso_date(text)
    except ValueError:
        raise UsageError(f"--today: expected a date YYYY-MM-DD, got {text[:20]!r}") from None


def _tokens(tokens: list[str]) -> list[str]:
    for token in tokens:
        if not token or not token.isascii() or not token.isprintable() or " " in token:
            raise UsageError("--token: a token is 1 or more printable ASCII characters without spaces")
    return tokens


def listen(host: str, port: int) -> socket.socket:
    """Bind and listen ourselves, so that `--port 0` yields a port we can announce."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
    except OSError as error:
        raise UsageError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as error:
        sock.close()
        raise UsageError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


class _AnnouncingServer(uvicorn.Server):
    """Prints the ready line only after uvicorn has started serving on the socket."""

    def __init__(self, config: uvicorn.Config, url: str) -> None:
        super().__init__(config)
        self.url = url

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            print(READY_LINE.format(url=self.url), flush=True)


def serve(app: FastAPI, sock: socket.socket, access_log: bool) -> None:
    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=access_log,
        lifespan="off",
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S,
    )
    # uvicorn stops gracefully on SIGTERM/SIGINT and then re-raises the signal to the handler
    # that was there before it: make that handler a clean exit instead of death by signal.
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, _exit_cleanly)
    with sock:
        _AnnouncingServer(config, url_of(sock)).run(sockets=[sock])


def _exit_cleanly(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)
