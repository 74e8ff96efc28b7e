#include <gtest/gtest.h>

#include "events/times.h"
#include "test_util.h"

namespace rasd {
namespace {

const TimeExpr* FindTime(const Document& d, const std::string& text) {
  return testing::FindIf(d.times, [&](const TimeExpr& t) { return t.text == text; });
}

TEST(Times, RelativeExpressionsResolveAgainstTheArticleDate) {
  // 2021-07-10 is a Saturday.
  auto d = testing::AnalyzeText(
      "وقال مساء أمس الجمعة إن الجولة اختتمت يوم الخميس الماضي، بعد قمة الأسبوع الماضي وقبل جلسة الشهر المقبل.",
      "2021-07-10");
  const TimeExpr* t = FindTime(d, "مساء أمس الجمعة");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->resolved->start, "2021-07-09");
  t = FindTime(d, "يوم الخميس الماضي");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->resolved->start, "2021-07-08");
  t = FindTime(d, "الأسبوع الماضي");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->resolved->start, "2021-06-28");  // Monday..Sunday
  EXPECT_EQ(t->resolved->end, "2021-07-04");
  t = FindTime(d, "الشهر المقبل");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->resolved->start, "2021-08-01");
  EXPECT_EQ(t->resolved->end, "2021-08-31");
}

TEST(Times, AbsoluteDatesAndLateMonth) {
  auto d = testing::AnalyzeText("جرت الانتخابات في 26 أيار 2021 وأعلنت النتائج أواخر الشهر الماضي.", "2021-06-22");
  const TimeExpr* t = FindTime(d, "26 أيار 2021");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->resolved->start, "2021-05-26");
  t = FindTime(d, "أواخر الشهر الماضي");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->resolved->start, "2021-05-22");
  EXPECT_EQ(t->resolved->end, "2021-05-31");
}

TEST(Times, OrdinalDaysCountsBackAndNumericDates) {
  // 2024-05-01 is a Wednesday.
  auto d = testing::AnalyzeText(
      "واجتمع الوزراء في الحادي والعشرين من أبريل الماضي، وأعلنوا في العاشر من هذا الشهر، وكان الأول من نوعه. "
      "وقبل يومين وصل الوفد، ومنذ ثلاثة أسابيع بدأ الحصار، وقبل 5 أيام سقطت القذيفة، ومنذ عامين انسحبوا. "
      "وجرى ذلك في 15/04/2024 ثم في 2024-04-16.",
      "2024-05-01");
  struct Want {
    const char* text;
    const char* start;
    const char* end;
  };
  for (const Want& w : {Want{"الحادي والعشرين من أبريل الماضي", "2024-04-21", "2024-04-21"},
                        Want{"العاشر من هذا الشهر", "2024-05-10", "2024-05-10"},
                        Want{"وقبل يومين", "2024-04-29", "2024-04-29"},
                        Want{"ومنذ ثلاثة أسابيع", "2024-04-10", "2024-04-10"},
                        Want{"وقبل 5 أيام", "2024-04-26", "2024-04-26"},
                        Want{"ومنذ عامين", "2022-01-01", "2022-12-31"},
                        Want{"15/04/2024", "2024-04-15", "2024-04-15"},
                        Want{"2024-04-16", "2024-04-16", "2024-04-16"}}) {
    const TimeExpr* t = FindTime(d, w.text);
    ASSERT_NE(t, nullptr) << w.text;
    ASSERT_TRUE(t->resolved) << w.text;
    EXPECT_EQ(t->resolved->start, w.start) << w.text;
    EXPECT_EQ(t->resolved->end, w.end) << w.text;
  }
  // An ordinal that is not a day (الأول من نوعه) and a bare قبل are no time.
  EXPECT_EQ(FindTime(d, "الأول"), nullptr);
  EXPECT_EQ(d.times.size(), 8u);
  // A unit with no direction is no time: العام is "general" in الأمين العام، الرأي العام.
  auto g = testing::AnalyzeText("وقال الأمين العام إن الرأي العام يتابع الشهر والأسبوع بقلق.", "2024-05-01");
  EXPECT_TRUE(g.times.empty()) << g.times.front().text;
  // A Hijri month needs a day or a year: رمضان is also a name, صفر "zero".
  auto h = testing::AnalyzeText("وقال رمضان عبد الله إن الفريق فاز 5 صفر في شهر ربيع.", "2015-07-22");
  EXPECT_TRUE(h.times.empty()) << h.times.front().text;
}

