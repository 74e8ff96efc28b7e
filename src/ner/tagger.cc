#include "ner/tagger.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <limits>
#include <numeric>
#include <random>
#include <set>

#include "corpus/terms.h"
#include "entities/recognizer.h"
#include "morph/tokenizer.h"
#include "text/arabic.h"
#include "text/utf8.h"

namespace rasd::ner {

namespace {

std::string_view TypeOf(const std::string& tag) { return tag.size() > 2 ? std::string_view(tag).substr(2) : ""; }

// The first or last n code points of s.
std::string Head(std::string_view s, int n) {
  size_t i = 0;
  for (int k = 0; k < n && i < s.size(); ++k) text::DecodeNext(s, i);
  return std::string(s.substr(0, i));
}
std::string Tail(std::string_view s, int n) {
  size_t i = s.size();
  for (int k = 0; k < n && i > 0; ++k) {
    do --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80);
  }
  return std::string(s.substr(i));
}

std::string Shape(std::string_view w) {
  bool arabic = false, latin = false, digit = false, other = false;
  size_t i = 0;
  while (i < w.size()) {
    char32_t c = text::DecodeNext(w, i);
    if (text::IsArabicLetter(c)) arabic = true;
    else if (text::IsDigit(c)) digit = true;
    else if (text::IsLetter(c)) latin = true;
    else other = true;
  }
  std::string s;
  if (arabic) s += 'a';
  if (latin) s += 'l';
  if (digit) s += 'd';
  if (other) s += 'p';
  return s;
}

}  // namespace

Result<std::vector<Sentence>> ReadConll(const std::string& path, bool tags) {
  std::ifstream in(path);
  if (!in) return Error{ErrorCode::kNotFound, "cannot open", path, 0};
  std::vector<Sentence> out;
  Sentence cur;
  std::string line;
  long number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> parts;
    size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
      if (j > i) parts.emplace_back(line.substr(i, j - i));
      i = j;
    }
    if (parts.empty()) {
      if (!cur.words.empty()) out.push_back(std::move(cur));
      cur = Sentence{};
      continue;
    }
    if (text::FindInvalidUtf8(line)) return Error{ErrorCode::kBadData, "invalid UTF-8", path, number};
    cur.words.push_back(parts.front());
    if (tags && parts.size() > 1) {
      std::string tag = parts.back();
      if (tag != "O" && (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-'))
        return Error{ErrorCode::kBadData, "tag '" + tag + "' is not O, B-X or I-X", path, number};
      // One name per type whatever the corpus says: ANERcorp's PERS is PER, AQMAR's MIS0–3 MISC.
      if (tag != "O") {
        const std::string type = tag.substr(2);
        if (type == "PERS" || type == "PERSON") tag = tag.substr(0, 2) + "PER";
        else if (type.rfind("MIS", 0) == 0) tag = tag.substr(0, 2) + "MISC";
      }
      cur.tags.push_back(std::move(tag));
    }
  }
  if (!cur.words.empty()) out.push_back(std::move(cur));
  for (const auto& s : out)
    if (!s.tags.empty() && s.tags.size() != s.words.size())
      return Error{ErrorCode::kBadData, "some words of a sentence have tags and some do not", path, 0};
  return out;
}

std::vector<std::string> NameHints::RuleTags(const std::vector<std::string>& words) const {
  std::vector<std::string> out(words.size(), "O");
  if (!gazetteer_ || words.empty()) return out;
  Document doc;
  std::vector<std::pair<int32_t, int32_t>> at;  // code-point span of each word
  int32_t cp = 0;
  for (const auto& w : words) {
    if (!doc.text.empty()) doc.text += ' ', ++cp;
    const int32_t n = text::CountCodePoints(w);
    at.emplace_back(cp, cp + n);
    doc.text += w;
    cp += n;
  }
  morph::Tokenize(doc);
  const auto readings = entities::ComputeReadings(doc);
  entities::Recognizer(*gazetteer_, /*bare_agents=*/false).Recognize(doc, readings, "");
  size_t w = 0;
  for (const auto& e : doc.entities) {
    bool first = true;
    while (w < at.size() && at[w].second <= e.span.start) ++w;
    for (size_t k = w; k < at.size() && at[k].first < e.span.end; ++k) {
      out[k] = std::string(first ? "B-" : "I-") + EntityTypeName(e.type);
      first = false;
    }
  }
  return out;
}

