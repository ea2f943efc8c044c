// WordNet 3.0 reader (index, exception lists, data files) and a rule-only
// lemmatiser. File formats: `man 5 wndb`. The index and exception files are
// mapped into memory once each (mmap, read-only) and indexed by
// open-addressing hash tables whose keys point into the mappings; the data
// files are opened at load and read on demand: data.noun and data.verb once,
// for the derivational links (their lines are not kept), and single synset
// lines per Synonyms() call.
#include "extract/wordnet.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <span>
#include <utility>

namespace newsgraph::extract {
namespace {

constexpr int kClassCount = 4;
constexpr const char* kClassFileName[kClassCount] = {"noun", "verb", "adj", "adv"};
constexpr int kNoun = static_cast<int>(WordClass::kNoun);
constexpr int kVerb = static_cast<int>(WordClass::kVerb);
constexpr int kAdj = static_cast<int>(WordClass::kAdj);
// Longer forms are not looked up: no lemma in WordNet 3.0 is this long, and a
// fixed bound keeps Lemma() on stack buffers.
constexpr size_t kMaxWord = 96;

int ClassIndex(WordClass wc) { return static_cast<int>(wc); }

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

uint32_t HashOf(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return static_cast<uint32_t>(h ^ (h >> 32));
}

// Maps string views that all lie in one buffer (owned elsewhere, outliving
// the map, smaller than 4 GiB) to 32-bit values. Open addressing with linear
// probing; slots hold 32-bit offsets into the buffer to stay at 16 bytes.
class StringMap {
 public:
  // The keys must be views into [base, base + size).
  void Reset(const char* base, size_t expected) {
    base_ = base;
    size_t cap = 16;
    while (cap < expected * 2) cap <<= 1;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    size_ = 0;
  }
  // Returns false (and keeps the old value) if the key is present.
  bool Insert(std::string_view key, uint32_t value) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    uint32_t h = HashOf(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.len == 0) {
        s = Slot{static_cast<uint32_t>(key.data() - base_), static_cast<uint32_t>(key.size()), h,
                 value};
        ++size_;
        return true;
      }
      if (s.hash == h && Key(s) == key) return false;
    }
  }
  // The value of `key`, or null. `stored` (optional) receives the key as
  // stored, a view into the buffer that lives as long as it does.
  const uint32_t* Find(std::string_view key, std::string_view* stored = nullptr) const {
    if (slots_.empty() || key.empty()) return nullptr;
    uint32_t h = HashOf(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.len == 0) return nullptr;
      if (s.hash == h && s.len == key.size() &&
          std::memcmp(base_ + s.offset, key.data(), key.size()) == 0) {
        if (stored != nullptr) *stored = Key(s);
        return &s.value;
      }
    }
  }
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint32_t offset = 0;
    uint32_t len = 0;  // 0 marks an empty slot; keys are never empty
    uint32_t hash = 0;
    uint32_t value = 0;
  };
  std::string_view Key(const Slot& s) const { return std::string_view(base_ + s.offset, s.len); }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    Reset(base_, std::max<size_t>(16, old.size()));
    for (const Slot& s : old) {
      if (s.len != 0) Insert(Key(s), s.value);
    }
  }
  const char* base_ = nullptr;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// Splits a line on spaces, as every WordNet file is laid out.
class Fields {
 public:
  explicit Fields(std::string_view line) : rest_(line) {}
  // The next field, or an empty view at the end of the line.
  std::string_view Next() {
    while (!rest_.empty() && rest_.front() == ' ') rest_.remove_prefix(1);
    size_t end = rest_.find(' ');
    if (end == std::string_view::npos) end = rest_.size();
    std::string_view f = rest_.substr(0, end);
    rest_.remove_prefix(end);
    return f;
  }

 private:
  std::string_view rest_;
};

bool ParseUnsigned(std::string_view s, int base, uint32_t* out) {
  if (s.empty() || s.size() > 9) return false;
  uint32_t v = 0;
  for (char c : s) {
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (base == 16 && c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (base == 16 && c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    } else {
      return false;
    }
    v = v * base + d;
  }
  *out = v;
  return true;
}

// Calls f(line) for each line of `text`, with its 1-based number.
template <typename F>
void ForEachLine(std::string_view text, F&& f) {
  size_t line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!f(line, ++line_no)) return;
  }
}

// An open file descriptor, closed on destruction.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(Fd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  Fd& operator=(Fd&& o) noexcept {
    if (this != &o) {
      if (fd_ >= 0) ::close(fd_);
      fd_ = std::exchange(o.fd_, -1);
    }
    return *this;
  }
  int get() const { return fd_; }

 private:
  int fd_ = -1;
};

bool OpenFile(const std::string& path, Fd* fd, std::string* reason) {
  int f = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (f < 0) {
    *reason = std::strerror(errno);
    return false;
  }
  *fd = Fd(f);
  return true;
}

// A whole file mapped read-only, unmapped on destruction. Mapping instead of
// read() saves a copy and the page faults of a fresh buffer.
class MappedFile {
 public:
  MappedFile() = default;
  ~MappedFile() { Unmap(); }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  bool Map(int fd, std::string* reason) {
    Unmap();
    struct stat st;
    if (::fstat(fd, &st) != 0) {
      *reason = std::strerror(errno);
      return false;
    }
    if (!S_ISREG(st.st_mode)) {
      *reason = "not a regular file";
      return false;
    }
    if (static_cast<uint64_t>(st.st_size) >= (uint64_t{1} << 32)) {
      *reason = "file too large";
      return false;
    }
    size_ = static_cast<size_t>(st.st_size);
    if (size_ == 0) return true;
    void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (p == MAP_FAILED) {
      *reason = std::strerror(errno);
      size_ = 0;
      return false;
    }
    data_ = static_cast<const char*>(p);
    return true;
  }
  bool Map(const std::string& path, std::string* reason) {
    Fd fd;
    return OpenFile(path, &fd, reason) && Map(fd.get(), reason);
  }
  std::string_view text() const { return std::string_view(data_ ? data_ : "", size_); }

 private:
  void Unmap() {
    if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
    data_ = nullptr;
    size_ = 0;
  }
  const char* data_ = nullptr;
  size_t size_ = 0;
};

// Reads the line that starts at byte `offset` (a synset offset) into *line.
bool ReadLineAt(int fd, uint32_t offset, std::string* line) {
  line->clear();
  char buf[4096];
  off_t pos = offset;
  for (;;) {
    ssize_t n = ::pread(fd, buf, sizeof buf, pos);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return !line->empty();
    const char* nl = static_cast<const char*>(std::memchr(buf, '\n', static_cast<size_t>(n)));
    if (nl != nullptr) {
      line->append(buf, static_cast<size_t>(nl - buf));
      return true;
    }
    line->append(buf, static_cast<size_t>(n));
    pos += n;
  }
}

// The words of a data-file synset line, in order, as they appear (case and
// adjective markers such as "(p)" included). Returns false if malformed.
// `fields` is left just after the words (at p_cnt).
bool SynsetWords(Fields* fields, std::vector<std::string_view>* words) {
  words->clear();
  fields->Next();  // synset_offset
  fields->Next();  // lex_filenum
  fields->Next();  // ss_type
  uint32_t count;
  if (!ParseUnsigned(fields->Next(), 16, &count)) return false;
  for (uint32_t i = 0; i < count; ++i) {
    std::string_view w = fields->Next();
    fields->Next();  // lex_id
    if (w.empty()) return false;
    words->push_back(w);
  }
  return true;
}

