#include "store/store.h"

#include <sqlite3.h>

#include <cstdio>
#include <unordered_set>

#include "clean/lexicon.h"

namespace rasd::store {

namespace {

// Numbered migrations: kMigrations[k] takes the schema from version k to k + 1.
// Never edit a released migration; append a new one.
const char* const kMigrations[] = {
    R"sql(
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  doc_id TEXT NOT NULL,
  input TEXT,
  url TEXT,
  outlet TEXT,
  author TEXT,
  date TEXT,
  title TEXT,
  text TEXT NOT NULL,
  analysis TEXT NOT NULL,
  pipeline TEXT NOT NULL,
  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_date ON articles(date);
CREATE TABLE entities (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start INTEGER NOT NULL, end INTEGER NOT NULL,
  text TEXT NOT NULL, type TEXT NOT NULL,
  actor_id TEXT, actor_name TEXT, code TEXT, country TEXT, agent TEXT
);
CREATE INDEX entities_article ON entities(article_id);
CREATE INDEX entities_code ON entities(code);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  trigger TEXT NOT NULL,
  cameo TEXT NOT NULL, plover TEXT NOT NULL, mode TEXT, goldstein REAL,
  source_code TEXT, source_name TEXT, source_country TEXT,
  target_code TEXT, target_name TEXT, target_country TEXT,
  negated INTEGER NOT NULL, modality TEXT NOT NULL,
  date_start TEXT, date_end TEXT,
  place TEXT, place_country TEXT, lat REAL, lon REAL,
  confidence REAL
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_plover ON events(plover);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);
CREATE TABLE quotes (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
  speaker_name TEXT, speaker_code TEXT
);
CREATE INDEX quotes_article ON quotes(article_id);
)sql",
    // 2: the raw input (for re-cleaning) and per-outlet line counts (learned chrome).
    R"sql(
ALTER TABLE articles ADD COLUMN raw TEXT;
ALTER TABLE articles ADD COLUMN raw_is_html INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN raw_title TEXT;
CREATE TABLE outlet_lines (
  outlet TEXT NOT NULL,
  key TEXT NOT NULL,
  articles INTEGER NOT NULL,
  PRIMARY KEY (outlet, key)
);
CREATE INDEX articles_outlet ON articles(outlet);
)sql",
};

constexpr int kVersion = sizeof(kMigrations) / sizeof(kMigrations[0]);

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
  ~Stmt() { sqlite3_finalize(s_); }
  bool ok() const { return s_ != nullptr; }
  Stmt& Bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, const std::optional<std::string>& v) {
    if (v) Bind(i, *v);
    else sqlite3_bind_null(s_, i);
    return *this;
  }
  Stmt& BindOrNull(int i, const std::string& v) {
    if (v.empty()) sqlite3_bind_null(s_, i);
    else Bind(i, v);
    return *this;
  }
  Stmt& Bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& Bind(int i, double v) {
    sqlite3_bind_double(s_, i, v);
    return *this;
  }
  int Step() { return sqlite3_step(s_); }
  void Reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  std::string Text(int col) const {
    auto* p = sqlite3_column_text(s_, col);
    return p ? reinterpret_cast<const char*>(p) : "";
  }
  int64_t Int(int col) const { return sqlite3_column_int64(s_, col); }
  double Real(int col) const { return sqlite3_column_double(s_, col); }
  sqlite3_stmt* raw() const { return s_; }

 private:
  sqlite3_stmt* s_ = nullptr;
};

}  // namespace

std::string ContentHash(const Document& doc) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](const std::string& s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xFF;
    h *= 1099511628211ull;
  };
  mix(doc.title.value_or(""));
  mix(doc.text);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

int Store::SchemaVersion() { return kVersion; }

Error Store::Fail(const std::string& what) const {
  return Error{ErrorCode::kDatabase, what + ": " + sqlite3_errmsg(db_), sqlite3_db_filename(db_, "main") ?: "", 0};
}

