// corpus/stories.h: grouping articles into stories as they arrive.
//
// An article is described by a weighted set of terms: the actors it names
// ("@vladimir_putin", "@RUS"), the stems of its title (twice the weight) and of its
// lead (the first kLeadWords words), without stopwords. Weights are term frequency
// times inverse document frequency, the document frequencies counted over every
// article seen so far. A story keeps the sum of its articles' vectors (its centroid,
// pruned to its kCentroidTerms heaviest terms) and its date range. A new article
// joins the most similar story (cosine) whose dates are within kWindowDays of its
// own, when the similarity reaches kJoin; otherwise it starts a story.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "rasd/document.h"

namespace rasd::corpus {

inline constexpr int kLeadWords = 60;
inline constexpr int kArticleTerms = 30;
inline constexpr int kCentroidTerms = 60;
inline constexpr int kWindowDays = 3;
inline constexpr double kJoin = 0.3;

using TermCounts = std::unordered_map<std::string, double>;
using TermVector = std::vector<std::pair<std::string, double>>;

// Raw term counts of an article (before idf).
TermCounts ArticleTerms(const Document& doc, const std::unordered_set<std::string>& stopwords);

// Days since 1970-01-01 of an ISO date (YYYY-MM-DD...), or nullopt.
std::optional<int64_t> DayNumber(std::string_view iso);

struct Story {
  int64_t id = 0;
  std::string title, first_date, last_date;
  int64_t articles = 0;
  TermVector centroid;  // sorted by term
  // Derived from centroid when indexed: term -> weight, and the vector's norm.
  std::unordered_map<std::string, double> weights;
  double norm = 0;
};

// Each term's postings are scanned from the newest story back, at most this many:
// stories are found among the recent ones sharing a term (input roughly in date order).
inline constexpr size_t kPostingsScan = 200;

class StoryIndex {
 public:
  // Loading: the stored stories and document frequencies.
  void AddStory(Story story);
  void SetDocFreq(std::string term, int64_t df) { df_[std::move(term)] = df; }
  void SetDocCount(int64_t n) { docs_ = n; }

  // Counts the article's terms into the document frequencies (call once per article).
  void CountDoc(const TermCounts& terms);
  // The article's tf-idf vector, its kArticleTerms heaviest terms, sorted by term.
  TermVector Weigh(const TermCounts& terms) const;
  // The best story for the vector, or 0 when none is close enough.
  int64_t Match(const TermVector& v, const std::optional<std::string>& date, double* similarity = nullptr) const;
  // Adds the article to story `id` (which must exist) and returns the story.
  const Story& Join(int64_t id, const TermVector& v, const std::optional<std::string>& date);
  // Starts a story with id `id`.
  const Story& Start(int64_t id, const std::string& title, const TermVector& v, const std::optional<std::string>& date);

  int64_t docs() const { return docs_; }
  int64_t DocFreq(const std::string& term) const {
    auto it = df_.find(term);
    return it == df_.end() ? 0 : it->second;
  }

 private:
  std::unordered_map<int64_t, Story> stories_;
  std::unordered_map<std::string, std::vector<int64_t>> postings_;  // term -> stories with it in their centroid
  std::unordered_map<std::string, int64_t> df_;
  int64_t docs_ = 0;
  void Index(Story& s);
};

std::string EncodeTerms(const TermVector& v);
TermVector DecodeTerms(std::string_view s);

}  // namespace rasd::corpus
