// rasd ingest: analyse articles and store them in the SQLite database.
#include <cstdio>

#include "commands.h"
#include "pipeline/json.h"
#include "pipeline/runner.h"
#include "progress.h"
#include "store/store.h"

namespace rasd::cli {

int Ingest(const Common& common, const IngestArgs& args) {
  auto res = Resources::Load(common.data_dir);
  if (!res.ok()) {
    std::fprintf(stderr, "rasd: cannot load data: %s\n", res.error().ToString().c_str());
    return 2;
  }
  auto store = store::Store::Open(args.db);
  if (!store.ok()) {
    std::fprintf(stderr, "rasd: %s\n", store.error().ToString().c_str());
    return 2;
  }
  auto& db = *store.value();
  Pipeline pipeline(res.value());
  const std::string version = res.value()->Version();
  read::ArticleSource source(args.paths, read::ReaderOptions{common.max_bytes});
  RunOptions options;
  options.threads = common.threads;
  options.analyze.date = args.date;
  options.analyze.outlet = args.outlet;
  Progress progress(source.bytes_total(), !common.quiet);
  size_t added = 0, duplicates = 0, events = 0, failed = 0;
  bool db_failed = false;
  if (auto st = db.Begin(); !st.ok()) {
    std::fprintf(stderr, "rasd: %s\n", st.error().ToString().c_str());
    return 2;
  }
  auto totals = Run(
      source, pipeline, options,
      [&](Document&& doc) {
        auto r = db.Add(doc, ToJsonLine(doc), version);
        if (!r.ok()) {
          db_failed = true;
          ++failed;
          std::fprintf(stderr, "rasd: %s: %s\n", doc.input.c_str(), r.error().message.c_str());
        } else if (r.value()) {
          ++added;
          events += doc.events.size();
        } else {
          ++duplicates;
        }
      },
      [&](const Error& e) {
        progress.Finish();
        std::fprintf(stderr, "rasd: %s\n", e.ToString().c_str());
      },
      [&](const RunTotals& t) {
        progress.Update(t.articles, source.bytes_read());
        // Commit every batch so a long ingest can be interrupted without losing it all.
        (void)db.Commit();
        (void)db.Begin();
      });
  progress.Finish();
  if (auto st = db.Commit(); !st.ok()) {
    std::fprintf(stderr, "rasd: %s\n", st.error().ToString().c_str());
    return 2;
  }
  if (!common.quiet || totals.errors || failed)
    std::fprintf(stderr, "rasd: %zu articles read, %zu stored, %zu already there, %zu events; %zu inputs failed -> %s\n",
               totals.articles, added, duplicates, events, totals.errors + failed, args.db.c_str());
  return (totals.errors || db_failed) ? 1 : 0;
}

}  // namespace rasd::cli
