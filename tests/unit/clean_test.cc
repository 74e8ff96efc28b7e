#include <gtest/gtest.h>

#include <random>

#include "clean/cleaner.h"
#include "clean/lexicon.h"
#include "test_util.h"
#include "text/arabic.h"
#include "text/utf8.h"

namespace rasd::clean {
namespace {

// LineKey's table-driven fast path against the per-character definition, on random
// mixes of Arabic (letters, marks, tatweel, digits, punctuation), Latin, other scripts
// and invalid bytes.
TEST(LineKey, FastPathAgreesWithTheDefinition) {
  auto reference = [](std::string_view line) {
    std::string key;
    size_t i = 0;
    bool space = true;
    while (i < line.size()) {
      char32_t c = text::FoldChar(text::DecodeNext(line, i));
      if (!c) continue;
      if (text::IsLetter(c) || text::IsDigit(c)) {
        text::AppendUtf8(key, c);
        space = false;
      } else if (!space) {
        key += ' ';
        space = true;
      }
    }
    while (!key.empty() && key.back() == ' ') key.pop_back();
    return key;
  };
  const char32_t pool[] = {0x0627, 0x0623, 0x0625, 0x0622, 0x0649, 0x0629, 0x0624, 0x0626, 0x0640, 0x064E, 0x0651,
                           0x0660, 0x0669, 0x06F4, 0x060C, 0x061F, 0x06A9, 0x06CC, 0x0671, 0x06D2, 'A',    'z',
                           '7',    ' ',    '.',    ':',    0x00E9, 0x00A0, 0x200F, 0xFEFB, 0x4E2D, 0x1F600};
  std::mt19937 rng(7);
  for (int n = 0; n < 2000; ++n) {
    std::string s;
    const int len = rng() % 40;
    for (int k = 0; k < len; ++k) {
      if (rng() % 50 == 0) s += static_cast<char>(0x80 + rng() % 0x40);  // a stray continuation byte
      else text::AppendUtf8(s, pool[rng() % (sizeof pool / sizeof pool[0])]);
    }
    ASSERT_EQ(LineKey(s), reference(s)) << s;
  }
}

TEST(Repair, RejoinsWordsSplitWithTatweelAndMarks) {
  std::vector<Repair> repairs;
  EXPECT_EQ(RepairLine("رفع العقـ.ـوبات بهــ.ــدف", &repairs), "رفع العقوبات بهدف");
  ASSERT_EQ(repairs.size(), 2u);
  EXPECT_EQ(repairs[0].from, "العقـ.ـوبات");
  EXPECT_EQ(repairs[0].to, "العقوبات");
  EXPECT_EQ(repairs[1].to, "بهدف");
  repairs.clear();
  EXPECT_EQ(RepairLine("اشتبـ-ـاكات و(الهـ_ـدنة)، قـ.ـصف.", &repairs), "اشتباكات و(الهدنة)، قصف.");
  EXPECT_EQ(repairs.size(), 3u);
  EXPECT_EQ(repairs[1].from, "الهـ_ـدنة");
  EXPECT_EQ(repairs[1].to, "الهدنة");
}

TEST(Repair, LeavesOrdinaryPunctuationAlone) {
  std::vector<Repair> repairs;
  // A dot ending a sentence, dashes between words and numbers are not splits.
  EXPECT_EQ(RepairLine("قال الوزير. ثم غادر - كما في 2.5 مليار", &repairs), "قال الوزير. ثم غادر - كما في 2.5 مليار");
  // Pure elongation is removed without being called a repair.
  EXPECT_EQ(RepairLine("جـــدا", &repairs), "جدا");
  EXPECT_TRUE(repairs.empty());
}

TEST(Cleaner, DropsChromeFindsTitleAndOutlet) {
  const std::string page =
      "أخبار العالم\n\n"
      "وزير الخارجية يصل إلى الرياض في زيارة رسمية\n\n"
      "وزير الخارجية يصل إلى الرياض في زيارة رسمية\n\n"
      "نبض الشرق – فريق التحرير\n\n"
      "وصل وزير الخارجية إلى الرياض مساء أمس في زيارة تستمر يومين.\n\n"
      "اقرأ أيضاً: خبر لا علاقة له بالموضوع\n\n"
      "وبحث الوزير مع نظيره سبل تعزيز التعاون.\n\n"
      "مقالات ذات صلة\n\n"
      "عنوان مقال آخر في الموقع\n\n"
      "زر الذهاب إلى الأعلى\n";
  Document doc;
  Cleaner(*testing::TestResources()->chrome).Clean(CleanInput{page, std::nullopt, {}}, doc);
  EXPECT_EQ(*doc.title, "وزير الخارجية يصل إلى الرياض في زيارة رسمية");
  EXPECT_EQ(*doc.outlet, "نبض الشرق");
  EXPECT_EQ(doc.text,
            "وصل وزير الخارجية إلى الرياض مساء أمس في زيارة تستمر يومين.\n"
            "وبحث الوزير مع نظيره سبل تعزيز التعاون.");
  std::vector<std::string> reasons;
  for (const auto& r : doc.removed) reasons.push_back(r.reason);
  EXPECT_EQ(reasons, (std::vector<std::string>{"section-label", "repeated-headline", "byline", "read-also", "related",
                                               "related", "back-to-top"}));
}

TEST(Cleaner, KnownTitleRemovesItsRepetitionsAndSourceLineGivesOutlet) {
  Document doc;
  Cleaner(*testing::TestResources()->chrome)
      .Clean(CleanInput{"العنوان المعروف للخبر\nنص الخبر الأول هنا.\nالمصدر : المرصد الإخباري\n",
                        std::string("العنوان المعروف للخبر"), {}},
             doc);
  EXPECT_EQ(doc.text, "نص الخبر الأول هنا.");
  EXPECT_EQ(*doc.outlet, "المرصد الإخباري");
  ASSERT_EQ(doc.removed.size(), 2u);
  EXPECT_EQ(doc.removed[0].reason, "repeated-headline");
  EXPECT_EQ(doc.removed[1].reason, "source-line");
}

TEST(Cleaner, IntertitlesInsideTheBodyStay) {
  Document doc;
  Cleaner(*testing::TestResources()->chrome)
      .Clean(CleanInput{"عنوان الخبر الرئيسي اليوم\nفقرة أولى طويلة تنتهي بنقطة.\nالوضع الإنساني في حلب\nفقرة ثانية.\n",
                        std::nullopt, {}},
             doc);
  EXPECT_EQ(doc.text, "فقرة أولى طويلة تنتهي بنقطة.\nالوضع الإنساني في حلب\nفقرة ثانية.");
}

TEST(Cleaner, AuthorBlockAfterTheBodyGivesTheAuthor) {
  Document doc;
  Cleaner(*testing::TestResources()->chrome)
      .Clean(CleanInput{"عنوان خبر للاختبار هنا\nفقرة الخبر الأولى تنتهي هنا.\nsara haddad\n"
                        "كاتبة صحفية تغطي شؤون المنطقة منذ عشر سنوات\nمقالات ذات صلة\n",
                        std::nullopt, {}},
             doc);
  EXPECT_EQ(doc.text, "فقرة الخبر الأولى تنتهي هنا.");
  ASSERT_TRUE(doc.author);
  EXPECT_EQ(*doc.author, "sara haddad");
  ASSERT_EQ(doc.removed.size(), 3u);
  EXPECT_EQ(doc.removed[0].reason, "author");
  EXPECT_EQ(doc.removed[1].reason, "author-bio");
}

TEST(Cleaner, WireAndNewspaperResidue) {
  Document doc;
  Cleaner(*testing::TestResources()->chrome)
      .Clean(CleanInput{"الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n"
                        "سلمى أحمد – عين اليوم\n"
                        "افتتح الأمير المعرض أمس بحضور عدد من المسؤولين.\n"
                        "14:59 ت م\n"
                        "وتستمر فعاليات المعرض أسبوعا.” سمات المعرض الرياض الثقافة\n"
                        "writer@example.comللتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (3)\n"
                        "88591 - Stc\n",
                        std::string("الأمير يفتتح المعرض"), {}},
             doc);
  EXPECT_EQ(doc.text, "افتتح الأمير المعرض أمس بحضور عدد من المسؤولين.\nوتستمر فعاليات المعرض أسبوعا.”");
  std::vector<std::string> reasons;
  for (const auto& r : doc.removed) reasons.push_back(r.reason);
  EXPECT_EQ(reasons, (std::vector<std::string>{"dateline", "byline", "dateline", "contact", "non-arabic", "tags"}));
  EXPECT_EQ(doc.removed.back().text, "سمات المعرض الرياض الثقافة");
}

TEST(Cleaner, LeadIsKeptWhenTheHeadlineComesFromMetadata) {
  Document doc;
  // No final full stop on the lead, and it contains the headline words: still body.
  Cleaner(*testing::TestResources()->chrome)
      .Clean(CleanInput{"أعلنت وزارة الصحة اليوم افتتاح المستشفى الجديد في المدينة بسعة مئتي سرير وبكلفة كبيرة\n"
                        "وقال الوزير إن المستشفى يخدم المنطقة.\n",
                        std::string("افتتاح المستشفى الجديد"), {}},
             doc);
  EXPECT_TRUE(doc.removed.empty());
  EXPECT_EQ(doc.text.substr(0, 10), std::string("أعلنت وزارة الصحة اليوم").substr(0, 10));
}

}  // namespace
}  // namespace rasd::clean
