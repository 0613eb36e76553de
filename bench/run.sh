#!/bin/sh
# Benchmark lifelint against go vet, staticcheck and the floor (go vet with a
# vet tool that analyzes nothing) on real Go services.
#
#   bench/run.sh                      full set, 3 runs (the reported figures)
#   bench/run.sh -set quick -runs 1   two modules, one run (for iteration)
#   bench/run.sh -set tiny -runs 1    three small packages (tests the harness)
#
# Flags are those of ./cmd/bench (go run ./cmd/bench -h). Results go to
# bench/results/<date>-<set>.md; work files to bench/.cache/.
set -eu
cd "$(dirname "$0")"
exec go run ./cmd/bench "$@"