// Drops an adjective marker: "big(a)" -> "big".
std::string_view StripMarker(std::string_view w) {
  if (!w.empty() && w.back() == ')') {
    size_t open = w.rfind('(');
    if (open != std::string_view::npos) w = w.substr(0, open);
  }
  return w;
}

// The lookup key of a lemma: lowercase, ' ' -> '_'. False if too long.
bool NormalizeKey(std::string_view in, char* buf, size_t* len) {
  if (in.size() > kMaxWord) return false;
  for (size_t i = 0; i < in.size(); ++i) buf[i] = (in[i] == ' ') ? '_' : AsciiLower(in[i]);
  *len = in.size();
  return true;
}

// A key or data-file word as handed out: lowercase, '_' -> ' '.
std::string KeyToLemma(std::string_view key) {
  std::string out(key);
  for (char& c : out) c = (c == '_') ? ' ' : AsciiLower(c);
  return out;
}

struct Rule {
  std::string_view suffix;
  std::string_view ending;
};
// Morphy's detachment rules (WordNet morph.c), in its order.
constexpr Rule kNounRules[] = {{"s", ""},      {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
                               {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
constexpr Rule kVerbRules[] = {{"s", ""},   {"ies", "y"}, {"es", "e"},  {"es", ""},
                               {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
constexpr Rule kAdjRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

// What is loaded for one word class.
struct ClassData {
  MappedFile index_file;  // index.POS; the map's keys point into it
  MappedFile exc_file;    // POS.exc; likewise
  StringMap index;        // lemma -> position in `senses`
  // Per lemma: synset count, tagged-sense count, then the synset offsets
  // (first sense first).
  std::vector<uint32_t> senses;
  StringMap exceptions;                     // inflected form -> position in exc_bases
  std::vector<std::string_view> exc_bases;  // "base1 base2 ..."
  Fd data;                                  // data.POS, read on demand
};

// Derivational links from the lemmas of one class to those of another. Keys
// and targets are views into the index files (lookup keys, with '_').
struct Links {
  StringMap map;                 // key -> position in `ranges`
  std::vector<uint32_t> ranges;  // begin, end into `targets`
  std::vector<std::string_view> targets;
};

}  // namespace

struct WordNet::Impl {
  std::string dir;
  std::array<ClassData, kClassCount> cls;

  std::once_flag derivations_once;
  Links noun_to_verbs;
  Links verb_to_nouns;

  const uint32_t* Entry(int c, std::string_view key, std::string_view* stored = nullptr) const {
    const uint32_t* pos = cls[c].index.Find(key, stored);
    return pos == nullptr ? nullptr : &cls[c].senses[*pos];
  }
  // SemCor-tagged sense count of a lemma; -1 if not in the index.
  int TagCount(int c, std::string_view key) const {
    const uint32_t* e = Entry(c, key);
    return e == nullptr ? -1 : static_cast<int>(e[1]);
  }

  std::string_view MorphWord(int c, std::string_view w, char* cand) const;
  std::string_view MorphPhrase(int c, std::string_view w, char* cand, char* cand2) const;
  void BuildDerivations();
};

namespace {

bool LoadIndex(const std::string& path, ClassData* cd, std::string* error) {
  std::string reason;
  if (!cd->index_file.Map(path, &reason)) {
    *error = path + ": " + reason;
    return false;
  }
  std::string_view text = cd->index_file.text();
  size_t lines = std::count(text.begin(), text.end(), '\n');
  cd->index.Reset(text.data(), lines);
  cd->senses.reserve(lines * 4);
  bool ok = true;
  ForEachLine(text, [&](std::string_view line, size_t line_no) {
    if (line.empty() || line.front() == ' ') return true;  // licence header
    Fields f(line);
    std::string_view lemma = f.Next();
    f.Next();  // pos
    uint32_t synset_cnt, p_cnt, tagsense_cnt;
    ok = ParseUnsigned(f.Next(), 10, &synset_cnt) && ParseUnsigned(f.Next(), 10, &p_cnt);
    for (uint32_t i = 0; ok && i < p_cnt; ++i) ok = !f.Next().empty();
    ok = ok && !f.Next().empty() && ParseUnsigned(f.Next(), 10, &tagsense_cnt);  // sense_cnt
    if (!ok) {
      *error = path + ":" + std::to_string(line_no) + ": malformed index line";
      return false;
    }
    uint32_t pos = static_cast<uint32_t>(cd->senses.size());
    cd->senses.push_back(synset_cnt);
    cd->senses.push_back(tagsense_cnt);
    for (uint32_t i = 0; i < synset_cnt; ++i) {
      uint32_t off;
      if (!ParseUnsigned(f.Next(), 10, &off)) {
        *error = path + ":" + std::to_string(line_no) + ": malformed synset offset";
        return ok = false;
      }
      cd->senses.push_back(off);
    }
    cd->index.Insert(lemma, pos);
    return true;
  });
  return ok;
}

bool LoadExceptions(const std::string& path, ClassData* cd, std::string* error) {
  std::string reason;
  if (!cd->exc_file.Map(path, &reason)) {
    *error = path + ": " + reason;
    return false;
  }
  std::string_view text = cd->exc_file.text();
  cd->exceptions.Reset(text.data(), std::count(text.begin(), text.end(), '\n'));
  bool ok = true;
  ForEachLine(text, [&](std::string_view line, size_t line_no) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (line.empty()) return true;
    size_t sp = line.find(' ');
    if (sp == std::string_view::npos || sp == 0) {
      *error = path + ":" + std::to_string(line_no) + ": exception without a base form";
      return ok = false;
    }
    // A form listed twice keeps its first bases.
    if (cd->exceptions.Insert(line.substr(0, sp), static_cast<uint32_t>(cd->exc_bases.size()))) {
      cd->exc_bases.push_back(line.substr(sp + 1));
    }
    return true;
  });
  return ok;
}

}  // namespace

std::unique_ptr<WordNet> WordNet::Load(const std::string& dir, std::string* error) {
  std::string scratch;
  if (error == nullptr) error = &scratch;
  try {
    struct stat st;
    if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      *error = dir + ": not found";
      return nullptr;
    }
    auto impl = std::make_unique<Impl>();
    impl->dir = dir;
    for (int c = 0; c < kClassCount; ++c) {
      ClassData& cd = impl->cls[c];
      std::string base = dir + "/";
      if (!LoadIndex(base + "index." + kClassFileName[c], &cd, error)) return nullptr;
      if (!LoadExceptions(base + kClassFileName[c] + ".exc", &cd, error)) return nullptr;
      std::string reason;
      std::string data_path = base + "data." + kClassFileName[c];
      if (!OpenFile(data_path, &cd.data, &reason)) {
        *error = data_path + ": " + reason;
        return nullptr;
      }
    }
    return std::unique_ptr<WordNet>(new WordNet(std::move(impl)));
  } catch (const std::exception& e) {  // std::bad_alloc, in practice
    *error = dir + ": " + e.what();
    return nullptr;
  }
}

WordNet::WordNet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WordNet::~WordNet() = default;

size_t WordNet::LemmaCount(WordClass wc) const { return impl_->cls[ClassIndex(wc)].index.size(); }

bool WordNet::Has(std::string_view lemma, WordClass wc) const {
  char key[kMaxWord];
  size_t n;
  if (lemma.empty() || !NormalizeKey(lemma, key, &n)) return false;
  return impl_->Entry(ClassIndex(wc), std::string_view(key, n)) != nullptr;
}

// The lemma of a single word `w` (a lookup key) or an empty view. `cand` is
// scratch of kMaxWord + 8 bytes; the result may point into it.
std::string_view WordNet::Impl::MorphWord(int c, std::string_view w, char* cand) const {
  const ClassData& cd = cls[c];
  if (const uint32_t* e = cd.exceptions.Find(w)) {
    Fields bases(cd.exc_bases[*e]);
    std::string_view first = bases.Next();
    for (std::string_view b = first; !b.empty(); b = bases.Next()) {
      if (cd.index.Find(b) != nullptr) return b;
    }
    return first;
  }
  std::span<const Rule> rules;
  if (c == kNoun) {
    // Morphy leaves "-ss" nouns and very short words alone ("glass", "us").
    if (!EndsWith(w, "ss") && w.size() > 2) rules = kNounRules;
  } else if (c == kVerb) {
    rules = kVerbRules;
  } else if (c == kAdj) {
    rules = kAdjRules;
  }
  std::string_view found;
  for (const Rule& r : rules) {
    if (w.size() <= r.suffix.size() || !EndsWith(w, r.suffix)) continue;
    size_t stem = w.size() - r.suffix.size();
    std::memcpy(cand, w.data(), stem);
    std::memcpy(cand + stem, r.ending.data(), r.ending.size());
    std::string_view v(cand, stem + r.ending.size());
    if (cd.index.Find(v) != nullptr) {
      found = v;
      break;
    }
  }
  if (found.empty()) return cd.index.Find(w) != nullptr ? w : std::string_view();
  // Both the form and a reduced form are lemmas ("leaders"/"leader",
  // "gas"/"ga", "feed"/"fee"): keep the form only if SemCor tagged it more
  // often, i.e. it is the commoner reading.
  if (TagCount(c, w) > TagCount(c, found)) return w;
  return found;
}

// Lemma of a multiword key ("called_for"): the phrase itself, else its
// first word lemmatised (verbs first), else its last word (nouns first).
std::string_view WordNet::Impl::MorphPhrase(int c, std::string_view w, char* cand,
                                            char* cand2) const {
  const ClassData& cd = cls[c];
  if (const uint32_t* e = cd.exceptions.Find(w)) return Fields(cd.exc_bases[*e]).Next();
  if (cd.index.Find(w) != nullptr) return w;
  size_t first_end = w.find('_');
  size_t last_begin = w.rfind('_') + 1;
  for (int attempt = 0; attempt < 2; ++attempt) {
    bool first = (attempt == 0) == (c == kVerb);
    std::string_view part = first ? w.substr(0, first_end) : w.substr(last_begin);
    std::string_view base = part.empty() ? part : MorphWord(c, part, cand2);
    if (base.empty() || base == part) continue;
    std::string_view head = first ? std::string_view() : w.substr(0, last_begin);
    std::string_view tail = first ? w.substr(first_end) : std::string_view();
    if (head.size() + base.size() + tail.size() > kMaxWord) continue;
    char* end = std::copy(head.begin(), head.end(), cand);  // head/tail may be null views
    end = std::copy(base.begin(), base.end(), end);
    end = std::copy(tail.begin(), tail.end(), end);
    std::string_view v(cand, static_cast<size_t>(end - cand));
    if (cd.index.Find(v) != nullptr) return v;
  }
  return {};
}

std::string WordNet::Lemma(std::string_view word, WordClass wc) const {
  char key[kMaxWord];
  size_t n;
  if (!NormalizeKey(word, key, &n)) {
    std::string out(word);
    for (char& ch : out) ch = AsciiLower(ch);
    return out;
  }
  std::string_view w(key, n);
  char cand[kMaxWord + 8];
  char cand2[kMaxWord + 8];
  std::string_view lemma;
  if (w.find('_') != std::string_view::npos) {
    lemma = impl_->MorphPhrase(ClassIndex(wc), w, cand, cand2);
  } else if (!w.empty()) {
    lemma = impl_->MorphWord(ClassIndex(wc), w, cand);
  }
  return KeyToLemma(lemma.empty() ? w : lemma);
}

namespace {

struct LinkRecord {
  std::string_view from;  // view into the source class's index file
  uint32_t rank;          // sense rank of the source synset for `from`
  std::string_view to;    // view into the target class's index file
};

// Groups records by source lemma, first sense first, and drops repeats.
void FinishLinks(const char* from_base, std::vector<LinkRecord>* records, Links* links) {
  std::stable_sort(records->begin(), records->end(), [](const LinkRecord& a, const LinkRecord& b) {
    return a.from.data() != b.from.data() ? a.from.data() < b.from.data() : a.rank < b.rank;
  });
  links->map.Reset(from_base, records->size() / 2 + 1);
  for (size_t i = 0; i < records->size();) {
    size_t j = i;
    uint32_t begin = static_cast<uint32_t>(links->targets.size());
    for (; j < records->size() && (*records)[j].from.data() == (*records)[i].from.data(); ++j) {
      std::string_view to = (*records)[j].to;
      if (std::find(links->targets.begin() + begin, links->targets.end(), to) ==
          links->targets.end()) {
        links->targets.push_back(to);
      }
    }
    links->map.Insert((*records)[i].from, static_cast<uint32_t>(links->ranges.size()));
    links->ranges.push_back(begin);
    links->ranges.push_back(static_cast<uint32_t>(links->targets.size()));
    i = j;
  }
}

}  // namespace

void WordNet::Impl::BuildDerivations() {
  MappedFile noun_data, verb_data;
  std::string reason;
  if (!noun_data.Map(cls[kNoun].data.get(), &reason) ||
      !verb_data.Map(cls[kVerb].data.get(), &reason)) {
    return;  // documented: no links then
  }
  std::string_view verb_text = verb_data.text();
  std::vector<LinkRecord> n2v, v2n;
  n2v.reserve(32768);
  v2n.reserve(32768);
  std::vector<std::string_view> words, verb_words;
  // Finds a data-file word in the index: its stored key and the rank of
  // `offset` among its senses. False if absent (never, in a sound database).
  auto resolve = [this](int c, std::string_view word, uint32_t offset, std::string_view* stored,
                        uint32_t* rank) {
    char key[kMaxWord];
    size_t n;
    if (!NormalizeKey(StripMarker(word), key, &n)) return false;
    const uint32_t* e = Entry(c, std::string_view(key, n), stored);
    if (e == nullptr) return false;
    *rank = UINT32_MAX;
    for (uint32_t i = 0; i < e[0]; ++i) {
      if (e[2 + i] == offset) *rank = i;
    }
    return true;
  };
  ForEachLine(noun_data.text(), [&](std::string_view line, size_t) {
    if (line.empty() || line.front() == ' ') return true;
    // Cheap filter: most noun synsets have no pointer to a verb.
    std::string_view head = line.substr(0, line.find(" | "));
    if (head.find(" v ") == std::string_view::npos) return true;
    Fields f(head);
    uint32_t noun_offset, p_cnt;
    if (!ParseUnsigned(Fields(head).Next(), 10, &noun_offset) || !SynsetWords(&f, &words) ||
        !ParseUnsigned(f.Next(), 10, &p_cnt)) {
      return true;
    }
    for (uint32_t i = 0; i < p_cnt; ++i) {
      std::string_view symbol = f.Next(), offset_field = f.Next(), pos = f.Next(), st = f.Next();
      if (symbol != "+" || pos != "v" || st.size() != 4) continue;
      uint32_t verb_offset, source, target;
      if (!ParseUnsigned(offset_field, 10, &verb_offset) ||
          !ParseUnsigned(st.substr(0, 2), 16, &source) ||
          !ParseUnsigned(st.substr(2, 2), 16, &target) || source == 0 || target == 0 ||
          source > words.size() || verb_offset >= verb_text.size()) {
        continue;
      }
      std::string_view verb_line = verb_text.substr(verb_offset);
      Fields vf(verb_line.substr(0, verb_line.find('\n')));
      if (!SynsetWords(&vf, &verb_words) || target > verb_words.size()) continue;
      LinkRecord nv, vn;
      if (!resolve(kNoun, words[source - 1], noun_offset, &nv.from, &nv.rank) ||
          !resolve(kVerb, verb_words[target - 1], verb_offset, &vn.from, &vn.rank)) {
        continue;
      }
      nv.to = vn.from;
      vn.to = nv.from;
      n2v.push_back(nv);
      v2n.push_back(vn);
    }
    return true;
  });
  FinishLinks(cls[kNoun].index_file.text().data(), &n2v, &noun_to_verbs);
  FinishLinks(cls[kVerb].index_file.text().data(), &v2n, &verb_to_nouns);
}

namespace {
std::vector<std::string> LookUpLinks(const Links& links, std::string_view lemma) {
  char key[kMaxWord] = {};  // initialised only to quiet a false -Wmaybe-uninitialized
  size_t n;
  std::vector<std::string> out;
  if (!NormalizeKey(lemma, key, &n)) return out;
  const uint32_t* pos = links.map.Find(std::string_view(key, n));
  if (pos == nullptr) return out;
  for (uint32_t i = links.ranges[*pos]; i < links.ranges[*pos + 1]; ++i) {
    out.push_back(KeyToLemma(links.targets[i]));
  }
  return out;
}
}  // namespace

std::vector<std::string> WordNet::RelatedVerbs(std::string_view noun_lemma) const {
  std::call_once(impl_->derivations_once, [this] { impl_->BuildDerivations(); });
  return LookUpLinks(impl_->noun_to_verbs, noun_lemma);
}

std::vector<std::string> WordNet::RelatedNouns(std::string_view verb_lemma) const {
  std::call_once(impl_->derivations_once, [this] { impl_->BuildDerivations(); });
  return LookUpLinks(impl_->verb_to_nouns, verb_lemma);
}

std::vector<std::string> WordNet::Synonyms(std::string_view lemma, WordClass wc) const {
  char key[kMaxWord];
  size_t n;
  std::vector<std::string> out;
  if (!NormalizeKey(lemma, key, &n)) return out;
  int c = ClassIndex(wc);
  const uint32_t* e = impl_->Entry(c, std::string_view(key, n));
  if (e == nullptr) return out;
  std::string self = KeyToLemma(std::string_view(key, n));
  std::string line;
  std::vector<std::string_view> words;
  for (uint32_t i = 0; i < e[0]; ++i) {
    if (!ReadLineAt(impl_->cls[c].data.get(), e[2 + i], &line)) continue;
    Fields f(line);
    if (!SynsetWords(&f, &words)) continue;
    for (std::string_view w : words) {
      std::string s = KeyToLemma(StripMarker(w));
      if (s != self && std::find(out.begin(), out.end(), s) == out.end())
        out.push_back(std::move(s));
    }
  }
  return out;
}

int WordNet::FirstSenseLexFile(std::string_view lemma, WordClass wc) const {
  char key[kMaxWord];
  size_t n;
  if (!NormalizeKey(lemma, key, &n)) return -1;
  int c = ClassIndex(wc);
  const uint32_t* e = impl_->Entry(c, std::string_view(key, n));
  if (e == nullptr || e[0] == 0) return -1;
  std::string line;
  if (!ReadLineAt(impl_->cls[c].data.get(), e[2], &line)) return -1;
  Fields f(line);
  f.Next();  // synset_offset
  uint32_t lex = 0;
  if (!ParseUnsigned(f.Next(), 10, &lex)) return -1;
  return static_cast<int>(lex);
}

// ---------------------------------------------------------------------------
// Rule-only lemmatiser.

namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool IsVowelY(char c) { return IsVowel(c) || c == 'y'; }
bool HasVowel(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return IsVowelY(c); });
}
// Number of vowel groups, a rough syllable count ("qu" counts as consonant).
int VowelGroups(std::string_view s) {
  int groups = 0;
  bool in = false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool v =
        IsVowelY(s[i]) && !(s[i] == 'u' && i > 0 && s[i - 1] == 'q') && !(s[i] == 'y' && i == 0);
    if (v && !in) ++groups;
    in = v;
  }
  return groups;
}