Status Store::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "error";
    sqlite3_free(err);
    return Error{ErrorCode::kDatabase, msg, sqlite3_db_filename(db_, "main") ?: "", 0};
  }
  return {};
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) !=
      SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "cannot open";
    sqlite3_close(db);
    return Error{ErrorCode::kDatabase, "cannot open database: " + msg, path, 0};
  }
  sqlite3_busy_timeout(db, 5000);
  std::unique_ptr<Store> store(new Store(db));
  for (const char* pragma : {"PRAGMA journal_mode=WAL;", "PRAGMA synchronous=NORMAL;", "PRAGMA foreign_keys=ON;"}) {
    auto st = store->Exec(pragma);
    if (!st.ok()) return Error{ErrorCode::kDatabase, "not a usable database: " + st.error().message, path, 0};
  }
  auto st = store->Migrate();
  if (!st.ok()) return st.error();
  return store;
}

Store::~Store() { sqlite3_close(db_); }

Status Store::Migrate() {
  Stmt q(db_, "PRAGMA user_version;");
  if (!q.ok() || q.Step() != SQLITE_ROW) return Fail("cannot read schema version");
  int version = static_cast<int>(q.Int(0));
  if (version > kVersion)
    return Error{ErrorCode::kDatabase,
                 "database schema " + std::to_string(version) + " is newer than this rasd (" +
                     std::to_string(kVersion) + "); upgrade rasd",
                 sqlite3_db_filename(db_, "main") ?: "", 0};
  for (int v = version; v < kVersion; ++v) {
    if (auto st = Exec("BEGIN;"); !st.ok()) return st;
    if (auto st = Exec(kMigrations[v]); !st.ok()) {
      (void)Exec("ROLLBACK;");
      return st;
    }
    std::string set = "PRAGMA user_version=" + std::to_string(v + 1) + ";";
    if (auto st = Exec(set.c_str()); !st.ok()) return st;
    if (auto st = Exec("COMMIT;"); !st.ok()) return st;
  }
  return {};
}

Status Store::Begin() { return Exec("BEGIN;"); }
Status Store::Commit() { return Exec("COMMIT;"); }

Result<bool> Store::Add(const Document& doc, const std::string& json, const std::string& pipeline,
                        const RawInput& raw) {
  const std::string hash = ContentHash(doc);
  {
    Stmt q(db_, "SELECT 1 FROM articles WHERE content_hash = ?;");
    q.Bind(1, hash);
    if (q.Step() == SQLITE_ROW) return false;
  }
  Stmt ins(db_,
           "INSERT INTO articles(content_hash, doc_id, input, url, outlet, author, date, title, text, analysis, pipeline,"
           " raw, raw_is_html, raw_title) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?);");
  if (!ins.ok()) return Fail("prepare");
  ins.Bind(1, hash).Bind(2, doc.id).Bind(3, doc.input).Bind(4, doc.url).Bind(5, doc.outlet).Bind(6, doc.author);
  ins.Bind(7, doc.date).Bind(8, doc.title).Bind(9, doc.text).Bind(10, json).Bind(11, pipeline);
  ins.BindOrNull(12, raw.body).Bind(13, int64_t{raw.is_html}).Bind(14, raw.title);
  if (ins.Step() != SQLITE_DONE) return Fail("insert article " + doc.id);
  const int64_t id = sqlite3_last_insert_rowid(db_);
  if (auto st = CountLines(doc, +1); !st.ok()) return st.error();
  if (auto st = InsertChildren(id, doc); !st.ok()) return st.error();
  return true;
}

