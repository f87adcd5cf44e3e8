#!/usr/bin/env bash
# Runs once, when the official postgres image initialises an empty primary (/docker-entrypoint-initdb.d).
# The entrypoint sources this file when it is not executable: no `set`, no `exit` here.
# Creates the role the standby replicates with, its physical slot (WAL is kept until the standby has
# it, bounded by max_slot_wal_keep_size), and lets that role connect for replication with a password.
: "${REPLICATION_USER:?REPLICATION_USER is required}"
: "${REPLICATION_PASSWORD:?REPLICATION_PASSWORD is required}"
: "${REPLICATION_SLOT:=standby1}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set=role="$REPLICATION_USER" --set=password="$REPLICATION_PASSWORD" --set=slot="$REPLICATION_SLOT" <<'SQL'
CREATE ROLE :"role" WITH REPLICATION LOGIN PASSWORD :'password';
SELECT pg_create_physical_replication_slot(:'slot');
SQL

echo "host replication $REPLICATION_USER all scram-sha-256" >>"$PGDATA/pg_hba.conf"