const Event* FindEvent(const Document& d, const std::string& plover) {
  return testing::FindIf(d.events, [&](const Event& e) { return e.plover == plover; });
}

TEST(Coder, SymmetricVerbWithCoordinatedSubjects) {
  auto d = testing::AnalyzeText("وأوضح الوسطاء أن القاهرة والدوحة توافقتا على تمديد الهدنة في غزة.", "2021-07-10");
  const Event* e = FindEvent(d, "AGREE");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source->country, "EGY");
  EXPECT_EQ(e->target->country, "QAT");
  EXPECT_EQ(e->modality, Modality::kReported);
  EXPECT_FALSE(e->negated);
  ASSERT_TRUE(e->place);
  EXPECT_EQ(e->place->country, "PSE");
}

// Unnamed gunmen are CAMEO's unidentified armed force (UAF, no country): the doer, not a
// country picked from the victims; a noun of the same letters as the verb (خطف) opening a
// clause is the verb; "على يد/أيدي" names the doer of a passive.
TEST(Coder, UnidentifiedGunmenAndDoersAfterAClaim) {
  struct Want {
    const char* text;
    const char* source;  // actor code
    const char* target;  // country, "-" for none
  };
  for (const Want& w : {Want{"وقتل مسلحون جنودا عراقيين في الموصل.", "UAF", "IRQ"},
                        Want{"وخطف مسلحون مجهولون مطران الكلدان في الموصل.", "UAF", "IRQ"},
                        Want{"وقال المسؤول إن ضابط شرطة وجنديا اختطفا على يد مسلحين.", "UAF", "-"},
                        Want{"وقال إن ثلاثة جنود أمريكيين قتلوا على أيدي مسلحين.", "UAF", "USA"},
                        Want{"وأضاف أن خمسة من 13 إثيوبياً خطفوا على أيدي رجال مسلحين.", "UAF", "ETH"}}) {
    auto d = testing::AnalyzeText(w.text, "2024-05-01");
    const Event* e = FindEvent(d, "ASSAULT");
    ASSERT_NE(e, nullptr) << w.text;
    ASSERT_TRUE(e->source) << w.text;
    EXPECT_EQ(e->source->code, w.source) << w.text;
    EXPECT_EQ(e->target ? e->target->country : std::string("-"), w.target) << w.text;
  }
  // The article refers back (المسلحين): no unidentified actor.
  auto d = testing::AnalyzeText("وأعلنت الوزارة تحييد عشرات المسلحين خلال العمليات.", "2024-05-01");
  for (const auto& en : d.entities) EXPECT_FALSE(en.actor && en.actor->code == "UAF") << en.text;
}

// "احتجاجا على" after another act (a recall, a clash) is that act's purpose, no protest of its
// own; where protesters are named it stays one.
TEST(Coder, InProtestIsThePurposeOfAnotherAct) {
  auto d = testing::AnalyzeText("واستدعت البحرين سفيرها لدى إيران احتجاجا على تصريحات المسؤولين الإيرانيين.", "2015-07-22");
  EXPECT_NE(FindEvent(d, "ACCUSE"), nullptr);
  EXPECT_EQ(FindEvent(d, "PROTEST"), nullptr);
  auto p = testing::AnalyzeText("وقتل شاب برصاص الشرطة وخرج المتظاهرون في أثينا احتجاجا على مقتله.", "2015-07-22");
  EXPECT_NE(FindEvent(p, "PROTEST"), nullptr);
}

