// Plain value types of the newsgraph data model: documents, sentences,
// entities (actors and issues), mentions and relations with their evidence.
// Every module speaks in these types; none of them knows how it was read or
// where it will be written.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace newsgraph::graph {

// A half-open byte range into a document's text.
// Invariant: text.substr(begin, end - begin) is the surface it names.
struct Span {
  uint32_t begin = 0, end = 0;
  uint32_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

struct Document {
  std::string id;      // from the file name or the JSONL "id"
  std::string title;
  std::string date;    // ISO 8601 (YYYY-MM-DD...) or empty
  std::string url;
  std::string source;
  std::string origin;  // "file.jsonl:17" or "dir/a.txt": where it was read
  std::string text;    // UTF-8, as read (after decoding)
  std::string hash;    // hex content hash of text (see ContentHash)
  // Pre-tokenised input (CoNLL-U): the tokens' byte spans in text and the
  // index of each sentence's first token. Empty: the extractor tokenises.
  std::vector<Span> tokens;
  std::vector<uint32_t> sentence_starts;
};

struct Sentence {
  uint32_t index = 0;
  Span span;  // bytes into Document::text
};

enum class EntityKind { kActor, kIssue };
const char* KindName(EntityKind kind);

// A node. Ids are stable slugs: "actor:vladimir-putin", "issue:nato-membership".
struct Entity {
  std::string id;
  EntityKind kind = EntityKind::kActor;
  std::string label;
  std::string category;     // actors: person|organization|country|location|group; issues: topic
  std::string role;         // "President"
  std::string affiliation;  // "Russia"
  std::string country;      // ISO 3166 alpha-3 of the country or affiliation
  std::string code;         // user dictionary code, e.g. "RUSGOV"
  std::vector<std::string> aliases;  // sorted, without the label
  uint32_t mentions = 0;
  uint32_t documents = 0;
  std::string first_date, last_date;
};

// A span of a document that names an entity or refers to it (pronoun).
struct Mention {
  std::string entity;  // entity id
  uint32_t sentence = 0;
  Span span;
  std::string text;
  bool pronoun = false;
};

// One statement: subject -relation-> object, found in one sentence.
struct Relation {
  std::string subject;  // entity id
  std::string object;   // entity id
  std::string lemma;    // verb or noun as written, lemmatised: "call for"
  std::string cls;      // PLOVER class: "SUPPORT"
  std::string mode;     // optional refinement: "mediate"
  std::string code;     // event code from a user verb dictionary (CAMEO "064"), else empty
  int polarity = 0;     // stance after negation: +1, 0, -1
  bool negated = false;
  float confidence = 0;
  std::string qualifier;  // possessor of an issue object: "Ukraine" in "Ukraine's sovereignty"
  uint32_t sentence = 0;  // index into the document's sentences
  Span evidence;          // the sentence's byte span
};

// Everything one document yields. Entities are local to the document (their
// mentions count only this document); merging across documents is graph/'s.
struct DocumentAnalysis {
  Document doc;
  std::vector<Sentence> sentences;
  std::vector<Entity> entities;
  std::vector<Mention> mentions;
  std::vector<Relation> relations;
};

// PLOVER quad class of a relation class ("verbal cooperation", ...), or "".
const char* QuadClass(const std::string& cls);
// Whether cls is one of the PLOVER classes newsgraph knows.
bool IsKnownClass(const std::string& cls);
// The known classes in a fixed order.
const std::vector<std::string>& KnownClasses();

// Lower-case ASCII slug of a label: "Vladimir Putin" -> "vladimir-putin".
// Non-ASCII letters are kept as UTF-8 bytes; punctuation becomes '-'.
std::string Slug(const std::string& label);
// "actor:" or "issue:" + Slug(label).
std::string EntityId(EntityKind kind, const std::string& label);

// Hex SHA-256 of a text (graph/sha256.h); stable across runs and platforms.
std::string ContentHash(const std::string& text);

// Number of Unicode code points in text[0, byte_offset); text must be UTF-8.
uint32_t CharOffset(const std::string& text, uint32_t byte_offset);

// Byte -> character (code point) offsets for many lookups in one text:
// a checkpoint every 64 bytes, and each lookup counts the bytes since the
// last one eight at a time. A byte offset past the end counts the whole
// text. The text must outlive the index.
class CharIndex {
 public:
  explicit CharIndex(const std::string& text);
  uint32_t operator()(uint32_t byte_offset) const;

 private:
  static constexpr size_t kStride = 64;
  const std::string& text_;
  std::vector<uint32_t> checkpoints_;  // code points before byte kStride*i
};

}  // namespace newsgraph::graph
