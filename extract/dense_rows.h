// Internal to the dependency parser (dep_parser.cc), public only for its
// tests: adding rows of int16 weights into int32 sums, with AVX2 when the
// CPU has it (chosen at run time; the binary itself needs no AVX2), and the
// memory the parser's large tables live in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>

namespace newsgraph::extract::dense_rows {

// A row has `width` int16 values, width a multiple of 16 (at most
// kMaxWidth). Values 0 .. width-5 are weights; the last four are the row's
// own data (the parser keeps its move weights there), except the very
// last, which holds as uint16 the largest absolute value of the weights.
inline constexpr int kMaxWidth = 112;
inline int16_t& Largest(int16_t* row, int width) { return row[width - 1]; }

// acc[c] += rows[r][c] for every row r < n and every weight c < width - 4,
// exactly (int32 sums); acc[width-4 .. width-1] are left unspecified.
using AddFn = void (*)(const int16_t* const* rows, int n, int32_t* acc);

// The portable loop, for a width of 96 or 112 (nullptr for another).
AddFn Portable(int width);
// The AVX2 version (int16 sums, widened before they could overflow), or
// nullptr when this CPU (or this compiler's target) has no AVX2 or the
// width is not 96 or 112.
AddFn Avx2(int width);
// Avx2(width) if available, else Portable(width).
AddFn Best(int width);

// Memory for a large, read-mostly table. Of 2 MB or more: aligned to 2 MB
// and advised to use transparent huge pages (a random read of a 35 MB table
// otherwise nearly always misses the TLB); smaller: aligned to 64 bytes.
// When the aligned allocation fails, plain malloc memory is returned; a
// failing madvise is ignored (both only cost speed). Returns nullptr only
// when no memory is left. Free with FreeLarge.
struct SystemCalls {
  void* (*aligned_alloc)(size_t alignment, size_t size);
  int (*madvise)(void* addr, size_t length, int advice);  // nullptr: none on this system
};
const SystemCalls& DefaultSystemCalls();
void* AllocateLarge(size_t bytes, const SystemCalls& calls = DefaultSystemCalls());
void FreeLarge(void* p);

// A std::allocator for vectors of such tables.
template <class T>
struct LargeAllocator {
  using value_type = T;
  LargeAllocator() = default;
  template <class U>
  LargeAllocator(const LargeAllocator<U>&) {}
  T* allocate(size_t n) {
    if (n > SIZE_MAX / sizeof(T)) throw std::bad_alloc();
    void* p = AllocateLarge(n * sizeof(T));
    if (p == nullptr) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t) { FreeLarge(p); }
  template <class U>
  bool operator==(const LargeAllocator<U>&) const { return true; }
  template <class U>
  bool operator!=(const LargeAllocator<U>&) const { return false; }
};

}  // namespace newsgraph::extract::dense_rows
