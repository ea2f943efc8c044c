// newsgraph query: questions to a graph database from the command line.
// actor, issue and stance answer from SQL aggregates (Store::Edges,
// Store::EdgeWeights), so they never load the whole graph; path and top load
// only entity labels and the aggregated edges into a Boost graph. stdout carries only the answer (an
// aligned table, JSON or CSV); messages go to stderr. Exit codes: 0 found,
// 1 nothing found or an ambiguous name, 2 usage error or fatal (bad database).
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "cli/commands.h"
#include "cli/date_flags.h"
#include "graph/date.h"
#include "store/store.h"
#include "graph/algorithms.h"
#include "graph/types.h"

namespace newsgraph::cli {
namespace {

struct QueryOptions {
  std::string db = "graph.db";
  std::string format = "table";
  bool json = false;  // --json on actor: --format json
  std::string name, name2;
  // relations
  std::string subject, object, cls, polarity, issue, from, to, doc;
  size_t limit = 0;
  // evidence
  std::vector<std::string> edge;
  // top
  std::string by = "degree", kind = "actor";
  bool exact = false;     // top --by betweenness: never sample
  size_t samples = 500;   // top --by betweenness: sources sampled on large graphs
  // stance
  size_t max_actors = 30, max_issues = 12;
  // path, top: leave issue nodes out of the graph
  bool actors_only = false;
};

// A usage error found after parsing: exit 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A --from/--to value through graph::ParseDateBound ("" when not given).
std::string DateFlag(const char* flag, const std::string& value) {
  if (value.empty()) return value;
  auto date = graph::ParseDateBound(value);
  if (!date)
    throw UsageError(std::string("bad date for ") + flag + " '" + value +
                     "': use YYYY, YYYY-MM, YYYY-MM-DD or a date such as '2 Jan 2025'");
  return *date;
}

// Nothing to answer (no such name, ambiguous name, no match): exit 1.
struct NotFound : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string PolaritySign(int p) { return p > 0 ? "+" : p < 0 ? "-" : "0"; }
std::string PolarityId(int p) { return p > 0 ? "+" + std::to_string(p) : std::to_string(p); }

std::optional<int> ParsePolarity(const std::string& s) {
  if (s == "+" || s == "+1" || s == "1" || s == "for" || s == "positive") return 1;
  if (s == "-" || s == "-1" || s == "against" || s == "negative") return -1;
  if (s == "0" || s == "neutral") return 0;
  return std::nullopt;
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// ---- output -------------------------------------------------------------

// A result table: printed aligned, as CSV or as a JSON array of objects.
struct Table {
  std::vector<std::string> columns;
  std::vector<bool> numeric;  // printed as JSON numbers, right-aligned
  std::vector<std::vector<std::string>> rows;
};

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Display width of UTF-8 text: code points.
size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void WriteJsonString(rapidjson::Writer<rapidjson::StringBuffer>& w, const std::string& s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void PrintTable(const Table& t, const std::string& format) {
  if (format == "csv") {
    for (size_t i = 0; i < t.columns.size(); ++i) std::cout << (i ? "," : "") << CsvField(t.columns[i]);
    std::cout << "\n";
    for (const auto& row : t.rows) {
      for (size_t i = 0; i < row.size(); ++i) std::cout << (i ? "," : "") << CsvField(row[i]);
      std::cout << "\n";
    }
    return;
  }
  if (format == "json") {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartArray();
    for (const auto& row : t.rows) {
      w.StartObject();
      for (size_t i = 0; i < row.size(); ++i) {
        WriteJsonString(w, t.columns[i]);
        if (t.numeric[i] && !row[i].empty())
          w.RawValue(row[i].data(), row[i].size(), rapidjson::kNumberType);
        else
          WriteJsonString(w, row[i]);
      }
      w.EndObject();
    }
    w.EndArray();
    std::cout << buf.GetString() << "\n";
    return;
  }
  // Aligned: every column but the last padded to its widest cell.
  std::vector<size_t> width(t.columns.size());
  for (size_t i = 0; i < t.columns.size(); ++i) width[i] = Width(t.columns[i]);
  for (const auto& row : t.rows)
    for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], Width(row[i]));
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (size_t i = 0; i < cells.size(); ++i) {
      bool last = i + 1 == cells.size();
      std::string pad(width[i] - Width(cells[i]), ' ');
      if (t.numeric[i])
        out += pad + cells[i];
      else
        out += cells[i] + (last ? "" : pad);
      if (!last) out += "  ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    std::cout << out << "\n";
  };
  line(t.columns);
  for (const auto& row : t.rows) line(row);
}

std::string Fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

// ---- lookups ------------------------------------------------------------

// Opens the database read-only. A file written before the query indexes
// (docs/store.md) gets them first, once, when it is writable: a read-write
// open adds them. Otherwise (read-only file, another writer busy) queries
// answer without them, more slowly.
std::unique_ptr<io::Store> OpenStore(const QueryOptions& o) {
  auto store = io::OpenStore(o.db, io::OpenMode::kReadOnly);
  if (!store->MissingIndexes()) return store;
  std::error_code ec;
  auto perms = std::filesystem::status(o.db, ec).permissions();
  if (ec || (perms & std::filesystem::perms::owner_write) == std::filesystem::perms::none) return store;
  std::fprintf(stderr, "newsgraph: adding query indexes to %s (once; older format-1 file)\n", o.db.c_str());
  store.reset();
  try {
    io::OpenStore(o.db, io::OpenMode::kReadWrite);
  } catch (const io::StoreError& e) {
    std::fprintf(stderr, "newsgraph: could not add the indexes, answering without: %s\n", e.what());
  }
  return io::OpenStore(o.db, io::OpenMode::kReadOnly);
}

// The one entity a name (id, label or alias, case-insensitive) names, of the
// given kind ("" for any). Throws NotFound, listing candidates when the
// name is ambiguous. counts: fill mentions, documents and dates (what actor
// and issue print; a busy entity's documents take a while to count); an
// exact id is looked up without them unless asked.
graph::Entity Resolve(io::Store& store, const std::string& name, const std::string& kind,
                      const std::string& db, bool counts = false) {
  if (name.find(':') != std::string::npos) {  // an exact id is never ambiguous
    auto exact = store.EntitiesByIds({name});
    if (exact.size() == 1 && (kind.empty() || graph::KindName(exact[0].kind) == kind)) {
      if (!counts) return exact[0];
      if (auto full = store.GetEntity(name)) return *full;
    }
  }
  auto found = store.FindEntities(name);
  if (!kind.empty())
    found.erase(std::remove_if(found.begin(), found.end(),
                               [&](const graph::Entity& e) { return graph::KindName(e.kind) != kind; }),
                found.end());
  if (found.empty()) {
    // Not a known name: try the last word of labels ("Kushner" for "Jared
    // Kushner"), which a first mention in full never stores as an alias.
    std::string key = Lower(name);
    for (auto& e : store.Entities()) {
      if (!kind.empty() && graph::KindName(e.kind) != kind) continue;
      std::string label = Lower(e.label);
      size_t sp = label.rfind(' ');
      if (sp != std::string::npos && label.substr(sp + 1) == key) {
        if (auto full = store.GetEntity(e.id)) found.push_back(std::move(*full));
      }
    }
  }
  for (const auto& e : found)
    if (e.id == name) return e;  // an exact id is never ambiguous
  std::string what = kind.empty() ? "entity" : kind;
  if (found.empty()) throw NotFound("no " + what + " named \"" + name + "\" in " + db);
  if (found.size() > 1) {
    std::string msg = "\"" + name + "\" names " + Count(found.size(), what) + "; ask for one by id:";
    for (const auto& e : found)
      msg += "\n  " + e.id + "  (" + e.label + (e.category.empty() ? "" : ", " + e.category) + ", " +
             Count(e.mentions, "mention") + ")";
    throw NotFound(msg);
  }
  return found[0];
}

// Labels of entity ids (the id itself when unknown).
std::map<std::string, graph::Entity> EntitiesOf(io::Store& store, const std::vector<std::string>& ids) {
  std::map<std::string, graph::Entity> out;
  for (auto& e : store.EntitiesByIds(ids)) out.emplace(e.id, std::move(e));
  return out;
}

std::string LabelOf(const std::map<std::string, graph::Entity>& m, const std::string& id) {
  auto it = m.find(id);
  return it == m.end() || it->second.label.empty() ? id : it->second.label;
}

std::string EdgeIdOf(const std::string& s, const std::string& cls, int p, const std::string& o) {
  return s + "|" + cls + "|" + PolarityId(p) + "|" + o;
}

// Aggregated edges with their example evidence row.
struct EdgeWithEvidence {
  io::EdgeSummary edge;
  io::EvidenceRow example;
};

std::vector<EdgeWithEvidence> EdgesWithEvidence(io::Store& store, const io::RelationFilter& f) {
  auto edges = store.Edges(f);
  std::vector<int64_t> ids;
  for (const auto& e : edges) ids.push_back(e.example);
  std::map<int64_t, io::EvidenceRow> rows;
  for (auto& r : store.Evidence(ids)) rows.emplace(r.id, std::move(r));
  std::vector<EdgeWithEvidence> out;
  for (auto& e : edges) {
    EdgeWithEvidence x;
    x.example = rows.count(e.example) ? rows[e.example] : io::EvidenceRow{};
    x.edge = std::move(e);
    out.push_back(std::move(x));
  }
  return out;
}

void JsonEvidence(rapidjson::Writer<rapidjson::StringBuffer>& w, const io::EvidenceRow& r) {
  w.StartObject();
  w.Key("relation");
  w.Int64(r.id);
  w.Key("doc");
  WriteJsonString(w, r.doc);
  w.Key("date");
  WriteJsonString(w, r.date);
  w.Key("title");
  WriteJsonString(w, r.title);
  w.Key("url");
  WriteJsonString(w, r.url);
  w.Key("sentence");
  w.Uint(r.sentence);
  w.Key("start");
  w.Uint(r.start);
  w.Key("end");
  w.Uint(r.end);
  w.Key("lemma");
  WriteJsonString(w, r.lemma);
  w.Key("text");
  WriteJsonString(w, r.text);
  w.EndObject();
}

std::string Where(const io::EvidenceRow& r) {
  return r.doc + " #" + std::to_string(r.sentence) + (r.date.empty() ? "" : " (" + r.date + ")");
}

// ---- actor --------------------------------------------------------------

int RunActor(const QueryOptions& o) {
  auto store = OpenStore(o);
  auto found = Resolve(*store, o.name, "actor", o.db, /*counts=*/true);
  const graph::Entity& entity = found;  // with counts
  io::RelationFilter out_f, in_f;
  out_f.subject = entity.id;
  in_f.object = entity.id;
  out_f.dates = in_f.dates = false;  // not shown
  out_f.from_date = in_f.from_date = o.from;
  out_f.to_date = in_f.to_date = o.to;
  auto outs = EdgesWithEvidence(*store, out_f);
  auto ins = EdgesWithEvidence(*store, in_f);
  std::vector<std::string> others;
  for (const auto& e : outs) others.push_back(e.edge.object);
  for (const auto& e : ins) others.push_back(e.edge.subject);
  auto labels = EntitiesOf(*store, others);
  auto kind_of = [&](const std::string& id) {
    auto it = labels.find(id);
    return it == labels.end() ? std::string("actor") : std::string(graph::KindName(it->second.kind));
  };
  // Sections: relations out to actors, stances toward issues, relations in.
  struct Line {
    std::string section;  // "out", "issue", "in"
    const EdgeWithEvidence* e;
    std::string other;
  };
  std::vector<Line> lines;
  for (const auto& e : outs)
    lines.push_back({kind_of(e.edge.object) == "issue" ? "issue" : "out", &e, e.edge.object});
  for (const auto& e : ins) lines.push_back({"in", &e, e.edge.subject});
  auto section_rank = [](const std::string& s) { return s == "out" ? 0 : s == "in" ? 1 : 2; };
  std::stable_sort(lines.begin(), lines.end(), [&](const Line& a, const Line& b) {
    int ra = section_rank(a.section), rb = section_rank(b.section);
    if (ra != rb) return ra < rb;
    if (a.section == "issue") {  // for, against, neutral
      int pa = a.e->edge.polarity > 0 ? 0 : a.e->edge.polarity < 0 ? 1 : 2;
      int pb = b.e->edge.polarity > 0 ? 0 : b.e->edge.polarity < 0 ? 1 : 2;
      if (pa != pb) return pa < pb;
      return a.e->edge.weight > b.e->edge.weight;
    }
    if (a.e->edge.cls != b.e->edge.cls) return a.e->edge.cls < b.e->edge.cls;
    return a.e->edge.weight > b.e->edge.weight;
  });

  if (o.format == "json") {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    auto str = [&](const char* k, const std::string& v) {
      w.Key(k);
      WriteJsonString(w, v);
    };
    w.StartObject();
    str("id", entity.id);
    str("label", entity.label);
    str("category", entity.category);
    str("role", entity.role);
    str("affiliation", entity.affiliation);
    str("country", entity.country);
    w.Key("aliases");
    w.StartArray();
    for (const auto& a : entity.aliases) WriteJsonString(w, a);
    w.EndArray();
    w.Key("mentions");
    w.Uint(entity.mentions);
    w.Key("documents");
    w.Uint(entity.documents);
    w.Key("relations");
    w.StartArray();
    for (const auto& l : lines) {
      const auto& e = l.e->edge;
      w.StartObject();
      str("direction", l.section == "in" ? "in" : "out");
      str("edge", EdgeIdOf(e.subject, e.cls, e.polarity, e.object));
      str("class", e.cls);
      w.Key("polarity");
      w.Int(e.polarity);
      str("other", l.other);
      str("other_label", LabelOf(labels, l.other));
      str("other_kind", kind_of(l.other));
      w.Key("weight");
      w.Uint(e.weight);
      w.Key("documents");
      w.Uint(e.documents);
      w.Key("evidence");
      JsonEvidence(w, l.e->example);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    std::cout << buf.GetString() << "\n";
    return kExitOk;
  }
  if (o.format == "csv") {
    Table t{{"direction", "class", "polarity", "other", "other_label", "other_kind", "weight", "documents",
             "doc", "date", "sentence", "start", "end", "text"},
            {false, false, true, false, false, false, true, true, false, false, true, true, true, false},
            {}};
    for (const auto& l : lines) {
      const auto& e = l.e->edge;
      const auto& x = l.e->example;
      t.rows.push_back({l.section == "in" ? "in" : "out", e.cls, std::to_string(e.polarity), l.other,
                        LabelOf(labels, l.other), kind_of(l.other), std::to_string(e.weight),
                        std::to_string(e.documents), x.doc, x.date, std::to_string(x.sentence),
                        std::to_string(x.start), std::to_string(x.end), x.text});
    }
    PrintTable(t, "csv");
    return kExitOk;
  }
  std::cout << entity.label << "  [" << entity.id << "]  " << (entity.category.empty() ? "actor" : entity.category);
  if (!entity.role.empty()) std::cout << ", " << entity.role;
  if (!entity.affiliation.empty()) std::cout << ", " << entity.affiliation;
  if (!entity.country.empty()) std::cout << " (" << entity.country << ")";
  std::cout << "\n  " << Count(entity.mentions, "mention") << " in " << Count(entity.documents, "document");
  if (!entity.aliases.empty()) {
    std::cout << "; also called ";
    for (size_t i = 0; i < entity.aliases.size(); ++i) std::cout << (i ? ", " : "") << entity.aliases[i];
  }
  std::cout << "\n";
  if (lines.empty()) std::cout << "  no relations\n";
  std::string section, group;
  for (const auto& l : lines) {
    const auto& e = l.e->edge;
    std::string g = l.section == "issue" ? (e.polarity > 0 ? "for" : e.polarity < 0 ? "against" : "neutral")
                                         : e.cls;
    if (l.section != section) {
      section = l.section;
      group.clear();
      std::cout << (section == "out" ? "\nrelations out:\n" : section == "in" ? "\nrelations in:\n"
                                                                              : "\nissues:\n");
    }
    if (g != group) {
      group = g;
      std::cout << "  " << g << "\n";
    }
    char head[512];
    std::snprintf(head, sizeof head, "    %-2s %-11s %-36s weight %u, %u doc%s", PolaritySign(e.polarity).c_str(),
                  e.cls.c_str(), LabelOf(labels, l.other).c_str(), e.weight, e.documents,
                  e.documents == 1 ? "" : "s");
    std::cout << head << "\n      " << Where(l.e->example) << ": \"" << l.e->example.text << "\"\n";
  }
  return kExitOk;
}

// ---- issue --------------------------------------------------------------

int RunIssue(const QueryOptions& o) {
  auto store = OpenStore(o);
  auto issue = Resolve(*store, o.name, "issue", o.db, /*counts=*/true);
  io::RelationFilter f;
  f.object = issue.id;
  f.dates = false;  // not shown
  f.from_date = o.from;
  f.to_date = o.to;
  auto edges = EdgesWithEvidence(*store, f);
  std::vector<std::string> ids;
  for (const auto& e : edges) ids.push_back(e.edge.subject);
  auto labels = EntitiesOf(*store, ids);
  auto stance = [](int p) { return std::string(p > 0 ? "for" : p < 0 ? "against" : "neutral"); };
  std::stable_sort(edges.begin(), edges.end(), [](const EdgeWithEvidence& a, const EdgeWithEvidence& b) {
    auto rank = [](int p) { return p > 0 ? 0 : p < 0 ? 1 : 2; };
    if (rank(a.edge.polarity) != rank(b.edge.polarity)) return rank(a.edge.polarity) < rank(b.edge.polarity);
    return a.edge.weight > b.edge.weight;  // Edges() already orders ties by id
  });
  if (o.format != "table") {
    Table t{{"issue", "stance", "actor", "actor_label", "class", "weight", "documents", "edge", "doc", "date",
             "sentence", "start", "end", "text"},
            {false, false, false, false, false, true, true, false, false, false, true, true, true, false},
            {}};
    for (const auto& x : edges) {
      const auto& e = x.edge;
      t.rows.push_back({issue.id, stance(e.polarity), e.subject, LabelOf(labels, e.subject), e.cls,
                        std::to_string(e.weight), std::to_string(e.documents),
                        EdgeIdOf(e.subject, e.cls, e.polarity, e.object), x.example.doc, x.example.date,
                        std::to_string(x.example.sentence), std::to_string(x.example.start),
                        std::to_string(x.example.end), x.example.text});
    }
    PrintTable(t, o.format);
    return edges.empty() ? kExitSomeRejected : kExitOk;
  }
  std::cout << issue.label << "  [" << issue.id << "]";
  if (!issue.category.empty()) std::cout << "  " << issue.category;
  std::cout << "\n  " << Count(issue.mentions, "mention") << " in " << Count(issue.documents, "document") << "\n";
  std::map<std::string, uint32_t> totals;
  for (const auto& x : edges) totals[stance(x.edge.polarity)] += x.edge.weight;
  std::cout << "  for " << totals["for"] << ", against " << totals["against"] << ", neutral "
            << totals["neutral"] << " statements\n";
  std::string group;
  for (const auto& x : edges) {
    const auto& e = x.edge;
    if (stance(e.polarity) != group) {
      group = stance(e.polarity);
      std::cout << "\n" << group << ":\n";
    }
    char head[512];
    std::snprintf(head, sizeof head, "  %-36s %-11s weight %u, %u doc%s", LabelOf(labels, e.subject).c_str(),
                  e.cls.c_str(), e.weight, e.documents, e.documents == 1 ? "" : "s");
    std::cout << head << "\n      " << Where(x.example) << ": \"" << x.example.text << "\"\n";
  }
  if (edges.empty()) {
    std::cout << "  no stances\n";
    return kExitSomeRejected;
  }
  return kExitOk;
}

// ---- stance -------------------------------------------------------------

int RunStance(const QueryOptions& o) {
  auto store = OpenStore(o);
  // Statement counts alone: the aggregated edges toward issues, from an index.
  io::RelationFilter window;
  window.object_kind = "issue";
  window.from_date = o.from;
  window.to_date = o.to;
  auto edges = store->EdgeWeights(window);
  struct Cell {
    uint32_t pos = 0, neg = 0, neu = 0;
  };
  std::map<std::pair<std::string, std::string>, Cell> cells;
  std::map<std::string, uint32_t> actor_total, issue_total;
  for (const auto& e : edges) {
    Cell& c = cells[{e.subject, e.object}];
    (e.polarity > 0 ? c.pos : e.polarity < 0 ? c.neg : c.neu) += e.weight;
    actor_total[e.subject] += e.weight;
    issue_total[e.object] += e.weight;
  }
  if (cells.empty()) {
    std::fprintf(stderr, "newsgraph: no stances toward issues in %s\n", o.db.c_str());
    return kExitSomeRejected;
  }
  // The most active actors and issues (0 = all), ties by id.
  auto top = [](const std::map<std::string, uint32_t>& totals, size_t n) {
    std::vector<std::pair<std::string, uint32_t>> v(totals.begin(), totals.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (n > 0 && v.size() > n) v.resize(n);
    std::vector<std::string> ids;
    for (const auto& [id, w] : v) ids.push_back(id);
    return ids;
  };
  auto actors = top(actor_total, o.max_actors);
  auto issues = top(issue_total, o.max_issues);
  std::vector<std::string> all = actors;
  all.insert(all.end(), issues.begin(), issues.end());
  auto labels = EntitiesOf(*store, all);
  auto sign = [](const Cell& c) {
    if (c.pos && c.neg) return std::string("mixed");
    if (c.pos) return std::string("+");
    if (c.neg) return std::string("-");
    return std::string("0");
  };
  if (o.format != "table") {
    Table t{{"actor", "actor_label", "issue", "issue_label", "stance", "for", "against", "neutral"},
            {false, false, false, false, false, true, true, true},
            {}};
    std::set<std::string> keep_a(actors.begin(), actors.end()), keep_i(issues.begin(), issues.end());
    for (const auto& a : actors)
      for (const auto& i : issues) {
        auto it = cells.find({a, i});
        if (it == cells.end()) continue;
        const Cell& c = it->second;
        t.rows.push_back({a, LabelOf(labels, a), i, LabelOf(labels, i), sign(c), std::to_string(c.pos),
                          std::to_string(c.neg), std::to_string(c.neu)});
      }
    PrintTable(t, o.format);
    return kExitOk;
  }
  // The matrix: issues as numbered columns with a legend, cells "+", "-",
  // "±" (mixed), "0" (neutral only), "." (nothing said).
  Table t;
  t.columns.push_back("actor");
  t.numeric.push_back(false);
  for (size_t j = 0; j < issues.size(); ++j) {
    t.columns.push_back("I" + std::to_string(j + 1));
    t.numeric.push_back(true);
  }
  for (const auto& a : actors) {
    std::vector<std::string> row{LabelOf(labels, a)};
    for (const auto& i : issues) {
      auto it = cells.find({a, i});
      std::string s = it == cells.end() ? "." : sign(it->second);
      row.push_back(s == "mixed" ? "±" : s);
    }
    t.rows.push_back(std::move(row));
  }
  PrintTable(t, "table");
  std::cout << "\n";
  for (size_t j = 0; j < issues.size(); ++j)
    std::cout << "I" << j + 1 << " = " << LabelOf(labels, issues[j]) << "  [" << issues[j] << "]\n";
  std::cout << "+ for, - against, ± both, 0 neutral only, . nothing said; " << actors.size() << " of "
            << Count(actor_total.size(), "actor") << ", " << issues.size() << " of "
            << Count(issue_total.size(), "issue") << " (most statements first)\n";
  return kExitOk;
}

// ---- relations ----------------------------------------------------------

io::RelationFilter FilterFromOptions(io::Store& store, const QueryOptions& o) {
  io::RelationFilter f;
  if (!o.subject.empty()) f.subject = Resolve(store, o.subject, "", o.db).id;
  if (!o.object.empty()) f.object = Resolve(store, o.object, "", o.db).id;
  if (!o.issue.empty()) {
    std::string id = Resolve(store, o.issue, "issue", o.db).id;
    if (!f.object.empty() && f.object != id) throw UsageError("--object and --issue name different entities");
    f.object = id;
  }
  if (!o.cls.empty()) {
    f.cls = Upper(o.cls);
    if (!graph::IsKnownClass(f.cls)) throw UsageError("unknown relation class \"" + o.cls + "\"");
  }
  if (!o.polarity.empty()) {
    f.polarity = ParsePolarity(o.polarity);
    if (!f.polarity) throw UsageError("--polarity must be +, - or 0 (or for, against, neutral)");
  }
  f.doc = o.doc;
  f.from_date = DateFlag("--from", o.from);
  f.to_date = DateFlag("--to", o.to);
  if (!f.from_date.empty() && !f.to_date.empty() &&
      f.to_date.compare(0, f.from_date.size(), f.from_date) < 0)
    throw UsageError("--from " + f.from_date + " is after --to " + f.to_date);
  f.limit = o.limit;
  return f;
}

int RunRelations(const QueryOptions& o) {
  auto store = OpenStore(o);
  auto f = FilterFromOptions(*store, o);
  auto edges = EdgesWithEvidence(*store, f);
  std::vector<std::string> ids;
  for (const auto& x : edges) {
    ids.push_back(x.edge.subject);
    ids.push_back(x.edge.object);
  }
  auto labels = EntitiesOf(*store, ids);
  Table t;
  if (o.format == "table") {
    t = {{"subject", "class", "pol", "object", "weight", "docs", "first", "last", "evidence"},
         {false, false, false, false, true, true, false, false, false},
         {}};
    for (const auto& x : edges) {
      const auto& e = x.edge;
      std::string text = x.example.text;
      if (Width(text) > 80) {
        size_t cut = 77;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut) + "...";
      }
      t.rows.push_back({LabelOf(labels, e.subject), e.cls, PolaritySign(e.polarity), LabelOf(labels, e.object),
                        std::to_string(e.weight), std::to_string(e.documents), e.first_date.substr(0, 10),
                        e.last_date.substr(0, 10), x.example.doc + ": " + text});
    }
  } else {
    t = {{"edge", "subject", "subject_label", "class", "polarity", "object", "object_label", "weight",
          "documents", "negated", "first_date", "last_date", "confidence", "doc", "sentence", "start", "end",
          "text"},
         {false, false, false, false, true, false, false, true, true, true, false, false, true, false, true,
          true, true, false},
         {}};
    for (const auto& x : edges) {
      const auto& e = x.edge;
      t.rows.push_back({EdgeIdOf(e.subject, e.cls, e.polarity, e.object), e.subject, LabelOf(labels, e.subject),
                        e.cls, std::to_string(e.polarity), e.object, LabelOf(labels, e.object),
                        std::to_string(e.weight), std::to_string(e.documents), std::to_string(e.negated),
                        e.first_date, e.last_date, Fixed(e.confidence, 3), x.example.doc,
                        std::to_string(x.example.sentence), std::to_string(x.example.start),
                        std::to_string(x.example.end), x.example.text});
    }
  }
  if (edges.empty()) {
    std::fprintf(stderr, "newsgraph: no relations match in %s\n", o.db.c_str());
    if (o.format != "table") PrintTable(t, o.format);
    return kExitSomeRejected;
  }
  PrintTable(t, o.format);
  return kExitOk;
}

// ---- evidence -----------------------------------------------------------

int RunEvidence(const QueryOptions& o) {
  std::vector<std::string> parts;
  if (o.edge.size() == 1) {
    std::stringstream ss(o.edge[0]);
    std::string p;
    while (std::getline(ss, p, '|')) parts.push_back(p);
  } else {
    parts = o.edge;
  }
  if (parts.size() != 4)
    throw UsageError("an edge is SUBJECT|CLASS|POLARITY|OBJECT (one argument) or the four as separate arguments");
  auto store = OpenStore(o);
  io::RelationFilter f;
  f.subject = Resolve(*store, parts[0], "", o.db).id;
  f.object = Resolve(*store, parts[3], "", o.db).id;
  f.cls = Upper(parts[1]);
  if (!graph::IsKnownClass(f.cls)) throw UsageError("unknown relation class \"" + parts[1] + "\"");
  f.polarity = ParsePolarity(parts[2]);
  if (!f.polarity) throw UsageError("bad polarity \"" + parts[2] + "\" (+1, 0, -1)");
  f.from_date = o.from;
  f.to_date = o.to;
  auto rows = store->Relations(f);
  std::stable_sort(rows.begin(), rows.end(), [](const io::EvidenceRow& a, const io::EvidenceRow& b) {
    return std::tie(a.date, a.doc, a.sentence, a.id) < std::tie(b.date, b.doc, b.sentence, b.id);
  });
  if (rows.empty()) {
    std::fprintf(stderr, "newsgraph: no statements for edge %s in %s\n",
                 EdgeIdOf(f.subject, f.cls, *f.polarity, f.object).c_str(), o.db.c_str());
    return kExitSomeRejected;
  }
  if (o.format == "table") std::cout << EdgeIdOf(f.subject, f.cls, *f.polarity, f.object) << ": " << rows.size()
                                     << " statement" << (rows.size() == 1 ? "" : "s") << "\n";
  Table t{{"relation", "doc", "date", "title", "url", "sentence", "start", "end", "lemma", "negated", "confidence",
           "text"},
          {true, false, false, false, false, true, true, true, false, true, true, false},
          {}};
  for (const auto& r : rows)
    t.rows.push_back({std::to_string(r.id), r.doc, r.date, r.title, r.url, std::to_string(r.sentence),
                      std::to_string(r.start), std::to_string(r.end), r.lemma, r.negated ? "1" : "0",
                      Fixed(r.confidence, 3), r.text});
  if (o.format != "table") {
    PrintTable(t, o.format);
    return kExitOk;
  }
  // Aligned: one block per statement, the document (title, URL) above its
  // sentence, so long titles and URLs do not stretch a table.
  for (const auto& r : rows) {
    std::cout << "\n" << Where(r) << "  " << r.lemma << (r.negated ? " (negated)" : "") << ", confidence "
              << Fixed(r.confidence, 3) << ", characters " << r.start << "-" << r.end << "\n";
    if (!r.title.empty()) std::cout << "  title: " << r.title << "\n";
    if (!r.url.empty()) std::cout << "  url:   " << r.url << "\n";
    std::cout << "  \"" << r.text << "\"\n";
  }
  return kExitOk;
}

// ---- graph: path and top -------------------------------------------------

// The graph of aggregated edges whose statements lie in the --from/--to
// window; with --actors-only without issue nodes (their edges go too).
graph::BoostGraph LoadGraph(io::Store& store, const QueryOptions& o,
                            std::map<std::string, graph::Vertex>* index) {
  auto entities = store.EntityLabels();  // id, kind, label, category: all path and top show
  if (o.actors_only)
    entities.erase(std::remove_if(entities.begin(), entities.end(),
                                  [](const graph::Entity& e) { return e.kind != graph::EntityKind::kActor; }),
                   entities.end());
  io::RelationFilter window;
  window.from_date = o.from;
  window.to_date = o.to;
  std::vector<graph::WeightedEdge> edges;
  for (auto& w : store.EdgeWeights(window))
    edges.push_back({std::move(w.subject), std::move(w.object), std::move(w.cls), w.polarity, w.weight});
  auto g = graph::GraphFromEdges(std::move(entities), edges);
  if (index)
    for (graph::Vertex v = 0; v < boost::num_vertices(g); ++v) (*index)[g[v].entity.id] = v;
  return g;
}

int RunPath(const QueryOptions& o) {
  auto store = OpenStore(o);
  auto a = Resolve(*store, o.name, "", o.db);
  auto b = Resolve(*store, o.name2, "", o.db);
  if (o.actors_only)
    for (const auto* e : {&a, &b})
      if (e->kind != graph::EntityKind::kActor)
        throw UsageError(e->id + " is an issue; --actors-only paths join actors");
  std::map<std::string, graph::Vertex> index;
  auto g = LoadGraph(*store, o, &index);
  std::vector<graph::PathStep> path;
  if (!graph::ShortestPath(g, index.at(a.id), index.at(b.id), &path)) {
    std::fprintf(stderr, "newsgraph: no chain of relations%s joins %s and %s in %s\n",
                 o.actors_only ? " through actors only" : "", a.id.c_str(), b.id.c_str(), o.db.c_str());
    return kExitSomeRejected;
  }
  Table t{{"step", "from", "edge", "to", "subject", "class", "polarity", "object", "weight", "doc", "date",
           "sentence", "start", "end", "text"},
          {true, false, false, false, false, false, true, false, true, false, false, true, true, true, false},
          {}};
  std::vector<std::string> lines;
  for (size_t i = 0; i < path.size(); ++i) {
    const auto& s = g[boost::source(path[i].edge, g)].entity;
    const auto& d = g[boost::target(path[i].edge, g)].entity;
    const auto& p = g[path[i].edge];
    io::RelationFilter f;
    f.subject = s.id;
    f.object = d.id;
    f.cls = p.cls;
    f.polarity = p.polarity;
    f.limit = 1;
    f.dates = false;
    f.from_date = o.from;
    f.to_date = o.to;
    auto found = EdgesWithEvidence(*store, f);
    io::EvidenceRow ex = found.empty() ? io::EvidenceRow{} : found[0].example;
    const auto& from = path[i].forward ? s : d;
    const auto& to = path[i].forward ? d : s;
    t.rows.push_back({std::to_string(i + 1), from.id, EdgeIdOf(s.id, p.cls, p.polarity, d.id), to.id, s.id, p.cls,
                      std::to_string(p.polarity), d.id, std::to_string(p.weight), ex.doc, ex.date,
                      std::to_string(ex.sentence), std::to_string(ex.start), std::to_string(ex.end), ex.text});
    // In walking order; the arrow shows the edge's own direction.
    std::string line = std::to_string(i + 1) + ". " + from.label + (path[i].forward ? " -" : " <-") + p.cls + " " +
                       PolaritySign(p.polarity) + (path[i].forward ? "-> " : "- ") + to.label + "  (weight " +
                       std::to_string(p.weight) + ")\n     " + Where(ex) + ": \"" + ex.text + "\"";
    lines.push_back(line);
  }
  if (o.format != "table") {
    PrintTable(t, o.format);
    return kExitOk;
  }
  std::cout << a.label << " to " << b.label << ": " << path.size() << " step" << (path.size() == 1 ? "" : "s")
            << "\n";
  for (const auto& l : lines) std::cout << l << "\n";
  return kExitOk;
}

int RunTop(const QueryOptions& o) {
  if (o.by != "degree" && o.by != "pagerank" && o.by != "betweenness")
    throw UsageError("--by must be degree, pagerank or betweenness");
  if (o.kind != "actor" && o.kind != "issue" && o.kind != "all")
    throw UsageError("--kind must be actor, issue or all");
  auto store = OpenStore(o);
  if (o.actors_only && o.kind != "actor")
    throw UsageError("--actors-only ranks actors; drop --kind " + o.kind);
  auto g = LoadGraph(*store, o, nullptr);
  std::string note;
  std::vector<double> score;
  if (o.by == "betweenness") {
    // Exact Brandes is quadratic: above 5,000 connected entities it runs
    // from --samples sources (an estimate), unless --exact; a progress
    // line on a terminal when it takes a while.
    graph::BetweennessOptions bo;
    bo.exact = o.exact;
    bo.samples = o.samples;
    const bool tty = isatty(fileno(stderr));
    const auto start = std::chrono::steady_clock::now();
    auto next = start + std::chrono::seconds(1);
    bool drawn = false;
    bo.progress = [&](size_t done, size_t total) {
      if (!tty) return;
      auto now = std::chrono::steady_clock::now();
      if (now < next && done < total) return;
      if (!drawn && done == total) return;
      next = now + std::chrono::milliseconds(250);
      drawn = true;
      std::fprintf(stderr, "\rbetweenness: %zu of %zu sources (%.0f%%)\033[K", done, total,
                   total ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 100.0);
      if (done == total) std::fputs("\r\033[K", stderr);
    };
    auto b = graph::Betweenness(g, bo);
    score = std::move(b.centrality);
    if (b.approximate)
      note = "betweenness is approximate: " + Count(b.sources, "sampled source") + " of " +
             Count(b.connected, "connected entity", "connected entities") +
             " (--samples N for more, --exact for all)";
  } else {
    score = o.by == "degree" ? graph::DegreeCentrality(g) : graph::PageRank(g);
  }
  auto degree = o.by == "degree" ? score : graph::DegreeCentrality(g);
  auto strength = graph::Strength(g);
  std::vector<graph::Vertex> order;
  // In a date window only entities with relations inside it are ranked.
  const bool window = !o.from.empty() || !o.to.empty();
  for (graph::Vertex v = 0; v < boost::num_vertices(g); ++v)
    if ((o.kind == "all" || graph::KindName(g[v].entity.kind) == o.kind) && (!window || strength[v] > 0))
      order.push_back(v);
  // Vertices are in id order, so a stable sort breaks ties by id.
  std::stable_sort(order.begin(), order.end(), [&](graph::Vertex a, graph::Vertex b) {
    if (score[a] != score[b]) return score[a] > score[b];
    return strength[a] > strength[b];
  });
  size_t n = o.limit == 0 ? 20 : o.limit;
  if (order.size() > n) order.resize(n);
  if (order.empty()) {
    std::fprintf(stderr, "newsgraph: no %s nodes in %s\n", o.kind.c_str(), o.db.c_str());
    return kExitSomeRejected;
  }
  Table t{{"rank", "id", "label", "kind", "category", o.by, "neighbours", "statements"},
          {true, false, false, false, false, true, true, true},
          {}};
  for (size_t i = 0; i < order.size(); ++i) {
    graph::Vertex v = order[i];
    const auto& e = g[v].entity;
    t.rows.push_back({std::to_string(i + 1), e.id, e.label, graph::KindName(e.kind), e.category,
                      o.by == "degree" ? std::to_string(static_cast<long long>(score[v])) : Fixed(score[v], 6),
                      std::to_string(static_cast<long long>(degree[v])),
                      std::to_string(static_cast<long long>(strength[v]))});
  }
  PrintTable(t, o.format);
  // The table says it on stdout; JSON and CSV stay data, the note goes to stderr.
  if (!note.empty()) std::fprintf(o.format == "table" ? stdout : stderr, "%s%s\n", o.format == "table" ? "" : "newsgraph: ", note.c_str());
  return kExitOk;
}

int Dispatch(CLI::App& app, QueryOptions& o) {
  if (o.json) o.format = "json";
  try {
    if (std::string err = CheckDateWindow(o.from, o.to); !err.empty()) throw UsageError(err);
    if (app.got_subcommand("actor")) return RunActor(o);
    if (app.got_subcommand("issue")) return RunIssue(o);
    if (app.got_subcommand("stance")) return RunStance(o);
    if (app.got_subcommand("relations")) return RunRelations(o);
    if (app.got_subcommand("evidence")) return RunEvidence(o);
    if (app.got_subcommand("path")) return RunPath(o);
    if (app.got_subcommand("top")) return RunTop(o);
  } catch (const UsageError& e) {
    std::fprintf(stderr, "newsgraph query: %s\n", e.what());
    return kExitFatal;
  } catch (const NotFound& e) {
    std::fprintf(stderr, "newsgraph: %s\n", e.what());
    return kExitSomeRejected;
  } catch (const io::StoreError& e) {
    std::fprintf(stderr, "newsgraph: %s\n", e.what());
    return kExitFatal;
  }
  return kExitFatal;
}

}  // namespace

Runner SetupQuery(CLI::App& app) {
  auto o = std::make_shared<QueryOptions>();
  app.add_option("--db", o->db, "graph database")->capture_default_str();
  app.add_option("--format", o->format, "output: table (aligned), json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  app.require_subcommand(1);
  app.fallthrough();  // --db and --format also after the question

  auto* actor = app.add_subcommand("actor", "an actor's relations, in and out, and stances, with evidence");
  actor->add_option("name", o->name, "a name or alias (case-insensitive) or an id")->required();
  actor->add_flag("--json", o->json, "same as --format json");
  AddDateWindowFlags(*actor, &o->from, &o->to);

  auto* issue = app.add_subcommand("issue", "who is for, against and neutral on an issue, with evidence");
  issue->add_option("name", o->name, "an issue's name, alias or id")->required();
  AddDateWindowFlags(*issue, &o->from, &o->to);

  auto* stance = app.add_subcommand("stance", "the actor x issue stance table (+, -, mixed)");
  stance->add_option("--actors", o->max_actors, "rows: the most active actors (0 = all)")->capture_default_str();
  stance->add_option("--issues", o->max_issues, "columns: the most discussed issues (0 = all)")
      ->capture_default_str();
  AddDateWindowFlags(*stance, &o->from, &o->to);

  auto* rel = app.add_subcommand("relations", "aggregated edges matching filters, each with one evidence");
  rel->add_option("--subject", o->subject, "subject name or id");
  rel->add_option("--object", o->object, "object name or id");
  rel->add_option("--issue", o->issue, "object issue name or id");
  rel->add_option("--class", o->cls, "PLOVER class, e.g. SUPPORT");
  rel->add_option("--polarity", o->polarity, "+, - or 0");
  AddDateWindowFlags(*rel, &o->from, &o->to);
  rel->add_option("--doc", o->doc, "document id");
  rel->add_option("--limit", o->limit, "at most this many edges, heaviest first (0 = all)");

  auto* ev = app.add_subcommand("evidence", "every statement behind one edge, with document, date, offsets");
  ev->add_option("edge", o->edge, "SUBJECT|CLASS|POLARITY|OBJECT, or the four as separate arguments")
      ->required()
      ->expected(1, 4);
  AddDateWindowFlags(*ev, &o->from, &o->to);

  auto* path = app.add_subcommand("path", "the shortest chain of relations between two entities");
  path->add_option("from", o->name, "name or id")->required();
  path->add_option("to", o->name2, "name or id")->required();
  path->add_flag("--actors-only", o->actors_only, "walk through actors only, never through issue nodes");
  AddDateWindowFlags(*path, &o->from, &o->to, "relations whose statements are");

  auto* top = app.add_subcommand("top", "central actors by degree, PageRank or betweenness");
  top->add_option("--by", o->by, "degree, pagerank or betweenness")->capture_default_str();
  top->add_option("--kind", o->kind, "actor, issue or all")->capture_default_str();
  top->add_option("--limit", o->limit, "how many (default 20)");
  top->add_flag("--actors-only", o->actors_only, "rank on the actor-actor graph (issue nodes left out)");
  AddDateWindowFlags(*top, &o->from, &o->to, "relations whose statements are");
  top->add_flag("--exact", o->exact,
                "betweenness: from every entity, however large the graph (quadratic; slow above ~10,000)");
  top->add_option("--samples", o->samples,
                  "betweenness above 5,000 connected entities: sources sampled for the estimate")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);

  return [o, &app] { return Dispatch(app, *o); };
}

}  // namespace newsgraph::cli
