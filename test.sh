#!/usr/bin/env bash
# CityHall's one test command (CI runs exactly this through .ci/run).
# Installs what the tests need and is missing (Debian packages, npm packages through
# package-lock), starts a throwaway PostgreSQL cluster on a loopback port, runs every suite
# (SQLite, PostgreSQL, browser) and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
ARTIFACTS="$ROOT/artifacts/test"
mkdir -p "$ARTIFACTS"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\n== %s (%s)\n' "$*" "$(date -u +%H:%M:%S)"; }

# --- 1. Debian packages --------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
{ [ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ]; } || missing+=(postgresql)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless) # runs the HTML validator (vnu.jar) in the browser suite
[ -x /usr/sbin/nginx ] || missing+=(nginx-light) # the cluster the drills break (deploy/local-cluster.sh)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$ARTIFACTS/apt.log" 2>&1 \
    || { tail -n 30 "$ARTIFACTS/apt.log"; echo "0 passed, 1 failed"; exit 1; }
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi

# --- 2. Build (restores NuGet packages; the web project runs npm ci and sass itself) -------
log "building"
dotnet tool restore >/dev/null
if ! dotnet build CityHall.slnx -nologo -v q -clp:ErrorsOnly >"$ARTIFACTS/build.log" 2>&1; then
  grep -E "error" "$ARTIFACTS/build.log" | sort -u | head -n 40
  echo "0 passed, 1 failed"
  exit 1
fi

