// rasd serve: the JSON API of docs/api.md and the dashboard (web/), over one database.
//
// Read-only unless started with --ingest-token. Listens on 127.0.0.1 by default.
// Article text is untrusted: the API returns it as JSON strings only, and every page
// is sent with a Content-Security-Policy that allows no inline or foreign script.
// Requests are bounded: 8 MiB bodies, 10 s to read or write, 5 s of queries.
#include <httplib.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <sstream>

#include "commands.h"
#include "pipeline/json.h"
#include "pipeline/pipeline.h"
#include "pipeline/resources.h"
#include "read/reader.h"
#include "text/tsv.h"
#include "views.h"

namespace rasd::cli {

namespace {

constexpr size_t kMaxBody = 8u << 20;
constexpr int64_t kMaxLimit = 1000;
constexpr auto kQueryTime = std::chrono::seconds(5);

std::string DefaultWebDir() {
  if (const char* env = std::getenv("RASD_WEB"); env && *env) return env;
  std::error_code ec;
  if (std::filesystem::is_regular_file(RASD_WEB_DIR "/index.html", ec)) return RASD_WEB_DIR;
  return "web";
}

void SendJson(httplib::Response& res, const Json& j, int status = 200) {
  res.status = status;
  res.set_content(Dump(j), "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, int status, const std::string& message) {
  SendJson(res, Json{{"error", message}}, status);
}

// A query parameter as an integer in [lo, hi]; `fallback` when absent. False when malformed.
bool IntParam(const httplib::Request& req, const char* name, int64_t lo, int64_t hi, int64_t fallback, int64_t& out) {
  out = fallback;
  if (!req.has_param(name)) return true;
  const std::string v = req.get_param_value(name);
  if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789-") != std::string::npos) return false;
  out = std::clamp<int64_t>(std::stoll(v), lo, hi);
  return true;
}

std::string Param(const httplib::Request& req, const char* name) {
  return req.has_param(name) ? req.get_param_value(name) : std::string();
}

bool ValidDate(const std::string& d) {
  return d.empty() || (d.size() == 10 && d[4] == '-' && d[7] == '-' &&
                       d.find_first_not_of("0123456789-") == std::string::npos);
}

bool ConstantTimeEquals(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

httplib::Server* g_server = nullptr;
void Stop(int) {
  if (g_server) g_server->stop();
}

}  // namespace

int Serve(const Common& common, const ServeArgs& a) {
  const bool writable = !a.ingest_token.empty();
  auto db_ptr = OpenExisting(a.db, !writable);
  if (!db_ptr) return 2;
  store::Store& db = *db_ptr;
  std::shared_ptr<const Resources> resources;
  std::unique_ptr<Pipeline> pipeline;
  if (writable) {
    auto res = Resources::Load(common.data_dir);
    if (!res.ok()) {
      std::fprintf(stderr, "rasd: cannot load data: %s\n", res.error().ToString().c_str());
      return 2;
    }
    resources = res.value();
    pipeline = std::make_unique<Pipeline>(resources);
    db.SetStopwords(*resources->stopwords);
  }
  const std::string web = a.web_dir.empty() ? DefaultWebDir() : a.web_dir;
  std::mutex ingest_mutex;

  httplib::Server svr;
  svr.set_payload_max_length(kMaxBody);
  svr.set_read_timeout(10, 0);
  svr.set_write_timeout(10, 0);
  svr.set_keep_alive_max_count(100);
  svr.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                           {"Referrer-Policy", "no-referrer"},
                           {"X-Frame-Options", "DENY"},
                           {"Content-Security-Policy",
                            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"}});
  // Every request's queries get kQueryTime; a slower one is interrupted and answered 500.
  svr.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    store::Store::SetThreadDeadline(std::chrono::steady_clock::now() + kQueryTime);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  if (!svr.set_mount_point("/", web))
    std::fprintf(stderr, "rasd: no dashboard at %s (the API still works; --web DIR)\n", web.c_str());

  svr.Get("/api/stats", [&](const httplib::Request&, httplib::Response& res) {
    auto st = db.GetStats();
    if (!st.ok()) return SendError(res, 500, st.error().message);
    Json j = StatsJson(st.value());
    j["read_only"] = !writable;
    SendJson(res, j);
  });

  svr.Get("/api/search", [&](const httplib::Request& req, httplib::Response& res) {
    store::SearchQuery q;
    q.text = Param(req, "q");
    q.outlet = Param(req, "outlet");
    q.from = Param(req, "from");
    q.to = Param(req, "to");
    q.actor = Param(req, "actor");
    q.type = Param(req, "type");
    if (q.text.empty()) return SendError(res, 400, "q is required");
    if (q.text.size() > 1000) return SendError(res, 400, "q is too long");
    if (!ValidDate(q.from) || !ValidDate(q.to)) return SendError(res, 400, "dates are YYYY-MM-DD");
    if (!IntParam(req, "limit", 1, kMaxLimit, 20, q.limit) || !IntParam(req, "offset", 0, 1'000'000, 0, q.offset))
      return SendError(res, 400, "limit and offset are integers");
    auto r = db.Search(q);
    if (!r.ok()) return SendError(res, 400, r.error().message);
    Json hits = Json::array();
    for (const auto& h : r.value().hits) hits.push_back(SearchHitJson(h));
    SendJson(res, Json{{"query", q.text}, {"total", r.value().total}, {"results", hits}});
  });

  svr.Get(R"(/api/articles/(\d{1,18}))", [&](const httplib::Request& req, httplib::Response& res) {
    auto r = db.Article(std::stoll(req.matches[1]));
    if (!r.ok()) return SendError(res, 500, r.error().message);
    if (!r.value()) return SendError(res, 404, "no such article");
    SendJson(res, ArticleJson(*r.value()));
  });

  svr.Get("/api/events", [&](const httplib::Request& req, httplib::Response& res) {
    store::EventFilter f;
    f.actor = Param(req, "actor");
    f.source = Param(req, "source");
    f.target = Param(req, "target");
    f.type = Param(req, "type");
    f.from = Param(req, "from");
    f.to = Param(req, "to");
    f.all = Param(req, "all") == "1";
    const std::string format = req.has_param("format") ? Param(req, "format") : "json";
    if (format != "json" && format != "csv") return SendError(res, 400, "format is json or csv");
    if (!ValidDate(f.from) || !ValidDate(f.to)) return SendError(res, 400, "dates are YYYY-MM-DD");
    const int64_t max = format == "csv" ? 1'000'000 : kMaxLimit;
    if (!IntParam(req, "limit", 1, max, format == "csv" ? max : 50, f.limit) ||
        !IntParam(req, "offset", 0, 100'000'000, 0, f.offset))
      return SendError(res, 400, "limit and offset are integers");
    auto rows = db.Events(f);
    if (!rows.ok()) return SendError(res, 500, rows.error().message);
    if (format == "csv") {
      std::string out = EventCsvHeader();
      for (const auto& r : rows.value()) out += EventCsvLine(r);
      res.set_header("Content-Disposition", "attachment; filename=\"rasd-events.csv\"");
      res.set_content(out, "text/csv; charset=utf-8");
      return;
    }
    auto total = db.CountEvents(f);
    if (!total.ok()) return SendError(res, 500, total.error().message);
    Json events = Json::array();
    for (const auto& r : rows.value()) events.push_back(EventJson(r));
    SendJson(res, Json{{"total", total.value()}, {"events", events}});
  });

  svr.Get("/api/actors", [&](const httplib::Request& req, httplib::Response& res) {
    int64_t limit;
    if (!IntParam(req, "limit", 1, kMaxLimit, 50, limit)) return SendError(res, 400, "limit is an integer");
    auto actors = db.Actors(limit);
    auto pairs = db.Pairs(limit * 4);
    if (!actors.ok() || !pairs.ok()) return SendError(res, 500, "cannot read actors");
    Json ja = Json::array(), jl = Json::array();
    for (const auto& x : actors.value()) ja.push_back(ActorJson(x));
    for (const auto& p : pairs.value()) jl.push_back(PairJson(p));
    SendJson(res, Json{{"actors", ja}, {"links", jl}});
  });

  svr.Get("/api/dyads", [&](const httplib::Request& req, httplib::Response& res) {
    store::DyadQuery q;
    q.source = Param(req, "source");
    q.target = Param(req, "target");
    q.from = Param(req, "from");
    q.to = Param(req, "to");
    q.both = Param(req, "both") == "1";
    if (req.has_param("period")) q.period = Param(req, "period");
    if (!ValidDate(q.from) || !ValidDate(q.to)) return SendError(res, 400, "dates are YYYY-MM-DD");
    if (q.source.empty() && q.target.empty()) {
      int64_t limit;
      if (!IntParam(req, "limit", 1, kMaxLimit, 30, limit)) return SendError(res, 400, "limit is an integer");
      auto pairs = db.Pairs(limit);
      if (!pairs.ok()) return SendError(res, 500, pairs.error().message);
      Json jp = Json::array();
      for (const auto& p : pairs.value()) jp.push_back(PairJson(p));
      return SendJson(res, Json{{"pairs", jp}});
    }
    auto points = db.Dyads(q);
    if (!points.ok()) return SendError(res, 400, points.error().message);
    Json series = Json::array();
    for (const auto& p : points.value()) series.push_back(DyadJson(p));
    SendJson(res, Json{{"source", q.source}, {"target", q.target}, {"period", q.period}, {"series", series}});
  });

  svr.Get("/api/stories", [&](const httplib::Request& req, httplib::Response& res) {
    int64_t limit, offset, min_articles;
    if (!IntParam(req, "limit", 1, kMaxLimit, 50, limit) || !IntParam(req, "offset", 0, 100'000'000, 0, offset) ||
        !IntParam(req, "min_articles", 1, 1'000'000, 1, min_articles))
      return SendError(res, 400, "limit, offset and min_articles are integers");
    int64_t total = 0;
    auto rows = db.Stories(limit, offset, min_articles, &total);
    if (!rows.ok()) return SendError(res, 500, rows.error().message);
    Json js = Json::array();
    for (const auto& s : rows.value()) js.push_back(StoryJson(s));
    SendJson(res, Json{{"total", total}, {"stories", js}});
  });

  svr.Get(R"(/api/stories/(\d{1,18}))", [&](const httplib::Request& req, httplib::Response& res) {
    const int64_t id = std::stoll(req.matches[1]);
    auto story = db.Story(id);
    if (!story.ok()) return SendError(res, 500, story.error().message);
    if (!story.value()) return SendError(res, 404, "no such story");
    auto members = db.StoryMembers(id);
    if (!members.ok()) return SendError(res, 500, members.error().message);
    Json jm = Json::array();
    for (const auto& m : members.value())
      jm.push_back(Json{{"id", m.id}, {"doc_id", m.doc_id}, {"title", m.title}, {"outlet", m.outlet},
                        {"date", m.date}, {"duplicate_of", m.duplicate_of ? Json(m.duplicate_of->id) : Json(nullptr)}});
    Json j = StoryJson(*story.value());
    j["members"] = jm;
    SendJson(res, j);
  });

  svr.Post("/api/ingest", [&](const httplib::Request& req, httplib::Response& res) {
    if (!writable) return SendError(res, 403, "this server is read-only (start it with --ingest-token)");
    const std::string auth = req.get_header_value("Authorization");
    if (!ConstantTimeEquals(auth, "Bearer " + a.ingest_token)) return SendError(res, 401, "bad or missing token");
    std::lock_guard<std::mutex> lock(ingest_mutex);
    store::Store::SetThreadDeadline(std::nullopt);  // an ingest takes as long as its body needs
    int64_t read = 0, added = 0, duplicates = 0, failed = 0;
    Json errors = Json::array();
    (void)db.Begin();
    std::istringstream in(req.body);
    std::string line;
    long number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (text::Trim(line).empty()) continue;
      auto raw = read::ParseJsonRecord(line, "request", number, read::ReaderOptions{common.max_bytes});
      if (!raw.ok()) {
        ++failed;
        if (errors.size() < 20) errors.push_back(raw.error().ToString());
        continue;
      }
      ++read;
      Document doc = pipeline->Analyze(raw.value());
      auto r = db.Add(doc, ToJsonLine(doc), resources->Version(),
                      store::RawInput{raw.value().body, raw.value().is_html, raw.value().title});
      if (!r.ok()) {
        ++failed;
        if (errors.size() < 20) errors.push_back(r.error().ToString());
      } else if (r.value()) {
        ++added;
      } else {
        ++duplicates;
      }
    }
    if (auto st = db.Commit(); !st.ok()) return SendError(res, 500, st.error().message);
    SendJson(res, Json{{"read", read}, {"added", added}, {"duplicates", duplicates}, {"failed", failed},
                       {"errors", errors}});
  });

  svr.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) != 0 || !res.body.empty()) return;
    const char* why = res.status == 404   ? "not found"
                      : res.status == 413 ? "request too large"
                      : res.status == 411 ? "a body with Content-Length is required"
                                          : "bad request";
    SendError(res, res.status, why);
  });

  int port = a.port;
  if (port == 0) {
    port = svr.bind_to_any_port(a.host);
    if (port < 0) {
      std::fprintf(stderr, "rasd: cannot listen on %s\n", a.host.c_str());
      return 2;
    }
  } else if (!svr.bind_to_port(a.host, port)) {
    std::fprintf(stderr, "rasd: cannot listen on %s:%d\n", a.host.c_str(), port);
    return 2;
  }
  g_server = &svr;
  std::signal(SIGINT, Stop);
  std::signal(SIGTERM, Stop);
  std::fprintf(stderr, "rasd: serving http://%s:%d/ (%s)\n", a.host.c_str(), port,
               writable ? "ingest allowed with the token" : "read-only");
  std::fflush(stderr);
  const bool ok = svr.listen_after_bind();
  g_server = nullptr;
  return ok ? 0 : 2;
}

}  // namespace rasd::cli
