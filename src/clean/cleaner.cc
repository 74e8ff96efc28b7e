#include "clean/cleaner.h"

#include "text/arabic.h"
#include "text/tsv.h"
#include "text/utf8.h"

namespace rasd::clean {

namespace {

// Lines longer than this (bytes) are body paragraphs: no chrome, headline or byline is this long.
constexpr size_t kLongLine = 1500;

bool IsSplitMark(char32_t c) { return c == '.' || c == '-' || c == '_' || c == 0x00B7 || c == 0x2022 || c == 0x2010; }

int CountWords(std::string_view key) {
  if (key.empty()) return 0;
  int n = 1;
  for (char c : key) n += c == ' ';
  return n;
}

bool HasArabic(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (text::IsArabicLetter(text::DecodeNext(s, i))) return true;
  }
  return false;
}

// Last code point that is not a space.
char32_t LastChar(std::string_view s) {
  s = text::Trim(s);
  if (s.empty()) return 0;
  size_t start = s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  return text::DecodeNext(s, start);
}

// Body paragraphs end like sentences or run long; headlines do neither.
bool HeadlineLike(std::string_view line, std::string_view key) {
  int words = CountWords(key);
  if (words == 0 || words > 30) return false;
  char32_t last = LastChar(line);
  std::string_view t = text::Trim(line);
  bool ellipsis = t.size() >= 2 && t.substr(t.size() - 2) == "..";
  if ((last == '.' && !ellipsis) || last == 0x060C || last == ',' || last == ':' || last == 0x061B) return false;
  return true;
}

bool IsDateLine(std::string_view key) {
  // "2021 06 22", "22 6 2021", "22 يونيو 2021 10 30" ...: digits and at most two words.
  int digits = 0, words = CountWords(key), letters_words = 0;
  bool in_word = false, word_has_letter = false;
  for (size_t i = 0; i <= key.size(); ++i) {
    char c = i < key.size() ? key[i] : ' ';
    if (c == ' ') {
      if (in_word && word_has_letter) ++letters_words;
      in_word = word_has_letter = false;
      continue;
    }
    in_word = true;
    if (c >= '0' && c <= '9') ++digits;
    else word_has_letter = true;
  }
  return digits >= 4 && words <= 8 && letters_words <= 2;
}

// "17:54 ت م", "10:30 AM": a clock time and at most three more words.
bool IsTimeLine(std::string_view line, std::string_view key) {
  if (CountWords(key) > 5) return false;
  for (size_t i = 0; i + 2 < line.size(); ++i)
    if (line[i + 1] == ':' && line[i] >= '0' && line[i] <= '9' && line[i + 2] >= '0' && line[i + 2] <= '9') return true;
  return false;
}

// A wire dateline: "الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس" — two dates in a short line.
bool IsWireDateline(std::string_view key) {
  int digits = 0;
  for (char c : key) digits += c >= '0' && c <= '9';
  return digits >= 6 && CountWords(key) <= 14;
}

// An e-mail address, a handle or a URL alone on a line.
bool IsContactLine(std::string_view line) {
  std::string_view t = text::Trim(line);
  if (t.empty() || t.find(' ') != std::string_view::npos) return false;
  return t.find('@') != std::string_view::npos || t.rfind("http", 0) == 0 || t.rfind("www.", 0) == 0;
}

bool EndsWithWord(std::string_view s, std::string_view suffix) {
  return !suffix.empty() && s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0 &&
         (s.size() == suffix.size() || s[s.size() - suffix.size() - 1] == ' ');
}

// The text after the first ':' (or after the prefix words), trimmed.
std::string AfterColon(std::string_view line) {
  auto colon = line.find(':');
  if (colon == std::string_view::npos) return "";
  return std::string(text::Trim(line.substr(colon + 1)));
}

// The text before a dash (–, —, -) that separates outlet and team.
std::string BeforeDash(std::string_view line) {
  for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94", " - ", "|"}) {
    auto pos = line.find(dash);
    if (pos != std::string_view::npos && pos > 0) return std::string(text::Trim(line.substr(0, pos)));
  }
  return "";
}

}  // namespace

