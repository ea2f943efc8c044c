#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 server (Debian's
# postgresql-15): initdb in a temporary folder, as a non-root user (tests
# run as root in CI; PostgreSQL refuses to), listening only on a unix
# socket in that folder. The command gets the connection URI in
# NEWSGRAPH_TEST_PG (postgresql://newsgraph@/newsgraph_test?host=DIR); the
# server is stopped and the folder removed when the command ends, fails or
# is interrupted. Without PostgreSQL the command runs without the variable
# (the PostgreSQL tests then skip with a message).
#   tests/pg/with_postgres.sh ctest --test-dir build -j2
# NEWSGRAPH_PG_USER: the user to run the server as when root (default nobody).
# NEWSGRAPH_PG_CONF: extra "-c name=value" server settings.
set -euo pipefail
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$PGBIN/initdb" ] || [ ! -x "$PGBIN/pg_ctl" ]; then
  echo "with_postgres: no PostgreSQL 15 server at $PGBIN (scripts/setup.sh installs postgresql-15);" \
       "running without it, the PostgreSQL tests will skip" >&2
  exec "$@"
fi
dir="$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-pg.XXXXXX")"
chmod 755 "$dir"
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  user="${NEWSGRAPH_PG_USER:-nobody}"
  chown "$user" "$dir"
  as_user=(setpriv --reuid="$(id -u "$user")" --regid="$(id -g "$user")" --clear-groups)
fi
stop() {
  "${as_user[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
(cd "$dir" && "${as_user[@]}" "$PGBIN/initdb" -D "$dir/data" -U newsgraph --auth=trust -E UTF8 --locale=C \
  --no-sync >"$dir/initdb.log" 2>&1) || { cat "$dir/initdb.log" >&2; exit 1; }
# shellcheck disable=SC2086  # NEWSGRAPH_PG_CONF is a list of -c options
(cd "$dir" && "${as_user[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s \
  -o "-c listen_addresses='' -k $dir -c max_connections=50 ${NEWSGRAPH_PG_CONF:-}" start) \
  || { cat "$dir/server.log" >&2; exit 1; }
"$PGBIN/createdb" -h "$dir" -U newsgraph newsgraph_test
export NEWSGRAPH_TEST_PG="postgresql://newsgraph@/newsgraph_test?host=$dir"
echo "with_postgres: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on $dir (NEWSGRAPH_TEST_PG)" >&2
set +e
"$@"
rc=$?
set -e
exit "$rc"
