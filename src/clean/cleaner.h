// clean/cleaner.h: raw article text → the body a careful editor would keep.
//
// Line by line: site chrome (lexicon), the headline and its repetitions, bylines
// and source lines, the related-links tail after "مقالات ذات صلة"; then, in what is
// kept, words split to dodge filters are rejoined (العقـ.ـوبات → العقوبات) and
// elongation (tatweel) is removed. Every dropped line is recorded with a reason.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "clean/lexicon.h"
#include "rasd/document.h"

namespace rasd::clean {

struct CleanInput {
  std::string_view text;                 // plain text, lines separated by '\n'
  std::optional<std::string> title;      // known headline (JSONL, HTML metadata)
  std::vector<Removed> pre_removed;      // lines an earlier stage dropped (HTML chrome)
  // Line keys (LineKey) learned as this outlet's chrome from many of its articles.
  const std::unordered_set<std::string>* learned = nullptr;
};

// Rejoins split words and removes tatweel in one line; appends to `repairs`.
std::string RepairLine(std::string_view line, std::vector<Repair>* repairs);

class Cleaner {
 public:
  explicit Cleaner(const ChromeLexicon& lexicon) : lex_(lexicon) {}
  // Fills doc.text, title, subtitle, removed, repairs, and outlet/author when the
  // text names them and they are not already set.
  void Clean(const CleanInput& input, Document& doc) const;

 private:
  const ChromeLexicon& lex_;
};

}  // namespace rasd::clean
