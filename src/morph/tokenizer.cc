#include "morph/tokenizer.h"

#include "text/arabic.h"
#include "text/utf8.h"

namespace rasd::morph {

namespace {

bool IsSentenceEnd(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x2026; }

// Letters are two bytes in Arabic; count code points of a UTF-8 key.
size_t Letters(std::string_view s) { return static_cast<size_t>(text::CountCodePoints(s)); }

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

constexpr std::string_view kWaw = "\xD9\x88", kFa = "\xD9\x81", kBa = "\xD8\xA8", kLam = "\xD9\x84",
                           kKaf = "\xD9\x83", kAl = "\xD8\xA7\xD9\x84", kLamLam = "\xD9\x84\xD9\x84";

}  // namespace

void Tokenize(Document& doc) {
  const std::string& s = doc.text;
  doc.tokens.clear();
  doc.sentences.clear();
  std::vector<char32_t> cps;
  cps.reserve(s.size());
  {
    size_t i = 0;
    while (i < s.size()) cps.push_back(text::DecodeNext(s, i));
  }
  const int32_t n = static_cast<int32_t>(cps.size());
  int32_t paragraph = 0;
  int32_t sentence_start_cp = -1, sentence_first_token = 0;
  auto close_sentence = [&](int32_t end_cp) {
    if (sentence_start_cp < 0) return;
    int32_t end_token = static_cast<int32_t>(doc.tokens.size());
    if (end_token > sentence_first_token) {
      doc.sentences.push_back(Sentence{Span{sentence_start_cp, end_cp}, sentence_first_token, end_token});
    }
    sentence_start_cp = -1;
    sentence_first_token = end_token;
  };
  int32_t i = 0;
  while (i < n) {
    char32_t c = cps[i];
    if (c == '\n') {
      close_sentence(i);
      ++paragraph;
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || text::IsSpace(c)) {
      ++i;
      continue;
    }
    if (sentence_start_cp < 0) sentence_start_cp = i;
    Token tok;
    tok.paragraph = paragraph;
    tok.sentence = static_cast<int32_t>(doc.sentences.size());
    if (text::IsLetter(c) || text::IsDigit(c) || text::IsArabicDiacritic(c) || text::IsTatweel(c)) {
      int32_t j = i;
      bool digits = true, latin = true;
      while (j < n) {
        char32_t d = cps[j];
        if (text::IsLetter(d) || text::IsArabicDiacritic(d) || text::IsTatweel(d)) {
          digits = false;
          if (d >= 0x80) latin = false;
          ++j;
        } else if (text::IsDigit(d)) {
          latin = false;
          ++j;
        } else if ((d == '.' || d == ',' || d == 0x066B) && j + 1 < n && text::IsDigit(cps[j + 1]) && j > i &&
                   text::IsDigit(cps[j - 1])) {
          ++j;  // 2.5, 1,000
        } else {
          break;
        }
      }
      tok.span = Span{i, j};
      tok.kind = digits ? TokenKind::kNumber : latin ? TokenKind::kLatin : TokenKind::kWord;
      std::string raw;
      for (int32_t k = i; k < j; ++k) text::AppendUtf8(raw, cps[k]);
      tok.norm = text::NormalizeKey(raw);
      doc.tokens.push_back(std::move(tok));
      i = j;
      continue;
    }
    // One punctuation character per token.
    tok.span = Span{i, i + 1};
    tok.kind = TokenKind::kPunct;
    std::string raw;
    text::AppendUtf8(raw, c);
    tok.norm = raw;
    doc.tokens.push_back(std::move(tok));
    ++i;
    if (IsSentenceEnd(c)) {
      // Runs of marks ("..", "!!", "؟!") end together, and closing quotes and brackets
      // stay with the sentence they end.
      auto push_punct = [&](int32_t at) {
        Token more;
        more.span = Span{at, at + 1};
        more.kind = TokenKind::kPunct;
        more.paragraph = paragraph;
        more.sentence = static_cast<int32_t>(doc.sentences.size());
        text::AppendUtf8(more.norm, cps[at]);
        doc.tokens.push_back(std::move(more));
      };
      while (i < n && IsSentenceEnd(cps[i])) push_punct(i++);
      while (i < n && (cps[i] == 0x201D || cps[i] == 0x00BB || cps[i] == '"' || cps[i] == ')')) push_punct(i++);
      bool at_break = i >= n || cps[i] == ' ' || cps[i] == '\n';
      // "U.S." style initials: a single letter before the dot.
      bool initial = c == '.' && doc.tokens.size() >= 2 &&
                     doc.tokens[doc.tokens.size() - 2].span.end - doc.tokens[doc.tokens.size() - 2].span.start == 1 &&
                     doc.tokens[doc.tokens.size() - 2].kind == TokenKind::kLatin;
      if (at_break && !initial) close_sentence(i);
    }
  }
  close_sentence(n);
}

std::vector<Reading> Readings(std::string_view norm) {
  std::vector<Reading> out;
  out.push_back(Reading{std::string(norm)});
  if (!IsArabicWord(norm)) return out;
  auto add = [&](std::string_view rest, bool conj, char prep, bool article) {
    if (Letters(rest) >= 2) out.push_back(Reading{std::string(rest), conj, prep, article});
  };
  // Conjunction.
  std::vector<std::pair<std::string_view, bool>> bases = {{norm, false}};
  if ((StartsWith(norm, kWaw) || StartsWith(norm, kFa)) && Letters(norm) >= 4) {
    bases.emplace_back(norm.substr(2), true);
    add(norm.substr(2), true, 0, false);
  }
  for (auto [base, conj] : bases) {
    // Preposition + article fused: لل = ل + ال.
    if (StartsWith(base, kLamLam) && Letters(base) >= 4) {
      std::string with_article = std::string(kAl) + std::string(base.substr(4));
      out.push_back(Reading{with_article, conj, 'l', false});
      add(base.substr(4), conj, 'l', true);
    }
    char prep = StartsWith(base, kBa) ? 'b' : StartsWith(base, kLam) ? 'l' : StartsWith(base, kKaf) ? 'k' : 0;
    std::string_view after_prep = base;
    if (prep && Letters(base) >= 4 && !StartsWith(base, kLamLam)) {
      after_prep = base.substr(2);
      add(after_prep, conj, prep, false);
    }
    if (StartsWith(after_prep, kAl) && Letters(after_prep) >= 4) {
      add(after_prep.substr(4), conj, after_prep == base ? 0 : prep, true);
    }
    // Future: س + imperfect prefix.
    if (StartsWith(base, "\xD8\xB3") && Letters(base) >= 4 &&
        (StartsWith(base.substr(2), "\xD9\x8A") || StartsWith(base.substr(2), "\xD8\xAA") ||
         StartsWith(base.substr(2), "\xD9\x86") || StartsWith(base.substr(2), "\xD8\xA7"))) {
      Reading r{std::string(base.substr(2)), conj, 0, false};
      r.future = true;
      out.push_back(std::move(r));
    }
  }
  return out;
}

bool IsArabicWord(std::string_view norm) {
  if (norm.empty()) return false;
  size_t i = 0;
  while (i < norm.size()) {
    if (!text::IsArabicLetter(text::DecodeNext(norm, i))) return false;
  }
  return true;
}

}  // namespace rasd::morph
