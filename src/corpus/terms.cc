#include "corpus/terms.h"

#include <array>

#include "text/utf8.h"

namespace rasd::corpus {

namespace {

size_t Letters(std::string_view s) { return static_cast<size_t>(text::CountCodePoints(s)); }

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Longest first, as light10 tries them.
constexpr std::array<std::string_view, 6> kArticles = {"وال", "بال", "كال", "فال", "لل", "ال"};
constexpr std::array<std::string_view, 8> kSuffixes = {"ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"};

bool IsArabicStart(std::string_view w) {
  size_t i = 0;
  return !w.empty() && text::IsArabicLetter(text::DecodeNext(w, i));
}

}  // namespace

std::string SearchStem(std::string_view w) {
  if (w.empty()) return {};
  size_t i = 0;
  if (!text::IsArabicLetter(text::DecodeNext(w, i))) return std::string(w);
  for (auto art : kArticles) {
    if (StartsWith(w, art) && Letters(w) - Letters(art) >= 2) {
      w.remove_prefix(art.size());
      break;
    }
  }
  for (auto suf : kSuffixes) {
    if (Letters(w) - Letters(suf) >= 2 && EndsWith(w, suf)) w.remove_suffix(suf.size());
  }
  return std::string(w);
}

void IndexStems(std::string_view w, std::vector<std::string>& out) {
  out.clear();
  std::string stem = SearchStem(w);
  if (stem.empty()) return;
  out.push_back(std::move(stem));
  if (!IsArabicStart(w)) return;
  auto add = [&](std::string_view rest) {
    if (Letters(rest) < 3) return;
    std::string s = SearchStem(rest);
    for (const auto& o : out)
      if (o == s) return;
    out.push_back(std::move(s));
  };
  std::string_view base = w;
  if (StartsWith(w, "و") || StartsWith(w, "ف")) {
    base = w.substr(2);
    add(base);
  }
  if ((StartsWith(base, "ب") || StartsWith(base, "ل") || StartsWith(base, "ك")) && !StartsWith(base, "لل")) add(base.substr(2));
}

size_t WordEnd(std::string_view s, size_t i, size_t& next) {
  size_t j = i;
  char32_t c = text::DecodeNext(s, j);
  if (!(text::IsLetter(c) || text::IsDigit(c))) {
    next = j;
    return i;
  }
  size_t end = j;
  while (end < s.size()) {
    size_t k = end;
    char32_t d = text::DecodeNext(s, k);
    if (!(text::IsLetter(d) || text::IsDigit(d) || text::IsArabicDiacritic(d) || text::IsTatweel(d) ||
          text::IsNoise(d)))
      break;
    end = k;
  }
  next = end;
  return end;
}

}  // namespace rasd::corpus
