#!/usr/bin/env bash
# A whole CityHall deployment on this machine, on loopback ports: nginx in front of app nodes (3 by
# default), a PostgreSQL primary with a streaming replica (pg_basebackup) and Redis. The same topology a
# city spreads over machines; docs/operations.md explains it and every setting.
#
#   deploy/local-cluster.sh up [--nodes N] [--app DIR]   build (Release) unless --app names a built app, start all
#   deploy/local-cluster.sh status                       each part: running or not, ready or not
#   deploy/local-cluster.sh down                         stop everything and delete the cluster's folder
#   deploy/local-cluster.sh env                          the addresses and connection strings (for drills and benchmarks)
# Parts, for drills and upgrades:
#   node-start N [--app DIR] | node-stop N | node-kill N  one app node (start waits for readiness; stop is graceful;
#                                                        kill is kill -9)
#   node-drain N | node-undrain N                        take a node out of nginx / put it back (after its readiness)
#   postgres-restart | postgres-stop | postgres-start     the primary
#   redis-stop | redis-start | redis-pause SECONDS       Redis gone (shut down) and back; or hung (SIGSTOP) for a while
#   postgres-small-disk MB                              move the primary's data onto its own file system (a tmpfs,
#                                                        root only) with MB megabytes free, as a full-disk drill needs
#   disk-fill | disk-free                               fill that file system to the last byte / free it again
#   verb [--app DIR] VERB…                               an app verb (migrate, backup…) with the cluster's settings
#   nodes                                                the node numbers
#
# CITYHALL_CLUSTER_DIR (default /tmp/cityhall-cluster) holds data, logs and pids; CITYHALL_CLUSTER_PORT
# (default 28000) is the base: nginx +80, nodes +1…, PostgreSQL +432 (replica +433), Redis +379. Keep it below the
# kernel's ephemeral ports (net.ipv4.ip_local_port_range, 32768–60999 by default): nginx's connections to the nodes
# leave 127.0.0.1 from ephemeral ports, and a node restarted on a port inside that range may find it taken.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE=${CITYHALL_CLUSTER_DIR:-/tmp/cityhall-cluster}
BASE=${CITYHALL_CLUSTER_PORT:-28000}
NGINX_PORT=$((BASE + 80))
PG_PORT=$((BASE + 432))
REPLICA_PORT=$((BASE + 433))
REDIS_PORT=$((BASE + 379))
node_port() { echo $((BASE + $1)); }

say() { printf '%s\n' "$*" >&2; }
die() { say "local-cluster: $*"; exit 1; }

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ "$(id -u)" -eq 0 ]; then run_pg() { runuser -u postgres -- "$@"; }; else run_pg() { "$@"; }; fi

secrets() {
  # Made once per cluster: the database password and the settings production requires.
  if [ ! -f "$STATE/secrets.env" ]; then
    mkdir -p "$STATE"
    {
      echo "DB_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
      echo "IDENTITY_HASH_KEY=$(head -c 32 /dev/urandom | base64)"
    } >"$STATE/secrets.env"
    chmod 600 "$STATE/secrets.env"
  fi
  # shellcheck disable=SC1091
  . "$STATE/secrets.env"
}

primary_cs() { echo "Host=127.0.0.1;Port=$PG_PORT;Database=cityhall;Username=cityhall;Password=$DB_PASSWORD;Maximum Pool Size=60;Timeout=5;Command Timeout=15"; }
replica_cs() { echo "Host=127.0.0.1;Port=$REPLICA_PORT;Database=cityhall;Username=cityhall;Password=$DB_PASSWORD;Maximum Pool Size=30;Timeout=5;Command Timeout=15"; }

# --- tools ------------------------------------------------------------------------------------
need_tools() {
  local missing=()
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  { [ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ]; } || missing+=(postgresql)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || die "install ${missing[*]} first"
    say "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
  fi
}
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)

wait_for() { # seconds description command...
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { say "timed out waiting for $what"; return 1; }
    sleep 0.2
  done
}
ready() { curl -fsS -m 2 "http://127.0.0.1:$1/health/ready" >/dev/null; }

