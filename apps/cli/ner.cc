// rasd train-ner / rasd ner: train the statistical NER tagger on CoNLL data and tag
// CoNLL files with it (src/ner/tagger.h).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include "commands.h"
#include "eval/eval.h"
#include "ner/clusters.h"
#include "ner/names.h"
#include "ner/tagger.h"
#include "pipeline/resources.h"
#include "read/reader.h"

namespace rasd::cli {

namespace {

std::shared_ptr<const ner::NameHints> Hints(const Common& common) {
  auto res = Resources::Load(common.data_dir);
  if (!res.ok()) {
    std::fprintf(stderr, "rasd: cannot load data: %s\n", res.error().ToString().c_str());
    return nullptr;
  }
  return std::make_shared<const ner::NameHints>(res.value()->gazetteer);
}

void WriteConll(std::ostream& o, const std::vector<ner::Sentence>& sents, const std::vector<std::vector<std::string>>& tags) {
  for (size_t k = 0; k < sents.size(); ++k) {
    for (size_t i = 0; i < sents[k].words.size(); ++i) o << sents[k].words[i] << ' ' << tags[k][i] << '\n';
    o << '\n';
  }
}

}  // namespace

int TrainNer(const Common& common, const TrainNerArgs& a) {
  std::vector<ner::Sentence> data;
  for (const auto& path : a.train) {
    auto r = ner::ReadConll(path);
    if (!r.ok()) {
      std::fprintf(stderr, "rasd: %s\n", r.error().ToString().c_str());
      return 2;
    }
    for (auto& s : r.value())
      if (!s.tags.empty()) data.push_back(std::move(s));
  }
  if (data.empty()) {
    std::fprintf(stderr, "rasd: no tagged sentences to train on\n");
    return 2;
  }
  std::vector<ner::Sentence> test;
  if (a.test_last > 0) {
    const size_t n = static_cast<size_t>(data.size() * a.test_last);
    test.assign(std::make_move_iterator(data.end() - n), std::make_move_iterator(data.end()));
    data.resize(data.size() - n);
  }
  for (const auto& path : a.extra) {
    auto r = ner::ReadConll(path);
    if (!r.ok()) {
      std::fprintf(stderr, "rasd: %s\n", r.error().ToString().c_str());
      return 2;
    }
    for (auto& s : r.value())
      if (!s.tags.empty()) s.domain = 1, data.push_back(std::move(s));
  }
  auto hints = Hints(common);
  if (!hints) return 2;
  size_t words = 0;
  for (const auto& s : data) words += s.words.size();
  if (!common.quiet)
    std::fprintf(stderr, "rasd: training on %zu sentences (%zu words), %d epochs\n", data.size(), words, a.epochs);
  auto t0 = std::chrono::steady_clock::now();
  ner::Vocabulary vocab;
  if (!a.unlabeled.empty()) {
    size_t articles = 0;
    for (int pass = 0; pass < 2; ++pass) {
      read::ArticleSource source(a.unlabeled);
      articles = 0;
      while (true) {
        auto next = source.Next();
        if (!next.ok()) continue;  // unreadable input: skipped (the reader says where)
        if (!next.value()) break;
        if (pass == 0) vocab.Count(next.value()->body);
        else vocab.CountContexts(next.value()->body);
        ++articles;
      }
    }
    vocab.Finish();
    if (!common.quiet) std::fprintf(stderr, "rasd: vocabulary of %zu words from %zu unlabeled articles\n", vocab.size(), articles);
  }
  ner::WordClusters clusters;
  if (!a.clusters.empty()) {
    auto c = ner::WordClusters::Load(a.clusters);
    if (!c.ok()) {
      std::fprintf(stderr, "rasd: %s\n", c.error().ToString().c_str());
      return 2;
    }
    clusters = std::move(c.value());
    if (!common.quiet) std::fprintf(stderr, "rasd: classes of %zu words\n", clusters.size());
  }
  ner::NameWords names;
  if (!a.names.empty()) {
    auto r = ner::NameWords::Load(a.names);
    if (!r.ok()) {
      std::fprintf(stderr, "rasd: %s\n", r.error().ToString().c_str());
      return 2;
    }
    names = std::move(r.value());
    if (!common.quiet) std::fprintf(stderr, "rasd: %zu name words\n", names.size());
  }
  ner::TrainOptions options;
  options.epochs = a.epochs;
  options.adapt = a.adapt;
  options.seed = a.seed;
  options.dropout = a.dropout;
  options.document_window = a.document_window;
  auto progress = [&](int epoch, double acc) {
    if (!common.quiet) std::fprintf(stderr, "  epoch %2d  training accuracy %.4f\n", epoch, acc);
  };
  auto tagger = ner::Tagger::Train(data, hints, options, std::move(vocab), std::move(clusters), std::move(names), progress);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (auto st = tagger->Save(a.model); !st.ok()) {
    std::fprintf(stderr, "rasd: %s\n", st.error().ToString().c_str());
    return 2;
  }
  if (!common.quiet)
    std::fprintf(stderr, "rasd: %zu features, trained in %.1f s -> %s\n", tagger->features(), secs, a.model.c_str());
  if (test.empty()) return 0;
  // Held-out evaluation: entity-level precision, recall and F1 per type.
  std::vector<std::vector<std::string>> gold, pred;
  size_t test_words = 0;
  auto t1 = std::chrono::steady_clock::now();
  {
    std::vector<std::vector<std::string>> words;
    for (const auto& s : test) {
      words.push_back(s.words);
      gold.push_back(s.tags);
      test_words += s.words.size();
    }
    pred = tagger->TagDocument(words);
  }
  const double tag_secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  const auto score = eval::ScoreConll(gold, pred);
  std::printf("held out: last %zu sentences (%zu words), tagged at %.0f words/s\n", test.size(), test_words,
              test_words / tag_secs);
  std::printf("%-6s %9s %9s %9s %7s\n", "type", "precision", "recall", "F1", "gold");
  auto row = [](const std::string& type, const eval::Prf& c) {
    std::printf("%-6s %9.3f %9.3f %9.3f %7lld\n", type.c_str(), c.Precision(), c.Recall(), c.F1(),
                static_cast<long long>(c.tp + c.fn));
  };
  for (const auto& [type, c] : score.by_type) row(type, c);
  row("micro", score.micro);
  if (!a.test_out.empty()) {
    std::ofstream go(a.test_out + ".gold.conll"), po(a.test_out + ".pred.conll");
    WriteConll(go, test, gold);
    WriteConll(po, test, pred);
  }
  return 0;
}

int NerClusters(const Common& common, const NerClustersArgs& a) {
  auto t0 = std::chrono::steady_clock::now();
  ner::WordClusters clusters;
  read::ArticleSource source(a.unlabeled);
  size_t articles = 0;
  while (true) {
    auto next = source.Next();
    if (!next.ok()) continue;  // unreadable input: skipped (the reader says where)
    if (!next.value()) break;
    clusters.Add(next.value()->body);
    ++articles;
  }
  if (articles == 0) {
    std::fprintf(stderr, "rasd: no unlabeled articles\n");
    return 2;
  }
  ner::ClusterOptions options;
  options.sizes = a.sizes;
  options.min_count = a.min_count;
  options.max_words = a.max_words;
  options.iterations = a.iterations;
  clusters.Compute(options, [&](int k, int it, size_t moved) {
    if (!common.quiet)
      std::fprintf(stderr, "  %5d classes, pass %d: %zu words moved (%.0f s)\n", k, it, moved,
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  });
  if (auto st = clusters.Save(a.out); !st.ok()) {
    std::fprintf(stderr, "rasd: %s\n", st.error().ToString().c_str());
    return 2;
  }
  if (!common.quiet)
    std::fprintf(stderr, "rasd: classes of %zu words from %zu articles in %.0f s -> %s\n", clusters.size(), articles,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), a.out.c_str());
  return 0;
}

int Ner(const Common& common, const NerArgs& a) {
  auto hints = Hints(common);
  if (!hints) return 2;
  const std::string model =
      !a.model.empty() ? a.model : (common.data_dir.empty() ? DefaultDataDir() : common.data_dir) + "/ner/rasd-ner.model";
  auto tagger = ner::Tagger::Load(model, hints);
  if (!tagger.ok()) {
    std::fprintf(stderr, "rasd: %s\n", tagger.error().ToString().c_str());
    return 2;
  }
  auto sents = ner::ReadConll(a.conll, /*tags=*/false);
  if (!sents.ok()) {
    std::fprintf(stderr, "rasd: %s\n", sents.error().ToString().c_str());
    return 2;
  }
  // The file is one text: its sentences see each other (document context), unless
  // --sentences asks for them one by one.
  std::vector<std::vector<std::string>> words;
  for (const auto& s : sents.value()) words.push_back(s.words);
  std::vector<std::vector<std::string>> tags;
  if (a.sentences) {
    for (const auto& w : words) tags.push_back(tagger.value()->Tag(w));
  } else {
    tags = tagger.value()->TagDocument(words);
  }
  for (size_t k = 0; k < words.size(); ++k) {
    for (size_t i = 0; i < words[k].size(); ++i) std::printf("%s %s\n", words[k][i].c_str(), tags[k][i].c_str());
    std::printf("\n");
  }
  return 0;
}

}  // namespace rasd::cli
