// Writer of the per-document JSON Lines contract.
#include "export/analysis_jsonl.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <map>

namespace newsgraph::io {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void Str(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void NodeRef(Writer& w, const graph::Entity* e, const std::string& id) {
  w.StartObject();
  Str(w, "id", id);
  if (e) {
    Str(w, "label", e->label);
    Str(w, "kind", graph::KindName(e->kind));
    if (!e->category.empty()) Str(w, "category", e->category);
    if (!e->country.empty()) Str(w, "country", e->country);
    if (!e->code.empty()) Str(w, "code", e->code);
  }
  w.EndObject();
}

void Line(rapidjson::StringBuffer& buf, std::ostream& out) {
  out.write(buf.GetString(), static_cast<std::streamsize>(buf.GetSize()));
  out.put('\n');
  buf.Clear();
}

}  // namespace

std::string CapEvidence(std::string_view text, size_t max_chars, bool* truncated) {
  *truncated = false;
  size_t chars = 0, i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (chars == max_chars) break;
    ++chars;
  }
  if (i >= text.size()) return std::string(text);
  *truncated = true;
  return std::string(text.substr(0, i)) + kEvidenceMarker;
}

void WriteAnalysisJsonl(const graph::DocumentAnalysis& a, std::ostream& out,
                        const AnalysisJsonlOptions& options) {
  graph::CharIndex chars(a.doc.text);
  std::map<std::string, const graph::Entity*> by_id;
  size_t actors = 0, issues = 0;
  for (const auto& e : a.entities) {
    by_id[e.id] = &e;
    (e.kind == graph::EntityKind::kActor ? actors : issues)++;
  }
  rapidjson::StringBuffer buf;
  {
    Writer w(buf);
    w.StartObject();
    Str(w, "type", "document");
    Str(w, "doc", a.doc.id);
    if (!a.doc.title.empty()) Str(w, "title", a.doc.title);
    if (!a.doc.date.empty()) Str(w, "date", a.doc.date);
    w.Key("sentences");
    w.Uint64(a.sentences.size());
    w.Key("actors");
    w.Uint64(actors);
    w.Key("issues");
    w.Uint64(issues);
    w.Key("triples");
    w.Uint64(a.relations.size());
    w.EndObject();
    Line(buf, out);
  }
  for (const auto& e : a.entities) {
    Writer w(buf);
    w.StartObject();
    Str(w, "type", "entity");
    Str(w, "doc", a.doc.id);
    Str(w, "id", e.id);
    Str(w, "kind", graph::KindName(e.kind));
    Str(w, "label", e.label);
    if (!e.category.empty()) Str(w, "category", e.category);
    if (!e.role.empty()) Str(w, "role", e.role);
    if (!e.affiliation.empty()) Str(w, "affiliation", e.affiliation);
    if (!e.country.empty()) Str(w, "country", e.country);
    if (!e.code.empty()) Str(w, "code", e.code);
    w.Key("aliases");
    w.StartArray();
    for (const auto& al : e.aliases) w.String(al.data(), static_cast<rapidjson::SizeType>(al.size()));
    w.EndArray();
    w.Key("mentions");
    w.Uint(e.mentions);
    w.EndObject();
    Line(buf, out);
  }
  if (options.mentions) {
    for (const auto& m : a.mentions) {
      Writer w(buf);
      w.StartObject();
      Str(w, "type", "mention");
      Str(w, "doc", a.doc.id);
      Str(w, "entity", m.entity);
      w.Key("sentence");
      w.Uint(m.sentence);
      w.Key("start");
      w.Uint(chars(m.span.begin));
      w.Key("end");
      w.Uint(chars(m.span.end));
      Str(w, "text", m.text);
      if (m.pronoun) {
        w.Key("pronoun");
        w.Bool(true);
      }
      w.EndObject();
      Line(buf, out);
    }
  }
  for (const auto& r : a.relations) {
    Writer w(buf);
    w.StartObject();
    Str(w, "type", "triple");
    Str(w, "doc", a.doc.id);
    w.Key("subject");
    auto s = by_id.find(r.subject);
    NodeRef(w, s == by_id.end() ? nullptr : s->second, r.subject);
    w.Key("relation");
    w.StartObject();
    Str(w, "lemma", r.lemma);
    Str(w, "class", r.cls);
    Str(w, "quad", graph::QuadClass(r.cls));
    if (!r.mode.empty()) Str(w, "mode", r.mode);
    if (!r.code.empty()) Str(w, "code", r.code);
    w.Key("polarity");
    w.Int(r.polarity);
    w.Key("negated");
    w.Bool(r.negated);
    w.EndObject();
    w.Key("object");
    auto o = by_id.find(r.object);
    NodeRef(w, o == by_id.end() ? nullptr : o->second, r.object);
    if (!r.qualifier.empty()) Str(w, "possessor", r.qualifier);
    w.Key("evidence");
    w.StartObject();
    w.Key("sentence");
    w.Uint(r.sentence);
    w.Key("start");
    w.Uint(chars(r.evidence.begin));
    w.Key("end");
    w.Uint(chars(r.evidence.end));
    bool truncated = false;
    Str(w, "text",
        CapEvidence(std::string_view(a.doc.text).substr(r.evidence.begin, r.evidence.size()),
                    options.max_evidence_chars, &truncated));
    if (truncated) {
      w.Key("truncated");
      w.Bool(true);
    }
    w.EndObject();
    w.Key("confidence");
    w.Double(std::round(r.confidence * 1000.0) / 1000.0);
    w.EndObject();
    Line(buf, out);
  }
}

}  // namespace newsgraph::io
