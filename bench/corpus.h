// Benchmark corpora: a JSON Lines corpus of a chosen size built from the
// shared news corpora (../shared/corpora), shared by corpus_gen and
// pipeline_bench. Articles are repeated in shuffled order and varied so that
// no two documents have the same text (else build's content-hash dedup would
// skip the repeats and the benchmark would measure nothing): a Wikinews
// article gets its paragraphs shuffled and zero to two Current Events items
// appended; a "digest" joins two to six Current Events items as paragraphs.
// Every document gets a fresh id ("bench-000001"). Same seed, same corpus.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/reader.h"

namespace newsgraph::bench {

struct SourceArticle {
  std::string title, date, url;
  std::vector<std::string> paragraphs;  // split at blank lines
};

struct Sources {
  std::vector<SourceArticle> articles;  // full articles (Wikinews)
  std::vector<SourceArticle> items;     // short items (Current Events)
  uint64_t bytes = 0;                   // text bytes read
};

inline std::vector<std::string> SplitParagraphs(const std::string& text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find("\n\n", i);
    if (j == std::string::npos) j = text.size();
    std::string p = text.substr(i, j - i);
    size_t b = p.find_first_not_of(" \t\r\n"), e = p.find_last_not_of(" \t\r\n");
    if (b != std::string::npos) out.push_back(p.substr(b, e - b + 1));
    i = j + 2;
  }
  return out;
}

// Reads the shared corpora from `dir`. A missing file is skipped with a
// message in *messages; returns false when neither file is there.
inline bool LoadSources(const std::string& dir, Sources* out, std::vector<std::string>* messages) {
  const std::pair<const char*, bool> files[] = {{"wikinews-2019-2020.jsonl", true},
                                                {"current-events-2025.jsonl", false}};
  for (const auto& [name, full] : files) {
    std::string path = (std::filesystem::path(dir) / name).string();
    if (!std::filesystem::exists(path)) {
      messages->push_back("skipped " + path + ": not found");
      continue;
    }
    extract::DocumentReader reader;
    reader.Read(
        {path},
        [&](graph::Document&& d) {
          SourceArticle a;
          a.title = d.title;
          a.date = d.date;
          a.url = d.url;
          a.paragraphs = SplitParagraphs(d.text);
          out->bytes += d.text.size();
          if (!a.paragraphs.empty()) (full ? out->articles : out->items).push_back(std::move(a));
        },
        [&](const extract::Diagnostic& d) { messages->push_back(d.ToString()); });
  }
  return !out->articles.empty() || !out->items.empty();
}

inline void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          *out += buf;
        } else {
          out->push_back(ch);
        }
    }
  }
  out->push_back('"');
}

struct CorpusStats {
  uint64_t documents = 0, text_bytes = 0, file_bytes = 0;
};

// Writes documents to `out` until about target_bytes of JSON Lines are
// written. Every document text is distinct.
inline CorpusStats WriteCorpus(const Sources& src, uint64_t target_bytes, uint64_t seed, std::ostream& out) {
  std::mt19937_64 rng(seed);
  CorpusStats st;
  std::unordered_set<uint64_t> seen;  // 64-bit FNV-1a of every text written
  std::vector<size_t> order_a(src.articles.size()), order_i(src.items.size());
  for (size_t k = 0; k < order_a.size(); ++k) order_a[k] = k;
  for (size_t k = 0; k < order_i.size(); ++k) order_i[k] = k;
  size_t pos_a = order_a.size(), pos_i = order_i.size();
  auto next_article = [&]() -> const SourceArticle& {
    if (pos_a == order_a.size()) { std::shuffle(order_a.begin(), order_a.end(), rng); pos_a = 0; }
    return src.articles[order_a[pos_a++]];
  };
  auto next_item = [&]() -> const SourceArticle& {
    if (pos_i == order_i.size()) { std::shuffle(order_i.begin(), order_i.end(), rng); pos_i = 0; }
    return src.items[order_i[pos_i++]];
  };
  std::string line, text;
  std::vector<std::string> paras;
  while (st.file_bytes < target_bytes) {
    const SourceArticle* head = nullptr;
    for (int attempt = 0;; ++attempt) {
      paras.clear();
      bool full = !src.articles.empty() && (src.items.empty() || rng() % 2 == 0);
      if (full) {
        head = &next_article();
        paras = head->paragraphs;
        if (attempt > 0 || st.documents >= src.articles.size())
          std::shuffle(paras.begin(), paras.end(), rng);
        int extra = src.items.empty() ? 0 : static_cast<int>(rng() % 3);
        for (int k = 0; k < extra; ++k) paras.push_back(next_item().paragraphs.front());
      } else {
        head = &next_item();
        paras.push_back(head->paragraphs.front());
        int more = 1 + static_cast<int>(rng() % 5);
        for (int k = 0; k < more; ++k) paras.push_back(next_item().paragraphs.front());
      }
      text.clear();
      for (const auto& p : paras) {
        if (!text.empty()) text += "\n\n";
        text += p;
      }
      uint64_t h = 1469598103934665603ull;
      for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
      if (seen.insert(h).second) break;
    }
    char id[32];
    std::snprintf(id, sizeof id, "bench-%07llu", static_cast<unsigned long long>(st.documents + 1));
    line = "{\"id\":";
    AppendJsonString(id, &line);
    line += ",\"title\":";
    AppendJsonString(head->title.empty() ? "Current events " + head->date : head->title, &line);
    line += ",\"date\":";
    AppendJsonString(head->date, &line);
    if (!head->url.empty()) {
      line += ",\"url\":";
      AppendJsonString(head->url, &line);
    }
    line += ",\"text\":";
    AppendJsonString(text, &line);
    line += "}\n";
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
    ++st.documents;
    st.text_bytes += text.size();
    st.file_bytes += line.size();
  }
  return st;
}

}  // namespace newsgraph::bench
