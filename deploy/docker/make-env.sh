#!/usr/bin/env bash
# deploy/docker/make-env.sh — writes the secrets a container deployment needs, once:
#   .env                                      SHOUHU_JWT_SECRET, SHOUHU_ID_KEY and the broker
#                                             passwords, read by docker-compose.yml
#   deploy/rabbitmq/definitions/users.json    the broker's users with salted SHA-256 password
#                                             hashes (RabbitMQ's rabbit_password_hashing_sha256)
# An existing .env is kept (losing SHOUHU_ID_KEY would make every sealed ID number unreadable);
# users.json is written again from it. Both files are in .gitignore.
#
#   bash deploy/docker/make-env.sh [target-folder]     (default: the repository root)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TARGET=${1:-$ROOT}
ENV_FILE="$TARGET/.env"
USERS="$TARGET/deploy/rabbitmq/definitions/users.json"
mkdir -p "$(dirname "$USERS")"

random_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }

if [ ! -f "$ENV_FILE" ]; then
    umask 077
    cat > "$ENV_FILE" <<ENV
# Written by deploy/docker/make-env.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ). Keep it secret and back it up:
# without SHOUHU_ID_KEY the sealed resident ID numbers in intake's store cannot be read again.
SHOUHU_COUNTY=520330
SHOUHU_JWT_SECRET=$(random_hex 32)
SHOUHU_ID_KEY=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
SHOUHU_BROKER_PASSWORD=$(random_hex 24)
SHOUHU_BROKER_ADMIN_PASSWORD=$(random_hex 24)
# Optional channels of the notification service; empty means off (it says so at start).
SHOUHU_SMS_URL=
SHOUHU_SMTP_URL=
ENV
    echo "make-env.sh: wrote $ENV_FILE"
else
    echo "make-env.sh: keeping the existing $ENV_FILE"
fi

# shellcheck disable=SC1090
. "$ENV_FILE"
python3 - "$USERS" "$SHOUHU_BROKER_PASSWORD" "$SHOUHU_BROKER_ADMIN_PASSWORD" <<'PY'
import base64, hashlib, json, os, sys

def rabbit_hash(password):
    # RabbitMQ's rabbit_password_hashing_sha256: base64(salt ++ sha256(salt ++ password)), 4-byte salt.
    salt = os.urandom(4)
    return base64.b64encode(salt + hashlib.sha256(salt + password.encode()).digest()).decode()

path, service_password, admin_password = sys.argv[1:4]
users = {
    "users": [
        {"name": "shouhu", "password_hash": rabbit_hash(service_password),
         "hashing_algorithm": "rabbit_password_hashing_sha256", "tags": []},
        {"name": "operator", "password_hash": rabbit_hash(admin_password),
         "hashing_algorithm": "rabbit_password_hashing_sha256", "tags": ["administrator"]},
    ],
    "permissions": [
        {"user": "shouhu", "vhost": "/", "configure": "^shouhu\\.", "write": "^shouhu\\.", "read": "^shouhu\\."},
        {"user": "operator", "vhost": "/", "configure": ".*", "write": ".*", "read": ".*"},
    ],
}
old = os.umask(0o077)
with open(path, "w") as f:
    json.dump(users, f, indent=2, sort_keys=True)
    f.write("\n")
os.umask(old)
PY
echo "make-env.sh: wrote $USERS"
