#!/usr/bin/env bash
# The main job on the bundled example (examples/migration, modelled on a real
# on-prem -> cloud migration): check the config and its map, simulate the
# routes the migration promises, and show the next ramp step without writing.
set -uo pipefail
cd "$(dirname "$0")/.."
cli=(node server/out/cli.js)
cfg=examples/migration/haproxy.cfg
root=(--map-root /etc/haproxy=examples/migration)

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }

step "${cli[@]}" check "$cfg" "${root[@]}"
if "${cli[@]}" --help 2>/dev/null | grep -q ' simulate '; then
  step "${cli[@]}" simulate "$cfg" "${root[@]}" \
    --url http://application-02.6play.fr/v2/critical/acme/payments/ \
    --url http://application-02.6play.fr/v2/customers/42 \
    --url http://application-01.6play.fr/
fi
if [ -f examples/migration/seed.routes ] && "${cli[@]}" --help 2>/dev/null | grep -q ' test '; then
  step "${cli[@]}" test examples/migration/seed.routes --config "$cfg" "${root[@]}"
fi
if "${cli[@]}" --help 2>/dev/null | grep -q ' ramp '; then
  step "${cli[@]}" ramp status "$cfg" --backend application-01
  step "${cli[@]}" ramp next "$cfg" --backend application-01
fi