# --- PostgreSQL -------------------------------------------------------------------------------
pg_up() {
  local data=$STATE/pg/primary
  if [ ! -d "$data" ]; then
    mkdir -p "$STATE/pg"
    [ "$(id -u)" -eq 0 ] && chown postgres "$STATE/pg"
    echo "$DB_PASSWORD" >"$STATE/pg/pw"; [ "$(id -u)" -eq 0 ] && chown postgres "$STATE/pg/pw"
    run_pg "$PGBIN/initdb" -D "$data" -U cityhall --pwfile="$STATE/pg/pw" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$STATE/pg/initdb.log"
    rm -f "$STATE/pg/pw"
    cat >>"$data/postgresql.conf" <<CONF
# deploy/local-cluster.sh
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$STATE/pg'
max_connections = 300
shared_buffers = 256MB
wal_level = replica
max_wal_senders = 5
wal_keep_size = 512MB
hot_standby = on
CONF
    echo "host replication cityhall 127.0.0.1/32 scram-sha-256" >>"$data/pg_hba.conf"
  fi
  run_pg "$PGBIN/pg_ctl" -D "$data" -l "$STATE/pg/primary.log" -w -t 60 start >/dev/null
  PGPASSWORD=$DB_PASSWORD "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U cityhall -d postgres -qtAc \
    "SELECT 1 FROM pg_database WHERE datname = 'cityhall'" | grep -q 1 \
    || PGPASSWORD=$DB_PASSWORD "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U cityhall -d postgres -qc "CREATE DATABASE cityhall" >/dev/null
}

replica_up() {
  local data=$STATE/pg/replica
  if [ ! -d "$data" ]; then
    # A copy of the primary that then follows its write-ahead log (-R writes standby.signal and primary_conninfo).
    run_pg env PGPASSWORD="$DB_PASSWORD" "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" -U cityhall \
      -D "$data" -R -X stream -c fast >"$STATE/pg/basebackup.log" 2>&1 || { cat "$STATE/pg/basebackup.log" >&2; die "pg_basebackup failed"; }
    sed -i "s/^port = .*/port = $REPLICA_PORT/" "$data/postgresql.conf"
  fi
  run_pg "$PGBIN/pg_ctl" -D "$data" -l "$STATE/pg/replica.log" -w -t 60 start >/dev/null
}

pg_stop() { # folder
  [ -f "$STATE/pg/$1/postmaster.pid" ] && run_pg "$PGBIN/pg_ctl" -D "$STATE/pg/$1" -m fast -w -t 60 stop >/dev/null 2>&1 || true
}

# The primary's data on a file system of its own, small enough to fill: a tmpfs mounted in the cluster's folder,
# the data directory moved onto it and a link left where it was, so every other verb finds it unchanged.
DISK=$STATE/pg/disk
small_disk() { # free megabytes
  local free_mb=$1 data=$STATE/pg/primary used_mb
  [ "$(id -u)" -eq 0 ] || die "mounting a file system needs root"
  mountpoint -q "$DISK" 2>/dev/null && die "the primary is on a small disk already"
  secrets
  pg_stop primary
  used_mb=$(du -sm "$data" | cut -f1)
  mkdir -p "$DISK"
  mount -t tmpfs -o "size=$((used_mb + free_mb))m,mode=0700" tmpfs "$DISK" \
    || { run_pg "$PGBIN/pg_ctl" -D "$data" -l "$STATE/pg/primary.log" -w -t 60 start >/dev/null; die "could not mount a tmpfs (no CAP_SYS_ADMIN here?)"; }
  chown postgres "$DISK"
  mv "$data" "$DISK/primary"
  ln -s "$DISK/primary" "$data"
  run_pg "$PGBIN/pg_ctl" -D "$data" -l "$STATE/pg/primary.log" -w -t 60 start >/dev/null
  say "primary on a ${used_mb}+${free_mb} MB file system: $(df -h --output=avail "$DISK" | tail -n 1 | tr -d ' ') free"
}
disk_fill() {
  mountpoint -q "$DISK" 2>/dev/null || die "the primary is not on a small disk (postgres-small-disk first)"
  # Zeros until the file system refuses: dd ends with "No space left on device", which is the point.
  dd if=/dev/zero of="$DISK/filler" bs=1M status=none 2>/dev/null || true
  sync
  say "disk full: $(df -h --output=avail "$DISK" | tail -n 1 | tr -d ' ') free"
}

