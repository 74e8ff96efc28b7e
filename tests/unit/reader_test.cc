// Bad input never crashes and never loses other input.
#include <gtest/gtest.h>

#include "read/html.h"
#include "read/reader.h"
#include "test_util.h"

namespace rasd::read {
namespace {

struct Outcome {
  std::vector<std::string> ids;
  std::vector<Error> errors;
};

Outcome ReadAll(std::vector<std::string> paths) {
  ArticleSource src(std::move(paths));
  Outcome out;
  while (true) {
    auto r = src.Next();
    if (!r.ok()) {
      out.errors.push_back(r.error());
      continue;
    }
    if (!r.value()) break;
    out.ids.push_back(r.value()->id);
  }
  return out;
}

TEST(Reader, EveryBadInputIsReportedAndTheRestIsRead) {
  auto dir = testing::TempDir("reader");
  testing::WriteFile(dir / "a_good.txt", "مقال سليم عن سوريا.\n");
  testing::WriteFile(dir / "b_invalid.txt", "سطر أول\nسطر \xFF\xFE ثان\n");
  testing::WriteFile(dir / "c_empty.txt", "  \n\n");
  testing::WriteFile(dir / "d_binary.txt", std::string("\x7F" "ELF\0\0\0\x01", 8));
  testing::WriteFile(dir / "e_huge.txt", std::string(50u << 20, 'a'));
  testing::WriteFile(dir / "f.jsonl",
                     "{\"id\":\"j1\",\"text\":\"نص أول\"}\n"
                     "this is not json\n"
                     "[1,2]\n"
                     "{\"id\":\"j4\"}\n"
                     "{\"id\":\"j5\",\"html\":\"<p>نص</p>\",\"date\":\"2021-06-22\"}\n");
  testing::WriteFile(dir / "g_good.txt", "مقال آخر.\n");
  auto out = ReadAll({dir.string(), (dir / "missing.txt").string()});
  EXPECT_EQ(out.ids, (std::vector<std::string>{"a_good", "j1", "j5", "g_good"}));
  ASSERT_EQ(out.errors.size(), 8u);
  auto find = [&](ErrorCode code) {
    for (const auto& e : out.errors)
      if (e.code == code) return e;
    return Error{ErrorCode::kUsage, "not found"};
  };
  Error invalid = find(ErrorCode::kInvalidUtf8);
  EXPECT_NE(invalid.path.find("b_invalid.txt"), std::string::npos);
  EXPECT_EQ(invalid.line, 2);
  EXPECT_NE(find(ErrorCode::kEmpty).path.find("c_empty"), std::string::npos);
  EXPECT_NE(find(ErrorCode::kBinary).path.find("d_binary"), std::string::npos);
  EXPECT_NE(find(ErrorCode::kTooLarge).path.find("e_huge"), std::string::npos);
  Error json = find(ErrorCode::kBadJson);
  EXPECT_EQ(json.line, 2);
  EXPECT_EQ(find(ErrorCode::kBadRecord).line, 4);
  EXPECT_NE(find(ErrorCode::kNotFound).path.find("missing.txt"), std::string::npos);
  // Each error prints as one line "path:line: message".
  for (const auto& e : out.errors) EXPECT_EQ(e.ToString().find('\n'), std::string::npos) << e.ToString();
  EXPECT_EQ(json.ToString().substr(json.ToString().size() - 9), "; skipped");
}

TEST(Reader, JsonlFieldsBecomeMetadata) {
  auto r = ParseJsonRecord(R"({"id": 7, "text": "نص", "url": "https://x.org/a", "date": "2021-07-10", "outlet": "طيف", "title": "عنوان"})",
                           "f.jsonl", 3);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().id, "7");
  EXPECT_EQ(r.value().input, "f.jsonl:3");
  EXPECT_EQ(*r.value().title, "عنوان");
  EXPECT_EQ(*r.value().outlet, "طيف");
  EXPECT_FALSE(r.value().is_html);
}

TEST(Html, KeepsArticleDropsChrome) {
  auto page = ExtractHtml(
      "<html><head><title>عنوان الموقع</title><meta property='og:site_name' content='نبض'>"
      "<meta property='article:published_time' content='2024-05-16T10:00:00+03:00'><script>var x=1;</script></head>"
      "<body><nav><a>الرئيسية</a></nav><article><h1>القمة العربية تنطلق</h1><p>انطلقت القمة اليوم.</p>"
      "<div class='related-posts'>اقرأ أيضاً: خبر آخر</div><p>فقرة ثانية.</p></article>"
      "<footer>جميع الحقوق محفوظة</footer></body></html>");
  EXPECT_EQ(*page.title, "القمة العربية تنطلق");
  EXPECT_EQ(*page.date, "2024-05-16");
  EXPECT_EQ(*page.outlet, "نبض");
  EXPECT_NE(page.text.find("انطلقت القمة اليوم."), std::string::npos);
  EXPECT_NE(page.text.find("فقرة ثانية."), std::string::npos);
  EXPECT_EQ(page.text.find("var x"), std::string::npos);
  EXPECT_EQ(page.text.find("اقرأ أيضاً"), std::string::npos);
  ASSERT_FALSE(page.dropped.empty());
  EXPECT_EQ(page.dropped[0].second, "related");
}

}  // namespace
}  // namespace rasd::read
