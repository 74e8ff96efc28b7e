// corpus/terms.h: the words a search or a comparison of articles is made of.
//
// A search term is the light stem of a word, after Larkey, Ballesteros & Connell's
// "light10" Arabic stemmer: the orthographic key (text::NormalizeKey) without the
// definite article and its fused prepositions (وال بال كال فال لل ال) and without the
// common suffixes (ها ان ات ون ين يه ه ي; ة is folded to ه by the key). So العقوبات،
// بالعقوبات، عقوبات and عقوبة all give عقوب.
//
// A leading و/ف or a bare ب/ل/ك is ambiguous (وزير is one word, وعقوباتها is two), so
// an index records a word under its literal stem and, at the same position, under the
// stem without those clitics (IndexStems); a query uses the literal stem (SearchStem).
// Words of digits or Latin letters are their key.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/arabic.h"

namespace rasd::corpus {

// The search stem of one normalised word (NormalizeKey output).
std::string SearchStem(std::string_view norm);

// The stems an index records for one normalised word: SearchStem first, then the
// stems without a leading conjunction and/or preposition (distinct, none empty).
void IndexStems(std::string_view norm, std::vector<std::string>& out);

// The end of the word starting at byte `i` of `text`, or `i` when no word starts
// there; `next` is set to where scanning continues. Tatweel, diacritics and invisible
// characters inside a word belong to it.
size_t WordEnd(std::string_view text, size_t i, size_t& next);

// Calls f(norm, begin, end) for every word of `text`: its NormalizeKey and its byte offsets.
template <class F>
void ForEachWord(std::string_view text, F&& f) {
  size_t i = 0;
  while (i < text.size()) {
    size_t next = i;
    size_t end = WordEnd(text, i, next);
    if (end > i) {
      std::string norm = text::NormalizeKey(text.substr(i, end - i));
      if (!norm.empty()) f(norm, i, end);
    }
    i = next;
  }
}

}  // namespace rasd::corpus