TEST(Coder, VerbSubjectObjectAndNegation) {
  auto d = testing::AnalyzeText("هاجمت القوات التركية مواقع لقوات سوريا الديمقراطية أمس.", "2023-10-06");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.events[0].source->code, "TURMIL");
  EXPECT_EQ(d.events[0].target->country, "SYR");
  EXPECT_EQ(d.events[0].date->start, "2023-10-05");
  auto n = testing::AnalyzeText("لم تهاجم القوات التركية مواقع لقوات سوريا الديمقراطية.", "2023-10-06");
  ASSERT_FALSE(n.events.empty());
  EXPECT_TRUE(n.events[0].negated);
  // Behind و the negation is a three-letter word the tokenizer does not split (ولم، ولن).
  for (const char* text : {"ولم تهاجم القوات التركية مواقع لقوات سوريا الديمقراطية.",
                           "ولن تهاجم القوات التركية مواقع لقوات سوريا الديمقراطية."}) {
    auto w = testing::AnalyzeText(text, "2023-10-06");
    ASSERT_FALSE(w.events.empty()) << text;
    EXPECT_TRUE(w.events[0].negated) << text;
  }
}

// Two-letter first words behind و (وشن، وتم، وحث): the tokenizer keeps the conjunction on
// words of three letters, the trigger lexicon must still find them.
TEST(Coder, TwoLetterTriggerWordsBehindTheConjunction) {
  auto d = testing::AnalyzeText("وشن الجيش الروسي هجوما على مدينة خاركيف.", "2022-03-05");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].cameo, "190");
  EXPECT_EQ(d.events[0].source->code, "RUSMIL");
  auto urged = testing::AnalyzeText("وحث الرئيس الفرنسي إيران على ضبط النفس.", "2022-03-05");
  ASSERT_FALSE(urged.events.empty());
  EXPECT_EQ(urged.events[0].cameo, "020");
  EXPECT_EQ(urged.events[0].target->country, "IRN");
}

// A named person's attack is in words (CAMEO 111); what an attack cannot strike makes it a
// figure of speech (no event).
TEST(Coder, AttacksInWordsAndFiguresOfSpeech) {
  auto words = testing::AnalyzeText("وهاجم بايدن الصين في خطاب أمس.", "2021-07-10");
  ASSERT_EQ(words.events.size(), 1u);
  EXPECT_EQ(words.events[0].cameo, "111");
  auto armed = testing::AnalyzeText("وهاجم مسلحون حاجزا للجيش العراقي في الموصل.", "2021-07-10");
  ASSERT_FALSE(armed.events.empty());
  EXPECT_EQ(armed.events[0].cameo, "190");
  EXPECT_TRUE(testing::AnalyzeText("وانفجرت أسعار القمح بعد الحرب.", "2022-03-05").events.empty());
  EXPECT_TRUE(testing::AnalyzeText("وخطف الفريق الضيف اللقب.", "2022-03-05").events.empty());
}

// The specific demand rows (طالب ~ إفراج → 1053) hold for every form of the verb.
TEST(Coder, SpecificDemandsInEveryVerbForm) {
  for (const char* text : {"وطالبت الأمم المتحدة بالإفراج عن المعتقلين في ميانمار.",
                           "ويطالب الاتحاد الأوروبي بالإفراج عن المعتقلين في ميانمار."}) {
    auto d = testing::AnalyzeText(text, "2022-03-05");
    ASSERT_FALSE(d.events.empty()) << text;
    EXPECT_EQ(d.events[0].cameo, "1053") << text;
  }
}

// Verbs of intention and decision govern a verbal noun: their subject is its doer.
TEST(Coder, IntentionAndDecisionVerbsGiveTheNounItsDoer) {
  auto visit = testing::AnalyzeText("ويعتزم الرئيس الأمريكي زيارة الصين الشهر المقبل.", "2022-03-05");
  ASSERT_EQ(visit.events.size(), 1u);
  EXPECT_EQ(visit.events[0].cameo, "042");
  EXPECT_EQ(visit.events[0].source->code, "USAGOV");
  EXPECT_EQ(visit.events[0].target->country, "CHN");
  EXPECT_EQ(visit.events[0].modality, Modality::kIntended);
  auto cut = testing::AnalyzeText("وقررت تركيا قطع علاقاتها مع إسرائيل.", "2022-03-05");
  ASSERT_EQ(cut.events.size(), 1u);
  EXPECT_EQ(cut.events[0].cameo, "161");
  EXPECT_EQ(cut.events[0].source->country, "TUR");
}

