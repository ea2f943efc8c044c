#!/usr/bin/env bash
# Installs the build tree BUILD into a temporary prefix, builds
# docs/examples/library against the installed package with
# find_package(newsgraph) and runs it (ctest LibraryInstall).
#   install_and_build_example.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src="$1" build="$2"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-install.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log"
test -f "$tmp/prefix/include/newsgraph/newsgraph.h"
test -f "$tmp/prefix/lib/cmake/newsgraph/newsgraphConfig.cmake" ||
  test -f "$tmp/prefix/lib/x86_64-linux-gnu/cmake/newsgraph/newsgraphConfig.cmake"
test -d "$tmp/prefix/share/newsgraph/models"
launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S "$src/docs/examples/library" -B "$tmp/example" -DCMAKE_PREFIX_PATH="$tmp/prefix" \
  -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >"$tmp/configure.log" || { cat "$tmp/configure.log"; exit 1; }
cmake --build "$tmp/example" -j2 >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }
# (The library finds its data in the build tree while that exists, else in
# the prefix's share/newsgraph; docs/library.md.)
cd "$tmp"
out="$(env -u NEWSGRAPH_DATA "$tmp/example/example" "$tmp/example.db")"
echo "$out"
grep -q "^Emmanuel Macron (actor:emmanuel-macron)" <<<"$out"
grep -q "CONSULT" <<<"$out"
