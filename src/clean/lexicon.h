// clean/lexicon.h: the site-chrome lexicon (data/lexicon/chrome.tsv) and the
// byline lexicon (data/lexicon/bylines.tsv), loaded once and shared read-only.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rasd/result.h"

namespace rasd::clean {

// The key lines are compared by: NormalizeKey(), then every run of characters that
// are neither letters nor digits becomes one space, trimmed.
std::string LineKey(std::string_view line);

// True when key `s` starts with the words of `prefix` (whole words).
bool StartsWithWord(std::string_view s, std::string_view prefix);

class ChromeLexicon {
 public:
  static Result<std::shared_ptr<const ChromeLexicon>> Load(const std::string& chrome_tsv,
                                                           const std::string& bylines_tsv);

  // The removal reason when the whole line is chrome, else nullptr. `key` = LineKey(line).
  const std::string* Match(std::string_view key) const;

  // Byline parts. A team suffix ("فريق التحرير") after a dash names the outlet before it;
  // an author prefix ("بقلم") names the author after it; a source prefix ("المصدر") names
  // the outlet after it.
  const std::vector<std::string>& team_suffixes() const { return team_; }
  const std::vector<std::string>& author_prefixes() const { return author_; }
  const std::vector<std::string>& source_prefixes() const { return source_; }
  // First words of an author's biography line ("كاتب صحفي متخصص …").
  const std::vector<std::string>& bio_prefixes() const { return bio_; }
  const std::vector<std::string>& tail_prefixes() const { return tail_; }
  const std::string& version() const { return version_; }
  size_t size() const { return exact_.size() + prefix_.size() + contains_.size(); }

 private:
  std::unordered_map<std::string, std::string> exact_;
  std::vector<std::pair<std::string, std::string>> prefix_, contains_;
  // The contains-patterns are found in one pass over a line: every 4-byte window is
  // hashed into this filter, and only windows that may start a pattern are compared.
  static constexpr uint32_t kGramBits = 1u << 16;
  std::vector<uint64_t> gram_filter_ = std::vector<uint64_t>(kGramBits / 64);
  static uint32_t GramHash(const char* p);
  const std::string* FindContained(std::string_view key) const;
  std::vector<std::string> team_, author_, source_, bio_, tail_;
  std::string version_;
};

}  // namespace rasd::clean