Status Store::CountLines(const Document& doc, int delta) {
  if (!doc.outlet) return {};
  // Short lines only: chrome is short; a paragraph repeated across articles is a story.
  Stmt up(db_,
          "INSERT INTO outlet_lines(outlet, key, articles) VALUES(?1, ?2, ?3)"
          " ON CONFLICT(outlet, key) DO UPDATE SET articles = articles + ?3;");
  std::unordered_set<std::string> seen;
  auto count = [&](std::string_view line) -> Status {
    if (line.size() > 300) return {};
    std::string key = clean::LineKey(line);
    if (key.empty() || !seen.insert(key).second) return {};
    up.Reset();
    up.Bind(1, *doc.outlet).Bind(2, key).Bind(3, int64_t{delta});
    if (up.Step() != SQLITE_DONE) return Fail("count lines");
    return {};
  };
  size_t start = 0;
  while (start <= doc.text.size()) {
    size_t nl = doc.text.find('\n', start);
    if (nl == std::string::npos) nl = doc.text.size();
    if (auto st = count(std::string_view(doc.text.data() + start, nl - start)); !st.ok()) return st;
    start = nl + 1;
  }
  // Lines already dropped as learned chrome still count, or the outlet would unlearn them.
  for (const auto& r : doc.removed)
    if (r.reason == "learned-chrome")
      if (auto st = count(r.text); !st.ok()) return st;
  return {};
}

Status Store::InsertChildren(int64_t id, const Document& doc) {
  Stmt ent(db_,
           "INSERT INTO entities(article_id, start, end, text, type, actor_id, actor_name, code, country, agent)"
           " VALUES(?,?,?,?,?,?,?,?,?,?);");
  for (const auto& e : doc.entities) {
    ent.Reset();
    ent.Bind(1, id).Bind(2, int64_t{e.span.start}).Bind(3, int64_t{e.span.end}).Bind(4, e.text);
    ent.Bind(5, std::string(EntityTypeName(e.type)));
    if (e.actor) {
      ent.BindOrNull(6, e.actor->id).Bind(7, e.actor->name).BindOrNull(8, e.actor->code);
      ent.BindOrNull(9, e.actor->country).BindOrNull(10, e.actor->agent);
    }
    if (ent.Step() != SQLITE_DONE) return Status(Fail("insert entity"));
  }
  Stmt ev(db_,
          "INSERT INTO events(article_id, sentence, trigger, cameo, plover, mode, goldstein, source_code, source_name,"
          " source_country, target_code, target_name, target_country, negated, modality, date_start, date_end, place,"
          " place_country, lat, lon, confidence) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?);");
  for (const auto& e : doc.events) {
    ev.Reset();
    ev.Bind(1, id).Bind(2, int64_t{e.sentence}).Bind(3, e.trigger_text).Bind(4, e.cameo).Bind(5, e.plover);
    ev.BindOrNull(6, e.mode).Bind(7, e.goldstein);
    if (e.source) ev.Bind(8, e.source->code).Bind(9, e.source->name).BindOrNull(10, e.source->country);
    if (e.target) ev.Bind(11, e.target->code).Bind(12, e.target->name).BindOrNull(13, e.target->country);
    ev.Bind(14, int64_t{e.negated}).Bind(15, std::string(ModalityName(e.modality)));
    if (e.date) ev.Bind(16, e.date->start).Bind(17, e.date->end);
    else if (doc.date) ev.Bind(16, *doc.date).Bind(17, *doc.date);
    if (e.place) ev.Bind(18, e.place->name).BindOrNull(19, e.place->country).Bind(20, e.place->lat).Bind(21, e.place->lon);
    ev.Bind(22, e.confidence);
    if (ev.Step() != SQLITE_DONE) return Status(Fail("insert event"));
  }
  Stmt qt(db_, "INSERT INTO quotes(article_id, start, end, text, speaker_name, speaker_code) VALUES(?,?,?,?,?,?);");
  for (const auto& q : doc.quotes) {
    qt.Reset();
    qt.Bind(1, id).Bind(2, int64_t{q.span.start}).Bind(3, int64_t{q.span.end}).Bind(4, q.text);
    if (q.speaker) qt.Bind(5, q.speaker->name).BindOrNull(6, q.speaker->code);
    else qt.BindOrNull(5, q.speaker_text);
    if (qt.Step() != SQLITE_DONE) return Status(Fail("insert quote"));
  }
  return {};
}

