#!/usr/bin/env bash
# The benchmark harness's own tests (bench/ is a separate module, so the
# root's go test ./... does not reach it): report and parse code, the
# trace reader, the leaf choice, the cache copy. It measures nothing.
set -euo pipefail
cd "$(dirname "$0")/../../bench"
go vet ./...
go test ./...
