// store/fts.h: the "rasd" FTS5 tokenizer, so that SQLite's full-text index sees
// Arabic words as the engine does (corpus/terms.h): a document word is indexed under
// its light stem and, at the same position, under the stem without an ambiguous
// leading clitic (و ف ب ل ك); a query word is looked up by its light stem only.
#pragma once

struct sqlite3;

namespace rasd::store {

// Registers the tokenizer on a connection; false when FTS5 is missing.
bool RegisterTokenizer(sqlite3* db);

}  // namespace rasd::store
