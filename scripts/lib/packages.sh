# shellcheck shell=bash
# Installs the Debian packages tests need, when missing: as root with apt-get (one 'apt-get update' first);
# otherwise prints what is missing and how to install it. Sourced by ./run-tests and bench scripts.

# relia_ensure_packages CMD:PACKAGE ...  -> returns 0 when every command is available afterwards.
relia_ensure_packages() {
    local missing=() pair cmd pkg
    for pair in "$@"; do
        cmd=${pair%%:*}
        pkg=${pair#*:}
        command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    relia_install_packages "${missing[@]}"
}

# relia_ensure_postgresql -> returns 0 when PostgreSQL's server programs are available afterwards. Debian keeps
# initdb, pg_ctl and postgres in /usr/lib/postgresql/VERSION/bin, off PATH, so 'command -v' cannot tell.
relia_ensure_postgresql() {
    relia_postgresql_installed && return 0
    relia_install_packages postgresql && relia_postgresql_installed
}

relia_postgresql_installed() {
    local initdb
    for initdb in /usr/lib/postgresql/*/bin/initdb; do
        [ -x "$initdb" ] && return 0
    done
    command -v initdb >/dev/null 2>&1
}

# relia_install_packages PACKAGE ...  -> installs the packages as root with apt-get, else says how; 0 when installed.
relia_install_packages() {
    local missing=("$@")
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing Debian packages: ${missing[*]}" >&2
        if [ -z "${RELIA_APT_UPDATED:-}" ]; then
            DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
            export RELIA_APT_UPDATED=1
        fi
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
            || { echo "could not install: ${missing[*]}" >&2; return 1; }
        return 0
    fi
    echo "MISSING: ${missing[*]} (install with: sudo apt-get install ${missing[*]}); tests that need them are skipped" >&2
    return 1
}
