#!/usr/bin/env bash
# The scaled shape on this machine: 2 API workers (uvicorn --workers 2), the internal listener,
# 2 Rasa instances (ports RASA_PORT and RASA_PORT+1), the action server, on the machine's
# PostgreSQL (own schema) and Redis. Migrations run once, as the release step, before any worker.
# Ctrl-C stops all of them.
set -euo pipefail
cd "$(dirname "$0")/.."

new_secret() { .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))'; }
RASA_PORT="${RASA_PORT:-5005}"
RASA_PORT_2="${RASA_PORT_2:-$((RASA_PORT + 1))}"
SCHEMA="${HANDOFF_SCALED_SCHEMA:-handoff_scaled}"
PG="${SCALED_POSTGRES_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}"
export HANDOFF_INTERNAL_TOKEN="${HANDOFF_INTERNAL_TOKEN:-$(new_secret)}"
export RASA_AUTH_TOKEN="${RASA_AUTH_TOKEN:-$(new_secret)}"
export INTERNAL_PORT="${INTERNAL_PORT:-${HANDOFF_INTERNAL_PORT:-8001}}"
export HANDOFF_INTERNAL_URL="${HANDOFF_INTERNAL_URL:-http://127.0.0.1:${INTERNAL_PORT}}"
export DATABASE_URL="${DATABASE_URL:-${PG}?options=-csearch_path%3D${SCHEMA}}"
export RASA_TRACKER_STORE_URL="${RASA_TRACKER_STORE_URL:-${PG/+psycopg/}?schema=${SCHEMA}_rasa}"
export HANDOFF_REDIS_URL="${HANDOFF_REDIS_URL:-redis://127.0.0.1:6379/0}"
export HANDOFF_REDIS_PREFIX="${HANDOFF_REDIS_PREFIX:-handoff}"
export HANDOFF_RASA_URLS="${HANDOFF_RASA_URLS:-http://127.0.0.1:${RASA_PORT},http://127.0.0.1:${RASA_PORT_2}}"
export RASA_ACTION_ENDPOINT_URL="${RASA_ACTION_ENDPOINT_URL:-http://127.0.0.1:${ACTIONS_PORT:-5055}/webhook}"
export RASA_LOCK_STORE_HOST="${RASA_LOCK_STORE_HOST:-127.0.0.1}" RASA_LOCK_STORE_PORT="${RASA_LOCK_STORE_PORT:-6379}"
export RASA_LOCK_STORE_DB="${RASA_LOCK_STORE_DB:-1}" RASA_LOCK_STORE_PREFIX="${RASA_LOCK_STORE_PREFIX:-handoff}"
# A conversation's lock held by a killed instance frees after this long (Rasa's default: 60 s);
# longer than any turn takes here (a turn is 0.1-2 s, up to ~10 s under overload).
export TICKET_LOCK_LIFETIME="${TICKET_LOCK_LIFETIME:-15}"

# The API's own schema on the machine's PostgreSQL (Rasa makes its own: bot/tracker_store.py).
.venv/bin/python - "$PG" "$SCHEMA" <<'PY'
import sys
from sqlalchemy import create_engine, text
engine = create_engine(sys.argv[1])
with engine.begin() as connection:
    connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{sys.argv[2]}"'))
engine.dispose()
PY
.venv/bin/handoff-admin migrate  # the release step: the workers wait for it, never run it

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

setsid make --no-print-directory run-actions & pids+=($!)
setsid .venv/bin/uvicorn handoff_api.main:app --host 127.0.0.1 --port "${API_PORT:-8000}" \
    --workers "${API_WORKERS:-2}" --no-proxy-headers --no-access-log & pids+=($!)
setsid make --no-print-directory run-internal & pids+=($!)
for port in "$RASA_PORT" "$RASA_PORT_2"; do
  setsid make --no-print-directory run-rasa RASA_PORT="$port" ENDPOINTS=bot/endpoints-scaled.yml & pids+=($!)
done
echo "Starting the scaled shape: API http://127.0.0.1:${API_PORT:-8000} (${API_WORKERS:-2} workers," \
     "internal ${HANDOFF_INTERNAL_URL}), Rasa ${HANDOFF_RASA_URLS}, actions :${ACTIONS_PORT:-5055}," \
     "PostgreSQL schema ${SCHEMA}, Redis ${HANDOFF_REDIS_URL} (prefix ${HANDOFF_REDIS_PREFIX}). Ctrl-C stops all."
wait -n
echo "One service stopped; stopping the others." >&2
