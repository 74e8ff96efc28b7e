// bench/search: full-text search latency over a database (rasd search's work: ranked
// hits with total count and snippets). Prints p50, p90, p99 and max in milliseconds for
// single-word and two-word Arabic queries. Skips when no database is given.
//
//   build/bench/search DB [--repeat N]
//
// bench/search.sh builds the SaudiNewsNet database (../shared) and runs this on it.
// The queries are our own list of words analysts look for in Gulf news, from very
// common (السعودية) to rare, in the forms people type (with and without ال and clitics).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "store/store.h"

using Clock = std::chrono::steady_clock;

namespace {

const char* const kOneWord[] = {
    "السعودية", "عقوبات",  "النفط",   "الحوثيين", "داعش",    "إيران",   "اليمن",    "الرياض",  "سوريا",
    "الإرهاب",  "انفجار",  "مفاوضات", "اللاجئين", "الأسعار", "البطالة", "الانتخابات", "هجوم",   "اتفاق",
    "مظاهرات",  "اعتقال",  "الحدود",  "صواريخ",   "بالعقوبات", "وزيرها", "التحالف", "الإسكان", "المرور",
    "الكويت",   "قطر",     "مصر",     "العراق",   "تركيا",   "روسيا",   "واشنطن",   "الصحة",   "التعليم",
    "الأمطار",  "الحج",    "الاستثمار", "الميزانية"};
const char* const kTwoWords[] = {
    "وزير الخارجية", "مجلس الأمن",   "الأمم المتحدة",  "ولي العهد",      "أسعار النفط",   "الحرس الثوري",
    "عاصفة الحزم",   "الملف النووي", "خادم الحرمين",  "وزارة الداخلية", "سوق الأسهم",    "البنك المركزي",
    "قوات التحالف",  "حقوق الإنسان", "الاتفاق النووي", "مجلس الشورى",   "هيئة الأمر",    "الدفاع المدني",
    "تنظيم داعش",    "البيت الأبيض", "الهلال الأحمر", "رئيس الوزراء",   "المملكة المتحدة", "سعر الصرف",
    "الطاقة الشمسية", "كأس العالم",  "المسجد الحرام", "جامعة الملك",   "إطلاق النار",   "القوات الجوية",
    "الجيش اليمني",  "عقوبات اقتصادية", "الشرق الأوسط", "مكافحة الإرهاب", "وزير الدفاع",  "الرئيس الأمريكي",
    "سفير المملكة",  "الأمير محمد",  "أمانة منطقة",   "الصندوق العقاري"};

struct Figures {
  double p50, p90, p99, max, mean;
};

Figures Measure(rasd::store::Store& db, const std::vector<std::string>& queries, int repeat, int64_t* hits) {
  std::vector<double> ms;
  for (int r = 0; r < repeat; ++r) {
    for (const auto& q : queries) {
      rasd::store::SearchQuery sq;
      sq.text = q;
      sq.limit = 20;
      auto t0 = Clock::now();
      auto res = db.Search(sq);
      auto t1 = Clock::now();
      if (!res.ok()) {
        std::fprintf(stderr, "search %s: %s\n", q.c_str(), res.error().ToString().c_str());
        continue;
      }
      if (r == 0) *hits += res.value().total;
      ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
  }
  std::sort(ms.begin(), ms.end());
  auto at = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<size_t>(p * ms.size()))]; };
  double sum = 0;
  for (double x : ms) sum += x;
  return {at(0.5), at(0.9), at(0.99), ms.back(), sum / ms.size()};
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path;
  int repeat = 5;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::atoi(argv[++i]);
    else db_path = argv[i];
  }
  if (db_path.empty() || !std::filesystem::exists(db_path)) {
    std::printf("SKIP: no database (bench/search.sh builds the SaudiNewsNet one: build/bench/search DB)\n");
    return 0;
  }
  auto db = rasd::store::Store::Open(db_path, true);
  if (!db.ok()) {
    std::fprintf(stderr, "bench/search: %s\n", db.error().ToString().c_str());
    return 1;
  }
  auto stats = db.value()->GetStats();
  std::printf("database: %s, %lld articles\n", db_path.c_str(),
              static_cast<long long>(stats.ok() ? stats.value().articles : 0));
  // One untimed pass warms the page cache, as a running server would be.
  int64_t warm = 0;
  Measure(*db.value(), {kOneWord, std::end(kOneWord)}, 1, &warm);
  for (int kind = 1; kind <= 2; ++kind) {
    std::vector<std::string> qs = kind == 1 ? std::vector<std::string>(kOneWord, std::end(kOneWord))
                                            : std::vector<std::string>(kTwoWords, std::end(kTwoWords));
    int64_t hits = 0;
    Figures f = Measure(*db.value(), qs, repeat, &hits);
    std::printf("%s queries: %zu x %d, mean %.0f hits/query; latency ms p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  mean %.2f\n",
                kind == 1 ? "one-word" : "two-word", qs.size(), repeat, static_cast<double>(hits) / qs.size(), f.p50,
                f.p90, f.p99, f.max, f.mean);
  }
  return 0;
}
