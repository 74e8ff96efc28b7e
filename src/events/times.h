// events/times.h: time expressions and their dates, resolved against the article
// date: أمس, يوم الخميس الماضي, مساء أمس الجمعة, الأسبوع الماضي (Monday–Sunday),
// الشهر المقبل, أواخر الشهر الماضي, 12 تموز 2021, 5 يونيو, عام 2020, قبل يومين, منذ ثلاثة
// أسابيع, 15/04/2024, 2024-04-16 …
// Vocabulary comes from data/lexicon/times.tsv.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "rasd/document.h"
#include "rasd/result.h"
#include "text/phrases.h"

namespace rasd::events {

struct TimeWord {
  // kOrdinal: a day's ordinal before من and a month (value 1–31). kHijriMonth: a month of the
  // Hijri calendar (value 1–12), read only with a day or a year. kAgo: قبل/منذ before a count of units; kCount: a number word (value); kAgoUnit: a unit
  // counted back (value: 1 day, 7 week, 30 month, 365 year, 0 hour); kAgoDual: the dual of a
  // unit (يومين: two of value).
  enum Kind : uint8_t { kDay, kWeekday, kPart, kPast, kNext, kThis, kWeek, kMonthUnit, kYearUnit, kMonth, kLate,
                        kEarly, kMid, kYearWord, kOrdinal, kHijriMonth, kAgo, kCount, kAgoUnit, kAgoDual } kind;
  int value = 0;
};

class TimeLexicon {
 public:
  static Result<std::shared_ptr<const TimeLexicon>> Load(const std::string& data_dir);
  // Longest time word at token i; returns its length in tokens (0 when none).
  int32_t Match(const Document& doc, int32_t i, int32_t end, TimeWord* word) const;

 private:
  text::PhraseIndex<TimeWord> multi_;
  std::unordered_map<std::string, TimeWord> single_;
};

// Finds time expressions in doc (tokens must be set) and fills doc.times. `date` is
// the article date (YYYY-MM-DD); without it expressions are found but not resolved.
void FindTimes(const TimeLexicon& lexicon, const std::string& date, Document& doc);

// Date helpers (proleptic Gregorian, ISO strings).
bool ParseDate(const std::string& s, int* y, int* m, int* d);
std::string FormatDate(int y, int m, int d);

}  // namespace rasd::events