# --- Redis ------------------------------------------------------------------------------------
redis_up() {
  mkdir -p "$STATE/redis"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$STATE/redis/redis.pid" --logfile "$STATE/redis/redis.log" --dir "$STATE/redis"
  wait_for 10 Redis redis-cli -p "$REDIS_PORT" ping
}
redis_pid() { cat "$STATE/redis/redis.pid" 2>/dev/null || true; }

# --- app nodes --------------------------------------------------------------------------------
app_dir() { cat "$STATE/app-dir"; }

node_env() { # N -> env assignments for a node
  secrets
  cat <<ENV
ASPNETCORE_ENVIRONMENT=Production
DOTNET_ENVIRONMENT=Production
ASPNETCORE_URLS=http://127.0.0.1:$(node_port "$1")
Database__Provider=Postgres
Database__MigrateOnStartup=false
ConnectionStrings__Default=$(primary_cs)
ConnectionStrings__ReadOnly=$(replica_cs)
ConnectionStrings__Redis=127.0.0.1:$REDIS_PORT,connectTimeout=2000
Hosting__BehindProxy=true
Hosting__PublicUrl=http://127.0.0.1:$NGINX_PORT
Accounts__IdentityHashKey=$IDENTITY_HASH_KEY
Backup__PostgresTools=$PGBIN
ENV
}

# A node's settings as a file the shell reads (values hold spaces and semicolons).
node_env_file() { # N -> path
  local file=$STATE/nodes/$1/env
  mkdir -p "$STATE/nodes/$1"
  node_env "$1" | while read -r line; do printf "export %s='%s'\n" "${line%%=*}" "${line#*=}"; done >"$file"
  echo "$file"
}

# Runs a verb of the app (migrate, seed, backup…) with the cluster's settings; --app DIR runs another build's
# (an upgrade migrates with the new build before its first node starts).
verb() {
  local dir file; dir=$(app_dir); file=$(node_env_file 0)
  if [ "${1:-}" = --app ]; then dir=$(cd "${2:?app folder}" && pwd); shift 2; fi
  (cd "$dir" && . "$file" && Logging__LogLevel__Default=Warning dotnet CityHall.Web.dll "$@")
}

node_start() { # N [app dir]
  local n=$1 dir=${2:-$(app_dir)}
  mkdir -p "$STATE/nodes/$n"
  if [ -f "$STATE/nodes/$n/pid" ] && kill -0 "$(cat "$STATE/nodes/$n/pid")" 2>/dev/null; then die "node $n is running"; fi
  echo "$dir" >"$STATE/nodes/$n/app-dir"
  local file; file=$(node_env_file "$n")
  (cd "$dir" && . "$file" && exec nohup dotnet CityHall.Web.dll >>"$STATE/nodes/$n/log" 2>&1) &
  echo $! >"$STATE/nodes/$n/pid"
  wait_for 120 "node $n's readiness" ready "$(node_port "$n")" || { tail -n 20 "$STATE/nodes/$n/log" >&2; die "node $n did not become ready"; }
}

node_stop() { # N [signal]
  local n=$1 signal=${2:-TERM} pid
  pid=$(cat "$STATE/nodes/$n/pid" 2>/dev/null || true)
  [ -n "$pid" ] || return 0
  kill -"$signal" "$pid" 2>/dev/null || true
  # A graceful stop lets requests in flight finish (the host's shutdown timeout).
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  rm -f "$STATE/nodes/$n/pid"
}

