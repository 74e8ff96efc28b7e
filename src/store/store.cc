#include "store/store.h"

#include <sqlite3.h>

#include <cstdio>
#include <unordered_set>

#include "clean/lexicon.h"
#include "corpus/dedup.h"
#include "corpus/terms.h"
#include "store/fts.h"

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
    // 3: search, duplicates, stories, one row per happening.
    R"sql(
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', tokenize='rasd');
INSERT INTO articles_fts(articles_fts, rank) VALUES('rank', 'bm25(2.0, 1.0)');
INSERT INTO articles_fts(articles_fts) VALUES('rebuild');
ALTER TABLE articles ADD COLUMN body_hash TEXT;
ALTER TABLE articles ADD COLUMN minhash BLOB;
ALTER TABLE articles ADD COLUMN duplicate_of INTEGER;
ALTER TABLE articles ADD COLUMN duplicate_kind TEXT;
ALTER TABLE articles ADD COLUMN similarity REAL;
ALTER TABLE articles ADD COLUMN story_id INTEGER;
CREATE INDEX articles_body_hash ON articles(body_hash);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
CREATE INDEX articles_story ON articles(story_id);
CREATE TABLE minhash_bands (
  key INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX minhash_bands_key ON minhash_bands(key);
CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  title TEXT,
  first_date TEXT,
  last_date TEXT,
  articles INTEGER NOT NULL,
  terms TEXT NOT NULL
);
CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE happenings (id INTEGER PRIMARY KEY);
ALTER TABLE events ADD COLUMN happening INTEGER;
INSERT INTO happenings(id) SELECT id FROM events;
UPDATE events SET happening = id;
CREATE INDEX events_happening ON events(happening);
CREATE INDEX events_key ON events(cameo, source_code, target_code, date_start);
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
  return ContentHash(doc.url.value_or(""), doc.title.value_or(""), doc.text);
}

std::string ContentHash(const std::string& url, const std::string& title, const std::string& text) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](const std::string& s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xFF;
    h *= 1099511628211ull;
  };
  if (!url.empty()) mix(url);
  mix(title);
  mix(text);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

int Store::SchemaVersion() { return kVersion; }

namespace {
thread_local std::optional<std::chrono::steady_clock::time_point> t_deadline;
int CheckDeadline(void*) { return t_deadline && std::chrono::steady_clock::now() > *t_deadline ? 1 : 0; }
// A query starting after the deadline fails at once (FTS5 does most of its work inside
// few VM steps, so the progress handler alone would let a short one through).
Status Expired() {
  if (CheckDeadline(nullptr)) return Error{ErrorCode::kDatabase, "query interrupted: the request took too long", "", 0};
  return {};
}
}  // namespace

