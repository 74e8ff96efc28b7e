// text/tsv.h: the format of every data file under data/: UTF-8, TAB separated,
// '#' comment lines first (version, sources), one header line, then rows.
// Alternatives inside a field are separated by '|'.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rasd/result.h"

namespace rasd::text {

struct TsvRow {
  long line = 0;  // 1-based line in the file
  std::vector<std::string> fields;
};

class TsvTable {
 public:
  std::string path;
  std::string version;  // from a "# version: ..." comment, "" if none
  std::vector<std::string> header;
  std::vector<TsvRow> rows;

  // Index of a header column, or -1.
  int Column(std::string_view name) const;
};

// Reads a data file. `required` columns must be present in the header; every row
// must have as many fields as the header (error: kBadData with path and line).
Result<TsvTable> ReadTsv(const std::string& path, const std::vector<std::string>& required);

// Splits "a|b|c" into non-empty trimmed parts; "-" and "" yield nothing.
std::vector<std::string> SplitAlternatives(std::string_view field, char sep = '|');

std::string_view Trim(std::string_view s);

// Splits on spaces (and tabs), dropping empty parts: "a  b" → {"a", "b"}.
std::vector<std::string> SplitWords(std::string_view s);

}  // namespace rasd::text
