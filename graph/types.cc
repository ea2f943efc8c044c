// Helpers on the data model types: class tables, slugs, hashes, offsets.
#include "graph/types.h"

#include <array>
#include <cstdio>
#include <cstring>

namespace newsgraph::graph {

const char* KindName(EntityKind kind) {
  return kind == EntityKind::kActor ? "actor" : "issue";
}

namespace {
struct ClassInfo {
  const char* name;
  const char* quad;
};
constexpr ClassInfo kClasses[] = {
    {"AGREE", "verbal cooperation"},      {"CONSULT", "verbal cooperation"},
    {"SUPPORT", "verbal cooperation"},    {"CONCEDE", "verbal cooperation"},
    {"COOPERATE", "material cooperation"}, {"AID", "material cooperation"},
    {"RETREAT", "material cooperation"},  {"INVESTIGATE", "material cooperation"},
    {"DEMAND", "verbal conflict"},        {"DISAPPROVE", "verbal conflict"},
    {"REJECT", "verbal conflict"},        {"THREATEN", "verbal conflict"},
    {"SANCTION", "verbal conflict"},      {"PROTEST", "material conflict"},
    {"MOBILIZE", "material conflict"},    {"COERCE", "material conflict"},
    {"ASSAULT", "material conflict"},
};
}  // namespace

const char* QuadClass(const std::string& cls) {
  for (const auto& c : kClasses)
    if (cls == c.name) return c.quad;
  return "";
}

bool IsKnownClass(const std::string& cls) { return *QuadClass(cls) != '\0'; }

const std::vector<std::string>& KnownClasses() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& c : kClasses) v.push_back(c.name);
    return v;
  }();
  return names;
}

std::string Slug(const std::string& label) {
  std::string out;
  bool dash = false;
  for (size_t i = 0; i < label.size(); ++i) {
    unsigned char c = label[i];
    if (c == '\'') continue;  // "O'Brien" -> "obrien", not "o-brien"
    if (c >= 0x80) {
      // Curly apostrophe U+2019 (E2 80 99) is dropped like '\''.
      if (c == 0xE2 && i + 2 < label.size() && (unsigned char)label[i + 1] == 0x80 &&
          ((unsigned char)label[i + 2] == 0x99 || (unsigned char)label[i + 2] == 0x98)) {
        i += 2;
        continue;
      }
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(c);
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      dash = true;
    }
  }
  return out;
}

std::string EntityId(EntityKind kind, const std::string& label) {
  return std::string(KindName(kind)) + ":" + Slug(label);
}

// SHA-256 (FIPS 180-4), small and dependency-free: the content hash keys
// documents, so it must not collide across a large corpus.
namespace {
constexpr uint32_t kK[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
inline uint32_t Rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
void Block(std::array<uint32_t, 8>& h, const unsigned char* p) {
  uint32_t w[64];
  for (int i = 0; i < 16; ++i)
    w[i] = (uint32_t(p[4 * i]) << 24) | (uint32_t(p[4 * i + 1]) << 16) |
           (uint32_t(p[4 * i + 2]) << 8) | uint32_t(p[4 * i + 3]);
  for (int i = 16; i < 64; ++i) {
    uint32_t s0 = Rotr(w[i - 15], 7) ^ Rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = Rotr(w[i - 2], 17) ^ Rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int i = 0; i < 64; ++i) {
    uint32_t s1 = Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25);
    uint32_t ch = (e & f) ^ (~e & g);
    uint32_t t1 = hh + s1 + ch + kK[i] + w[i];
    uint32_t s0 = Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22);
    uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
    uint32_t t2 = s0 + maj;
    hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}
}  // namespace

std::string ContentHash(const std::string& text) {
  std::array<uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                               0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size(), full = n / 64 * 64;
  for (size_t i = 0; i < full; i += 64) Block(h, p + i);
  unsigned char tail[128] = {0};
  size_t rest = n - full;
  std::memcpy(tail, p + full, rest);
  tail[rest] = 0x80;
  size_t tail_len = rest + 9 <= 64 ? 64 : 128;
  uint64_t bits = uint64_t(n) * 8;
  for (int i = 0; i < 8; ++i) tail[tail_len - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
  for (size_t i = 0; i < tail_len; i += 64) Block(h, tail + i);
  char out[65];
  for (int i = 0; i < 8; ++i) std::snprintf(out + 8 * i, 9, "%08x", h[i]);
  return std::string(out, 64);
}

uint32_t CharOffset(const std::string& text, uint32_t byte_offset) {
  uint32_t chars = 0;
  size_t end = byte_offset < text.size() ? byte_offset : text.size();
  for (size_t i = 0; i < end; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
  return chars;
}

CharIndex::CharIndex(const std::string& text) : text_(text) {
  checkpoints_.reserve(text.size() / 256 + 1);
  uint32_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % 256 == 0) checkpoints_.push_back(chars);
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
  }
  if (text.size() % 256 == 0) checkpoints_.push_back(chars);
}

uint32_t CharIndex::operator()(uint32_t byte_offset) const {
  size_t end = byte_offset < text_.size() ? byte_offset : text_.size();
  size_t block = end / 256;
  uint32_t chars = checkpoints_[block];
  for (size_t i = block * 256; i < end; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++chars;
  return chars;
}

}  // namespace newsgraph::graph