std::string RepairLine(std::string_view line, std::vector<Repair>* repairs) {
  // Every repair involves a tatweel (U+0640, bytes D9 80, which no other UTF-8
  // sequence contains): without one the line is kept as it is.
  if (line.find("\xD9\x80") == std::string_view::npos) return std::string(line);
  std::u32string u = text::ToU32(line);
  std::u32string out;
  out.reserve(u.size());
  size_t i = 0;
  while (i < u.size()) {
    // One whitespace-delimited word.
    if (u[i] == ' ' || u[i] == '\n') {
      out += u[i++];
      continue;
    }
    size_t j = i;
    while (j < u.size() && u[j] != ' ' && u[j] != '\n') ++j;
    // Words split across a space with tatweel on both sides: "العقـ ـوبات".
    while (j + 1 < u.size() && u[j] == ' ' && u[j - 1] == 0x0640 && u[j + 1] == 0x0640) {
      ++j;
      while (j < u.size() && u[j] != ' ' && u[j] != '\n') ++j;
    }
    std::u32string_view word(u.data() + i, j - i);
    std::u32string fixed;
    bool split = false;
    for (size_t k = 0; k < word.size(); ++k) {
      char32_t c = word[k];
      if (c == 0x0640) continue;
      if ((IsSplitMark(c) || c == ' ') && k > 0 && k + 1 < word.size()) {
        // A mark between tatweels (or tatweel on one side and a letter on the other).
        size_t a = k, b = k;
        while (a > 0 && (word[a - 1] == 0x0640 || IsSplitMark(word[a - 1]) || word[a - 1] == ' ')) --a;
        while (b + 1 < word.size() && (word[b + 1] == 0x0640 || IsSplitMark(word[b + 1]) || word[b + 1] == ' ')) ++b;
        bool tatweel = false;
        for (size_t x = a; x <= b; ++x) tatweel |= word[x] == 0x0640;
        if (tatweel && a > 0 && b + 1 < word.size() && text::IsArabicLetter(word[a - 1]) &&
            text::IsArabicLetter(word[b + 1])) {
          split = true;
          k = b;
          continue;
        }
      }
      fixed += c;
    }
    if (split && repairs) {
      // Report the letters around the split, without brackets or punctuation.
      auto inner = [](char32_t c) { return text::IsLetter(c) || c == 0x0640 || IsSplitMark(c) || c == ' '; };
      size_t s = 0, e = word.size();
      for (size_t k = 0; k < word.size(); ++k) {
        if (inner(word[k])) continue;
        // A non-letter: the core is on the side that holds the split.
        bool split_before = false;
        for (size_t x = s; x < k; ++x) split_before |= word[x] == 0x0640 && x + 1 < k && IsSplitMark(word[x + 1]);
        if (split_before) {
          e = k;
          break;
        }
        s = k + 1;
      }
      while (s < e && !text::IsLetter(word[s])) ++s;
      while (e > s && !text::IsLetter(word[e - 1])) --e;
      std::u32string_view core = word.substr(s, e - s);
      std::u32string core_fixed;
      for (char32_t c : core)
        if (c != 0x0640 && !IsSplitMark(c) && c != ' ') core_fixed += c;
      repairs->push_back(Repair{text::FromU32(core), text::FromU32(core_fixed)});
    }
    out += fixed;
    i = j;
  }
  return text::FromU32(out);
}

