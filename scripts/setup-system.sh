#!/usr/bin/env bash
# Installs the Debian packages that the tests need, when they are missing.
#
#   scripts/setup-system.sh
#
# Idempotent: when every package is already installed it does nothing (no
# `apt-get update`, no network). Needs root (or sudo) to install.
#
#   haproxy      `haproxy -c` validation of generated configs
#   chromium     the browser that playwright-core drives for the e2e tests
#   neovim       the second LSP client of the e2e tests
#   ripgrep      pre-seeds @vscode/ripgrep for scripts/setup-code-server.sh
#   libkrb5-dev  headers for code-server's native `kerberos` module
#   socat        talks to HAProxy's runtime API socket in tests
#   python3, make, g++   node-gyp builds of code-server's native modules
set -euo pipefail

readonly PACKAGES=(haproxy chromium neovim ripgrep libkrb5-dev socat python3 make g++)

log() { printf 'setup-system: %s\n' "$*"; }
die() { printf 'setup-system: error: %s\n' "$*" >&2; exit 1; }

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

command -v dpkg-query >/dev/null || die "dpkg-query not found: this script supports Debian/Ubuntu only"

missing=()
for package in "${PACKAGES[@]}"; do
  is_installed "$package" || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
  log "all packages present: ${PACKAGES[*]}"
  exit 0
fi

sudo=()
if [[ "$(id -u)" != 0 ]]; then
  command -v sudo >/dev/null || die "missing packages (${missing[*]}) and not root; run as root"
  sudo=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
log "installing: ${missing[*]}"
apt_log="$(mktemp -t setup-system-apt.XXXXXX)"
if ! "${sudo[@]}" apt-get update -qq >"$apt_log" 2>&1; then
  tail -n 30 "$apt_log" >&2
  die "apt-get update failed (log: $apt_log)"
fi
if ! "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
  "${missing[@]}" >>"$apt_log" 2>&1; then
  tail -n 30 "$apt_log" >&2
  die "apt-get install ${missing[*]} failed (log: $apt_log)"
fi

still_missing=()
for package in "${missing[@]}"; do
  is_installed "$package" || still_missing+=("$package")
done
((${#still_missing[@]} == 0)) || die "still not installed after apt-get: ${still_missing[*]}"
rm -f "$apt_log"
log "installed: ${missing[*]}"
