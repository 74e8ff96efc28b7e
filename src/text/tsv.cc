#include "text/tsv.h"

#include <fstream>

namespace rasd::text {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

int TsvTable::Column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

static std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.emplace_back(Trim(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

Result<TsvTable> ReadTsv(const std::string& path, const std::vector<std::string>& required) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::kNotFound, "cannot open data file", path, 0};
  TsvTable table;
  table.path = path;
  std::string line;
  long number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string_view view = line;
    if (number == 1 && view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
    if (Trim(view).empty()) continue;
    if (view[0] == '#') {
      auto pos = view.find("version:");
      if (pos != std::string_view::npos && table.version.empty()) table.version = std::string(Trim(view.substr(pos + 8)));
      continue;
    }
    auto fields = SplitTabs(view);
    if (table.header.empty()) {
      table.header = std::move(fields);
      for (const auto& name : required)
        if (table.Column(name) < 0)
          return Error{ErrorCode::kBadData, "header lacks column '" + name + "'", path, number};
      continue;
    }
    if (fields.size() != table.header.size())
      return Error{ErrorCode::kBadData,
                   "expected " + std::to_string(table.header.size()) + " fields, found " + std::to_string(fields.size()),
                   path, number};
    table.rows.push_back(TsvRow{number, std::move(fields)});
  }
  if (table.header.empty()) return Error{ErrorCode::kBadData, "no header line", path, 0};
  return table;
}

std::vector<std::string> SplitAlternatives(std::string_view field, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= field.size()) {
    size_t bar = field.find(sep, start);
    auto part = Trim(field.substr(start, bar == std::string_view::npos ? field.npos : bar - start));
    if (!part.empty() && part != "-") out.emplace_back(part);
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

}  // namespace rasd::text
