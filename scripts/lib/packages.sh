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
