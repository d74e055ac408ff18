#!/bin/sh
# Makes sure the programs the test suites start are installed; `npm test` runs it first.
#
#   clickhouse-server, clickhouse-client  the engine contract suite starts its own two-shard cluster
#   postgresql (initdb, pg_ctl)           the PostgreSQL state suite starts its own server
#   chromium                              the dashboard's end-to-end tests (headless)
#   fonts-noto-core                       Persian and Arabic glyphs in the dashboard's screenshots
#
# On Debian or Ubuntu what is missing is installed with apt-get (as root, or through `sudo -n`); the
# package lists are refreshed only then. Elsewhere it stops at once, naming what to install. Silent
# when everything is present, so it is cheap to run every time.
set -u

missing=""       # Debian package names
missing_what=""  # what the tests need, for the message elsewhere

need() { missing="$missing $1"; missing_what="$missing_what
  - $2"; }

has_postgres() {
  if [ -n "${VAFA_PG_BIN:-}" ]; then
    [ -x "$VAFA_PG_BIN/initdb" ] && [ -x "$VAFA_PG_BIN/pg_ctl" ]
    return
  fi
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && return 0
  done
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1
}

is_debian_like() {
  command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1 || return 1
  [ -r /etc/os-release ] || return 1
  # shellcheck disable=SC1091
  ids=$(. /etc/os-release && echo "${ID:-} ${ID_LIKE:-}")
  case " $ids " in *" debian "* | *" ubuntu "*) return 0 ;; esac
  return 1
}

check() {
  missing=""
  missing_what=""
  command -v clickhouse-server >/dev/null 2>&1 ||
    need clickhouse-server "clickhouse-server (the ClickHouse server binary, on PATH)"
  command -v clickhouse-client >/dev/null 2>&1 ||
    need clickhouse-client "clickhouse-client (on PATH)"
  has_postgres ||
    need postgresql "PostgreSQL's server binaries initdb and pg_ctl (on PATH, or set VAFA_PG_BIN)"
  chromium=${VAFA_CHROMIUM:-/usr/bin/chromium}
  [ -x "$chromium" ] ||
    need chromium "Chromium at $chromium (or set VAFA_CHROMIUM to a Chromium or Chrome binary)"
  if is_debian_like; then
    dpkg -s fonts-noto-core >/dev/null 2>&1 || need fonts-noto-core "fonts-noto-core"
  elif command -v fc-list >/dev/null 2>&1; then
    fc-list 2>/dev/null | grep -qi "Noto Naskh Arabic\|Noto Sans Arabic" ||
      need fonts-noto-core "Noto fonts with Arabic script (Noto Naskh Arabic or Noto Sans Arabic)"
  fi
}

check
[ -z "$missing" ] && exit 0

if ! is_debian_like; then
  echo "npm test: these are needed and are not installed:$missing_what" >&2
  echo "Install them with your system's package manager, then run npm test again." >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root="sudo -n"
else
  echo "npm test: missing:$missing" >&2
  echo "Install them as root, then run npm test again:" >&2
  echo "  apt-get update && apt-get install -y$missing" >&2
  exit 1
fi

echo "npm test: installing what the test suites need:$missing (apt-get)"
log=$(mktemp "${TMPDIR:-/tmp}/vafa-apt.XXXXXX")
# shellcheck disable=SC2086
if ! { $as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing; } >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  rm -f "$log"
  echo "npm test: apt-get could not install:$missing" >&2
  exit 1
fi
rm -f "$log"

check
if [ -n "$missing" ]; then
  echo "npm test: still missing after apt-get:$missing_what" >&2
  exit 1
fi
