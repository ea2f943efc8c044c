#!/usr/bin/env bash
# Installs what newsgraph needs, builds it, and runs the main job on the
# sample articles in samples/: graph.db (the graph store) and graph.graphml
# (for Gephi, NetworkX, igraph) appear in the current folder.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target newsgraph
./build/newsgraph build samples --db graph.db
./build/newsgraph export --db graph.db --format graphml -o graph.graphml
echo "next: ./build/newsgraph query --db graph.db actor Kallas"
