// rasd: Arabic news in, structured events out. The command line is a thin front
// end: every verb parses its flags and calls the libraries.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <thread>

#include "commands.h"
#include "pipeline/resources.h"

int main(int argc, char** argv) {
  using namespace rasd::cli;
  CLI::App app{"rasd: Arabic news in, structured events out (CAMEO/PLOVER)", "rasd"};
  app.set_version_flag("--version", std::string("rasd ") + RASD_VERSION);
  app.require_subcommand(1);
  Common common;
  auto add_common = [&](CLI::App* cmd) {
    cmd->add_option("--data", common.data_dir, "Data directory (default: $RASD_DATA or the built-in one)");
    cmd->add_option("-j,--threads", common.threads, "Worker threads (0 = all cores)")->check(CLI::Range(0, 256));
    cmd->add_flag("-q,--quiet", common.quiet, "No progress bar or summary on stderr");
    cmd->add_option("--max-bytes", common.max_bytes, "Refuse articles larger than this (default 8 MiB)");
  };

  AnalyzeArgs analyze;
  auto* a = app.add_subcommand("analyze", "Analyse articles; one JSON object per article on stdout");
  a->add_option("paths", analyze.paths, "Files (.txt .html .htm .jsonl), folders, or - for stdin")->required();
  a->add_option("--format", analyze.format, "jsonl (default) or pretty")->check(CLI::IsMember({"jsonl", "pretty"}));
  a->add_option("--date", analyze.date, "Article date YYYY-MM-DD when the input has none");
  a->add_option("--outlet", analyze.outlet, "Outlet name when the input has none");
  add_common(a);

  IngestArgs ingest;
  auto* in = app.add_subcommand("ingest", "Analyse articles and store them in a SQLite database");
  in->add_option("paths", ingest.paths, "Files, folders, or -")->required();
  in->add_option("--db", ingest.db, "Database file (created when missing)")->required();
  in->add_option("--date", ingest.date, "Article date YYYY-MM-DD when the input has none");
  in->add_option("--outlet", ingest.outlet, "Outlet name when the input has none");
  bool no_learn = false;
  in->add_flag("--no-learn", no_learn, "Do not learn outlets' recurring lines as chrome");
  add_common(in);

  EventsArgs events;
  auto* ev = app.add_subcommand("events", "List coded events from a database");
  ev->add_option("--db", events.db, "Database file")->required();
  ev->add_option("--actor", events.actor, "Source or target CAMEO code prefix (RUS, USAGOV) or English name");
  ev->add_option("--type", events.type, "PLOVER type (CONSULT) or CAMEO code prefix (04)");
  ev->add_option("--from", events.from, "First date YYYY-MM-DD");
  ev->add_option("--to", events.to, "Last date YYYY-MM-DD");
  ev->add_option("--format", events.format, "table (default), csv or jsonl")
      ->check(CLI::IsMember({"table", "csv", "jsonl"}));
  ev->add_option("--limit", events.limit, "At most this many events");
  ev->add_flag("--all", events.all, "Also negated, intended and hypothetical events (default: asserted and reported only)");

  std::string stats_db;
  auto* st = app.add_subcommand("stats", "Summarise a database");
  st->add_option("--db", stats_db, "Database file")->required();

  CLI11_PARSE(app, argc, argv);
  if (common.threads == 0) common.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (*a) return Analyze(common, analyze);
  ingest.learn = !no_learn;
  if (*in) return Ingest(common, ingest);
  if (*ev) return Events(events);
  if (*st) return Stats(stats_db);
  return 2;
}
