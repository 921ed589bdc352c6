#!/usr/bin/env bash
# Starts TokenDesk (the console, or a CLI command such as `serve`) with its default JVM options.
#
#   app-gui/tokendesk.sh                 the console
#   app-gui/tokendesk.sh serve           the API server only
#
# Default options, chosen for a local tool that shares the machine (figures in docs/benchmarks.md):
#   -XX:+UseSerialGC -Xms32m -Xmx256m    a heap that starts small and grows only as needed, with one GC thread
#   -XX:ReservedCodeCacheSize=64m        enough for the server's compiled code
#   -XX:MinHeapFreeRatio=15 -XX:MaxHeapFreeRatio=40
#                                        the heap shrinks back after a burst instead of keeping 70% free
#   -XX:TrimNativeHeapInterval=2000      returns freed native memory to the system every 2 s (JDK 17.0.9
#                                        and later; -XX:+IgnoreUnrecognizedVMOptions lets older JDKs start)
#   MALLOC_ARENA_MAX=2                   fewer glibc malloc arenas, so less native memory held per thread
# TOKENDESK_JAVA_OPTS replaces the JVM options, for example TOKENDESK_JAVA_OPTS="-Xmx1g".
#
# Class data sharing: the first run of the console or of `serve` writes target/tokendesk-console.jsa
# or target/tokendesk-serve.jsa, an archive of the classes the run loaded, when it exits (Ctrl+C
# or SIGTERM for serve). Later runs map that archive instead of
# loading and verifying the classes again, which shortens start-up. A new build of the jar makes
# the archive stale; the next run then writes a new one. TOKENDESK_CDS=0 turns this off.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
jar=${TOKENDESK_JAR:-$here/target/tokendesk.jar}

if [[ ! -f "$jar" ]]; then
    echo "No $jar: build it first with: mvn -B -ntp -DskipTests package" >&2
    exit 1
fi

# shellcheck disable=SC2206
options=(${TOKENDESK_JAVA_OPTS:--XX:+UseSerialGC -Xms32m -Xmx256m -XX:ReservedCodeCacheSize=64m -XX:MinHeapFreeRatio=15 -XX:MaxHeapFreeRatio=40 -XX:+IgnoreUnrecognizedVMOptions -XX:TrimNativeHeapInterval=2000})
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

# The archive contains the classes of the run that wrote it, so the console and `serve` keep one each.
# Other commands (token, user, import, --help and so on) run without one: an archive written by
# such a short run would contain too few classes to speed up the console or the server.
mode=
if [[ $# -eq 0 ]]; then
    mode=console
elif [[ "$1" == serve ]]; then
    mode=serve
elif [[ "$1" == -* && "$1" != -h && "$1" != --help && "$1" != -V && "$1" != --version ]]; then
    mode=console
fi
archive=${jar%.jar}-$mode.jsa

# A run that ends early (--help, a mistyped option) writes an archive of a few MB, which would slow
# every later start. A full one is about 70 MB, so one under 16 MB is replaced.
min_archive_bytes=$((16 * 1024 * 1024))
if [[ "${TOKENDESK_CDS:-1}" == 1 && -n "$mode" ]]; then
    if [[ -f "$archive" && "$archive" -nt "$jar" && $(stat -c %s "$archive") -ge $min_archive_bytes ]]; then
        options+=(-XX:SharedArchiveFile="$archive")
    else
        rm -f "$archive"
        options+=(-XX:ArchiveClassesAtExit="$archive")
    fi
fi

# JVM warnings go to stderr, never into command output. The class data archive's own warnings are
# off: writing the archive lists every old-format class it cannot hold, a few hundred lines.
exec java -Xlog:disable -Xlog:all=warning,cds=off,cds+dynamic=off:stderr "${options[@]}" -jar "$jar" "$@"
