#!/usr/bin/env bash
# serve-load.sh: runs `publish serve` as a process of its own on loopback
# and sends it TestLoad's 300 requests for the seed's PDF from 8 clients,
# then reports the server's peak memory and stops it with SIGTERM, which
# must end it cleanly (exit 0).
#
#   bench/serve-load.sh [serve flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/publish" ./cmd/publish
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$work/publish" serve --addr "127.0.0.1:$port" "$@" 2> "$work/log" &
pid=$!
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.1
done
PUBLISH_LOAD_URL="http://127.0.0.1:$port" go test -count=1 -run '^TestLoad$' -v ./internal/serve | grep -E 'requests from|^(ok|FAIL|---)'
echo "server peak memory: $(grep VmHWM /proc/$pid/status | tr -s ' \t' ' ' | cut -d' ' -f2-)"
kill -TERM "$pid"
wait "$pid" && echo "server stopped on SIGTERM: exit 0"
