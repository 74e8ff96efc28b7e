// apps/cli/commands.h: the verbs of the rasd command line. Each is a thin front
// end over the libraries; exit status 0 = all went well, 1 = some input failed,
// 2 = nothing could be done (bad usage, data files or database).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rasd::cli {

struct Common {
  std::string data_dir;  // --data
  int threads = 1;       // -j
  bool quiet = false;    // --quiet: no progress bar
  size_t max_bytes = 8u << 20;
};

struct AnalyzeArgs {
  std::vector<std::string> paths;
  std::string format = "jsonl";
  std::string date, outlet;
};
int Analyze(const Common& common, const AnalyzeArgs& args);

struct IngestArgs {
  std::vector<std::string> paths;
  std::string db;
  std::string date, outlet;
  bool learn = true;  // learn each outlet's recurring lines as chrome and re-clean
};
int Ingest(const Common& common, const IngestArgs& args);

struct EventsArgs {
  std::string db, actor, source, target, type, from, to, format = "table";
  long limit = -1;
  bool all = false;
  bool every_report = false;
};
int Events(const EventsArgs& args);
int Stats(const std::string& db);

struct SearchArgs {
  std::string db, query, format = "table";
  std::string outlet, from, to, actor, type;
  long limit = 20, offset = 0;
};
int Search(const SearchArgs& args);

struct StoriesArgs {
  std::string db, format = "table";
  long limit = 30, offset = 0, min_articles = 2, story = 0;
};
int Stories(const StoriesArgs& args);

struct DyadsArgs {
  std::string db, source, target, period = "month", from, to, format = "table";
  bool both = false;
  long limit = 30;
};
int Dyads(const DyadsArgs& args);

struct ServeArgs {
  std::string db, host = "127.0.0.1", web_dir, ingest_token;
  int port = 8080;
};
int Serve(const Common& common, const ServeArgs& args);

struct TrainNerArgs {
  std::vector<std::string> train, unlabeled;
  std::vector<std::string> extra;  // other corpora: trained on, never held out
  bool adapt = false;              // keep their features apart (TrainOptions::adapt)
  std::string model, test_out, clusters;
  std::string names;  // name words (ner/names.h), as features
  int epochs = 12;
  uint32_t seed = 1;
  double dropout = 0.25;
  int document_window = 0;  // TrainOptions::document_window
  double test_last = 0;  // hold out this share of the sentences (the last ones) and score on it
};
int TrainNer(const Common& common, const TrainNerArgs& args);

struct NerClustersArgs {
  std::vector<std::string> unlabeled;
  std::string out;
  std::vector<int> sizes = {32, 128, 512, 1024};
  int64_t min_count = 3;
  size_t max_words = 200000;
  int iterations = 8;
};
int NerClusters(const Common& common, const NerClustersArgs& args);

struct NerArgs {
  std::string model, conll;
  bool sentences = false;  // each sentence on its own, as the pipeline tags (no document context)
};
int Ner(const Common& common, const NerArgs& args);

struct EvalArgs {
  std::string gold;          // the gold file
  std::string model, types;  // ner: model file (default: the shipped one), types to score (PER,LOC,ORG)
  bool verbose = false;      // sentences: print every miss
};
int EvalSentences(const Common& common, const EvalArgs& args);
int EvalNer(const Common& common, const EvalArgs& args);

}  // namespace rasd::cli
