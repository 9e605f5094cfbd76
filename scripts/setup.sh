#!/usr/bin/env bash
# One-command setup for the licence kiosk on Debian/Ubuntu.
#   scripts/setup.sh demo   install what is missing, then start the kiosk in demo mode
#   scripts/setup.sh test   install what is missing (test tools too), then run the whole suite
#   scripts/setup.sh        install only
# Idempotent: apt runs only for missing packages, pip only when pyproject.toml, a lock file or this script changed.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-install}"; shift || true

# Runtime: PC/SC daemon and headers (pyscard builds from source), a C toolchain, CJK fonts,
# and the shared libraries the Qt wheels load. Python venv/headers for a system Python.
runtime_pkgs=(pcscd libpcsclite-dev swig gcc make python3-venv python3-dev fonts-noto-cjk
              libpulse0 libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
              libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
              libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1
              speech-dispatcher speech-dispatcher-espeak-ng espeak-ng libspeechd2)  # voice guidance (zh, en)
# Tests only: the virtual smart-card reader driver. Never installed by the demo/production path.
test_pkgs=(vsmartcard-vpcd)

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

missing_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

install_apt() {
  local want=("${runtime_pkgs[@]}")
  [ "$mode" = test ] && want+=("${test_pkgs[@]}")
  command -v dpkg-query >/dev/null || { echo "setup: not a Debian/Ubuntu system; install ${want[*]} by hand" >&2; return; }
  mapfile -t todo < <(missing_packages "${want[@]}")
  [ "${#todo[@]}" -eq 0 ] && return
  echo "setup: installing system packages: ${todo[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${todo[@]}" >/dev/null
}

install_venv() {
  local stamp=.venv/.setup-stamp want
  want=$(cat pyproject.toml requirements.lock requirements-test.lock scripts/setup.sh | sha256sum | cut -d' ' -f1)
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && return
  [ -x .venv/bin/python ] || python3 -m venv .venv
  echo "setup: installing Python packages into .venv"
  # Exactly the locked versions, hash-checked (`make lock` writes them; the runtime pins are requirements.lock's,
  # what kiosk.spec bundles), then the project itself without letting pip pick anything else.
  .venv/bin/python -m pip install -q --require-hashes -r requirements-test.lock
  .venv/bin/python -m pip install -q --no-deps -e .
  echo "$want" > "$stamp"
}

install_apt
install_venv

case "$mode" in
  demo) exec .venv/bin/kiosk run --demo "$@" ;;
  test)
    # The whole suite also holds the flows (the state machines) at full branch coverage.
    [ $# -eq 0 ] && set -- --cov=flows --cov-branch --cov-report=term-missing:skip-covered --cov-fail-under=100
    exec env QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software .venv/bin/python -m pytest "$@" ;;
  install) ;;
  *) echo "usage: scripts/setup.sh [demo|test|install]" >&2; exit 2 ;;
esac
