// ner/clusters.h: word classes learnt from unlabeled text, as features of the tagger.
//
// Words that occur between the same neighbours fall into the same class: first names
// with first names, transliterated surnames with surnames, months with months. A
// name the labeled corpus never saw then shares its class with names it did see
// (Ratinov & Roth 2009 used Brown clusters the same way). The classes are those of a
// class bigram model, P(w_i | w_i-1) = P(c_i | c_i-1) P(w_i | c_i), fitted by the
// exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998): every word in
// turn moves to the class that most raises the likelihood of the text. One run per
// granularity (e.g. 32, 128, 512 and 1024 classes) stands in for Brown's prefixes of
// different lengths. Deterministic: the start, the order of visits and the ties
// depend only on the counts.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rasd/result.h"

namespace rasd::ner {

struct ClusterOptions {
  std::vector<int> sizes = {32, 128, 512, 1024};  // classes per granularity
  int64_t min_count = 3;                          // rarer words are left out (their bigrams too)
  size_t max_words = 200000;                      // the commonest words at most
  int iterations = 8;                        // passes over the vocabulary per granularity
};

class WordClusters {
 public:
  // Collects the words of one unlabeled text (normalised keys, corpus/terms.h); the
  // text's edges are a break, as between two texts.
  void Add(std::string_view text);
  // Collects one sequence of already normalised words.
  void AddWords(const std::vector<std::string>& norms);
  // Clusters what was added (and then forgets the text). `progress(granularity,
  // iteration, words moved)` after each pass.
  void Compute(const ClusterOptions& options,
               const std::function<void(int, int, size_t)>& progress = {});

  // The word's class at each granularity, or nullptr when it has none.
  const std::vector<uint16_t>* Find(const std::string& norm) const {
    auto it = classes_.find(norm);
    return it == classes_.end() ? nullptr : &it->second;
  }
  size_t size() const { return classes_.size(); }
  const std::vector<int>& sizes() const { return sizes_; }

  // A text file: a header line "rasd-clusters 1 K1 K2 …", then per line a word and its
  // classes, tab-separated, words in spelling order.
  Status Save(const std::string& path) const;
  static Result<WordClusters> Load(const std::string& path);

  // For the model file: the granularities and each word's classes.
  std::vector<int>& mutable_sizes() { return sizes_; }
  std::unordered_map<std::string, std::vector<uint16_t>>& mutable_classes() { return classes_; }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> words_;
  std::vector<uint32_t> text_;  // word ids; kBreak between texts
  std::vector<int> sizes_;
  std::unordered_map<std::string, std::vector<uint16_t>> classes_;
};

}  // namespace rasd::ner
