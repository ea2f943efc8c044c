// Terminal progress line; see progress.h.
#include "cli/progress.h"

#include <rapidjson/document.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace newsgraph::cli {
namespace {

std::string Ext(const fs::path& p) {
  std::string e = p.extension().string();
  for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e;
}

// Share of document text in a JSON Lines file, from its first megabyte.
double TextShare(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  uint64_t line_bytes = 0, text_bytes = 0;
  while (line_bytes < (1u << 20) && std::getline(in, line)) {
    line_bytes += line.size() + 1;
    rapidjson::Document d;
    d.Parse<rapidjson::kParseStopWhenDoneFlag>(line.data(), line.size());
    if (d.HasParseError() || !d.IsObject()) continue;
    auto it = d.FindMember("text");
    if (it != d.MemberEnd() && it->value.IsString()) text_bytes += it->value.GetStringLength();
  }
  return line_bytes ? static_cast<double>(text_bytes) / line_bytes : 1.0;
}

double FileTextBytes(const fs::path& p) {
  std::error_code ec;
  double size = static_cast<double>(fs::file_size(p, ec));
  if (ec) return 0;
  std::string e = Ext(p);
  if (e == ".jsonl" || e == ".ndjson") return size * TextShare(p.string());
  if (e == ".txt" || e == ".md" || e == ".markdown" || e == ".text") return size;
  return 0;
}

std::string Clock(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

}  // namespace

double EstimateTextBytes(const std::vector<std::string>& inputs) {
  double total = 0;
  for (const auto& input : inputs) {
    if (input == "-") return 0;
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      for (fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end; it.increment(ec)) {
        std::error_code fec;
        if (it->is_regular_file(fec)) total += FileTextBytes(it->path());
      }
    } else {
      total += FileTextBytes(input);
    }
  }
  return total;
}

Progress::Progress(const std::vector<std::string>& inputs, bool enabled, const char* what)
    : enabled_(enabled && isatty(fileno(stderr))), what_(what) {
  if (!enabled_) return;
  total_bytes_ = EstimateTextBytes(inputs);
  start_ = std::chrono::steady_clock::now();
  next_draw_ = start_ + std::chrono::milliseconds(300);
}

Progress::~Progress() { Finish(); }

void Progress::Clear() {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (drawn_) std::fputs("\r\x1b[K", stderr);
  drawn_ = false;
}

void Progress::Finish() {
  Clear();
  enabled_ = false;
}

void Progress::Draw(std::chrono::steady_clock::time_point now) {
  next_draw_ = now + std::chrono::milliseconds(100);
  double elapsed = std::chrono::duration<double>(now - start_).count();
  double mb = bytes_ / 1e6, rate = elapsed > 0 ? mb / elapsed : 0;
  char line[256];
  int n = 0;
  if (total_bytes_ > 0) {
    // The estimate may fall short; the bar then waits at 99 %.
    double frac = std::min(0.99, bytes_ / total_bytes_);
    const int width = 24;
    int filled = static_cast<int>(frac * width);
    std::string bar(filled, '#');
    bar.append(width - filled, '.');
    double left = rate > 0 ? (total_bytes_ / 1e6 - mb) / rate : 0;
    n = std::snprintf(line, sizeof line, "%s [%s] %3.0f%%  %llu docs  %.1f/%.1f MB  %.2f MB/s  %s left",
                      what_.c_str(), bar.c_str(), frac * 100, static_cast<unsigned long long>(docs_), mb,
                      std::max(mb, total_bytes_ / 1e6), rate, Clock(std::max(0.0, left)).c_str());
  } else {
    n = std::snprintf(line, sizeof line, "%s  %llu docs  %.1f MB  %.2f MB/s  %s", what_.c_str(),
                      static_cast<unsigned long long>(docs_), mb, rate, Clock(elapsed).c_str());
  }
  (void)n;
  std::lock_guard<std::mutex> lock(mu_);
  std::fprintf(stderr, "\r%s\x1b[K", line);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace newsgraph::cli