void Cleaner::Clean(const CleanInput& input, Document& doc) const {
  std::string clean = text::CleanUnicode(input.text);
  struct Line {
    std::string text, key;
  };
  std::vector<Line> lines;
  size_t start = 0;
  while (start <= clean.size()) {
    size_t nl = clean.find('\n', start);
    if (nl == std::string::npos) nl = clean.size();
    std::string_view raw = text::Trim(std::string_view(clean).substr(start, nl - start));
    if (!raw.empty()) {
      // Collapse runs of spaces.
      std::string t;
      for (char c : raw)
        if (!(c == ' ' && !t.empty() && t.back() == ' ')) t += c == '\t' ? ' ' : c;
      // A very long line is a paragraph of body: its key is never needed.
      std::string key = t.size() > kLongLine ? std::string() : LineKey(t);
      lines.push_back(Line{std::move(t), std::move(key)});
    }
    start = nl + 1;
  }

  for (const auto& r : input.pre_removed) doc.removed.push_back(r);
  std::string title_key = input.title ? LineKey(*input.title) : "";
  std::optional<std::string> title = input.title;
  bool seen_body = false, tail = false, seen_subtitle = false;
  bool saw_headline_line = false;  // the known headline also stands in the text (HTML <h1>)
  std::vector<std::string> kept;
  auto remove = [&](const Line& l, std::string reason) { doc.removed.push_back(Removed{l.text, std::move(reason)}); };

  // An author block after the body: a short name line, then a biography line.
  std::vector<char> author_block(lines.size(), 0);
  for (size_t n = 1; n + 1 < lines.size(); ++n) {
    const Line& bio = lines[n + 1];
    bool is_bio = false;
    for (const auto& prefix : lex_.bio_prefixes()) is_bio |= StartsWithWord(bio.key, prefix);
    if (is_bio && CountWords(lines[n].key) <= 4 && HeadlineLike(lines[n].text, lines[n].key) &&
        !lex_.Match(lines[n].key) && CountWords(bio.key) <= 60) {
      author_block[n] = 1;
      author_block[n + 1] = 2;
    }
  }

  for (size_t n = 0; n < lines.size(); ++n) {
    const Line& l = lines[n];
    if (author_block[n] == 1) {
      if (!doc.author) doc.author = l.text;
      remove(l, "author");
      continue;
    }
    if (author_block[n] == 2) {
      remove(l, "author-bio");
      continue;
    }
    if (l.text.size() > kLongLine) {
      seen_body = true;
      tail = false;
      kept.push_back(RepairLine(l.text, &doc.repairs));
      continue;
    }
    if (l.key.empty()) {  // punctuation or symbols only
      remove(l, "symbols");
      continue;
    }
    if (input.learned && input.learned->count(l.key)) {
      remove(l, "learned-chrome");
      continue;
    }
    if (const std::string* reason = lex_.Match(l.key)) {
      if (*reason == "related" || *reason == "comment-form" || *reason == "back-to-top" || *reason == "tags" ||
          *reason == "share" || *reason == "copyright")
        tail = tail || seen_body;
      remove(l, *reason);
      continue;
    }
    const bool headline = HeadlineLike(l.text, l.key);
    // Bylines and source lines.
    if (CountWords(l.key) <= 8) {
      bool done = false;
      for (const auto& suffix : lex_.team_suffixes()) {
        if (EndsWithWord(l.key, suffix) || l.key == suffix) {
          std::string outlet = BeforeDash(l.text);
          if (!doc.outlet && !outlet.empty()) doc.outlet = outlet;
          remove(l, "byline");
          done = true;
          break;
        }
      }
      if (!done) {
        for (const auto& prefix : lex_.source_prefixes()) {
          if (StartsWithWord(l.key, prefix) && l.text.find(':') != std::string::npos) {
            std::string outlet = AfterColon(l.text);
            if (!doc.outlet && !outlet.empty()) doc.outlet = outlet;
            remove(l, "source-line");
            done = true;
            break;
          }
        }
      }
      if (!done && !seen_body) {
        for (const auto& prefix : lex_.author_prefixes()) {
          if (StartsWithWord(l.key, prefix)) {
            std::string author = AfterColon(l.text);
            if (author.empty() && l.key.size() > prefix.size()) author = l.key.substr(prefix.size() + 1);
            if (!doc.author && !author.empty()) doc.author = author;
            remove(l, "byline");
            done = true;
            break;
          }
        }
      }
      // "عبدالرحمن الشهري – عين اليوم": names around a dash, before the body.
      if (!done && !seen_body && headline && title && CountWords(l.key) <= 6 &&
          (l.text.find("\xE2\x80\x93") != std::string::npos || l.text.find('-') != std::string::npos)) {
        remove(l, "byline");
        done = true;
      }
      if (!done && ((IsDateLine(l.key) && !seen_body) || IsTimeLine(l.text, l.key))) {
        remove(l, "dateline");
        done = true;
      }
      if (done) continue;
    }
    if (!seen_body && IsWireDateline(l.key) && HeadlineLike(l.text, l.key)) {
      remove(l, "dateline");
      continue;
    }
    if (IsContactLine(l.text)) {
      remove(l, "contact");
      continue;
    }
    if (!HasArabic(l.text)) {
      // Latin-only lines outside the body are page furniture (menus, banners).
      if (!seen_body || tail || CountWords(l.key) <= 3) {
        remove(l, seen_body ? "non-arabic" : "nav");
        continue;
      }
    }
    if (tail && headline) {
      remove(l, "related");
      continue;
    }
    if (!seen_body && headline) {
      // The headline again: the same words, a part of them, or them after a short lead-in
      // (“مباحثات مثمرة”.. <headline>). A longer line that merely contains the headline is body.
      const bool repeats =
          title && !title_key.empty() &&
          (l.key == title_key || (title_key.find(l.key) != std::string::npos && CountWords(l.key) >= 4) ||
           (l.key.find(title_key) != std::string::npos && CountWords(l.key) <= CountWords(title_key) + 6));
      if (repeats) {
        saw_headline_line = true;
        remove(l, "repeated-headline");
        continue;
      }
      if (!title) {
        // A very short first line followed by a headline is a section label.
        if (CountWords(l.key) <= 3 && n + 1 < lines.size() && HeadlineLike(lines[n + 1].text, lines[n + 1].key)) {
          remove(l, "section-label");
          continue;
        }
        title = l.text;
        title_key = l.key;
        continue;
      }
      // A deck: a second headline, not a question, a bullet or an exclamation.
      const char32_t last = LastChar(l.text);
      const char first = l.text[0];
      // Body paragraphs often start with و; with a title from metadata, decks are short.
      const bool starts_waw = l.text.rfind("\xD9\x88", 0) == 0 || l.text.find("\xD8\x9F") != std::string::npos ||
                              l.text.find('?') != std::string::npos;  // …or holds a question: body text
      // With a headline from metadata, the first lines are the lead more often than a deck: keep them.
      if (!seen_subtitle && (!input.title || saw_headline_line) && CountWords(l.key) >= 4 && CountWords(l.key) <= 25 && last != '?' &&
          last != 0x061F && last != '!' && first != '*' && first != '-' && first != '(' && !starts_waw) {
        seen_subtitle = true;
        doc.subtitle = RepairLine(l.text, nullptr);
        remove(l, "subtitle");
        continue;
      }
    }
    if (!headline) seen_body = true;
    if (tail && !headline) tail = false;  // a real paragraph: the tail was a false alarm
    kept.push_back(RepairLine(l.text, &doc.repairs));
  }
  // The site's tag list at the very end: a last line "سمات a b c", or glued after the
  // last sentence ("… أبدا.” سمات إيران عقوبات").
  if (!kept.empty()) {
    for (const auto& prefix : lex_.tail_prefixes()) {
      std::string& last = kept.back();
      if (last.rfind(prefix + " ", 0) == 0 && CountWords(LineKey(last)) <= 12) {
        doc.removed.push_back(Removed{last, "tags"});
        kept.pop_back();
        break;
      }
      // Tags glued to the last sentence are short: look at the line's end only.
      const size_t window = last.size() > 600 ? last.size() - 600 : 0;
      for (const char* end : {". ", ".\xE2\x80\x9D ", "! ", "\xD8\x9F "}) {
        size_t pos = std::string_view(last).substr(window).rfind(std::string(end) + prefix + " ");
        if (pos != std::string::npos) pos += window;
        if (pos == std::string::npos) continue;
        size_t cut = pos + std::string(end).size() - 1;
        std::string tail(text::Trim(std::string_view(last).substr(cut)));
        if (CountWords(LineKey(tail)) > 12) continue;
        doc.removed.push_back(Removed{tail, "tags"});
        last.resize(cut);
        break;
      }
      if (kept.empty()) break;
    }
  }
  if (title) doc.title = RepairLine(*title, &doc.repairs);
  doc.text.clear();
  for (size_t i = 0; i < kept.size(); ++i) {
    if (i) doc.text += '\n';
    doc.text += kept[i];
  }
}

}  // namespace rasd::clean
