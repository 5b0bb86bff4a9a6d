#!/bin/sh
# Set up a development environment in .venv and run SoloCRM or its tests.
#   sh packaging/dev.sh app [ARGS...]   install what is missing, then open the app
#   sh packaging/dev.sh test [ARGS...]  install what is missing, then run every test
set -eu
cd "$(dirname "$0")/.."

# Qt's runtime libraries, a font that renders Chinese, pdftoppm for the report preview, and for the
# backup tests the age tool (recovery without SoloCRM) and faketime (a fast machine)
# (Debian/Ubuntu package names).
SYSTEM_PACKAGES="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 \
libxcb-render-util0 libxcb-image0 fonts-noto-cjk poppler-utils age faketime"

system_packages() {
    command -v dpkg-query >/dev/null 2>&1 || return 0
    missing=""
    for pkg in $SYSTEM_PACKAGES; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    elif command -v sudo >/dev/null 2>&1; then
        echo "Installing system packages:$missing"
        sudo apt-get install -y $missing
    else
        echo "Please install these system packages first:$missing" >&2
        exit 1
    fi
}

python_env() {
    PYTHON="${PYTHON:-python3}"
    [ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
    stamp=.venv/.installed
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
        .venv/bin/python -m pip install -q --upgrade pip
        .venv/bin/python -m pip install -q -e ".[test]"
        touch "$stamp"
    fi
}

command="${1:-app}"
[ $# -gt 0 ] && shift
system_packages
python_env
case "$command" in
    app)  exec .venv/bin/solocrm "$@" ;;
    test) QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m pytest "$@" ;;
    *)    echo "usage: sh packaging/dev.sh app|test [ARGS...]" >&2; exit 2 ;;
esac
