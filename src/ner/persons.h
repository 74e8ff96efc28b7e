// ner/persons.h: names the gazetteer does not know, where the rules see a person.
//
// The rule recognizer (entities/recognizer.h) resolves titles, nationalities and agent
// nouns but stops before a name it does not know:
//   المتحدث باسم الخارجية الصينية | وانغ ون بين     title entity, then an unknown name
//   الناشط المصري | حسام بهجت                        agent noun + nationality, then a name
//   الصحفي | محمد عبد الرحمن                          agent noun, then a name
// In a sentence with such a slot the statistical tagger (ner/tagger.h) reads a window of
// words around it, and a PER span that starts right after the slot becomes a person:
//   - after a title, or a person noun with a nationality (data/actors/person_nouns.txt:
//     الناشط، الصحفي، العقيد …), the entity grows over the name and keeps the country and
//     agent the text gave; an office holder the title had resolved to is replaced by the
//     office's generic actor, since the name says it is someone else;
//   - after a bare person noun, or a nationality or institution that may describe another
//     noun (أفرجت السجون الإسرائيلية عن X، الشركة الإيطالية إيني), the name is a person of
//     its own with no actor: the text does not say whose it is;
//   - after a person the gazetteer knows by name, nothing joins (الحريري وفريد شوقي).
// Sentences without a slot are not tagged, which keeps the pipeline fast.
#pragma once

#include <string>
#include <unordered_set>

#include "entities/gazetteer.h"
#include "entities/recognizer.h"
#include "ner/tagger.h"
#include "rasd/document.h"

namespace rasd::ner {

// Returns how many entities were added or grown.
// `person_nouns`: normalised singular nouns of what a person is, without the article
// (data/actors/person_nouns.txt).
int NameUnknownPersons(const Tagger& tagger, const entities::Gazetteer& gazetteer,
                       const std::unordered_set<std::string>& person_nouns, const entities::TokenReadings& readings,
                       Document& doc);

}  // namespace rasd::ner
