// SHA-256 (FIPS 180-4) of a byte string, for document content hashes.
//
// Sha256 picks the CPU's SHA extensions (x86 SHA-NI) when it has them and a
// portable implementation otherwise; both give the same digest. The two
// paths are exposed so that tests can compare them.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace newsgraph::graph {

using Sha256State = std::array<uint32_t, 8>;

// The digest of n bytes at data, as eight big-endian words.
Sha256State Sha256(const void* data, size_t n);

// The same, forced onto one path. Sha256Accelerated returns false (and
// leaves *out alone) where the CPU lacks the SHA extensions.
Sha256State Sha256Portable(const void* data, size_t n);
bool Sha256Accelerated(const void* data, size_t n, Sha256State* out);

// Whether Sha256 uses the CPU's SHA extensions on this machine.
bool Sha256HasAcceleration();

}  // namespace newsgraph::graph
