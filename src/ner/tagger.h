// ner/tagger.h: a statistical named-entity tagger for Arabic (BIO tags over words).
//
// A first-order linear-chain model trained as an averaged structured perceptron
// (Collins 2002) and decoded with Viterbi under BIO constraints (I-X only after B-X or
// I-X). Features of a word: its orthographic key and light stem (corpus/terms.h), its
// first and last one to three letters, its shape, the same for its neighbours (±2),
// word bigrams, and which gazetteer names it can start or continue (countries,
// nationality adjectives, places, people, organisations; also after stripping the
// proclitics و ف ب ل ك ال), and, when the model has a list of name words
// (ner/names.h), which types of names it and its neighbours are part of. Transitions
// between tags carry their own weights.
//
// Training data is CoNLL (a word and its tag per line, the tag last, a blank line
// between sentences). The model is a binary file: rasd train-ner writes it, rasd ner
// and the pipeline read it; it is derived from its training corpus, so it is not kept
// in this repository.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "entities/gazetteer.h"
#include "ner/clusters.h"
#include "ner/names.h"
#include "rasd/result.h"

namespace rasd::ner {

struct Sentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;  // empty when untagged
  // Training only: 0 for the corpus the model is for, 1 for other corpora (another
  // genre, other conventions); see TrainOptions::adapt.
  int domain = 0;
};

// Reads a CoNLL file: first column the word, last column the tag (absent: untagged).
// With `tags` false, only the words are read (any other columns are ignored).
Result<std::vector<Sentence>> ReadConll(const std::string& path, bool tags = true);

// What the gazetteer says a word may be: one token of which kind of name, where.
class NameHints {
 public:
  explicit NameHints(std::shared_ptr<const entities::Gazetteer> gazetteer);
  // The rule-based recognizer's reading of the words (entities/recognizer.h): per word
  // "B-PER", "I-ORG", … or "O". Its entities become features of the statistical model.
  std::vector<std::string> RuleTags(const std::vector<std::string>& words) const;
  // Appends hint features ("g:B-place", "g:S-country", …) of a normalised word.
  void Add(std::string_view norm, const std::string& prefix, std::vector<std::string>& out) const;

 private:
  std::unordered_map<std::string, std::vector<std::string>> hints_;
  std::shared_ptr<const entities::Gazetteer> gazetteer_;
};

// How a word behaves in unlabeled text (counted once over a large corpus before
// training, and kept in the model): how often it occurs, and how often with the
// article ال. A foreign name unseen in news, or a word never written with ال, is
// likely a name; the tagger sees both as features.
// Each word also gets its distributional context: the frequent word (one of the
// kContextWords commonest) that most often precedes it and the one that most often
// follows it, so that an unseen name shares features with names seen in training
// ("الموسيقار X", "X إن").
class Vocabulary {
 public:
  static constexpr size_t kContextWords = 300;
  // First pass over the unlabeled text.
  void Count(std::string_view text);
  // Second pass (after the first): the contexts.
  void CountContexts(std::string_view text);
  // Packs each word's frequency and article-share buckets and its contexts; words
  // seen fewer than `min_count` times are dropped.
  void Finish(int64_t min_count = 2);
  uint8_t Code(const std::string& norm) const {
    auto it = codes_.find(norm);
    return it == codes_.end() ? 0 : it->second;
  }
  // The word's commonest left and right context words ("" when unknown).
  std::pair<std::string, std::string> Contexts(const std::string& norm) const;
  size_t size() const { return codes_.size(); }
  std::unordered_map<std::string, uint8_t>& codes() { return codes_; }
  std::unordered_map<std::string, std::pair<uint16_t, uint16_t>>& contexts() { return contexts_; }
  std::vector<std::string>& context_words() { return context_words_; }

 private:
  std::unordered_map<std::string, std::pair<int64_t, int64_t>> counts_;  // bare, with ال
  std::unordered_map<std::string, uint8_t> codes_;
  std::vector<std::string> context_words_;  // id - 1 -> word (0 = none)
  std::unordered_map<std::string, uint16_t> context_id_;
  std::unordered_map<std::string, std::unordered_map<uint16_t, int32_t>> left_, right_;
  std::unordered_map<std::string, std::pair<uint16_t, uint16_t>> contexts_;
};

struct TrainOptions {
  int epochs = 12;
  // Daumé's (2007) feature augmentation: every feature also exists once per domain, so
  // that another corpus teaches the shared weights what it has in common with ours and
  // keeps its own habits in its own copies. Tagging uses the shared and domain-0 copies.
  bool adapt = false;
  // Document context (Ratinov & Roth 2009): a name is often written plainly once its
  // article has introduced it ("الفنان طلعت زكريا" … "طلعت زكريا"), so a word also sees
  // which types a first tagging gave its other occurrences in the sentences around it,
  // this many before and after (0: off). Training gets those first taggings by
  // jackknife (`folds` models, each tagging the part it was not trained on), so that
  // they are as wrong as at test time.
  int document_window = 0;
  int folds = 5;
  uint32_t seed = 1;  // sentence order is shuffled each epoch
  // Word dropout: in each visit of a training sentence, each word loses with this
  // probability the features of its own spelling (word, stem, bigrams, letter n-grams),
  // keeping those of its context, classes and gazetteer hints. Most names at test time
  // were never seen in training; this teaches the model to find them as such.
  double dropout = 0.25;
};

class Tagger {
 public:
  // Trains on `data`; `progress(epoch, accuracy on the training data)` after each epoch.
  static std::unique_ptr<Tagger> Train(const std::vector<Sentence>& data, std::shared_ptr<const NameHints> hints,
                                       const TrainOptions& options, Vocabulary vocabulary,
                                       WordClusters clusters = {}, NameWords names = {},
                                       const std::function<void(int, double)>& progress = {});
  static Result<std::unique_ptr<Tagger>> Load(const std::string& path, std::shared_ptr<const NameHints> hints);
  Status Save(const std::string& path) const;

  // BIO tags for the words of one sentence.
  std::vector<std::string> Tag(const std::vector<std::string>& words) const;
  // BIO tags for consecutive sentences of one text, each seeing the others (document
  // context, TrainOptions::document_window).
  std::vector<std::vector<std::string>> TagDocument(const std::vector<std::vector<std::string>>& sentences) const;
  size_t features() const { return index_.size(); }

 private:
  // What the sentences around one sentence say of its words: per word key (KeyOf), how
  // many of its occurrences a first tagging gave each type ("O" for none).
  using Context = std::unordered_map<std::string, std::unordered_map<std::string, int>>;
  static std::string KeyOf(const std::string& norm);
  static Context ContextOf(const std::vector<std::vector<std::string>>& sentences,
                           const std::vector<std::vector<std::string>>& tags, size_t k, int window);
  std::vector<std::vector<std::string>> Features(const std::vector<std::string>& words, int domain = 0,
                                                 const Context* context = nullptr) const;
  std::vector<std::string> TagWith(const std::vector<std::string>& words, const Context* context) const;
  std::vector<int> Decode(const std::vector<std::vector<int32_t>>& feats) const;
  bool Allowed(int from, int to) const;  // from = -1 at the start

  std::shared_ptr<const NameHints> hints_;
  Vocabulary vocab_;
  WordClusters clusters_;
  NameWords names_;
  bool adapt_ = false;
  int document_window_ = 0;
  std::vector<std::string> tags_;
  std::unordered_map<std::string, int32_t> index_;
  std::vector<float> weights_;  // feature * tags + tag
  std::vector<float> trans_;    // (from + 1) * tags + to; from = -1 is the start
};

}  // namespace rasd::ner
