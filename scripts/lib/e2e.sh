# shellcheck shell=bash
# Prepares the dashboard's browser tests: playwright-core at the version pinned in relia-server/src/test/e2e
# (npm ci from its lock file, into relia-server/target/e2e or $RELIA_E2E_DIR) and Debian's Chromium. Playwright's own
# browsers are never downloaded. Offline-tolerant: an install that matches the lock file is kept as it is.
# Source it for relia_e2e_prepare, or run it: `bash scripts/lib/e2e.sh` prints the install directory on success.
# Exit codes: 0 ready · 2 node, npm or chromium missing · 3 npm ci failed (offline with no earlier install?).

RELIA_E2E_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RELIA_E2E_TIMEOUT=${RELIA_E2E_TIMEOUT:-300}

# relia_e2e_chromium -> prints the Chromium binary ($CHROMIUM or /usr/bin/chromium), or returns 1.
relia_e2e_chromium() {
    local candidate=${CHROMIUM:-/usr/bin/chromium}
    [ -x "$candidate" ] || return 1
    echo "$candidate"
}

# relia_e2e_prepare -> installs playwright-core when needed; prints the directory holding node_modules.
relia_e2e_prepare() {
    local src="$RELIA_E2E_ROOT/relia-server/src/test/e2e"
    local dest=${RELIA_E2E_DIR:-$RELIA_E2E_ROOT/relia-server/target/e2e}
    local missing=() pinned installed
    command -v node >/dev/null 2>&1 || missing+=("node (apt-get install nodejs)")
    command -v npm >/dev/null 2>&1 || missing+=("npm (apt-get install npm)")
    relia_e2e_chromium >/dev/null || missing+=("${CHROMIUM:-/usr/bin/chromium} (apt-get install chromium)")
    if [ ${#missing[@]} -gt 0 ]; then
        echo "MISSING for the dashboard browser tests: ${missing[*]}" >&2
        return 2
    fi
    pinned=$(node -p "require('$src/package.json').dependencies['playwright-core']")
    installed=$(node -p "try { require('$dest/node_modules/playwright-core/package.json').version } catch (e) { '' }")
    if [ "$installed" = "$pinned" ] && cmp -s "$src/package-lock.json" "$dest/package-lock.json"; then
        echo "$dest"
        return 0
    fi
    mkdir -p "$dest" || return 3
    cp "$src/package.json" "$src/package-lock.json" "$dest/" || return 3
    echo "installing playwright-core $pinned into $dest (npm ci, no browser download)" >&2
    # Scripts stay off: playwright-core needs none, and no package gets to run code at install time.
    if ! (cd "$dest" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 timeout "$RELIA_E2E_TIMEOUT" \
            npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2); then
        rm -f "$dest/package-lock.json"
        echo "MISSING for the dashboard browser tests: playwright-core $pinned (npm ci failed in $dest;" \
            "offline? run it once with access to the npm registry)" >&2
        return 3
    fi
    echo "$dest"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    relia_e2e_prepare
fi
