#include <gtest/gtest.h>

#include "entities/recognizer.h"
#include "ner/persons.h"
#include "ner/tagger.h"
#include "test_util.h"

namespace rasd::ner {
namespace {

// Our own toy corpus: unknown names after a title, a nationality and an agent noun.
std::unique_ptr<Tagger> ToyTagger() {
  std::vector<Sentence> data;
  const char* given[] = {"سليم", "نادر", "كريم", "وليد", "رامي", "هاني"};
  const char* family[] = {"حداد", "نجار", "عطار", "خياط"};
  for (int k = 0; k < 60; ++k) {
    const char* g = given[k % 6];
    const char* f = family[(k / 6) % 4];
    data.push_back({{"وقال", "الناشط", "المصري", g, f, "إن", "الشرطة", "اعتقلت", "الصحفي", given[(k + 1) % 6],
                     family[(k + 2) % 4], "."},
                    {"O", "O", "O", "B-PERS", "I-PERS", "O", "O", "O", "O", "B-PERS", "I-PERS", "O"}});
    data.push_back({{"وأكد", "المتحدث", "باسم", "الخارجية", "الصينية", g, f, "أن", "بلاده", "ترفض", "ذلك", "."},
                    {"O", "O", "O", "O", "O", "B-PERS", "I-PERS", "O", "O", "O", "O", "O"}});
  }
  TrainOptions options;
  options.epochs = 5;
  return Tagger::Train(data, std::make_shared<const NameHints>(testing::TestResources()->gazetteer), options,
                       Vocabulary());
}

// The pipeline without the shipped model: the test applies its own toy model.
Document AnalyzeWithoutModel(const std::string& text) {
  static const Pipeline pipeline = [] {
    auto res = std::make_shared<Resources>(*testing::TestResources());
    res->ner.reset();
    return Pipeline(std::shared_ptr<const Resources>(std::move(res)));
  }();
  read::RawArticle a;
  a.id = "t";
  a.input = "test";
  a.body = text;
  AnalyzeOptions o;
  o.date = "2023-05-02";
  return pipeline.Analyze(a, o);
}

const Entity* EntityWithText(const Document& d, const std::string& text) {
  return testing::FindIf(d.entities, [&](const Entity& e) { return e.text == text; });
}

TEST(Persons, UnknownNamesJoinTheTitleOrNationalityBeforeThem) {
  static const auto tagger = ToyTagger();
  const auto& g = *testing::TestResources()->gazetteer;
  Document d = AnalyzeWithoutModel(
      "وقال الناشط المصري فادي عطار إن الشرطة اعتقلت الصحفي سامر خياط. "
      "وأكد المتحدث باسم الخارجية الصينية جمال نجار أن بلاده ترفض ذلك.");
  ASSERT_EQ(EntityWithText(d, "فادي عطار"), nullptr);  // the rules alone do not know him
  const auto readings = entities::ComputeReadings(d);
  EXPECT_EQ(NameUnknownPersons(*tagger, g, *testing::TestResources()->person_nouns, readings, d), 3);
  // A nationality after an agent noun: the person has that country and agent.
  const Entity* activist = EntityWithText(d, "الناشط المصري فادي عطار");
  ASSERT_NE(activist, nullptr);
  EXPECT_EQ(activist->type, EntityType::kPer);
  ASSERT_TRUE(activist->actor);
  EXPECT_EQ(activist->actor->code, "EGYCVL");
  // A bare agent noun: a person, but the text names no country.
  const Entity* journalist = EntityWithText(d, "سامر خياط");
  ASSERT_NE(journalist, nullptr);
  EXPECT_FALSE(journalist->actor);
  // A title: the name joins it and keeps the office's country and agent, not the
  // office holder the title had resolved to.
  const Entity* spokesman = EntityWithText(d, "المتحدث باسم الخارجية الصينية جمال نجار");
  ASSERT_NE(spokesman, nullptr);
  ASSERT_TRUE(spokesman->actor);
  EXPECT_EQ(spokesman->actor->country, "CHN");
  EXPECT_TRUE(spokesman->actor->id.empty() || spokesman->actor->id == "CHN");
  // Entities stay in text order and do not overlap.
  for (size_t k = 1; k < d.entities.size(); ++k) EXPECT_LE(d.entities[k - 1].end_token, d.entities[k].first_token);
}

TEST(Persons, TheShippedModelNamesAnActivistTheGazetteerDoesNotKnow) {
  if (!testing::TestResources()->ner) GTEST_SKIP() << "no data/ner/rasd-ner.model";
  Document d = testing::AnalyzeText("وأكد الناشط الحقوقي المصري حسام بهجت أن السلطات اعتقلت الصحفي محمد عبد الرحمن.",
                                    "2023-05-02");
  const Entity* activist = EntityWithText(d, "الناشط الحقوقي المصري حسام بهجت");
  ASSERT_NE(activist, nullptr);
  ASSERT_TRUE(activist->actor);
  EXPECT_EQ(activist->actor->code, "EGYCVL");
  EXPECT_NE(EntityWithText(d, "محمد عبد الرحمن"), nullptr);
}

TEST(Persons, AModelNamedByTheUserMustExistAndEmptyTurnsItOff) {
  ::setenv("RASD_NER_MODEL", "/nonexistent/rasd.model", 1);
  auto missing = Resources::Load(RASD_TEST_DATA_DIR);
  ::setenv("RASD_NER_MODEL", "", 1);
  auto off = Resources::Load(RASD_TEST_DATA_DIR);
  ::unsetenv("RASD_NER_MODEL");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().ToString().find("RASD_NER_MODEL"), std::string::npos);
  ASSERT_TRUE(off.ok());
  EXPECT_FALSE(off.value()->ner);
}

TEST(Persons, NoSlotNoTagging) {
  static const auto tagger = ToyTagger();
  Document d = AnalyzeWithoutModel("وأعلنت الوزارة أن الطقس سيكون معتدلا غدا.");
  const auto readings = entities::ComputeReadings(d);
  const size_t before = d.entities.size();
  EXPECT_EQ(NameUnknownPersons(*tagger, *testing::TestResources()->gazetteer, *testing::TestResources()->person_nouns, readings, d), 0);
  EXPECT_EQ(d.entities.size(), before);
}

}  // namespace
}  // namespace rasd::ner
