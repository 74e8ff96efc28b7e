#include "events/times.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>

#include "text/arabic.h"
#include "text/tsv.h"
#include "text/utf8.h"

namespace rasd::events {

namespace chr = std::chrono;

namespace {

chr::sys_days Days(int y, int m, int d) {
  return chr::sys_days(chr::year_month_day(chr::year(y), chr::month(m), chr::day(d)));
}

std::string Format(chr::sys_days day) {
  chr::year_month_day ymd(day);
  return FormatDate(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
}

int LastDay(int y, int m) {
  return unsigned(chr::year_month_day_last(chr::year(y), chr::month_day_last(chr::month(m))).day());
}

// The token without a leading و / ب / ف, for matching.
std::string Bare(const std::string& norm) {
  static const std::string kWaw = "\xD9\x88", kBa = "\xD8\xA8", kFa = "\xD9\x81";
  if (norm.size() > 4 && (norm.rfind(kWaw, 0) == 0 || norm.rfind(kBa, 0) == 0 || norm.rfind(kFa, 0) == 0))
    return norm.substr(2);
  return norm;
}

}  // namespace

bool ParseDate(const std::string& s, int* y, int* m, int* d) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  *y = std::atoi(s.substr(0, 4).c_str());
  *m = std::atoi(s.substr(5, 2).c_str());
  *d = std::atoi(s.substr(8, 2).c_str());
  return *y > 0 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

std::string FormatDate(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

Result<std::shared_ptr<const TimeLexicon>> TimeLexicon::Load(const std::string& dir) {
  auto lex = std::make_shared<TimeLexicon>();
  auto t = text::ReadTsv(dir + "/lexicon/times.tsv", {"pattern", "kind", "value"});
  if (!t.ok()) return t.error();
  static const std::pair<const char*, TimeWord::Kind> kKinds[] = {
      {"day", TimeWord::kDay}, {"weekday", TimeWord::kWeekday}, {"part", TimeWord::kPart},
      {"past", TimeWord::kPast}, {"next", TimeWord::kNext}, {"this", TimeWord::kThis}, {"week", TimeWord::kWeek},
      {"month-unit", TimeWord::kMonthUnit}, {"year-unit", TimeWord::kYearUnit}, {"month", TimeWord::kMonth},
      {"late", TimeWord::kLate}, {"early", TimeWord::kEarly}, {"mid", TimeWord::kMid}, {"year-word", TimeWord::kYearWord},
      {"ordinal", TimeWord::kOrdinal}, {"hijri-month", TimeWord::kHijriMonth}, {"ago", TimeWord::kAgo}, {"count", TimeWord::kCount}, {"ago-unit", TimeWord::kAgoUnit}, {"ago-dual", TimeWord::kAgoDual}};
  const auto& tab = t.value();
  int p = tab.Column("pattern"), k = tab.Column("kind"), v = tab.Column("value");
  for (const auto& row : tab.rows) {
    TimeWord w{TimeWord::kDay, std::atoi(row.fields[v].c_str())};
    bool known = false;
    for (const auto& [name, kind] : kKinds)
      if (row.fields[k] == name) w.kind = kind, known = true;
    if (!known) return Error{ErrorCode::kBadData, "unknown time kind '" + row.fields[k] + "'", tab.path, row.line};
    for (const auto& alt : text::SplitAlternatives(row.fields[p])) {
      auto words = text::SplitWords(text::NormalizeKey(alt));
      if (words.size() == 1) lex->single_.emplace(words[0], w);
      else if (!words.empty()) lex->multi_.Add(std::move(words), w);
    }
  }
  return std::shared_ptr<const TimeLexicon>(std::move(lex));
}

int32_t TimeLexicon::Match(const Document& doc, int32_t i, int32_t end, TimeWord* word) const {
  const std::string& n = doc.tokens[i].norm;
  if (doc.tokens[i].kind != TokenKind::kWord) return 0;
  const std::string bare = Bare(n);
  if (int32_t len = multi_.Match(doc.tokens, i, end, {n, bare}, word)) return len;
  auto it = single_.find(n);
  if (it == single_.end()) it = single_.find(bare);
  if (it == single_.end()) return 0;
  *word = it->second;
  return 1;
}

namespace {

int Number(const Token& t) { return t.kind == TokenKind::kNumber ? std::atoi(t.norm.c_str()) : -1; }

// Umm al-Qura (Saudi official) Hijri date to Gregorian, with ICU; false when ICU refuses.
bool HijriToGregorian(int hy, int hm, int hd, int* y, int* m, int* d) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> hijri(
      icu::Calendar::createInstance(icu::Locale("ar@calendar=islamic-umalqura"), status));
  if (U_FAILURE(status)) return false;
  hijri->clear();
  hijri->set(hy, hm - 1, hd);
  const UDate when = hijri->getTime(status);
  icu::GregorianCalendar greg(icu::TimeZone::getGMT()->clone(), status);
  if (U_FAILURE(status)) return false;
  greg.setTime(when, status);
  *y = greg.get(UCAL_YEAR, status);
  *m = greg.get(UCAL_MONTH, status) + 1;
  *d = greg.get(UCAL_DATE, status);
  return U_SUCCESS(status);
}

// The Hijri year in which a Gregorian day falls (Umm al-Qura); 0 when ICU refuses.
int HijriYearOf(chr::sys_days day) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> hijri(
      icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), icu::Locale("ar@calendar=islamic-umalqura"), status));
  if (U_FAILURE(status)) return 0;
  hijri->setTime(static_cast<UDate>(day.time_since_epoch().count()) * 86400000.0, status);
  const int y = hijri->get(UCAL_YEAR, status);
  return U_SUCCESS(status) ? y : 0;
}

