// newsgraph as a C++ library: one header for everything a program needs
// to extract actor-relation-issue triples from news text, build and query
// a graph store (SQLite or PostgreSQL) and write the graph out.
// Link newsgraph::newsgraph (find_package(newsgraph)); docs/library.md.
#pragma once

#include "extract/extractor.h"
#include "extract/reader.h"
#include "export/writers.h"
#include "graph/algorithms.h"
#include "graph/filter.h"
#include "graph/graph.h"
#include "graph/merge.h"
#include "graph/types.h"
#include "store/builder.h"
#include "store/store.h"
