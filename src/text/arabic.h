// text/arabic.h: Arabic orthography. Two different jobs:
//  * CleanUnicode() repairs the text users see (noise characters out, presentation
//    forms folded, spaces unified) without changing its spelling;
//  * NormalizeKey() builds the matching key every lexicon and token is compared by:
//    diacritics and tatweel dropped, أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ ئ → ء,
//    Persian ک ی → ك ي, Arabic-Indic digits → ASCII, Latin lowercased.
#pragma once

#include <string>
#include <string_view>

namespace rasd::text {

bool IsArabicLetter(char32_t c);     // base letters U+0621–U+064A, U+0671–U+06D3 (no marks, no tatweel)
bool IsArabicDiacritic(char32_t c);  // harakat, tanwin, shadda, sukun, superscript alef, Quranic marks
inline bool IsTatweel(char32_t c) { return c == 0x0640; }
bool IsLetter(char32_t c);           // Arabic or Latin (or other alphabetic) letter
bool IsDigit(char32_t c);            // ASCII, Arabic-Indic or Extended Arabic-Indic digit
bool IsSpace(char32_t c);            // any Unicode space, incl. NBSP
// Invisible or formatting characters that carry nothing in news text: zero-width
// spaces/joiners, bidi marks and embeddings, soft hyphen, BOM, variation selectors.
bool IsNoise(char32_t c);

// The matching key of one character; 0 when the character is dropped.
char32_t FoldChar(char32_t c);

// The matching key of a string (see the header comment).
std::string NormalizeKey(std::string_view s);

// Removes noise characters, folds Arabic presentation forms (U+FB50–U+FEFF) and other
// compatibility characters through ICU NFKC, maps every space variant to ' ', and
// '\r\n' / '\r' to '\n'. The result is valid UTF-8 (invalid bytes become U+FFFD).
std::string CleanUnicode(std::string_view s);

}  // namespace rasd::text