Result<LearnedChromeMap> Store::LearnedChrome(int64_t min_articles, double min_share) {
  LearnedChromeMap out;
  Stmt q(db_,
         "SELECT l.outlet, l.key FROM outlet_lines l JOIN (SELECT outlet, COUNT(*) n FROM articles"
         " WHERE outlet IS NOT NULL GROUP BY outlet) a ON a.outlet = l.outlet"
         " WHERE l.articles >= ?1 AND l.articles >= ?2 * a.n;");
  if (!q.ok()) return Fail("query learned chrome");
  q.Bind(1, min_articles).Bind(2, min_share);
  while (q.Step() == SQLITE_ROW) out[q.Text(0)].insert(q.Text(1));
  return out;
}

Result<std::vector<StoredArticle>> Store::ArticlesOf(const std::string& outlet) {
  std::vector<StoredArticle> out;
  Stmt q(db_, "SELECT id, doc_id, input, COALESCE(url,''), COALESCE(date,''), raw, raw_is_html, text, raw_title"
              " FROM articles WHERE outlet = ? AND raw IS NOT NULL ORDER BY id;");
  if (!q.ok()) return Fail("query articles");
  q.Bind(1, outlet);
  while (q.Step() == SQLITE_ROW) {
    StoredArticle a;
    a.id = q.Int(0);
    a.raw.id = q.Text(1);
    a.raw.input = q.Text(2);
    if (!q.Text(3).empty()) a.raw.url = q.Text(3);
    if (!q.Text(4).empty()) a.raw.date = q.Text(4);
    a.raw.outlet = outlet;
    a.raw.body = q.Text(5);
    a.raw.is_html = q.Int(6) != 0;
    a.text = q.Text(7);
    if (sqlite3_column_type(q.raw(), 8) != SQLITE_NULL) a.raw.title = q.Text(8);
    out.push_back(std::move(a));
  }
  return out;
}

Status Store::Replace(int64_t id, const Document& old_doc, const Document& doc, const std::string& json,
                      const std::string& pipeline) {
  for (const char* sql : {"DELETE FROM entities WHERE article_id = ?;", "DELETE FROM events WHERE article_id = ?;",
                          "DELETE FROM quotes WHERE article_id = ?;"}) {
    Stmt d(db_, sql);
    d.Bind(1, id);
    if (d.Step() != SQLITE_DONE) return Fail("replace article");
  }
  if (auto st = CountLines(old_doc, -1); !st.ok()) return st;
  Stmt u(db_, "UPDATE articles SET content_hash = ?, text = ?, title = ?, author = ?, date = ?, analysis = ?,"
              " pipeline = ? WHERE id = ?;");
  u.Bind(1, ContentHash(doc)).Bind(2, doc.text).Bind(3, doc.title).Bind(4, doc.author).Bind(5, doc.date);
  u.Bind(6, json).Bind(7, pipeline).Bind(8, id);
  if (u.Step() != SQLITE_DONE) return Fail("update article");
  if (auto st = CountLines(doc, +1); !st.ok()) return st;
  return InsertChildren(id, doc);
}



