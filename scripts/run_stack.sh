#!/usr/bin/env bash
# Starts the Rasa server, the action server and the handoff API (public and internal listener)
# on loopback; Ctrl-C stops all four.
set -euo pipefail
cd "$(dirname "$0")/.."

new_secret() { .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))'; }
export HANDOFF_INTERNAL_TOKEN="${HANDOFF_INTERNAL_TOKEN:-$(new_secret)}"
export RASA_AUTH_TOKEN="${RASA_AUTH_TOKEN:-$(new_secret)}"  # Rasa's --auth-token; the API sends it
export INTERNAL_PORT="${INTERNAL_PORT:-${HANDOFF_INTERNAL_PORT:-8001}}"
export HANDOFF_INTERNAL_URL="${HANDOFF_INTERNAL_URL:-http://127.0.0.1:${INTERNAL_PORT}}"
export RASA_URL="${RASA_URL:-http://127.0.0.1:${RASA_PORT:-5005}}"
# Both Rasa and the API's purge read it (default: a SQLite file beside handoff.db).
export RASA_TRACKER_STORE_URL="${RASA_TRACKER_STORE_URL:-sqlite:///rasa_tracker.db}"

# The release step: migrations run once here, never in the workers (handoff_api/migrate.py).
.venv/bin/handoff-admin migrate

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

setsid make --no-print-directory run-actions & pids+=($!)
setsid make --no-print-directory run-api & pids+=($!)
setsid make --no-print-directory run-internal & pids+=($!)
setsid make --no-print-directory run-rasa & pids+=($!)
echo "Starting: Rasa on ${RASA_URL}, actions on :${ACTIONS_PORT:-5055}, handoff API on" \
     "http://127.0.0.1:${API_PORT:-8000} (internal ${HANDOFF_INTERNAL_URL}). Ctrl-C stops all."
wait -n
echo "One service stopped; stopping the others." >&2
