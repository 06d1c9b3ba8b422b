#!/usr/bin/env bash
# deploy/local/test.sh — the one command that builds Shouhu and runs its tests.
#
#   bash deploy/local/test.sh [extra `swift test` arguments, e.g. --filter Intake]
#
# 1. installs what is missing (install-deps.sh)
# 2. starts RabbitMQ on 127.0.0.1:5672 unless one already answers (broker.sh)
# 3. swift build --build-tests
# 4. swift test --skip-build [your arguments], against the broker
# 5. a second, serial run of the tests that stop and start the broker
#    (SHOUHU_TEST_BROKER_RESTART=1 ... --filter BrokerRestart --no-parallel)
# 6. stops the broker again if step 2 started it (also on failure or Ctrl-C)
#
# Exits non-zero if any step fails. See deploy/local/README.md.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
cd "$REPO_ROOT"

# Swift lives in /opt/swift on these machines and is not always on PATH.
if [ -x /opt/swift/usr/bin/swift ]; then
    case ":$PATH:" in *":/opt/swift/usr/bin:"*) ;; *) PATH="$PATH:/opt/swift/usr/bin" ;; esac
    export PATH
fi

AMQP_URL=${SHOUHU_TEST_AMQP_URL:-amqp://guest:guest@127.0.0.1:5672/}
RESTART_FILTER=BrokerRestart

say() { printf '\n=== test.sh: %s\n' "$*"; }
log() { printf 'test.sh: %s\n' "$*"; }

BROKER_STARTED_HERE=0
cleanup() {
    local rc=$?
    trap - EXIT
    if [ $BROKER_STARTED_HERE -eq 1 ]; then
        if [ "${SHOUHU_KEEP_BROKER:-0}" = 1 ]; then
            log "leaving the broker running (SHOUHU_KEEP_BROKER=1); stop it with: bash deploy/local/broker.sh stop"
        else
            say "stopping the broker this script started"
            # --force: we know we started it, even if a test restarted it since.
            bash "$SCRIPT_DIR/broker.sh" stop --force || log "WARNING: stopping the broker failed"
        fi
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

T_START=$SECONDS
step_time() { printf '%ss' "$((SECONDS - $1))"; }

say "installing missing dependencies"
bash "$SCRIPT_DIR/install-deps.sh"

say "broker"
if bash "$SCRIPT_DIR/broker.sh" status >/dev/null 2>&1; then
    log "a broker already answers; using it and leaving it running afterwards"
else
    BROKER_STARTED_HERE=1
    bash "$SCRIPT_DIR/broker.sh" start
    # No run can be using a broker that has only just started: what test queues it recovered
    # were left by killed runs.
    bash "$SCRIPT_DIR/broker.sh" sweep-test-queues || log "WARNING: could not delete leftover test queues"
fi

say "swift build --build-tests"
swift --version 2>&1 | head -n 1
t=$SECONDS
swift build --build-tests
log "build finished in $(step_time $t)"

failed=()

say "swift test --skip-build $*"
t=$SECONDS
rc=0
# The broker-restart tests must not run here, in parallel with the others.
env -u SHOUHU_TEST_BROKER_RESTART SHOUHU_TEST_AMQP_URL="$AMQP_URL" \
    swift test --skip-build "$@" || rc=$?
log "swift test finished in $(step_time $t) with exit code $rc"
[ $rc -eq 0 ] || failed+=("swift test (exit $rc)")

if [ "${SHOUHU_SKIP_RESTART_TESTS:-0}" = 1 ]; then
    log "skipping the broker-restart tests (SHOUHU_SKIP_RESTART_TESTS=1)"
else
    say "broker-restart tests (serial): swift test --skip-build --filter $RESTART_FILTER --no-parallel"
    # `swift test --filter` that matches nothing exits 0 in Swift 6.3.1, but
    # prints "No matching test cases were run" and a run of 0 tests; list the
    # tests first and skip the run when none matches, so that the last test
    # report is never an empty one.
    matches=-1
    if listing=$(swift test list --skip-build 2>/dev/null); then
        matches=$(printf '%s\n' "$listing" | grep -c -E "$RESTART_FILTER" || true)
    else
        log "could not list the tests; running the filtered run anyway"
    fi
    if [ "$matches" = 0 ]; then
        log "no test matches '$RESTART_FILTER': nothing to run"
    else
        t=$SECONDS
        rc=0
        SHOUHU_TEST_BROKER_RESTART=1 SHOUHU_TEST_AMQP_URL="$AMQP_URL" \
            swift test --skip-build --filter "$RESTART_FILTER" --no-parallel || rc=$?
        log "broker-restart tests finished in $(step_time $t) with exit code $rc"
        [ $rc -eq 0 ] || failed+=("broker-restart tests (exit $rc)")
        # A test that stopped the broker may have left it down: make sure it is
        # up again for whoever uses it next (and so `stop` finds it).
        if [ $BROKER_STARTED_HERE -eq 0 ]; then
            bash "$SCRIPT_DIR/broker.sh" status >/dev/null 2>&1 ||
                log "WARNING: the broker no longer answers after the broker-restart tests"
        fi
    fi
fi

say "done in $(step_time $T_START)"
if [ ${#failed[@]} -gt 0 ]; then
    log "FAILED: ${failed[*]}"
    exit 1
fi
log "all steps passed"