void Store::SetThreadDeadline(std::optional<std::chrono::steady_clock::time_point> deadline) {
  t_deadline = deadline;
}

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

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, bool read_only) {
  sqlite3* db = nullptr;
  const int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "cannot open";
    sqlite3_close(db);
    return Error{ErrorCode::kDatabase, "cannot open database: " + msg, path, 0};
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_progress_handler(db, 4000, CheckDeadline, nullptr);
  if (!RegisterTokenizer(db)) {
    sqlite3_close(db);
    return Error{ErrorCode::kDatabase, "this SQLite has no FTS5 (full-text search)", path, 0};
  }
  std::unique_ptr<Store> store(new Store(db, read_only));
  const std::vector<const char*> pragmas =
      read_only ? std::vector<const char*>{"PRAGMA query_only=1;"}
                : std::vector<const char*>{"PRAGMA journal_mode=WAL;", "PRAGMA synchronous=NORMAL;",
                                           "PRAGMA foreign_keys=ON;"};
  for (const char* pragma : pragmas) {
    auto st = store->Exec(pragma);
    if (!st.ok()) return Error{ErrorCode::kDatabase, "not a usable database: " + st.error().message, path, 0};
  }
  if (read_only) {
    Stmt q(db, "PRAGMA user_version;");
    if (!q.ok() || q.Step() != SQLITE_ROW)
      return Error{ErrorCode::kDatabase, "not a usable database: " + std::string(sqlite3_errmsg(db)), path, 0};
    if (q.Int(0) != kVersion)
      return Error{ErrorCode::kDatabase,
                   "database schema " + std::to_string(q.Int(0)) + " is not this rasd's (" + std::to_string(kVersion) +
                       "); run rasd ingest on it once to upgrade",
                   path, 0};
    return store;
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
    if (v + 1 == 3) {
      // Version 3 keys an article by its URL too: the same text under another URL is a
      // republication, stored and linked as a duplicate, not dropped.
      Stmt rows(db_, "SELECT id, url, COALESCE(title,''), text FROM articles WHERE url IS NOT NULL;");
      Stmt set(db_, "UPDATE articles SET content_hash = ? WHERE id = ?;");
      while (rows.Step() == SQLITE_ROW) {
        set.Reset();
        set.Bind(1, ContentHash(rows.Text(1), rows.Text(2), rows.Text(3))).Bind(2, rows.Int(0));
        if (set.Step() != SQLITE_DONE) {
          (void)Exec("ROLLBACK;");
          return Fail("migrate content hashes");
        }
      }
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
                        const RawInput& raw, IngestReport* report) {
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
  {
    Stmt fts(db_, "INSERT INTO articles_fts(rowid, title, text) VALUES(?,?,?);");
    fts.Bind(1, id).Bind(2, doc.title).Bind(3, doc.text);
    if (fts.Step() != SQLITE_DONE) return Fail("index article " + doc.id);
  }
  if (auto st = CountLines(doc, +1); !st.ok()) return st.error();
  if (auto st = InsertChildren(id, doc); !st.ok()) return st.error();
  IngestReport local;
  if (!report) report = &local;
  if (auto st = IndexArticle(id, doc, report); !st.ok()) return st.error();
  if (auto st = LinkHappenings(id, report->duplicate_of); !st.ok()) return st.error();
  report->added = true;
  report->id = id;
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
  {
    Stmt del(db_,
             "INSERT INTO articles_fts(articles_fts, rowid, title, text) SELECT 'delete', id, title, text FROM articles"
             " WHERE id = ?;");
    del.Bind(1, id);
    if (del.Step() != SQLITE_DONE) return Fail("unindex article");
    Stmt ins(db_, "INSERT INTO articles_fts(rowid, title, text) VALUES(?,?,?);");
    ins.Bind(1, id).Bind(2, doc.title).Bind(3, doc.text);
    if (ins.Step() != SQLITE_DONE) return Fail("index article");
  }
  Stmt u(db_, "UPDATE articles SET content_hash = ?, text = ?, title = ?, author = ?, date = ?, analysis = ?,"
              " pipeline = ? WHERE id = ?;");
  u.Bind(1, ContentHash(doc)).Bind(2, doc.text).Bind(3, doc.title).Bind(4, doc.author).Bind(5, doc.date);
  u.Bind(6, json).Bind(7, pipeline).Bind(8, id);
  if (u.Step() != SQLITE_DONE) return Fail("update article");
  if (auto st = CountLines(doc, +1); !st.ok()) return st;
  if (auto st = InsertChildren(id, doc); !st.ok()) return st;
  Stmt dup(db_, "SELECT COALESCE(duplicate_of, 0) FROM articles WHERE id = ?;");
  dup.Bind(1, id);
  return LinkHappenings(id, dup.Step() == SQLITE_ROW ? dup.Int(0) : 0);
}



namespace {

// One row per happening: the first stored report of it.
constexpr const char* kCanonical = " AND e.id = (SELECT MIN(h.id) FROM events h WHERE h.happening = e.happening)";
constexpr const char* kFactual = " AND e.negated = 0 AND e.modality IN ('asserted', 'reported')";

std::string Hex(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

Status Store::LoadStories() {
  stories_ = std::make_unique<corpus::StoryIndex>();
  Stmt q(db_, "SELECT id, COALESCE(title,''), COALESCE(first_date,''), COALESCE(last_date,''), articles, terms"
              " FROM stories;");
  if (!q.ok()) return Fail("load stories");
  while (q.Step() == SQLITE_ROW) {
    corpus::Story s;
    s.id = q.Int(0);
    s.title = q.Text(1);
    s.first_date = q.Text(2);
    s.last_date = q.Text(3);
    s.articles = q.Int(4);
    s.centroid = corpus::DecodeTerms(q.Text(5));
    stories_->AddStory(std::move(s));
  }
  Stmt df(db_, "SELECT term, df FROM term_df;");
  while (df.Step() == SQLITE_ROW) stories_->SetDocFreq(df.Text(0), df.Int(1));
  Stmt n(db_, "SELECT COUNT(*) FROM articles WHERE story_id IS NOT NULL AND duplicate_of IS NULL;");
  if (n.Step() == SQLITE_ROW) stories_->SetDocCount(n.Int(0));
  return {};
}

Status Store::IndexArticle(int64_t id, const Document& doc, IngestReport* report) {
  const corpus::Fingerprint fp = corpus::FingerprintOf(doc.text);
  const std::string body = Hex(fp.body_hash);
  int64_t dup = 0;
  double similarity = 0;
  std::string kind;
  if (fp.words > 0) {
    Stmt q(db_, "SELECT COALESCE(duplicate_of, id) FROM articles WHERE body_hash = ? AND id != ? LIMIT 1;");
    q.Bind(1, body).Bind(2, id);
    if (q.Step() == SQLITE_ROW) dup = q.Int(0), similarity = 1, kind = "exact";
  }
  if (!dup && fp.words >= corpus::kMinWords) {
    Stmt band(db_, "SELECT article_id FROM minhash_bands WHERE key = ?;");
    std::unordered_set<int64_t> candidates;
    for (int b = 0; b < corpus::kBands; ++b) {
      band.Reset();
      band.Bind(1, corpus::BandKey(fp.minhash, b));
      while (band.Step() == SQLITE_ROW) candidates.insert(band.Int(0));
    }
    Stmt sig(db_, "SELECT minhash, COALESCE(duplicate_of, id) FROM articles WHERE id = ?;");
    int64_t best = 0;
    for (int64_t c : candidates) {
      sig.Reset();
      sig.Bind(1, c);
      if (sig.Step() != SQLITE_ROW) continue;
      corpus::Signature other;
      const void* blob = sqlite3_column_blob(sig.raw(), 0);
      const int size = sqlite3_column_bytes(sig.raw(), 0);
      if (!blob || !corpus::SignatureFromBlob(std::string_view(static_cast<const char*>(blob), size), other)) continue;
      const double sim = corpus::Similarity(fp.minhash, other);
      if (sim > similarity || (sim == similarity && sig.Int(1) < best)) similarity = sim, best = sig.Int(1);
    }
    if (best && similarity >= corpus::kNearDuplicate) dup = best, kind = "near";
  }
  if (kind != "exact" && fp.words >= corpus::kMinWords) {
    Stmt ins(db_, "INSERT INTO minhash_bands(key, article_id) VALUES(?,?);");
    for (int b = 0; b < corpus::kBands; ++b) {
      ins.Reset();
      ins.Bind(1, corpus::BandKey(fp.minhash, b)).Bind(2, id);
      if (ins.Step() != SQLITE_DONE) return Fail("index minhash");
    }
  }

  // The story: a duplicate's is its original's.
  if (!stories_)
    if (auto st = LoadStories(); !st.ok()) return st;
  int64_t story = 0;
  const corpus::Story* joined = nullptr;
  if (dup) {
    Stmt q(db_, "SELECT COALESCE(story_id, 0) FROM articles WHERE id = ?;");
    q.Bind(1, dup);
    if (q.Step() == SQLITE_ROW) story = q.Int(0);
    if (story) joined = &stories_->Join(story, {}, doc.date);
  } else {
    corpus::TermCounts terms = corpus::ArticleTerms(doc, stopwords_);
    stories_->CountDoc(terms);
    Stmt df(db_, "INSERT INTO term_df(term, df) VALUES(?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1;");
    for (const auto& [t, c] : terms) {
      df.Reset();
      df.Bind(1, t);
      if (df.Step() != SQLITE_DONE) return Fail("count terms");
    }
    corpus::TermVector v = stories_->Weigh(terms);
    story = stories_->Match(v, doc.date);
    if (story) {
      joined = &stories_->Join(story, v, doc.date);
    } else {
      Stmt ins(db_, "INSERT INTO stories(title, first_date, last_date, articles, terms) VALUES(?, NULL, NULL, 1, '');");
      ins.Bind(1, doc.title);
      if (ins.Step() != SQLITE_DONE) return Fail("start story");
      story = sqlite3_last_insert_rowid(db_);
      joined = &stories_->Start(story, doc.title.value_or(""), v, doc.date);
    }
  }
  if (joined) {
    Stmt up(db_, "UPDATE stories SET first_date = ?, last_date = ?, articles = ?, terms = ? WHERE id = ?;");
    up.BindOrNull(1, joined->first_date).BindOrNull(2, joined->last_date).Bind(3, joined->articles);
    up.Bind(4, corpus::EncodeTerms(joined->centroid)).Bind(5, story);
    if (up.Step() != SQLITE_DONE) return Fail("update story");
  }
  Stmt up(db_, "UPDATE articles SET body_hash = ?, minhash = ?, duplicate_of = ?, duplicate_kind = ?, similarity = ?,"
               " story_id = ? WHERE id = ?;");
  up.Bind(1, body);
  const std::string blob = corpus::SignatureBlob(fp.minhash);
  sqlite3_bind_blob(up.raw(), 2, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
  if (dup) up.Bind(3, dup).Bind(4, kind).Bind(5, similarity);
  if (story) up.Bind(6, story);
  up.Bind(7, id);
  if (up.Step() != SQLITE_DONE) return Fail("link article");
  report->duplicate_of = dup;
  report->duplicate_kind = kind;
  report->story = story;
  return {};
}

Status Store::LinkHappenings(int64_t id, int64_t duplicate_of) {
  Stmt mine(db_, "SELECT id, cameo, source_code, target_code, negated, modality, COALESCE(date_start, '')"
                 " FROM events WHERE article_id = ? AND happening IS NULL ORDER BY id;");
  mine.Bind(1, id);
  struct Row {
    int64_t id, negated;
    std::string cameo, source, target, modality, date;
  };
  std::vector<Row> rows;
  while (mine.Step() == SQLITE_ROW)
    rows.push_back({mine.Int(0), mine.Int(4), mine.Text(1), mine.Text(2), mine.Text(3), mine.Text(5), mine.Text(6)});
  Stmt in_original(db_,
                   "SELECT happening FROM events WHERE article_id = ?1 AND cameo = ?2 AND source_code = ?3"
                   " AND target_code = ?4 AND negated = ?5 AND modality = ?6 AND happening IS NOT NULL LIMIT 1;");
  Stmt same_days(db_,
                 "SELECT happening FROM events WHERE cameo = ?1 AND source_code = ?2 AND target_code = ?3"
                 " AND date_start BETWEEN date(?4, '-1 day') AND date(?4, '+1 day') AND negated = ?5 AND modality = ?6"
                 " AND article_id != ?7 AND happening IS NOT NULL LIMIT 1;");
  Stmt fresh(db_, "INSERT INTO happenings DEFAULT VALUES;");
  Stmt set(db_, "UPDATE events SET happening = ? WHERE id = ?;");
  for (const auto& r : rows) {
    int64_t happening = 0;
    if (duplicate_of) {
      in_original.Reset();
      in_original.Bind(1, duplicate_of).Bind(2, r.cameo).Bind(3, r.source).Bind(4, r.target).Bind(5, r.negated);
      in_original.Bind(6, r.modality);
      if (in_original.Step() == SQLITE_ROW) happening = in_original.Int(0);
    }
    if (!happening && !r.date.empty() && !r.source.empty() && !r.target.empty()) {
      same_days.Reset();
      same_days.Bind(1, r.cameo).Bind(2, r.source).Bind(3, r.target).Bind(4, r.date).Bind(5, r.negated);
      same_days.Bind(6, r.modality).Bind(7, id);
      if (same_days.Step() == SQLITE_ROW) happening = same_days.Int(0);
    }
    if (!happening) {
      fresh.Reset();
      if (fresh.Step() != SQLITE_DONE) return Fail("new happening");
      happening = sqlite3_last_insert_rowid(db_);
    }
    set.Reset();
    set.Bind(1, happening).Bind(2, r.id);
    if (set.Step() != SQLITE_DONE) return Fail("link happening");
  }
  return {};
}

Status Store::EventSql(const EventFilter& f, std::string& sql, std::vector<std::string>& args) const {
  auto arg = [&](const std::string& v) {
    args.push_back(v);
    return "?" + std::to_string(args.size());
  };
  if (!f.actor.empty()) {
    std::string a = arg(f.actor);
    sql += " AND (e.source_code LIKE " + a + " || '%' OR e.target_code LIKE " + a + " || '%' OR e.source_name = " + a +
           " OR e.target_name = " + a + ")";
  }
  if (!f.source.empty()) sql += " AND e.source_code LIKE " + arg(f.source) + " || '%'";
  if (!f.target.empty()) sql += " AND e.target_code LIKE " + arg(f.target) + " || '%'";
  if (!f.type.empty()) {
    std::string t = arg(f.type);
    sql += " AND (e.plover = " + t + " OR e.cameo LIKE " + t + " || '%')";
  }
  if (!f.from.empty()) sql += " AND COALESCE(e.date_start, a.date) >= " + arg(f.from);
  if (!f.to.empty()) sql += " AND COALESCE(e.date_start, a.date) <= " + arg(f.to);
  if (!f.all) sql += kFactual;
  if (!f.every_report) sql += kCanonical;
  return {};
}

Result<int64_t> Store::CountEvents(const EventFilter& f) {
  std::string sql = "SELECT COUNT(*) FROM events e JOIN articles a ON a.id = e.article_id WHERE 1";
  std::vector<std::string> args;
  (void)EventSql(f, sql, args);
  Stmt q(db_, sql.c_str());
  if (!q.ok()) return Fail("count events");
  for (size_t i = 0; i < args.size(); ++i) q.Bind(static_cast<int>(i + 1), args[i]);
  if (q.Step() != SQLITE_ROW) return Fail("count events");
  return q.Int(0);
}

Result<std::vector<EventRow>> Store::Events(const EventFilter& f) {
  if (auto st = Expired(); !st.ok()) return st.error();
  std::string sql =
      "SELECT e.article_id, a.doc_id, COALESCE(e.date_start, a.date, ''), e.cameo, e.plover, COALESCE(e.mode,''),"
      " COALESCE(e.source_code,''), COALESCE(e.source_name,''), COALESCE(e.target_code,''), COALESCE(e.target_name,''),"
      " e.modality, e.trigger, COALESCE(e.place,''), COALESCE(a.title,''), COALESCE(a.outlet,''), e.goldstein,"
      " e.confidence, e.negated, e.id,"
      " (SELECT COUNT(DISTINCT h.article_id) FROM events h WHERE h.happening = e.happening)"
      " FROM events e JOIN articles a ON a.id = e.article_id WHERE 1";
  std::vector<std::string> args;
  (void)EventSql(f, sql, args);
  sql += " ORDER BY COALESCE(e.date_start, a.date), e.article_id, e.id";
  if (f.limit >= 0) sql += " LIMIT " + std::to_string(f.limit);
  if (f.offset > 0) sql += (f.limit >= 0 ? "" : " LIMIT -1") + std::string(" OFFSET ") + std::to_string(f.offset);
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
    r.id = q.Int(18);
    r.reports = q.Int(19);
    out.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) return Fail("read events");
  return out;
}

namespace {

// The FTS5 query for what a user typed: each word quoted (so FTS5 syntax characters
// in it mean nothing), "..." kept as phrases; the tokenizer stems every word.
std::string MatchExpression(std::string_view q) {
  std::string out;
  bool in_phrase = false;
  size_t i = 0;
  while (i < q.size()) {
    if (q[i] == '"') {
      if (in_phrase) out += "\" ";
      else out += "\"";
      in_phrase = !in_phrase;
      ++i;
      continue;
    }
    size_t next = i;
    size_t end = corpus::WordEnd(q, i, next);
    if (end > i) {
      if (!in_phrase) out += "\"";
      else if (!out.empty() && out.back() != '"') out += ' ';
      out.append(q.substr(i, end - i));
      if (!in_phrase) out += "\" ";
    }
    i = next;
  }
  if (in_phrase) out += "\"";
  // A phrase with no words in it ("") is dropped.
  std::string clean;
  for (size_t k = 0; k < out.size(); ++k) {
    if (out[k] == '"' && k + 1 < out.size() && out[k + 1] == '"') {
      ++k;
      continue;
    }
    clean += out[k];
  }
  while (!clean.empty() && clean.back() == ' ') clean.pop_back();
  return clean;
}

std::vector<Segment> Segments(const std::string& s) {
  std::vector<Segment> out;
  Segment cur;
  for (char c : s) {
    if (c == '\x01' || c == '\x02') {
      if (!cur.text.empty()) out.push_back(cur);
      cur = Segment{{}, c == '\x01'};
      continue;
    }
    cur.text += c;
  }
  if (!cur.text.empty()) out.push_back(cur);
  return out;
}

}  // namespace

Result<SearchResult> Store::Search(const SearchQuery& query) {
  if (auto st = Expired(); !st.ok()) return st.error();
  const std::string match = MatchExpression(query.text);
  if (match.find_first_not_of("\" ") == std::string::npos)
    return Error{ErrorCode::kUsage, "the query has no words to search for", "", 0};
  std::string where = " WHERE articles_fts MATCH ?1";
  std::vector<std::string> args = {match};
  auto arg = [&](const std::string& v) {
    args.push_back(v);
    return "?" + std::to_string(args.size());
  };
  if (!query.outlet.empty()) where += " AND a.outlet = " + arg(query.outlet);
  if (!query.from.empty()) where += " AND a.date >= " + arg(query.from);
  if (!query.to.empty()) where += " AND substr(a.date, 1, 10) <= " + arg(query.to);
  if (!query.actor.empty())
    where += " AND EXISTS (SELECT 1 FROM entities en WHERE en.article_id = a.id AND en.code LIKE " + arg(query.actor) +
             " || '%')";
  if (!query.type.empty()) {
    std::string t = arg(query.type);
    where += " AND EXISTS (SELECT 1 FROM events ev WHERE ev.article_id = a.id AND (ev.plover = " + t +
             " OR ev.cameo LIKE " + t + " || '%'))";
  }
  // Filters need the articles table; a plain query stays inside the index.
  const bool plain = args.size() == 1;
  const std::string from = plain ? " FROM articles_fts" : " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid";
  SearchResult result;
  {
    std::string sql = "SELECT COUNT(*)" + from + where;
    Stmt q(db_, sql.c_str());
    if (!q.ok()) return Fail("search");
    for (size_t i = 0; i < args.size(); ++i) q.Bind(static_cast<int>(i + 1), args[i]);
    if (q.Step() != SQLITE_ROW)
      return Error{ErrorCode::kUsage, std::string("cannot search: ") + sqlite3_errmsg(db_), "", 0};
    result.total = q.Int(0);
  }
  // Rank first (ids and scores only), then read and snippet the page of hits: snippets
  // and article columns computed for every match before sorting would cost far more.
  std::vector<std::pair<int64_t, double>> page;
  {
    std::string sql = "SELECT articles_fts.rowid, articles_fts.rank" + from + where +
                      " ORDER BY articles_fts.rank LIMIT " + std::to_string(std::max<int64_t>(0, query.limit)) +
                      " OFFSET " + std::to_string(std::max<int64_t>(0, query.offset));
    Stmt q(db_, sql.c_str());
    if (!q.ok()) return Fail("search");
    for (size_t i = 0; i < args.size(); ++i) q.Bind(static_cast<int>(i + 1), args[i]);
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) page.emplace_back(q.Int(0), q.Real(1));
    if (rc != SQLITE_DONE) return Fail("search");
  }
  Stmt info(db_, "SELECT doc_id, COALESCE(title,''), COALESCE(outlet,''), COALESCE(date,''), COALESCE(url,''),"
                 " COALESCE(story_id, 0), COALESCE(duplicate_of, 0) FROM articles WHERE id = ?;");
  Stmt snip(db_, "SELECT snippet(articles_fts, -1, X'01', X'02', '…', 24) FROM articles_fts"
                 " WHERE articles_fts MATCH ?1 AND rowid = ?2;");
  for (const auto& [id, rank] : page) {
    SearchHit h;
    h.id = id;
    h.score = -rank;
    info.Reset();
    info.Bind(1, id);
    if (info.Step() == SQLITE_ROW) {
      h.doc_id = info.Text(0);
      h.title = info.Text(1);
      h.outlet = info.Text(2);
      h.date = info.Text(3);
      h.url = info.Text(4);
      h.story = info.Int(5);
      h.duplicate_of = info.Int(6);
    }
    snip.Reset();
    snip.Bind(1, match).Bind(2, id);
    if (snip.Step() == SQLITE_ROW) h.snippet = Segments(snip.Text(0));
    result.hits.push_back(std::move(h));
  }
  return result;
}

namespace {
// Columns 0-5 of an article query: id, doc_id, title, outlet, date, url.
ArticleRecord ArticleHead(const Stmt& q) {
  ArticleRecord r;
  r.id = q.Int(0);
  r.doc_id = q.Text(1);
  r.title = q.Text(2);
  r.outlet = q.Text(3);
  r.date = q.Text(4);
  r.url = q.Text(5);
  return r;
}
}  // namespace

Result<std::optional<ArticleRecord>> Store::Article(int64_t id) {
  Stmt q(db_, "SELECT id, doc_id, COALESCE(title,''), COALESCE(outlet,''), COALESCE(date,''), COALESCE(url,''),"
              " COALESCE(author,''), analysis, COALESCE(story_id, 0), COALESCE(duplicate_of, 0),"
              " COALESCE(duplicate_kind,''), COALESCE(similarity, 0) FROM articles WHERE id = ?;");
  if (!q.ok()) return Fail("read article");
  q.Bind(1, id);
  if (q.Step() != SQLITE_ROW) return std::optional<ArticleRecord>();
  ArticleRecord r = ArticleHead(q);
  r.author = q.Text(6);
  r.analysis = q.Text(7);
  r.story = q.Int(8);
  auto brief = [&](int64_t other, Duplicate& d) {
    Stmt b(db_, "SELECT COALESCE(title,''), COALESCE(outlet,''), COALESCE(date,'') FROM articles WHERE id = ?;");
    b.Bind(1, other);
    d.id = other;
    if (b.Step() == SQLITE_ROW) d.title = b.Text(0), d.outlet = b.Text(1), d.date = b.Text(2);
  };
  if (q.Int(9)) {
    Duplicate d;
    brief(q.Int(9), d);
    d.kind = q.Text(10);
    d.similarity = q.Real(11);
    r.duplicate_of = d;
  }
  Stmt dups(db_, "SELECT id, COALESCE(title,''), COALESCE(outlet,''), COALESCE(date,''), duplicate_kind, similarity"
                 " FROM articles WHERE duplicate_of = ? ORDER BY id;");
  dups.Bind(1, id);
  while (dups.Step() == SQLITE_ROW)
    r.duplicates.push_back({dups.Int(0), dups.Text(1), dups.Text(2), dups.Text(3), dups.Text(4), dups.Real(5)});
  return std::optional<ArticleRecord>(std::move(r));
}

namespace {
constexpr const char* kStoryActors =
    "SELECT en.code FROM entities en JOIN articles a ON a.id = en.article_id"
    " WHERE a.story_id = ? AND en.code IS NOT NULL GROUP BY en.code ORDER BY COUNT(*) DESC, en.code LIMIT 4;";
}  // namespace

Result<std::vector<StoryRow>> Store::Stories(int64_t limit, int64_t offset, int64_t min_articles, int64_t* total) {
  if (total) {
    Stmt c(db_, "SELECT COUNT(*) FROM stories WHERE articles >= ?;");
    c.Bind(1, min_articles);
    *total = c.Step() == SQLITE_ROW ? c.Int(0) : 0;
  }
  Stmt q(db_, "SELECT id, COALESCE(title,''), COALESCE(first_date,''), COALESCE(last_date,''), articles FROM stories"
              " WHERE articles >= ? ORDER BY articles DESC, last_date DESC, id LIMIT ? OFFSET ?;");
  if (!q.ok()) return Fail("query stories");
  q.Bind(1, min_articles).Bind(2, limit).Bind(3, offset);
  std::vector<StoryRow> out;
  Stmt actors(db_, kStoryActors);
  while (q.Step() == SQLITE_ROW) {
    StoryRow r{q.Int(0), q.Int(4), q.Text(1), q.Text(2), q.Text(3), {}};
    actors.Reset();
    actors.Bind(1, r.id);
    while (actors.Step() == SQLITE_ROW) r.actors.push_back(actors.Text(0));
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::optional<StoryRow>> Store::Story(int64_t id) {
  Stmt q(db_, "SELECT id, COALESCE(title,''), COALESCE(first_date,''), COALESCE(last_date,''), articles FROM stories"
              " WHERE id = ?;");
  if (!q.ok()) return Fail("query story");
  q.Bind(1, id);
  if (q.Step() != SQLITE_ROW) return std::optional<StoryRow>();
  StoryRow r{q.Int(0), q.Int(4), q.Text(1), q.Text(2), q.Text(3), {}};
  Stmt actors(db_, kStoryActors);
  actors.Bind(1, id);
  while (actors.Step() == SQLITE_ROW) r.actors.push_back(actors.Text(0));
  return std::optional<StoryRow>(std::move(r));
}

Result<std::vector<ArticleRecord>> Store::StoryMembers(int64_t story) {
  Stmt q(db_, "SELECT id, doc_id, COALESCE(title,''), COALESCE(outlet,''), COALESCE(date,''), COALESCE(url,''),"
              " COALESCE(duplicate_of, 0), COALESCE(duplicate_kind,'') FROM articles WHERE story_id = ?"
              " ORDER BY date, id;");
  if (!q.ok()) return Fail("query story");
  q.Bind(1, story);
  std::vector<ArticleRecord> out;
  while (q.Step() == SQLITE_ROW) {
    ArticleRecord r = ArticleHead(q);
    r.story = story;
    if (q.Int(6)) r.duplicate_of = Duplicate{q.Int(6), "", "", "", q.Text(7), 0};
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<ActorRow>> Store::Actors(int64_t limit) {
  if (auto st = Expired(); !st.ok()) return st.error();
  Stmt q(db_, "SELECT code, COUNT(*) c FROM entities WHERE code IS NOT NULL AND code != ''"
              " GROUP BY code ORDER BY c DESC, code LIMIT ?;");
  if (!q.ok()) return Fail("query actors");
  q.Bind(1, limit);
  Stmt name(db_, "SELECT actor_name FROM entities WHERE code = ? GROUP BY actor_name ORDER BY COUNT(*) DESC LIMIT 1;");
  std::string events_sql = std::string("SELECT COUNT(*) FROM events e WHERE (e.source_code = ?1 OR e.target_code = ?1)") +
                           kFactual + kCanonical;
  Stmt events(db_, events_sql.c_str());
  std::vector<ActorRow> out;
  while (q.Step() == SQLITE_ROW) {
    ActorRow r;
    r.code = q.Text(0);
    r.mentions = q.Int(1);
    name.Reset();
    name.Bind(1, r.code);
    if (name.Step() == SQLITE_ROW) r.name = name.Text(0);
    events.Reset();
    events.Bind(1, r.code);
    if (events.Step() == SQLITE_ROW) r.events = events.Int(0);
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<PairRow>> Store::Pairs(int64_t limit) {
  if (auto st = Expired(); !st.ok()) return st.error();
  std::string sql = std::string("SELECT e.source_code, e.target_code, COUNT(*) c, AVG(e.goldstein) FROM events e"
                                " WHERE e.source_code IS NOT NULL AND e.target_code IS NOT NULL") +
                    kFactual + kCanonical + " GROUP BY 1, 2 ORDER BY c DESC, 1, 2 LIMIT ?;";
  Stmt q(db_, sql.c_str());
  if (!q.ok()) return Fail("query pairs");
  q.Bind(1, limit);
  std::vector<PairRow> out;
  while (q.Step() == SQLITE_ROW) out.push_back({q.Text(0), q.Text(1), q.Int(2), q.Real(3)});
  return out;
}

Result<std::vector<DyadPoint>> Store::Dyads(const DyadQuery& d) {
  if (auto st = Expired(); !st.ok()) return st.error();
  const std::string day = "substr(COALESCE(e.date_start, a.date), 1, 10)";
  std::string period;
  if (d.period == "day") period = day;
  else if (d.period == "week") period = "date(" + day + ", '-6 days', 'weekday 1')";
  else if (d.period == "month") period = "substr(" + day + ", 1, 7)";
  else if (d.period == "year") period = "substr(" + day + ", 1, 4)";
  else return Error{ErrorCode::kUsage, "period must be day, week, month or year", "", 0};
  std::string sql = "SELECT " + period +
                    " p, COUNT(*), SUM(e.goldstein > 0), SUM(e.goldstein < 0), AVG(e.goldstein)"
                    " FROM events e JOIN articles a ON a.id = e.article_id WHERE " + day + " IS NOT NULL";
  std::string pair = "(e.source_code LIKE ?1 || '%' AND e.target_code LIKE ?2 || '%')";
  if (d.both) pair = "(" + pair + " OR (e.source_code LIKE ?2 || '%' AND e.target_code LIKE ?1 || '%'))";
  sql += " AND " + pair;
  if (!d.from.empty()) sql += " AND " + day + " >= ?3";
  if (!d.to.empty()) sql += " AND " + day + " <= ?4";
  sql += std::string(kFactual) + kCanonical + " GROUP BY p ORDER BY p;";
  Stmt q(db_, sql.c_str());
  if (!q.ok()) return Fail("query dyads");
  q.Bind(1, d.source).Bind(2, d.target);
  if (!d.from.empty()) q.Bind(3, d.from);
  if (!d.to.empty()) q.Bind(4, d.to);
  std::vector<DyadPoint> out;
  while (q.Step() == SQLITE_ROW) out.push_back({q.Text(0), q.Int(1), q.Int(2), q.Int(3), q.Real(4)});
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
  st.stories = count("SELECT COUNT(*) FROM stories;");
  st.happenings = count("SELECT COUNT(DISTINCT happening) FROM events;");
  st.exact_duplicates = count("SELECT COUNT(*) FROM articles WHERE duplicate_kind = 'exact';");
  st.near_duplicates = count("SELECT COUNT(*) FROM articles WHERE duplicate_kind = 'near';");
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
