#!/bin/sh
# First start of the database container: the role the apps connect as, with its password. The
# migrations (the `migrate` service) find it and only grant it what it needs.
set -eu
psql -v ON_ERROR_STOP=1 -v password="$REDRESS_APP_PASSWORD" -U "$POSTGRES_USER" -d "$POSTGRES_DB" <<'SQL'
CREATE ROLE redress_app LOGIN PASSWORD :'password';
SQL
