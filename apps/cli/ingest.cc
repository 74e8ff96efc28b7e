// rasd ingest: analyse articles and store them in the SQLite database.
#include <cstdio>

#include "commands.h"
#include "pipeline/json.h"
#include "pipeline/runner.h"
#include "progress.h"
#include "store/store.h"

namespace rasd::cli {

// A line is an outlet's chrome when it recurs in at least kLearnMinArticles of its
// articles and in at least kLearnMinShare of them (docs/contract.md, "learned-chrome").
constexpr int64_t kLearnMinArticles = 5;
constexpr double kLearnMinShare = 0.3;

namespace {

// Re-cleans the stored articles of outlets whose learned chrome grew. Returns how many changed.
Result<size_t> Reclean(store::Store& db, const Pipeline& pipeline, const std::string& version,
                       const store::LearnedChromeMap& before, const std::shared_ptr<const LearnedChrome>& after) {
  size_t changed = 0;
  for (const auto& [outlet, keys] : *after) {
    auto old = before.find(outlet);
    if (old != before.end() && old->second == keys) continue;
    auto articles = db.ArticlesOf(outlet);
    if (!articles.ok()) return articles.error();
    AnalyzeOptions options;
    options.learned = after;
    for (const auto& a : articles.value()) {
      Document doc = pipeline.Analyze(a.raw, options);
      if (doc.text == a.text) continue;
      Document old_doc;
      old_doc.outlet = outlet;
      old_doc.text = a.text;
      if (auto st = db.Replace(a.id, old_doc, doc, ToJsonLine(doc), version); !st.ok()) return st.error();
      ++changed;
    }
  }
  return changed;
}

}  // namespace

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
  db.SetStopwords(*res.value()->stopwords);
  Pipeline pipeline(res.value());
  const std::string version = res.value()->Version();
  read::ArticleSource source(args.paths, read::ReaderOptions{common.max_bytes});
  RunOptions options;
  options.threads = common.threads;
  options.analyze.date = args.date;
  options.analyze.outlet = args.outlet;
  store::LearnedChromeMap learned_before;
  if (args.learn) {
    auto learned = db.LearnedChrome(kLearnMinArticles, kLearnMinShare);
    if (!learned.ok()) {
      std::fprintf(stderr, "rasd: %s\n", learned.error().ToString().c_str());
      return 2;
    }
    learned_before = learned.value();
    options.analyze.learned = std::make_shared<const LearnedChrome>(learned_before);
  }
  Progress progress(source.bytes_total(), !common.quiet);
  size_t added = 0, duplicates = 0, events = 0, failed = 0, exact = 0, near = 0;
  bool db_failed = false;
  if (auto st = db.Begin(); !st.ok()) {
    std::fprintf(stderr, "rasd: %s\n", st.error().ToString().c_str());
    return 2;
  }
  auto totals = Run(
      source, pipeline, options,
      [&](Document&& doc, const read::RawArticle& raw) {
        store::IngestReport report;
        auto r = db.Add(doc, ToJsonLine(doc), version, store::RawInput{raw.body, raw.is_html, raw.title}, &report);
        if (!r.ok()) {
          db_failed = true;
          ++failed;
          std::fprintf(stderr, "rasd: %s: %s\n", doc.input.c_str(), r.error().message.c_str());
        } else if (r.value()) {
          ++added;
          events += doc.events.size();
          if (report.duplicate_kind == "exact") ++exact;
          else if (report.duplicate_kind == "near") ++near;
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
  size_t recleaned = 0, learned_lines = 0;
  if (args.learn) {
    auto learned = db.LearnedChrome(kLearnMinArticles, kLearnMinShare);
    if (!learned.ok()) {
      std::fprintf(stderr, "rasd: %s\n", learned.error().ToString().c_str());
      return 2;
    }
    for (const auto& [outlet, keys] : learned.value()) learned_lines += keys.size();
    (void)db.Begin();
    auto r = Reclean(db, pipeline, version, learned_before,
                     std::make_shared<const LearnedChrome>(std::move(learned).value()));
    if (!r.ok()) {
      std::fprintf(stderr, "rasd: %s\n", r.error().ToString().c_str());
      return 2;
    }
    if (auto st = db.Commit(); !st.ok()) {
      std::fprintf(stderr, "rasd: %s\n", st.error().ToString().c_str());
      return 2;
    }
    recleaned = r.value();
  }

  if (!common.quiet || totals.errors || failed)
    std::fprintf(stderr, "rasd: %zu articles read, %zu stored, %zu already there, %zu events; %zu inputs failed -> %s\n",
                 totals.articles, added, duplicates, events, totals.errors + failed, args.db.c_str());
  if (!common.quiet && (exact || near))
    std::fprintf(stderr, "rasd: %zu exact and %zu near duplicates of stored articles, linked to their originals\n",
                 exact, near);
  if (!common.quiet && args.learn && learned_lines)
    std::fprintf(stderr, "rasd: %zu lines learned as outlet chrome; %zu stored articles re-cleaned\n", learned_lines,
                 recleaned);
  return (totals.errors || db_failed) ? 1 : 0;
}

}  // namespace rasd::cli
