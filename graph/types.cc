// Helpers on the data model types: class tables, slugs, hashes, offsets.
#include "graph/types.h"

#include <array>
#include <cstdio>
#include <cstring>

#include "graph/sha256.h"

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

std::string ContentHash(const std::string& text) {
  std::array<uint32_t, 8> h = Sha256(text.data(), text.size());
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

namespace {

// Code points that start in p[0, n): bytes that are not UTF-8 continuation
// bytes (10xxxxxx), counted eight at a time.
uint32_t CountCodePoints(const char* p, size_t n) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  uint32_t chars = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    // Bit 7 of each byte: set for a continuation byte (bit 7 set, bit 6
    // clear). Moved to bit 0 and multiplied, the top byte sums them (no
    // popcount instruction in the baseline x86-64 target).
    const uint64_t continuation = (w & (~w << 1) & kHigh) >> 7;
    chars += 8 - static_cast<uint32_t>((continuation * 0x0101010101010101ULL) >> 56);
  }
  for (; i < n; ++i)
    if ((static_cast<unsigned char>(p[i]) & 0xC0) != 0x80) ++chars;
  return chars;
}

}  // namespace

CharIndex::CharIndex(const std::string& text) : text_(text) {
  checkpoints_.reserve(text.size() / kStride + 1);
  uint32_t chars = 0;
  checkpoints_.push_back(0);
  for (size_t i = kStride; i <= text.size(); i += kStride) {
    chars += CountCodePoints(text.data() + i - kStride, kStride);
    checkpoints_.push_back(chars);
  }
}

uint32_t CharIndex::operator()(uint32_t byte_offset) const {
  const size_t end = byte_offset < text_.size() ? byte_offset : text_.size();
  const size_t block = end / kStride;
  return checkpoints_[block] + CountCodePoints(text_.data() + block * kStride, end - block * kStride);
}

}  // namespace newsgraph::graph
