#!/usr/bin/env bash
# Entrypoint of the standby (official postgres image). On an empty data directory it copies the
# primary with pg_basebackup (WAL streamed during the copy; -R writes standby.signal and
# primary_conninfo; -S uses the slot init-primary.sh made), then hands over to the image's own
# entrypoint, which finds a data directory and starts PostgreSQL as a hot standby.
set -euo pipefail
: "${PGDATA:=/var/lib/postgresql/data}"
: "${PRIMARY_HOST:?PRIMARY_HOST is required}"
: "${REPLICATION_USER:?REPLICATION_USER is required}"
: "${REPLICATION_PASSWORD:?REPLICATION_PASSWORD is required}"
: "${REPLICATION_SLOT:=standby1}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  until pg_isready -q -h "$PRIMARY_HOST" -p 5432; do
    echo "standby: waiting for the primary at $PRIMARY_HOST"
    sleep 2
  done
  echo "standby: copying the primary (pg_basebackup)"
  PGPASSWORD="$REPLICATION_PASSWORD" gosu postgres pg_basebackup \
    --host="$PRIMARY_HOST" --port=5432 --username="$REPLICATION_USER" --pgdata="$PGDATA" \
    --wal-method=stream --write-recovery-conf --slot="$REPLICATION_SLOT" --checkpoint=fast --no-password
fi

exec docker-entrypoint.sh "$@"
