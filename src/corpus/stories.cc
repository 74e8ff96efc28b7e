#include "corpus/stories.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "corpus/terms.h"
#include "text/utf8.h"

namespace rasd::corpus {

namespace {

size_t Letters(std::string_view s) { return static_cast<size_t>(text::CountCodePoints(s)); }

void Normalise(TermVector& v) {
  double norm = 0;
  for (auto& [t, w] : v) norm += w * w;
  norm = std::sqrt(norm);
  if (norm > 0)
    for (auto& [t, w] : v) w /= norm;
}

// Keeps the n heaviest terms, sorted by term.
void Prune(TermVector& v, size_t n) {
  if (v.size() > n) {
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n), v.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second || (a.second == b.second && a.first < b.first); });
    v.resize(n);
  }
  std::sort(v.begin(), v.end());
}

}  // namespace

std::optional<int64_t> DayNumber(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](size_t at, size_t len) {
    int v = 0;
    for (size_t k = at; k < at + len; ++k) {
      if (s[k] < '0' || s[k] > '9') return -1;
      v = v * 10 + (s[k] - '0');
    }
    return v;
  };
  int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  // Days from civil (Howard Hinnant's algorithm).
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<int64_t>(era) * 146097 + static_cast<int64_t>(doe) - 719468;
}

TermCounts ArticleTerms(const Document& doc, const std::unordered_set<std::string>& stopwords) {
  TermCounts out;
  auto add_words = [&](std::string_view text, double weight, int max_words) {
    int n = 0;
    ForEachWord(text, [&](const std::string& norm, size_t, size_t) {
      if (max_words >= 0 && n >= max_words) return;
      ++n;
      if (stopwords.count(norm)) return;
      std::string stem = SearchStem(norm);
      if (Letters(stem) < 3 || stopwords.count(stem)) return;
      if (stem[0] >= '0' && stem[0] <= '9') return;
      out[stem] += weight;
    });
  };
  if (doc.title) add_words(*doc.title, 2.0, -1);
  add_words(doc.text, 1.0, kLeadWords);
  std::unordered_set<std::string> actors;
  for (const auto& e : doc.entities) {
    if (!e.actor) continue;
    const std::string& key = e.actor->id.empty() ? e.actor->code : e.actor->id;
    if (!key.empty() && actors.insert(key).second) out["@" + key] += 1.0;
  }
  return out;
}

void StoryIndex::CountDoc(const TermCounts& terms) {
  ++docs_;
  for (const auto& [t, c] : terms) ++df_[t];
}

TermVector StoryIndex::Weigh(const TermCounts& terms) const {
  TermVector v;
  v.reserve(terms.size());
  for (const auto& [t, c] : terms) {
    const double idf = std::log((1.0 + static_cast<double>(docs_)) / (1.0 + static_cast<double>(DocFreq(t))));
    if (idf <= 0.5) continue;  // in a large share of all articles: says nothing of the story
    v.emplace_back(t, (1.0 + std::log(c)) * idf);
  }
  Prune(v, kArticleTerms);
  Normalise(v);
  return v;
}

int64_t StoryIndex::Match(const TermVector& v, const std::optional<std::string>& date, double* similarity) const {
  std::optional<int64_t> day = date ? DayNumber(*date) : std::nullopt;
  std::unordered_map<int64_t, double> dot;
  std::unordered_set<int64_t> out_of_window;
  double vnorm = 0;
  for (const auto& [t, w] : v) vnorm += w * w;
  for (const auto& [t, w] : v) {
    auto it = postings_.find(t);
    if (it == postings_.end()) continue;
    const auto& p = it->second;
    size_t scanned = 0;
    for (auto id = p.rbegin(); id != p.rend() && scanned < kPostingsScan; ++id, ++scanned) {
      if (out_of_window.count(*id)) continue;
      const Story& s = stories_.at(*id);
      auto sw = s.weights.find(t);
      if (sw == s.weights.end()) continue;  // pruned from the centroid since
      auto d = dot.find(*id);
      if (d == dot.end()) {
        bool in = day ? false : s.first_date.empty();
        if (day && !s.first_date.empty()) {
          auto first = DayNumber(s.first_date), last = DayNumber(s.last_date);
          in = first && last && *day >= *first - kWindowDays && *day <= *last + kWindowDays;
        }
        if (!in) {
          out_of_window.insert(*id);
          continue;
        }
        d = dot.emplace(*id, 0.0).first;
      }
      d->second += w * sw->second;
    }
  }
  int64_t best = 0;
  double best_sim = 0;
  for (const auto& [id, x] : dot) {
    const Story& s = stories_.at(id);
    const double sim = (s.norm > 0 && vnorm > 0) ? x / (s.norm * std::sqrt(vnorm)) : 0;
    if (sim > best_sim || (sim == best_sim && id < best)) best_sim = sim, best = id;
  }
  if (similarity) *similarity = best_sim;
  return best_sim >= kJoin ? best : 0;
}

void StoryIndex::Index(Story& s) {
  s.weights.clear();
  s.norm = 0;
  for (const auto& [t, w] : s.centroid) {
    s.weights[t] = w;
    s.norm += w * w;
    auto& p = postings_[t];
    // Move the story to the back: the newest postings are scanned first.
    auto at = std::find(p.rbegin(), p.rend(), s.id);
    if (at != p.rend()) p.erase(std::next(at).base());
    p.push_back(s.id);
  }
  s.norm = std::sqrt(s.norm);
}

void StoryIndex::AddStory(Story story) {
  int64_t id = story.id;
  Story& s = stories_[id] = std::move(story);
  Index(s);
}

const Story& StoryIndex::Join(int64_t id, const TermVector& v, const std::optional<std::string>& date) {
  Story& s = stories_.at(id);
  std::unordered_map<std::string, double> sum(s.centroid.begin(), s.centroid.end());
  for (const auto& [t, w] : v) sum[t] += w;
  TermVector c(sum.begin(), sum.end());
  Prune(c, kCentroidTerms);
  // Terms pruned away keep a stale posting; Match skips them by the cosine (weight 0).
  s.centroid = std::move(c);
  ++s.articles;
  if (date && !date->empty()) {
    std::string d = date->substr(0, 10);
    if (s.first_date.empty() || d < s.first_date) s.first_date = d;
    if (s.last_date.empty() || d > s.last_date) s.last_date = d;
  }
  Index(s);
  return s;
}

const Story& StoryIndex::Start(int64_t id, const std::string& title, const TermVector& v,
                               const std::optional<std::string>& date) {
  Story s;
  s.id = id;
  s.title = title;
  s.centroid = v;
  s.articles = 1;
  if (date && !date->empty()) s.first_date = s.last_date = date->substr(0, 10);
  AddStory(std::move(s));
  return stories_.at(id);
}

std::string EncodeTerms(const TermVector& v) {
  std::string out;
  char buf[32];
  for (const auto& [t, w] : v) {
    std::snprintf(buf, sizeof buf, "%.4g", w);
    out += t;
    out += '\t';
    out += buf;
    out += '\n';
  }
  return out;
}

TermVector DecodeTerms(std::string_view s) {
  TermVector v;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) nl = s.size();
    std::string_view line = s.substr(start, nl - start);
    size_t tab = line.find('\t');
    if (tab != std::string_view::npos)
      v.emplace_back(std::string(line.substr(0, tab)), std::strtod(std::string(line.substr(tab + 1)).c_str(), nullptr));
    start = nl + 1;
  }
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace rasd::corpus
