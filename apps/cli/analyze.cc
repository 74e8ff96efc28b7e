// rasd analyze: articles in, one JSON object per article out (docs/contract.md).
#include <cstdio>
#include <iostream>

#include "commands.h"
#include "pipeline/json.h"
#include "pipeline/runner.h"
#include "progress.h"

namespace rasd::cli {

namespace {

std::string ActorLabel(const std::optional<Actor>& a) {
  if (!a) return "-";
  return a->code + (a->name.empty() ? "" : " (" + a->name + ")");
}

// A readable report of one analysis, for people rather than programs.
void PrintPretty(const Document& d) {
  std::printf("== %s  [%s]\n", d.id.c_str(), d.input.c_str());
  std::printf("title:    %s\n", d.title.value_or("-").c_str());
  if (d.subtitle) std::printf("subtitle: %s\n", d.subtitle->c_str());
  std::printf("outlet:   %s   date: %s   author: %s\n", d.outlet.value_or("-").c_str(), d.date.value_or("-").c_str(),
              d.author.value_or("-").c_str());
  std::printf("removed:  %zu lines", d.removed.size());
  for (const auto& r : d.removed) std::printf(" [%s]", r.reason.c_str());
  std::printf("\nrepairs:  %zu", d.repairs.size());
  for (const auto& r : d.repairs) std::printf("  %s→%s", r.from.c_str(), r.to.c_str());
  std::printf("\ntext:     %zu sentences, %zu tokens\n", d.sentences.size(), d.tokens.size());
  std::printf("entities:\n");
  for (const auto& e : d.entities)
    std::printf("  %-5s %-28s %s\n", EntityTypeName(e.type), e.text.c_str(), ActorLabel(e.actor).c_str());
  std::printf("events:\n");
  for (const auto& e : d.events)
    std::printf("  %-10s %-5s %-8s → %-8s %s%s  «%s»%s%s\n", e.plover.c_str(), e.cameo.c_str(),
                e.source ? e.source->code.c_str() : "-", e.target ? e.target->code.c_str() : "-",
                e.negated ? "NOT " : "", ModalityName(e.modality), e.trigger_text.c_str(),
                e.date ? (" " + e.date->start).c_str() : "", e.place ? (" @" + e.place->name).c_str() : "");
  for (const auto& q : d.quotes)
    std::printf("quote:    %s: “%s”\n", q.speaker ? q.speaker->name.c_str() : q.speaker_text.c_str(), q.text.c_str());
  for (const auto& a : d.attributions)
    std::printf("source:   outlet=%s via=%s%s\n", a.outlet.empty() ? "-" : a.outlet.c_str(), a.via.c_str(),
                a.anonymous ? " (anonymous)" : "");
  for (const auto& t : d.times)
    std::printf("time:     %s → %s..%s\n", t.text.c_str(), t.resolved ? t.resolved->start.c_str() : "?",
                t.resolved ? t.resolved->end.c_str() : "?");
  std::printf("\n");
}

}  // namespace

int Analyze(const Common& common, const AnalyzeArgs& args) {
  if (args.format != "jsonl" && args.format != "pretty") {
    std::fprintf(stderr, "rasd: --format must be jsonl or pretty\n");
    return 2;
  }
  if (!args.date.empty() && !NormalizeDate(args.date)) {
    std::fprintf(stderr, "rasd: --date '%s' is not a date (YYYY-MM-DD)\n", args.date.c_str());
    return 2;
  }
  auto res = Resources::Load(common.data_dir);
  if (!res.ok()) {
    std::fprintf(stderr, "rasd: cannot load data: %s\n", res.error().ToString().c_str());
    return 2;
  }
  Pipeline pipeline(res.value());
  read::ArticleSource source(args.paths, read::ReaderOptions{common.max_bytes});
  RunOptions options;
  options.threads = common.threads;
  options.analyze.date = args.date;
  options.analyze.outlet = args.outlet;
  Progress progress(source.bytes_total(), !common.quiet);
  std::string line;
  auto totals = Run(
      source, pipeline, options,
      [&](Document&& doc, const read::RawArticle&) {
        if (args.format == "pretty") {
          PrintPretty(doc);
        } else {
          line = ToJsonLine(doc);
          line += '\n';
          std::fwrite(line.data(), 1, line.size(), stdout);
        }
      },
      [&](const Error& e) {
        progress.Finish();
        std::fprintf(stderr, "rasd: %s\n", e.ToString().c_str());
      },
      [&](const RunTotals& t) { progress.Update(t.articles, source.bytes_read()); });
  progress.Finish();
  std::fflush(stdout);
  if (totals.errors && !common.quiet)
    std::fprintf(stderr, "rasd: %zu articles analysed, %zu inputs failed\n", totals.articles, totals.errors);
  return totals.errors ? 1 : 0;
}

}  // namespace rasd::cli
