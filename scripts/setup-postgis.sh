#!/usr/bin/env bash
# Installs (Debian/Ubuntu, as root) and starts a local PostgreSQL 15 + PostGIS 3, then makes sure the
# role and the databases Sahel Map uses exist with PostGIS enabled. Idempotent: safe to run twice.
#
# Skipped entirely when DATABASE_URL is set: that database is then the caller's to provide.
#
# Settings (environment): SAHEL_DB_USER (sahel), SAHEL_DB_PASSWORD (sahel), SAHEL_DB_PORT (5432),
# SAHEL_DB_NAMES ("sahel sahel_test": the server's database and the one the tests use).
set -euo pipefail

if [[ -n "${DATABASE_URL:-}" ]]; then
  echo "setup-postgis: DATABASE_URL is set; using that database, nothing to install." >&2
  exit 0
fi

DB_USER="${SAHEL_DB_USER:-sahel}"
DB_PASSWORD="${SAHEL_DB_PASSWORD:-sahel}"
DB_PORT="${SAHEL_DB_PORT:-5432}"
DB_NAMES="${SAHEL_DB_NAMES:-sahel sahel_test}"
PG_VERSION=15

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
as_postgres() { as_root runuser -u postgres -- "$@"; }
psql_admin() { as_postgres psql -v ON_ERROR_STOP=1 -q -p "$DB_PORT" "$@"; }

if [[ ! -f /usr/lib/postgresql/$PG_VERSION/lib/postgis-3.so ]]; then
  echo "setup-postgis: installing postgresql-$PG_VERSION-postgis-3 ..." >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq \
    "postgresql-$PG_VERSION" "postgresql-$PG_VERSION-postgis-3" >/dev/null
fi

if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1 == v && $2 == "main"' | grep -q .; then
  as_root pg_createcluster "$PG_VERSION" main --port "$DB_PORT" >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  as_root pg_ctlcluster "$PG_VERSION" main start
fi

# Wait for the server to accept connections (first start can take a few seconds).
for _ in $(seq 1 30); do
  if as_postgres pg_isready -q -p "$DB_PORT"; then break; fi
  sleep 1
done
as_postgres pg_isready -q -p "$DB_PORT" || { echo "setup-postgis: PostgreSQL did not start" >&2; exit 1; }

if [[ -z $(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'") ]]; then
  psql_admin -c "CREATE ROLE \"$DB_USER\" LOGIN PASSWORD '$DB_PASSWORD'"
fi
for db in $DB_NAMES; do
  if [[ -z $(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'") ]]; then
    psql_admin -c "CREATE DATABASE \"$db\" OWNER \"$DB_USER\""
  fi
  # PostGIS is not a trusted extension: the superuser enables it once; migrations then find it there.
  psql_admin -d "$db" -c "CREATE EXTENSION IF NOT EXISTS postgis" 2>&1 | grep -v 'already exists' || true
done

echo "setup-postgis: PostGIS ready on localhost:$DB_PORT (databases: $DB_NAMES, role: $DB_USER)" >&2
