// apps/cli/commands.h: the verbs of the rasd command line. Each is a thin front
// end over the libraries; exit status 0 = all went well, 1 = some input failed,
// 2 = nothing could be done (bad usage, data files or database).
#pragma once

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
  std::string db, actor, type, from, to, format = "table";
  long limit = -1;
  bool all = false;
};
int Events(const EventsArgs& args);
int Stats(const std::string& db);

}  // namespace rasd::cli
