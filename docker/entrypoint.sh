#!/bin/sh
# Container entrypoint: bring the schema up to date, then become the given process (gunicorn, a worker, a
# CLI command) so that it receives the container's signals directly.
#   MODERATION_MIGRATE=0   skip the upgrade (compose runs it once, in the `migrate` service, so that N
#                          workers starting together do not race on it)
set -eu

if [ "$#" -eq 0 ]; then
  set -- gunicorn -c python:moderation.gunicorn_conf "moderation:create_app()"
fi

if [ "${MODERATION_MIGRATE:-1}" != "0" ]; then
  echo "entrypoint: moderation db upgrade" >&2
  moderation db upgrade
fi

exec "$@"
