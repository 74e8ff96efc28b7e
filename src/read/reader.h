// read/reader.h: turns paths into raw articles, one at a time, in input order.
//
// Accepted inputs: .txt (one article per file), .html/.htm (one page per file),
// .jsonl (one article per line: id, text|html, url, date, outlet, title), folders
// of these (walked recursively, sorted by name), and "-" for standard input (text,
// or JSONL when its first byte is '{'). Every problem with one input (missing
// path, empty, binary, invalid UTF-8, too large, a line that is not JSON) is an
// Error with path and line; the source then goes on with the next input.
#pragma once

#include <cstdint>
#include <deque>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rasd/result.h"

namespace rasd::read {

struct RawArticle {
  std::string id;     // JSONL "id", else the file stem
  std::string input;  // "path" or "path:line"
  std::string body;   // plain text, or HTML when is_html
  bool is_html = false;
  std::optional<std::string> url, date, outlet, title;
};

struct ReaderOptions {
  size_t max_bytes = 8u << 20;  // larger articles are refused (kTooLarge)
};

// Checks one article's bytes: not empty, not binary, valid UTF-8, not too large.
// `line_base` is the line the bytes start on, for error positions.
Status CheckText(std::string_view bytes, const std::string& path, long line_base, const ReaderOptions& options);

class ArticleSource {
 public:
  ArticleSource(std::vector<std::string> paths, ReaderOptions options = {});
  ~ArticleSource();

  // The next article, or an error about one input, or nullopt when all is read.
  Result<std::optional<RawArticle>> Next();

  // Bytes consumed so far and the total size of the files found (for progress bars).
  uint64_t bytes_read() const { return bytes_read_; }
  uint64_t bytes_total() const { return bytes_total_; }

 private:
  struct Item {
    std::string path;
    bool from_arg = false;  // named on the command line (then any extension is read)
  };
  Result<std::optional<RawArticle>> ReadFile(const Item& item);
  Result<std::optional<RawArticle>> NextJsonl();
  void Expand(const std::string& path);

  ReaderOptions options_;
  std::deque<Item> pending_;
  std::vector<std::string> args_;
  size_t next_arg_ = 0;
  // The JSONL file being read, if any.
  std::unique_ptr<std::istream> jsonl_;
  std::string jsonl_path_;
  long jsonl_line_ = 0;
  uint64_t bytes_read_ = 0, bytes_total_ = 0;
};

// Parses one JSONL record. Errors carry path and line.
Result<RawArticle> ParseJsonRecord(std::string_view line, const std::string& path, long number,
                                   const ReaderOptions& options = {});

}  // namespace rasd::read
