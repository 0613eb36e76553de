#!/usr/bin/env bash
# End to end: lifelint's results shared between machines through
# GOCACHEPROG, Go's external cache protocol.
#  1. Install a real GOCACHEPROG implementation through the module proxy:
#     go-cacher (the cache program cmd/go starts) and go-cacher-server (the
#     shared HTTP cache it talks to) from github.com/bradfitz/go-tool-cache,
#     pinned. The server listens on the loopback interface only.
#  2. "Machine A": an empty GOCACHE and an empty go-cacher directory, the
#     shared server. `lifelint ./...` over testdata/example analyzes every
#     package and fills the shared cache.
#  3. "Machine B": another empty GOCACHE and go-cacher directory, the same
#     server. `lifelint ./...` must print the same output with the same
#     exit code without analyzing anything: LIFELINT_TRACE (one line per
#     vet tool process that analyzes a package) must stay empty, because
#     go vet replays every result, and every compiled package, from the
#     shared cache.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
cacher=github.com/bradfitz/go-tool-cache
cacher_version=v0.0.0-20260722201841-0bb331e19f64
work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

t0=$SECONDS
GOBIN=$work/bin go install "$cacher/cmd/go-cacher@$cacher_version" "$cacher/cmd/go-cacher-server@$cacher_version"
go build -o "$work/bin/lifelint" ./cmd/lifelint
echo "installed go-cacher $cacher_version, built lifelint ($((SECONDS - t0))s)"

# The shared cache: go-cacher-server on a free loopback port.
mkdir -p "$work/server"
for try in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 20000))
  "$work/bin/go-cacher-server" -listen "127.0.0.1:$port" -cache-dir "$work/server" 2>"$work/server.log" &
  server_pid=$!
  for _ in $(seq 50); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/action/00"; then break 2; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true
  server_pid=
done
if [ -z "$server_pid" ]; then
  echo "go-cacher-server did not start:"; cat "$work/server.log"; exit 1
fi

# machine NAME: run lifelint over testdata/example as a machine with an
# empty local cache (GOCACHE, go-cacher's own directory and the user cache
# directory, where lifelint keeps its listing and result caches) and the
# shared server; its output, exit code and trace go to $work/NAME.*. -q drops the
# progress line and the summary, so stderr holds only problems.
machine() {
  local m=$1 rc=0 t=$SECONDS
  mkdir -p "$work/$m/gocache" "$work/$m/cacher" "$work/$m/usercache"
  (cd testdata/example &&
    GOCACHE=$work/$m/gocache XDG_CACHE_HOME=$work/$m/usercache \
    GOCACHEPROG="$work/bin/go-cacher -cache-dir $work/$m/cacher -cache-server http://127.0.0.1:$port" \
    LIFELINT_TRACE=$work/$m.trace \
    "$work/bin/lifelint" -q ./...) >"$work/$m.out" 2>"$work/$m.err" || rc=$?
  echo "$rc" >"$work/$m.rc"
  touch "$work/$m.trace"
  echo "machine $m: exit $rc, $(wc -l <"$work/$m.out") findings;" \
    "the vet tool analyzed $(grep -c $'^vet\t.*\troot$' "$work/$m.trace" || true) packages of the module" \
    "and $(grep -c $'^vet\t.*\tfacts$' "$work/$m.trace" || true) dependencies (for facts); $((SECONDS - t))s"
}

failed=0
machine a
if [ "$(cat "$work/a.rc")" != 1 ] || ! grep -q . "$work/a.out"; then
  echo "machine a: want exit 1 with findings; stderr:"; cat "$work/a.err"; exit 1
fi
if ! grep -q $'^vet\t.*\troot$' "$work/a.trace"; then
  echo "machine a: LIFELINT_TRACE recorded no analysis: the trace cannot prove anything"; exit 1
fi
echo "shared cache: $(find "$work/server" -type f | wc -l) files, $(du -sh "$work/server" | cut -f1)"

machine b
if ! diff -u "$work/a.out" "$work/b.out"; then
  echo "machine b: output differs from machine a's (-a +b)"; failed=1
fi
if [ "$(cat "$work/a.rc")" != "$(cat "$work/b.rc")" ]; then
  echo "machine b: exit $(cat "$work/b.rc"), machine a: $(cat "$work/a.rc")"; failed=1
fi
if grep -q '^vet' "$work/b.trace"; then
  echo "machine b: the vet tool analyzed packages instead of replaying the shared cache:"
  grep '^vet' "$work/b.trace" | head -20
  failed=1
fi
if [ -s "$work/b.err" ]; then
  echo "machine b: stderr:"; cat "$work/b.err"; failed=1
fi
if [ "$failed" = 0 ]; then
  echo "machine b: same output and exit code, nothing analyzed: results replayed from the shared cache"
fi
exit "$failed"
