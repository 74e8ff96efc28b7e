#include "views.h"

#include <cstdio>

#include "text/utf8.h"

namespace rasd::cli {

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Pad(const std::string& s, int width) {
  int n = text::CountCodePoints(s);
  std::string out = s;
  if (n > width) {
    size_t i = 0;
    for (int k = 0; k < width - 1 && i < s.size(); ++k) text::DecodeNext(s, i);
    out = s.substr(0, i) + "…";
    n = width;
  }
  return out + std::string(width - n, ' ');
}

std::unique_ptr<store::Store> OpenExisting(const std::string& db, bool read_only) {
  if (FILE* f = std::fopen(db.c_str(), "rb")) {
    std::fclose(f);
  } else {
    std::fprintf(stderr, "rasd: %s: no such database (create it with rasd ingest)\n", db.c_str());
    return nullptr;
  }
  auto s = store::Store::Open(db, read_only);
  if (!s.ok()) {
    std::fprintf(stderr, "rasd: %s\n", s.error().ToString().c_str());
    return nullptr;
  }
  return std::move(s).value();
}

namespace {
Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
}  // namespace

Json EventJson(const store::EventRow& r) {
  return Json{{"id", r.id},
              {"article", r.article},
              {"doc_id", r.doc_id},
              {"date", OrNull(r.date)},
              {"cameo", r.cameo},
              {"plover", r.plover},
              {"goldstein", r.goldstein},
              {"source_code", r.source_code},
              {"source_name", r.source_name},
              {"target_code", r.target_code},
              {"target_name", r.target_name},
              {"modality", r.modality},
              {"negated", r.negated},
              {"trigger", r.trigger},
              {"place", OrNull(r.place)},
              {"confidence", r.confidence},
              {"title", r.title},
              {"outlet", OrNull(r.outlet)},
              {"reports", r.reports}};
}

std::string EventCsvHeader() {
  return "id,article,doc_id,date,cameo,plover,goldstein,source_code,source_name,target_code,target_name,modality,"
         "negated,trigger,place,confidence,title,outlet,reports\n";
}

std::string EventCsvLine(const store::EventRow& r) {
  char num[64];
  std::string out = std::to_string(r.id) + "," + std::to_string(r.article) + "," + Csv(r.doc_id) + "," + r.date + "," +
                    r.cameo + "," + r.plover + ",";
  std::snprintf(num, sizeof num, "%.1f", r.goldstein);
  out += num;
  out += "," + r.source_code + "," + Csv(r.source_name) + "," + r.target_code + "," + Csv(r.target_name) + "," +
         r.modality + "," + (r.negated ? "true" : "false") + "," + Csv(r.trigger) + "," + Csv(r.place) + ",";
  std::snprintf(num, sizeof num, "%.2f", r.confidence);
  out += num;
  out += "," + Csv(r.title) + "," + Csv(r.outlet) + "," + std::to_string(r.reports) + "\n";
  return out;
}

Json SearchHitJson(const store::SearchHit& h) {
  Json snippet = Json::array();
  for (const auto& s : h.snippet) snippet.push_back({{"text", s.text}, {"hit", s.hit}});
  return Json{{"id", h.id},       {"doc_id", h.doc_id},
              {"title", h.title}, {"outlet", OrNull(h.outlet)},
              {"date", OrNull(h.date)}, {"url", OrNull(h.url)},
              {"score", h.score}, {"story", h.story ? Json(h.story) : Json(nullptr)},
              {"duplicate_of", h.duplicate_of ? Json(h.duplicate_of) : Json(nullptr)},
              {"snippet", snippet}};
}

Json ArticleJson(const store::ArticleRecord& r) {
  auto dup = [](const store::Duplicate& d) {
    return Json{{"id", d.id}, {"title", d.title}, {"outlet", OrNull(d.outlet)}, {"date", OrNull(d.date)},
                {"kind", d.kind}, {"similarity", d.similarity}};
  };
  Json dups = Json::array();
  for (const auto& d : r.duplicates) dups.push_back(dup(d));
  Json analysis = Json::parse(r.analysis, nullptr, false);
  if (analysis.is_discarded()) analysis = nullptr;
  return Json{{"id", r.id},
              {"doc_id", r.doc_id},
              {"title", r.title},
              {"outlet", OrNull(r.outlet)},
              {"date", OrNull(r.date)},
              {"url", OrNull(r.url)},
              {"author", OrNull(r.author)},
              {"story", r.story ? Json(r.story) : Json(nullptr)},
              {"duplicate_of", r.duplicate_of ? dup(*r.duplicate_of) : Json(nullptr)},
              {"duplicates", dups},
              {"analysis", analysis}};
}

Json StoryJson(const store::StoryRow& s) {
  return Json{{"id", s.id},
              {"title", s.title},
              {"first_date", OrNull(s.first_date)},
              {"last_date", OrNull(s.last_date)},
              {"articles", s.articles},
              {"actors", s.actors}};
}

Json DyadJson(const store::DyadPoint& p) {
  return Json{{"period", p.period},
              {"events", p.events},
              {"goldstein", p.goldstein},
              {"cooperation", p.cooperation},
              {"conflict", p.conflict}};
}

Json PairJson(const store::PairRow& p) {
  return Json{{"source", p.source}, {"target", p.target}, {"events", p.events}, {"goldstein", p.goldstein}};
}

Json ActorJson(const store::ActorRow& a) {
  return Json{{"code", a.code}, {"name", a.name}, {"mentions", a.mentions}, {"events", a.events}};
}

Json StatsJson(const store::Stats& s) {
  return Json{{"articles", s.articles},
              {"entities", s.entities},
              {"events", s.events},
              {"happenings", s.happenings},
              {"quotes", s.quotes},
              {"stories", s.stories},
              {"duplicates", {{"exact", s.exact_duplicates}, {"near", s.near_duplicates}}},
              {"first_date", OrNull(s.first_date)},
              {"last_date", OrNull(s.last_date)},
              {"schema", s.schema},
              {"by_plover", s.by_plover},
              {"by_outlet", s.by_outlet},
              {"by_actor", s.by_actor}};
}

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace rasd::cli
