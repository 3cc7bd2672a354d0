#!/usr/bin/env bash
# One command per benchmark: builds in Release and runs a scenario, printing its figures.
#   bench/run.sh portal                      # SQLite (a fresh file)
#   bench/run.sh portal --provider Postgres  # a throwaway PostgreSQL cluster, durable settings
#   bench/run.sh drills                      # a cluster of its own, upgraded from the previous release in the last drill
#   bench/run.sh cluster                     # a cluster of its own: throughput with 1, 2 and 3 nodes behind nginx
# Extra options go to the scenario (--seconds N, --workers N); see `bench/run.sh <scenario> --help`.
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:?usage: bench/run.sh <scenario> [options]}
shift
dotnet build -c Release bench/CityHall.Bench -v q -nologo >/dev/null
bench=(dotnet bench/CityHall.Bench/bin/Release/net10.0/CityHall.Bench.dll "$scenario")

if [ "$scenario" = drills ] || [ "$scenario" = cluster ]; then
  # These run on a cluster of their own (deploy/local-cluster.sh), taken down afterwards.
  # drills: the cluster starts on the previous release — this tree as it was before its newest migration was added,
  # or --upgrade-from REV — and the last drill upgrades it node by node to this tree's build, migrating first: every
  # new migration is proven to let the release before it keep serving. --no-upgrade starts on this tree.
  # cluster: this tree's build on 3 nodes, measured with 1, 2 and 3 of them in nginx's upstream.
  from=""
  [ "$scenario" = drills ] && from=auto
  args=()
  while [ $# -gt 0 ]; do
    case $1 in
      --upgrade-from) from=$2; shift 2 ;;
      --no-upgrade) from=""; shift ;;
      *) args+=("$1"); shift ;;
    esac
  done
  work=$(mktemp -d /tmp/cityhall-$scenario.XXXXXX)
  chmod 755 "$work" # PostgreSQL's own user keeps the cluster's databases under it
  export CITYHALL_CLUSTER_DIR=$work/cluster
  # On failure the nodes' logs are kept (in /tmp/cityhall-$scenario-logs) before the cluster goes.
  trap 'rc=$?; [ $rc -ne 0 ] && [ -d "$CITYHALL_CLUSTER_DIR/nodes" ] && { rm -rf "/tmp/cityhall-$scenario-logs"; cp -r "$CITYHALL_CLUSTER_DIR/nodes" "/tmp/cityhall-$scenario-logs"; echo "node logs: /tmp/cityhall-$scenario-logs"; }
        deploy/local-cluster.sh down >/dev/null 2>&1 || true; git worktree remove --force "$work/previous-src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
  echo "# building this tree's release"
  dotnet publish src/CityHall.Web -c Release -o "$work/new" -nologo -v q >"$work/publish-new.log" 2>&1 || { tail -n 30 "$work/publish-new.log"; exit 1; }
  start=$work/new
  if [ -n "$from" ]; then
    if [ "$from" = auto ]; then
      added=$(git log -1 --no-renames --diff-filter=A --format=%H -- src/CityHall.Web/Data/Migrations/Postgres) # a squash adds files git would call renames
      from=$(git rev-parse "$added^")
    fi
    echo "# building the release to upgrade from: $(git log -1 --format='%h %s' "$from" | cut -c1-100)"
    git worktree add --detach "$work/previous-src" "$from" >/dev/null 2>&1
    dotnet publish "$work/previous-src/src/CityHall.Web" -c Release -o "$work/previous" -nologo -v q >"$work/publish-previous.log" 2>&1 || { tail -n 30 "$work/publish-previous.log"; exit 1; }
    start=$work/previous
    args+=(--upgrade-to "$work/new")
  fi
  deploy/local-cluster.sh up --app "$start"
  "${bench[@]}" "${args[@]}"
  exit $?
fi

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
