#!/usr/bin/env bash
# One command per benchmark: builds in Release and runs a scenario, printing its figures.
#   bench/run.sh portal                      # SQLite (a fresh file)
#   bench/run.sh portal --provider Postgres  # a throwaway PostgreSQL cluster, durable settings
# Extra options go to the scenario (--seconds N, --workers N); see `bench/run.sh <scenario> --help`.
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:?usage: bench/run.sh <scenario> [options]}
shift
dotnet build -c Release bench/CityHall.Bench -v q -nologo >/dev/null
bench=(dotnet bench/CityHall.Bench/bin/Release/net10.0/CityHall.Bench.dll "$scenario")

if [[ " $* " == *" --provider Postgres "* && " $* " != *" --connection "* ]]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PGWORK=$(mktemp -d /tmp/cityhall-bench-pg.XXXXXX)
  PGPORT=${CITYHALL_BENCH_PG_PORT:-55442}
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$PGWORK" --shell /usr/sbin/nologin postgres
    chown postgres "$PGWORK"; run_pg() { runuser -u postgres -- "$@"; }
  else run_pg() { "$@"; }
  fi
  trap 'run_pg "$PGBIN/pg_ctl" -D "$PGWORK/data" -m fast -w stop >/dev/null 2>&1; rm -rf "$PGWORK"' EXIT
  echo bench >"$PGWORK/pw"; [ "$(id -u)" -eq 0 ] && chown postgres "$PGWORK/pw"
  run_pg "$PGBIN/initdb" -D "$PGWORK/data" -U bench --pwfile="$PGWORK/pw" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  # Durable, as in production (fsync and synchronous commit on); more connections for the load.
  run_pg "$PGBIN/pg_ctl" -D "$PGWORK/data" -l "$PGWORK/pg.log" -w -t 30 \
    -o "-k $PGWORK -p $PGPORT -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=512MB" start >/dev/null
  "${bench[@]}" "$@" --connection "Host=127.0.0.1;Port=$PGPORT;Database=postgres;Username=bench;Password=bench;Maximum Pool Size=100"
else
  "${bench[@]}" "$@"
fi
