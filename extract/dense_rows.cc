#include "extract/dense_rows.h"

#include <cstdlib>

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define NEWSGRAPH_DENSE_ROWS_AVX2 1
#endif
#ifdef __linux__
#include <sys/mman.h>
#endif

namespace newsgraph::extract::dense_rows {

namespace {

template <int kWidth>
void AddPortable(const int16_t* const* rows, int n, int32_t* acc) {
  for (int r = 0; r < n; ++r) {
    const int16_t* row = rows[r];
    for (int c = 0; c < kWidth - 4; ++c) acc[c] += row[c];
  }
}

#ifdef NEWSGRAPH_DENSE_ROWS_AVX2
// Rows are added as int16, 16 to a register, as long as the sum of their
// largest absolute weights stays within int16 (then no partial sum can
// overflow, so the result is exact); then the int16 sums are widened and
// added to acc, and the next run of rows starts. With the shipped model a
// run is about 15 rows. The target attribute compiles only these functions
// for AVX2; Avx2() hands them out only when the CPU says it has AVX2.
template <int kVecs>
__attribute__((target("avx2"))) inline void Flush(__m256i* a, int32_t* acc) {
  for (int v = 0; v < kVecs; ++v) {
    auto* lo = reinterpret_cast<__m256i*>(acc + 16 * v);
    auto* hi = reinterpret_cast<__m256i*>(acc + 16 * v + 8);
    _mm256_storeu_si256(lo, _mm256_add_epi32(_mm256_loadu_si256(lo), _mm256_cvtepi16_epi32(_mm256_castsi256_si128(a[v]))));
    _mm256_storeu_si256(hi, _mm256_add_epi32(_mm256_loadu_si256(hi), _mm256_cvtepi16_epi32(_mm256_extracti128_si256(a[v], 1))));
    a[v] = _mm256_setzero_si256();
  }
}

template <int kWidth>
__attribute__((target("avx2"))) void AddAvx2(const int16_t* const* rows, int n, int32_t* acc) {
  constexpr int kVecs = kWidth / 16;
  __m256i a[kVecs];
  for (int v = 0; v < kVecs; ++v) a[v] = _mm256_setzero_si256();
  int budget = 0;  // sum of the largest |weight| of the rows in a[]
  for (int r = 0; r < n; ++r) {
    const int16_t* row = rows[r];
    const int largest = static_cast<uint16_t>(row[kWidth - 1]);
    if (budget + largest > 32767) {
      Flush<kVecs>(a, acc);
      budget = 0;
    }
    budget += largest;
    for (int v = 0; v < kVecs; ++v)
      a[v] = _mm256_add_epi16(a[v], _mm256_loadu_si256(reinterpret_cast<const __m256i*>(row + 16 * v)));
  }
  Flush<kVecs>(a, acc);
}
#endif

void* SystemAlignedAlloc(size_t alignment, size_t size) { return std::aligned_alloc(alignment, size); }

}  // namespace

AddFn Portable(int width) {
  if (width == 96) return AddPortable<96>;
  if (width == 112) return AddPortable<112>;
  return nullptr;
}

AddFn Avx2(int width) {
#ifdef NEWSGRAPH_DENSE_ROWS_AVX2
  // __builtin_cpu_supports also checks that the OS saves the AVX registers.
  if (!__builtin_cpu_supports("avx2")) return nullptr;
  if (width == 96) return AddAvx2<96>;
  if (width == 112) return AddAvx2<112>;
#else
  (void)width;
#endif
  return nullptr;
}

AddFn Best(int width) {
  if (AddFn f = Avx2(width)) return f;
  return Portable(width);
}

const SystemCalls& DefaultSystemCalls() {
#ifdef MADV_HUGEPAGE
  static const SystemCalls calls{SystemAlignedAlloc, ::madvise};
#else
  static const SystemCalls calls{SystemAlignedAlloc, nullptr};
#endif
  return calls;
}

void* AllocateLarge(size_t bytes, const SystemCalls& calls) {
  constexpr size_t kHuge = size_t{2} << 20;
  if (bytes == 0) bytes = 1;
  const size_t align = bytes >= kHuge ? kHuge : 64;
  if (bytes <= SIZE_MAX - align) {
    const size_t size = (bytes + align - 1) / align * align;  // aligned_alloc wants a multiple
    if (void* p = calls.aligned_alloc(align, size)) {
#ifdef MADV_HUGEPAGE
      if (align == kHuge && calls.madvise != nullptr) calls.madvise(p, size, MADV_HUGEPAGE);  // a hint
#endif
      return p;
    }
  }
  return std::malloc(bytes);
}

void FreeLarge(void* p) { std::free(p); }

}  // namespace newsgraph::extract::dense_rows
