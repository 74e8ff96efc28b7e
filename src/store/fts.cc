#include "store/fts.h"

#include <sqlite3.h>

#include <string>
#include <vector>

#include "corpus/terms.h"

namespace rasd::store {

namespace {

int Create(void*, const char**, int, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(new int(0));  // stateless; FTS5 needs a non-null handle
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* t) { delete reinterpret_cast<int*>(t); }

int Tokenize(Fts5Tokenizer*, void* ctx, int flags, const char* text, int n,
             int (*token)(void*, int, const char*, int, int, int)) {
  const bool document = (flags & FTS5_TOKENIZE_DOCUMENT) != 0;
  std::vector<std::string> stems;
  int rc = SQLITE_OK;
  rasd::corpus::ForEachWord(std::string_view(text, static_cast<size_t>(n)),
                            [&](const std::string& norm, size_t begin, size_t end) {
                              if (rc != SQLITE_OK) return;
                              const int b = static_cast<int>(begin), e = static_cast<int>(end);
                              if (!document) {
                                std::string stem = rasd::corpus::SearchStem(norm);
                                rc = token(ctx, 0, stem.data(), static_cast<int>(stem.size()), b, e);
                                return;
                              }
                              rasd::corpus::IndexStems(norm, stems);
                              for (size_t k = 0; k < stems.size() && rc == SQLITE_OK; ++k)
                                rc = token(ctx, k ? FTS5_TOKEN_COLOCATED : 0, stems[k].data(),
                                           static_cast<int>(stems[k].size()), b, e);
                            });
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

}  // namespace

bool RegisterTokenizer(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1);", -1, &st, nullptr) != SQLITE_OK) return false;
  sqlite3_bind_pointer(st, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(st);
  sqlite3_finalize(st);
  if (!api) return false;
  static fts5_tokenizer tokenizer = {Create, Delete, Tokenize};
  return api->xCreateTokenizer(api, "rasd", nullptr, &tokenizer, nullptr) == SQLITE_OK;
}

}  // namespace rasd::store
