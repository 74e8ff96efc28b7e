// apps/cli/progress.h: a progress bar with rate and ETA on stderr, shown only
// when stderr is a terminal.
#pragma once

#include <chrono>
#include <cstdint>

namespace rasd::cli {

class Progress {
 public:
  Progress(uint64_t total_bytes, bool enabled);
  ~Progress();
  void Update(size_t articles, uint64_t bytes_done);
  // Erases the bar (before other output on stderr); the next Update draws it again.
  void Clear();
  void Finish() { Clear(); }

 private:
  uint64_t total_;
  bool enabled_, drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace rasd::cli
