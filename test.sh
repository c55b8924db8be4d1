#!/usr/bin/env bash
# The one test command: every test project on SQLite and on a throwaway PostgreSQL, then the
# browser tests in Debian's Chromium. Ends with « N passed, N failed ».
# With CI=true a missing prerequisite is a failure, never a silent skip.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
CI=${CI:-false}

say() { printf '\n== %s\n' "$*"; }
die() { printf 'test.sh: %s\n' "$*" >&2; printf '0 passed, 1 failed\n'; exit 1; }

# --- Prerequisites ---------------------------------------------------------------------------
command -v dotnet >/dev/null || die "le SDK .NET 10 est requis (dotnet introuvable)."
command -v npm >/dev/null || die "Node.js et npm sont requis pour les fichiers Bootstrap (npm introuvable)."

find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null && command -v pg_ctl >/dev/null && { dirname "$(command -v initdb)"; return 0; }
  return 1
}
CHROMIUM=${EGALIS_CHROMIUM:-$(command -v chromium || true)}
PG_BIN=$(find_pg_bin || true)

find_nginx() { command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; }; }

missing=()
[ -n "$CHROMIUM" ] || missing+=(chromium)
[ -n "$PG_BIN" ] || missing+=(postgresql)
# The two-node deployment is tested behind Debian's nginx.
find_nginx >/dev/null || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installation des paquets Debian : ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || die "apt-get update a échoué."
    apt-get install -y -qq "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} a échoué."
    CHROMIUM=$(command -v chromium || true)
    PG_BIN=$(find_pg_bin || true)
  else
    die "paquets manquants : ${missing[*]}. Installez-les (en root : apt-get install -y ${missing[*]}), puis relancez ./test.sh."
  fi
fi
[ -n "$CHROMIUM" ] || die "chromium est introuvable après installation."
[ -n "$PG_BIN" ] || die "PostgreSQL (initdb, pg_ctl) est introuvable après installation."
find_nginx >/dev/null || die "nginx est introuvable après installation."

# --- Build ---------------------------------------------------------------------------------
say "Compilation"
dotnet build Egalis.slnx -nologo -v quiet -clp:ErrorsOnly || die "la compilation a échoué."

# --- Throwaway PostgreSQL on 127.0.0.1 ------------------------------------------------------
PG_DIR=$(mktemp -d /tmp/egalis-pg.XXXXXX)
PG_PID=""
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [ -n "$PG_PID" ] && kill -0 "$PG_PID" 2>/dev/null; then
    kill -INT "$PG_PID" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$PG_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$PG_PID" 2>/dev/null || true
  fi
  rm -rf "$PG_DIR"
}
trap cleanup EXIT
[ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
PG_PORT=$(( 20000 + RANDOM % 20000 ))
say "PostgreSQL temporaire ($PG_BIN) sur 127.0.0.1:$PG_PORT"
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$PG_DIR/initdb.log" 2>&1 \
  || { cat "$PG_DIR/initdb.log"; die "initdb a échoué."; }
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null \
  || { cat "$PG_DIR/server.log"; die "PostgreSQL n'a pas démarré."; }
PG_PID=$(head -1 "$PG_DIR/data/postmaster.pid")
export EGALIS_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Maximum Pool Size=50"

# --- Tests -----------------------------------------------------------------------------------
passed=0; failed=0; skipped=0
run_tests() { # label, project, then environment assignments
  local label=$1 project=$2; shift 2
  say "Tests : $label"
  local log; log=$(mktemp)
  env "$@" dotnet test "$project" --no-build -nologo 2>&1 | tee "$log"
  local code=${PIPESTATUS[0]}
  local line; line=$(grep -E '^(Passed|Failed)!' "$log" | tail -1)
  if [ -z "$line" ]; then
    failed=$((failed + 1)); echo "test.sh: $label n'a produit aucun résultat (code $code)." >&2
  else
    passed=$((passed + $(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line")))
    failed=$((failed + $(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line")))
    skipped=$((skipped + $(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")))
    [ "$code" = 0 ] || grep -qE 'Failed: *[1-9]' <<<"$line" || failed=$((failed + 1))
  fi
  rm -f "$log"
}
run_tests "SQLite" tests/Egalis.Tests EGALIS_TEST_DB=Sqlite
run_tests "PostgreSQL" tests/Egalis.Tests EGALIS_TEST_DB=Postgres
run_tests "navigateur (Chromium)" tests/Egalis.BrowserTests EGALIS_TEST_DB=Sqlite EGALIS_CHROMIUM="$CHROMIUM"

echo
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" = 0 ]
