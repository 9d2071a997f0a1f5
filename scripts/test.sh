#!/usr/bin/env bash
# `make test`: everything CI runs, on this machine, in one command.
#
# 1. The Debian packages the suite needs (Chromium, gettext, fonts,
#    PostgreSQL, Redis, Varnish, Python's venv): installed when missing, as
#    root or with passwordless sudo; otherwise it stops at once and prints the
#    one command to run.
# 2. The virtualenv (`make install-dev`).
# 3. PostgreSQL, Redis and the S3 server (scripts/services.sh) on free ports in
#    a throw-away folder, stopped whatever happens.
# 4. The parts, side by side, each logging to artifacts/test/PART.log:
#    checks   manage.py check, makemigrations --check, lint-imports, msgfmt,
#             ruff, djhtml
#    sqlite   the suite on SQLite, without the browser and stack tests
#    postgres the same on PostgreSQL
#    browser  tests marked `browser` (Chromium)
#    stack    tests marked `stack` (`make serve`, two servers, Varnish)
# 5. One line saying what ran and what was skipped. A skipped test is a
#    failure, unless a subset was asked for: TEST_PARTS="sqlite browser".
#
# PYTEST_ARGS is added to every pytest run (e.g. PYTEST_ARGS="-k search").
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
started=$SECONDS
python=${PYTHON:-python3}
all_parts="checks sqlite postgres browser stack"
parts=${TEST_PARTS:-$all_parts}
parts=${parts//,/ }
for part in $parts; do
    case " $all_parts " in
    *" $part "*) ;;
    *)
        echo "make test: unknown part '$part' (parts: $all_parts)" >&2
        exit 2
        ;;
    esac
done
wants() { case " $parts " in *" $1 "*) return 0 ;; *) return 1 ;; esac }

# 1. System packages ---------------------------------------------------------
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "make test: Python 3.11 or newer is needed ($python); PYTHON=python3.12 make test picks another." >&2
    exit 1
fi
need=()
[ -x .venv/bin/python ] || "$python" -c 'import ensurepip, venv' 2>/dev/null ||
    need+=("python3-venv")