NameHints::NameHints(std::shared_ptr<const entities::Gazetteer> gazetteer) : gazetteer_(std::move(gazetteer)) {
  const entities::Gazetteer& g = *gazetteer_;
  using entities::EntryKind;
  for (const auto& [tokens, entry] : g.names_list()) {
    const char* kind = nullptr;
    switch (entry.kind) {
      case EntryKind::kCountry: kind = "country"; break;
      case EntryKind::kNisba: kind = "nisba"; break;
      case EntryKind::kPlace: kind = "place"; break;
      case EntryKind::kPerson: kind = "person"; break;
      case EntryKind::kOrg: kind = "org"; break;
      case EntryKind::kTitle: kind = "title"; break;
      default: break;
    }
    if (!kind) continue;
    for (size_t k = 0; k < tokens.size(); ++k) {
      std::string hint = std::string(tokens.size() == 1 ? "S-" : k == 0 ? "B-" : "I-") + kind;
      auto& v = hints_[tokens[k]];
      if (std::find(v.begin(), v.end(), hint) == v.end()) v.push_back(std::move(hint));
    }
  }
}

void NameHints::Add(std::string_view norm, const std::string& prefix, std::vector<std::string>& out) const {
  std::set<std::string> seen;
  for (const auto& r : morph::Readings(norm)) {
    auto it = hints_.find(r.stem);
    if (it == hints_.end()) continue;
    for (const auto& h : it->second)
      if (seen.insert(h).second) out.push_back(prefix + h);
  }
}

void Vocabulary::Count(std::string_view text) {
  corpus::ForEachWord(text, [&](const std::string& norm, size_t, size_t) {
    if (norm.size() > 4 && norm.compare(0, 4, "\xD8\xA7\xD9\x84") == 0) ++counts_[norm.substr(4)].second;  // ال
    else ++counts_[norm].first;
  });
}

