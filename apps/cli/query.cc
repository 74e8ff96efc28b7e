// rasd events / rasd stats: read the database.
#include <cstdio>
#include <string>

#include "commands.h"
#include "pipeline/json.h"
#include "store/store.h"
#include "text/utf8.h"

namespace rasd::cli {

namespace {

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Pads to a display width counted in code points.
std::string Pad(const std::string& s, int width) {
  int n = text::CountCodePoints(s);
  std::string out = s;
  if (n > width) {
    // Cut at a code-point boundary.
    size_t i = 0;
    for (int k = 0; k < width - 1 && i < s.size(); ++k) text::DecodeNext(s, i);
    out = s.substr(0, i) + "…";
    n = width;
  }
  return out + std::string(width - n, ' ');
}

std::unique_ptr<store::Store> OpenExisting(const std::string& db) {
  if (FILE* f = std::fopen(db.c_str(), "rb")) {
    std::fclose(f);
  } else {
    std::fprintf(stderr, "rasd: %s: no such database (create it with rasd ingest)\n", db.c_str());
    return nullptr;
  }
  auto s = store::Store::Open(db);
  if (!s.ok()) {
    std::fprintf(stderr, "rasd: %s\n", s.error().ToString().c_str());
    return nullptr;
  }
  return std::move(s).value();
}

}  // namespace

int Events(const EventsArgs& a) {
  if (a.format != "table" && a.format != "csv" && a.format != "jsonl") {
    std::fprintf(stderr, "rasd: --format must be table, csv or jsonl\n");
    return 2;
  }
  auto db = OpenExisting(a.db);
  if (!db) return 2;
  store::EventFilter f{a.actor, a.type, a.from, a.to, a.limit, a.all};
  auto rows = db->Events(f);
  if (!rows.ok()) {
    std::fprintf(stderr, "rasd: %s\n", rows.error().ToString().c_str());
    return 2;
  }
  if (a.format == "csv") {
    std::printf("date,article,cameo,plover,goldstein,source_code,source_name,target_code,target_name,negated,modality,"
                "place,trigger,confidence,outlet\n");
    for (const auto& r : rows.value())
      std::printf("%s,%s,%s,%s,%.1f,%s,%s,%s,%s,%d,%s,%s,%s,%.2f,%s\n", r.date.c_str(), Csv(r.doc_id).c_str(),
                  r.cameo.c_str(), r.plover.c_str(), r.goldstein, r.source_code.c_str(), Csv(r.source_name).c_str(),
                  r.target_code.c_str(), Csv(r.target_name).c_str(), r.negated ? 1 : 0, r.modality.c_str(),
                  Csv(r.place).c_str(), Csv(r.trigger).c_str(), r.confidence, Csv(r.outlet).c_str());
  } else if (a.format == "jsonl") {
    for (const auto& r : rows.value()) {
      Json j{{"date", r.date},           {"article", r.doc_id},         {"cameo", r.cameo},
             {"plover", r.plover},       {"goldstein", r.goldstein},     {"source_code", r.source_code},
             {"source_name", r.source_name}, {"target_code", r.target_code}, {"target_name", r.target_name},
             {"negated", r.negated},     {"modality", r.modality},       {"place", r.place},
             {"trigger", r.trigger},     {"confidence", r.confidence},   {"outlet", r.outlet}};
      std::printf("%s\n", j.dump(-1, ' ', false, Json::error_handler_t::replace).c_str());
    }
  } else {
    std::printf("%s %s %s %s %s %s %s\n", Pad("date", 10).c_str(), Pad("event", 10).c_str(), Pad("cameo", 5).c_str(),
                Pad("source", 26).c_str(), Pad("target", 26).c_str(), Pad("modality", 12).c_str(), "trigger");
    for (const auto& r : rows.value()) {
      std::string src = r.source_code + " " + r.source_name, tgt = r.target_code + " " + r.target_name;
      std::string mod = (r.negated ? "not " : "") + r.modality;
      std::printf("%s %s %s %s %s %s %s\n", Pad(r.date, 10).c_str(), Pad(r.plover, 10).c_str(), Pad(r.cameo, 5).c_str(),
                  Pad(src, 26).c_str(), Pad(tgt, 26).c_str(), Pad(mod, 12).c_str(), r.trigger.c_str());
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
  std::printf("entities   %lld\nevents     %lld\nquotes     %lld\n", static_cast<long long>(s.entities),
              static_cast<long long>(s.events), static_cast<long long>(s.quotes));
  std::printf("\nevents by type:\n");
  for (const auto& [k, v] : s.by_plover) std::printf("  %-12s %lld\n", k.c_str(), static_cast<long long>(v));
  std::printf("\nmost mentioned actors:\n");
  for (const auto& [k, v] : s.by_actor) std::printf("  %-40s %lld\n", k.c_str(), static_cast<long long>(v));
  std::printf("\noutlets:\n");
  for (const auto& [k, v] : s.by_outlet) std::printf("  %-30s %lld\n", k.c_str(), static_cast<long long>(v));
  return 0;
}

}  // namespace rasd::cli
