// A progress line for long runs on a terminal: a bar, documents, MB done
// (of the estimated total), rate and time left, redrawn at most ten times a
// second on stderr. It draws nothing when stderr is not a terminal or when
// the caller disables it (--quiet), so logs and pipes stay clean.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace newsgraph::cli {

class Progress {
 public:
  // `inputs` as given on the command line; their size (document text, as
  // estimated from file sizes and a sample of each JSON Lines file) is the
  // 100 % mark. Standard input has no known size: no bar, no time left.
  Progress(const std::vector<std::string>& inputs, bool enabled, const char* what);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  bool enabled() const { return enabled_; }
  // One document done, with `text_bytes` of text. Call from one thread.
  void Add(uint64_t text_bytes) {
    if (!enabled_) return;
    ++docs_;
    bytes_ += text_bytes;
    auto now = std::chrono::steady_clock::now();
    if (now >= next_draw_) Draw(now);
  }
  // Clears the line so that a message can be printed; the next update
  // draws it again. Any thread.
  void Clear();
  // Clears the line for good (also done by the destructor).
  void Finish();

 private:
  void Draw(std::chrono::steady_clock::time_point now);

  std::mutex mu_;  // the terminal line
  bool enabled_ = false, drawn_ = false;
  std::string what_;
  uint64_t docs_ = 0, bytes_ = 0;
  double total_bytes_ = 0;  // 0: unknown
  std::chrono::steady_clock::time_point start_, next_draw_;
};

// Estimated bytes of document text in the inputs (files, folders): text
// files count whole, JSON Lines files by the share of "text" in their first
// megabyte. Returns 0 when an input is standard input.
double EstimateTextBytes(const std::vector<std::string>& inputs);

}  // namespace newsgraph::cli
