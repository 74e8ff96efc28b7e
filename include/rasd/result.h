// rasd/result.h: expected failures as values. Every error that input can cause
// (a bad file, a malformed JSON line, invalid UTF-8) travels as an Error, never
// as an exception or an assert. Front ends print Error::ToString() and go on.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace rasd {

enum class ErrorCode {
  kIo,            // the file or folder could not be opened or read
  kNotFound,      // the path does not exist
  kEmpty,         // the input holds no text at all
  kBinary,        // the input looks binary (NUL bytes or mostly control bytes)
  kInvalidUtf8,   // the bytes are not valid UTF-8
  kTooLarge,      // the article exceeds the configured size limit
  kBadJson,       // a JSONL line is not a JSON object
  kBadRecord,     // the JSON object lacks text/html or has the wrong types
  kBadData,       // a data file (lexicon, gazetteer) is malformed
  kDatabase,      // SQLite reported an error
  kUsage,         // the caller asked for something that cannot be done
};

struct Error {
  ErrorCode code = ErrorCode::kIo;
  std::string message;  // one line, says what is wrong
  std::string path;     // file the error is about, if any
  long line = 0;        // 1-based line in that file, 0 when not line-specific

  // "path:line: message" (parts left out when unknown).
  std::string ToString() const {
    std::string out;
    if (!path.empty()) {
      out += path;
      if (line > 0) out += ":" + std::to_string(line);
      out += ": ";
    }
    out += message;
    return out;
  }
};

// Result<T> holds a T or an Error. Check ok() before value().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}      // NOLINT: implicit by design
  bool ok() const { return v_.index() == 0; }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result<void> equivalent.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : ok_(false), error_(std::move(error)) {}  // NOLINT
  bool ok() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  bool ok_ = true;
  Error error_;
};

}  // namespace rasd
