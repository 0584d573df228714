#!/usr/bin/env bash
# Installs code-server (VS Code 1.100.3 served to a browser) from the npm
# registry into a cache folder, for the end-to-end tests in test/e2e.
#
#   scripts/setup-code-server.sh            install, or reuse a working install
#   scripts/setup-code-server.sh --force    reinstall from scratch
#
# Where:   ${HAPROXY_MIGRATION_CACHE:-<repo>/.cache}/code-server
#          (the binary is <that folder>/node_modules/.bin/code-server, and
#          <that folder>/bin/code-server is a stable link to it)
# Needs:   Node 20 and npm (code-server 4.100 refuses other Node majors),
#          Debian's libkrb5-dev, ripgrep, python3, make and g++
#          (scripts/setup-system.sh installs the Debian packages).
#
# Why the install needs help on a machine that reaches only the npm registry
# and Debian (see style.md B10):
#  - code-server's postinstall runs `npm install` inside lib/vscode, which
#    builds native modules (kerberos needs libkrb5-dev) with node-gyp.
#  - Its postinstall refuses to run as root unless npm_config_unsafe_perm=true.
#  - @vscode/ripgrep's postinstall downloads a ripgrep release from GitHub
#    unless the archive is already in $TMPDIR/vscode-ripgrep-cache-<version>/;
#    we put Debian's /usr/bin/rg there as a tar.gz holding `rg`.
#  - npm 11 blocks dependency install scripts unless they are allowed. The
#    --allow-scripts flag is an error in project-scoped installs, and npm
#    exports every non-default config value (from any npmrc) to lifecycle
#    scripts as npm_config_*, so an allow list in a user npmrc reaches the
#    nested installs as if given on their command line and fails them too.
#    So we install in two steps: `npm install --ignore-scripts` (unpack only),
#    then write an allow list into the project .npmrc of each nested project
#    (lib/vscode, lib/vscode/extensions), which only those installs read, and
#    run `npm rebuild`, allowed by the `allowScripts` field of our package.json.
set -euo pipefail

readonly CODE_SERVER_VERSION=4.100.3
readonly RIPGREP_PACKAGE_VERSION=1.15.11
readonly RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
# Packages with install scripts that must run, per project of code-server
# 4.100.3 (from the hasInstallScript entries of its npm-shrinkwrap.json files;
# the windows-only ones never install on Linux).
readonly ALLOW_TOP=code-server,argon2
readonly ALLOW_VSCODE=@parcel/watcher,@vscode/deviceid,@vscode/ripgrep,@vscode/spdlog,kerberos,native-watchdog,node-pty
readonly ALLOW_EXTENSIONS=@parcel/watcher,esbuild

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache_root="${HAPROXY_MIGRATION_CACHE:-$repo_root/.cache}"
prefix="$cache_root/code-server"
bin="$prefix/bin/code-server"
force=false
[[ "${1:-}" == "--force" ]] && force=true

log() { printf 'setup-code-server: %s\n' "$*"; }
die() { printf 'setup-code-server: error: %s\n' "$*" >&2; exit 1; }

installed_version() {
  [[ -x "$bin" ]] || return 1
  # `code-server --version` prints "4.100.3 <commit> with Code 1.100.3",
  # after a log line when it first writes its config file; --config keeps
  # that file inside the prefix instead of ~/.config/code-server.
  "$bin" --config "$prefix/config.yaml" --version 2>/dev/null \
    | sed -n 's/^\([0-9][0-9.]*\) [0-9a-f]* with Code .*/\1/p' | sed -n 1p
}

if ! $force && [[ "$(installed_version || true)" == "$CODE_SERVER_VERSION" ]]; then
  log "code-server $CODE_SERVER_VERSION already installed in $prefix"
  exit 0
fi

# --- preconditions ---------------------------------------------------------
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" \
  || die "node is not on PATH"
[[ "$node_major" == 20 ]] \
  || die "code-server $CODE_SERVER_VERSION needs Node 20, found $(node --version)"
