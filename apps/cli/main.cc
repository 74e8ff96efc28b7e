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
  ev->add_option("--source", events.source, "Source CAMEO code prefix");
  ev->add_option("--target", events.target, "Target CAMEO code prefix");
  ev->add_flag("--every-report", events.every_report,
               "One row per article's report (default: one row per happening, with the number of reports)");
  ev->add_option("--type", events.type, "PLOVER type (CONSULT) or CAMEO code prefix (04)");
  ev->add_option("--from", events.from, "First date YYYY-MM-DD");
  ev->add_option("--to", events.to, "Last date YYYY-MM-DD");
  ev->add_option("--format", events.format, "table (default), csv or jsonl")
      ->check(CLI::IsMember({"table", "csv", "jsonl"}));
  ev->add_option("--limit", events.limit, "At most this many events");
  ev->add_flag("--all", events.all, "Also negated, intended, hypothetical, referenced and generic events (default: asserted and reported only)");

  std::string stats_db;
  auto* st = app.add_subcommand("stats", "Summarise a database");
  st->add_option("--db", stats_db, "Database file")->required();

  SearchArgs search;
  auto* se = app.add_subcommand("search", "Full-text search (Arabic-aware: clitics, spelling variants)");
  se->add_option("--db", search.db, "Database file")->required();
  se->add_option("query", search.query, "Words to find; \"...\" for a phrase")->required();
  se->add_option("--limit", search.limit, "At most this many results (default 20)")->check(CLI::Range(1, 100000));
  se->add_option("--offset", search.offset, "Skip this many results")->check(CLI::Range(0, 100000000));
  se->add_option("--format", search.format, "table (default) or jsonl")->check(CLI::IsMember({"table", "jsonl"}));
  se->add_option("--outlet", search.outlet, "Only this outlet");
  se->add_option("--from", search.from, "First date YYYY-MM-DD");
  se->add_option("--to", search.to, "Last date YYYY-MM-DD");
  se->add_option("--actor", search.actor, "Only articles naming an actor with this CAMEO code prefix");
  se->add_option("--type", search.type, "Only articles with an event of this PLOVER type or CAMEO prefix");

  StoriesArgs stories;
  auto* so = app.add_subcommand("stories", "Story threads: articles grouped by shared actors and terms in time");
  so->add_option("--db", stories.db, "Database file")->required();
  so->add_option("--limit", stories.limit, "At most this many stories (default 30)");
  so->add_option("--offset", stories.offset, "Skip this many stories");
  so->add_option("--min-articles", stories.min_articles, "Only stories with at least this many articles (default 2)");
  so->add_option("--story", stories.story, "List the articles of one story");
  so->add_option("--format", stories.format, "table (default) or jsonl")->check(CLI::IsMember({"table", "jsonl"}));

  DyadsArgs dyads;
  auto* dy = app.add_subcommand("dyads", "Events per actor pair per period: counts and mean Goldstein");
  dy->add_option("--db", dyads.db, "Database file")->required();
  dy->add_option("--source", dyads.source, "Source CAMEO code prefix (USA)");
  dy->add_option("--target", dyads.target, "Target CAMEO code prefix (RUS)");
  dy->add_flag("--both", dyads.both, "Count the pair in both directions");
  dy->add_option("--period", dyads.period, "day, week, month (default) or year")
      ->check(CLI::IsMember({"day", "week", "month", "year"}));
  dy->add_option("--from", dyads.from, "First date YYYY-MM-DD");
  dy->add_option("--to", dyads.to, "Last date YYYY-MM-DD");
  dy->add_option("--limit", dyads.limit, "Without --source/--target: this many top pairs (default 30)");
  dy->add_option("--format", dyads.format, "table (default), tsv or jsonl")
      ->check(CLI::IsMember({"table", "tsv", "jsonl"}));

  ServeArgs serve;
  auto* sv = app.add_subcommand("serve", "Serve the HTTP API and the dashboard over a database");
  sv->add_option("--db", serve.db, "Database file")->required();
  sv->add_option("--port", serve.port, "Port (default 8080; 0 picks a free one)")->check(CLI::Range(0, 65535));
  sv->add_option("--host", serve.host, "Address to listen on (default 127.0.0.1)");
  sv->add_option("--web", serve.web_dir, "Dashboard directory (default: $RASD_WEB or the built-in one)");
  sv->add_option("--ingest-token", serve.ingest_token,
                 "Allow POST /api/ingest with 'Authorization: Bearer TOKEN' (default: read-only)");
  sv->add_option("--data", common.data_dir, "Data directory (for ingest)");

  TrainNerArgs train_ner;
  auto* tn = app.add_subcommand("train-ner", "Train the statistical NER tagger on CoNLL files (word ... BIO-tag)");
  tn->add_option("train", train_ner.train, "CoNLL files")->required();
  tn->add_option("--model", train_ner.model, "Model file to write")->required();
  tn->add_option("--epochs", train_ner.epochs, "Perceptron epochs (default 12)")->check(CLI::Range(1, 100));
  tn->add_option("--test-last", train_ner.test_last, "Hold out this share of the sentences (the last) and score on it")
      ->check(CLI::Range(0.0, 0.9));
  tn->add_option("--test-out", train_ner.test_out, "Write PREFIX.gold.conll and PREFIX.pred.conll of the held-out part");
  tn->add_option("--unlabeled", train_ner.unlabeled,
                 "Unlabeled articles (files, folders, JSONL) whose word statistics become features");
  tn->add_option("--document-window", train_ner.document_window,
                 "Sentences before and after whose first tagging a word sees (0: off; default 0)")
      ->check(CLI::Range(0, 1000));
  tn->add_option("--dropout", train_ner.dropout, "Word dropout while training (default 0.25)")
      ->check(CLI::Range(0.0, 0.9));
  tn->add_option("--seed", train_ner.seed, "Seed of the sentence shuffles (default 1)");
  tn->add_option("--extra", train_ner.extra, "Other CoNLL corpora to train on too (never held out)");
  tn->add_flag("--adapt", train_ner.adapt, "Domain adaptation: the --extra corpora get their own copy of every feature");
  tn->add_option("--clusters", train_ner.clusters, "Word classes (rasd ner-clusters) to use as features");
  tn->add_option("--names", train_ner.names, "Name words by type (data/ner/name_tokens.txt) to use as features");
  tn->add_option("--data", common.data_dir, "Data directory (gazetteer features)");
  tn->add_flag("-q,--quiet", common.quiet, "No progress on stderr");

  NerClustersArgs ner_clusters;
  auto* nc = app.add_subcommand("ner-clusters", "Learn word classes from unlabeled text for the NER tagger");
  nc->add_option("unlabeled", ner_clusters.unlabeled, "Unlabeled articles (files, folders, JSONL)")->required();
  nc->add_option("--out", ner_clusters.out, "Clusters file to write")->required();
  nc->add_option("--sizes", ner_clusters.sizes, "Classes per granularity (default 32 128 512 1024)")
      ->check(CLI::Range(2, 65535));
  nc->add_option("--min-count", ner_clusters.min_count, "Leave out words seen fewer times (default 3)")
      ->check(CLI::Range(1, 1000000));
  nc->add_option("--max-words", ner_clusters.max_words, "At most this many words, the commonest (default 200000)")
      ->check(CLI::Range(2, 10000000));
  nc->add_option("--iterations", ner_clusters.iterations, "Passes per granularity (default 8)")->check(CLI::Range(1, 100));
  nc->add_flag("-q,--quiet", common.quiet, "No progress on stderr");

  NerArgs ner_args;
  auto* nr = app.add_subcommand("ner", "Tag the words of a CoNLL file with a trained model (CoNLL out)");
  nr->add_option("--model", ner_args.model, "Model file (rasd train-ner); default: the shipped data/ner/rasd-ner.model");
  nr->add_option("--conll", ner_args.conll, "CoNLL file: one word per line (first column), blank line between sentences")
      ->required();
  nr->add_option("--data", common.data_dir, "Data directory (gazetteer features)");
  nr->add_flag("--sentences", ner_args.sentences,
               "Tag each sentence on its own, as the pipeline does (no document context)");

  EvalArgs eval_args;
  auto* evl = app.add_subcommand("eval", "Score rasd against gold data (sentence sets, CoNLL NER)");
  evl->require_subcommand(1);
  auto* evs = evl->add_subcommand("sentences", "Detection or validation sentence set (JSONL): PLOVER type, countries");
  evs->add_option("gold", eval_args.gold, "Gold JSONL (labelled sentences, or one gold event per sentence)")->required();
  evs->add_flag("--verbose", eval_args.verbose, "Print every sentence scored wrong");
  evs->add_option("-j,--threads", common.threads, "Threads (0 = all cores)");
  evs->add_option("--data", common.data_dir, "Data directory");
  evs->add_flag("-q,--quiet", common.quiet, "No progress on stderr");
  auto* evn = evl->add_subcommand("ner", "Entities of the NER model against CoNLL gold (entity-level P/R/F1)");
  evn->add_option("gold", eval_args.gold, "Gold CoNLL file (word ... BIO-tag)")->required();
  evn->add_option("--model", eval_args.model, "Model file; default: the shipped data/ner/rasd-ner.model");
  evn->add_option("--types", eval_args.types, "Only these types, comma-separated (PER,LOC,ORG)");
  evn->add_option("--data", common.data_dir, "Data directory");

  CLI11_PARSE(app, argc, argv);
  if (common.threads == 0) common.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (*a) return Analyze(common, analyze);
  ingest.learn = !no_learn;
  if (*in) return Ingest(common, ingest);
  if (*ev) return Events(events);
  if (*st) return Stats(stats_db);
  if (*se) return Search(search);
  if (*so) return Stories(stories);
  if (*dy) return Dyads(dyads);
  if (*sv) return Serve(common, serve);
  if (*tn) return TrainNer(common, train_ner);
  if (*nc) return NerClusters(common, ner_clusters);
  if (*nr) return Ner(common, ner_args);
  if (*evs) return EvalSentences(common, eval_args);
  if (*evn) return EvalNer(common, eval_args);
  return 2;
}
