#!/usr/bin/env bash
# Fuzz the REST API against the committed openapi.yaml with Schemathesis (all checks) on a live server.
#
# Starts `openwmo manage runserver` on a free loopback port with a scratch SQLite database, loads the
# reference data, the demo users and a few records, gives the demo user `beheerder` a token, runs
# Schemathesis bounded in examples and time, and stops the server. Exit code: Schemathesis's.
#
# Environment: PYTHON (default .venv/bin/python, else python3) runs Open Wmo; SCHEMATHESIS (default the
# `schemathesis` next to PYTHON) runs the fuzzer; ST_MAX_EXAMPLES (default 30), ST_MAX_TIME (default 240 s).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || command -v python3 )}
SCHEMATHESIS=${SCHEMATHESIS:-$(dirname "$PYTHON")/schemathesis}
MAX_EXAMPLES=${ST_MAX_EXAMPLES:-30}
MAX_TIME=${ST_MAX_TIME:-240}

SCRATCH=$(mktemp -d -t openwmo-st-XXXXXX)
export OPENWMO_VAR_DIR="$SCRATCH" PYTHONPATH=src DJANGO_SETTINGS_MODULE=openwmo.conf.base
unset DATABASE_URL
SERVER_PID=""
opruimen() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$SCRATCH"
}
trap opruimen EXIT

openwmo() { "$PYTHON" -m openwmo.cli manage "$@"; }

echo "=== Schemathesis: scratch database in $SCRATCH ==="
openwmo migrate -v0
openwmo load_reference >/dev/null
openwmo shell <scripts/schemathesis_proefdata.py
TOKEN=$(openwmo api_token beheerder)

PORT=$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
openwmo runserver "127.0.0.1:$PORT" --noreload >"$SCRATCH/server.log" 2>&1 &
SERVER_PID=$!
"$PYTHON" - "$PORT" <<'PY'
import sys, time, urllib.request
for _ in range(120):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/api/v1/schema/", timeout=2)
        break
    except OSError:
        time.sleep(0.5)
else:
    sys.exit("De testserver startte niet.")
PY

# filter_too_much is a health check of the data generator, not of the API: bodies with several date fields
# (format date plus the year pattern, e.g. POST declaraties/) make Hypothesis discard many candidates, and it may
# then give up on that operation. Every check against the API's answers stays on.
echo "=== Schemathesis against http://127.0.0.1:$PORT/api/v1 (max $MAX_EXAMPLES examples, $MAX_TIME s) ==="
set +e
"$SCHEMATHESIS" --config-file scripts/schemathesis.toml --no-color run openapi.yaml \
  --url "http://127.0.0.1:$PORT/api/v1" \
  -H "Authorization: Token $TOKEN" \
  --checks all \
  --max-examples "$MAX_EXAMPLES" \
  --max-time "$MAX_TIME" \
  --workers 1 \
  --seed 2017 \
  --generation-database none \
  --suppress-health-check filter_too_much
STATUS=$?
set -e
if [ "$STATUS" -ne 0 ]; then
  echo "--- last lines of the server log ---"
  tail -n 40 "$SCRATCH/server.log"
fi
exit "$STATUS"