// A year unit and its number as one word (عام2011، العام2015، سنة2010): the year, else 0.
int GluedYear(std::string_view n) {
  const size_t d = n.find_first_of("0123456789");
  if (d == std::string_view::npos || d == 0 || n.size() - d != 4) return 0;
  const std::string_view unit = n.substr(0, d), digits = n.substr(d);
  if (digits.find_first_not_of("0123456789") != std::string_view::npos) return 0;
  bool known = false;
  for (std::string_view u : {"\xD8\xB9\xD8\xA7\xD9\x85", "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x85", "\xD8\xB3\xD9\x86\xD9\x87", "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x86\xD9\x87"})  // عام العام سنه السنه
    known |= unit == u;
  const int y = std::atoi(std::string(digits).c_str());
  return known && y >= 1900 && y <= 2100 ? y : 0;
}

bool Separator(const Token& t) { return t.kind == TokenKind::kPunct && (t.norm == "/" || t.norm == "-"); }

// Forms the run of FindTimes does not read: a numeric date (15/04/2024 day first, as in
// Arabic news; 2024-04-16 year first) and a count back from the article date (قبل يومين،
// منذ ثلاثة أسابيع، قبل 5 أيام). Adds the expression and returns its length in tokens, or 0.
int32_t SpecialTime(const TimeLexicon& lex, Document& doc, int32_t i, int32_t end, const chr::sys_days* today,
                    const text::Utf8Index& index) {
  const auto& tk = doc.tokens;
  auto add = [&](int32_t len, std::optional<DateRange> r) {
    TimeExpr te;
    te.span = Span{tk[i].span.start, tk[i + len - 1].span.end};
    te.text = std::string(index.Slice(te.span));
    te.resolved = std::move(r);
    doc.times.push_back(std::move(te));
    return len;
  };
  // A Hijri year written with هـ (1436ه, one token or two): 4/8/1436هـ.
  auto hijri_year = [&](int32_t k, int32_t* len) {
    const std::string& n = tk[k].norm;
    const int year = std::atoi(n.c_str());
    if (year < 1300 || year > 1500) return 0;
    if (n.size() == 6 && n.compare(4, 2, "\xD9\x87") == 0) return *len = 1, year;  // 1436ه
    if (Number(tk[k]) == year && k + 1 < end && tk[k + 1].norm == "\xD9\x87") return *len = 2, year;
    return 0;
  };
  if (i + 4 < end && tk[i].kind == TokenKind::kNumber && Separator(tk[i + 1]) && Number(tk[i + 2]) > 0 &&
      tk[i + 3].norm == tk[i + 1].norm) {
    int32_t ylen = 0;
    if (const int hy = hijri_year(i + 4, &ylen)) {
      const int hd = Number(tk[i]), hm = Number(tk[i + 2]);
      int gy, gm, gd;
      if (hm >= 1 && hm <= 12 && hd >= 1 && hd <= 30 && HijriToGregorian(hy, hm, hd, &gy, &gm, &gd))
        return add(4 + ylen, DateRange{FormatDate(gy, gm, gd), FormatDate(gy, gm, gd)});
      return 0;
    }
  }
  if (i + 4 < end && tk[i].kind == TokenKind::kNumber && Separator(tk[i + 1]) && Number(tk[i + 2]) > 0 &&
      tk[i + 3].norm == tk[i + 1].norm && Number(tk[i + 4]) > 0) {
    int a = Number(tk[i]), m = Number(tk[i + 2]), c = Number(tk[i + 4]);
    int y = a >= 1900 ? a : c, d = a >= 1900 ? c : a;
    if (y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= LastDay(y, m))
      return add(5, DateRange{FormatDate(y, m, d), FormatDate(y, m, d)});
    return 0;
  }
  // Hijri dates: 15 رمضان 1436هـ، رمضان 1436، الثامن عشر من شهر شوال (the article's Hijri
  // year when none is written). A month name alone is no date (رمضان is also a name, صفر
  // "zero", ربيع "spring").
  // The time word at i, looked up once (this runs at every token).
  TimeWord w0;
  const int32_t len0 = tk[i].kind == TokenKind::kWord ? lex.Match(doc, i, end, &w0) : 0;
  static const std::string kShahr = "\xD8\xB4\xD9\x87\xD8\xB1";  // شهر
  const bool number0 = Number(tk[i]) >= 1 && Number(tk[i]) <= 30;
  if (number0 || (len0 > 0 && (w0.kind == TimeWord::kOrdinal || w0.kind == TimeWord::kHijriMonth)) ||
      tk[i].norm == kShahr) {
    int32_t j = i;
    int day = 0;
    TimeWord x = w0;
    if (number0) {
      day = Number(tk[j]), ++j;
      // "5 من شهر صفر".
      if (j + 1 < end && tk[j].norm == "\xD9\x85\xD9\x86" && tk[j + 1].norm == kShahr) ++j;  // من
    } else if (len0 > 0 && w0.kind == TimeWord::kOrdinal && w0.value <= 30) {
      day = w0.value, j += len0;
      if (j < end && tk[j].norm == "\xD9\x85\xD9\x86") ++j;  // من
    }
    const bool shahr = j < end && tk[j].norm == kShahr;
    if (shahr) ++j;
    int32_t mlen = j == i ? len0 : j < end ? lex.Match(doc, j, end, &x) : 0;
    if (mlen > 0 && x.kind == TimeWord::kHijriMonth) {
      const int hm = x.value;
      // صفر is also "zero" (فاز 5 صفر): it needs شهر before it or a year after it.
      const bool zero_ok = hm != 2 || shahr;
      int32_t k = j + mlen;
      int hy = 0;
      // The year: 1436, 1436 هـ or 1436هـ (one token).
      const std::string& yn = k < end ? tk[k].norm : std::string();
      const int year = std::atoi(yn.c_str());
      const bool with_h = yn.size() == 6 && yn.compare(4, 2, "\xD9\x87") == 0;  // 1436ه
      if (year >= 1300 && year <= 1500 && (Number(tk[k]) == year || with_h)) {
        hy = year, ++k;
        if (!with_h && k < end && tk[k].norm == "\xD9\x87") ++k;  // هـ
      }
      if ((day && zero_ok) || hy) {
        // "شهر رمضان المقبل", "10 من شهر صفر الماضي": the direction word after it.
        int dir = 0;
        TimeWord after;
        if (!hy && k < end && lex.Match(doc, k, end, &after) == 1 &&
            (after.kind == TimeWord::kNext || after.kind == TimeWord::kPast)) {
          dir = after.kind == TimeWord::kNext ? 1 : -1;
          ++k;
        }
        if (!hy && today) {
          hy = HijriYearOf(*today);
          int gy, gm, gd;
          if (hy && HijriToGregorian(hy, hm, day ? day : 1, &gy, &gm, &gd)) {
            const chr::sys_days when = Days(gy, gm, gd);
            // Told as coming but already past this Hijri year: next year's. Told as past
            // but still to come: last year's. Untold, a day more than a month after the
            // article is last year's.
            if (dir > 0 && when < *today) ++hy;
            else if (dir < 0 && when > *today) --hy;
            else if (dir == 0 && when > *today + chr::days(30)) --hy;
          }
        }
        if (!hy) return add(k - i, std::nullopt);
        int ay, am, ad, by, bm, bd;
        if (day && HijriToGregorian(hy, hm, day, &ay, &am, &ad))
          return add(k - i, DateRange{FormatDate(ay, am, ad), FormatDate(ay, am, ad)});
        if (!day && HijriToGregorian(hy, hm, 1, &ay, &am, &ad) &&
            HijriToGregorian(hm == 12 ? hy + 1 : hy, hm == 12 ? 1 : hm + 1, 1, &by, &bm, &bd))
          return add(k - i, DateRange{FormatDate(ay, am, ad), Format(Days(by, bm, bd) - chr::days(1))});
        return add(k - i, std::nullopt);
      }
    }
  }
  if (len0 != 1 || w0.kind != TimeWord::kAgo) return 0;
  int32_t j = i + 1;
  int n = 0, unit = -1;
  TimeWord x;
  const int32_t len1 = j < end ? lex.Match(doc, j, end, &x) : 0;  // the word after قبل/منذ, looked up once
  if (len1 == 1 && x.kind == TimeWord::kAgoDual) {
    n = 2, unit = x.value, ++j;
  } else if (len1 == 1 && x.kind == TimeWord::kWeek) {
    n = 1, unit = 7, ++j;  // قبل أسبوع
  } else {
    if (j < end && Number(tk[j]) > 0) n = Number(tk[j]), ++j;
    else if (len1 == 1 && x.kind == TimeWord::kCount) n = x.value, ++j;
    if (n > 0 && j < end && lex.Match(doc, j, end, &x) == 1 && x.kind == TimeWord::kAgoUnit) unit = x.value, ++j;
  }
  if (unit < 0 || n <= 0) return 0;
  if (!today) return add(j - i, std::nullopt);
  if (unit <= 7) {
    auto d = *today - chr::days(n * unit);
    return add(j - i, DateRange{Format(d), Format(d)});
  }
  chr::year_month_day ymd(*today);
  if (unit == 30) {
    int y = int(ymd.year()), m = int(unsigned(ymd.month())) - n;
    while (m < 1) m += 12, --y;
    return add(j - i, DateRange{FormatDate(y, m, 1), FormatDate(y, m, LastDay(y, m))});
  }
  int y = int(ymd.year()) - n;
  return add(j - i, DateRange{FormatDate(y, 1, 1), FormatDate(y, 12, 31)});
}

}  // namespace