nodes() { ls "$STATE/nodes" 2>/dev/null | grep -v '^0$' | sort -n; } # 0: the verbs' settings, not a node

# --- nginx ------------------------------------------------------------------------------------
nginx_write() {
  local upstreams="" n
  for n in $(nodes); do
    if [ -f "$STATE/nodes/$n/drained" ]; then
      upstreams+="        server 127.0.0.1:$(node_port "$n") down;"$'\n'
    else
      upstreams+="        server 127.0.0.1:$(node_port "$n") max_fails=1 fail_timeout=3s;"$'\n'
    fi
  done
  mkdir -p "$STATE/nginx"
  local user=""
  [ "$(id -u)" -eq 0 ] && user="user root;"
  local template
  template=$(cat "$ROOT/deploy/nginx.conf.template")
  template=${template//@USER@/$user}
  template=${template//@STATE@/$STATE}
  template=${template//@PORT@/$NGINX_PORT}
  template=${template//@UPSTREAMS@/$upstreams}
  printf '%s\n' "$template" >"$STATE/nginx/nginx.conf"
}
nginx_up() {
  nginx_write
  "$NGINX" -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf" -t -q 2>&1 | grep -v "^$" >&2 || true
  "$NGINX" -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf"
}
nginx_reload() {
  nginx_write
  "$NGINX" -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf" -s reload
  sleep 0.5 # old workers finish what they hold; new ones take new connections
}
nginx_down() {
  [ -f "$STATE/nginx/nginx.pid" ] && "$NGINX" -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf" -s quit 2>/dev/null || true
  for _ in $(seq 1 50); do [ -f "$STATE/nginx/nginx.pid" ] || break; sleep 0.1; done
}

# --- verbs ------------------------------------------------------------------------------------
up() {
  local count=3 app=""
  while [ $# -gt 0 ]; do
    case $1 in
      --nodes) count=$2; shift 2 ;;
      --app) app=$(cd "$2" && pwd); shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  [ -d "$STATE/nodes" ] && die "a cluster is up in $STATE (down first)"
  need_tools
  secrets
  if [ -z "$app" ]; then
    say "building the Release app"
    app=$STATE/app
    dotnet publish "$ROOT/src/CityHall.Web" -c Release -o "$app" -nologo -v q >"$STATE/publish.log" 2>&1 || { tail -n 30 "$STATE/publish.log" >&2; die "publish failed"; }
  fi
  echo "$app" >"$STATE/app-dir"
  say "PostgreSQL primary on $PG_PORT"; pg_up
  say "streaming replica on $REPLICA_PORT"; replica_up
  say "Redis on $REDIS_PORT"; redis_up
  # The release step: migrate once, then start nodes that do not migrate themselves.
  say "migrating and seeding"; verb seed >"$STATE/seed.log" 2>&1 || { cat "$STATE/seed.log" >&2; die "seed failed"; }
  local n
  for n in $(seq 1 "$count"); do say "node $n on $(node_port "$n")"; node_start "$n"; done
  say "nginx on $NGINX_PORT"; nginx_up
  wait_for 30 "nginx" ready "$NGINX_PORT"
  status
}

status() {
  secrets
  printf 'nginx       %-6s %s\n' "$NGINX_PORT" "$( [ -f "$STATE/nginx/nginx.pid" ] && kill -0 "$(cat "$STATE/nginx/nginx.pid")" 2>/dev/null && echo running || echo stopped)"
  printf 'postgres    %-6s %s\n' "$PG_PORT" "$("$PGBIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" -q && echo "accepting connections" || echo down)"
  local lag
  # From the primary: how far the replica's replay is behind what the primary has written.
  lag=$(PGPASSWORD=$DB_PASSWORD "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U cityhall -d cityhall -qtAc \
    "SELECT state || ', replay ' || pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)) || ' behind' FROM pg_stat_replication LIMIT 1" 2>/dev/null || true)
  printf 'replica     %-6s %s\n' "$REPLICA_PORT" "${lag:-down}"
  printf 'redis       %-6s %s\n' "$REDIS_PORT" "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && echo running || echo down)"
  local n state
  for n in $(nodes); do
    if [ -f "$STATE/nodes/$n/pid" ] && kill -0 "$(cat "$STATE/nodes/$n/pid")" 2>/dev/null; then
      state=$(ready "$(node_port "$n")" && echo ready || echo "not ready")
    else state=stopped; fi
    [ -f "$STATE/nodes/$n/drained" ] && state+=", drained"
    printf 'node %-6s %-6s %s (%s)\n' "$n" "$(node_port "$n")" "$state" "$(cat "$STATE/nodes/$n/app-dir" 2>/dev/null)"
  done
}

down() {
  [ -d "$STATE" ] || return 0
  nginx_down
  local n
  for n in $(nodes); do node_stop "$n"; done
  [ -n "$(redis_pid)" ] && { kill -CONT "$(redis_pid)" 2>/dev/null; redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || kill "$(redis_pid)" 2>/dev/null || true; }
  pg_stop replica
  pg_stop primary
  # A disk-full drill may have mounted a small file system under the cluster.
  mountpoint -q "$DISK" 2>/dev/null && umount "$DISK" || true
  rm -rf "$STATE"
}

env_verb() {
  secrets
  cat <<ENV
CLUSTER_DIR=$STATE
CLUSTER_URL=http://127.0.0.1:$NGINX_PORT
CLUSTER_PRIMARY=$(primary_cs)
CLUSTER_REPLICA=$(replica_cs)
CLUSTER_REDIS=127.0.0.1:$REDIS_PORT
CLUSTER_NODES=$(nodes | tr '\n' ' ')
CLUSTER_NODE_URLS=$(for n in $(nodes); do printf 'http://127.0.0.1:%s ' "$(node_port "$n")"; done)
ENV
}

verb_name=${1:-}
[ -n "$verb_name" ] || { sed -n '2,25p' "$0"; exit 2; }
shift
case $verb_name in
  up) up "$@" ;;
  down) down ;;
  status) status ;;
  env) env_verb ;;
  nodes) nodes ;;
  verb) verb "$@" ;;
  node-start)
    n=${1:?node number}; shift; dir=""
    [ "${1:-}" = "--app" ] && dir=$(cd "$2" && pwd)
    node_start "$n" "$dir"
    [ -f "$STATE/nginx/nginx.pid" ] && nginx_reload ;;
  node-stop) node_stop "${1:?node number}" TERM ;;
  node-kill) node_stop "${1:?node number}" KILL ;;
  node-drain) touch "$STATE/nodes/${1:?node number}/drained"; nginx_reload ;;
  node-undrain)
    wait_for 60 "node $1's readiness" ready "$(node_port "$1")" || die "node $1 is not ready: not taken back"
    rm -f "$STATE/nodes/$1/drained"; nginx_reload ;;
  postgres-stop) pg_stop primary ;;
  postgres-start) secrets; run_pg "$PGBIN/pg_ctl" -D "$STATE/pg/primary" -l "$STATE/pg/primary.log" -w -t 60 start >/dev/null ;;
  postgres-restart) secrets; run_pg "$PGBIN/pg_ctl" -D "$STATE/pg/primary" -l "$STATE/pg/primary.log" -m fast -w -t 60 restart >/dev/null ;;
  redis-stop) redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true ;;
  redis-start) redis_up ;;
  postgres-small-disk) small_disk "${1:?megabytes free}" ;;
  disk-fill) disk_fill ;;
  disk-free) rm -f "$DISK/filler"; say "disk freed: $(df -h --output=avail "$DISK" | tail -n 1 | tr -d ' ') free" ;;
  redis-pause) kill -STOP "$(redis_pid)"; sleep "${1:?seconds}"; kill -CONT "$(redis_pid)" ;;
  *) die "unknown verb $verb_name (up, status, down, env, node-start, node-stop, node-kill, node-drain, node-undrain, postgres-restart, redis-pause…)" ;;
esac
