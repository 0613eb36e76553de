#!/bin/sh
# Benchmark lifelint against go vet and staticcheck on real Go services.
#
#   bench/run.sh                      full set, 3 runs (the reported figures)
#   bench/run.sh -set quick -runs 1   two modules, one run (for iteration)
#
# Flags are those of ./cmd/bench (go run ./cmd/bench -h). Results go to
# bench/results/<date>-<set>.md; work files to bench/.cache/.
set -eu
cd "$(dirname "$0")"
exec go run ./cmd/bench "$@"