template <size_t N>
bool OneOf(std::string_view s, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}
template <size_t N>
bool EndsWithOneOf(std::string_view s, const std::array<std::string_view, N>& list) {
  return std::any_of(list.begin(), list.end(), [&](std::string_view x) { return EndsWith(s, x); });
}

using Pair = std::pair<std::string_view, std::string_view>;

// Irregular verb forms -> base. Sorted at first use.
constexpr Pair kIrregularVerbs[] = {
    {"am", "be"},
    {"are", "be"},
    {"is", "be"},
    {"was", "be"},
    {"were", "be"},
    {"been", "be"},
    {"being", "be"},
    {"has", "have"},
    {"had", "have"},
    {"having", "have"},
    {"does", "do"},
    {"did", "do"},
    {"done", "do"},
    {"doing", "do"},
    {"goes", "go"},
    {"went", "go"},
    {"gone", "go"},
    {"going", "go"},
    {"said", "say"},
    {"says", "say"},
    {"met", "meet"},
    {"made", "make"},
    {"making", "make"},
    {"took", "take"},
    {"taken", "take"},
    {"taking", "take"},
    {"gave", "give"},
    {"given", "give"},
    {"giving", "give"},
    {"held", "hold"},
    {"sought", "seek"},
    {"left", "leave"},
    {"leaving", "leave"},
    {"spoke", "speak"},
    {"spoken", "speak"},
    {"told", "tell"},
    {"won", "win"},
    {"winning", "win"},
    {"lost", "lose"},
    {"losing", "lose"},
    {"sent", "send"},
    {"brought", "bring"},
    {"began", "begin"},
    {"begun", "begin"},
    {"beginning", "begin"},
    {"fought", "fight"},
    {"struck", "strike"},
    {"stricken", "strike"},
    {"striking", "strike"},
    {"saw", "see"},
    {"seen", "see"},
    {"came", "come"},
    {"coming", "come"},
    {"knew", "know"},
    {"known", "know"},
    {"thought", "think"},
    {"kept", "keep"},
    {"led", "lead"},
    {"bought", "buy"},
    {"sold", "sell"},
    {"paid", "pay"},
    {"setting", "set"},
    {"putting", "put"},
    {"cutting", "cut"},
    {"hitting", "hit"},
    {"letting", "let"},
    {"built", "build"},
    {"found", "find"},
    {"stood", "stand"},
    {"understood", "understand"},
    {"withdrew", "withdraw"},
    {"withdrawn", "withdraw"},
    {"drew", "draw"},
    {"drawn", "draw"},
    {"shook", "shake"},
    {"shaken", "shake"},
    {"shaking", "shake"},
    {"forbade", "forbid"},
    {"forbidden", "forbid"},
    {"forbidding", "forbid"},
    {"froze", "freeze"},
    {"frozen", "freeze"},
    {"chose", "choose"},
    {"chosen", "choose"},
    {"choosing", "choose"},
    {"rose", "rise"},
    {"risen", "rise"},
    {"rising", "rise"},
    {"drove", "drive"},
    {"driven", "drive"},
    {"driving", "drive"},
    {"wrote", "write"},
    {"written", "write"},
    {"writing", "write"},
    {"broke", "break"},
    {"broken", "break"},
    {"got", "get"},
    {"gotten", "get"},
    {"getting", "get"},
    {"became", "become"},
    {"becoming", "become"},
    {"felt", "feel"},
    {"meant", "mean"},
    {"ran", "run"},
    {"running", "run"},
    {"grew", "grow"},
    {"grown", "grow"},
    {"threw", "throw"},
    {"thrown", "throw"},
    {"fell", "fall"},
    {"fallen", "fall"},
    {"spent", "spend"},
    {"sat", "sit"},
    {"sitting", "sit"},
    {"heard", "hear"},
    {"taught", "teach"},
    {"caught", "catch"},
    {"ate", "eat"},
    {"eaten", "eat"},
    {"forgot", "forget"},
    {"forgotten", "forget"},
    {"hid", "hide"},
    {"hidden", "hide"},
    {"swore", "swear"},
    {"sworn", "swear"},
    {"bore", "bear"},
    {"borne", "bear"},
    {"beat", "beat"},
    {"beaten", "beat"},
    {"bit", "bite"},
    {"bitten", "bite"},
    {"blew", "blow"},
    {"blown", "blow"},
    {"dealt", "deal"},
    {"dug", "dig"},
    {"fed", "feed"},
    {"fled", "flee"},
    {"flew", "fly"},
    {"flown", "fly"},
    {"forgave", "forgive"},
    {"forgiven", "forgive"},
    {"hung", "hang"},
    {"lent", "lend"},
    {"lit", "light"},
    {"rode", "ride"},
    {"ridden", "ride"},
    {"rang", "ring"},
    {"rung", "ring"},
    {"shot", "shoot"},
    {"slid", "slide"},
    {"sped", "speed"},
    {"spun", "spin"},
    {"stole", "steal"},
    {"stolen", "steal"},
    {"stuck", "stick"},
    {"swept", "sweep"},
    {"swam", "swim"},
    {"swum", "swim"},
    {"tore", "tear"},
    {"torn", "tear"},
    {"upheld", "uphold"},
    {"undertook", "undertake"},
    {"undertaken", "undertake"},
    {"underwent", "undergo"},
    {"undergone", "undergo"},
    {"undergoes", "undergo"},
    {"woke", "wake"},
    {"woken", "wake"},
    {"wore", "wear"},
    {"worn", "wear"},
    {"wept", "weep"},
    {"overcame", "overcome"},
    {"oversaw", "oversee"},
    {"overseen", "oversee"},
    {"foresaw", "foresee"},
    {"foreseen", "foresee"},
    {"withheld", "withhold"},
    {"withstood", "withstand"},
    {"mistook", "mistake"},
    {"mistaken", "mistake"},
    {"overrode", "override"},
    {"overridden", "override"},
    {"sank", "sink"},
    {"sunk", "sink"},
    {"sang", "sing"},
    {"sung", "sing"},
    {"strove", "strive"},
    {"striven", "strive"},
    {"slew", "slay"},
    {"slain", "slay"},
    {"sprang", "spring"},
    {"sprung", "spring"},
    {"bound", "bind"},
    {"misled", "mislead"},
    {"rebuilt", "rebuild"},
    {"retook", "retake"},
    {"retaken", "retake"},
    {"reran", "rerun"},
    {"outran", "outrun"},
    {"overtook", "overtake"},
    {"overtaken", "overtake"},
    {"shut", "shut"},
    {"shutting", "shut"},
    {"quit", "quit"},
    {"quitting", "quit"},
    {"split", "split"},
    {"splitting", "split"},
    {"upset", "upset"},
    {"bet", "bet"},
    {"betting", "bet"},
    {"spread", "spread"},
    {"hurt", "hurt"},
    {"cost", "cost"},
    {"read", "read"},
    {"fit", "fit"},
    {"fitting", "fit"},
    {"forecast", "forecast"},
    {"broadcast", "broadcast"},
    {"arose", "arise"},
    {"arisen", "arise"},
    {"arising", "arise"},
    {"awoke", "awake"},
    {"bade", "bid"},
    {"bidden", "bid"},
    {"bred", "breed"},
    {"clung", "cling"},
    {"crept", "creep"},
    {"dove", "dive"},
    {"dreamt", "dream"},
    {"fought", "fight"},
    {"flung", "fling"},
    {"ground", "grind"},
    {"knelt", "kneel"},
    {"leapt", "leap"},
    {"learnt", "learn"},
    {"overheard", "overhear"},
    {"overthrew", "overthrow"},
    {"overthrown", "overthrow"},
    {"paid", "pay"},
    {"rethought", "rethink"},
    {"sewn", "sew"},
    {"shone", "shine"},
    {"shrank", "shrink"},
    {"shrunk", "shrink"},
    {"slept", "sleep"},
    {"sought", "seek"},
    {"spat", "spit"},
    {"stank", "stink"},
    {"stung", "sting"},
    {"strode", "stride"},
    {"strung", "string"},
    {"swung", "swing"},
    {"thrust", "thrust"},
    {"trod", "tread"},
    {"trodden", "tread"},
    {"underwrote", "underwrite"},
    {"underwritten", "underwrite"},
    {"undid", "undo"},
    {"undone", "undo"},
    {"undoes", "undo"},
    {"wound", "wind"},
    {"wrung", "wring"},
    {"redid", "redo"},
    {"redone", "redo"},
    {"outdid", "outdo"},
    {"outdone", "outdo"},
    {"foregone", "forgo"},
    {"forwent", "forgo"},
    {"forgoes", "forgo"},
    {"outgrew", "outgrow"},
    {"outgrown", "outgrow"},
    {"overdid", "overdo"},
    {"overdone", "overdo"},
    {"overran", "overrun"},
    {"partook", "partake"},
    {"reiterated", "reiterate"},
    {"withdrawing", "withdraw"},
    {"lay", "lay"},
    {"laid", "lay"},
    {"lain", "lie"},
    {"lying", "lie"},
    {"dying", "die"},
    {"tying", "tie"},
    {"vying", "vie"},
    {"seeing", "see"},
    {"fleeing", "flee"},
    {"agreeing", "agree"},
};

