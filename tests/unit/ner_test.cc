#include <gtest/gtest.h>

#include "ner/tagger.h"
#include "test_util.h"

namespace rasd::ner {
namespace {

std::vector<Sentence> Toy() {
  // Our own tiny corpus: a person after a title, a place after في, an organisation
  // after منظمة; enough repetitions for the perceptron to learn the contexts.
  std::vector<Sentence> out;
  const char* people[] = {"سليم", "نادر", "كريم", "وليد"};
  const char* places[] = {"طرابلس", "صيدا", "حماة", "إربد"};
  for (int k = 0; k < 40; ++k) {
    const char* p = people[k % 4];
    const char* l = places[(k / 4) % 4];
    out.push_back({{"قال", "الوزير", p, "حداد", "في", l, "إن", "منظمة", "الصحة", "العالمية", "تعمل"},
                   {"O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O", "B-ORG", "I-ORG", "I-ORG", "O"}});
  }
  return out;
}

TEST(Ner, LearnsContextsAndRoundTripsThroughAFile) {
  auto hints = std::make_shared<const NameHints>(testing::TestResources()->gazetteer);
  Vocabulary vocab;
  vocab.Count("قال الوزير إن الصحة تعمل في المدينة قال الوزير");
  vocab.Finish(1);
  EXPECT_GT(vocab.size(), 0u);
  TrainOptions options;
  options.epochs = 5;
  auto tagger = Tagger::Train(Toy(), hints, options, std::move(vocab));
  // An unseen name in a seen context.
  std::vector<std::string> words = {"قال", "الوزير", "فادي", "حداد", "في", "صيدا", "إن", "منظمة", "الصحة", "العالمية", "تعمل"};
  auto tags = tagger->Tag(words);
  ASSERT_EQ(tags.size(), words.size());
  EXPECT_EQ(tags[2], "B-PERS");
  EXPECT_EQ(tags[5], "B-LOC");
  EXPECT_EQ(tags[7], "B-ORG");
  EXPECT_EQ(tags[9], "I-ORG");
  // BIO is well formed: no I- after O.
  for (size_t i = 0; i < tags.size(); ++i)
    if (tags[i][0] == 'I') {
      EXPECT_TRUE(i > 0 && tags[i - 1] != "O");
    }
  auto dir = testing::TempDir("ner");
  const std::string path = (dir / "m.bin").string();
  ASSERT_TRUE(tagger->Save(path).ok());
  auto loaded = Tagger::Load(path, hints);
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  EXPECT_EQ(loaded.value()->Tag(words), tags);
  testing::WriteFile(dir / "bad.bin", "RASDNER1\x05");
  EXPECT_FALSE(Tagger::Load((dir / "bad.bin").string(), hints).ok());
}

TEST(Ner, ReadsConllAndReportsBadLines) {
  auto dir = testing::TempDir("ner-conll");
  testing::WriteFile(dir / "a.conll", "قال O\nسليم B-PERS\n\nفي O\nصيدا B-LOC\n");
  auto ok = ReadConll((dir / "a.conll").string());
  ASSERT_TRUE(ok.ok());
  ASSERT_EQ(ok.value().size(), 2u);
  EXPECT_EQ(ok.value()[1].tags[1], "B-LOC");
  testing::WriteFile(dir / "b.conll", "قال O\nسليم PERSON\n");
  auto bad = ReadConll((dir / "b.conll").string());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().line, 2);
  EXPECT_FALSE(ReadConll((dir / "missing.conll").string()).ok());
}

}  // namespace
}  // namespace rasd::ner
