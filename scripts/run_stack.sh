#!/usr/bin/env bash
# Starts the Rasa server, the action server and the handoff API on loopback; Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."

export HANDOFF_INTERNAL_TOKEN="${HANDOFF_INTERNAL_TOKEN:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')}"
export HANDOFF_API_URL="${HANDOFF_API_URL:-http://127.0.0.1:${API_PORT:-8000}}"
export RASA_URL="${RASA_URL:-http://127.0.0.1:${RASA_PORT:-5005}}"

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

setsid make --no-print-directory run-actions & pids+=($!)
setsid make --no-print-directory run-api & pids+=($!)
setsid make --no-print-directory run-rasa & pids+=($!)
echo "Starting: Rasa on ${RASA_URL}, actions on :${ACTIONS_PORT:-5055}, handoff API on ${HANDOFF_API_URL}. Ctrl-C stops all."
wait -n
echo "One service stopped; stopping the others." >&2