command -v npm >/dev/null || die "npm is not on PATH"
[[ -x /usr/bin/rg ]] || die "/usr/bin/rg is missing: run scripts/setup-system.sh (Debian package ripgrep)"
dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'install ok installed' \
  || die "Debian package libkrb5-dev is missing: run scripts/setup-system.sh"
for tool in python3 make g++ tar; do
  command -v "$tool" >/dev/null || die "$tool is not on PATH (needed to build native modules)"
done

# --- pre-seed the ripgrep download -----------------------------------------
# @vscode/ripgrep's lib/download.js looks for
# path.join(os.tmpdir(), `vscode-ripgrep-cache-${packageVersion}`, assetName)
# and skips the download when that file exists.
tmp_root="${TMPDIR:-/tmp}"
rg_cache="$tmp_root/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION"
mkdir -p "$rg_cache"
tar -czf "$rg_cache/$RIPGREP_ASSET.partial" -C /usr/bin rg
mv -f "$rg_cache/$RIPGREP_ASSET.partial" "$rg_cache/$RIPGREP_ASSET"
log "seeded $rg_cache/$RIPGREP_ASSET with $(/usr/bin/rg --version | sed -n 1p)"

# --- install ---------------------------------------------------------------
log "installing code-server $CODE_SERVER_VERSION into $prefix (takes minutes)"
rm -rf "$prefix"
mkdir -p "$prefix/bin"

json_list() { printf '"%s": true, ' ${1//,/ } | sed 's/, $//'; }
cat >"$prefix/package.json" <<JSON
{
  "name": "haproxy-migration-code-server",
  "private": true,
  "description": "code-server for haproxy-migration's end-to-end tests; made by scripts/setup-code-server.sh",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { $(json_list "$ALLOW_TOP") }
}
JSON

install_log="$prefix/install.log"
: >"$install_log"
npm_in_prefix() {
  # Runs from inside the prefix instead of passing --prefix: npm exports
  # command-line config to lifecycle scripts, and an exported prefix would
  # send code-server's nested `npm install` runs into this folder.
  (
    cd "$prefix"
    export npm_config_unsafe_perm=true   # read by code-server's postinstall.sh
    export npm_config_yes=true
    export npm_config_update_notifier=false
    export npm_config_fund=false
    export npm_config_audit=false
    export npm_config_loglevel=warn
    export TMPDIR="$tmp_root"
    printf '\n$ npm %s\n' "$*"
    npm "$@"
  ) >>"$install_log" 2>&1
}
fail_install() {
  tail -n 60 "$install_log" >&2
  die "$1; full log: $install_log"
}

npm_in_prefix install --ignore-scripts --no-save || fail_install "npm install (unpack) failed"
vscode_dir="$prefix/node_modules/code-server/lib/vscode"
[[ -f "$vscode_dir/package.json" ]] || fail_install "unexpected package layout: no $vscode_dir/package.json"
printf 'allow-scripts=%s\n' "$ALLOW_VSCODE" >"$vscode_dir/.npmrc"
printf 'allow-scripts=%s\n' "$ALLOW_EXTENSIONS" >"$vscode_dir/extensions/.npmrc"
npm_in_prefix rebuild || fail_install "building code-server (npm rebuild) failed"
if grep -q 'install-scripts' "$install_log"; then
  log "npm reported install-script notices (see $install_log):"
  grep 'install-scripts' "$install_log" | head -n 20
fi

ln -sfn ../node_modules/.bin/code-server "$bin"
version="$(installed_version || true)"
[[ "$version" == "$CODE_SERVER_VERSION" ]] \
  || { tail -n 40 "$install_log" >&2; die "installed, but '$bin --version' printed '${version:-nothing}'"; }

rg_bin="$prefix/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
[[ -x "$rg_bin" ]] || die "ripgrep was not unpacked into $rg_bin; see $install_log"
log "code-server $version ready: $bin"
