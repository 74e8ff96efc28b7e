#include "clean/lexicon.h"

#include "text/arabic.h"
#include "text/tsv.h"
#include "text/utf8.h"

namespace rasd::clean {

std::string LineKey(std::string_view line) {
  std::string key;
  key.reserve(line.size());
  size_t i = 0;
  bool space = true;  // suppress leading spaces
  while (i < line.size()) {
    char32_t c = text::FoldChar(text::DecodeNext(line, i));
    if (!c) continue;
    if (text::IsLetter(c) || text::IsDigit(c)) {
      text::AppendUtf8(key, c);
      space = false;
    } else if (!space) {
      key += ' ';
      space = true;
    }
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

Result<std::shared_ptr<const ChromeLexicon>> ChromeLexicon::Load(const std::string& chrome_tsv,
                                                                 const std::string& bylines_tsv) {
  auto lex = std::make_shared<ChromeLexicon>();
  auto chrome = text::ReadTsv(chrome_tsv, {"match", "pattern", "reason"});
  if (!chrome.ok()) return chrome.error();
  const auto& t = chrome.value();
  lex->version_ = t.version;
  int m = t.Column("match"), p = t.Column("pattern"), r = t.Column("reason");
  for (const auto& row : t.rows) {
    std::string key = LineKey(row.fields[p]);
    const std::string& reason = row.fields[r];
    const std::string& match = row.fields[m];
    if (key.empty()) continue;
    if (match == "line") lex->exact_.emplace(key, reason);
    else if (match == "prefix") lex->prefix_.emplace_back(key, reason);
    else if (match == "contains") lex->contains_.emplace_back(key, reason);
    else return Error{ErrorCode::kBadData, "unknown match kind '" + match + "'", chrome_tsv, row.line};
  }
  auto bylines = text::ReadTsv(bylines_tsv, {"kind", "pattern"});
  if (!bylines.ok()) return bylines.error();
  const auto& b = bylines.value();
  int k = b.Column("kind"), bp = b.Column("pattern");
  for (const auto& row : b.rows) {
    std::string key = LineKey(row.fields[bp]);
    const std::string& kind = row.fields[k];
    if (kind == "team-suffix") lex->team_.push_back(key);
    else if (kind == "author-prefix") lex->author_.push_back(key);
    else if (kind == "source-prefix") lex->source_.push_back(key);
    else if (kind == "bio-prefix") lex->bio_.push_back(key);
    else if (kind == "tail-prefix") lex->tail_.push_back(std::string(text::Trim(row.fields[bp])));
    else return Error{ErrorCode::kBadData, "unknown byline kind '" + kind + "'", bylines_tsv, row.line};
  }
  return std::shared_ptr<const ChromeLexicon>(std::move(lex));
}

bool StartsWithWord(std::string_view s, std::string_view prefix) {
  return !prefix.empty() && s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0 &&
         (s.size() == prefix.size() || s[prefix.size()] == ' ');
}

const std::string* ChromeLexicon::Match(std::string_view key) const {
  if (key.empty()) return nullptr;
  if (auto it = exact_.find(std::string(key)); it != exact_.end()) return &it->second;
  for (const auto& [prefix, reason] : prefix_)
    if (StartsWithWord(key, prefix)) return &reason;
  // Banners and prompts are short; a long paragraph is never one line of chrome.
  if (key.size() > 1200) return nullptr;
  for (const auto& [needle, reason] : contains_)
    if (key.find(needle) != std::string_view::npos) return &reason;
  return nullptr;
}

}  // namespace rasd::clean
