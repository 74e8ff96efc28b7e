#include "progress.h"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace rasd::cli {

Progress::Progress(uint64_t total_bytes, bool enabled)
    : total_(total_bytes), enabled_(enabled && isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() { Finish(); }

void Progress::Update(size_t articles, uint64_t done) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  double rate = secs > 0 ? articles / secs : 0;
  double frac = total_ ? std::min(1.0, double(done) / double(total_)) : 0;
  const int width = 30;
  int filled = static_cast<int>(frac * width);
  std::string bar(filled, '#');
  bar.resize(width, '.');
  double eta = frac > 0 ? secs * (1 - frac) / frac : 0;
  std::fprintf(stderr, "\r[%s] %3.0f%%  %zu articles  %.0f/s  %.1f MB/s  ETA %02d:%02d ", bar.c_str(), frac * 100,
               articles, rate, secs > 0 ? done / secs / 1048576.0 : 0, int(eta) / 60, int(eta) % 60);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::Clear() {
  if (!enabled_ || !drawn_) return;
  drawn_ = false;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
}

}  // namespace rasd::cli
