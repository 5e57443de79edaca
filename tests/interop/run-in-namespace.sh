#!/usr/bin/env bash
# Runs a command inside a private network namespace with only loopback, multicast on, so mDNS works and no packet
# leaves the machine (see the shared matter-network note). Needs root or unprivileged user namespaces.
set -euo pipefail
if [[ "${INSIDE_NAMESPACE:-}" != 1 ]]; then
  INSIDE_NAMESPACE=1 exec unshare -n -- "$0" "$@"
fi
ip link set lo up
ip link set lo multicast on
ip route add 224.0.0.0/4 dev lo
ip -6 route add ff00::/8 dev lo table local 2>/dev/null || true
exec "$@"
