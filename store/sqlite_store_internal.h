// Helpers of the SQLite store that tests check directly: the normalised
// name key of the aliases table.
// Not part of the public interface of newsgraph::io.
#pragma once

#include <string>
#include <string_view>

namespace newsgraph::io {

// The key aliases.norm holds and FindEntities looks up: ASCII lower case,
// white space (and no-break space) collapsed and trimmed, a trailing
// possessive "'s" dropped, every apostrophe (' ‘ ’ ʼ) dropped, a leading
// "the " dropped. "The Kremlin’s" -> "kremlin", "O'Brien" -> "obrien".
std::string NameKey(std::string_view name);

}  // namespace newsgraph::io
