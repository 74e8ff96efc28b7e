// apps/cli/views.h: how database rows are shown, shared by the command line and the
// HTTP server (JSON per docs/api.md, CSV per RFC 4180, padded tables).
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "store/store.h"

namespace rasd::cli {

using Json = nlohmann::ordered_json;

// RFC 4180 field: quoted when it holds a comma, quote or line break.
std::string Csv(const std::string& s);
// Pads (or cuts, with …) to a display width counted in code points.
std::string Pad(const std::string& s, int width);
// Opens a database that must exist; prints why not and returns null.
std::unique_ptr<store::Store> OpenExisting(const std::string& db, bool read_only = false);

Json EventJson(const store::EventRow& r);
std::string EventCsvHeader();
std::string EventCsvLine(const store::EventRow& r);
Json SearchHitJson(const store::SearchHit& h);
Json ArticleJson(const store::ArticleRecord& r);  // with the analysis object parsed
Json StoryJson(const store::StoryRow& s);
Json DyadJson(const store::DyadPoint& p);
Json PairJson(const store::PairRow& p);
Json ActorJson(const store::ActorRow& a);
Json StatsJson(const store::Stats& s);

// Dumps JSON as UTF-8, replacing invalid bytes.
std::string Dump(const Json& j);

}  // namespace rasd::cli
