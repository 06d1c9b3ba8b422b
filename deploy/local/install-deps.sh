#!/usr/bin/env bash
# deploy/local/install-deps.sh — install what Shouhu needs to build and test,
# on Debian bookworm or Ubuntu, with apt-get. Installs only what is missing;
# quick and silent-ish when everything is there. Runs as root, or uses sudo.
#
# Swift itself cannot be installed here (no download is possible on these
# machines): the script only finds it and fails clearly when it is absent.
set -euo pipefail

PACKAGES=(
    rabbitmq-server   # the broker the integration tests talk to
    librabbitmq-dev   # rabbitmq-c: headers, pkg-config file, library
    pkg-config
    libxml2-utils     # xmllint, to validate ISO 20022 payment files
    libsqlite3-dev    # SQLite for GRDB
    python3
    python3-yaml      # the deployment tests parse docker-compose.yml
    python3-aiosmtpd  # the notification tests' loopback SMTP server where Python lacks smtpd (3.12 on)
    curl
    ca-certificates
)

log() { printf 'install-deps.sh: %s\n' "$*"; }
die() { printf 'install-deps.sh: error: %s\n' "$*" >&2; exit 1; }

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    die "this script needs a Debian or Ubuntu system with apt-get"
fi

is_installed() {
    [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

missing=()
for pkg in "${PACKAGES[@]}"; do
    is_installed "$pkg" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
    log "all ${#PACKAGES[@]} packages already installed: ${PACKAGES[*]}"
else
    if [ "$(id -u)" -eq 0 ]; then
        SUDO=()
    elif command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo -n)
    else
        die "missing packages (${missing[*]}) and not root, and sudo is not available"
    fi
    export DEBIAN_FRONTEND=noninteractive
    # Wait for a concurrent apt/dpkg instead of failing at once.
    APT=(apt-get -q -y -o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
    log "missing: ${missing[*]}"
    log "running apt-get update"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive "${APT[@]}" update >/tmp/shouhu-apt-update.log 2>&1 || {
        tail -n 20 /tmp/shouhu-apt-update.log >&2
        die "apt-get update failed (full output: /tmp/shouhu-apt-update.log)"
    }
    log "installing: ${missing[*]}"
    t0=$SECONDS
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive "${APT[@]}" install --no-install-recommends "${missing[@]}" \
        >/tmp/shouhu-apt-install.log 2>&1 || {
        tail -n 30 /tmp/shouhu-apt-install.log >&2
        die "apt-get install failed (full output: /tmp/shouhu-apt-install.log)"
    }
    for pkg in "${missing[@]}"; do
        is_installed "$pkg" || die "$pkg is still not installed after apt-get install"
    done
    log "installed ${#missing[@]} package(s) in $((SECONDS - t0))s: ${missing[*]}"

    # Without a policy-rc.d that forbids it, the package's postinst starts the
    # broker through /etc/init.d with its defaults (listening on every
    # interface). Without systemd nothing manages that node: stop it, so that
    # deploy/local/broker.sh starts one on loopback only.
    case " ${missing[*]} " in
        *" rabbitmq-server "*)
            if [ ! -d /run/systemd/system ] &&
                "${SUDO[@]}" env ERL_EPMD_ADDRESS=127.0.0.1 /usr/sbin/rabbitmq-diagnostics -q check_running --timeout 10 >/dev/null 2>&1; then
                log "the package started a broker with its default settings; stopping it (broker.sh runs one on loopback)"
                "${SUDO[@]}" /usr/sbin/invoke-rc.d rabbitmq-server stop >/dev/null 2>&1 ||
                    "${SUDO[@]}" /etc/init.d/rabbitmq-server stop >/dev/null 2>&1 ||
                    "${SUDO[@]}" env ERL_EPMD_ADDRESS=127.0.0.1 /usr/sbin/rabbitmqctl -q shutdown >/dev/null 2>&1 || true
            fi
            # Stop an idle epmd the check above (or the package) started.
            "${SUDO[@]}" env ERL_EPMD_ADDRESS=127.0.0.1 epmd -kill >/dev/null 2>&1 || true
            ;;
    esac
fi

# --- Swift ------------------------------------------------------------------
SWIFT=""
if command -v swift >/dev/null 2>&1; then
    SWIFT=$(command -v swift)
elif [ -x /opt/swift/usr/bin/swift ]; then
    SWIFT=/opt/swift/usr/bin/swift
fi
if [ -z "$SWIFT" ]; then
    die "Swift is not installed. Shouhu needs Swift 6.x (built and tested with 6.3.1).
  It cannot be downloaded by this script. Install the Swift 6 toolchain for your
  distribution from https://www.swift.org/install/linux/ (the tarball unpacked so
  that /opt/swift/usr/bin/swift exists, or via swiftly), then run this again."
fi
version_line=$("$SWIFT" --version 2>&1 | grep -m1 -i 'swift version' || true)
major=$(printf '%s\n' "$version_line" | sed -n 's/.*[Ss]wift version \([0-9][0-9]*\)\..*/\1/p')
if [ -z "$major" ] || [ "$major" -lt 6 ]; then
    die "found $SWIFT but it is not Swift 6.x (${version_line:-no version printed}).
  Install Swift 6.x from https://www.swift.org/install/linux/ (e.g. at /opt/swift)."
fi
log "swift: $SWIFT ($version_line)"
case ":$PATH:" in
    *":$(dirname "$SWIFT"):"*) ;;
    *) log "note: $(dirname "$SWIFT") is not on PATH; deploy/local/test.sh adds it" ;;
esac

pkg-config --exists librabbitmq || die "pkg-config cannot find librabbitmq (librabbitmq-dev)"
log "rabbitmq-c $(pkg-config --modversion librabbitmq), RabbitMQ $(dpkg-query -W -f='${Version}' rabbitmq-server)"
