// eval/eval.h: scoring rasd against gold data, for `rasd eval`.
//   - sentence sets (one gold sentence per line, JSONL): detection (is there an event
//     of this PLOVER type? labels yes / easy no / difficult no / ambiguous, ambiguous
//     skipped) and validation (one gold event: PLOVER type, source and target as
//     "COUNTRY AGENT", "None" for unknown), scored on the countries;
//   - CoNLL NER: entity-level precision, recall and F1 per type and micro-averaged, an
//     entity counting when its start, end and type match (the conlleval convention).
// An event counts when it is asserted or reported and not negated, as `rasd events` does.
#pragma once

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "rasd/document.h"
#include "rasd/result.h"

namespace rasd::eval {

struct Prf {
  int64_t tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0.0; }
  double Recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0.0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// One gold sentence. Detection sets fill `label` and `plover`; validation sets fill
// `plover`, `source` and `target` (countries; empty = the gold names none).
struct GoldSentence {
  std::string id, text, date;  // date YYYY-MM-DD or empty
  std::string label;           // detection: yes, easy no, difficult no, ambiguous
  std::string plover;
  std::string source, target;
  bool detection = false;
};

// Reads a sentence set; a malformed line is an error with its line number.
Result<std::vector<GoldSentence>> ReadSentences(const std::string& path);

// The country of an actor as the sentence scorers read it: IGO for international bodies.
std::string CountryOf(const Actor& actor);

// Counted events: asserted or reported, not negated.
bool Counted(const Event& event);

struct DetectionScore {
  std::map<std::string, Prf> by_type;  // PLOVER type → counts
  int64_t skipped = 0;                 // ambiguous
};
struct ValidationScore {
  std::map<std::string, std::pair<int64_t, int64_t>> category;  // type → (found, total)
  int64_t found = 0, total = 0;
  int64_t source = 0, source_total = 0, target = 0, target_total = 0;
};

// `docs[i]` is the analysis of `gold[i]`.
DetectionScore ScoreDetection(const std::vector<GoldSentence>& gold, const std::vector<Document>& docs);
ValidationScore ScoreValidation(const std::vector<GoldSentence>& gold, const std::vector<Document>& docs);

// Entity spans [start, end) with their type of one sentence's BIO tags (B-X, I-X, O; an
// I-X without a B-X opens an entity; S-X and E-X of BIOES are read too; PERS is read as
// PER, GPE as LOC).
std::set<std::tuple<size_t, size_t, std::string>> BioSpans(const std::vector<std::string>& tags);

// A gold CoNLL file: per sentence, the words (first column) and tags (last column). A
// tag that is not O, B-X, I-X, S-X or E-X is read as O and reported in `warnings` with
// its line, so one slip in a corpus does not stop the scoring.
struct ConllGold {
  std::vector<std::vector<std::string>> words, tags;
};
Result<ConllGold> ReadConllGold(const std::string& path, std::vector<Error>* warnings);

struct ConllScore {
  std::map<std::string, Prf> by_type;
  Prf micro;
};
// Gold and predicted tags of the same sentences. With `types` non-empty, only those
// entity types are scored.
ConllScore ScoreConll(const std::vector<std::vector<std::string>>& gold,
                      const std::vector<std::vector<std::string>>& predicted, const std::set<std::string>& types = {});

}  // namespace rasd::eval
