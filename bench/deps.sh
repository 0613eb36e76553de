#!/bin/sh
# Regenerates go.mod and go.sum from the pinned service versions.
#
# `go get -t` also resolves the test imports of every package, because go vet,
# staticcheck and lifelint analyze test files too. Do NOT run `go mod tidy`
# here: no package of this module imports the services, so tidy would drop
# them all.
set -eu
cd "$(dirname "$0")"
go get -t \
	github.com/caddyserver/caddy/v2/...@v2.11.9 \
	github.com/prometheus/prometheus/...@v0.316.0 \
	github.com/nats-io/nats-server/v2/...@v2.15.3 \
	go.etcd.io/etcd/server/v3/...@v3.7.3 \
	go.temporal.io/server/...@v1.30.8 \
	github.com/zeromicro/go-zero/...@v1.10.3
# Fail if any package of the sets does not resolve.
go list -e -test -deps -f '{{if .Error}}{{.ImportPath}}: {{.Error}}{{end}}' $(cat sets/full.txt) | { ! grep .; }
