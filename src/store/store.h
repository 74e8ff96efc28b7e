// store/store.h: the embedded SQLite event database.
//
// WAL journal, schema versioned by PRAGMA user_version with numbered migrations
// (store.cc, kMigrations). Articles are keyed by a content hash of their URL, cleaned
// title and text: ingesting the same article twice stores it once. Republished bodies
// (exact or near duplicates) are stored and linked to the first one (duplicate_of);
// every article belongs to a story; events that several articles report share a
// happening. Full-text search is an FTS5 index with the rasd tokenizer (store/fts.h).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rasd/document.h"
#include "rasd/result.h"
#include "corpus/stories.h"
#include "read/reader.h"

struct sqlite3;

namespace rasd::store {

struct EventRow {
  int64_t id = 0, reports = 1;  // reports: how many articles tell this happening
  int64_t article = 0;
  std::string doc_id, date, cameo, plover, mode, source_code, source_name, target_code, target_name, modality,
      trigger, place, title, outlet;
  double goldstein = 0, confidence = 0;
  bool negated = false;
};

struct EventFilter {
  std::string actor;  // matches a source or target code prefix, or actor id
  std::string type;   // PLOVER type or CAMEO code prefix
  std::string from, to;  // dates, inclusive
  int64_t limit = -1;
  bool all = false;  // also negated, intended and hypothetical events
  int64_t offset = 0;
  bool every_report = false;  // one row per article's event, not per happening
  std::string source, target;  // code prefixes
};

struct Stats {
  int64_t articles = 0, entities = 0, events = 0, quotes = 0, stories = 0, happenings = 0;
  int64_t exact_duplicates = 0, near_duplicates = 0;
  std::string first_date, last_date;
  std::vector<std::pair<std::string, int64_t>> by_plover, by_actor, by_outlet;
  int schema = 0;
};

// What the store keeps of an input to analyse it again later (re-cleaning).
struct RawInput {
  std::string body;
  bool is_html = false;
  std::optional<std::string> title;  // the headline the input's metadata gave, if any
};

struct StoredArticle {
  int64_t id = 0;
  read::RawArticle raw;  // as read, with the stored metadata
  std::string text;      // the cleaned text stored now
};

struct SearchQuery {
  std::string text;  // words (stemmed like the index); "..." for a phrase
  std::string outlet, from, to, actor, type;
  int64_t limit = 20, offset = 0;
};

struct Segment {
  std::string text;
  bool hit = false;
};

struct SearchHit {
  int64_t id = 0, story = 0, duplicate_of = 0;
  std::string doc_id, title, outlet, date, url;
  double score = 0;  // -bm25: higher is better
  std::vector<Segment> snippet;
};

struct SearchResult {
  int64_t total = 0;
  std::vector<SearchHit> hits;
};

struct Duplicate {
  int64_t id = 0;
  std::string title, outlet, date, kind;  // kind: exact or near
  double similarity = 0;
};

struct ArticleRecord {
  int64_t id = 0, story = 0;
  std::string doc_id, title, outlet, date, url, author;
  std::string analysis;  // the contract JSON
  std::optional<Duplicate> duplicate_of;
  std::vector<Duplicate> duplicates;
};

struct StoryRow {
  int64_t id = 0, articles = 0;
  std::string title, first_date, last_date;
  std::vector<std::string> actors;  // most named actor codes
};

struct ActorRow {
  std::string code, name;
  int64_t mentions = 0, events = 0;
};

struct PairRow {
  std::string source, target;
  int64_t events = 0;
  double goldstein = 0;
};

struct DyadQuery {
  std::string source, target, period = "month", from, to;
  bool both = false;  // the pair in either direction
};

struct DyadPoint {
  std::string period;
  int64_t events = 0, cooperation = 0, conflict = 0;
  double goldstein = 0;  // mean
};

struct IngestReport {
  bool added = false;
  int64_t id = 0, duplicate_of = 0, story = 0;
  std::string duplicate_kind;
};

using LearnedChromeMap = std::unordered_map<std::string, std::unordered_set<std::string>>;

// What makes an article the same input again: a 64-bit FNV-1a hash of its URL (when
// it has one), title and cleaned text, as 16 hex digits. The same text under another
// URL is another article (a republication, linked as a duplicate).
std::string ContentHash(const Document& doc);
std::string ContentHash(const std::string& url, const std::string& title, const std::string& text);

class Store {
 public:
  // read_only: the database must exist and nothing is written.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, bool read_only = false);
  ~Store();
  static int SchemaVersion();

  Status Begin();
  Status Commit();
  // Stores one analysed article (and its raw input, for re-cleaning); false when an
  // article with the same content is there.
  Result<bool> Add(const Document& doc, const std::string& analysis_json, const std::string& pipeline,
                   const RawInput& raw = {}, IngestReport* report = nullptr);
  // Words that do not describe a story (data/lexicon/stopwords.txt), for story terms.
  void SetStopwords(std::unordered_set<std::string> words) { stopwords_ = std::move(words); }
  // Lines (short, by LineKey) that recur in at least `min_articles` articles of an outlet
  // and in at least `min_share` of them: that outlet's chrome.
  Result<LearnedChromeMap> LearnedChrome(int64_t min_articles, double min_share);
  // The stored articles of an outlet that kept their raw input.
  Result<std::vector<StoredArticle>> ArticlesOf(const std::string& outlet);
  // Replaces an article's analysis (after re-cleaning); `old_doc` is what it had, for the line counts.
  Status Replace(int64_t id, const Document& old_doc, const Document& doc, const std::string& json,
                 const std::string& pipeline);
  Result<std::vector<EventRow>> Events(const EventFilter& filter);
  Result<Stats> GetStats();
  Result<SearchResult> Search(const SearchQuery& query);
  Result<std::optional<ArticleRecord>> Article(int64_t id);
  Result<int64_t> CountEvents(const EventFilter& filter);
  Result<std::vector<StoryRow>> Stories(int64_t limit, int64_t offset, int64_t min_articles, int64_t* total);
  Result<std::optional<StoryRow>> Story(int64_t id);
  Result<std::vector<ArticleRecord>> StoryMembers(int64_t story);  // without analysis
  Result<std::vector<ActorRow>> Actors(int64_t limit);
  Result<std::vector<PairRow>> Pairs(int64_t limit);
  Result<std::vector<DyadPoint>> Dyads(const DyadQuery& query);
  bool read_only() const { return read_only_; }
  // Queries run by this thread after the deadline are interrupted and fail with
  // "query interrupted" (the server sets one per request); nullopt lifts it.
  static void SetThreadDeadline(std::optional<std::chrono::steady_clock::time_point> deadline);

 private:
  explicit Store(sqlite3* db, bool read_only) : db_(db), read_only_(read_only) {}
  Status Exec(const char* sql);
  Status CountLines(const Document& doc, int delta);
  Status InsertChildren(int64_t id, const Document& doc);
  Status Migrate();
  Error Fail(const std::string& what) const;
  Status IndexArticle(int64_t id, const Document& doc, IngestReport* report);
  Status LinkHappenings(int64_t id, int64_t duplicate_of);
  Status LoadStories();
  Status EventSql(const EventFilter& f, std::string& sql, std::vector<std::string>& args) const;
  sqlite3* db_;
  bool read_only_ = false;
  std::unordered_set<std::string> stopwords_;
  std::unique_ptr<corpus::StoryIndex> stories_;  // loaded on the first Add
};

}  // namespace rasd::store
