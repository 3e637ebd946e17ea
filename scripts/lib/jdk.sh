# shellcheck shell=bash
# Finds a JDK 21 or newer and prints its home directory. Sourced by ./relia, ./test and the example's scripts.
# Looks, in order, at $JAVA_HOME, the `java` on PATH, then every /usr/lib/jvm/* (newest first).

relia_java_major() {
    # Prints the feature version (17, 21, 25...) of the java binary given as $1, or nothing.
    # The JDK's `release` file answers without starting a JVM; ask the JVM only when it is missing.
    local out home
    home=$(dirname "$(dirname "$1")")
    if [ -f "$home/release" ]; then
        out=$(sed -n 's/^JAVA_VERSION="\([0-9.]*\).*/\1/p' "$home/release" | head -n 1)
        out=${out%%.*}
        [ "$out" = 1 ] && out=$(sed -n 's/^JAVA_VERSION="1\.\([0-9]*\).*/\1/p' "$home/release")
    fi
    [ -n "$out" ] || out=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1)
    case "$out" in
        1.*) echo "${out#1.}" ;;
        *) echo "$out" ;;
    esac
}

relia_find_jdk() {
    local min=${1:-21} candidates=() seen=" " home major
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    if command -v java >/dev/null 2>&1; then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
    fi
    if [ -d /usr/lib/jvm ]; then
        while IFS= read -r home; do candidates+=("$home"); done < <(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's#/$##' | sort -Vr)
    fi
    for home in "${candidates[@]}"; do
        case "$seen" in *" $home "*) continue ;; esac
        seen="$seen$home "
        [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
        major=$(relia_java_major "$home/bin/java")
        if [ -n "$major" ] && [ "$major" -ge "$min" ] 2>/dev/null; then
            echo "$home"
            return 0
        fi
    done
    {
        echo "relia: no JDK $min or newer found."
        echo "  looked at: \$JAVA_HOME (${JAVA_HOME:-unset}), the java on PATH ($(command -v java || echo none)), /usr/lib/jvm/*"
        echo "  install one (e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+) or set JAVA_HOME to it."
    } >&2
    return 1
}
