#include <gtest/gtest.h>

#include "clean/cleaner.h"
#include "test_util.h"

namespace rasd::clean {
namespace {

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
