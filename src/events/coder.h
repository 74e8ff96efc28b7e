// events/coder.h: CAMEO/PLOVER event coding over recognized entities.
//
// For each trigger (codebook), the coder finds who did it and to whom:
//   verbs   subject after the verb (VSO) or before it in its clause (SVO); the
//           target is the next actor after the subject, typically after مع/على/إلى;
//   nouns   nisba pairs (القمة الروسية الأمريكية), بين X و Y, a subject of a light
//           verb before (أجرى X مباحثات مع Y), or the first two actors after;
//   pairs   الرئيسان / X و Y as subject of a symmetric verb give source and target.
// Like TABARI and PETRARCH, an event is coded only when both source and target are
// known actors. Negation (لم، لا، عدم، نفى), modality (reported after a speech verb,
// intended, feared or conditional → hypothetical), the sentence's date and place
// complete the event.
#pragma once

#include <string>
#include <vector>

#include "entities/recognizer.h"
#include "events/codebook.h"
#include "events/times.h"

namespace rasd::events {

// What the event stages share, computed once per article after entities: the entity of
// each token and the trigger matches of each sentence.
struct Prepared {
  std::vector<int32_t> ent_of;
  std::vector<std::vector<TriggerMatch>> triggers;  // per sentence
};
Prepared Prepare(const Codebook& codebook, const Document& doc, const entities::TokenReadings& readings);

class Coder {
 public:
  explicit Coder(const Codebook& codebook) : cb_(codebook) {}
  // Needs doc.tokens, doc.entities and doc.times; fills doc.events.
  void Code(Document& doc, const entities::TokenReadings& readings, const Prepared& prepared) const;

 private:
  const Codebook& cb_;
};

// Quotes with speakers, and attributions to outlets and sources.
void FindQuotes(const Prepared& prepared, Document& doc);
void FindAttributions(const Codebook& codebook, const entities::TokenReadings& readings, const Prepared& prepared,
                      Document& doc);

}  // namespace rasd::events
