#include <gtest/gtest.h>

#include "corpus/dedup.h"
#include "corpus/stories.h"
#include "corpus/terms.h"
#include "text/arabic.h"

namespace rasd::corpus {
namespace {

std::string Stem(const char* w) { return SearchStem(text::NormalizeKey(w)); }

TEST(Terms, LightStemsJoinArticleSuffixAndNumberForms) {
  const std::string base = Stem("عقوبات");
  EXPECT_EQ(Stem("العقوبات"), base);
  EXPECT_EQ(Stem("بالعقوبات"), base);
  EXPECT_EQ(Stem("عقوبة"), base);
  EXPECT_EQ(Stem("والعقوبات"), base);
  EXPECT_NE(Stem("العقبة"), base);
  EXPECT_EQ(Stem("2015"), "2015");
  EXPECT_EQ(Stem("OPEC"), "opec");
}

TEST(Terms, AmbiguousCliticsAreIndexedBothWays) {
  std::vector<std::string> stems;
  IndexStems(text::NormalizeKey("وعقوباتها"), stems);
  EXPECT_NE(std::find(stems.begin(), stems.end(), Stem("عقوبات")), stems.end());
  IndexStems(text::NormalizeKey("وزير"), stems);
  EXPECT_EQ(stems.front(), Stem("وزير"));  // the literal reading comes first
  IndexStems(text::NormalizeKey("لعقوبات"), stems);
  EXPECT_NE(std::find(stems.begin(), stems.end(), Stem("عقوبات")), stems.end());
}

TEST(Terms, WordsKeepTatweelAndReportByteOffsets) {
  std::vector<std::pair<std::string, size_t>> words;
  const std::string s = "فرض العقـــوبات، اليوم";
  ForEachWord(s, [&](const std::string& norm, size_t b, size_t e) { words.emplace_back(norm, e - b); });
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[1].first, text::NormalizeKey("العقوبات"));
  EXPECT_EQ(words[1].second, std::string("العقـــوبات").size());
}

std::string Words(int from, int n) {
  static const char* const kVocab[] = {"الحكومة", "قررت", "رفع", "أسعار", "الوقود", "في", "المدن", "الكبرى", "بعد",
                                       "اجتماع", "طارئ", "للجنة", "الاقتصادية", "التي", "ناقشت", "العجز", "المالي",
                                       "والديون", "الخارجية", "وتوقعات", "النمو", "للعام", "المقبل", "مع", "تراجع"};
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += kVocab[(from + i * 7) % 25];
    out += std::to_string(i % 13);
    out += ' ';
  }
  return out;
}

TEST(Dedup, ExactBodiesIgnorePunctuationAndDiacritics) {
  auto a = FingerprintOf("قالت الوزارةُ إن الاجتماع انتهى.\nوأضافت: لا تعليق");
  auto b = FingerprintOf("قالت الوزارة إن الاجتماع انتهى،  وأضافت «لا تعليق»");
  EXPECT_EQ(a.body_hash, b.body_hash);
  EXPECT_NE(a.body_hash, FingerprintOf("قالت الوزارة إن الاجتماع لم ينته").body_hash);
}

TEST(Dedup, NearDuplicatesScoreHighAndOthersLow) {
  const std::string body = Words(0, 120);
  auto original = FingerprintOf(body);
  auto republished = FingerprintOf("الرياض - خاص: " + body.substr(0, body.size() - 40));
  auto other = FingerprintOf(Words(3, 120));
  EXPECT_GE(Similarity(original.minhash, republished.minhash), kNearDuplicate);
  EXPECT_LT(Similarity(original.minhash, other.minhash), 0.3);
  int shared_bands = 0;
  for (int b = 0; b < kBands; ++b) shared_bands += BandKey(original.minhash, b) == BandKey(republished.minhash, b);
  EXPECT_GT(shared_bands, 0);
  Signature back;
  ASSERT_TRUE(SignatureFromBlob(SignatureBlob(original.minhash), back));
  EXPECT_EQ(back, original.minhash);
  EXPECT_FALSE(SignatureFromBlob("short", back));
}

TEST(Stories, DayNumbers) {
  EXPECT_EQ(*DayNumber("2021-01-01") - *DayNumber("2020-12-31"), 1);
  EXPECT_EQ(*DayNumber("1970-01-01"), 0);
  EXPECT_EQ(*DayNumber("2024-03-01") - *DayNumber("2024-02-28"), 2);  // leap year
  EXPECT_FALSE(DayNumber("2021-13-01"));
  EXPECT_FALSE(DayNumber("yesterday"));
}

TEST(Stories, SimilarArticlesJoinWithinTheWindow) {
  StoryIndex index;
  // Background documents so that idf separates common from specific terms.
  for (int i = 0; i < 50; ++i) index.CountDoc({{"common", 1}, {"filler" + std::to_string(i), 1}});
  TermCounts a = {{"@RUS", 1}, {"sanction", 2}, {"bank", 1}, {"common", 1}};
  TermCounts b = {{"@RUS", 1}, {"sanction", 1}, {"bank", 2}, {"freeze", 1}};
  TermCounts c = {{"@SAU", 1}, {"rain", 2}, {"flood", 1}};
  for (const auto* t : {&a, &b, &c}) index.CountDoc(*t);
  auto va = index.Weigh(a);
  ASSERT_EQ(index.Match(va, std::string("2022-03-01")), 0);
  index.Start(1, "a", va, std::string("2022-03-01"));
  EXPECT_EQ(index.Match(index.Weigh(b), std::string("2022-03-02")), 1);
  EXPECT_EQ(index.Match(index.Weigh(b), std::string("2022-03-20")), 0);  // outside the window
  EXPECT_EQ(index.Match(index.Weigh(c), std::string("2022-03-02")), 0);  // another story
  const Story& s = index.Join(1, index.Weigh(b), std::string("2022-03-03"));
  EXPECT_EQ(s.articles, 2);
  EXPECT_EQ(s.last_date, "2022-03-03");
  EXPECT_EQ(DecodeTerms(EncodeTerms(s.centroid)).size(), s.centroid.size());
}

}  // namespace
}  // namespace rasd::corpus
