# shellcheck shell=bash
# A confer-server (the debug build) on a database of its own in scripts/test's throwaway cluster, migrated and
# loaded with the demo, for the scripts that drive a running server: scripts/fuzz and scripts/client.
#   confer_server_start NAME   creates database NAME, seeds it, serves on a free port, waits for /health;
#                              sets CONFER_SERVER_URL and CONFER_SERVER_LOG
#   confer_server_healthy      whether /health answers
#   confer_server_stop         stops the server and drops its database (safe to call twice, for an EXIT trap)
# Needs DATABASE_URL (the cluster's .../confer?... URL that scripts/test exports) and the test venv in .data/venv.
# CONFER_ADMIN_EMAIL and CONFER_ADMIN_PASSWORD name the admin account it creates.

confer_server_start() {
  local name=$1
  : "${DATABASE_URL:?DATABASE_URL must name a PostgreSQL superuser connection (scripts/test sets it)}"
  local bin
  bin=$(swift build --show-bin-path)/confer-server
  [[ -x $bin ]] || { echo "error: $bin is not built (swift build)" >&2; return 1; }
  CONFER_SERVER_CLUSTER_URL=$DATABASE_URL
  local url=${DATABASE_URL/\/confer\?/\/$name?}
  if [[ $url == "$DATABASE_URL" ]]; then
    echo "error: DATABASE_URL must be the throwaway cluster's .../confer?... URL that scripts/test exports" >&2
    return 1
  fi
  CONFER_SERVER_DATABASE=$name
  CONFER_SERVER_LOG=$(mktemp)
  psql "$CONFER_SERVER_CLUSTER_URL" -qc "CREATE DATABASE $name"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  CONFER_SERVER_URL="http://127.0.0.1:$port"
  # The server's own settings, for its processes only: the caller's DATABASE_URL stays the cluster's.
  local env=(DATABASE_URL="$url" CONFER_ADMIN_EMAIL="${CONFER_ADMIN_EMAIL:?}" CONFER_ADMIN_PASSWORD="${CONFER_ADMIN_PASSWORD:?}"
    CONFER_BCRYPT_COST=4 LOG_LEVEL=error PORT="$port")
  env "${env[@]}" "$bin" migrate >/dev/null
  env "${env[@]}" "$bin" create-admin >/dev/null
  env "${env[@]}" "$bin" seed-demo >/dev/null
  env "${env[@]}" "$bin" serve >"$CONFER_SERVER_LOG" 2>&1 &
  CONFER_SERVER_PID=$!
  for _ in $(seq 100); do
    confer_server_healthy && return 0
    sleep 0.2
  done
  echo "error: the server did not start:" >&2
  cat "$CONFER_SERVER_LOG" >&2
  return 1
}

# HTTP from the venv's Python (requests comes with schemathesis), so that curl need not be installed.
confer_server_healthy() {
  .data/venv/bin/python -c 'import sys, requests; sys.exit(0 if requests.get(sys.argv[1], timeout=5).ok else 1)' \
    "$CONFER_SERVER_URL/health" 2>/dev/null
}

confer_server_stop() {
  if [[ -n ${CONFER_SERVER_PID:-} ]]; then
    kill "$CONFER_SERVER_PID" 2>/dev/null || true
    wait "$CONFER_SERVER_PID" 2>/dev/null || true
    CONFER_SERVER_PID=""
  fi
  if [[ -n ${CONFER_SERVER_DATABASE:-} ]]; then
    psql "$CONFER_SERVER_CLUSTER_URL" -qc "DROP DATABASE IF EXISTS $CONFER_SERVER_DATABASE WITH (FORCE)" >/dev/null 2>&1 || true
    CONFER_SERVER_DATABASE=""
  fi
  [[ -z ${CONFER_SERVER_LOG:-} ]] || rm -f "$CONFER_SERVER_LOG"
}
