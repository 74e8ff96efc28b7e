#include "read/reader.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "text/tsv.h"
#include "text/utf8.h"

namespace rasd::read {

namespace fs = std::filesystem;

namespace {

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

enum class Kind { kText, kHtml, kJsonl, kOther };

Kind KindOf(const std::string& path) {
  std::string ext = Lower(fs::path(path).extension().string());
  if (ext == ".txt" || ext == ".text") return Kind::kText;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return Kind::kHtml;
  if (ext == ".jsonl" || ext == ".ndjson") return Kind::kJsonl;
  return Kind::kOther;
}

std::string Stem(const std::string& path) { return fs::path(path).stem().string(); }

long LineOf(std::string_view bytes, size_t offset) {
  return 1 + static_cast<long>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(offset), '\n'));
}

std::string Megabytes(size_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", n / 1048576.0);
  return buf;
}

}  // namespace

Status CheckText(std::string_view bytes, const std::string& path, long line_base, const ReaderOptions& options) {
  if (bytes.size() > options.max_bytes)
    return Error{ErrorCode::kTooLarge,
                 "article is " + Megabytes(bytes.size()) + ", over the " + Megabytes(options.max_bytes) +
                     " limit (--max-bytes); skipped",
                 path, line_base};
  bool blank = true;
  size_t controls = 0;
  size_t probe = std::min<size_t>(bytes.size(), 8192);
  for (size_t i = 0; i < bytes.size(); ++i) {
    unsigned char c = bytes[i];
    if (c == 0)
      return Error{ErrorCode::kBinary, "binary data (NUL byte); skipped", path, line_base + LineOf(bytes, i) - 1};
    if (i < probe && c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
    if (blank && !(c == ' ' || c == '\n' || c == '\r' || c == '\t')) blank = false;
  }
  if (blank) return Error{ErrorCode::kEmpty, "empty article (no text); skipped", path, line_base};
  if (controls * 20 > probe)
    return Error{ErrorCode::kBinary, "binary data (control bytes); skipped", path, line_base};
  if (auto bad = text::FindInvalidUtf8(bytes)) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned char>(bytes[*bad]));
    return Error{ErrorCode::kInvalidUtf8,
                 std::string("invalid UTF-8 (byte ") + buf + " at offset " + std::to_string(*bad) + "); skipped", path,
                 line_base + LineOf(bytes, *bad) - 1};
  }
  return {};
}

ArticleSource::ArticleSource(std::vector<std::string> paths, ReaderOptions options)
    : options_(options), args_(std::move(paths)) {
  for (const auto& p : args_) {
    std::error_code ec;
    if (p == "-") continue;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file(ec) && KindOf(it->path().string()) != Kind::kOther) bytes_total_ += it->file_size(ec);
    } else if (fs::is_regular_file(p, ec)) {
      bytes_total_ += fs::file_size(p, ec);
    }
  }
}

ArticleSource::~ArticleSource() = default;

void ArticleSource::Expand(const std::string& path) {
  std::error_code ec;
  if (path != "-" && fs::is_directory(path, ec)) {
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && KindOf(it->path().string()) != Kind::kOther) files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    for (auto& f : files) pending_.push_back(Item{std::move(f), false});
    return;
  }
  pending_.push_back(Item{path, true});
}

Result<RawArticle> ParseJsonRecord(std::string_view line, const std::string& path, long number,
                                   const ReaderOptions& options) {
  nlohmann::json j = nlohmann::json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Error{ErrorCode::kBadJson, "line is not valid JSON; skipped", path, number};
  if (!j.is_object()) return Error{ErrorCode::kBadJson, "line is JSON but not an object; skipped", path, number};
  RawArticle a;
  a.input = path + ":" + std::to_string(number);
  auto str = [&](const char* key) -> std::optional<std::string> {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
    return std::nullopt;
  };
  if (auto id = str("id")) a.id = *id;
  else a.id = Stem(path) + "-" + std::to_string(number);
  if (auto t = str("text")) {
    a.body = std::move(*t);
  } else if (auto h = str("html")) {
    a.body = std::move(*h);
    a.is_html = true;
  } else {
    return Error{ErrorCode::kBadRecord, "record has no \"text\" or \"html\" string; skipped", path, number};
  }
  a.url = str("url");
  a.date = str("date");
  a.outlet = str("outlet");
  a.title = str("title");
  auto ok = CheckText(a.body, path, number, options);
  if (!ok.ok()) return ok.error();
  return a;
}

