// entities/recognizer.h: finds people, organisations, places and nationality
// adjectives, links them to CAMEO actors at the article's date, and resolves the
// title constructions of news Arabic:
//   الرئيس الروسي فلاديمير بوتين   title + nisba + name     → the person
//   الرئيس الأمريكي                title + nisba            → whoever held the office then
//   ونظيره الأمريكي                counterpart + nisba      → same office, other country
//   القوات الروسية                 agent noun + nisba       → RUSMIL
//   الرئيسان / الجانبين            pair reference           → the last two actors
//   صحيفة "الشرق الأوسط"           media cue + outlet       → the outlet, not the region
#pragma once

#include <string>
#include <vector>

#include "entities/gazetteer.h"
#include "morph/tokenizer.h"
#include "rasd/document.h"

namespace rasd::entities {

// Per token: its readings (morph::Readings of the token's norm), computed once.
using TokenReadings = std::vector<std::vector<morph::Reading>>;
TokenReadings ComputeReadings(const Document& doc);

class Recognizer {
 public:
  // `bare_agents`: also agents named without a nationality (الشرطة، الجيش), with the
  // country of their context; off for the NER tagger's features, which mark names.
  explicit Recognizer(const Gazetteer& gazetteer, bool bare_agents = true) : g_(gazetteer), bare_agents_(bare_agents) {}
  // Fills doc.entities (in text order). `date` is the article date (YYYY-MM-DD or empty).
  void Recognize(Document& doc, const TokenReadings& readings, const std::string& date) const;

 private:
  const Gazetteer& g_;
  bool bare_agents_;
};

// Index of the entity covering each token, or -1.
std::vector<int32_t> EntityOfToken(const Document& doc);

}  // namespace rasd::entities
