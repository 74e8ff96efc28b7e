// Random text through the whole pipeline: no crash, and every span stays inside the text.
#include <gtest/gtest.h>

#include <random>

#include "pipeline/json.h"
#include "test_util.h"
#include "text/utf8.h"

namespace rasd {
namespace {

std::string RandomArticle(std::mt19937& rng) {
  // Pieces that stress the stages: Arabic words and clitics, names from the data, tatweel
  // splits, quote marks in every style, digits, Latin, lone marks, blank lines, chrome words.
  static const char* kPieces[] = {
      "و", "ال", "بـ.ـ", "ـ", ".", "،", ":", "“", "”", "«", "»", "\"", "(", ")", "؟", "!", "\n", "\n\n", " ", " ",
      "الرئيس", "الروسي", "نظيره", "الأمريكي", "بوتين", "بايدن", "الرئيسان", "الجانبين", "أمس", "الخميس", "الماضي",
      "الأسبوع", "اتفق", "قصف", "مباحثات", "مع", "بين", "على", "أن", "لم", "سوف", "قال", "اقرأ أيضاً", "مقالات ذات صلة",
      "12", "٢٠٢١", "أيار", "cookie", "Close", "@x.com", "َ", "ّ", "\u200f", "\u200d", "ﻻ", "صحيفة", "الشرق الأوسط",
      "في", "جنيف", "عمان", "سمات", "– فريق التحرير", "المصدر :", "كاتب", "\t"};
  std::uniform_int_distribution<size_t> pick(0, sizeof(kPieces) / sizeof(kPieces[0]) - 1);
  std::uniform_int_distribution<int> len(1, 400);
  std::string s;
  for (int n = len(rng); n > 0; --n) s += kPieces[pick(rng)];
  return s;
}

TEST(Robustness, RandomArticlesKeepTheContract) {
  std::mt19937 rng(20261123);
  for (int i = 0; i < 400; ++i) {
    std::string body = RandomArticle(rng);
    read::RawArticle a;
    a.id = "r" + std::to_string(i);
    a.input = "random";
    a.body = body;
    Document d = testing::TestPipeline().Analyze(a, AnalyzeOptions{i % 2 ? "2021-07-10" : "", "", nullptr});
    const int32_t n = text::CountCodePoints(d.text);
    auto inside = [&](Span s) { return 0 <= s.start && s.start <= s.end && s.end <= n; };
    for (const auto& s : d.sentences) ASSERT_TRUE(inside(s.span)) << body;
    for (const auto& t : d.tokens) ASSERT_TRUE(inside(t.span)) << body;
    for (const auto& e : d.entities) ASSERT_TRUE(inside(e.span)) << body;
    for (const auto& e : d.events) {
      ASSERT_TRUE(inside(e.trigger)) << body;
      ASSERT_LT(e.sentence, static_cast<int32_t>(d.sentences.size()));
    }
    for (const auto& q : d.quotes) ASSERT_TRUE(inside(q.span)) << body;
    for (const auto& t : d.times) ASSERT_TRUE(inside(t.span)) << body;
    // The JSON is valid.
    ASSERT_FALSE(Json::parse(ToJsonLine(d), nullptr, false).is_discarded()) << body;
  }
}

}  // namespace
}  // namespace rasd
