#!/usr/bin/env bash
# deploy/local/run.sh — runs the whole of Shouhu on this machine.
#
#   bash deploy/local/run.sh          install what is missing, start RabbitMQ on loopback, build,
#                                     start the five services, wait until each is ready, load the
#                                     demo county (SHOUHU_DEMO=0 skips it), print their URLs, a
#                                     token per role and what happened; Ctrl-C stops it all
#   bash deploy/local/run.sh start    the same, but return once everything is up
#   bash deploy/local/run.sh stop     stop what a previous `start` started, and nothing else
#   bash deploy/local/run.sh status   show each service's readiness
#
# State lives in .shouhu/ (git ignores it): data/ (one SQLite file per service), logs/, pids/,
# and secrets.env (a JWT secret and an ID-sealing key made on first run, kept for later runs).
# Running it twice is safe: services already running are left alone.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
cd "$REPO_ROOT"
if [ -x /opt/swift/usr/bin/swift ]; then
    case ":$PATH:" in *":/opt/swift/usr/bin:"*) ;; *) PATH="$PATH:/opt/swift/usr/bin" ;; esac
    export PATH
fi

STATE=${SHOUHU_STATE_DIR:-$REPO_ROOT/.shouhu}
SERVICES=(intake assessment mentoring notification funding)
declare -A PORTS=([intake]=8081 [assessment]=8082 [mentoring]=8083 [notification]=8084 [funding]=8085)
BIN="$REPO_ROOT/.build/debug"

say() { printf '\n=== run.sh: %s\n' "$*"; }
log() { printf 'run.sh: %s\n' "$*"; }

port_of() {
    local var
    var="SHOUHU_$(echo "$1" | tr '[:lower:]' '[:upper:]')_PORT"
    echo "${!var:-${PORTS[$1]}}"
}

running_pid() {
    local pidfile="$STATE/pids/$1.pid"
    [ -f "$pidfile" ] || return 1
    local pid
    pid=$(cat "$pidfile")
    kill -0 "$pid" 2>/dev/null && echo "$pid"
}

ready() { curl -fsS -m 2 "http://127.0.0.1:$(port_of "$1")/health/ready" >/dev/null 2>&1; }

load_secrets() {
    mkdir -p "$STATE"
    if [ ! -f "$STATE/secrets.env" ]; then
        umask 077
        {
            echo "SHOUHU_JWT_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
            echo "SHOUHU_ID_KEY=$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
        } > "$STATE/secrets.env"
        log "made local secrets in $STATE/secrets.env"
    fi
    set -a
    # shellcheck disable=SC1091
    . "$STATE/secrets.env"
    set +a
    export SHOUHU_DATA_DIR=${SHOUHU_DATA_DIR:-$STATE/data}
    # A local run is a demonstration: an admin may move each service's clock
    # (POST /admin/clock {"advanceDays": 15}) to watch visits go overdue. Never set in production.
    export SHOUHU_CLOCK_ADJUSTABLE=${SHOUHU_CLOCK_ADJUSTABLE:-true}
}

start_all() {
    say "installing missing dependencies"
    bash "$SCRIPT_DIR/install-deps.sh"
    say "broker"
    bash "$SCRIPT_DIR/broker.sh" start
    say "building (swift build)"
    swift build
    load_secrets
    mkdir -p "$STATE/logs" "$STATE/pids" "$SHOUHU_DATA_DIR"
    say "starting the services"
    for s in "${SERVICES[@]}"; do
        if pid=$(running_pid "$s"); then
            log "$s already running (pid $pid)"
            continue
        fi
        nohup "$BIN/shouhu-$s" >> "$STATE/logs/$s.log" 2>&1 &
        echo $! > "$STATE/pids/$s.pid"
        log "$s started (pid $!), log: $STATE/logs/$s.log"
    done
    say "waiting until every service is ready"
    for s in "${SERVICES[@]}"; do
        local waited=0
        until ready "$s"; do
            if ! running_pid "$s" >/dev/null; then
                log "$s exited; the end of its log:"
                tail -n 20 "$STATE/logs/$s.log" >&2
                exit 1
            fi
            sleep 0.5
            waited=$((waited + 1))
            if [ $waited -gt 120 ]; then
                log "$s is not ready after 60 s; the end of its log:"
                tail -n 20 "$STATE/logs/$s.log" >&2
                exit 1
            fi
        done
        log "$s ready on http://127.0.0.1:$(port_of "$s")"
    done
    if [ "${SHOUHU_DEMO:-1}" != "0" ]; then
        say "loading the demo county (SHOUHU_DEMO=0 skips it; a second run adds nothing twice)"
        "$BIN/shouhu-admin" demo --children "${SHOUHU_DEMO_CHILDREN:-300}" || log "the demo county did not load completely (see above)"
    fi
    print_summary
}

print_summary() {
    say "Shouhu is running"
    for s in "${SERVICES[@]}"; do
        printf '  %-13s http://127.0.0.1:%s   (health: /health/ready, metrics: /metrics)\n' "$s" "$(port_of "$s")"
    done
    echo
    echo "  Tokens for local use (12 hours), one per role; send as 'Authorization: Bearer <token>':"
    # Scoped roles get a scope in the demo county: 东皇街道 (520330001), its first demo village,
    # and its demo primary school.
    local -A scopes=([township]=520330001 [village]=520330001201 [school]=demo-p-520330001)
    for role in county_officer township village school mentor funding_officer auditor admin; do
        local scope=()
        [ -n "${scopes[$role]:-}" ] && scope=(--scope "${scopes[$role]}")
        printf '  %-16s %s%s\n' "$role" "$("$BIN/shouhu-admin" mint-token --role "$role" --subject "local-$role" "${scope[@]}")" \
            "${scopes[$role]:+   (scope ${scopes[$role]})}"
    done
    echo
    echo "  Operator tool: $BIN/shouhu-admin status | story <child id> | dead-letters list --service <name> | import <file>"
    echo "  Data: $SHOUHU_DATA_DIR   Logs: $STATE/logs   Stop: bash deploy/local/run.sh stop"
}

stop_all() {
    say "stopping the services this script started"
    for s in "${SERVICES[@]}"; do
        if pid=$(running_pid "$s"); then
            kill -TERM "$pid"
            for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
            if kill -0 "$pid" 2>/dev/null; then
                log "$s did not stop within 20 s; killing it"
                kill -KILL "$pid" 2>/dev/null || true
            else
                log "$s stopped"
            fi
        fi
        rm -f "$STATE/pids/$s.pid"
    done
    bash "$SCRIPT_DIR/broker.sh" stop
}

status_all() {
    for s in "${SERVICES[@]}"; do
        if pid=$(running_pid "$s"); then
            if ready "$s"; then state=ready; else state="running, not ready"; fi
            printf '  %-13s pid %-7s %s\n' "$s" "$pid" "$state"
        else
            printf '  %-13s not running\n' "$s"
        fi
    done
}

case "${1:-run}" in
    run)
        trap 'stop_all; exit 0' INT TERM
        start_all
        echo
        log "running; press Ctrl-C to stop everything this script started"
        while true; do sleep 1; done
        ;;
    start) start_all ;;
    stop) stop_all ;;
    status) status_all ;;
    *)
        echo "usage: bash deploy/local/run.sh [run|start|stop|status]" >&2
        exit 64
        ;;
esac
