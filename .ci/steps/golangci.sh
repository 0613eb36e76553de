#!/usr/bin/env bash
# End to end: lifelint as a golangci-lint v2 module plugin.
# Builds golangci-lint v2.15.0 with the plugin through the module proxy
# (tools/gcl), runs it over the example service and checks every pass's
# expected findings, then checks //nolint:lifelint and the plugin settings
# on testdata/golangci.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
bin=$(mktemp -d)/golangci-lint
trap 'rm -rf "$(dirname "$bin")"' EXIT

start=$SECONDS
go build -C tools/gcl -o "$bin" .
echo "built golangci-lint with the lifelint plugin in $((SECONDS - start))s"
"$bin" version
"$bin" config verify -c .golangci-plugin.yml

run() { # run <dir> <config>: golangci-lint's issues as "file:line:col: message"
  local dir=$1 cfg=$2 out rc=0
  out=$(cd "$dir" && "$bin" run -c "$cfg" --allow-parallel-runners \
      --output.text.path=stdout --output.text.print-issued-lines=false --output.text.colors=false \
      --show-stats=false ./... 2>"$root/.ci-gcl-stderr") || rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
    echo "golangci-lint failed in $dir (exit $rc):" >&2; cat "$root/.ci-gcl-stderr" >&2; exit 1
  fi
  rm -f "$root/.ci-gcl-stderr"
  printf '%s\n' "$out" | grep ' (lifelint)$' | sed 's/ (lifelint)$//' | sort || true
}

fail=0
# 1. The example service: exactly the expected findings of every pass.
want=$(cat testdata/example/expected/*.txt 2>/dev/null | grep -v '^#' | grep -v '^$' | sed 's/ ([a-z]*)$//' | sort || true)
got=$(run testdata/example "$root/.golangci-plugin.yml")
if [ "$got" != "$want" ]; then
  echo "example service: golangci-lint findings differ from testdata/example/expected/*.txt" >&2
  diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") >&2 || true
  fail=1
else
  echo "example service: $(printf '%s\n' "$got" | grep -c . || true) findings, as expected"
fi

# 2. Defaults on testdata/golangci: //nolint:lifelint silences line 18.
got=$(run testdata/golangci "$root/.golangci-plugin.yml")
printf '%s\n' "$got"
grep -q '^handlers.go:14:.*time.Sleep' <<<"$got" || { echo "missing time.Sleep finding" >&2; fail=1; }
grep -q '^handlers.go:18:' <<<"$got" && { echo "//nolint:lifelint did not suppress line 18" >&2; fail=1; }
grep -q '^handlers.go:22:.*sql.Open' <<<"$got" || { echo "missing requestpool finding" >&2; fail=1; }
grep -q '^handlers.go:27:' <<<"$got" && { echo "queue.Pop reported without settings" >&2; fail=1; }

# 3. Settings: disable requestpool, add queue.Pop as blocking.
got=$(run testdata/golangci "$root/testdata/golangci/settings.yml")
printf '%s\n' "$got"
grep -q '^handlers.go:22:' <<<"$got" && { echo "disable: [requestpool] did not take effect" >&2; fail=1; }
grep -q '^handlers.go:27:.*queue.Pop' <<<"$got" || { echo "blocking: [queue.Pop] did not take effect" >&2; fail=1; }

# 4. Invalid settings are a clear error.
bad=$(mktemp)
sed 's/disable: \[requestpool\]/disabel: [requestpool]/' testdata/golangci/settings.yml >"$bad"
if out=$(cd testdata/golangci && "$bin" run -c "$bad" --allow-parallel-runners ./... 2>&1); then
  echo "invalid settings accepted" >&2; fail=1
elif ! grep -q 'lifelint: invalid settings' <<<"$out"; then
  echo "invalid settings: unclear error:" >&2; printf '%s\n' "$out" >&2; fail=1
fi
rm -f "$bad"

[ "$fail" -eq 0 ] && echo "golangci-lint plugin end to end: ok"
exit "$fail"
