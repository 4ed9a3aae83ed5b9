#!/usr/bin/env bash
# Make the services the tests need reachable on loopback, installing and starting them when
# missing: PostgreSQL (STORYLOOM_TEST_POSTGRES) and Redis (STORYLOOM_TEST_REDIS). Sourced by
# tests/run-all.sh, which then requires them (STORYLOOM_REQUIRE_SERVICES=1).

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
wait_for() {   # wait_for <seconds> <command...>
  local deadline=$((SECONDS + $1)); shift
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -ge "$deadline" ] && return 1
    sleep 0.5
  done
}

# PostgreSQL
if [ -z "${STORYLOOM_TEST_POSTGRES:-}" ]; then
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    echo "== Starting PostgreSQL"
    command -v pg_ctlcluster >/dev/null || apt_install postgresql
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" \
      main start || true
    wait_for 30 pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL did not start"; exit 1; }
  fi
  STORYLOOM_TEST_POSTGRES="postgresql://postgres@127.0.0.1:5432/postgres"
  if ! psql "$STORYLOOM_TEST_POSTGRES" -Atc "select 1" >/dev/null 2>&1; then
    # A fresh install asks for a password over TCP: make a test role with a random one.
    password="$(python -c 'import secrets; print(secrets.token_hex(16))')"
    as_root su postgres -c "psql -qc \"DROP ROLE IF EXISTS storyloom_test\"" >/dev/null
    as_root su postgres -c "psql -qc \"CREATE ROLE storyloom_test LOGIN SUPERUSER PASSWORD '$password'\"" >/dev/null
    STORYLOOM_TEST_POSTGRES="postgresql://storyloom_test:$password@127.0.0.1:5432/postgres"
  fi
  export STORYLOOM_TEST_POSTGRES
fi

# Redis
if [ -z "${STORYLOOM_TEST_REDIS:-}" ]; then
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    echo "== Starting Redis"
    command -v redis-server >/dev/null || apt_install redis-server
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
    wait_for 15 redis-cli -h 127.0.0.1 -p 6379 ping || { echo "Redis did not start"; exit 1; }
  fi
  export STORYLOOM_TEST_REDIS="redis://127.0.0.1:6379/0"
fi
export STORYLOOM_REQUIRE_SERVICES=1
