// ner/names.h: words known to be parts of names, by type, as features of the tagger.
//
// Most people named in a news test set were never named in the training corpus
// (ANERcorp's held-out tenth: about 15% of its people), and many clubs and companies
// neither, so the tagger cannot know them by their spelling. A list of name words
// (given and family names, transliterated foreign names, words of club, company and
// place names: data/ner/name_tokens.txt, made by tools/ner_names.py from tagged
// corpora, people.tsv and unlabeled news) says "this word is part of some person's
// (organisation's, place's) name" for many of them. The list is read when training
// and kept in the model.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "rasd/result.h"

namespace rasd::ner {

class NameWords {
 public:
  // A text file: "#" comment lines, then per line a word and, after a tab, the types
  // of names it is part of, one letter each (p person, l place, o organisation, m
  // other; any of a–z, at most 8). Words are normalised on loading (text::NormalizeKey).
  static Result<NameWords> Load(const std::string& path);
  // The same from the file's text; `source` names it in errors.
  static Result<NameWords> Parse(std::string_view text, const std::string& source);

  // The type letters of a normalised word, else of the word without one leading
  // و ف ب ل ك (ANERcorp keeps clitics on the word: "وأحمد"), else "".
  std::string_view Find(std::string_view norm) const;
  size_t size() const { return words_.size(); }

  // For the model file.
  std::unordered_map<std::string, std::string>& mutable_words() { return words_; }
  // Whether `types` is a valid type field (1–8 letters a–z).
  static bool ValidTypes(std::string_view types);

 private:
  std::unordered_map<std::string, std::string> words_;
};

}  // namespace rasd::ner