// "مواقع لحزب الله": a name behind a fused ل owns the object, it is no subject; the
// nationality of an event noun that is the subject is the doer.
TEST(Coder, OwnerBehindFusedLamIsTheTarget) {
  auto d = testing::AnalyzeText("وقال مسؤول إن الغارات استهدفت مواقع لحزب الله في الجنوب.", "2022-03-05");
  ASSERT_FALSE(d.events.empty());
  EXPECT_FALSE(d.events[0].source);
  EXPECT_EQ(d.events[0].target->code, "LBNREB");
  auto n = testing::AnalyzeText("استهدفت الغارات الإسرائيلية مواقع لحزب الله.", "2022-03-05");
  ASSERT_FALSE(n.events.empty());
  EXPECT_EQ(n.events[0].source->country, "ISR");
  EXPECT_EQ(n.events[0].target->code, "LBNREB");
}

// A purpose noun's doer is the clause subject; a protest's place (أمام مقر الحكومة) is
// whom it addresses, not who protests.
TEST(Coder, PurposeNounsAndProtestPlaces) {
  auto d = testing::AnalyzeText("وأطلقت الشرطة الغاز المسيل للدموع لتفريق المتظاهرين في طهران.", "2022-03-05");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.events[0].source->code, "IRNCOP");
  auto p = testing::AnalyzeText("نظم مئات الطلاب وقفة احتجاجية أمام مقر الحكومة في الرباط.", "2022-03-05");
  ASSERT_FALSE(p.events.empty());
  EXPECT_EQ(p.events[0].plover, "PROTEST");
  EXPECT_EQ(p.events[0].target->code, "MARGOV");
  EXPECT_NE(p.events[0].source->code, "MARGOV");
}

// A name counts as one word in a pattern's gap; the person after a nationality is the side.
TEST(Coder, NamesInGapsAndPeopleAfterNationalities) {
  auto d = testing::AnalyzeText("وبحث الرئيس السوري أحمد الشرع مع الرئيس اللبناني جوزيف عون ملف الحدود.", "2025-06-01");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].cameo, "040");
  EXPECT_EQ(d.events[0].source->code, "SYRGOV");
  EXPECT_EQ(d.events[0].target->code, "LBNGOV");
  auto met = testing::AnalyzeText("التقى الرئيس الأمريكي دونالد ترامب رئيس الوزراء البريطاني كير ستارمر.", "2025-06-01");
  ASSERT_FALSE(met.events.empty());
  EXPECT_EQ(met.events[0].source->code, "USAGOV");
  EXPECT_EQ(met.events[0].target->code, "GBRGOV");
}

// "أفرجت … عن": the preposition is the verb's own; a journalist is a party, an outlet is not.
TEST(Coder, ReleasedJournalistIsTheTarget) {
  auto d = testing::AnalyzeText("وأفرجت السلطات الإيرانية عن صحفي بريطاني.", "2022-03-05");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].cameo, "0841");
  EXPECT_EQ(d.events[0].source->code, "IRNGOV");
  EXPECT_EQ(d.events[0].target->code, "GBRMED");
}

// A time inside a clause describing a noun (الاتفاقية الموقعة … عام 2015) dates the
// noun, not the event; the same year on its own dates the event.
TEST(Coder, AttributiveClauseTimeDoesNotDateTheEvent) {
  auto d = testing::AnalyzeText(
      "استقبل الرئيس المصري عبد الفتاح السيسي الرئيس الفرنسي إيمانويل ماكرون لبحث الاتفاقية الموقعة بين البلدين عام 2015.",
      "2023-10-06");
  ASSERT_FALSE(d.events.empty());
  EXPECT_FALSE(d.events[0].date) << d.events[0].date->start;
  auto y = testing::AnalyzeText("استقبل الرئيس المصري عبد الفتاح السيسي الرئيس الفرنسي إيمانويل ماكرون أمس.", "2023-10-06");
  ASSERT_FALSE(y.events.empty());
  ASSERT_TRUE(y.events[0].date);
  EXPECT_EQ(y.events[0].date->start, "2023-10-05");
}

TEST(Coder, EventNounWithNisbaPairAndIntent) {
  auto d = testing::AnalyzeText("من المقرر أن تعقد قمة روسية أمريكية في جنيف.", "2021-06-10");
  const Event* e = FindEvent(d, "CONSULT");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source->country, "RUS");
  EXPECT_EQ(e->target->country, "USA");
  EXPECT_EQ(e->modality, Modality::kIntended);
}

