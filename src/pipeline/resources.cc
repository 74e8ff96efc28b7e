#include "pipeline/resources.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "text/arabic.h"
#include "text/tsv.h"

namespace rasd {

namespace {

// One normalised word per line; # comments.
Result<std::shared_ptr<const std::unordered_set<std::string>>> LoadWords(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{ErrorCode::kNotFound, "cannot open word list", path, 0};
  auto words = std::make_shared<std::unordered_set<std::string>>();
  std::string line;
  while (std::getline(in, line)) {
    std::string_view w = text::Trim(line);
    if (w.empty() || w[0] == '#') continue;
    words->insert(text::NormalizeKey(w));
  }
  return std::shared_ptr<const std::unordered_set<std::string>>(std::move(words));
}

}  // namespace

std::string DefaultDataDir() {
  if (const char* env = std::getenv("RASD_DATA"); env && *env) return env;
  std::error_code ec;
  if (std::filesystem::is_directory(RASD_DATA_DIR "/gazetteer", ec)) return RASD_DATA_DIR;
  return "data";
}

Result<std::shared_ptr<const Resources>> Resources::Load(std::string dir) {
  if (dir.empty()) dir = DefaultDataDir();
  auto r = std::make_shared<Resources>();
  r->data_dir = dir;
  auto chrome = clean::ChromeLexicon::Load(dir + "/lexicon/chrome.tsv", dir + "/lexicon/bylines.tsv");
  if (!chrome.ok()) return chrome.error();
  r->chrome = chrome.value();
  auto gaz = entities::Gazetteer::Load(dir);
  if (!gaz.ok()) return gaz.error();
  r->gazetteer = gaz.value();
  auto cb = events::Codebook::Load(dir);
  if (!cb.ok()) return cb.error();
  r->codebook = cb.value();
  auto times = events::TimeLexicon::Load(dir);
  if (!times.ok()) return times.error();
  r->times = times.value();
  auto stop = LoadWords(dir + "/lexicon/stopwords.txt");
  if (!stop.ok()) return stop.error();
  r->stopwords = std::move(stop).value();
  auto persons = LoadWords(dir + "/actors/person_nouns.txt");
  if (!persons.ok()) return persons.error();
  r->person_nouns = std::move(persons).value();
  std::string model = dir + "/ner/rasd-ner.model";
  bool asked = false;  // a model named by the user must exist; the default one may not
  if (const char* env = std::getenv("RASD_NER_MODEL"); env) model = env, asked = true;  // "" turns it off
  std::error_code ec;
  if (asked && !model.empty() && !std::filesystem::is_regular_file(model, ec))
    return Error{ErrorCode::kNotFound, "no NER model there (RASD_NER_MODEL)", model, 0};
  if (!model.empty() && std::filesystem::is_regular_file(model, ec)) {
    auto tagger = ner::Tagger::Load(model, std::make_shared<const ner::NameHints>(r->gazetteer));
    if (!tagger.ok()) return tagger.error();
    r->ner = std::move(tagger).value();
    r->ner_path = model;
  }
  return std::shared_ptr<const Resources>(std::move(r));
}

std::string Resources::Version() const {
  return std::string("rasd ") + RASD_VERSION + "; chrome " + chrome->version() + "; " + gazetteer->version() + "; " +
         codebook->version() + (ner ? "; ner model" : "; no ner model");
}

}  // namespace rasd
