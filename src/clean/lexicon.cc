#include "clean/lexicon.h"

#include <array>
#include <cstring>

#include "text/arabic.h"
#include "text/tsv.h"
#include "text/utf8.h"

namespace rasd::clean {

namespace {

// What LineKey does with each code point below U+0700 (ASCII, Latin-1, Arabic), computed
// once from FoldChar/IsLetter/IsDigit so the fast path cannot disagree with the slow one.
struct KeyChar {
  uint8_t kind = 0;  // 0 dropped, 1 part of a word, 2 a separator
  uint8_t len = 0;   // UTF-8 bytes of the folded character
  char bytes[4] = {};
};

const std::array<KeyChar, 0x700>& KeyTable() {
  static const std::array<KeyChar, 0x700> table = [] {
    std::array<KeyChar, 0x700> t{};
    for (char32_t c = 0; c < 0x700; ++c) {
      char32_t f = text::FoldChar(c);
      KeyChar& k = t[c];
      if (!f) continue;
      if (text::IsLetter(f) || text::IsDigit(f)) {
        std::string u;
        text::AppendUtf8(u, f);
        k.kind = 1;
        k.len = static_cast<uint8_t>(u.size());
        std::memcpy(k.bytes, u.data(), u.size());
      } else {
        k.kind = 2;
      }
    }
    return t;
  }();
  return table;
}

}  // namespace

std::string LineKey(std::string_view line) {
  const auto& table = KeyTable();
  std::string key;
  key.reserve(line.size());
  size_t i = 0;
  bool space = true;  // suppress leading spaces
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  while (i < line.size()) {
    char32_t c;
    const unsigned char b = p[i];
    if (b < 0x80) {
      c = b;
      ++i;
    } else if (b >= 0xC2 && b <= 0xDB && i + 1 < line.size() && (p[i + 1] & 0xC0) == 0x80) {
      c = (static_cast<char32_t>(b & 0x1F) << 6) | (p[i + 1] & 0x3F);
      i += 2;
    } else {
      c = text::DecodeNext(line, i);
    }
    if (c < 0x700) {
      const KeyChar& k = table[c];
      if (k.kind == 1) {
        key.append(k.bytes, k.len);
        space = false;
      } else if (k.kind == 2 && !space) {
        key += ' ';
        space = true;
      }
      continue;
    }
    c = text::FoldChar(c);
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
  for (const auto& [needle, reason] : lex->contains_) {
    if (needle.size() < 4) continue;
    const uint32_t h = GramHash(needle.data());
    lex->gram_filter_[h >> 6] |= uint64_t{1} << (h & 63);
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

uint32_t ChromeLexicon::GramHash(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return (v * 2654435761u) >> 16;
}

const std::string* ChromeLexicon::FindContained(std::string_view key) const {
  // Patterns of under 4 bytes (none today) are searched for directly.
  for (const auto& [needle, reason] : contains_)
    if (needle.size() < 4 && key.find(needle) != std::string_view::npos) return &reason;
  // The first pattern (in lexicon order) found at the leftmost position.
  for (size_t i = 0; i + 4 <= key.size(); ++i) {
    const uint32_t h = GramHash(key.data() + i);
    if (!(gram_filter_[h >> 6] >> (h & 63) & 1)) continue;
    for (const auto& [needle, reason] : contains_)
      if (needle.size() >= 4 && key.compare(i, needle.size(), needle) == 0) return &reason;
  }
  return nullptr;
}

const std::string* ChromeLexicon::Match(std::string_view key) const {
  if (key.empty()) return nullptr;
  if (auto it = exact_.find(std::string(key)); it != exact_.end()) return &it->second;
  for (const auto& [prefix, reason] : prefix_)
    if (StartsWithWord(key, prefix)) return &reason;
  // Banners and prompts are short; a long paragraph is never one line of chrome.
  if (key.size() > 1200) return nullptr;
  return FindContained(key);
}

}  // namespace rasd::clean
