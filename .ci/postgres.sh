#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the server's storage tests and print where it is.
#
#   eval "$(bash .ci/postgres.sh)"      # sets SPP_TEST_POSTGRES_URL (and SPP_TEST_POSTGRES_DIR)
#
# Needs Debian's postgresql package (apt-get install -y postgresql). Run as root (the cluster then runs
# as the postgres user) or as any user that can run initdb. The cluster listens on 127.0.0.1 only, on a
# free port, with a random password; stop it with: pg_ctl -D "$SPP_TEST_POSTGRES_DIR" stop
# Everything but the final export lines goes to stderr.
set -euo pipefail

bindir="${PG_BINDIR:-}"
if [[ -z "$bindir" ]]; then
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
    echo "postgres.sh: PostgreSQL not found (apt-get install -y postgresql)" >&2
    exit 1
fi

free_port() {
    local port
    for _ in $(seq 1 200); do
        port=$(( 20000 + RANDOM % 30000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

port=$(free_port)
dir=$(mktemp -d /tmp/spp-pg.XXXXXX)
password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
db=spp_test
user=spp_test

if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$dir"
    as_pg() { runuser -u postgres -- "$@"; }
else
    as_pg() { "$@"; }
fi

pwfile="$dir/.pw"
echo "$password" > "$pwfile"
[[ $(id -u) -eq 0 ]] && chown postgres:postgres "$pwfile"
as_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >&2
rm -f "$pwfile"
as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >&2
as_pg "$bindir/psql" -h "$dir" -p "$port" -U postgres -v ON_ERROR_STOP=1 -q >&2 <<SQL
CREATE ROLE $user LOGIN PASSWORD '$password';
CREATE DATABASE $db OWNER $user;
SQL

echo "export SPP_TEST_POSTGRES_URL=postgresql+psycopg://$user:$password@127.0.0.1:$port/$db"
echo "export SPP_TEST_POSTGRES_DIR=$dir/data"
