#!/usr/bin/env bash
# The load scenario, in one command: bench/load/run.sh [seconds per address, default 10]
# Starts a throwaway PostgreSQL, the site in Release (Production environment) on it, adds realistic volume
# (volume.sql), starts a bare ASP.NET Core endpoint, then runs wrk on loopback against each public page and API and
# the bare endpoint in the same run. Prints req/s, p50, p99, the ratio to the bare endpoint and whether the goal is
# met (README, « Performances »). Installs wrk and PostgreSQL from Debian when they are missing (as root).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DUREE=${1:-10}
CONNEXIONS=${EGALIS_BENCH_CONNEXIONS:-64}
PG_PORT=${EGALIS_BENCH_PG_PORT:-25499}
SITE=http://127.0.0.1:5180
BARE=http://127.0.0.1:5181

find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }; done
  return 1
}
missing=()
command -v wrk >/dev/null || missing+=(wrk)
find_pg_bin >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "Installez d'abord : ${missing[*]}" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
PG_BIN=$(find_pg_bin)

WORK=$(mktemp -d /tmp/egalis-load.XXXXXX)
chmod 755 "$WORK"
PIDS=()
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== PostgreSQL jetable (port $PG_PORT)"
mkdir -p "$WORK/pg" && { [ "$(id -u)" = 0 ] && chown postgres "$WORK/pg" || true; }
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -A trust -U postgres >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/log" -w -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $WORK/pg -c max_connections=200 -c shared_buffers=512MB" start >/dev/null
PSQL=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q)
as_pg "${PSQL[@]}" -c "CREATE DATABASE egalis"

echo "== Publication en Release"
dotnet publish src/Egalis.Web -c Release -o "$WORK/app" -nologo -v quiet
dotnet publish bench/Egalis.Bare -c Release -o "$WORK/bare" -nologo -v quiet

attendre() {
  for _ in $(seq 1 120); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "$1 ne répond pas" >&2; return 1
}

echo "== Démarrage du site (Production, PostgreSQL) et volume réaliste"
(cd "$WORK/app" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$SITE Egalis__UrlPublique=$SITE \
  Database__Provider=Postgres ConnectionStrings__Egalis="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=egalis;Maximum Pool Size=100" \
  Logging__LogLevel__Default=Warning dotnet Egalis.Web.dll >"$WORK/site.log" 2>&1) &
PIDS+=($!)
attendre "$SITE/healthz"
as_pg "${PSQL[@]}" -d egalis -f "$ROOT/bench/load/volume.sql"
as_pg "${PSQL[@]}" -d egalis -c 'INSERT INTO "CacheChanges" ("At") VALUES (now())'
ACTE=$(as_pg "${PSQL[@]}" -d egalis -Atc "SELECT max(\"Id\") FROM \"PointsOrdreDuJour\"")
ACTES_ID=$(as_pg "${PSQL[@]}" -d egalis -Atc "SELECT format('013-200054807-%s-%s-DE', to_char(s.\"Date\", 'YYYYMMDD'), p.\"NumeroActe\") FROM \"PointsOrdreDuJour\" p JOIN \"Seances\" s ON s.\"Id\" = p.\"SeanceId\" WHERE p.\"Id\" = $ACTE")
as_pg "${PSQL[@]}" -d egalis -Atc 'SELECT format($$%s actes, %s présences, %s lignes du journal, %s valeurs d''indicateurs$$,
  (SELECT count(*) FROM "PointsOrdreDuJour"), (SELECT count(*) FROM "Presences"), (SELECT count(*) FROM "JournalAudit"),
  (SELECT count(*) FROM "ValeursIndicateur"))'
as_pg "${PSQL[@]}" -d egalis -Atc 'SELECT format($$%s dossiers du fonds d''initiative$$, (SELECT count(*) FROM "Dossiers"))'

(cd "$WORK/bare" && exec env ASPNETCORE_URLS=$BARE dotnet Egalis.Bare.dll >"$WORK/bare.log" 2>&1) &
PIDS+=($!)
attendre "$BARE/plaintext"
sleep 2

# address | goal (ratio to the bare endpoint)
ADRESSES=(
  "$BARE/plaintext|-"
  "$SITE/|0.30"
  "$SITE/plan|0.30"
  "$SITE/plan/action/1.3|0.30"
  "$SITE/plan/indicateurs|0.30"
  "$SITE/deliberations|0.30"
  "$SITE/deliberations/acte/$ACTE|0.30"
  "$SITE/territoires|0.30"
  "$SITE/donneesouvertes|0.30"
  "$SITE/api/v1/plan|0.30"
  "$SITE/api/v1/deliberations|0.30"
  "$SITE/api/v1/deliberations/$ACTES_ID|0.30"
  "$SITE/api/v1/communes|0.30"
  "$SITE/api/v1/geo/lookup?lat=43.2965&lon=5.3698|0.50"
)

ms() { # wrk's latency (« 812.00us », « 1.23ms », « 2.01s ») in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

echo "== Charge : wrk -t2 -c$CONNEXIONS -d${DUREE}s, par adresse"
printf '%-52s %10s %9s %9s %7s  %s\n' "adresse" "req/s" "p50 ms" "p99 ms" "ratio" "objectif"
BARE_RPS=""
echec=0
for ligne in "${ADRESSES[@]}"; do
  url=${ligne%|*}; objectif=${ligne##*|}
  for _ in 1 2 3; do curl -fs -o /dev/null "$url" || { echo "$url ne répond pas" >&2; exit 1; }; done
  sortie=$(wrk -t2 -c"$CONNEXIONS" -d"${DUREE}s" --latency "$url")
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$sortie")
  p50=$(ms "$(awk '$1 == "50%" { print $2 }' <<<"$sortie")")
  p99=$(ms "$(awk '$1 == "99%" { print $2 }' <<<"$sortie")")
  erreurs=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { if (n > 0) print n }' <<<"$sortie")
  [ -z "$BARE_RPS" ] && BARE_RPS=$rps
  ratio=$(awk -v a="$rps" -v b="$BARE_RPS" 'BEGIN { printf "%.2f", a / b }')
  verdict="-"
  if [ "$objectif" != "-" ]; then
    if awk -v r="$ratio" -v o="$objectif" -v p="$p99" 'BEGIN { exit !(r >= o && p <= 50) }'; then verdict="atteint (≥ $objectif, p99 ≤ 50)"; else verdict="NON ATTEINT (≥ $objectif, p99 ≤ 50)"; echec=1; fi
  fi
  [ -n "$erreurs" ] && { verdict="$verdict ; $erreurs réponses en erreur"; echec=1; }
  printf '%-52s %10.0f %9s %9s %7s  %s\n' "${url#http://127.0.0.1:}" "$rps" "$p50" "$p99" "$ratio" "$verdict"
done
echo
echo "== Liste d'instruction du fonds sur 20 000 dossiers (temps serveur : objectif p99 < 100 ms)"
dotnet run -c Release --project bench/Egalis.Benchmarks -- instruction "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=egalis" || echec=1
echo
echo "== Exports de 1 000 000 lignes (mémoire : objectif moins de 100 Mo de croissance)"
dotnet run -c Release --project bench/Egalis.Benchmarks -- exports || echec=1
exit $echec
