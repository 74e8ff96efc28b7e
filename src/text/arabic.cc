#include "text/arabic.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/utf8.h"

namespace rasd::text {

bool IsArabicLetter(char32_t c) {
  return (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A) || (c >= 0x0671 && c <= 0x06D3) ||
         c == 0x06D5 || (c >= 0x06FA && c <= 0x06FC);
}

bool IsArabicDiacritic(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED) ||
         (c >= 0x0610 && c <= 0x061A) || (c >= 0x08D3 && c <= 0x08FF);
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  if (IsArabicLetter(c)) return true;
  if (IsArabicDiacritic(c) || IsTatweel(c)) return false;
  return u_isalpha(static_cast<UChar32>(c));
}

bool IsDigit(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

bool IsNoise(char32_t c) {
  return c == 0x00AD || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x061C ||
         c == kReplacement || (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c < 0xA0);
}

char32_t FoldChar(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673:
      return 0x0627;  // alef variants → ا
    case 0x0649: return 0x064A;  // ى → ي
    case 0x0629: return 0x0647;  // ة → ه
    case 0x0624: case 0x0626: return 0x0621;  // ؤ ئ → ء
    case 0x06A9: return 0x0643;  // ک → ك
    case 0x06CC: return 0x064A;  // ی → ي
    case 0x06C1: return 0x0647;  // ہ → ه
    default: break;
  }
  if (IsArabicDiacritic(c) || IsTatweel(c) || IsNoise(c)) return 0;
  if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);
  if (c < 0x0600 && c >= 0xC0) return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  return c;
}

std::string NormalizeKey(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    char32_t c = FoldChar(DecodeNext(s, i));
    if (c) AppendUtf8(out, c);
  }
  return out;
}

namespace {

bool NeedsNfkc(char32_t c) {
  return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC) || (c >= 0xFF01 && c <= 0xFF5E);
}

std::string Nfkc(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return s;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  icu::UnicodeString n = nfkc->normalize(u, status);
  if (U_FAILURE(status)) return s;
  std::string out;
  n.toUTF8String(out);
  return out;
}

}  // namespace

std::string CleanUnicode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool compat = false;
  size_t i = 0;
  while (i < s.size()) {
    // Fast path: printable ASCII (but CR) and Arabic-block letters (lead bytes D8–DB) are
    // copied as they are.
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if ((b >= 0x20 && b < 0x7F) || b == '\n') {
      out += static_cast<char>(b);
      ++i;
      continue;
    }
    if (b >= 0xD8 && b <= 0xDB && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
        !(b == 0xD8 && static_cast<unsigned char>(s[i + 1]) == 0x9C)) {  // U+061C ARABIC LETTER MARK is noise
      out.append(s.data() + i, 2);
      i += 2;
      continue;
    }
    char32_t c = DecodeNext(s, i);
    if (c == '\r') {
      if (i < s.size() && s[i] == '\n') continue;
      c = '\n';
    }
    if (c == 0x2028 || c == 0x2029 || c == 0x0085) c = '\n';
    if (IsSpace(c)) c = ' ';
    if (IsNoise(c)) continue;
    if (NeedsNfkc(c)) compat = true;
    AppendUtf8(out, c);
  }
  // Presentation forms are rare; NFKC only pays when they occur.
  return compat ? Nfkc(out) : out;
}

}  // namespace rasd::text
