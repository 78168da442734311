# shellcheck shell=bash
# Private PostgreSQL clusters for scripts/run and scripts/test.
#
# Source this file; it only defines functions. A cluster lives in a directory of
# the checkout (.data/...), listens on 127.0.0.1 only, on a free port, with its
# unix socket inside its own directory, so it never meets a system PostgreSQL.
#
#   confer_pg_start .data/postgres-test-$$ --ephemeral   # exports DATABASE_URL
#   trap confer_pg_stop EXIT
#
# Root: initdb and postgres refuse to run as root, so the cluster belongs to the
# `postgres` system user and its programs run through runuser. That user must be
# able to reach the directory: when the checkout sits under a private home (e.g.
# /root, mode 700), the cluster goes to a mktemp directory under /tmp instead and
# <datadir> becomes a symlink to it, so later runs find it again.

# Directory holding initdb, pg_ctl, psql; set by confer_pg_ensure_binaries.
CONFER_PG_BIN=${CONFER_PG_BIN:-}

# State of the cluster this shell started; read by confer_pg_stop.
_confer_pg_datadir=""   # the path the caller gave, made absolute (may be a symlink)
_confer_pg_realdir=""   # where the files really are
_confer_pg_ephemeral=0
_confer_pg_started=0    # 0 when we reused a server someone else started: leave it running

_confer_pg_log() { printf 'postgres: %s\n' "$*" >&2; }

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
# cd / first because the postgres user may not be allowed into the caller's cwd.
_confer_pg_as_owner() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# Runs a command with no open file descriptors but 0-2. The server pg_ctl starts outlives us and would
# otherwise keep the caller's pipes and sockets open: a parent waiting for them to close (a test harness
# reading our output) would wait forever.
_confer_pg_without_inherited_fds() {
  (
    for fd in /proc/self/fd/*; do
      fd=${fd##*/}
      if ((fd > 2)); then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    "$@"
  )
}

# Runs a command without its chatter, but shows that chatter when the command fails.
_confer_pg_quiet() {
  local out status=0
  out=$("$@" 2>&1) || status=$?
  if [[ $status -ne 0 ]]; then
    printf '%s\n' "$out" >&2
  fi
  return "$status"
}

# Newest /usr/lib/postgresql/<ver>/bin that has initdb, or nothing.
_confer_pg_find_bin() {
  local dir found=""
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x $dir/initdb ]] && found+="$dir"$'\n'
  done
  [[ -n $found ]] && printf '%s' "$found" | sort -V | tail -n 1
  return 0
}

# Sets CONFER_PG_BIN, installing Debian's postgresql package when no server is present
# (a fresh CI machine may have only the client).
confer_pg_ensure_binaries() {
  CONFER_PG_BIN=$(_confer_pg_find_bin)
  [[ -n $CONFER_PG_BIN ]] && return 0
  if [[ $EUID -ne 0 ]]; then
    _confer_pg_log "no PostgreSQL server found in /usr/lib/postgresql; install it: sudo apt-get install postgresql"
    return 1
  fi
  _confer_pg_log "installing PostgreSQL (apt-get install postgresql)..."
  export DEBIAN_FRONTEND=noninteractive
  _confer_pg_quiet apt-get update -qq
  _confer_pg_quiet apt-get install -y -qq --no-install-recommends postgresql
  CONFER_PG_BIN=$(_confer_pg_find_bin)
  if [[ -z $CONFER_PG_BIN ]]; then
    _confer_pg_log "apt-get installed postgresql but no initdb was found under /usr/lib/postgresql"
    return 1
  fi
}

# A TCP port nobody listens on. The kernel picks it (bind to port 0); without python3,
# probe upwards from 54329. Another process could take it before postgres binds it:
# confer_pg_start retries with a new port.
_confer_pg_free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local port
  for ((port = 54329; port < 54529; port++)); do
    # A successful connect means someone is listening there.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  _confer_pg_log "no free port between 54329 and 54528"
  return 1
}

