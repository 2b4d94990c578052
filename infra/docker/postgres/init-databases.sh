#!/bin/bash
# Runs once, when the postgres container initialises an empty data volume
# (mounted into /docker-entrypoint-initdb.d). Creates the seven service
# databases, owned by $POSTGRES_USER (the superuser "blog", which may also open
# replication connections), and lets Debezium's replication connections in
# from the compose network: the image's default pg_hba.conf only admits
# replication from loopback.
set -euo pipefail

for svc in gateway auth user blog post visitor subscribe; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
SELECT 'CREATE DATABASE blog_$svc OWNER "$POSTGRES_USER"'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'blog_$svc')\gexec
SQL
done

# Same auth method as the image's rule for ordinary connections.
echo "host replication all all ${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}" >>"$PGDATA/pg_hba.conf"
