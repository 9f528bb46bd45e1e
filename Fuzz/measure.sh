#!/bin/sh
# Builds Fuzz/Measure/resources.swift with -O against the library sources (into .build-fuzz/measure)
# and runs it: time and peak memory of the heaviest answers on a generated centre.
#   Fuzz/measure.sh [CANDIDATES]      (default 1,000,000)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/.build-fuzz/measure"
mkdir -p "$out"
for m in ExamStore ExamRules ExamDemo ExamQuery; do
    swiftc -O -parse-as-library -wmo -swift-version 6 -package-name exq -module-name "$m" -I "$out" \
        -emit-module -emit-module-path "$out/$m.swiftmodule" -c "$root"/Sources/"$m"/*.swift -o "$out/$m.o"
done
swiftc -O -parse-as-library -swift-version 6 -package-name exq -I "$out" "$root/Fuzz/Measure/resources.swift" \
    "$out"/ExamStore.o "$out"/ExamRules.o "$out"/ExamDemo.o "$out"/ExamQuery.o -o "$out/measure"
exec "$out/measure" "$@"