void Vocabulary::CountContexts(std::string_view text) {
  if (context_words_.empty()) {
    std::vector<std::pair<int64_t, std::string>> by_count;
    for (const auto& [w, c] : counts_) by_count.emplace_back(c.first, w);
    const size_t k = std::min(kContextWords, by_count.size());
    std::partial_sort(by_count.begin(), by_count.begin() + static_cast<std::ptrdiff_t>(k), by_count.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    for (size_t i = 0; i < k; ++i) {
      context_words_.push_back(by_count[i].second);
      context_id_[by_count[i].second] = static_cast<uint16_t>(i + 1);
    }
  }
  std::string prev;
  uint16_t prev_id = 0;
  corpus::ForEachWord(text, [&](const std::string& norm, size_t, size_t) {
    auto it = context_id_.find(norm);
    const uint16_t id = it == context_id_.end() ? 0 : it->second;
    if (prev_id && !id) ++left_[norm][prev_id];
    if (id && !prev.empty() && !prev_id) ++right_[prev][id];
    prev = norm;
    prev_id = id;
  });
}

std::pair<std::string, std::string> Vocabulary::Contexts(const std::string& norm) const {
  auto it = contexts_.find(norm);
  if (it == contexts_.end()) return {};
  auto word = [&](uint16_t id) { return id ? context_words_[id - 1] : std::string(); };
  return {word(it->second.first), word(it->second.second)};
}

void Vocabulary::Finish(int64_t min_count) {
  codes_.clear();
  auto best = [](const std::unordered_map<uint16_t, int32_t>& m) {
    uint16_t arg = 0;
    int32_t top = 1;  // at least twice
    for (const auto& [id, c] : m)
      if (c > top || (c == top && arg && id < arg)) top = c, arg = id;
    return arg;
  };
  for (const auto& [w, m] : left_) contexts_[w].first = best(m);
  for (const auto& [w, m] : right_) contexts_[w].second = best(m);
  left_.clear();
  right_.clear();
  for (const auto& [w, c] : counts_) {
    const int64_t n = c.first + c.second;
    if (n < min_count) continue;
    int f = 0;
    while ((int64_t{1} << (f + 1)) <= n && f < 15) ++f;  // floor(log2 n), at most 15
    const double share = static_cast<double>(c.second) / n;
    const int al = share == 0 ? 1 : share < 0.5 ? 2 : 3;
    codes_[w] = static_cast<uint8_t>((f << 2) | al);
  }
  counts_.clear();
}

std::string Tagger::KeyOf(const std::string& norm) {
  std::vector<std::string> stems;
  corpus::IndexStems(norm, stems);
  return stems.empty() ? norm : stems.back();
}

Tagger::Context Tagger::ContextOf(const std::vector<std::vector<std::string>>& sentences,
                                  const std::vector<std::vector<std::string>>& tags, size_t k, int window) {
  Context out;
  const size_t from = k > static_cast<size_t>(window) ? k - window : 0;
  const size_t to = std::min(sentences.size(), k + window + 1);
  for (size_t j = from; j < to; ++j) {
    if (j == k) continue;
    for (size_t i = 0; i < sentences[j].size() && i < tags[j].size(); ++i) {
      std::string norm = text::NormalizeKey(sentences[j][i]);
      if (text::CountCodePoints(norm) < 2) continue;
      ++out[KeyOf(norm)][std::string(tags[j][i] == "O" ? "O" : TypeOf(tags[j][i]))];
    }
  }
  return out;
}

std::vector<std::vector<std::string>> Tagger::Features(const std::vector<std::string>& words, int domain,
                                                       const Context* context) const {
  const size_t n = words.size();
  std::vector<std::string> norm(n), stem(n);
  std::vector<std::vector<std::string>> hints(n);
  for (size_t i = 0; i < n; ++i) {
    norm[i] = text::NormalizeKey(words[i]);
    if (norm[i].empty()) norm[i] = words[i];
    stem[i] = corpus::SearchStem(norm[i]);
    if (hints_) hints_->Add(norm[i], "", hints[i]);
  }
  const std::vector<std::string> rule = hints_ ? hints_->RuleTags(words) : std::vector<std::string>(n, "O");
  // Each word's classes: its own, else those of the word without a leading و ف ب ل ك
  // (ANERcorp keeps clitics on the word: "وطارق").
  std::vector<const std::vector<uint16_t>*> cls(n, nullptr);
  if (clusters_.size())
    for (size_t i = 0; i < n; ++i) {
      cls[i] = clusters_.Find(norm[i]);
      std::string_view rest = norm[i];
      for (int strip = 0; !cls[i] && strip < 2; ++strip) {
        if (rest.size() < 8) break;  // at least three letters left
        const std::string_view head = rest.substr(0, 2);
        if (head != "و" && head != "ف" && head != "ب" && head != "ل" && head != "ك") break;
        rest.remove_prefix(2);
        cls[i] = clusters_.Find(std::string(rest));
      }
    }
  std::vector<std::string> name_of(n, "-");  // type letters of a known name word, else "-"
  for (size_t i = 0; i < n && names_.size(); ++i)
    if (auto t = names_.Find(norm[i]); !t.empty()) name_of[i] = std::string(t);
  auto at = [&](const std::vector<std::string>& v, long i) -> const std::string& {
    static const std::string kStart = "<s>", kEnd = "</s>";
    return i < 0 ? kStart : i >= static_cast<long>(n) ? kEnd : v[i];
  };
  // Words between quotation marks: titles of programmes, books and car models, names
  // of newspapers and brands («الناس وأنا», «الشرق الأوسط»); what precedes the
  // opening mark (برنامج, بعنوان, استاد) says which.
  std::vector<std::string> quoted(n);
  {
    // Only marks that differ at both ends: ANERcorp's straight quotes are strewn about
    // (", " after commas) and would pair up across ordinary text.
    auto is_open = [](const std::string& w) { return w == "«" || w == "“"; };
    auto closes = [](const std::string& open, const std::string& w) { return open == "«" ? w == "»" : w == "”"; };
    constexpr size_t kLongest = 6;  // words inside, at most
    for (size_t a = 0; a < n; ++a) {
      if (!is_open(words[a])) continue;
      size_t b = a + 1;
      while (b < n && b <= a + kLongest + 1 && !closes(words[a], words[b])) ++b;
      if (b >= n || b > a + kLongest + 1 || b == a + 1) continue;
      const std::string before = a > 0 ? norm[a - 1] : "<s>";
      for (size_t i = a + 1; i < b; ++i)
        quoted[i] = std::string(i == a + 1 ? "first" : i + 1 == b ? "last" : "inner") + "|" + before;
      a = b;
    }
  }
  std::vector<std::vector<std::string>> out(n);
  for (size_t i = 0; i < n; ++i) {
    auto& f = out[i];
    if (!quoted[i].empty()) {
      const size_t bar = quoted[i].find('|');
      f.push_back("q=" + quoted[i].substr(0, bar));
      f.push_back("q=in");
      f.push_back("qb=" + quoted[i].substr(bar + 1));
    }
    const long k = static_cast<long>(i);
    f.push_back("b");
    f.push_back("w=" + norm[i]);
    f.push_back("s=" + stem[i]);
    f.push_back("sh=" + Shape(words[i]));
    for (int m = 1; m <= 4; ++m) {
      f.push_back("p" + std::to_string(m) + "=" + Head(norm[i], m));
      f.push_back("x" + std::to_string(m) + "=" + Tail(norm[i], m));
    }
    f.push_back("w-1=" + at(norm, k - 1));
    f.push_back("w+1=" + at(norm, k + 1));
    f.push_back("w-2=" + at(norm, k - 2));
    f.push_back("w+2=" + at(norm, k + 2));
    f.push_back("s-1=" + at(stem, k - 1));
    f.push_back("s+1=" + at(stem, k + 1));
    f.push_back("ww=" + at(norm, k - 1) + "|" + norm[i]);
    f.push_back("wn=" + norm[i] + "|" + at(norm, k + 1));
    f.push_back("x2-1=" + Tail(at(norm, k - 1), 2));
    f.push_back("x2+1=" + Tail(at(norm, k + 1), 2));
    f.push_back("ww2=" + at(norm, k - 2) + "|" + at(norm, k - 1));
    // Letter trigrams inside the word: transliterated foreign names have their own.
    {
      const std::u32string u = text::ToU32(norm[i]);
      for (size_t a = 0; a + 3 <= u.size(); ++a) f.push_back("c3=" + text::FromU32(u.substr(a, 3)));
    }
    // The stems without an ambiguous leading clitic (و ف ب ل ك).
    {
      std::vector<std::string> variants;
      corpus::IndexStems(norm[i], variants);
      for (size_t v = 1; v < variants.size(); ++v) f.push_back("v=" + variants[v]);
    }
    for (const auto& h : hints[i]) f.push_back("g=" + h);
    if (i > 0)
      for (const auto& h : hints[i - 1]) f.push_back("g-1=" + h);
    if (i + 1 < n)
      for (const auto& h : hints[i + 1]) f.push_back("g+1=" + h);
    if (hints[i].empty()) f.push_back("g=none");
    f.push_back("r=" + rule[i]);
    f.push_back("r-1=" + at(rule, k - 1));
    f.push_back("r+1=" + at(rule, k + 1));
    f.push_back("rw=" + rule[i] + "|" + stem[i]);
    if (clusters_.size()) {
      // The class (second granularity) of a word, for conjunctions with its neighbour:
      // "a name class after a title class" generalises "الفنان X" to "المطرب Y".
      auto c1 = [&](long j) -> std::string {
        if (j < 0) return "<s>";
        if (j >= static_cast<long>(n)) return "</s>";
        return cls[j] ? std::to_string((*cls[j])[cls[j]->size() > 1 ? 1 : 0]) : "?";
      };
      f.push_back("kk-=" + c1(k - 1) + "|" + c1(k));
      f.push_back("kk+=" + c1(k) + "|" + c1(k + 1));
      f.push_back("wk-=" + at(norm, k - 1) + "|" + c1(k));
      f.push_back("kw+=" + c1(k) + "|" + at(norm, k + 1));
      for (int o = -1; o <= 1; ++o) {
        const long j = k + o;
        if (j < 0 || j >= static_cast<long>(n)) continue;
        const std::string pre = "k" + std::to_string(o + 1) + ":";
        if (!cls[j]) {
          f.push_back(pre + "none");
          continue;
        }
        for (size_t l = 0; l < cls[j]->size(); ++l)
          f.push_back(pre + std::to_string(l) + "=" + std::to_string((*cls[j])[l]));
      }
    }
    if (names_.size()) {
      // Known name words (ner/names.h) here and around: "a person's name word after اللاعب".
      static const std::string kStart = "<s>", kEnd = "</s>";
      auto nm = [&](long j) -> const std::string& {
        return j < 0 ? kStart : j >= static_cast<long>(n) ? kEnd : name_of[j];
      };
      const std::string &here = nm(k), &before = nm(k - 1), &after = nm(k + 1);
      f.push_back("nm=" + here);
      f.push_back("nm-1=" + before);
      f.push_back("nm+1=" + after);
      f.push_back("nm3=" + before + "|" + here + "|" + after);
      if (here != "-") f.push_back("nmw=" + here + "|" + at(norm, k - 1));
    }
    if (vocab_.size()) {
      const uint8_t code = vocab_.Code(norm[i]), scode = vocab_.Code(stem[i]);
      f.push_back("vf=" + std::to_string(code >> 2) + "/" + std::to_string(code & 3));
      f.push_back("vs=" + std::to_string(scode >> 2) + "/" + std::to_string(scode & 3));
      f.push_back("vfw=" + std::to_string(code >> 2) + "|" + at(norm, k - 1));
      auto [lc, rc] = vocab_.Contexts(norm[i]);
      if (!lc.empty()) f.push_back("lc=" + lc);
      if (!rc.empty()) f.push_back("rc=" + rc);
      if (!lc.empty() && !rc.empty()) f.push_back("lrc=" + lc + "|" + rc);
    }
  }
  if (context) {
    for (size_t i = 0; i < n; ++i) {
      auto it = context->find(KeyOf(norm[i]));
      if (it == context->end()) continue;
      int o = 0, top = 0;
      std::string type;
      for (const auto& [t, c] : it->second) {
        if (t == "O") o = c;
        else if (c > top || (c == top && t < type)) top = c, type = t;
      }
      if (!top) continue;
      out[i].push_back("dt=" + type);
      out[i].push_back("dt=" + type + (top >= o ? "/most" : "/some"));
      out[i].push_back("dtw=" + type + "|" + rule[i]);
    }
  }
  if (adapt_) {
    const std::string pre = "@" + std::to_string(domain) + ":";
    for (auto& f : out) {
      const size_t m = f.size();
      for (size_t k = 0; k < m; ++k) f.push_back(pre + f[k]);
    }
  }
  return out;
}

bool Tagger::Allowed(int from, int to) const {
  const std::string& t = tags_[to];
  if (t[0] != 'I') return true;
  if (from < 0) return false;
  const std::string& p = tags_[from];
  return p != "O" && TypeOf(p) == TypeOf(t);
}

std::vector<int> Tagger::Decode(const std::vector<std::vector<int32_t>>& feats) const {
  const int T = static_cast<int>(tags_.size());
  const size_t n = feats.size();
  constexpr float kNo = -std::numeric_limits<float>::infinity();
  std::vector<float> score(n * T, kNo);
  std::vector<int> back(n * T, -1);
  std::vector<float> emit(T);
  for (size_t i = 0; i < n; ++i) {
    std::fill(emit.begin(), emit.end(), 0.f);
    for (int32_t f : feats[i]) {
      const float* w = &weights_[static_cast<size_t>(f) * T];
      for (int y = 0; y < T; ++y) emit[y] += w[y];
    }
    for (int y = 0; y < T; ++y) {
      if (i == 0) {
        if (Allowed(-1, y)) score[y] = emit[y] + trans_[y];
        continue;
      }
      float best = kNo;
      int arg = -1;
      for (int p = 0; p < T; ++p) {
        const float prev = score[(i - 1) * T + p];
        if (prev == kNo || !Allowed(p, y)) continue;
        const float s = prev + trans_[(p + 1) * T + y];
        if (s > best) best = s, arg = p;
      }
      if (arg >= 0) score[i * T + y] = best + emit[y], back[i * T + y] = arg;
    }
  }
  std::vector<int> out(n, 0);
  if (n == 0) return out;
  int y = static_cast<int>(std::max_element(score.begin() + (n - 1) * T, score.end()) - (score.begin() + (n - 1) * T));
  for (size_t i = n; i-- > 0;) {
    out[i] = y;
    if (i > 0) y = back[i * T + y];
  }
  return out;
}

std::unique_ptr<Tagger> Tagger::Train(const std::vector<Sentence>& data, std::shared_ptr<const NameHints> hints,
                                      const TrainOptions& options, Vocabulary vocabulary, WordClusters clusters,
                                      NameWords names, const std::function<void(int, double)>& progress) {
  auto m = std::unique_ptr<Tagger>(new Tagger());
  m->hints_ = std::move(hints);
  m->vocab_ = std::move(vocabulary);
  m->clusters_ = std::move(clusters);
  m->names_ = std::move(names);
  m->adapt_ = options.adapt;
  // First taggings of the training sentences for the document context, by jackknife:
  // each fold (a run of consecutive sentences, so that texts stay whole) is tagged by a
  // model trained on the other folds.
  std::vector<std::vector<std::string>> words_of, first;
  if (options.document_window > 0) {
    TrainOptions sub = options;
    sub.document_window = 0;
    const int folds = std::max(2, options.folds);
    for (const auto& s : data) words_of.push_back(s.words);
    first.resize(data.size());
    for (int f = 0; f < folds; ++f) {
      const size_t lo = data.size() * f / folds, hi = data.size() * (f + 1) / folds;
      std::vector<Sentence> rest;
      for (size_t k = 0; k < data.size(); ++k)
        if (k < lo || k >= hi) rest.push_back(data[k]);
      auto fold = Train(rest, m->hints_, sub, m->vocab_, m->clusters_, m->names_);
      for (size_t k = lo; k < hi; ++k) first[k] = fold->Tag(data[k].words);
    }
    m->document_window_ = options.document_window;
  }
  std::set<std::string> tagset;
  for (const auto& s : data)
    for (const auto& t : s.tags) tagset.insert(t);
  tagset.insert("O");
  m->tags_.assign(tagset.begin(), tagset.end());
  std::unordered_map<std::string, int> tag_id;
  for (size_t k = 0; k < m->tags_.size(); ++k) tag_id[m->tags_[k]] = static_cast<int>(k);
  const int T = static_cast<int>(m->tags_.size());
  // Feature ids of every training word, computed once.
  std::vector<std::vector<std::vector<int32_t>>> feats;
  std::vector<std::vector<int>> gold;
  for (size_t k = 0; k < data.size(); ++k) {
    const Sentence& s = data[k];
    if (s.tags.size() != s.words.size() || s.words.empty()) continue;
    Context context;
    if (m->document_window_) context = ContextOf(words_of, first, k, m->document_window_);
    auto fs = m->Features(s.words, s.domain, m->document_window_ ? &context : nullptr);
    std::vector<std::vector<int32_t>> ids(fs.size());
    for (size_t i = 0; i < fs.size(); ++i)
      for (const auto& f : fs[i]) {
        auto [it, fresh] = m->index_.emplace(f, static_cast<int32_t>(m->index_.size()));
        ids[i].push_back(it->second);
      }
    feats.push_back(std::move(ids));
    std::vector<int> g;
    for (const auto& t : s.tags) g.push_back(tag_id[t]);
    gold.push_back(std::move(g));
  }
  // The features of a word's own spelling, which word dropout takes away.
  std::vector<bool> lexical(m->index_.size(), false);
  for (const auto& [f, id] : m->index_) {
    std::string_view v = f;
    if (v[0] == '@') v.remove_prefix(v.find(':') + 1);
    static const char* kLexical[] = {"w=", "s=", "ww=", "wn=", "v=", "c3=", "rw=", "p3=", "p4=", "x3=", "x4="};
    for (const char* pre : kLexical)
      if (v.substr(0, strlen(pre)) == pre) lexical[id] = true;
  }
  const double drop = options.dropout;
  m->weights_.assign(m->index_.size() * T, 0.f);
  m->trans_.assign((T + 1) * T, 0.f);
  // Averaging (Daumé's trick): u accumulates c * update; the average is w - u / c.
  std::vector<double> uw(m->weights_.size(), 0.0), ut(m->trans_.size(), 0.0);
  double c = 1;
  std::vector<size_t> order(feats.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(options.seed);
  std::uniform_real_distribution<double> coin(0, 1);
  std::vector<std::vector<int32_t>> dropped;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t right = 0, total = 0;
    for (size_t k : order) {
      const auto& g = gold[k];
      const std::vector<std::vector<int32_t>>* fsp = &feats[k];
      if (drop > 0) {
        dropped = feats[k];
        for (auto& word : dropped)
          if (coin(rng) < drop)
            word.erase(std::remove_if(word.begin(), word.end(), [&](int32_t f) { return lexical[f]; }), word.end());
        fsp = &dropped;
      }
      const auto& fs = *fsp;
      std::vector<int> p = m->Decode(fs);
      for (size_t i = 0; i < g.size(); ++i) {
        ++total;
        if (p[i] == g[i]) {
          ++right;
          continue;
        }
        for (int32_t f : fs[i]) {
          m->weights_[static_cast<size_t>(f) * T + g[i]] += 1, uw[static_cast<size_t>(f) * T + g[i]] += c;
          m->weights_[static_cast<size_t>(f) * T + p[i]] -= 1, uw[static_cast<size_t>(f) * T + p[i]] -= c;
        }
      }
      for (size_t i = 0; i < g.size(); ++i) {
        const int gp = i ? g[i - 1] : -1, pp = i ? p[i - 1] : -1;
        if (gp == pp && g[i] == p[i]) continue;
        m->trans_[(gp + 1) * T + g[i]] += 1, ut[(gp + 1) * T + g[i]] += c;
        m->trans_[(pp + 1) * T + p[i]] -= 1, ut[(pp + 1) * T + p[i]] -= c;
      }
      c += 1;
    }
    if (progress) progress(epoch, total ? static_cast<double>(right) / total : 0);
  }
  for (size_t i = 0; i < m->weights_.size(); ++i) m->weights_[i] -= static_cast<float>(uw[i] / c);
  for (size_t i = 0; i < m->trans_.size(); ++i) m->trans_[i] -= static_cast<float>(ut[i] / c);
  // Features whose weights are all zero are dropped from the model, and so are the
  // other corpora's own copies (TrainOptions::adapt), which tagging never uses.
  std::unordered_map<std::string, int32_t> kept;
  std::vector<float> w;
  for (const auto& [f, id] : m->index_) {
    const float* row = &m->weights_[static_cast<size_t>(id) * T];
    if (std::all_of(row, row + T, [](float x) { return x == 0.f; })) continue;
    if (f[0] == '@' && f.compare(0, 3, "@0:") != 0) continue;
    kept.emplace(f, static_cast<int32_t>(kept.size()));
    w.insert(w.end(), row, row + T);
  }
  m->index_ = std::move(kept);
  m->weights_ = std::move(w);
  return m;
}

std::vector<std::string> Tagger::Tag(const std::vector<std::string>& words) const {
  return TagWith(words, nullptr);
}

std::vector<std::vector<std::string>> Tagger::TagDocument(const std::vector<std::vector<std::string>>& sentences) const {
  std::vector<std::vector<std::string>> out;
  for (const auto& s : sentences) out.push_back(TagWith(s, nullptr));
  if (!document_window_) return out;
  std::vector<std::vector<std::string>> second;
  for (size_t k = 0; k < sentences.size(); ++k) {
    const Context context = ContextOf(sentences, out, k, document_window_);
    second.push_back(TagWith(sentences[k], &context));
  }
  return second;
}

std::vector<std::string> Tagger::TagWith(const std::vector<std::string>& words, const Context* context) const {
  auto fs = Features(words, 0, context);
  std::vector<std::vector<int32_t>> ids(fs.size());
  for (size_t i = 0; i < fs.size(); ++i)
    for (const auto& f : fs[i])
      if (auto it = index_.find(f); it != index_.end()) ids[i].push_back(it->second);
  std::vector<std::string> out;
  for (int y : Decode(ids)) out.push_back(tags_[y]);
  return out;
}

namespace {
// Version 2 added the word classes (ner/clusters.h), version 3 the name words
// (ner/names.h) at the end; a model without them is still written and read as version 2.
constexpr char kMagic[8] = {'R', 'A', 'S', 'D', 'N', 'E', 'R', '3'};
constexpr char kMagic2[8] = {'R', 'A', 'S', 'D', 'N', 'E', 'R', '2'};

void PutU32(std::ostream& o, uint32_t v) { o.write(reinterpret_cast<const char*>(&v), 4); }
void PutStr(std::ostream& o, const std::string& s) {
  PutU32(o, static_cast<uint32_t>(s.size()));
  o.write(s.data(), static_cast<std::streamsize>(s.size()));
}
bool GetU32(std::istream& i, uint32_t& v) { return static_cast<bool>(i.read(reinterpret_cast<char*>(&v), 4)); }
bool GetStr(std::istream& i, std::string& s) {
  uint32_t n;
  if (!GetU32(i, n) || n > (1u << 20)) return false;
  s.resize(n);
  return static_cast<bool>(i.read(s.data(), n));
}
}  // namespace

Status Tagger::Save(const std::string& path) const {
  std::ofstream o(path, std::ios::binary);
  if (!o) return Error{ErrorCode::kIo, "cannot write", path, 0};
  // A model without name words is written as version 2, byte for byte as before.
  const bool names = names_.size() > 0;
  o.write(names ? kMagic : kMagic2, 8);
  PutU32(o, static_cast<uint32_t>(tags_.size()));
  for (const auto& t : tags_) PutStr(o, t);
  o.write(reinterpret_cast<const char*>(trans_.data()), static_cast<std::streamsize>(trans_.size() * sizeof(float)));
  PutU32(o, static_cast<uint32_t>(index_.size()));
  std::vector<std::pair<int32_t, const std::string*>> by_id;
  for (const auto& [f, id] : index_) by_id.emplace_back(id, &f);
  std::sort(by_id.begin(), by_id.end());
  const size_t T = tags_.size();
  for (const auto& [id, f] : by_id) {
    PutStr(o, *f);
    o.write(reinterpret_cast<const char*>(&weights_[static_cast<size_t>(id) * T]),
            static_cast<std::streamsize>(T * sizeof(float)));
  }
  auto& vocab = const_cast<Vocabulary&>(vocab_).codes();
  PutU32(o, static_cast<uint32_t>(vocab.size()));
  for (const auto& [w, code] : vocab) {
    PutStr(o, w);
    o.put(static_cast<char>(code));
  }
  auto& v = const_cast<Vocabulary&>(vocab_);
  PutU32(o, static_cast<uint32_t>(v.context_words().size()));
  for (const auto& w : v.context_words()) PutStr(o, w);
  PutU32(o, static_cast<uint32_t>(v.contexts().size()));
  for (const auto& [w, lr] : v.contexts()) {
    PutStr(o, w);
    PutU32(o, (static_cast<uint32_t>(lr.first) << 16) | lr.second);
  }
  o.put(adapt_ ? 1 : 0);
  PutU32(o, static_cast<uint32_t>(document_window_));
  auto& cl = const_cast<WordClusters&>(clusters_);
  PutU32(o, static_cast<uint32_t>(cl.sizes().size()));
  for (int k : cl.sizes()) PutU32(o, static_cast<uint32_t>(k));
  PutU32(o, static_cast<uint32_t>(cl.size()));
  for (const auto& [w, c] : cl.mutable_classes()) {
    PutStr(o, w);
    o.write(reinterpret_cast<const char*>(c.data()), static_cast<std::streamsize>(c.size() * sizeof(uint16_t)));
  }
  if (names) {
    // Name words in spelling order, so that the same model gives the same bytes.
    auto& words = const_cast<NameWords&>(names_).mutable_words();
    std::vector<std::pair<std::string, std::string>> sorted(words.begin(), words.end());
    std::sort(sorted.begin(), sorted.end());
    PutU32(o, static_cast<uint32_t>(sorted.size()));
    for (const auto& [w, types] : sorted) {
      PutStr(o, w);
      PutStr(o, types);
    }
  }
  if (!o) return Error{ErrorCode::kIo, "cannot write", path, 0};
  return {};
}

Result<std::unique_ptr<Tagger>> Tagger::Load(const std::string& path, std::shared_ptr<const NameHints> hints) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::kNotFound, "cannot open model", path, 0};
  char magic[8];
  if (!in.read(magic, 8) || (std::memcmp(magic, kMagic, 8) != 0 && std::memcmp(magic, kMagic2, 8) != 0))
    return Error{ErrorCode::kBadData, "not a rasd NER model", path, 0};
  auto m = std::unique_ptr<Tagger>(new Tagger());
  m->hints_ = std::move(hints);
  uint32_t T, n;
  if (!GetU32(in, T) || T == 0 || T > 64) return Error{ErrorCode::kBadData, "corrupt model (tags)", path, 0};
  m->tags_.resize(T);
  for (auto& t : m->tags_) {
    if (!GetStr(in, t) || t.empty() || (t != "O" && (t.size() < 3 || t[1] != '-' || (t[0] != 'B' && t[0] != 'I'))))
      return Error{ErrorCode::kBadData, "corrupt model (tags)", path, 0};
  }
  m->trans_.resize((T + 1) * T);
  if (!in.read(reinterpret_cast<char*>(m->trans_.data()), static_cast<std::streamsize>(m->trans_.size() * sizeof(float))) ||
      !GetU32(in, n))
    return Error{ErrorCode::kBadData, "corrupt model (transitions)", path, 0};
  m->weights_.resize(static_cast<size_t>(n) * T);
  std::string f;
  for (uint32_t id = 0; id < n; ++id) {
    if (!GetStr(in, f) || !in.read(reinterpret_cast<char*>(&m->weights_[static_cast<size_t>(id) * T]),
                                   static_cast<std::streamsize>(T * sizeof(float))))
      return Error{ErrorCode::kBadData, "corrupt model (features)", path, 0};
    m->index_.emplace(f, static_cast<int32_t>(id));
  }
  uint32_t nv;
  if (!GetU32(in, nv)) return Error{ErrorCode::kBadData, "corrupt model (vocabulary)", path, 0};
  for (uint32_t k = 0; k < nv; ++k) {
    char code;
    if (!GetStr(in, f) || !in.get(code)) return Error{ErrorCode::kBadData, "corrupt model (vocabulary)", path, 0};
    m->vocab_.codes()[f] = static_cast<uint8_t>(code);
  }
  uint32_t nc, ncx, lr;
  if (!GetU32(in, nc) || nc > 65535) return Error{ErrorCode::kBadData, "corrupt model (contexts)", path, 0};
  m->vocab_.context_words().resize(nc);
  for (auto& w : m->vocab_.context_words())
    if (!GetStr(in, w)) return Error{ErrorCode::kBadData, "corrupt model (contexts)", path, 0};
  if (!GetU32(in, ncx)) return Error{ErrorCode::kBadData, "corrupt model (contexts)", path, 0};
  for (uint32_t k = 0; k < ncx; ++k) {
    if (!GetStr(in, f) || !GetU32(in, lr) || (lr >> 16) > nc || (lr & 0xFFFF) > nc)
      return Error{ErrorCode::kBadData, "corrupt model (contexts)", path, 0};
    m->vocab_.contexts()[f] = {static_cast<uint16_t>(lr >> 16), static_cast<uint16_t>(lr & 0xFFFF)};
  }
  char adapt;
  if (!in.get(adapt) || (adapt != 0 && adapt != 1)) return Error{ErrorCode::kBadData, "corrupt model (domains)", path, 0};
  m->adapt_ = adapt == 1;
  uint32_t window;
  if (!GetU32(in, window) || window > 1000) return Error{ErrorCode::kBadData, "corrupt model (document window)", path, 0};
  m->document_window_ = static_cast<int>(window);
  uint32_t levels, nw;
  if (!GetU32(in, levels) || levels > 16) return Error{ErrorCode::kBadData, "corrupt model (classes)", path, 0};
  auto& sizes = m->clusters_.mutable_sizes();
  sizes.resize(levels);
  for (auto& k : sizes) {
    uint32_t v;
    if (!GetU32(in, v) || v < 2 || v > 65535) return Error{ErrorCode::kBadData, "corrupt model (classes)", path, 0};
    k = static_cast<int>(v);
  }
  if (!GetU32(in, nw)) return Error{ErrorCode::kBadData, "corrupt model (classes)", path, 0};
  for (uint32_t k = 0; k < nw; ++k) {
    std::vector<uint16_t> c(levels);
    if (!GetStr(in, f) ||
        !in.read(reinterpret_cast<char*>(c.data()), static_cast<std::streamsize>(levels * sizeof(uint16_t))))
      return Error{ErrorCode::kBadData, "corrupt model (classes)", path, 0};
    for (uint32_t l = 0; l < levels; ++l)
      if (c[l] >= sizes[l]) return Error{ErrorCode::kBadData, "corrupt model (classes)", path, 0};
    m->clusters_.mutable_classes()[f] = std::move(c);
  }
  if (magic[7] == '3') {
    uint32_t nn;
    if (!GetU32(in, nn)) return Error{ErrorCode::kBadData, "corrupt model (name words)", path, 0};
    std::string types;
    for (uint32_t k = 0; k < nn; ++k) {
      if (!GetStr(in, f) || f.empty() || !GetStr(in, types) || !NameWords::ValidTypes(types))
        return Error{ErrorCode::kBadData, "corrupt model (name words)", path, 0};
      m->names_.mutable_words()[f] = types;
    }
  }
  return m;
}

}  // namespace rasd::ner
