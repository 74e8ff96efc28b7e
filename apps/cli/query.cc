// rasd events / rasd stats: read the database.
#include <cstdio>
#include <string>

#include "commands.h"
#include "views.h"
#include "store/store.h"
#include "text/utf8.h"

namespace rasd::cli {

int Events(const EventsArgs& a) {
  if (a.format != "table" && a.format != "csv" && a.format != "jsonl") {
    std::fprintf(stderr, "rasd: --format must be table, csv or jsonl\n");
    return 2;
  }
  auto db = OpenExisting(a.db);
  if (!db) return 2;
  store::EventFilter f;
  f.actor = a.actor;
  f.source = a.source;
  f.target = a.target;
  f.type = a.type;
  f.from = a.from;
  f.to = a.to;
  f.limit = a.limit;
  f.all = a.all;
  f.every_report = a.every_report;
  auto rows = db->Events(f);
  if (!rows.ok()) {
    std::fprintf(stderr, "rasd: %s\n", rows.error().ToString().c_str());
    return 2;
  }
  if (a.format == "csv") {
    std::fputs(EventCsvHeader().c_str(), stdout);
    for (const auto& r : rows.value()) std::fputs(EventCsvLine(r).c_str(), stdout);
  } else if (a.format == "jsonl") {
    for (const auto& r : rows.value()) std::printf("%s\n", Dump(EventJson(r)).c_str());
  } else {
    std::printf("%s %s %s %s %s %s %s\n", Pad("date", 10).c_str(), Pad("event", 10).c_str(), Pad("cameo", 5).c_str(),
                Pad("source", 26).c_str(), Pad("target", 26).c_str(), Pad("modality", 12).c_str(), "trigger");
    for (const auto& r : rows.value()) {
      std::string src = r.source_code + " " + r.source_name, tgt = r.target_code + " " + r.target_name;
      std::string mod = (r.negated ? "not " : "") + r.modality;
      std::printf("%s %s %s %s %s %s %7lld %s\n", Pad(r.date, 10).c_str(), Pad(r.plover, 10).c_str(),
                  Pad(r.cameo, 5).c_str(), Pad(src, 26).c_str(), Pad(tgt, 26).c_str(), Pad(mod, 12).c_str(),
                  static_cast<long long>(r.reports), r.trigger.c_str());
    }
    std::printf("(%zu events)\n", rows.value().size());
  }
  return 0;
}

int Stats(const std::string& path) {
  auto db = OpenExisting(path);
  if (!db) return 2;
  auto st = db->GetStats();
  if (!st.ok()) {
    std::fprintf(stderr, "rasd: %s\n", st.error().ToString().c_str());
    return 2;
  }
  const auto& s = st.value();
  std::printf("database   %s (schema %d)\n", path.c_str(), s.schema);
  std::printf("articles   %lld  (%s .. %s)\n", static_cast<long long>(s.articles), s.first_date.c_str(),
              s.last_date.c_str());
  std::printf("duplicates %lld exact, %lld near (linked to their original)\n",
              static_cast<long long>(s.exact_duplicates), static_cast<long long>(s.near_duplicates));
  std::printf("stories    %lld\n", static_cast<long long>(s.stories));
  std::printf("entities   %lld\nevents     %lld  (%lld happenings)\nquotes     %lld\n", static_cast<long long>(s.entities),
              static_cast<long long>(s.events), static_cast<long long>(s.happenings), static_cast<long long>(s.quotes));
  std::printf("\nevents by type:\n");
  for (const auto& [k, v] : s.by_plover) std::printf("  %-12s %lld\n", k.c_str(), static_cast<long long>(v));
  std::printf("\nmost mentioned actors:\n");
  for (const auto& [k, v] : s.by_actor) std::printf("  %-40s %lld\n", k.c_str(), static_cast<long long>(v));
  std::printf("\noutlets:\n");
  for (const auto& [k, v] : s.by_outlet) std::printf("  %-30s %lld\n", k.c_str(), static_cast<long long>(v));
  return 0;
}

}  // namespace rasd::cli