# --- 3. Services: a throwaway PostgreSQL cluster and Redis on loopback ---------------------
PGWORK=$(mktemp -d /tmp/cityhall-pg.XXXXXX)
PGPORT=${CITYHALL_PG_PORT:-55433}
REDISPORT=${CITYHALL_REDIS_PORT:-56379}
REDIS_PID=
cleanup() {
  [ -n "${CITYHALL_CLUSTER_DIR:-}" ] && [ -d "$CITYHALL_CLUSTER_DIR" ] && deploy/local-cluster.sh down >/dev/null 2>&1
  [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null
  if [ -f "$PGWORK/data/postmaster.pid" ]; then
    run_pg "$PGBIN/pg_ctl" -D "$PGWORK/data" -m immediate -w stop >/dev/null 2>&1
  fi
  rm -rf "$PGWORK"
}
trap cleanup EXIT
# initdb refuses root: run the cluster as the postgres user when we are root.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$PGWORK" --shell /usr/sbin/nologin postgres
  chown postgres "$PGWORK"
  run_pg() { runuser -u postgres -- "$@"; }
else
  run_pg() { "$@"; }
fi
log "starting PostgreSQL ($PGBIN) on 127.0.0.1:$PGPORT"
echo app >"$PGWORK/pw"
[ "$(id -u)" -eq 0 ] && chown postgres "$PGWORK/pw"
run_pg "$PGBIN/initdb" -D "$PGWORK/data" -U app --pwfile="$PGWORK/pw" -A scram-sha-256 --no-sync -E UTF8 --locale=C.UTF-8 >"$ARTIFACTS/initdb.log" 2>&1 \
  || { cat "$ARTIFACTS/initdb.log"; echo "0 passed, 1 failed"; exit 1; }
run_pg "$PGBIN/pg_ctl" -D "$PGWORK/data" -l "$PGWORK/pg.log" -w -t 30 \
  -o "-k $PGWORK -p $PGPORT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
  || { cat "$PGWORK/pg.log"; echo "0 passed, 1 failed"; exit 1; }
export CITYHALL_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Database=postgres;Username=app;Password=app"
# The backup verbs the tests run use the cluster's own pg_dump/pg_restore, whatever else the PATH has.
export Backup__PostgresTools="$PGBIN"

log "starting Redis on 127.0.0.1:$REDISPORT"
redis-server --port "$REDISPORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >"$ARTIFACTS/redis.log" 2>&1 &
REDIS_PID=$!
for _ in $(seq 1 50); do redis-cli -p "$REDISPORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
export CITYHALL_TEST_REDIS="127.0.0.1:$REDISPORT"

# --- 4. Suites ------------------------------------------------------------------------------
LOG="$ARTIFACTS/tests.log"
: >"$LOG"
rc=0
run_suite() {
  local name=$1; shift
  log "suite: $name"
  # Per failure: its name, the message (up to 12 lines) and the first frames of the stack.
  "$@" 2>&1 | tee -a "$LOG" | awk '
    /^(Passed|Failed)!/ || /\[FAIL\]/ { print; next }
    /^ +Error Message:/ { print; msg = 12; next }
    /^ +Stack Trace:/ { print; msg = 0; stack = 6; next }
    msg > 0 { print; msg--; next }
    stack > 0 { print; stack--; next }' | head -n 200
  local status=${PIPESTATUS[0]}
  [ "$status" -ne 0 ] && rc=1
  return 0
}
run_suite "HTTP on SQLite" dotnet test tests/CityHall.Tests --no-build
run_suite "HTTP on PostgreSQL" env CITYHALL_TEST_POSTGRES="$CITYHALL_POSTGRES" dotnet test tests/CityHall.Tests --no-build
run_suite "browser (Chromium + axe)" dotnet test tests/CityHall.BrowserTests --no-build

# --- 5. Failure drills on a whole cluster -----------------------------------------------------
# nginx, 3 nodes, a PostgreSQL primary with a streaming replica and Redis (deploy/local-cluster.sh), broken
# while citizens support proposals and ask questions and viewers watch: a node killed, PostgreSQL restarted,
# Redis away, the primary's disk full, every node replaced in turn. Each drill prints "lost: N", whether every
# proposal's chain is intact, and whether it held; one that lost an acknowledged write, broke a chain, failed a
# request in the rolling restart, or did not run counts as a failed test.
# The nodes and the drills' clients run the Debug build the suites used (step 2 built the bench too; by hand the
# script publishes Release).
# The disk-full drill mounts a tmpfs: where the kernel refuses that (a container without CAP_SYS_ADMIN) it is
# left out, and said so. The rolling *upgrade* from the previous release is `bench/run.sh drills` (two builds).
log "suite: failure drills (deploy/local-cluster.sh)"
export CITYHALL_CLUSTER_DIR=$(mktemp -d /tmp/cityhall-cluster.XXXXXX) CITYHALL_CLUSTER_PORT=${CITYHALL_CLUSTER_PORT:-27000}
rmdir "$CITYHALL_CLUSTER_DIR" # the script makes it
DRILLS="$ARTIFACTS/drills.log"
DRILL_COUNT=4 DISK_FULL=0
probe=$(mktemp -d /tmp/cityhall-mount-probe.XXXXXX)
if mount -t tmpfs -o size=1m tmpfs "$probe" 2>/dev/null; then umount "$probe"; DRILL_COUNT=5 DISK_FULL=10
else log "the disk-full drill is left out: this machine does not let root mount a tmpfs"; fi
rmdir "$probe"
{
  deploy/local-cluster.sh up --app src/CityHall.Web/bin/Debug/net10.0 \
    && dotnet bench/CityHall.Bench/bin/Debug/net10.0/CityHall.Bench.dll drills --short --citizens 60 --viewers 1500 --redis-away 15 --disk-full "$DISK_FULL"
} >"$DRILLS" 2>&1
for f in "$CITYHALL_CLUSTER_DIR"/nodes/*/log; do [ -f "$f" ] && tail -n 40 "$f" >"$ARTIFACTS/drills-node-$(basename "$(dirname "$f")").log"; done
deploy/local-cluster.sh down >/dev/null 2>&1
grep -E "^(# |kill|restart|Redis|disk|rolling|drills)" "$DRILLS" | cut -c1-300
held=$(grep -cE ": held$" "$DRILLS")
broke=$((DRILL_COUNT - held))
[ "$broke" -gt 0 ] && { tail -n 30 "$DRILLS"; rc=1; }
# In the suites' own format, so the total below counts the drills.
outcome=Passed; [ "$broke" -gt 0 ] && outcome=Failed
printf '%s!  - Failed: %5d, Passed: %5d, Skipped:     0, Total: %5d - failure drills\n' "$outcome" "$broke" "$held" "$DRILL_COUNT" | tee -a "$LOG"

awk '/^(Passed|Failed)! +- Failed:/ { gsub(",", ""); f += $4; p += $6; s += $8; n++ }
     END { if (n == 0) { print "0 passed, 1 failed"; exit 1 } if (s > 0) printf "%d skipped\n", s; printf "%d passed, %d failed\n", p, f; if (f > 0) exit 1 }' "$LOG" || rc=1
exit $rc
