#!/bin/sh
# Builds one libFuzzer target against the library sources and runs it.
#
#   Fuzz/run.sh TARGET SECONDS [libFuzzer options...]     TARGET: query, csv, pack, journal or command
#
# The modules a target needs (ExamStore, ExamRules, ExamDemo, ExamQuery) are compiled here with
# swiftc -sanitize=fuzzer,address into .build-fuzz/ (git-ignored), so the fuzzers never touch
# the SwiftPM build or `swift test`. New inputs go to .build-fuzz/corpus/TARGET (the committed
# seeds in Fuzz/corpus/TARGET are only read); crashes are written to .build-fuzz/artifacts/.
set -eu
target=${1:?usage: Fuzz/run.sh query|csv|pack|journal|command SECONDS [libFuzzer options]}
seconds=${2:-600}
shift 2 2>/dev/null || shift $#
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/.build-fuzz"
mkdir -p "$out/modules" "$out/corpus/$target" "$out/artifacts"
flags="-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6 -package-name exq"

build_module() {
    name=$1
    if [ ! -f "$out/modules/$name.o" ] || [ -n "$(find "$root/Sources/$name" -newer "$out/modules/$name.o" -name '*.swift')" ]; then
        echo "compiling $name" >&2
        swiftc $flags -wmo -enable-testing -module-name "$name" -I "$out/modules" -I "$root/Sources/CEditLine" -I "$root/Sources/CLibPQ" -I "$root/Sources/CMalloc" \
            -emit-module -emit-module-path "$out/modules/$name.swiftmodule" \
            -c $(find "$root/Sources/$name" -name '*.swift' | sort) -o "$out/modules/$name.o"
    fi
}

case "$target" in
    csv|pack) modules="ExamStore" ;;
    query) modules="ExamStore ExamRules ExamDemo ExamQuery" ;;
    journal|command) modules="ExamStore ExamRules ExamDemo ExamQuery ExamShell" ;;
    *) echo "unknown target '$target': query, csv, pack, journal or command" >&2; exit 2 ;;
esac
objects=""
for m in $modules; do build_module "$m"; objects="$objects $out/modules/$m.o"; done
echo "linking fuzz-$target" >&2
swiftc $flags -I "$out/modules" -I "$root/Sources/CEditLine" -I "$root/Sources/CLibPQ" -I "$root/Sources/CMalloc" "$root/Fuzz/Targets/$target.swift" $objects -ledit -o "$out/fuzz-$target"

exec "$out/fuzz-$target" "$out/corpus/$target" "$root/Fuzz/corpus/$target" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    $( [ -f "$root/Fuzz/$target.dict" ] && echo "-dict=$root/Fuzz/$target.dict" ) -artifact_prefix="$out/artifacts/$target-" -print_final_stats=1 "$@"
