#include "ner/names.h"

#include <fstream>
#include <sstream>

#include "text/arabic.h"
#include "text/utf8.h"

namespace rasd::ner {

Result<NameWords> NameWords::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::kNotFound, "cannot open", path, 0};
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Error{ErrorCode::kIo, "cannot read", path, 0};
  return Parse(text.str(), path);
}

Result<NameWords> NameWords::Parse(std::string_view text, const std::string& source) {
  NameWords out;
  long number = 0;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    if (text::FindInvalidUtf8(line)) return Error{ErrorCode::kBadData, "invalid UTF-8", source, number};
    const size_t tab = line.find('\t');
    if (tab == 0 || tab == std::string_view::npos || !ValidTypes(line.substr(tab + 1)))
      return Error{ErrorCode::kBadData, "expected word<TAB>type letters", source, number};
    std::string norm = text::NormalizeKey(line.substr(0, tab));
    if (norm.empty()) return Error{ErrorCode::kBadData, "empty word", source, number};
    out.words_.emplace(std::move(norm), line.substr(tab + 1));  // the first line of a word wins
  }
  return out;
}

bool NameWords::ValidTypes(std::string_view types) {
  if (types.empty() || types.size() > 8) return false;
  for (char c : types)
    if (c < 'a' || c > 'z') return false;
  return true;
}

std::string_view NameWords::Find(std::string_view norm) const {
  if (words_.empty()) return {};
  if (auto it = words_.find(std::string(norm)); it != words_.end()) return it->second;
  // One leading clitic (each is two bytes in UTF-8), leaving at least three letters.
  if (norm.size() < 8) return {};
  const std::string_view head = norm.substr(0, 2);
  if (head != "و" && head != "ف" && head != "ب" && head != "ل" && head != "ك") return {};
  if (auto it = words_.find(std::string(norm.substr(2))); it != words_.end()) return it->second;
  return {};
}

}  // namespace rasd::ner