// Irregular and Latin/Greek plurals -> singular.
constexpr Pair kIrregularNouns[] = {
    {"children", "child"},
    {"men", "man"},
    {"women", "woman"},
    {"feet", "foot"},
    {"teeth", "tooth"},
    {"geese", "goose"},
    {"mice", "mouse"},
    {"lice", "louse"},
    {"oxen", "ox"},
    {"criteria", "criterion"},
    {"phenomena", "phenomenon"},
    {"indices", "index"},
    {"appendices", "appendix"},
    {"matrices", "matrix"},
    {"vertices", "vertex"},
    {"alumni", "alumnus"},
    {"stimuli", "stimulus"},
    {"nuclei", "nucleus"},
    {"fungi", "fungus"},
    {"cacti", "cactus"},
    {"radii", "radius"},
    {"syllabi", "syllabus"},
    {"bacteria", "bacterium"},
    {"curricula", "curriculum"},
    {"memoranda", "memorandum"},
    {"strata", "stratum"},
    {"millennia", "millennium"},
    {"crises", "crisis"},
    {"analyses", "analysis"},
    {"diagnoses", "diagnosis"},
    {"prognoses", "prognosis"},
    {"emphases", "emphasis"},
    {"oases", "oasis"},
    {"axes", "axis"},
    {"wolves", "wolf"},
    {"halves", "half"},
    {"leaves", "leaf"},
    {"lives", "life"},
    {"knives", "knife"},
    {"wives", "wife"},
    {"selves", "self"},
    {"shelves", "shelf"},
    {"thieves", "thief"},
    {"calves", "calf"},
    {"loaves", "loaf"},
    {"quizzes", "quiz"},
    {"people", "people"},
    {"news", "news"},
    {"series", "series"},
    {"species", "species"},
    {"means", "means"},
    {"headquarters", "headquarters"},
    {"aircraft", "aircraft"},
    {"sheep", "sheep"},
    {"deer", "deer"},
    {"fish", "fish"},
};

