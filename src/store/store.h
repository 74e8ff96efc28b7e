// store/store.h: the embedded SQLite event database.
//
// WAL journal, schema versioned by PRAGMA user_version with numbered migrations
// (store.cc, kMigrations). Articles are keyed by a content hash of their cleaned
// title and text: ingesting the same article twice stores it once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rasd/document.h"
#include "rasd/result.h"
#include "read/reader.h"

struct sqlite3;

namespace rasd::store {

struct EventRow {
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
};

struct Stats {
  int64_t articles = 0, entities = 0, events = 0, quotes = 0;
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

using LearnedChromeMap = std::unordered_map<std::string, std::unordered_set<std::string>>;

// A 64-bit FNV-1a hash of the article's title and cleaned text, as 16 hex digits.
std::string ContentHash(const Document& doc);

class Store {
 public:
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();
  static int SchemaVersion();

  Status Begin();
  Status Commit();
  // Stores one analysed article (and its raw input, for re-cleaning); false when an
  // article with the same content is there.
  Result<bool> Add(const Document& doc, const std::string& analysis_json, const std::string& pipeline,
                   const RawInput& raw = {});
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

 private:
  explicit Store(sqlite3* db) : db_(db) {}
  Status Exec(const char* sql);
  Status CountLines(const Document& doc, int delta);
  Status InsertChildren(int64_t id, const Document& doc);
  Status Migrate();
  Error Fail(const std::string& what) const;
  sqlite3* db_;
};

}  // namespace rasd::store
