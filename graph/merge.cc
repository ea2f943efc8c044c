// Cross-document entity resolution.
#include "graph/merge.h"

#include <algorithm>
#include <map>
#include <set>

namespace newsgraph::graph {

std::string AliasKey(const std::string& name) {
  std::string s;
  s.reserve(name.size());
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = name[i];
    if (c == '\'') continue;
    if (c == 0xE2 && i + 2 < name.size() && (unsigned char)name[i + 1] == 0x80 &&
        ((unsigned char)name[i + 2] == 0x99 || (unsigned char)name[i + 2] == 0x98)) {
      i += 2;
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!s.empty() && s.back() != ' ') s += ' ';
      continue;
    }
    s += static_cast<char>(c);
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  // "Putin's" -> "putin" (the apostrophe is gone by now: drop a final "s"
  // only when the original had "'s").
  if (name.size() > 2 && (name.compare(name.size() - 2, 2, "'s") == 0 ||
                          (name.size() > 4 && name.compare(name.size() - 4, 4, "\xE2\x80\x99s") == 0)))
    s.pop_back();
  if (s.rfind("the ", 0) == 0) s.erase(0, 4);
  return s;
}

namespace {
std::string Surname(const std::string& label) {
  size_t sp = label.rfind(' ');
  return sp == std::string::npos ? "" : AliasKey(label.substr(sp + 1));
}
// Adds id to the list under key (once); records the key in keys when new.
void Push(std::unordered_map<std::string, std::vector<std::string>>& index, std::string key,
          const std::string& id, std::vector<std::string>& keys) {
  auto& v = index[key];
  if (std::find(v.begin(), v.end(), id) != v.end()) return;
  v.push_back(id);
  keys.push_back(std::move(key));
}
void Remove(std::unordered_map<std::string, std::vector<std::string>>& index,
            const std::vector<std::string>& keys, const std::string& id) {
  for (const auto& k : keys) {
    auto it = index.find(k);
    if (it == index.end()) continue;
    auto& ids = it->second;
    ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
  }
}
}  // namespace

void EntityResolver::Add(const Entity& e) {
  Known& k = known_[e.id];
  if (k.label != e.label) k.label = e.label;
  if (k.category != e.category) k.category = e.category;
  k.kind = e.kind;
  Keys& keys = keys_of_[e.id];
  // A name indexed for this id before would only find the id listed already.
  auto first_time = [](std::vector<std::string>& seen, const std::string& name) {
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) return false;
    seen.push_back(name);
    return true;
  };
  if (first_time(keys.names, e.label)) Push(alias_, AliasKey(e.label), e.id, keys.alias_keys);
  for (const auto& a : e.aliases)
    if (first_time(keys.names, a)) Push(alias_, AliasKey(a), e.id, keys.alias_keys);
  if (e.kind == EntityKind::kActor && e.category == "person" &&
      first_time(keys.surname_labels, e.label)) {
    std::string sn = Surname(e.label);
    if (!sn.empty()) Push(surname_, std::move(sn), e.id, keys.surname_keys);
  }
}

void EntityResolver::Forget(const std::string& id) {
  known_.erase(id);
  auto it = keys_of_.find(id);
  if (it == keys_of_.end()) return;
  // Empty lists stay in the maps (as before): lookups treat them as absent.
  Remove(alias_, it->second.alias_keys, id);
  Remove(surname_, it->second.surname_keys, id);
  keys_of_.erase(it);
}

std::vector<std::pair<std::string, std::string>> EntityResolver::Resolve(DocumentAnalysis* a) {
  std::map<std::string, std::string> rename;
  std::vector<std::pair<std::string, std::string>> store_merges;
  for (const auto& e : a->entities) {
    if (known_.count(e.id) || e.kind != EntityKind::kActor) continue;
    std::string key = AliasKey(e.label);
    // A known alias of exactly one entity of the same kind.
    auto it = alias_.find(key);
    if (it != alias_.end() && it->second.size() == 1 && known_.at(it->second[0]).kind == e.kind) {
      rename[e.id] = it->second[0];
      continue;
    }
    if (e.category != "person") continue;
    if (e.label.find(' ') == std::string::npos) {
      // "Putin" -> the one known person whose surname it is.
      auto s = surname_.find(key);
      if (s != surname_.end() && s->second.size() == 1) rename[e.id] = s->second[0];
    } else {
      // "Vladimir Putin" arrives after a lone "Putin": the known one joins it.
      auto s = alias_.find(Surname(e.label));
      if (s != alias_.end() && s->second.size() == 1) {
        const auto& k = known_.at(s->second[0]);
        if (k.category == "person" && k.label.find(' ') == std::string::npos) {
          store_merges.emplace_back(s->second[0], e.id);
        }
      }
    }
  }
  // Two new full names with the known lone surname ("Shiri Bibas" and "Kfir
  // Bibas" after "Bibas"): the lone one is ambiguous and merges into neither.
  // A pair listed twice is applied once.
  if (store_merges.size() > 1) {
    std::map<std::string, std::set<std::string>> into_of;
    for (const auto& [from, into] : store_merges) into_of[from].insert(into);
    std::vector<std::pair<std::string, std::string>> kept;
    for (auto& m : store_merges)
      if (into_of[m.first].size() == 1 && into_of[m.first].erase(m.second)) kept.push_back(std::move(m));
    store_merges = std::move(kept);
  }
  for (const auto& [from, into] : store_merges) Forget(from);
  if (!rename.empty()) {
    auto map_id = [&](std::string& id) {
      auto r = rename.find(id);
      if (r != rename.end()) id = r->second;
    };
    std::map<std::string, Entity> merged;
    for (auto& e : a->entities) {
      std::string old_label = e.label;
      map_id(e.id);
      auto [pos, fresh] = merged.emplace(e.id, e);
      Entity& m = pos->second;
      if (!fresh) {
        m.mentions += e.mentions;
        for (const auto& al : e.aliases) m.aliases.push_back(al);
      }
      if (known_.count(e.id) && known_.at(e.id).label != old_label) {
        // Keep the known label; the local one becomes an alias.
        m.aliases.push_back(old_label);
        m.label = known_.at(e.id).label;
      }
    }
    a->entities.clear();
    for (auto& [id, e] : merged) {
      std::sort(e.aliases.begin(), e.aliases.end());
      e.aliases.erase(std::unique(e.aliases.begin(), e.aliases.end()), e.aliases.end());
      e.aliases.erase(std::remove(e.aliases.begin(), e.aliases.end(), e.label), e.aliases.end());
      a->entities.push_back(std::move(e));
    }
    for (auto& m : a->mentions) map_id(m.entity);
    for (auto& r : a->relations) {
      map_id(r.subject);
      map_id(r.object);
    }
    // A relation may now point from an actor to itself: drop it.
    a->relations.erase(std::remove_if(a->relations.begin(), a->relations.end(),
                                      [](const Relation& r) { return r.subject == r.object; }),
                       a->relations.end());
  }
  for (const auto& e : a->entities) Add(e);
  return store_merges;
}

}  // namespace newsgraph::graph