// Irregular comparatives and superlatives.
constexpr Pair kIrregularAdjs[] = {
    {"better", "good"}, {"best", "good"},    {"worse", "bad"},   {"worst", "bad"},
    {"more", "much"},   {"most", "much"},    {"less", "little"}, {"least", "little"},
    {"further", "far"}, {"furthest", "far"}, {"farther", "far"}, {"farthest", "far"},
    {"elder", "old"},   {"eldest", "old"},
};

// One sorted copy per table, built on first use (thread-safe static init).
template <const auto& kTable>
const std::vector<Pair>& Sorted() {
  static const std::vector<Pair>* sorted = [] {
    auto* v = new std::vector<Pair>(std::begin(kTable), std::end(kTable));
    std::stable_sort(v->begin(), v->end(),
                     [](const Pair& a, const Pair& b) { return a.first < b.first; });
    return v;
  }();
  return *sorted;
}

const std::string_view* FindPair(const std::vector<Pair>& table, std::string_view w) {
  auto it = std::lower_bound(table.begin(), table.end(), w,
                             [](const Pair& p, std::string_view k) { return p.first < k; });
  return (it != table.end() && it->first == w) ? &it->second : nullptr;
}

// Turns the stem left after removing -ing/-ed/-er/-est into a base form:
// undoubles a final consonant ("stopp" -> "stop") or restores a silent e
// ("advocat" -> "advocate") where English spelling makes that likely.
std::string FixStem(std::string stem) {
  size_t n = stem.size();
  if (n < 2) return stem;
  char last = stem[n - 1], prev = stem[n - 2];
  // Whether stem[i] is a consonant; the u of "qu" counts as one.
  auto consonant_at = [&stem](size_t i) {
    return !IsVowel(stem[i]) || (stem[i] == 'u' && i > 0 && stem[i - 1] == 'q');
  };
  bool cvc = n >= 3 && IsVowel(prev) && consonant_at(n - 3);  // ...consonant, vowel, last
  // Doubled final consonant.
  if (last == prev && !IsVowelY(last)) {
    static constexpr std::array<std::string_view, 12> kKeepDouble = {
        "add",  "ebb",     "err",  "egg", "purr", "putt",
        "butt", "boycott", "watt", "inn", "odd",  "buzz"};
    static constexpr std::array<std::string_view, 8> kKeepDoubleL = {
        "install", "fulfill", "instill", "distill", "enroll", "unroll", "extoll", "enthrall"};
    if (OneOf(stem, kKeepDouble)) return stem;
    if (last == 's' || last == 'f' || last == 'z') return stem;  // press, staff, buzz
    if (last == 'l') {
      // call, kill, roll keep "ll"; control, travel, cancel do not.
      if (VowelGroups(stem) <= 1 || EndsWith(stem, "all") || OneOf(stem, kKeepDoubleL)) return stem;
    }
    if (last == 'k' || last == 'c') return stem;
    stem.pop_back();
    return stem;
  }
  // "dy" -> "die", "ly" -> "lie" ("dying" is irregular, but "-ied" lands here too).
  if (n == 2 && last == 'y' && !IsVowel(prev)) return stem;
  if (IsVowel(last) && last != 'u') return stem;  // agree-, see-, radio-
  if (last == 'u') return stem + "e";             // argu(e), continu(e), valu(e)
  if (last == 'v') return stem + "e";             // solv(e), mov(e)
  if (last == 'c') return stem + "e";             // produc(e), forc(e)
  if (last == 'z') return stem + "e";             // emphasiz(e), seiz(e)
  if (last == 's') {
    static constexpr std::array<std::string_view, 6> kNoE = {"focus", "bias", "canvas",
                                                             "alias", "gas",  "bus"};
    if (OneOf(stem, kNoE) || EndsWith(stem, "ss") || EndsWith(stem, "focus") ||
        EndsWith(stem, "chorus")) {
      return stem;
    }
    return stem + "e";  // caus(e), releas(e), propos(e), rais(e), licens(e)
  }
  if (last == 'g') {
    if (prev == 'r' || prev == 'd') return stem + "e";  // urg(e), judg(e)
    if (EndsWith(stem, "chang") || EndsWith(stem, "rang") || EndsWith(stem, "eng") ||
        EndsWith(stem, "ung")) {
      return stem + "e";  // chang(e), arrang(e), challeng(e), lung(e)
    }
    if (IsVowel(prev) && (n == 2 || cvc)) return stem + "e";  // ag(e), manag(e), oblig(e)
    return stem;
  }
  if (last == 'l') {
    // tabl(e), handl(e), settl(e), struggl(e); not curl, growl.
    if (!IsVowelY(prev) && prev != 'r' && prev != 'w') return stem + "e";
    if (cvc && VowelGroups(stem) == 1) return stem + "e";  // rul(e), fil(e)
    // defil(e), consol(e), ridicul(e), schedul(e); not travel, signal, stencil.
    if (cvc && (prev == 'i' || prev == 'o' || prev == 'u') &&
        (!EndsWith(stem, "ncil") || EndsWith(stem, "reconcil"))) {
      return stem + "e";
    }
    return stem;
  }
  if (last == 'd' && cvc) return stem + "e";  // provid(e), conclud(e), invad(e), erod(e)
  if (last == 'b' && cvc && prev == 'i') return stem + "e";  // describ(e), brib(e)
  if (last == 'n') {
    static constexpr std::array<std::string_view, 8> kNe = {
        "postpon", "condon", "aton", "enthron", "dethron", "conven", "interven", "inton"};
    if (EndsWithOneOf(stem, kNe)) return stem + "e";
    if (cvc && prev == 'i') return stem + "e";  // defin(e), declin(e), determin(e)
  }
  if (last == 'k') {
    // mimick -> mimic, panick -> panic (but nitpick, handpick).
    if (EndsWith(stem, "ick") && VowelGroups(stem) >= 2 && !EndsWith(stem, "pick")) {
      stem.pop_back();
      return stem;
    }
    if (cvc) return stem + "e";  // invok(e), provok(e), rebuk(e)
  }
  if (last == 'h') {
    static constexpr std::array<std::string_view, 9> kThe = {
        "eath", "ooth", "eeth", "bath", "loath", "cloth", "writh", "swath", "lath"};
    if (EndsWithOneOf(stem, kThe)) return stem + "e";  // breath(e), sooth(e), bath(e)
  }
  static constexpr std::array<std::string_view, 9> kSuffixE = {
      "typ", "sum", "yl", "cret", "persuad", "dissuad", "scap", "scop", "com"};
  if (EndsWithOneOf(stem, kSuffixE)) return stem + "e";  // typ(e), assum(e), styl(e), escap(e)
  if (last == 'r') {
    static constexpr std::array<std::string_view, 16> kOre = {
        "ignor", "xplor",    "eplor",    "mplor", "scor",  "stor",  "ador",  "snor",
        "shor",  "interfer", "persever", "adher", "coher", "rever", "squar", "inspir"};
    if (EndsWithOneOf(stem, kOre)) return stem + "e";
    // declar(e), prepar(e), ensur(e), requir(e); not pour, clear, offer, honor.
    if ((prev == 'a' || prev == 'u' || prev == 'i') && cvc) return stem + "e";
    return stem;
  }
  if (last == 't') {
    static constexpr std::array<std::string_view, 12> kTe = {
        "complet", "compet", "delet", "deplet", "invit",   "unit",
        "ignit",   "excit",  "recit", "incit",  "expedit", "creat"};
    static constexpr std::array<std::string_view, 6> kNoTe = {"combat",   "input",  "output",
                                                              "shortcut", "format", "habitat"};
    if (EndsWithOneOf(stem, kTe)) return stem + "e";
    if (OneOf(stem, kNoTe)) return stem;
    // advocat(e), negotiat(e), evaluat(e); not treat, float.
    if (prev == 'a' && n >= 3 && stem[n - 3] != 'e' && stem[n - 3] != 'o' && stem[n - 3] != 'a') {
      return stem + "e";
    }
    if (prev == 'u' && n >= 3 && !IsVowel(stem[n - 3])) return stem + "e";  // contribut(e)
    if (EndsWith(stem, "promot") || EndsWith(stem, "devot") || EndsWith(stem, "denot") ||
        EndsWith(stem, "emot")) {
      return stem + "e";  // vot(e) and quot(e) are caught by the one-syllable rule below
    }
  }
  // A prefix on a one-syllable base: renam(e), outvot(e), overcom(e).
  static constexpr std::array<std::string_view, 7> kPrefixes = {"re",    "out", "mis", "over",
                                                                "under", "pre", "un"};
  for (std::string_view p : kPrefixes) {
    std::string_view rest = std::string_view(stem).substr(std::min(p.size(), n));
    if (stem.starts_with(p) && rest.size() >= 3 && VowelGroups(rest) == 1 && !IsVowelY(last) &&
        last != 'w' && last != 'x' && IsVowel(prev) && consonant_at(n - 3) &&
        VowelGroups(std::string_view(stem).substr(0, p.size())) == 1) {
      return stem + "e";
    }
  }
  // A one-syllable consonant-vowel-consonant stem would have doubled its
  // consonant if the base ended in it ("hopping"), so here the base has an e:
  // hop(e), smok(e), tim(e), typ(e).
  if (VowelGroups(stem) == 1 && n >= 2 && !IsVowelY(last) && last != 'w' && last != 'x' &&
      IsVowelY(prev) &&
      (n == 2 || !IsVowelY(stem[n - 3]) || (stem[n - 3] == 'u' && n >= 4 && stem[n - 4] == 'q'))) {
    return stem + "e";
  }
  return stem;
}

