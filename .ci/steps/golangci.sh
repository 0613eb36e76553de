#!/usr/bin/env bash
# End to end: lifelint as a golangci-lint v2 module plugin.
#  1. Build golangci-lint v2.15.0 with the plugin from tools/gcl (module
#     proxy only; `golangci-lint custom` needs git access to GitHub). The
#     normal Go build and module caches make a rebuild take seconds.
#  2. `config verify` every config used here.
#  3. Run it over the example service (testdata/example) and compare the
#     findings, pass by pass, with testdata/example/expected/<pass>.txt; a
#     pass without a file must report nothing.
#  4. On testdata/golangci: //nolint:lifelint suppresses (a pass name does
#     not), `disable` removes a pass, `blocking` adds a blocking function,
#     and invalid settings fail with a clear error.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$work/golangci-lint-lifelint
failed=0

t0=$SECONDS
if ! (cd tools/gcl && nice -n 10 go build -o "$bin" .); then
  echo "building tools/gcl failed; if the root module's requirements changed," \
    "run: (cd tools/gcl && go mod tidy) and commit tools/gcl/go.mod and go.sum" >&2
  exit 1
fi
echo "built in $((SECONDS - t0))s: $("$bin" version)"

for cfg in .golangci-plugin.yml testdata/golangci/*.yml; do
  "$bin" config verify -c "$cfg"
done
echo "config verify: ok"

# lint DIR CONFIG: run golangci-lint in DIR and print its findings as
# "file:line:col: pass: message", sorted, with file relative to DIR
# (golangci-lint prefixes the message with the pass name and puts its linter
# name, lifelint, at the end; by default it makes paths relative to the
# config file, so ask for absolute ones and strip DIR).
lint() {
  local dir=$1 cfg=$2 rc=0 abs
  abs=$(cd "$dir" && pwd -P)
  (cd "$abs" && "$bin" run -c "$cfg" --allow-parallel-runners --path-mode=abs \
    --output.text.path=stdout --output.text.print-issued-lines=false \
    --output.text.colors=false --show-stats=false ./...) \
    >"$work/out" 2>"$work/err" || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "golangci-lint run -c $cfg in $dir exited $rc:" >&2
    cat "$work/out" "$work/err" >&2
    return 1
  fi
  if grep -v ' (lifelint)$' "$work/out" | grep -q .; then
    echo "golangci-lint run -c $cfg in $dir printed unexpected lines:" >&2
    grep -v ' (lifelint)$' "$work/out" >&2
    return 1
  fi
  if [ "$rc" -eq 1 ] && ! grep -q . "$work/out"; then
    echo "golangci-lint run -c $cfg in $dir exited 1 with no findings:" >&2
    cat "$work/err" >&2
    return 1
  fi
  sed -E -e 's/ \(lifelint\)$//' -e "s#^$abs/##" "$work/out" | LC_ALL=C sort
}

# --- the example service: every pass's expected diagnostics ---
t0=$SECONDS
lint testdata/example "$root/.golangci-plugin.yml" >"$work/example.got"
# expected lines are "path:line:col: message (pass)". The plugin runs the
# default set of passes, so the files of opt-in passes (registry NonDefault:
# shutdown) are left out.
optin='shutdown'
for f in testdata/example/expected/*.txt; do
  case " $optin " in *" $(basename "$f" .txt) "*) continue ;; esac
  cat "$f"
done | grep -v -e '^#' -e '^[[:space:]]*$' |
  sed -E 's/^([^ ]+:[0-9]+:[0-9]+): (.*) \(([a-z]+)\)$/\1: \3: \2/' |
  LC_ALL=C sort >"$work/example.want"
if diff -u "$work/example.want" "$work/example.got" >"$work/example.diff"; then
  echo "example: $(wc -l <"$work/example.got") findings as expected," \
    "passes: $(sed -E 's/^[^ ]+ ([a-z]+): .*/\1/' "$work/example.got" | sort | uniq -c | awk '{printf "%s%s=%s", (NR>1?", ":""), $2, $1}') ($((SECONDS - t0))s)"
else
  echo "example: golangci-lint findings differ from testdata/example/expected/*.txt (-want +got):"
  cat "$work/example.diff"
  failed=1
fi

# --- testdata/golangci: nolint and settings ---
# expected/<config>.txt lines: "file:line:col pass [text the message contains]"
check() {
  local name=$1 got=$work/$1.got want=testdata/golangci/expected/$1.txt ok=1
  lint testdata/golangci "$root/testdata/golangci/$name.yml" >"$got"
  local n
  n=$(grep -c -v -e '^#' -e '^[[:space:]]*$' "$want" || true)
  while read -r loc pass text; do
    case $loc in '#'* | '') continue ;; esac
    if ! grep -F -- "$loc: $pass: " "$got" | grep -q -F -- "$text"; then
      echo "$name.yml: missing $loc $pass ${text:+(containing \"$text\")}"
      ok=0
    fi
  done <"$want"
  if [ "$(wc -l <"$got")" -ne "$n" ]; then
    echo "$name.yml: $(wc -l <"$got") findings, want $n"
    ok=0
  fi
  if [ "$ok" = 1 ]; then
    echo "$name.yml: $n findings as expected"
  else
    echo "got:"; sed 's/^/  /' "$got"
    failed=1
  fi
}
check default  # //nolint:lifelint suppresses; //nolint:handlerblock does not
check disable  # disable: [unsupervisedgo]
check blocking # blocking: ["(*example.com/gcle2e/queue.Client).Pop"]

# Invalid settings stop golangci-lint with lifelint's error.
sed -E 's/^( *)disable: \[unsupervisedgo\]/\1disable: [nosuchpass]/' \
  testdata/golangci/disable.yml >"$work/invalid.yml"
rc=0
(cd testdata/golangci && "$bin" run -c "$work/invalid.yml" --allow-parallel-runners ./...) \
  >"$work/out" 2>&1 || rc=$?
if [ "$rc" -gt 1 ] && grep -q 'lifelint: invalid settings: disable: unknown pass "nosuchpass"' "$work/out"; then
  echo "invalid settings: rejected (exit $rc)"
else
  echo "invalid settings: want a failure naming the unknown pass, got exit $rc:"
  cat "$work/out"
  failed=1
fi

exit "$failed"
