// text/utf8.h: UTF-8 decoding, validation and code-point indexing.
//
// The document model counts offsets in code points; these helpers convert
// between code points and bytes without allocating per character.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rasd/document.h"

namespace rasd::text {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at s[i] and advances i past it. Invalid or truncated
// sequences yield U+FFFD and advance by one byte.
char32_t DecodeNext(std::string_view s, size_t& i);

// Appends the UTF-8 encoding of c.
void AppendUtf8(std::string& out, char32_t c);

// Byte offset of the first invalid sequence, or nullopt when s is valid UTF-8.
std::optional<size_t> FindInvalidUtf8(std::string_view s);

// Whole-string conversions, for code that edits text letter by letter.
std::u32string ToU32(std::string_view s);
std::string FromU32(std::u32string_view s);

// Number of code points in s.
int32_t CountCodePoints(std::string_view s);

// Maps code-point offsets to byte offsets for one string (built once, O(n)).
class Utf8Index {
 public:
  explicit Utf8Index(std::string_view s);
  int32_t size() const { return static_cast<int32_t>(bytes_.size()) - 1; }  // code points
  size_t Byte(int32_t cp) const { return bytes_[cp]; }
  std::string_view Slice(Span span) const {
    return s_.substr(bytes_[span.start], bytes_[span.end] - bytes_[span.start]);
  }

 private:
  std::string_view s_;
  std::vector<uint32_t> bytes_;  // bytes_[k] = byte offset of code point k; bytes_[n] = s.size()
};

}  // namespace rasd::text