std::string RuleVerb(const std::string& w) {
  if (const std::string_view* base = FindPair(Sorted<kIrregularVerbs>(), w))
    return std::string(*base);
  size_t n = w.size();
  if (n <= 3) return w;
  if (EndsWith(w, "ies")) return n <= 4 ? w.substr(0, n - 1) : w.substr(0, n - 3) + "y";
  if (EndsWith(w, "ied")) return n <= 4 ? w.substr(0, n - 1) : w.substr(0, n - 3) + "y";
  if (EndsWith(w, "ing")) {
    std::string stem = w.substr(0, n - 3);
    if (stem.size() < 2 || !HasVowel(stem)) return w;  // bring, sing, string
    if (stem.size() == 2 && stem[1] == 'y' && !IsVowel(stem[0]))
      return std::string(1, stem[0]) + "ie";
    static constexpr std::array<std::string_view, 4> kLie = {"underly", "overly", "bely", "outly"};
    if (OneOf(std::string_view(stem), kLie)) return stem.substr(0, stem.size() - 1) + "ie";
    return FixStem(stem);
  }
  if (EndsWith(w, "ed")) {
    static constexpr std::array<std::string_view, 14> kEedBase = {
        "need",   "feed",    "seed",    "heed", "bleed", "breed", "speed",
        "exceed", "proceed", "succeed", "weed", "embed", "shred", "wed"};
    if (OneOf(std::string_view(w), kEedBase)) return w;
    if (EndsWith(w, "eed")) return w.substr(0, n - 1);  // agreed, freed, guaranteed
    std::string stem = w.substr(0, n - 2);
    if (!HasVowel(stem)) return w;                                                   // shed, bed
    if (stem.size() == 2 && stem[1] == 'y' && !IsVowel(stem[0])) return stem + "e";  // dyed
    return FixStem(stem);
  }
  if (EndsWith(w, "s")) {
    if (EndsWith(w, "ss") || EndsWith(w, "us") || EndsWith(w, "is")) return w;
    if (EndsWith(w, "sses") || EndsWith(w, "zzes") || EndsWith(w, "xes") || EndsWith(w, "ches") ||
        EndsWith(w, "shes")) {
      return w.substr(0, n - 2);
    }
    static constexpr std::array<std::string_view, 7> kEsStem = {"focus", "bias", "canvas", "alias",
                                                                "veto",  "echo", "gas"};
    if (OneOf(std::string_view(w).substr(0, n - 2), kEsStem)) return w.substr(0, n - 2);
    static constexpr std::array<std::string_view, 6> kOeVerbs = {"toe",   "hoe",    "shoe",
                                                                 "canoe", "tiptoe", "woe"};
    if (EndsWith(w, "oes") && !OneOf(std::string_view(w).substr(0, n - 1), kOeVerbs)) {
      return w.substr(0, n - 2);  // torpedoes, vetoes
    }
    return w.substr(0, n - 1);
  }
  return w;
}

