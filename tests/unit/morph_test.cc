#include <gtest/gtest.h>

#include "morph/tokenizer.h"
#include "text/arabic.h"
#include "text/utf8.h"

namespace rasd::morph {
namespace {

TEST(Tokenize, SentencesTokensAndOffsets) {
  Document doc;
  doc.text = "قال الوزير إن 2.5 مليون نزحوا. وأضاف: “لن نقبل”!\nفقرة ثانية؟ نعم";
  Tokenize(doc);
  ASSERT_EQ(doc.sentences.size(), 4u);
  text::Utf8Index index(doc.text);
  EXPECT_EQ(index.Slice(doc.sentences[0].span), "قال الوزير إن 2.5 مليون نزحوا.");
  EXPECT_EQ(index.Slice(doc.sentences[1].span), "وأضاف: “لن نقبل”!");
  EXPECT_EQ(index.Slice(doc.sentences[2].span), "فقرة ثانية؟");
  EXPECT_EQ(doc.tokens[3].norm, "2.5");
  EXPECT_EQ(doc.tokens[3].kind, TokenKind::kNumber);
  EXPECT_EQ(doc.tokens.back().paragraph, 1);
  for (const auto& t : doc.tokens) EXPECT_LT(t.span.start, t.span.end);
}

TEST(Readings, StripProcliticsInOrder) {
  auto r = Readings("وبالولايات");
  std::vector<std::string> stems;
  for (const auto& x : r) stems.push_back(x.stem);
  EXPECT_EQ(stems.front(), "وبالولايات");
  EXPECT_NE(std::find(stems.begin(), stems.end(), "الولايات"), stems.end());
  EXPECT_NE(std::find(stems.begin(), stems.end(), "ولايات"), stems.end());
  auto l = Readings(text::NormalizeKey("للرئيس"));
  bool with_article = false;
  for (const auto& x : l) with_article |= x.stem == "الرءيس";
  EXPECT_TRUE(with_article);
  auto f = Readings("ستعقد");
  ASSERT_GE(f.size(), 2u);
  EXPECT_TRUE(f.back().future);
  EXPECT_EQ(f.back().stem, "تعقد");
  // Too short to strip.
  EXPECT_EQ(Readings("وقف").size(), 1u);
}

}  // namespace
}  // namespace rasd::morph