command -v msgfmt >/dev/null 2>&1 || need+=(gettext)
if wants browser; then
    [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
    [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
fi
if wants postgres || wants stack; then
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
    command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
fi
if wants stack; then
    command -v varnishd >/dev/null 2>&1 || [ -x /usr/sbin/varnishd ] || need+=(varnish)
fi
if [ ${#need[@]} -gt 0 ]; then
    install=(apt-get install -y -qq --no-install-recommends "${need[@]}")
    if [ "$(id -u)" = 0 ]; then
        sudo=()
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo=(sudo -n)
    else
        echo "make test needs Debian packages that are not installed: ${need[*]}." >&2
        echo "Install them (once), then run make test again:" >&2
        echo "    sudo apt-get update && sudo ${install[*]}" >&2
        exit 1
    fi
    echo "make test: installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq && "${sudo[@]}" "${install[@]}" || exit 1
fi

# 2. The virtualenv ------------------------------------------------------------
${MAKE:-make} --no-print-directory install-dev PYTHON="$python" || exit 1
export DJANGO_SETTINGS_MODULE=config.settings.test
logs=$root/artifacts/test
rm -rf "$logs"
mkdir -p "$logs"

# 3. Services, stopped whatever happens ---------------------------------------
running=()
services=""
stop_all() {
    local pid
    for pid in "${running[@]}"; do
        # pytest stops on SIGINT and runs its teardown (servers it started).
        kill -INT -- "-$pid" 2>/dev/null || true
    done
    for pid in "${running[@]}"; do
        for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -KILL -- "-$pid" 2>/dev/null || true
    done
    if [ -n "$services" ]; then
        scripts/services.sh stop "$services" >/dev/null 2>&1
        rm -rf "$services"
    fi
}
trap stop_all EXIT
trap 'echo "make test: interrupted" >&2; exit 130' INT TERM

if wants postgres || wants stack; then
    services=$(mktemp -d /tmp/zoliborz-test-services.XXXXXX)
    read -r PG_PORT REDIS_PORT MOTO_PORT < <(.venv/bin/python - <<'PY'
import socket
sockets = [socket.socket() for _ in range(3)]
for sock in sockets:
    sock.bind(("127.0.0.1", 0))
print(*(sock.getsockname()[1] for sock in sockets))
PY
    )
    export PG_PORT REDIS_PORT MOTO_PORT
    if ! scripts/services.sh start "$services" >"$logs/services.log" 2>&1; then
        cat "$logs/services.log" >&2
        exit 1
    fi
    # shellcheck disable=SC1091
    . "$services/env"
    # The services exist: a stack test that misses one fails, never skips.
    export CI=true
fi

# 4. The parts, side by side ----------------------------------------------------
run_checks() {
    local status=0 po
    run() { echo "\$ $*"; "$@" || status=1; }
    run .venv/bin/python manage.py check --fail-level WARNING
    run .venv/bin/python manage.py makemigrations --check --dry-run
    run .venv/bin/lint-imports --no-cache
    for po in locale/*/LC_MESSAGES/*.po; do
        run msgfmt --check -o /dev/null "$po"
    done
    run .venv/bin/ruff check .
    run .venv/bin/ruff format --check .
    run .venv/bin/djhtml --check templates
    return $status
}

run_pytest() {  # run_pytest PART ARGS...
    local part=$1
    shift
    # shellcheck disable=SC2086
    .venv/bin/pytest -q -ra --junitxml="$logs/$part.xml" --durations=15 \
        "$@" ${PYTEST_ARGS:-}
    local status=$?
    # 5: no test collected; the summary decides whether that is a failure.
    [ $status -eq 5 ] && return 0
    return $status
}

run_part() {
    case $1 in
    checks) run_checks ;;
    sqlite) run_pytest sqlite -m "not browser and not stack" -n 2 ;;
    postgres)
        export DATABASE_URL=$TEST_POSTGRES_URL
        run_pytest postgres -m "not browser and not stack" -n 2
        ;;
    browser) run_pytest browser -m browser -n 0 ;;
    stack) run_pytest stack -m stack -n 2 ;;
    esac
}

declare -A pid_part
start_part() {
    local part=$1
    set -m  # each part in its own process group (stop_all stops it whole)
    # Its wall-clock and CPU seconds (children included) in PART.time.
    (
        TIMEFORMAT="%R %U %S"
        time (run_part "$part" >"$logs/$part.log" 2>&1)
    ) 2>"$logs/$part.time" &
    set +m
    pid_part[$!]=$part
    running+=("$!")
}

echo "make test: running ${parts// /, } (side by side); logs in artifacts/test/"
for part in $all_parts; do
    wants "$part" && start_part "$part"
done

failed=()
while [ ${#pid_part[@]} -gt 0 ]; do
    wait -n -p finished "${!pid_part[@]}"
    status=$?
    part=${pid_part[$finished]}
    unset "pid_part[$finished]"
    elapsed=$((SECONDS - started))
    cpu=$(awk '{printf "%.0f", $2 + $3}' "$logs/$part.time" 2>/dev/null)
    if [ $status -eq 0 ]; then
        echo "  $part: ok after ${elapsed} s (${cpu} s CPU)"
    else
        failed+=("$part")
        echo "  $part: FAILED, exit $status, after ${elapsed} s; the end of artifacts/test/$part.log:"
        tail -n 40 "$logs/$part.log" | sed 's/^/    /'
    fi
done
running=()

# 5. One line ---------------------------------------------------------------------
subset=false
[ -n "${TEST_PARTS:-}${PYTEST_ARGS:-}" ] && subset=true
.venv/bin/python scripts/test_summary.py "$logs" "$parts" "$subset" \
    "$((SECONDS - started))" "${failed[@]}"