std::string RuleNoun(const std::string& w) {
  if (const std::string_view* base = FindPair(Sorted<kIrregularNouns>(), w))
    return std::string(*base);
  size_t n = w.size();
  std::string_view sv = w;
  if (n <= 3 || w.back() != 's') {
    if (EndsWith(w, "men") && n > 4) {
      static constexpr std::array<std::string_view, 16> kMenSingular = {
          "specimen", "abdomen", "omen",    "amen",     "regimen", "semen",    "stamen", "hymen",
          "acumen",   "albumen", "bitumen", "cyclamen", "dolmen",  "gravamen", "lumen",  "yemen"};
      if (!OneOf(sv, kMenSingular)) return w.substr(0, n - 3) + "man";
    }
    return w;
  }
  static constexpr std::array<std::string_view, 24> kKeepS = {
      "politics",  "economics",   "physics",      "mathematics", "ethics",     "logistics",
      "athletics", "linguistics", "genetics",     "electronics", "aesthetics", "gymnastics",
      "dynamics",  "geopolitics", "robotics",     "forensics",   "news",       "series",
      "species",   "means",       "headquarters", "whereabouts", "arms",       "aids"};
  static constexpr std::array<std::string_view, 12> kIsSingular = {
      "iris",    "ibis",   "mantis",   "penis",   "pelvis", "trellis",
      "chassis", "tennis", "cannabis", "marquis", "debris", "paris"};
  static constexpr std::array<std::string_view, 8> kAsSingular = {
      "gas", "bias", "atlas", "canvas", "alias", "pancreas", "christmas", "whereas"};
  static constexpr std::array<std::string_view, 10> kUPlural = {
      "gurus", "hindus", "menus", "emus", "zulus", "tutus", "haikus", "tabus", "gnus", "kudzus"};
  if (OneOf(sv, kKeepS) || OneOf(sv, kIsSingular) || OneOf(sv, kAsSingular)) return w;
  if (OneOf(sv, kUPlural)) return w.substr(0, n - 1);
  // crisis, basis, thesis, axis, arthritis stay; israelis, iraqis, kiwis lose the s.
  if (EndsWith(w, "is")) {
    static constexpr std::array<std::string_view, 4> kIsEndings = {"sis", "xis", "tis", "polis"};
    return EndsWithOneOf(sv, kIsEndings) ? w : w.substr(0, n - 1);
  }
  if (EndsWith(w, "ss") || EndsWith(w, "us") || EndsWith(w, "ous")) return w;
  if (EndsWith(w, "ies")) {
    // Nouns in -ie: movies, calories, cookies; the rest are -y: countries.
    static constexpr std::array<std::string_view, 40> kIeNouns = {
        "movie",   "calorie",   "cookie",  "rookie",     "zombie",  "hippie",  "goalie",
        "selfie",  "prairie",   "groupie", "magpie",     "brownie", "genie",   "pie",
        "tie",     "lie",       "die",     "smoothie",   "yuppie",  "freebie", "aussie",
        "birdie",  "bookie",    "boogie",  "junkie",     "newbie",  "oldie",   "pixie",
        "quickie", "sweetie",   "techie",  "veggie",     "auntie",  "beanie",  "coterie",
        "reverie", "menagerie", "sortie",  "rotisserie", "necktie"};
    std::string_view ie = sv.substr(0, n - 1);
    if (n <= 4 || OneOf(ie, kIeNouns)) return std::string(ie);
    return w.substr(0, n - 3) + "y";
  }
  if (EndsWith(w, "yses")) return w.substr(0, n - 2) + "is";    // analyses
  if (EndsWith(w, "theses")) return w.substr(0, n - 2) + "is";  // hypotheses
  if (EndsWith(w, "sses") || EndsWith(w, "shes") || EndsWith(w, "xes") || EndsWith(w, "zzes")) {
    return w.substr(0, n - 2);
  }
  if (EndsWith(w, "ches")) {
    static constexpr std::array<std::string_view, 16> kChe = {
        "ache",   "headache", "heartache", "toothache", "backache", "stomachache",
        "niche",  "cache",    "avalanche", "moustache", "mustache", "psyche",
        "cliche", "creche",   "quiche",    "microfiche"};
    return OneOf(sv.substr(0, n - 1), kChe) ? w.substr(0, n - 1) : w.substr(0, n - 2);
  }
  if (EndsWith(w, "ses")) {
    std::string_view stem = sv.substr(0, n - 2);
    if (OneOf(stem, kAsSingular) || OneOf(stem, kIsSingular)) return std::string(stem);
    if (EndsWith(stem, "us") && stem.size() >= 3 && !IsVowel(stem[stem.size() - 3])) {
      // virus, bonus, campus, status; but abuse, excuse, fuse, use, refuse.
      static constexpr std::array<std::string_view, 12> kUseNouns = {
          "abus",  "excus", "fus",    "us",    "mus",    "rus",
          "misus", "reus",  "reclus", "refus", "overus", "ecus"};
      if (!OneOf(stem, kUseNouns)) return std::string(stem);
    }
    return w.substr(0, n - 1);  // houses, cases, promises, responses
  }
  if (EndsWith(w, "oes") && n > 4) {
    static constexpr std::array<std::string_view, 14> kOe = {
        "shoe", "canoe", "oboe", "toe", "foe", "hoe",       "tiptoe",
        "woe",  "floe",  "sloe", "roe", "doe", "horseshoe", "snowshoe"};
    return OneOf(sv.substr(0, n - 1), kOe) ? w.substr(0, n - 1) : w.substr(0, n - 2);
  }
  return w.substr(0, n - 1);
}