TEST(Coder, NoEventWithoutBothParticipants) {
  auto d = testing::AnalyzeText("وتحدث الرئيس عن التعاون في المجالات كافة.", "2021-06-10");
  EXPECT_TRUE(d.events.empty());
}

TEST(Quotes, SpeakerIsTheNamedPersonBeforeTheQuote) {
  auto d = testing::AnalyzeText(
      "وقال وزير الخارجية الروسي سيرغي لافروف للصحفيين: “لن نقبل بأي شروط مسبقة في هذه المفاوضات”.", "2021-07-10");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].text, "لن نقبل بأي شروط مسبقة في هذه المفاوضات");
  ASSERT_TRUE(d.quotes[0].speaker);
  EXPECT_EQ(d.quotes[0].speaker->name, "Sergey Lavrov");
}

TEST(Attributions, OutletAndAnonymousSources) {
  auto d = testing::AnalyzeText(
      "تابعت صحيفة “الشرق الأوسط” مجريات المؤتمر. ونقلت الصحيفة عن مصادر دبلوماسية مطلعة أن التسوية باتت وشيكة.",
      "2021-07-10");
  ASSERT_FALSE(d.attributions.empty());
  EXPECT_EQ(d.attributions[0].outlet, "الشرق الأوسط");
  EXPECT_EQ(d.attributions[0].via, "مصادر دبلوماسية مطلعة");  // stops at أن
  EXPECT_TRUE(d.attributions[0].anonymous);
}

// "ذكرت صحيفة X نقلا عن مصادر": the outlet is the subject before نقلا عن.
TEST(Attributions, OutletBeforeNaqlanAn) {
  auto d = testing::AnalyzeText(
      "وذكرت صحيفة «واشنطن بوست» نقلا عن مصادر مطلعة أن الرئيس الأمريكي سيزور السعودية.", "2022-03-05");
  ASSERT_FALSE(d.attributions.empty());
  EXPECT_EQ(d.attributions[0].outlet, "واشنطن بوست");
  EXPECT_EQ(d.attributions[0].via, "مصادر مطلعة");
  EXPECT_TRUE(d.attributions[0].anonymous);
}

TEST(Attributions, SourceNounBehindAPrepositionIsAnonymous) {
  // It was "named" before: the source noun carried ل (للمصادر).
  auto d = testing::AnalyzeText("وتتجه موسكو إلى تعديل موقفها، وفقا للمصادر الدبلوماسية الروسية.", "2021-07-10");
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_TRUE(d.attributions[0].anonymous);
}

TEST(Times, MonthsWithADirectionAndTrailingFrameWords) {
  auto d = testing::AnalyzeText("تجري الانتخابات في تشرين الأول المقبل، وقال أمس الثلاثاء خلال مؤتمر إن آذار الماضي كان صعبا.",
                                "2024-09-11");
  const TimeExpr* t = FindTime(d, "تشرين الأول المقبل");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->resolved->start, "2024-10-01");
  t = FindTime(d, "أمس الثلاثاء");  // not "أمس الثلاثاء خلال"
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->resolved->start, "2024-09-10");
  t = FindTime(d, "آذار الماضي");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->resolved->start, "2024-03-01");
}

TEST(Times, DatelineGivesTheArticleDate) {
  auto d = testing::AnalyzeText("عنوان الخبر هنا للاختبار\nالجمعة 6 أكتوبر 2023\nقصفت طائرات تركية أمس مواقع في سوريا.", "");
  ASSERT_TRUE(d.date);
  EXPECT_EQ(*d.date, "2023-10-06");
}

TEST(Coder, RepeatedMentionsOfOneHappeningAreOneEvent) {
  auto d = testing::AnalyzeText(
      "وأوضح الوسطاء أن القاهرة والدوحة توافقتا على تمديد الهدنة. وأضاف الوسطاء أن القاهرة والدوحة توافقتا أيضا على فتح المعابر.",
      "2021-07-10");
  int agree = 0;
  for (const auto& e : d.events)
    if (e.plover == "AGREE") {
      ++agree;
      ASSERT_EQ(e.mentions.size(), 1u);
      EXPECT_EQ(e.mentions[0].sentence, 1);
    }
  EXPECT_EQ(agree, 1);
}

}  // namespace
}  // namespace rasd
