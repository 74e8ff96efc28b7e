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
#include <vector>

#include "rasd/document.h"
#include "rasd/result.h"

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

// A 64-bit FNV-1a hash of the article's title and cleaned text, as 16 hex digits.
std::string ContentHash(const Document& doc);

class Store {
 public:
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();
  static int SchemaVersion();

  Status Begin();
  Status Commit();
  // Stores one analysed article; false when an article with the same content is there.
  Result<bool> Add(const Document& doc, const std::string& analysis_json, const std::string& pipeline);
  Result<std::vector<EventRow>> Events(const EventFilter& filter);
  Result<Stats> GetStats();

 private:
  explicit Store(sqlite3* db) : db_(db) {}
  Status Exec(const char* sql);
  Status Migrate();
  Error Fail(const std::string& what) const;
  sqlite3* db_;
};

}  // namespace rasd::store