void FindTimes(const TimeLexicon& lex, const std::string& date, Document& doc) {
  doc.times.clear();
  int y0 = 0, m0 = 0, d0 = 0;
  const bool dated = ParseDate(date, &y0, &m0, &d0);
  const chr::sys_days today = dated ? Days(y0, m0, d0) : chr::sys_days{};
  text::Utf8Index index(doc.text);
  for (const auto& s : doc.sentences) {
    int32_t i = s.first_token;
    // "1951 - الحكومة البريطانية توافق …": a line of a chronology opens with its year, which
    // is the year of the day and month named in it.
    int sentence_year = 0;
    if (s.end_token - s.first_token > 2 && doc.tokens[i].kind == TokenKind::kNumber && Separator(doc.tokens[i + 1])) {
      const int y = Number(doc.tokens[i]);
      if (y >= 1800 && y <= 2100) {
        sentence_year = y;
        TimeExpr te;
        te.span = doc.tokens[i].span;
        te.text = std::string(index.Slice(te.span));
        te.resolved = DateRange{FormatDate(y, 1, 1), FormatDate(y, 12, 31)};
        doc.times.push_back(std::move(te));
        i += 2;
      }
    }
    while (i < s.end_token) {
      if (int32_t len = SpecialTime(lex, doc, i, s.end_token, dated ? &today : nullptr, index)) {
        i += len;
        continue;
      }
      // Collect a run of time words (and numbers inside the run).
      std::vector<std::pair<TimeWord, int32_t>> run;  // word, token
      // "العام 2020": a year number right after العام/السنة.
      auto YearAfterUnit = [&](const std::vector<std::pair<TimeWord, int32_t>>& r, int32_t k) {
        const int n = std::atoi(doc.tokens[k].norm.c_str());
        return !r.empty() && r.back().first.kind == TimeWord::kYearUnit && r.back().second == k - 1 && n >= 1900 &&
               n <= 2100;
      };
      std::vector<int> numbers;
      int32_t j = i, last = -1;
      while (j < s.end_token) {
        // "مارس عام2011": a month's year unit and number written as one word.
        if (!run.empty() && run.back().first.kind == TimeWord::kMonth) {
          if (const int y = GluedYear(doc.tokens[j].norm)) {
            numbers.push_back(y);
            last = ++j;
            break;
          }
        }
        TimeWord w;
        int32_t len = lex.Match(doc, j, s.end_token, &w);
        if (len > 0 && w.kind == TimeWord::kOrdinal) {
          // A day by its ordinal: التاسع من الشهر الجاري، العاشر من أبريل، الأول من هذا الشهر.
          int32_t k = j + len;
          static const std::string kMin = "\xD9\x85\xD9\x86", kShahr = "\xD8\xB4\xD9\x87\xD8\xB1";  // من، شهر
          if (k < s.end_token && doc.tokens[k].norm == kMin) ++k;
          TimeWord next;
          if (k < s.end_token && lex.Match(doc, k, s.end_token, &next) > 0 &&
              (next.kind == TimeWord::kMonth || next.kind == TimeWord::kMonthUnit || next.kind == TimeWord::kThis ||
               (next.kind == TimeWord::kPart && doc.tokens[k].norm == kShahr))) {
            numbers.push_back(w.value);
            j = k;
            last = j;
            continue;
          }
          break;
        }
        if (len > 0 && w.kind < TimeWord::kAgo && w.kind != TimeWord::kHijriMonth) {  // those stand only in SpecialTime's forms
          run.emplace_back(w, j);
          j += len;
          last = j;
          continue;
        }
        if (Separator(doc.tokens[j]) && !run.empty() && run.back().first.kind == TimeWord::kMonth &&
            j + 1 < s.end_token) {
          // The month in both series: 24 أغسطس/آب.
          TimeWord alias;
          if (int32_t alen = lex.Match(doc, j + 1, s.end_token, &alias); alen > 0 && alias.kind == TimeWord::kMonth) {
            j += 1 + alen;
            last = j;
            continue;
          }
        }
        if (doc.tokens[j].norm == "(" && !run.empty() && run.back().first.kind == TimeWord::kMonth && j + 2 < s.end_token) {
          // The other series' name in brackets: 11 سبتمبر (أيلول) 2001.
          TimeWord alias;
          if (int32_t alen = lex.Match(doc, j + 1, s.end_token, &alias);
              alen > 0 && alias.kind == TimeWord::kMonth && j + 1 + alen < s.end_token && doc.tokens[j + 1 + alen].norm == ")") {
            j += 2 + alen;
            last = j;
            continue;
          }
        }
        if (doc.tokens[j].kind == TokenKind::kNumber && j + 1 < s.end_token) {
          // A number belongs to the run when a month name is next, or it follows a month/year word.
          TimeWord next;
          bool before_month = lex.Match(doc, j + 1, s.end_token, &next) > 0 && next.kind == TimeWord::kMonth;
          bool after_month = !run.empty() && (run.back().first.kind == TimeWord::kMonth ||
                                              run.back().first.kind == TimeWord::kYearWord || YearAfterUnit(run, j));
          if (before_month || after_month) {
            numbers.push_back(std::atoi(doc.tokens[j].norm.c_str()));
            ++j;
            last = j;
            if (numbers.back() >= 1900) break;  // a year ends the expression
            continue;
          }
        } else if (doc.tokens[j].kind == TokenKind::kNumber && !run.empty() &&
                   (run.back().first.kind == TimeWord::kMonth || run.back().first.kind == TimeWord::kYearWord ||
                    YearAfterUnit(run, j))) {
          numbers.push_back(std::atoi(doc.tokens[j].norm.c_str()));
          ++j;
          last = j;
          if (numbers.back() >= 1900) break;  // a year ends the expression
          continue;
        }
        break;
      }
      if (last < 0) {
        ++i;
        continue;
      }
      // Frame words at the end ("أمس الثلاثاء خلال …") belong to what follows.
      while (!run.empty() && run.back().first.kind == TimeWord::kPart && numbers.empty()) {
        last = run.back().second;
        run.pop_back();
      }
      if (run.empty() && numbers.empty()) {
        ++i;
        continue;
      }
      // Words that are only parts of day ("مساء", "يوم") or only direction words do not make an expression.
      // A unit alone is no time either: "الرأي العام", "الأمين العام" (general), "الشهر" needs
      // a direction (الماضي، المقبل، هذا), a part (أواخر) or a number.
      bool directed = !numbers.empty();
      for (const auto& [w, tok] : run)
        directed |= w.kind == TimeWord::kPast || w.kind == TimeWord::kNext || w.kind == TimeWord::kThis ||
                    w.kind == TimeWord::kLate || w.kind == TimeWord::kEarly || w.kind == TimeWord::kMid;
      bool anchor = false;
      for (const auto& [w, tok] : run)
        if (w.kind != TimeWord::kPart && w.kind != TimeWord::kPast && w.kind != TimeWord::kNext &&
            w.kind != TimeWord::kThis && w.kind != TimeWord::kLate && w.kind != TimeWord::kEarly &&
            w.kind != TimeWord::kMid && (w.kind != TimeWord::kMonth || !numbers.empty() || run.size() > 1) &&
            ((w.kind != TimeWord::kWeek && w.kind != TimeWord::kMonthUnit && w.kind != TimeWord::kYearUnit) || directed))
          anchor = true;
      if (!anchor) {
        i = last;
        continue;
      }
      // Trim leading direction words that belong to the previous phrase.
      int32_t first_tok = i;
      TimeExpr te;
      te.span = Span{doc.tokens[first_tok].span.start, doc.tokens[last - 1].span.end};
      te.text = std::string(index.Slice(te.span));
      if (dated) {
        int dir = 0;
        bool late = false, early = false, mid = false;
        const TimeWord* day = nullptr;
        const TimeWord* weekday = nullptr;
        const TimeWord* unit = nullptr;
        const TimeWord* month = nullptr;
        bool year_word = false;
        for (const auto& [w, tok] : run) {
          switch (w.kind) {
            case TimeWord::kDay: day = &w; break;
            case TimeWord::kWeekday: weekday = &w; break;
            case TimeWord::kPast: dir = -1; break;
            case TimeWord::kNext: dir = 1; break;
            case TimeWord::kThis: dir = 0; break;
            case TimeWord::kWeek: case TimeWord::kMonthUnit: case TimeWord::kYearUnit: unit = &w; break;
            case TimeWord::kMonth: month = &w; break;
            case TimeWord::kLate: late = true; break;
            case TimeWord::kEarly: early = true; break;
            case TimeWord::kMid: mid = true; break;
            case TimeWord::kYearWord: year_word = true; break;
            case TimeWord::kPart: case TimeWord::kOrdinal: case TimeWord::kHijriMonth: case TimeWord::kAgo: case TimeWord::kCount: case TimeWord::kAgoUnit:
            case TimeWord::kAgoDual: break;
          }
        }
        std::optional<DateRange> r;
        if (month && !numbers.empty()) weekday = nullptr, day = nullptr;  // "الأربعاء 12 يوليو 2023": the date wins
        if (day) {
          auto d = today + chr::days(day->value);
          r = DateRange{Format(d), Format(d)};
        } else if (weekday) {
          int wd = chr::weekday(today).c_encoding();  // 0 = Sunday
          int back = (wd - weekday->value + 7) % 7;
          chr::sys_days d;
          if (dir > 0) d = today + chr::days((weekday->value - wd + 7) % 7 == 0 ? 7 : (weekday->value - wd + 7) % 7);
          else if (dir < 0) d = today - chr::days(back == 0 ? 7 : back);
          else d = today - chr::days(back);
          r = DateRange{Format(d), Format(d)};
        } else if (unit && unit->kind == TimeWord::kWeek) {
          int wd = (chr::weekday(today).c_encoding() + 6) % 7;  // 0 = Monday
          auto monday = today - chr::days(wd) + chr::days(7 * dir);
          r = DateRange{Format(monday), Format(monday + chr::days(6))};
        } else if (unit && unit->kind == TimeWord::kMonthUnit) {
          int y = y0, m = m0 + dir;
          if (m < 1) m += 12, --y;
          if (m > 12) m -= 12, ++y;
          int a = 1, b = LastDay(y, m);
          if (!numbers.empty() && numbers[0] >= 1 && numbers[0] <= b) a = b = numbers[0];  // العاشر من الشهر الجاري
          else if (late) a = b - 9;
          if (early) b = 10;
          if (mid) a = 11, b = 20;
          r = DateRange{FormatDate(y, m, a), FormatDate(y, m, b)};
        } else if (unit && unit->kind == TimeWord::kYearUnit) {
          int y = y0 + dir;
          for (int n : numbers)
            if (n >= 1900 && n <= 2100) y = n;  // العام 2020
          r = DateRange{FormatDate(y, late ? 10 : 1, 1), FormatDate(y, early ? 3 : 12, early ? 31 : 31)};
        } else if (month) {
          int m = month->value;
          int y = y0;
          int dd = 0;
          for (int n : numbers) {
            if (n >= 1900 && n <= 2100) y = n;
            else if (n >= 1 && n <= 31 && !dd) dd = n;
          }
          bool has_year = false;
          for (int n : numbers) has_year |= n >= 1900;
          if (!has_year && sentence_year) {
            y = sentence_year;
          } else if (!has_year) {
            if (dir > 0) y = m > m0 ? y0 : y0 + 1;        // تشرين الأول المقبل
            else if (dir < 0) y = m < m0 ? y0 : y0 - 1;   // آذار الماضي
            else if (m > m0) --y;  // a month later in the year than the article: last year's
          }
          if (dd && dd <= LastDay(y, m)) r = DateRange{FormatDate(y, m, dd), FormatDate(y, m, dd)};
          else r = DateRange{FormatDate(y, m, 1), FormatDate(y, m, LastDay(y, m))};
        } else if (year_word) {
          for (int n : numbers)
            if (n >= 1900 && n <= 2100) r = DateRange{FormatDate(n, 1, 1), FormatDate(n, 12, 31)};
        }
        te.resolved = r;
      }
      if (te.resolved || !dated) doc.times.push_back(std::move(te));
      i = last;
    }
  }
}

}  // namespace rasd::events
