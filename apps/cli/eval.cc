// rasd eval: score rasd against gold data (src/eval/eval.h).
//   rasd eval sentences GOLD.jsonl   detection or validation sentence sets
//   rasd eval ner GOLD.conll         the NER model's entities against CoNLL gold
#include <atomic>
#include <cstdio>
#include <sstream>
#include <thread>

#include "commands.h"
#include "eval/eval.h"
#include "ner/tagger.h"
#include "pipeline/pipeline.h"
#include "pipeline/resources.h"
#include "progress.h"

namespace rasd::cli {

namespace {

void PrintPrf(const std::string& name, const eval::Prf& p, const char* what) {
  std::printf("%-8s %s precision %.3f recall %.3f F1 %.3f  (tp %lld fp %lld fn %lld)\n", name.c_str(), what,
              p.Precision(), p.Recall(), p.F1(), static_cast<long long>(p.tp), static_cast<long long>(p.fp),
              static_cast<long long>(p.fn));
}

double Share(int64_t a, int64_t b) { return b ? double(a) / double(b) : 0.0; }

}  // namespace

int EvalSentences(const Common& common, const EvalArgs& args) {
  auto gold = eval::ReadSentences(args.gold);
  if (!gold.ok()) {
    std::fprintf(stderr, "rasd: %s\n", gold.error().ToString().c_str());
    return 2;
  }
  auto res = Resources::Load(common.data_dir);
  if (!res.ok()) {
    std::fprintf(stderr, "rasd: cannot load data: %s\n", res.error().ToString().c_str());
    return 2;
  }
  const auto& sentences = gold.value();
  Pipeline pipeline(res.value());
  std::vector<Document> docs(sentences.size());
  // Analyse in blocks on N threads; the bar moves between blocks.
  Progress progress(sentences.size(), !common.quiet);
  const size_t block = 256;
  for (size_t from = 0; from < sentences.size(); from += block) {
    const size_t to = std::min(sentences.size(), from + block);
    std::atomic<size_t> next{from};
    auto work = [&] {
      for (size_t i; (i = next++) < to;) {
        read::RawArticle a;
        a.id = sentences[i].id;
        a.input = args.gold + ":" + std::to_string(i + 1);
        a.body = sentences[i].text;
        if (!sentences[i].date.empty()) a.date = sentences[i].date;
        docs[i] = pipeline.Analyze(a);
      }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < common.threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    progress.Update(to, to);
  }
  progress.Finish();
  const bool detection = !sentences.empty() && sentences[0].detection;
  if (args.verbose) {
    for (size_t i = 0; i < sentences.size(); ++i) {
      const auto& g = sentences[i];
      bool found = false;
      for (const auto& e : docs[i].events) found |= e.plover == g.plover && eval::Counted(e);
      if (detection && g.label != "ambiguous" && found != (g.label == "yes"))
        std::printf("%s %s %s\n", found ? "FP" : "FN", g.plover.c_str(), g.text.c_str());
      if (!detection && !found) std::printf("MISS %s %s\n", g.plover.c_str(), g.text.c_str());
    }
  }
  if (detection) {
    const auto s = eval::ScoreDetection(sentences, docs);
    for (const auto& [type, prf] : s.by_type) PrintPrf(type, prf, "detection");
    std::printf("ambiguous (skipped) %lld\n", static_cast<long long>(s.skipped));
    return 0;
  }
  const auto s = eval::ScoreValidation(sentences, docs);
  for (const auto& [type, c] : s.category)
    std::printf("%-8s category recall %lld/%lld = %.3f\n", type.c_str(), static_cast<long long>(c.first),
                static_cast<long long>(c.second), Share(c.first, c.second));
  std::printf("category recall %lld/%lld = %.3f\n", static_cast<long long>(s.found), static_cast<long long>(s.total),
              Share(s.found, s.total));
  std::printf("source country  %lld/%lld = %.3f   (where gold names one)\n", static_cast<long long>(s.source),
              static_cast<long long>(s.source_total), Share(s.source, s.source_total));
  std::printf("target country  %lld/%lld = %.3f   (where gold names one)\n", static_cast<long long>(s.target),
              static_cast<long long>(s.target_total), Share(s.target, s.target_total));
  return 0;
}

int EvalNer(const Common& common, const EvalArgs& args) {
  auto res = Resources::Load(common.data_dir);
  if (!res.ok()) {
    std::fprintf(stderr, "rasd: cannot load data: %s\n", res.error().ToString().c_str());
    return 2;
  }
  const std::string model = !args.model.empty() ? args.model
                                                : (common.data_dir.empty() ? DefaultDataDir() : common.data_dir) +
                                                      "/ner/rasd-ner.model";
  auto tagger = ner::Tagger::Load(model, std::make_shared<const ner::NameHints>(res.value()->gazetteer));
  if (!tagger.ok()) {
    std::fprintf(stderr, "rasd: %s\n", tagger.error().ToString().c_str());
    return 2;
  }
  std::vector<Error> warnings;
  auto gold = eval::ReadConllGold(args.gold, &warnings);
  if (!gold.ok()) {
    std::fprintf(stderr, "rasd: %s\n", gold.error().ToString().c_str());
    return 2;
  }
  for (const auto& w : warnings) std::fprintf(stderr, "rasd: %s\n", w.ToString().c_str());
  // As `rasd ner` tags it: the file is one text, its sentences see each other.
  const auto& words = gold.value().words;
  const auto predicted = tagger.value()->TagDocument(words);
  std::set<std::string> types;
  std::stringstream in(args.types);
  for (std::string t; std::getline(in, t, ',');)
    if (!t.empty()) types.insert(t);
  const auto s = eval::ScoreConll(gold.value().tags, predicted, types);
  for (const auto& [type, prf] : s.by_type) PrintPrf(type, prf, "entities");
  PrintPrf("micro", s.micro, "entities");
  return 0;
}

}  // namespace rasd::cli
