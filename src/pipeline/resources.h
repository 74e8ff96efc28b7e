// pipeline/resources.h: every data file the pipeline needs, loaded once and
// shared (immutable) by all threads.
#pragma once

#include <memory>
#include <string>
#include <unordered_set>

#include "clean/lexicon.h"
#include "entities/gazetteer.h"
#include "events/codebook.h"
#include "events/times.h"
#include "ner/tagger.h"
#include "rasd/result.h"

namespace rasd {

struct Resources {
  std::string data_dir;
  std::shared_ptr<const clean::ChromeLexicon> chrome;
  std::shared_ptr<const entities::Gazetteer> gazetteer;
  std::shared_ptr<const events::Codebook> codebook;
  std::shared_ptr<const events::TimeLexicon> times;
  // Normalised words that say nothing of a story (lexicon/stopwords.txt).
  std::shared_ptr<const std::unordered_set<std::string>> stopwords;
  // Singular nouns of what a person is (actors/person_nouns.txt), without the article.
  std::shared_ptr<const std::unordered_set<std::string>> person_nouns;
  // The statistical NER model, when there is one ($RASD_NER_MODEL, else
  // data_dir/ner/rasd-ner.model): names unknown persons after titles (ner/persons.h).
  std::shared_ptr<const ner::Tagger> ner;
  std::string ner_path;

  // Loads from `data_dir`; empty means $RASD_DATA, else the directory the build
  // was configured with, else ./data.
  static Result<std::shared_ptr<const Resources>> Load(std::string data_dir = "");
  // "pipeline 0.1.0; data: ..." — stored with every analysis.
  std::string Version() const;
};

// The directory Load("") would use.
std::string DefaultDataDir();

}  // namespace rasd