std::string RuleAdj(const std::string& w) {
  if (const std::string_view* base = FindPair(Sorted<kIrregularAdjs>(), w))
    return std::string(*base);
  size_t n = w.size();
  if (n <= 4) return w;
  if (EndsWith(w, "iest")) return w.substr(0, n - 4) + "y";
  if (EndsWith(w, "ier")) return w.substr(0, n - 3) + "y";
  static constexpr std::array<std::string_view, 27> kErBase = {
      "former", "other",    "proper",  "clever", "bitter", "sober", "tender",
      "eager",  "latter",   "under",   "inner",  "outer",  "upper", "utter",
      "silver", "sinister", "slender", "over",   "super",  "after", "neither",
      "either", "together", "whether", "sheer",  "queer",  "meager"};
  static constexpr std::array<std::string_view, 6> kEstBase = {"honest",   "modest", "earnest",
                                                               "manifest", "west",   "interest"};
  std::string stem;
  if (EndsWith(w, "est") && !OneOf(std::string_view(w), kEstBase)) {
    stem = w.substr(0, n - 3);
  } else if (EndsWith(w, "er") && !OneOf(std::string_view(w), kErBase)) {
    stem = w.substr(0, n - 2);
  } else {
    return w;
  }
  if (stem.size() >= 2 && stem.back() == stem[stem.size() - 2] && !IsVowelY(stem.back()) &&
      stem.back() != 'l' && stem.back() != 's') {
    stem.pop_back();  // bigger, hottest
    return stem;
  }
  // larger, wider, safer, nicer: a one-syllable stem ending vowel+consonant
  // had an e ("great", "cheap" have two vowels and do not).
  size_t m = stem.size();
  if (VowelGroups(stem) == 1 && m >= 2 && !IsVowelY(stem[m - 1]) && IsVowel(stem[m - 2]) &&
      (m == 2 || !IsVowelY(stem[m - 3])) && stem[m - 1] != 'w' && stem[m - 1] != 'x') {
    return stem + "e";
  }
  if (!stem.empty() && (stem.back() == 'e' || stem.back() == 'c'))
    return stem + "e";  // freer, scarcer
  if (EndsWith(stem, "rg") || EndsWith(stem, "bl") || EndsWith(stem, "pl") ||
      EndsWith(stem, "tl") || EndsWith(stem, "ur") || EndsWith(stem, "nc") ||
      EndsWith(stem, "rs")) {
    return stem + "e";  // larg(e), nobl(e), simpl(e), subtl(e), secur(e), spars(e)
  }
  return stem;
}

}  // namespace

std::string RuleLemma(std::string_view word, WordClass wc) {
  std::string w(word);
  for (char& c : w) c = AsciiLower(c);
  if (w.empty() || w.size() > kMaxWord) return w;
  switch (wc) {
    case WordClass::kVerb:
      return RuleVerb(w);
    case WordClass::kNoun:
      return RuleNoun(w);
    case WordClass::kAdj:
      return RuleAdj(w);
    case WordClass::kAdv:
      return w;
  }
  return w;
}

}  // namespace newsgraph::extract