Result<std::optional<RawArticle>> ArticleSource::NextJsonl() {
  std::string line;
  while (std::getline(*jsonl_, line)) {
    ++jsonl_line_;
    bytes_read_ += line.size() + 1;
    std::string_view view = text::Trim(line);
    if (view.empty()) continue;
    if (line.size() > options_.max_bytes + 4096)
      return Error{ErrorCode::kTooLarge, "line of " + std::to_string(line.size() >> 20) + " MB is over the limit; skipped",
                   jsonl_path_, jsonl_line_};
    auto rec = ParseJsonRecord(view, jsonl_path_, jsonl_line_, options_);
    if (!rec.ok()) return rec.error();
    return std::optional<RawArticle>(std::move(rec).value());
  }
  jsonl_.reset();
  return std::optional<RawArticle>();
}

Result<std::optional<RawArticle>> ArticleSource::ReadFile(const Item& item) {
  const std::string& path = item.path;
  std::string bytes;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::error_code ec;
    if (!fs::exists(path, ec)) return Error{ErrorCode::kNotFound, "no such file or folder", path, 0};
    if (!fs::is_regular_file(path, ec)) return Error{ErrorCode::kIo, "not a regular file", path, 0};
    Kind kind = KindOf(path);
    if (kind == Kind::kJsonl) {
      auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
      if (!*in) return Error{ErrorCode::kIo, "cannot open", path, 0};
      jsonl_ = std::move(in);
      jsonl_path_ = path;
      jsonl_line_ = 0;
      return NextJsonl();
    }
    auto size = fs::file_size(path, ec);
    if (!ec && size > options_.max_bytes) {
      bytes_read_ += size;
      return Error{ErrorCode::kTooLarge,
                   "file is " + Megabytes(size) + ", over the " + Megabytes(options_.max_bytes) +
                       " article limit (--max-bytes); skipped",
                   path, 0};
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{ErrorCode::kIo, "cannot open", path, 0};
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  bytes_read_ += bytes.size();
  if (path == "-" && !text::Trim(bytes).empty() && text::Trim(bytes)[0] == '{') {
    jsonl_ = std::make_unique<std::istringstream>(std::move(bytes));
    jsonl_path_ = "<stdin>";
    jsonl_line_ = 0;
    return NextJsonl();
  }
  const std::string shown = path == "-" ? "<stdin>" : path;
  auto ok = CheckText(bytes, shown, 1, options_);
  if (!ok.ok()) return ok.error();
  RawArticle a;
  a.id = path == "-" ? "stdin" : Stem(path);
  a.input = shown;
  a.is_html = KindOf(path) == Kind::kHtml;
  if (!a.is_html && KindOf(path) == Kind::kOther) {
    // A file named on the command line with another extension: sniff for HTML.
    auto head = bytes.substr(0, 512);
    a.is_html = head.find("<html") != std::string::npos || head.find("<!DOCTYPE") != std::string::npos ||
                head.find("<!doctype") != std::string::npos;
  }
  a.body = std::move(bytes);
  return std::optional<RawArticle>(std::move(a));
}

Result<std::optional<RawArticle>> ArticleSource::Next() {
  while (true) {
    if (jsonl_) {
      auto r = NextJsonl();
      if (!r.ok() || r.value()) return r;
      continue;  // the JSONL file is done
    }
    if (pending_.empty()) {
      if (next_arg_ >= args_.size()) return std::optional<RawArticle>();
      Expand(args_[next_arg_++]);
      continue;
    }
    Item item = std::move(pending_.front());
    pending_.pop_front();
    auto r = ReadFile(item);
    if (!r.ok() || r.value()) return r;
  }
}

}  // namespace rasd::read
