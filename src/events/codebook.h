// events/codebook.h: the CAMEO codebook with its PLOVER crosswalk
// (data/codebook/cameo.tsv), the Arabic trigger lexicon (data/codebook/triggers.tsv)
// and the cue lexicon for negation, modality, attribution and clause structure
// (data/lexicon/cues.tsv). Loaded once, immutable, shared across threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "morph/tokenizer.h"
#include "rasd/document.h"
#include "rasd/result.h"
#include "text/phrases.h"

namespace rasd::events {

struct CameoCode {
  std::string code, name, plover, mode;
  double goldstein = 0;
  int quad = 0;
};

// One token of a pattern: exact stem, stem prefix (`*`), or a gap of 0–3 tokens (`~`).
struct PatternToken {
  std::string stem;
  bool star = false;
  bool gap = false;
};

struct Trigger {
  std::vector<PatternToken> tokens;
  std::string pattern, cameo, plover, mode;
  double goldstein = 0;
  bool verb = false, noun = false, sym = false, passive = false, say = false;
  bool starts_negated = false;  // the pattern itself holds the negation (لا يرى)
  bool present = false;  // a verb in the imperfect (يستهدف، تقصف): a habit or a description unless timed
};

// Cue kinds of data/lexicon/cues.tsv.
enum class Cue : uint8_t {
  kNone, kNegation, kNegNoun, kDeny, kIntent, kFear, kCondition, kComplementizer, kAttribPrep, kTransmit,
  kSourceNoun, kPreposition, kBetween, kLightVerb, kStop, kRelative, kTopic, kBackground, kReference, kDisaster, kClaimBefore, kHappening, kAim, kFigurative, kIntentVerb, kControl, kFoil, kSport, kScripture, kCargo, kSubordinator, kPossibility, kAttributive,
  kCrowd, kQuantity, kNonAct, kViolent, kClaim, kCasualty, kLightVerbB, kPlaceNoun, kInstitution
};

struct TriggerMatch {
  int32_t first = 0, end = 0;  // tokens
  const Trigger* trigger = nullptr;
  int32_t subject = -1;  // crowd acts: the token of the crowd noun (المتظاهرون)
};

class Codebook {
 public:
  static Result<std::shared_ptr<const Codebook>> Load(const std::string& data_dir);

  const CameoCode* Find(std::string_view cameo) const;
  // All trigger matches in tokens [first, end), longest first at each start, no overlaps.
  std::vector<TriggerMatch> Triggers(const Document& doc,
                                     const std::vector<std::vector<morph::Reading>>& readings, int32_t first,
                                     int32_t end) const;
  // The cue a token is (by any of its readings that strips at most the conjunction), or kNone.
  Cue CueOf(const std::vector<morph::Reading>& readings) const;
  // Multi-token cue starting at i ("من المقرر", "في حال"); returns its length or 0.
  int32_t MultiCue(const Document& doc, int32_t i, int32_t end, Cue* cue) const;
  // True when events of this PLOVER type are coded with missing actors (data/codebook/plover.tsv).
  bool PartialAllowed(std::string_view plover) const { return partial_.count(std::string(plover)) > 0; }
  // The triggers of an act done by a crowd of protesters (وسار المتظاهرون …): CAMEO 141,
  // or 145 when the act itself is violent (an ASSAULT or COERCE verb: رشق، أحرق، هاجم).
  const Trigger& CrowdTrigger(bool violent) const { return violent ? riot_ : crowd_; }
  size_t trigger_count() const { return triggers_.size(); }
  const std::string& version() const { return version_; }

 private:
  // `name_end[k - first]`: the end token of the name covering token k, or 0 (a gap ~ counts
  // a whole name as one of its three words); negated at the first token of a person's name.
  bool Matches(const Document& doc, const std::vector<std::vector<morph::Reading>>& readings, const Trigger& t,
               int32_t i, int32_t end, const std::vector<int32_t>& name_end, int32_t first, int32_t* match_end) const;

  std::unordered_map<std::string, CameoCode> codes_;
  std::vector<Trigger> triggers_;
  std::unordered_map<std::string, std::vector<int32_t>> by_first_;  // exact first stem → triggers
  std::unordered_map<std::string, std::vector<int32_t>> by_prefix_;  // first 3 letters of a star stem
  std::unordered_map<std::string, Cue> cues_;
  text::PhraseIndex<Cue> multi_cues_;
  std::unordered_map<std::string, bool> partial_;
  Trigger crowd_, riot_;
  std::string version_;
};

}  // namespace rasd::events
