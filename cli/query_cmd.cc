// newsgraph query: questions to a graph database from the command line.
// stdout carries only the answer (a table or JSON); messages go to stderr.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <tuple>

#include "cli/commands.h"
#include "export/store.h"

namespace newsgraph::cli {
namespace {

struct QueryOptions {
  std::string db = "graph.db";
  bool json = false;
  std::string name;
};

// One aggregated relation of an actor, with one evidence sentence.
struct Line {
  std::string direction;  // "out" or "in"
  std::string cls;
  int polarity = 0;
  std::string other, other_label, other_kind;
  int weight = 0;
  std::set<std::string> docs;
  io::EvidenceRow example;
};

std::string PolaritySign(int p) { return p > 0 ? "+" : p < 0 ? "-" : "0"; }

int RunActor(const QueryOptions& o) {
  std::unique_ptr<io::Store> store;
  try {
    store = io::OpenSqliteStore(o.db, io::OpenMode::kReadOnly);
  } catch (const io::StoreError& e) {
    std::fprintf(stderr, "newsgraph: %s\n", e.what());
    return kExitFatal;
  }
  auto found = store->FindEntities(o.name);
  found.erase(std::remove_if(found.begin(), found.end(),
                             [](const graph::Entity& e) { return e.kind != graph::EntityKind::kActor; }),
              found.end());
  if (found.empty()) {
    std::fprintf(stderr, "newsgraph: no actor named \"%s\" in %s\n", o.name.c_str(), o.db.c_str());
    return kExitSomeRejected;
  }
  if (found.size() > 1) {
    std::fprintf(stderr, "newsgraph: \"%s\" names %zu actors; ask for one by id:\n", o.name.c_str(), found.size());
    for (const auto& e : found) std::fprintf(stderr, "  %s  (%s, %s)\n", e.id.c_str(), e.label.c_str(), e.category.c_str());
    return kExitSomeRejected;
  }
  auto entity = store->GetEntity(found[0].id).value_or(found[0]);
  std::map<std::string, std::string> labels, kinds;
  for (const auto& e : store->Entities()) {
    labels[e.id] = e.label;
    kinds[e.id] = graph::KindName(e.kind);
  }
  std::map<std::tuple<std::string, std::string, int, std::string>, Line> lines;
  for (int dir = 0; dir < 2; ++dir) {
    io::RelationFilter f;
    (dir == 0 ? f.subject : f.object) = entity.id;
    for (auto& row : store->Relations(f)) {
      std::string other = dir == 0 ? row.object : row.subject;
      auto key = std::make_tuple(std::string(dir == 0 ? "out" : "in"), row.cls, row.polarity, other);
      Line& l = lines[key];
      if (l.weight == 0) {
        l.direction = std::get<0>(key);
        l.cls = row.cls;
        l.polarity = row.polarity;
        l.other = other;
        l.other_label = labels.count(other) ? labels[other] : other;
        l.other_kind = kinds[other];
        l.example = row;
      } else if (row.confidence > l.example.confidence) {
        l.example = row;
      }
      l.weight++;
      l.docs.insert(row.doc);
    }
  }
  std::vector<Line> ordered;
  for (auto& [k, l] : lines) ordered.push_back(l);
  std::stable_sort(ordered.begin(), ordered.end(), [](const Line& a, const Line& b) {
    return std::tie(a.direction, b.weight, a.cls) < std::tie(b.direction, a.weight, b.cls);
  });
  std::reverse(ordered.begin(), ordered.end());
  std::stable_sort(ordered.begin(), ordered.end(), [](const Line& a, const Line& b) {
    return a.direction > b.direction;  // "out" before "in"
  });
  if (o.json) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    auto str = [&](const char* k, const std::string& v) {
      w.Key(k);
      w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
    };
    w.StartObject();
    str("id", entity.id);
    str("label", entity.label);
    str("category", entity.category);
    if (!entity.role.empty()) str("role", entity.role);
    if (!entity.affiliation.empty()) str("affiliation", entity.affiliation);
    if (!entity.country.empty()) str("country", entity.country);
    w.Key("aliases");
    w.StartArray();
    for (const auto& a : entity.aliases) w.String(a.c_str());
    w.EndArray();
    w.Key("mentions");
    w.Uint(entity.mentions);
    w.Key("documents");
    w.Uint(entity.documents);
    w.Key("relations");
    w.StartArray();
    for (const auto& l : ordered) {
      w.StartObject();
      str("direction", l.direction);
      str("class", l.cls);
      w.Key("polarity");
      w.Int(l.polarity);
      str("other", l.other);
      str("other_label", l.other_label);
      str("other_kind", l.other_kind);
      w.Key("weight");
      w.Int(l.weight);
      w.Key("documents");
      w.Uint64(l.docs.size());
      w.Key("evidence");
      w.StartObject();
      str("doc", l.example.doc);
      w.Key("sentence");
      w.Uint(l.example.sentence);
      w.Key("start");
      w.Uint(l.example.start);
      w.Key("end");
      w.Uint(l.example.end);
      str("text", l.example.text);
      w.EndObject();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    std::cout << buf.GetString() << "\n";
    return kExitOk;
  }
  std::cout << entity.label << "  [" << entity.id << "]  " << entity.category;
  if (!entity.role.empty()) std::cout << ", " << entity.role;
  if (!entity.affiliation.empty()) std::cout << ", " << entity.affiliation;
  if (!entity.country.empty()) std::cout << " (" << entity.country << ")";
  std::cout << "\n  " << entity.mentions << " mentions in " << entity.documents << " documents";
  if (!entity.aliases.empty()) {
    std::cout << "; also called ";
    for (size_t i = 0; i < entity.aliases.size(); ++i) std::cout << (i ? ", " : "") << entity.aliases[i];
  }
  std::cout << "\n";
  if (ordered.empty()) std::cout << "  no relations\n";
  std::string dir;
  for (const auto& l : ordered) {
    if (l.direction != dir) {
      dir = l.direction;
      std::cout << (dir == "out" ? "\nrelations out:\n" : "\nrelations in:\n");
    }
    char head[256];
    std::snprintf(head, sizeof head, "  %-3s %-11s %-2s %-32s weight %d, %zu doc%s", dir == "out" ? "->" : "<-",
                  l.cls.c_str(), PolaritySign(l.polarity).c_str(), l.other_label.c_str(), l.weight,
                  l.docs.size(), l.docs.size() == 1 ? "" : "s");
    std::cout << head << "\n      " << l.example.doc << " #" << l.example.sentence << ": \"" << l.example.text
              << "\"\n";
  }
  return kExitOk;
}

}  // namespace

Runner SetupQuery(CLI::App& app) {
  auto o = std::make_shared<QueryOptions>();
  app.add_option("--db", o->db, "graph database")->capture_default_str();
  app.require_subcommand(1);
  auto* actor = app.add_subcommand("actor", "an actor's relations, in and out, with evidence");
  actor->add_option("name", o->name, "a name or alias (case-insensitive) or an id")->required();
  actor->add_flag("--json", o->json, "print JSON");
  return [o, &app] {
    if (app.got_subcommand("actor")) return RunActor(*o);
    return kExitFatal;
  };
}

}  // namespace newsgraph::cli
