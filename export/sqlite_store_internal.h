// Helpers of the SQLite store that tests check directly: the normalised
// name key of the aliases table and byte-to-character offset conversion.
// Not part of the public interface of newsgraph::io.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::io {

// The key aliases.norm holds and FindEntities looks up: ASCII lower case,
// white space (and no-break space) collapsed and trimmed, a trailing
// possessive "'s" dropped, every apostrophe (' ‘ ’ ʼ) dropped, a leading
// "the " dropped. "The Kremlin’s" -> "kremlin", "O'Brien" -> "obrien".
std::string NameKey(std::string_view name);

// Converts byte offsets into a UTF-8 text to code point offsets in O(64)
// per lookup, with one checkpoint per 64 bytes. text must outlive the index.
class CharIndex {
 public:
  explicit CharIndex(const std::string& text);
  // Code points in text[0, byte); byte past the end counts the whole text.
  uint32_t At(uint32_t byte) const;

 private:
  static constexpr size_t kStride = 64;
  const std::string& text_;
  std::vector<uint32_t> checkpoints_;  // code points before byte i * kStride
  uint32_t total_ = 0;
};

}  // namespace newsgraph::io
