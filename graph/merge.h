// Merging entities across documents: a document's "Putin" is the graph's
// "Vladimir Putin" when exactly one known person has that surname; a known
// alias ("Kremlin" for Russia) maps to its entity. The resolver knows the
// entities already in the graph (or store) and rewrites each new document's
// entity ids before it is added.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/types.h"

namespace newsgraph::graph {

// Normalised key of a name for alias matching: lower case, apostrophes and
// a trailing "'s" removed, a leading "the " removed, spaces collapsed.
std::string AliasKey(const std::string& name);

// Transliteration key of a name, for matching spelling variants: AliasKey,
// then Latin diacritics stripped ("Erdoğan" -> "erdogan"), hyphens and dots
// as spaces / dropped, "y" read as "i" and doubled letters collapsed
// ("Zelenskyy", "Zelensky", "Zelenskiy" -> "zelenski"). Labels keep their
// spelling; only matching uses the key.
std::string FoldKey(const std::string& name);

// An organisation's FoldKey without a closing legal or corporate word
// ("abs cbn corporation", "acme inc", "wagner group" -> "abs cbn", "acme",
// "wagner"), or "" when it has none or nothing would be left: the same
// organisation named with and without it.
std::string CorporateKey(const std::string& fold_key);

// An agent code made of a country code and a MIL suffix ("ISRMIL"): a
// country's armed forces, one node whatever the wording.
bool IsMilitaryCode(const std::string& code);

// Why a label is probably not an actor ("ends in a preposition", "one or
// two letters", "all lower case", "digits", "a common word"), or "" when
// nothing is suspect. known_code: the label is a known code or lexicon
// name ("UN", "EU").
std::string SuspectLabel(const std::string& label, bool known_code = false);

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

  // A curated alias (`newsgraph alias`): a name that always means into_id,
  // before any other rule.
  void AddCurated(const std::string& name, const std::string& into_id);

  // Mentions counted for a known entity so far (salience).
  uint64_t Salience(const std::string& id) const {
    auto it = salience_.find(id);
    return it == salience_.end() ? 0 : it->second;
  }

 private:
  struct Known {
    std::string label, category, code;
    EntityKind kind;
  };
  // The full-name person a lone name (key folded) means, or "": the only
  // candidate, else the most salient one when it dominates the others.
  std::string LoneNameTarget(const std::string& key) const;
  void Forget(const std::string& id);
  std::unordered_map<std::string, Known> known_;                    // id -> entity
  std::unordered_map<std::string, std::vector<std::string>> alias_;  // key -> ids
  std::unordered_map<std::string, std::vector<std::string>> surname_;  // persons by last name
  std::unordered_map<std::string, std::string> curated_;  // FoldKey -> id
  std::unordered_map<std::string, std::string> military_;  // MIL code -> id
  std::unordered_map<std::string, uint64_t> salience_;  // id -> mentions seen
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
