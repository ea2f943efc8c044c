// Tests of the parser's row addition (the AVX2 code against a plain int32
// sum, with rows built to overflow int16 if the AVX2 code did not widen in
// time) and of the large-table allocation, including its fallbacks when the
// aligned allocation or madvise fail.
#include "extract/dense_rows.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

namespace newsgraph::extract::dense_rows {
namespace {

// n rows of `width` values with the bound in the last value, as the parser
// builds them; `big` rows hold values near the int16 limits.
std::vector<int16_t> MakeRows(int width, int n, bool big, std::mt19937& rng) {
  std::vector<int16_t> rows(static_cast<size_t>(width) * n, 0);
  for (int r = 0; r < n; ++r) {
    int16_t* row = &rows[static_cast<size_t>(r) * width];
    int largest = 0;
    for (int c = 0; c < width - 5; ++c) {  // the column before the last four stays 0
      if (rng() % 3 == 0) continue;
      int v;
      if (big) v = (rng() % 2 ? 1 : -1) * static_cast<int>(30000 + rng() % 2768);  // up to 32767
      else v = static_cast<int>(rng() % 4001) - 2000;
      if (c == 0 && big) v = 32767;  // one column that only grows: 116 x 32767 overflows int16 many times over
      if (c == 1 && big) v = -32768;
      row[c] = static_cast<int16_t>(v);
      largest = std::max(largest, std::abs(v));
    }
    row[width - 4] = static_cast<int16_t>(rng());  // moves: not summed by contract
    row[width - 3] = static_cast<int16_t>(rng());
    row[width - 2] = static_cast<int16_t>(rng());
    Largest(row, width) = static_cast<int16_t>(static_cast<uint16_t>(largest));
  }
  return rows;
}

TEST(DenseRowsTest, VectorAndPortableSumsAreExact) {
  std::mt19937 rng(12);
  const bool have_avx2 = Avx2(96) != nullptr;
  for (int width : {96, 112}) {
    ASSERT_NE(Portable(width), nullptr);
    EXPECT_EQ(Best(width), have_avx2 ? Avx2(width) : Portable(width));
    for (bool big : {false, true}) {
      for (int n : {0, 1, 2, 15, 116}) {
        const std::vector<int16_t> rows = MakeRows(width, n, big, rng);
        std::vector<const int16_t*> ptrs;
        for (int r = 0; r < n; ++r) ptrs.push_back(&rows[static_cast<size_t>(r) * width]);
        std::vector<int32_t> expect(width, 7);  // sums are added to what acc holds
        for (int r = 0; r < n; ++r)
          for (int c = 0; c < width - 4; ++c) expect[c] += ptrs[r][c];
        for (AddFn add : {Portable(width), Avx2(width)}) {
          if (add == nullptr) continue;
          std::vector<int32_t> acc(width, 7);
          add(ptrs.data(), n, acc.data());
          for (int c = 0; c < width - 4; ++c)
            ASSERT_EQ(acc[c], expect[c]) << "width " << width << " rows " << n << (big ? " big" : "") << " column "
                                         << c << (add == Portable(width) ? " portable" : " avx2");
        }
      }
    }
  }
  EXPECT_EQ(Portable(80), nullptr);
  EXPECT_EQ(Avx2(80), nullptr);
  if (!have_avx2) GTEST_SKIP() << "this CPU has no AVX2: only the portable code was checked";
}

// --- Large tables ---------------------------------------------------------------

int g_aligned_calls = 0, g_madvise_calls = 0;
size_t g_madvise_length = 0;
void* FailingAlignedAlloc(size_t, size_t) {
  ++g_aligned_calls;
  return nullptr;
}
void* CountingAlignedAlloc(size_t alignment, size_t size) {
  ++g_aligned_calls;
  return std::aligned_alloc(alignment, size);
}
int FailingMadvise(void*, size_t length, int) {
  ++g_madvise_calls;
  g_madvise_length = length;
  return -1;  // as without transparent huge pages (EINVAL)
}

void ExpectUsable(void* p, size_t bytes) {
  ASSERT_NE(p, nullptr);
  std::memset(p, 0xab, bytes);  // all of it writable (ASan checks the size)
  EXPECT_EQ(static_cast<unsigned char*>(p)[bytes - 1], 0xab);
  FreeLarge(p);
}

TEST(LargeAllocationTest, AlignedAndAdvisedWhenLarge) {
  g_aligned_calls = g_madvise_calls = 0;
  const size_t big = (size_t{5} << 20) + 123;
  void* p = AllocateLarge(big, SystemCalls{CountingAlignedAlloc, FailingMadvise});
  EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % (size_t{2} << 20), 0u);
  EXPECT_EQ(g_aligned_calls, 1);
#ifdef __linux__
  EXPECT_EQ(g_madvise_calls, 1);  // its failure is ignored
  EXPECT_EQ(g_madvise_length, size_t{6} << 20);
#endif
  ExpectUsable(p, big);

  g_madvise_calls = 0;
  void* small = AllocateLarge(1000, SystemCalls{CountingAlignedAlloc, FailingMadvise});
  EXPECT_EQ(reinterpret_cast<uintptr_t>(small) % 64, 0u);
  EXPECT_EQ(g_madvise_calls, 0);  // no huge page for a small table
  ExpectUsable(small, 1000);

  void* none = AllocateLarge(big, SystemCalls{CountingAlignedAlloc, nullptr});  // no madvise at all
  ExpectUsable(none, big);
}

TEST(LargeAllocationTest, PlainMemoryWhenAlignedAllocationFails) {
  g_aligned_calls = g_madvise_calls = 0;
  for (size_t bytes : {size_t{1}, size_t{1000}, (size_t{3} << 20) + 1}) {
    void* p = AllocateLarge(bytes, SystemCalls{FailingAlignedAlloc, FailingMadvise});
    ExpectUsable(p, bytes);
  }
  EXPECT_EQ(g_aligned_calls, 3);
  EXPECT_EQ(g_madvise_calls, 0);  // nothing to advise
  // The vectors the parser keeps its tables in, with the real calls.
  std::vector<int16_t, LargeAllocator<int16_t>> v(3 << 20, 5);
  EXPECT_EQ(v.back(), 5);
  v.resize(10);
  v.shrink_to_fit();
  EXPECT_EQ(v[9], 5);
}

}  // namespace
}  // namespace newsgraph::extract::dense_rows
