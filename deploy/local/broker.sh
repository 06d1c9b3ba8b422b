#!/usr/bin/env bash
# deploy/local/broker.sh — run one RabbitMQ node on loopback, without systemd.
#
#   broker.sh start          start the node (does nothing if one already answers)
#   broker.sh stop [--force] stop it, only if this script started it (or --force)
#   broker.sh status         say whether it runs; exit 0 if it does, 3 if not
#   broker.sh wait           wait until it answers (SHOUHU_BROKER_TIMEOUT seconds)
#   broker.sh sweep-test-queues  delete queues that killed test runs left (t-*, e2e-*)
#
# Needs root (or sudo without a password): Debian's rabbitmq-server wrapper
# switches to the `rabbitmq` user itself. See deploy/local/README.md.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)

STATE_DIR=${SHOUHU_STATE_DIR:-.shouhu}
case $STATE_DIR in /*) ;; *) STATE_DIR="$REPO_ROOT/$STATE_DIR" ;; esac
MARKER="$STATE_DIR/broker.started"

CONF_SRC=${SHOUHU_BROKER_CONF:-$REPO_ROOT/deploy/rabbitmq/rabbitmq.conf}
TIMEOUT=${SHOUHU_BROKER_TIMEOUT:-120}
MANAGEMENT=${SHOUHU_BROKER_MANAGEMENT:-0}
AMQP_PORT=5672

# Files the broker reads or writes live in the rabbitmq user's home, which that
# user can read whatever the permissions of the work tree are.
RMQ_HOME=/var/lib/rabbitmq
RUN_DIR="$RMQ_HOME/shouhu"
CONF_COPY="$RUN_DIR/rabbitmq.conf"
PID_FILE="$RUN_DIR/rabbit.pid"
PLUGINS_FILE="$RUN_DIR/enabled_plugins"
ENV_FILE="$RUN_DIR/rabbitmq-env.conf"
LOG_DIR=/var/log/rabbitmq

log() { printf 'broker.sh: %s\n' "$*"; }
die() { printf 'broker.sh: error: %s\n' "$*" >&2; exit 1; }

# --- node name -------------------------------------------------------------
# The CLI reaches the node through epmd at the address its host name resolves
# to. epmd listens on 127.0.0.1 only, so the host part must resolve to a
# loopback address: keep the default rabbit@<short host name> when it does
# (plain `rabbitmqctl` then works too), else use rabbit@localhost.
pick_nodename() {
    if [ -n "${SHOUHU_BROKER_NODENAME:-}" ]; then
        printf '%s\n' "$SHOUHU_BROKER_NODENAME"
        return
    fi
    local host addr
    host=$(hostname -s 2>/dev/null || hostname 2>/dev/null || true)
    addr=$(getent ahostsv4 "$host" 2>/dev/null | awk 'NR == 1 { print $1 }')
    case $addr in
        127.*) printf 'rabbit@%s\n' "$host" ;;
        *) printf 'rabbit@localhost\n' ;;
    esac
}
NODENAME=$(pick_nodename)
NODE_LOG="$LOG_DIR/$NODENAME.log"

# Environment for every RabbitMQ and Erlang command this script runs. Even a
# status check must carry ERL_EPMD_ADDRESS: the CLI starts epmd when none runs,
# and that epmd would otherwise listen on every interface.
RMQ_ENV=(
    "RABBITMQ_NODENAME=$NODENAME"
    "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1"
    "RABBITMQ_NODE_PORT=$AMQP_PORT"
    "ERL_EPMD_ADDRESS=127.0.0.1"
    "RABBITMQ_CONFIG_FILE=$CONF_COPY"
    "RABBITMQ_PID_FILE=$PID_FILE"
    "RABBITMQ_ENABLED_PLUGINS_FILE=$PLUGINS_FILE"
    "RABBITMQ_CONF_ENV_FILE=$ENV_FILE"
)

if [ "$(id -u)" -eq 0 ]; then
    AS_ROOT=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    AS_ROOT=(sudo -n)
else
    case ${1:-} in start | stop | status | wait)
        die "must run as root or with password-less sudo (Debian's rabbitmq-server wrapper needs it)" ;;
    esac
    AS_ROOT=()
fi

# Run a command as root with the broker environment.
rmq() {
    "${AS_ROOT[@]}" env "${RMQ_ENV[@]}" "$@"
}

sbin() {
    # /usr/sbin is not on a normal user's PATH.
    if [ -x "/usr/sbin/$1" ]; then printf '/usr/sbin/%s\n' "$1"; else command -v "$1"; fi
}

require_rabbitmq() {
    [ -x /usr/sbin/rabbitmq-server ] || command -v rabbitmq-server >/dev/null 2>&1 ||
        die "rabbitmq-server is not installed: run deploy/local/install-deps.sh"
    id rabbitmq >/dev/null 2>&1 || die "no 'rabbitmq' user: is rabbitmq-server installed correctly?"
}

# --- probes ----------------------------------------------------------------
# True when our node answers and the rabbit application runs on it.
node_up() {
    rmq "$(sbin rabbitmq-diagnostics)" -q check_running --timeout 10 >/dev/null 2>&1
}

# True when something accepts TCP connections on 127.0.0.1:5672.
port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$AMQP_PORT") 2>/dev/null
}

# True when the process exists and is not a zombie (kill -0 succeeds on a
# zombie, and fails with EPERM for another user's process when not root).
pid_alive() {
    local state
    [ -n "${1:-}" ] && [ -r "/proc/$1/stat" ] || return 1
    state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) || return 1
    [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

pid_from_file() {
    if [ -r "$PID_FILE" ]; then tr -dc '0-9' <"$PID_FILE"; fi
}

# Pids of RabbitMQ VMs that run (or try to run) as our node. The node name is
# not on the command line in 3.10 (it comes from RABBITMQ_NODENAME in the
# environment), so read /proc/PID/environ; procps need not be installed.
beams_of_our_node() {
    local d cmd name
    for d in /proc/[0-9]*; do
        [ "$(cat "$d/comm" 2>/dev/null)" = beam.smp ] || continue
        cmd=$(tr '\0' ' ' <"$d/cmdline" 2>/dev/null) || continue
        case " $cmd " in *" -s rabbit boot "*) ;; *) continue ;; esac
        name=$("${AS_ROOT[@]}" cat "$d/environ" 2>/dev/null | tr '\0' '\n' | sed -n 's/^RABBITMQ_NODENAME=//p' | head -n 1) || true
        [ -n "$name" ] || name="rabbit@$(hostname -s 2>/dev/null || true)"
        case $name in *@*) ;; *) name="$name@$(hostname -s 2>/dev/null || true)" ;; esac
        [ "$name" = "$NODENAME" ] && printf '%s\n' "${d#/proc/}"
    done
    return 0
}

epmd_bin() { command -v epmd 2>/dev/null || echo /usr/lib/erlang/bin/epmd; }

# Names registered with the local epmd (empty when none or when epmd is down).
epmd_names() {
    ERL_EPMD_ADDRESS=127.0.0.1 "$(epmd_bin)" -names 2>/dev/null | awk '/^name /{ print $2 }'
}

# Stop an epmd that has no node registered. One left from an earlier run may
# listen on every interface; the next node starts a fresh one on 127.0.0.1.
# `epmd -kill` itself refuses when a node is registered.
reap_idle_epmd() {
    if ERL_EPMD_ADDRESS=127.0.0.1 "$(epmd_bin)" -names >/dev/null 2>&1 && [ -z "$(epmd_names)" ]; then
        "${AS_ROOT[@]}" env ERL_EPMD_ADDRESS=127.0.0.1 "$(epmd_bin)" -kill >/dev/null 2>&1 &&
            log "stopped an idle epmd (no node registered)"
    fi
    return 0
}

kill_pids() {
    # $@: pids. TERM, wait up to 20 s, then KILL.
    local pid
    [ $# -gt 0 ] || return 0
    "${AS_ROOT[@]}" kill -TERM "$@" 2>/dev/null || true
    "${AS_ROOT[@]}" kill -CONT "$@" 2>/dev/null || true # a stopped process acts on TERM only once continued
    for _ in $(seq 1 40); do
        local alive=0
        for pid in "$@"; do pid_alive "$pid" && alive=1; done
        [ $alive -eq 0 ] && return 0
        sleep 0.5
    done
    log "still running after SIGTERM, sending SIGKILL to: $*"
    "${AS_ROOT[@]}" kill -KILL "$@" 2>/dev/null || true
    sleep 1
}

# Number of lines in the node log now, so that a failure shows only new lines.
log_mark() {
    if [ -r "$NODE_LOG" ]; then wc -l <"$NODE_LOG" | tr -d ' '; else echo 0; fi
}

# $1: line count from log_mark before the start (default: show the last lines).
show_log_tail() {
    local from=${1:-}
    printf 'broker.sh: node log: %s
' "$NODE_LOG" >&2
    if [ -r "$NODE_LOG" ]; then
        if [ -n "$from" ] && [ "$(log_mark)" -le "$from" ]; then
            printf 'broker.sh: (nothing new in the node log since this start)\n' >&2
        else
            printf -- '--- last lines of %s ---\n' "$NODE_LOG" >&2
            if [ -n "$from" ]; then tail -n "+$((from + 1))" "$NODE_LOG" | tail -n 40 >&2; else tail -n 40 "$NODE_LOG" >&2; fi
            printf -- '--- end of log ---\n' >&2
        fi
    else
        printf 'broker.sh: (no node log written yet; other logs in %s)\n' "$LOG_DIR" >&2
        ls -la "$LOG_DIR" >&2 2>/dev/null || true
    fi
    if [ -f "$RMQ_HOME/erl_crash.dump" ]; then
        printf 'broker.sh: Erlang crash dump %s (%s): %s\n' "$RMQ_HOME/erl_crash.dump" \
            "$(date -r "$RMQ_HOME/erl_crash.dump" '+%F %T' 2>/dev/null || echo '?')" \
            "$(grep -m1 '^Slogan:' "$RMQ_HOME/erl_crash.dump" 2>/dev/null || true)" >&2
    fi
}

# True while an Erlang VM of our node exists.
node_process_exists() {
    pid_alive "$(pid_from_file)" || [ -n "$(beams_of_our_node)" ]
}

# The node died while starting: errors from before logging is set up (a bad
# config file, say) went to the detached VM's stdout, which is /dev/null. Run
# it once in the foreground to show them; it stops again at once.
diagnose_early_exit() {
    local out="$STATE_DIR/broker.foreground.out"
    log "the node exited while starting; running it once in the foreground to show why (output: $out)" >&2
    timeout --kill-after=10 60 "${AS_ROOT[@]}" env "${RMQ_ENV[@]}" "$(sbin rabbitmq-server)" >"$out" 2>&1 || true
    if grep -q '\[error\]' "$out"; then
        grep -m 16 '\[error\]' "$out" >&2
    else
        tail -n 25 "$out" >&2
    fi
    local pid
    for pid in $(beams_of_our_node); do kill_pids "$pid"; done
}

# Wait until the node answers; fail early if its VM disappears.
# `rabbitmqctl wait <pidfile>` waits for the pid file, then for the node and
# the rabbit app (await_startup would fail at once while the node has not
# registered with epmd yet).
wait_for_node() {
    local deadline=$((SECONDS + TIMEOUT)) step
    while :; do
        step=$((deadline - SECONDS))
        [ "$step" -gt 10 ] && step=10
        [ "$step" -lt 1 ] && step=1
        if rmq "$(sbin rabbitmqctl)" -q wait --timeout "$step" "$PID_FILE" >"$STATE_DIR/broker.wait.out" 2>&1; then
            return 0
        fi
        if ! node_process_exists; then
            return 2
        fi
        if [ $SECONDS -ge $deadline ]; then
            cat "$STATE_DIR/broker.wait.out" >&2 || true
            return 1
        fi
    done
}

# Warn if an answering broker listens beyond loopback (e.g. one started by
# the package's init script with its defaults).
check_loopback_only() {
    local listeners
    listeners=$(rmq "$(sbin rabbitmq-diagnostics)" -q listeners 2>/dev/null || true)
    if printf '%s\n' "$listeners" | grep -Eiq 'interface: (0\.0\.0\.0|\[?::\]?),'; then
        log "WARNING: this broker listens on all interfaces, not only on loopback:"
        printf '%s\n' "$listeners"
    fi
}

# --- subcommands -----------------------------------------------------------
prepare_files() {
    [ -r "$CONF_SRC" ] || die "config file not found: $CONF_SRC"
    "${AS_ROOT[@]}" mkdir -p "$RUN_DIR"
    if [ "$MANAGEMENT" = 1 ]; then
        "${AS_ROOT[@]}" cp "$CONF_SRC" "$CONF_COPY"
    else
        # RabbitMQ refuses settings of plugins that are not enabled.
        grep -v '^[[:space:]]*management\.' "$CONF_SRC" | "${AS_ROOT[@]}" tee "$CONF_COPY" >/dev/null
    fi
    "${AS_ROOT[@]}" rm -f "$PID_FILE"
    # Sourced by rabbitmq-env as the rabbitmq user, in place of /etc/rabbitmq/rabbitmq-env.conf.
    printf '%s\n' \
        '# Written by deploy/local/broker.sh: su has applied PAM limits, so raise the soft' \
        '# open-files limit to the hard one that broker.sh set before it.' \
        'ulimit -S -n "$(ulimit -H -n)" 2>/dev/null || true' |
        "${AS_ROOT[@]}" tee "$ENV_FILE" >/dev/null
    "${AS_ROOT[@]}" chown -R rabbitmq:rabbitmq "$RUN_DIR"
    "${AS_ROOT[@]}" chmod 0755 "$RUN_DIR"
    "${AS_ROOT[@]}" chmod 0644 "$CONF_COPY" "$ENV_FILE"
    # The set of enabled plugins is ours alone (not /etc/rabbitmq/enabled_plugins).
    if [ "$MANAGEMENT" = 1 ]; then
        rmq "$(sbin rabbitmq-plugins)" -q set --offline rabbitmq_management >/dev/null
        log "management plugin enabled (http://127.0.0.1:15672/)"
    else
        rmq "$(sbin rabbitmq-plugins)" -q set --offline >/dev/null
    fi
    "${AS_ROOT[@]}" chown rabbitmq:rabbitmq "$PLUGINS_FILE" 2>/dev/null || true
}

# Clean up what an earlier run may have left: a node under our name that does
# not answer, and an idle epmd.
clear_stale() {
    local pid stale=()
    pid=$(pid_from_file)
    if pid_alive "$pid"; then
        log "a node process ($pid) from an earlier start exists; giving it 30 s to answer"
        if rmq "$(sbin rabbitmqctl)" -q wait --timeout 30 "$PID_FILE" >/dev/null 2>&1 && node_up; then
            return 1 # it came up: the caller reports it as already running
        fi
        stale+=("$pid")
    fi
    for pid in $(beams_of_our_node); do
        case " ${stale[*]:-} " in *" $pid "*) ;; *) stale+=("$pid") ;; esac
    done
    if [ ${#stale[@]} -gt 0 ]; then
        log "stopping a stale node $NODENAME that does not answer (pid ${stale[*]})"
        kill_pids "${stale[@]}"
    fi
    reap_idle_epmd
    return 0
}

# Every AMQP connection and every open quorum-queue segment takes a file handle. Started
# without systemd, the broker gets the soft limit PAM gives `su rabbitmq` (often 1024, which
# RabbitMQ turns into about 830 sockets), and the test suite's services in parallel need more:
# logins then time out. Debian's systemd unit gives it 65536; do the same in two steps. Here,
# as root, raise the hard limit (su keeps it); then the broker's env file, which rabbitmq-env
# sources as the rabbitmq user after su, raises the soft limit up to it (see prepare_files).
raise_fd_limit() {
    local want=65536
    if ! ulimit -H -n "$want" 2>/dev/null; then
        want=$(ulimit -H -n)
    fi
    [ "$want" = unlimited ] && want=65536
    if ulimit -S -n "$want" 2>/dev/null; then
        log "open files limit for the broker: $want"
    else
        log "warning: cannot raise the open files limit above $(ulimit -S -n); the broker may run short of sockets"
    fi
}

cmd_start() {
    require_rabbitmq
    mkdir -p "$STATE_DIR"
    if node_up; then
        log "a broker already answers as $NODENAME; not starting another"
        check_loopback_only
        return 0
    fi
    if ! clear_stale; then
        log "a broker already answers as $NODENAME (it was still booting); not starting another"
        return 0
    fi
    if port_open; then
        die "127.0.0.1:$AMQP_PORT is taken by something that is not node $NODENAME (another broker?); stop it first"
    fi

    prepare_files
    raise_fd_limit
    log "starting RabbitMQ node $NODENAME on 127.0.0.1:$AMQP_PORT (log: $NODE_LOG)"
    local t0=$SECONDS mark rc=0
    mark=$(log_mark)
    if ! rmq "$(sbin rabbitmq-server)" -detached >"$STATE_DIR/broker.start.out" 2>&1; then
        cat "$STATE_DIR/broker.start.out" >&2 || true
        show_log_tail "$mark"
        die "rabbitmq-server -detached failed"
    fi
    # Record that we started it before waiting, so that `stop` can clean up
    # even if the wait below fails.
    printf 'node=%s\nstarted=%s\n' "$NODENAME" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$MARKER"

    wait_for_node || rc=$?
    if [ $rc -ne 0 ]; then
        show_log_tail "$mark"
        if [ $rc -eq 2 ]; then
            diagnose_early_exit
        else
            local pid
            pid=$(pid_from_file)
            if pid_alive "$pid"; then kill_pids "$pid"; fi
        fi
        rm -f "$MARKER"
        reap_idle_epmd >/dev/null
        if [ $rc -eq 2 ]; then die "RabbitMQ exited while starting (see above)"; fi
        die "RabbitMQ did not come up within ${TIMEOUT}s"
    fi
    # A node whose data directory predates some feature flags keeps them
    # disabled until asked; quorum queues with at-least-once dead-lettering
    # need them all on. Harmless when they already are.
    if ! rmq "$(sbin rabbitmqctl)" -q enable_feature_flag all >/dev/null 2>&1; then
        log "WARNING: 'rabbitmqctl enable_feature_flag all' failed"
    fi
    log "RabbitMQ is up after $((SECONDS - t0))s: node $NODENAME, pid $(pid_from_file), amqp://guest:guest@127.0.0.1:$AMQP_PORT/"
    if [ "$NODENAME" != "rabbit@$(hostname -s 2>/dev/null || true)" ]; then
        log "note: the host name does not resolve to loopback; use 'rabbitmqctl -n $NODENAME ...'"
    fi
}

cmd_stop() {
    local force=0
    [ "${1:-}" = --force ] && force=1
    require_rabbitmq
    if [ ! -f "$MARKER" ] && [ $force -eq 0 ]; then
        if node_up; then
            log "broker $NODENAME was not started by broker.sh (no $MARKER): leaving it running (use --force)"
        else
            log "broker $NODENAME is not running; nothing to stop"
            reap_idle_epmd
        fi
        return 0
    fi
    local pid t0=$SECONDS
    pid=$(pid_from_file)
    if node_up; then
        log "stopping RabbitMQ node $NODENAME"
        # shutdown waits until the node's OS process has exited.
        if ! rmq "$(sbin rabbitmqctl)" -q shutdown --timeout 60 >/dev/null 2>&1; then
            log "rabbitmqctl shutdown failed; signalling the process"
        fi
    else
        log "broker $NODENAME does not answer; cleaning up what is left of it"
    fi
    local left=()
    if pid_alive "$pid"; then left+=("$pid"); fi
    for p in $(beams_of_our_node); do
        case " ${left[*]:-} " in *" $p "*) ;; *) left+=("$p") ;; esac
    done
    if [ ${#left[@]} -gt 0 ]; then kill_pids "${left[@]}"; fi
    "${AS_ROOT[@]}" rm -f "$PID_FILE"
    rm -f "$MARKER"
    reap_idle_epmd
    if port_open; then
        die "something still listens on 127.0.0.1:$AMQP_PORT after stopping $NODENAME"
    fi
    log "stopped after $((SECONDS - t0))s"
}

cmd_status() {
    require_rabbitmq
    if node_up; then
        local by="not by broker.sh"
        [ -f "$MARKER" ] && by="by broker.sh ($MARKER)"
        log "running: node $NODENAME, pid $(pid_from_file), started $by, log $NODE_LOG"
        rmq "$(sbin rabbitmq-diagnostics)" -q listeners 2>/dev/null || true
        return 0
    fi
    if port_open; then
        log "node $NODENAME does not answer, but something listens on 127.0.0.1:$AMQP_PORT"
    else
        log "not running (node $NODENAME)"
    fi
    # The probe above starts epmd when none runs: do not leave it behind.
    reap_idle_epmd >/dev/null
    return 3
}

cmd_wait() {
    require_rabbitmq
    mkdir -p "$STATE_DIR"
    if node_process_exists; then
        if wait_for_node && node_up; then
            log "broker $NODENAME is up"
            return 0
        fi
    else
        # No VM of ours (yet): poll, in case another command is starting one.
        local deadline=$((SECONDS + TIMEOUT))
        while [ $SECONDS -lt $deadline ]; do
            if node_up; then
                log "broker $NODENAME is up"
                return 0
            fi
            sleep 1
        done
    fi
    show_log_tail
    die "broker $NODENAME did not answer within ${TIMEOUT}s"
}

# Deletes the queues that test runs declare (t-xxxxxxxx.* and e2e-xxxxxxxx.*, see
# Tests/ShouhuTestSupport/TestBroker.swift) and that a killed run left behind. Each leftover is a
# quorum queue with its own process and open files, and hundreds of them slow a broker's start
# and eat its file handles. Only for a broker no test run is using: test.sh calls it right after
# it started the broker itself.
cmd_sweep_test_queues() {
    require_rabbitmq
    node_up || die "node $NODENAME does not answer"
    local names count=0 name
    names=$(rmq "$(sbin rabbitmqctl)" -q list_queues name --no-table-headers 2>/dev/null |
        grep -E '^(t|e2e)-[0-9a-f]{8}\.' || true)
    for name in $names; do
        rmq "$(sbin rabbitmqctl)" -q delete_queue "$name" >/dev/null 2>&1 && count=$((count + 1))
    done
    log "deleted $count queue(s) left by earlier test runs"
}

usage() {
    sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

case ${1:-} in
    start) cmd_start ;;
    stop) shift; cmd_stop "$@" ;;
    status) cmd_status ;;
    wait) cmd_wait ;;
    sweep-test-queues) cmd_sweep_test_queues ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
esac
