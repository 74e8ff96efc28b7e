// morph/tokenizer.h: sentences and tokens over the cleaned text, and the clitic
// readings every matcher shares.
//
// A token is a run of letters and digits (with in-word marks), or one punctuation
// character. Sentences end at . ! ? ؟ … followed by a space or end of paragraph,
// and at every paragraph break; a full stop between digits or after a single
// letter (initials) does not end a sentence.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rasd/document.h"

namespace rasd::morph {

// Fills doc.sentences and doc.tokens from doc.text.
void Tokenize(Document& doc);

// One reading of a token with proclitics removed.
struct Reading {
  std::string stem;   // normalized, without the proclitics below
  bool conj = false;  // و or ف removed
  char prep = 0;      // 'b' ب, 'l' ل, 'k' ك removed (0 when none)
  bool article = false;  // ال removed (لل counts as ل + ال)
  bool future = false;   // the future prefix س removed (ستعقد → تعقد)
};

// Readings of a normalized token, most literal first: the token itself, then
// without و/ف, then without ب/ل/ك, then without the article; and a verb reading
// without the future prefix س before ي/ت/ن/ا. Stems shorter than
// two letters are not produced.
std::vector<Reading> Readings(std::string_view norm);

// True when `norm` is made of Arabic letters only.
bool IsArabicWord(std::string_view norm);

}  // namespace rasd::morph
