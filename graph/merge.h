// Merging entities across documents: a document's "Putin" is the graph's
// "Vladimir Putin" when exactly one known person has that surname; a known
// alias ("Kremlin" for Russia) maps to its entity. The resolver knows the
// entities already in the graph (or store) and rewrites each new document's
// entity ids before it is added.
#pragma once

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/types.h"

namespace newsgraph::graph {

// Normalised key of a name for alias matching: lower case, apostrophes and
// a trailing "'s" removed, a leading "the " removed, spaces collapsed.
std::string AliasKey(const std::string& name);

class EntityResolver {
 public:
  // Makes an entity known (its id, label and aliases).
  void Add(const Entity& e);

  // Rewrites the ids of a's entities, mentions and relations to known ones
  // where they name the same actor, then makes a's entities known. Returns
  // merges of known entities into new ones that the store must apply
  // (a known "actor:putin" into a new "actor:vladimir-putin"), as
  // (from_id, into_id) pairs.
  std::vector<std::pair<std::string, std::string>> Resolve(DocumentAnalysis* a);

 private:
  struct Known {
    std::string label, category;
    EntityKind kind;
  };
  void Forget(const std::string& id);
  std::unordered_map<std::string, Known> known_;                    // id -> entity
  std::unordered_map<std::string, std::vector<std::string>> alias_;  // key -> ids
  std::unordered_map<std::string, std::vector<std::string>> surname_;  // persons by last name
  // Per known id: the alias_ and surname_ keys that list it (so that Forget
  // touches only those lists, not every alias), and the names already
  // indexed (so that adding a known entity again costs no key building).
  struct Keys {
    std::vector<std::string> alias_keys, surname_keys;
    std::vector<std::string> names, surname_labels;
  };
  std::unordered_map<std::string, Keys> keys_of_;
};

}  // namespace newsgraph::graph