# Creates the cluster directory so that its owner can use it, and prints where the
# files really live (see the header comment about root and /tmp).
_confer_pg_prepare_dir() {
  local datadir=$1 real
  if [[ $EUID -ne 0 ]]; then
    mkdir -p "$datadir"
    chmod 700 "$datadir"
    printf '%s\n' "$datadir"
    return
  fi
  if ! id -u postgres >/dev/null 2>&1; then
    _confer_pg_log "running as root needs the 'postgres' system user (apt-get install postgresql creates it)"
    return 1
  fi
  if [[ -L $datadir ]]; then
    # Relocated by an earlier run; /tmp may have been cleaned since, so recreate the target.
    real=$(readlink "$datadir")
    mkdir -p "$real"
  elif (cd / && runuser -u postgres -- test -x "$(dirname "$datadir")"); then
    real=$datadir
    mkdir -p "$real"
  else
    real=$(mktemp -d /tmp/confer-pg.XXXXXXXX)
    ln -s "$real" "$datadir"
    _confer_pg_log "user postgres cannot enter $(dirname "$datadir"); cluster lives in $real ($datadir links to it)"
  fi
  chown postgres:postgres "$real"
  chmod 700 "$real"
  printf '%s\n' "$real"
}

# The conf file that confer_pg_start rewrites on every start (port and durability vary).
_confer_pg_write_conf() {
  local real=$1 port=$2 ephemeral=$3 sockdir=$1 socket_name="/.s.PGSQL.65535"
  # A unix socket path is limited to 107 bytes; everything here connects over TCP,
  # so a too-deep directory just gets no socket.
  if (( ${#sockdir} + ${#socket_name} > 107 )); then
    sockdir=""
  fi
  {
    echo "# Written by scripts/lib/postgres.sh on each start; edits are lost."
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $port"
    echo "unix_socket_directories = '${sockdir//\'/\'\'}'"
    echo "max_connections = 400"
    echo "shared_buffers = 128MB"
    # Lets tests count the statements a request costs (SubmissionListQueryCountTests). Only a restart loads a
    # library, hence here, rewritten on every start, and not at initdb time. Debian's server package ships it;
    # a build without it still starts.
    if [[ -e $CONFER_PG_BIN/../lib/pg_stat_statements.so ]]; then
      echo "shared_preload_libraries = 'pg_stat_statements'"
      # Room for every statement of a whole test run, so that none is evicted while a test counts.
      echo "pg_stat_statements.max = 20000"
    fi
    if [[ $ephemeral -eq 1 ]]; then
      # A test cluster is thrown away: durability only costs time.
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } >"$real/confer.conf"
  [[ $EUID -eq 0 ]] && chown postgres:postgres "$real/confer.conf"
  return 0
}

# confer_pg_start <datadir> [--ephemeral]
# Creates the cluster if needed, starts it (or reuses it when it already runs), makes
# sure database `confer` exists, and exports DATABASE_URL and CONFER_PG_DATADIR.
confer_pg_start() {
  local datadir="" ephemeral=0 arg
  for arg in "$@"; do
    case $arg in
      --ephemeral) ephemeral=1 ;;
      -*) _confer_pg_log "confer_pg_start: unknown option $arg"; return 2 ;;
      *) datadir=$arg ;;
    esac
  done
  if [[ -z $datadir ]]; then
    _confer_pg_log "usage: confer_pg_start <datadir> [--ephemeral]"
    return 2
  fi
  confer_pg_ensure_binaries

  # Absolute, so pg_ctl (run from /) and the trap (run from anywhere) agree on it.
  mkdir -p "$(dirname "$datadir")"
  datadir="$(cd "$(dirname "$datadir")" && pwd -P)/$(basename "$datadir")"
  local real
  real=$(_confer_pg_prepare_dir "$datadir")

  _confer_pg_datadir=$datadir
  _confer_pg_realdir=$real
  _confer_pg_ephemeral=$ephemeral
  _confer_pg_started=0

  local port
  if _confer_pg_as_owner "$CONFER_PG_BIN/pg_ctl" status -D "$real" >/dev/null 2>&1; then
    # Already running (another scripts/run, say): line 4 of postmaster.pid is its port.
    port=$(sed -n 4p "$real/postmaster.pid")
    _confer_pg_log "reusing the server already running in $datadir on port $port"
  else
    if [[ ! -s $real/PG_VERSION ]]; then
      local locale=C
      if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
        locale=C.UTF-8
      fi
      _confer_pg_quiet _confer_pg_as_owner "$CONFER_PG_BIN/initdb" -D "$real" \
        --auth=trust --username=confer --encoding=UTF8 --locale="$locale"
      echo "include_if_exists = 'confer.conf'" >>"$real/postgresql.conf"
    fi
    local attempt
    for attempt in 1 2 3; do
      port=$(_confer_pg_free_port)
      _confer_pg_write_conf "$real" "$port" "$ephemeral"
      if _confer_pg_without_inherited_fds _confer_pg_as_owner "$CONFER_PG_BIN/pg_ctl" start -D "$real" \
        -l "$real/server.log" -w -t 60 -s >/dev/null 2>&1; then
        _confer_pg_started=1
        break
      fi
      _confer_pg_log "start attempt $attempt failed (port $port); see $datadir/server.log"
    done
    if [[ $_confer_pg_started -ne 1 ]]; then
      tail -n 20 "$real/server.log" >&2 2>/dev/null || true
      return 1
    fi
  fi

  local psql=("$CONFER_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U confer)
  if [[ $("${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'confer'") != 1 ]]; then
    "${psql[@]}" -d postgres -c 'CREATE DATABASE confer'
  fi

  export CONFER_PG_DATADIR=$datadir
  export DATABASE_URL="postgres://confer@127.0.0.1:$port/confer?sslmode=disable"
}

# Stops the server confer_pg_start started (and, for --ephemeral, deletes its files).
# Safe to call twice, or when nothing was started; a reused server is left running.
confer_pg_stop() {
  [[ -n $_confer_pg_realdir ]] || return 0
  local real=$_confer_pg_realdir datadir=$_confer_pg_datadir
  if [[ $_confer_pg_started -eq 1 ]]; then
    _confer_pg_as_owner "$CONFER_PG_BIN/pg_ctl" stop -D "$real" -m fast -w -s >/dev/null 2>&1 ||
      _confer_pg_as_owner "$CONFER_PG_BIN/pg_ctl" stop -D "$real" -m immediate -w -s >/dev/null 2>&1 ||
      true
    if [[ $_confer_pg_ephemeral -eq 1 ]]; then
      rm -rf "$real"
      [[ -L $datadir ]] && rm -f "$datadir"
    fi
  fi
  _confer_pg_realdir=""
  _confer_pg_datadir=""
  _confer_pg_started=0
  return 0
}

# confer_pg_reap_stale <prefix>
# Ephemeral clusters are named <prefix><pid>; one whose process is gone was left by a
# killed run (kill -9, closed terminal). Stop it and delete it.
confer_pg_reap_stale() {
  local prefix=$1 dir pid real
  [[ -n $CONFER_PG_BIN ]] || CONFER_PG_BIN=$(_confer_pg_find_bin)
  for dir in "$prefix"*; do
    [[ -e $dir || -L $dir ]] || continue
    pid=${dir##"$prefix"}
    [[ $pid =~ ^[0-9]+$ ]] || continue
    kill -0 "$pid" 2>/dev/null && continue
    real=$dir
    [[ -L $dir ]] && real=$(readlink "$dir")
    if [[ -n $CONFER_PG_BIN && -f $real/postmaster.pid ]]; then
      _confer_pg_as_owner "$CONFER_PG_BIN/pg_ctl" stop -D "$real" -m immediate -w -s >/dev/null 2>&1 || true
    fi
    rm -rf "$real"
    rm -f "$dir" 2>/dev/null || true
  done
}

# confer_pg_ctl <datadir> stop|start|destroy
# For fault tests: stops or starts again the cluster confer_pg_start created in <datadir> (from any shell),
# or stops it for good and deletes its files. The port stays the one written in its confer.conf.
confer_pg_ctl() {
  local datadir=$1 action=$2 real
  [[ -n $CONFER_PG_BIN ]] || CONFER_PG_BIN=$(_confer_pg_find_bin)
  real=$datadir
  [[ -L $datadir ]] && real=$(readlink "$datadir")
  case $action in
    stop) _confer_pg_quiet _confer_pg_as_owner "$CONFER_PG_BIN/pg_ctl" stop -D "$real" -m fast -w -s ;;
    start)
      _confer_pg_quiet _confer_pg_without_inherited_fds _confer_pg_as_owner "$CONFER_PG_BIN/pg_ctl" start -D "$real" \
        -l "$real/server.log" -w -t 60 -s
      ;;
    destroy)
      _confer_pg_as_owner "$CONFER_PG_BIN/pg_ctl" stop -D "$real" -m immediate -w -s >/dev/null 2>&1 || true
      # A server still exiting may write a last file while rm walks the tree: try again.
      rm -rf "$real" 2>/dev/null || { sleep 1; rm -rf "$real"; }
      rm -f "$datadir" 2>/dev/null || true
      ;;
    *) _confer_pg_log "usage: confer_pg_ctl <datadir> stop|start|destroy"; return 2 ;;
  esac
}
