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
