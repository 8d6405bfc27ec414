#!/usr/bin/env bash
# Starts a throwaway Redis on 127.0.0.1:63790 for the multi-node tests and prints its URL.
# Installs Debian's redis-server when missing.
set -euo pipefail
if ! command -v redis-server >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq redis-server >/dev/null
fi
PORT=63790
if ! redis-cli -p $PORT ping >/dev/null 2>&1; then
  redis-server --port $PORT --bind 127.0.0.1 --save '' --appendonly no --daemonize yes >/dev/null
  for _ in $(seq 50); do redis-cli -p $PORT ping >/dev/null 2>&1 && break; sleep 0.1; done
fi
echo "redis://127.0.0.1:$PORT"
