#include "rasd/document.h"

namespace rasd {

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPer: return "PER";
    case EntityType::kOrg: return "ORG";
    case EntityType::kLoc: return "LOC";
    case EntityType::kGpe: return "GPE";
    case EntityType::kNorp: return "NORP";
    case EntityType::kMisc: return "MISC";
  }
  return "MISC";
}

const char* ModalityName(Modality modality) {
  switch (modality) {
    case Modality::kAsserted: return "asserted";
    case Modality::kReported: return "reported";
    case Modality::kIntended: return "intended";
    case Modality::kHypothetical: return "hypothetical";
    case Modality::kReferenced: return "referenced";
    case Modality::kGeneric: return "generic";
  }
  return "asserted";
}

}  // namespace rasd
