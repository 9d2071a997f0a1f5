#!/usr/bin/env bash
# Starts (or stops) the services the production-stack tests use, all on
# loopback, all data in one throw-away folder: Debian's PostgreSQL (run as the
# `postgres` user when started by root), Redis and moto's S3 server.
#
#   scripts/services.sh start DIR   # writes DIR/env: the variables the tests read
#   scripts/services.sh stop DIR    # stops them; DIR can then be removed
#
# Ports: PG_PORT, REDIS_PORT, MOTO_PORT (defaults 55432, 56379, 55000).
set -euo pipefail
action=${1:?start or stop}
dir=${2:?a folder for the services data}
here=$(cd "$(dirname "$0")/.." && pwd)
pg_port=${PG_PORT:-55432}
redis_port=${REDIS_PORT:-56379}
moto_port=${MOTO_PORT:-55000}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

wait_for() {  # wait_for NAME COMMAND...: up to 30 s
    for _ in $(seq 60); do
        if "${@:2}" >/dev/null 2>&1; then return 0; fi
        sleep 0.5
    done
    echo "services: $1 did not start; its log:" >&2
    cat "$dir/$1.log" >&2 || true
    return 1
}

case $action in
start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    # PostgreSQL: a cluster of its own, loopback only, trust for local users.
    mkdir -p "$dir/pg"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir" "$dir/pg"
    as_postgres "$pg_bin/initdb" -D "$dir/pg/data" -U postgres -A trust \
        --encoding=UTF8 --locale=C.UTF-8 >"$dir/pg/initdb.log"
    as_postgres "$pg_bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $dir/pg -c fsync=off" start \
        >/dev/null
    # Redis: no persistence, loopback only.
    redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no \
        --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
    # moto: an S3 server in memory.
    "$here/.venv/bin/moto_server" -H 127.0.0.1 -p "$moto_port" >"$dir/moto.log" 2>&1 &
    echo $! >"$dir/moto.pid"
    wait_for redis redis-cli -p "$redis_port" ping
    wait_for moto "$here/.venv/bin/python" -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$moto_port/moto-api/')"
    cat >"$dir/env" <<ENV
export TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$pg_port/zoliborz
export TEST_REDIS_URL=redis://127.0.0.1:$redis_port/0
export TEST_S3_ENDPOINT_URL=http://127.0.0.1:$moto_port
ENV
    echo "services: PostgreSQL :$pg_port, Redis :$redis_port, moto S3 :$moto_port ($dir/env)"
    ;;
stop)
    [ -d "$dir" ] || exit 0
    if [ -f "$dir/pg/data/postmaster.pid" ]; then
        as_postgres "$pg_bin/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null || true
    fi
    if [ -f "$dir/redis.pid" ]; then kill "$(cat "$dir/redis.pid")" 2>/dev/null || true; fi
    if [ -f "$dir/moto.pid" ]; then kill "$(cat "$dir/moto.pid")" 2>/dev/null || true; fi
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
