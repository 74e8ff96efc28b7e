// ner/persons.h: names the gazetteer does not know, where the rules see a person.
//
// The rule recognizer (entities/recognizer.h) resolves titles, nationalities and agent
// nouns but stops before a name it does not know:
//   المتحدث باسم الخارجية الصينية | وانغ ون بين     title entity, then an unknown name
//   الناشط المصري | حسام بهجت                        agent noun + nationality, then a name
//   الصحفي | محمد عبد الرحمن                          agent noun, then a name
// In a sentence with such a slot the statistical tagger (ner/tagger.h) reads the words,
// and a PER span that starts right after the slot joins it:
//   - after an entity (a title, a nationality, an agent with its country), the entity
//     grows over the name and keeps the country and agent the text gave; an office
//     holder the title had resolved to is replaced by the office's generic actor, since
//     the name says it is someone else;
//   - after a bare agent noun, the noun and the name become a person with no actor: the
//     text does not say a country.
// Sentences without a slot are not tagged, which keeps the pipeline fast.
#pragma once

#include "entities/gazetteer.h"
#include "entities/recognizer.h"
#include "ner/tagger.h"
#include "rasd/document.h"

namespace rasd::ner {

// Returns how many entities were added or grown.
int NameUnknownPersons(const Tagger& tagger, const entities::Gazetteer& gazetteer,
                       const entities::TokenReadings& readings, Document& doc);

}  // namespace rasd::ner
