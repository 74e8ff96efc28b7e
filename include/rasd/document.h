// rasd/document.h: the one document model every stage reads and enriches.
//
// Offsets: every Span is measured in Unicode code points (not UTF-8 bytes) into
// Document::text, the cleaned body. Stages never change text after cleaning, so
// spans from every later stage point into the same string.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rasd {

// A half-open range [start, end) of code points in Document::text.
struct Span {
  int32_t start = 0;
  int32_t end = 0;
};

// A canonical actor, CAMEO coded.
struct Actor {
  std::string id;       // stable id from the gazetteer ("vladimir_putin", "RUS"), or "" for generic
  std::string name;     // English canonical name ("Vladimir Putin", "Russia")
  std::string code;     // CAMEO actor code: country + agent ("RUSGOV"), or IGO code ("IGOUNO")
  std::string country;  // ISO-3166 alpha-3, or "IGO" for international organisations
  std::string agent;    // CAMEO role: GOV, MIL, REB, OPP, CVL, MED, ...; "" when none
};

struct Place {
  std::string name;     // English canonical name
  std::string country;  // ISO-3166 alpha-3
  double lat = 0, lon = 0;
};

// A line taken out of the input by cleaning, with why.
struct Removed {
  std::string text;
  std::string reason;  // section-label, repeated-headline, byline, read-also, comment-form, ...
};

// A word the cleaner rejoined or repaired.
struct Repair {
  std::string from;
  std::string to;
};

struct Sentence {
  Span span;
  int32_t first_token = 0;  // index into Document::tokens
  int32_t end_token = 0;    // one past the last token
};

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kLatin };

struct Token {
  Span span;
  std::string norm;  // matching key: normalized orthography (see text/arabic.h), UTF-8
  TokenKind kind = TokenKind::kWord;
  int32_t sentence = 0;
  int32_t paragraph = 0;
};

enum class EntityType : uint8_t { kPer, kOrg, kLoc, kGpe, kNorp, kMisc };
const char* EntityTypeName(EntityType type);

struct Entity {
  Span span;
  std::string text;
  EntityType type = EntityType::kMisc;
  std::optional<Actor> actor;
  std::optional<Place> place;
  int32_t first_token = 0;  // index into Document::tokens
  int32_t end_token = 0;
  // Set when the mention stands for two actors (الرئيسان, الجانبان): the second one.
  std::optional<Actor> second;
};

// kReferenced: the text names the event as known background, not as news (قضية اغتيال
// الحريري، منذ الهجوم، ذكرى المذبحة).
// kGeneric: a habit, a purpose or a description in the present tense with no time, not one
// happening (هذه الجماعات تستهدف المدنيين، برامج تستهدف الطلاب، الأعمال التي تستهدف المدنيين).
enum class Modality : uint8_t { kAsserted, kReported, kIntended, kHypothetical, kReferenced, kGeneric };
const char* ModalityName(Modality modality);

struct DateRange {
  std::string start;  // YYYY-MM-DD
  std::string end;    // YYYY-MM-DD, inclusive
};

struct Event {
  int32_t sentence = 0;
  Span trigger;
  std::string trigger_text;
  std::string cameo;   // CAMEO event code ("040")
  std::string plover;  // PLOVER event type ("CONSULT")
  std::string mode;    // PLOVER mode, "" when none
  double goldstein = 0;
  std::optional<Actor> source;
  std::optional<Actor> target;
  bool negated = false;
  Modality modality = Modality::kAsserted;
  std::optional<DateRange> date;
  std::optional<Place> place;
  double confidence = 0;
  // Further mentions of the same happening in the article (same type, actors, certainty
  // and date): each is the sentence and trigger of a repeat. The event itself is the first.
  struct Mention {
    int32_t sentence = 0;
    Span trigger;
  };
  std::vector<Mention> mentions;
};

struct Quote {
  Span span;  // the quoted words, without the quote marks
  std::string text;
  std::optional<Actor> speaker;  // resolved speaker
  std::string speaker_text;      // the speaker as written, when no actor is known
};

struct Attribution {
  int32_t sentence = 0;
  std::string outlet;  // the outlet cited ("الشرق الأوسط"), "" when none
  std::string via;     // the sources it cites ("مصادر مقربة من القيادة الروسية"), "" when none
  bool anonymous = false;
};

struct TimeExpr {
  Span span;
  std::string text;
  std::optional<DateRange> resolved;
};

// The analysis of one article. Optional metadata is std::nullopt when unknown.
struct Document {
  std::string id;
  std::string input;  // where it came from: "path" or "path:line"
  std::optional<std::string> url, outlet, author, date, title, subtitle;
  std::string lang = "ar";

  std::string text;  // cleaned body, UTF-8; paragraphs separated by '\n'
  std::vector<Removed> removed;
  std::vector<Repair> repairs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Entity> entities;
  std::vector<Event> events;
  std::vector<Quote> quotes;
  std::vector<Attribution> attributions;
  std::vector<TimeExpr> times;
};

}  // namespace rasd
