#include <gtest/gtest.h>

#include "text/arabic.h"
#include "text/tsv.h"
#include "text/utf8.h"
#include "test_util.h"

namespace rasd::text {
namespace {

TEST(Utf8, DecodesAndCountsCodePoints) {
  std::string s = "aب€😀";
  size_t i = 0;
  EXPECT_EQ(DecodeNext(s, i), U'a');
  EXPECT_EQ(DecodeNext(s, i), U'ب');
  EXPECT_EQ(DecodeNext(s, i), U'€');
  EXPECT_EQ(DecodeNext(s, i), U'😀');
  EXPECT_EQ(i, s.size());
  EXPECT_EQ(CountCodePoints(s), 4);
}

TEST(Utf8, FindsFirstInvalidByte) {
  EXPECT_FALSE(FindInvalidUtf8("سوريا ok").has_value());
  std::string bad = "ok \xC3\x28 rest";
  ASSERT_TRUE(FindInvalidUtf8(bad).has_value());
  EXPECT_EQ(*FindInvalidUtf8(bad), 3u);
  EXPECT_TRUE(FindInvalidUtf8("\xED\xA0\x80").has_value());  // surrogate
  EXPECT_TRUE(FindInvalidUtf8("\xC0\xAF").has_value());      // overlong
}

TEST(Utf8, IndexSlicesByCodePoint) {
  std::string s = "في جنيف";
  Utf8Index index(s);
  EXPECT_EQ(index.size(), 7);
  EXPECT_EQ(index.Slice(Span{3, 7}), "جنيف");
}

TEST(Arabic, NormalizeKeyFoldsOrthography) {
  EXPECT_EQ(NormalizeKey("أإآٱ"), "اااا");
  EXPECT_EQ(NormalizeKey("مصطفى"), "مصطفي");
  EXPECT_EQ(NormalizeKey("القمة"), "القمه");
  EXPECT_EQ(NormalizeKey("مؤتمر"), "مءتمر");
  EXPECT_EQ(NormalizeKey("البنّاء"), "البناء");
  EXPECT_EQ(NormalizeKey("بهــدف"), "بهدف");
  EXPECT_EQ(NormalizeKey("٢٠٢١"), "2021");
  EXPECT_EQ(NormalizeKey("Geneva"), "geneva");
}

TEST(Arabic, CleanUnicodeRemovesNoiseAndFoldsPresentationForms) {
  // Zero-width joiner, bidi mark and NBSP.
  EXPECT_EQ(CleanUnicode("سو\u200Dريا\u200F\u00A0اليوم"), "سوريا اليوم");
  EXPECT_EQ(CleanUnicode("a\r\nb\rc"), "a\nb\nc");
  EXPECT_EQ(CleanUnicode("سو\u061Cريا"), "سوريا");  // ARABIC LETTER MARK inside the Arabic block
  // Presentation forms (ﻻ lam-alef ligature) become ordinary letters.
  EXPECT_EQ(CleanUnicode("\uFEFB"), "لا");
}

TEST(Tsv, ReportsMalformedRowsWithLine) {
  auto dir = testing::TempDir("tsv");
  testing::WriteFile(dir / "x.tsv", "# version: 7\na\tb\n1\t2\n3\n");
  auto t = ReadTsv((dir / "x.tsv").string(), {"a", "b"});
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().line, 4);
  EXPECT_EQ(t.error().code, ErrorCode::kBadData);
  testing::WriteFile(dir / "y.tsv", "# version: 7\na\tb\n1\tx|y| - \n");
  auto y = ReadTsv((dir / "y.tsv").string(), {"a"});
  ASSERT_TRUE(y.ok());
  EXPECT_EQ(y.value().version, "7");
  EXPECT_EQ(SplitAlternatives(y.value().rows[0].fields[1]), (std::vector<std::string>{"x", "y"}));
  EXPECT_FALSE(ReadTsv((dir / "missing.tsv").string(), {}).ok());
}

}  // namespace
}  // namespace rasd::text