Result<std::vector<EventRow>> Store::Events(const EventFilter& f) {
  std::string sql =
      "SELECT e.article_id, a.doc_id, COALESCE(e.date_start, a.date, ''), e.cameo, e.plover, COALESCE(e.mode,''),"
      " COALESCE(e.source_code,''), COALESCE(e.source_name,''), COALESCE(e.target_code,''), COALESCE(e.target_name,''),"
      " e.modality, e.trigger, COALESCE(e.place,''), COALESCE(a.title,''), COALESCE(a.outlet,''), e.goldstein,"
      " e.confidence, e.negated FROM events e JOIN articles a ON a.id = e.article_id WHERE 1";
  std::vector<std::string> args;
  if (!f.actor.empty()) {
    sql += " AND (e.source_code LIKE ?1 || '%' OR e.target_code LIKE ?1 || '%' OR e.source_name = ?1 OR e.target_name = ?1)";
    args.push_back(f.actor);
  }
  int n = static_cast<int>(args.size());
  if (!f.type.empty()) {
    sql += " AND (e.plover = ?" + std::to_string(n + 1) + " OR e.cameo LIKE ?" + std::to_string(n + 1) + " || '%')";
    args.push_back(f.type);
    ++n;
  }
  if (!f.from.empty()) {
    sql += " AND COALESCE(e.date_start, a.date) >= ?" + std::to_string(n + 1);
    args.push_back(f.from);
    ++n;
  }
  if (!f.to.empty()) {
    sql += " AND COALESCE(e.date_start, a.date) <= ?" + std::to_string(n + 1);
    args.push_back(f.to);
    ++n;
  }
  if (!f.all) sql += " AND e.negated = 0 AND e.modality IN ('asserted', 'reported')";
  sql += " ORDER BY COALESCE(e.date_start, a.date), e.article_id, e.id";
  if (f.limit >= 0) sql += " LIMIT " + std::to_string(f.limit);
  Stmt q(db_, sql.c_str());
  if (!q.ok()) return Fail("query events");
  for (size_t i = 0; i < args.size(); ++i) q.Bind(static_cast<int>(i + 1), args[i]);
  std::vector<EventRow> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    EventRow r;
    r.article = q.Int(0);
    r.doc_id = q.Text(1);
    r.date = q.Text(2);
    r.cameo = q.Text(3);
    r.plover = q.Text(4);
    r.mode = q.Text(5);
    r.source_code = q.Text(6);
    r.source_name = q.Text(7);
    r.target_code = q.Text(8);
    r.target_name = q.Text(9);
    r.modality = q.Text(10);
    r.trigger = q.Text(11);
    r.place = q.Text(12);
    r.title = q.Text(13);
    r.outlet = q.Text(14);
    r.goldstein = q.Real(15);
    r.confidence = q.Real(16);
    r.negated = q.Int(17) != 0;
    out.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) return Fail("read events");
  return out;
}

Result<Stats> Store::GetStats() {
  Stats st;
  st.schema = kVersion;
  auto count = [&](const char* sql) -> int64_t {
    Stmt q(db_, sql);
    return q.Step() == SQLITE_ROW ? q.Int(0) : 0;
  };
  st.articles = count("SELECT COUNT(*) FROM articles;");
  st.entities = count("SELECT COUNT(*) FROM entities;");
  st.events = count("SELECT COUNT(*) FROM events;");
  st.quotes = count("SELECT COUNT(*) FROM quotes;");
  {
    Stmt q(db_, "SELECT COALESCE(MIN(date),''), COALESCE(MAX(date),'') FROM articles;");
    if (q.Step() == SQLITE_ROW) st.first_date = q.Text(0), st.last_date = q.Text(1);
  }
  auto top = [&](const char* sql, std::vector<std::pair<std::string, int64_t>>& out) {
    Stmt q(db_, sql);
    while (q.Step() == SQLITE_ROW) out.emplace_back(q.Text(0), q.Int(1));
  };
  top("SELECT plover, COUNT(*) c FROM events GROUP BY plover ORDER BY c DESC, plover LIMIT 20;", st.by_plover);
  top("SELECT code || ' ' || COALESCE(actor_name,''), COUNT(*) c FROM entities WHERE code IS NOT NULL"
      " GROUP BY code, actor_name ORDER BY c DESC LIMIT 15;",
      st.by_actor);
  top("SELECT COALESCE(outlet,'(unknown)'), COUNT(*) c FROM articles GROUP BY outlet ORDER BY c DESC LIMIT 10;",
      st.by_outlet);
  return st;
}

}  // namespace rasd::store
