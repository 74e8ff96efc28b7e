#include <gtest/gtest.h>

#include "ner/clusters.h"
#include "ner/names.h"
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

TEST(Ner, RuleTagsMarkNamesNotBareAgents) {
  // The rule recognizer's entities are features of the tagger: names and nationalities,
  // not the bare agents the pipeline reads from context (الشرطة), which ANERcorp leaves O.
  NameHints hints(testing::TestResources()->gazetteer);
  const auto tags = hints.RuleTags({"وقالت", "الشرطة", "في", "بغداد", "إن", "الجيش", "العراقي", "انتشر"});
  ASSERT_EQ(tags.size(), 8u);
  EXPECT_EQ(tags[1], "O");
  EXPECT_EQ(tags[3].substr(0, 2), "B-");
  EXPECT_EQ(tags[5].substr(0, 2), "B-");  // with a nationality it is an actor's name
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
  // Without name words the file is version 2, as before name words existed.
  EXPECT_EQ(testing::ReadFile(path).substr(0, 8), "RASDNER2");
  testing::WriteFile(dir / "bad.bin", "RASDNER2\x05");
  EXPECT_FALSE(Tagger::Load((dir / "bad.bin").string(), hints).ok());
}

// A small text where first names, surnames and places each share their neighbours.
std::vector<std::vector<std::string>> ClusterText() {
  std::vector<std::vector<std::string>> out;
  const char* first[] = {"سليم", "نادر", "كريم", "وليد", "فادي"};
  const char* last[] = {"حداد", "خوري", "نصار"};
  const char* place[] = {"طرابلس", "صيدا", "حماه", "اربد"};
  for (int k = 0; k < 60; ++k)
    out.push_back({"قال", "الوزير", first[k % 5], last[k % 3], "في", place[k % 4], "امس"});
  return out;
}

WordClusters Clustered(int sizes) {
  WordClusters c;
  for (const auto& s : ClusterText()) c.AddWords(s);
  ClusterOptions options;
  options.sizes = {sizes, 8};
  options.min_count = 2;
  c.Compute(options);
  return c;
}

TEST(NerClusters, GroupWordsByTheirNeighboursDeterministically) {
  WordClusters c = Clustered(4);
  ASSERT_EQ(c.sizes(), (std::vector<int>{4, 8}));
  ASSERT_NE(c.Find("سليم"), nullptr);
  EXPECT_EQ(c.Find("غائب"), nullptr);
  // Words in the same slot share a class at the fine granularity.
  EXPECT_EQ((*c.Find("سليم"))[1], (*c.Find("نادر"))[1]);
  EXPECT_EQ((*c.Find("صيدا"))[1], (*c.Find("حماه"))[1]);
  EXPECT_NE((*c.Find("سليم"))[1], (*c.Find("صيدا"))[1]);
  // The same input gives the same classes.
  WordClusters again = Clustered(4);
  for (const char* w : {"قال", "الوزير", "سليم", "حداد", "في", "صيدا", "امس"}) EXPECT_EQ(*c.Find(w), *again.Find(w)) << w;
}

TEST(NerClusters, RoundTripThroughAFileAndRejectBadOnes) {
  WordClusters c = Clustered(4);
  auto dir = testing::TempDir("ner-clusters");
  ASSERT_TRUE(c.Save((dir / "c.txt").string()).ok());
  auto back = WordClusters::Load((dir / "c.txt").string());
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  EXPECT_EQ(back.value().size(), c.size());
  EXPECT_EQ(back.value().sizes(), c.sizes());
  EXPECT_EQ(*back.value().Find("صيدا"), *c.Find("صيدا"));
  testing::WriteFile(dir / "bad1.txt", "not clusters\n");
  EXPECT_FALSE(WordClusters::Load((dir / "bad1.txt").string()).ok());
  testing::WriteFile(dir / "bad2.txt", "rasd-clusters 1 4 8\nسليم\t9\t1\n");  // class 9 of 4
  auto bad = WordClusters::Load((dir / "bad2.txt").string());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().line, 2);
  testing::WriteFile(dir / "bad3.txt", "rasd-clusters 1 4 8\nسليم\t1\n");  // one class of two
  EXPECT_FALSE(WordClusters::Load((dir / "bad3.txt").string()).ok());
  EXPECT_FALSE(WordClusters::Load((dir / "missing.txt").string()).ok());
}

TEST(Ner, ClassesAndDocumentContextTravelWithTheModel) {
  auto hints = std::make_shared<const NameHints>(testing::TestResources()->gazetteer);
  TrainOptions options;
  options.epochs = 4;
  options.document_window = 2;
  options.folds = 2;
  auto tagger = Tagger::Train(Toy(), hints, options, Vocabulary{}, Clustered(4));
  const std::vector<std::vector<std::string>> doc = {
      {"قال", "الوزير", "فادي", "حداد", "في", "صيدا", "إن", "منظمة", "الصحة", "العالمية", "تعمل"},
      {"فادي", "حداد", "في", "حماة"}};
  auto tags = tagger->TagDocument(doc);
  ASSERT_EQ(tags.size(), 2u);
  EXPECT_EQ(tags[0][2], "B-PERS");
  EXPECT_EQ(tags[1].size(), 4u);
  auto dir = testing::TempDir("ner-doc");
  const std::string path = (dir / "m.bin").string();
  ASSERT_TRUE(tagger->Save(path).ok());
  auto loaded = Tagger::Load(path, hints);
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  EXPECT_EQ(loaded.value()->TagDocument(doc), tags);
}

TEST(NerNames, ParseNormaliseAndFindWithAClitic) {
  auto names = NameWords::Parse("# version: 1\n# a comment\nأحمد\tp\nسلتيك\to\r\n\nزيدان\tlp\n", "names.txt");
  ASSERT_TRUE(names.ok()) << names.error().ToString();
  EXPECT_EQ(names.value().size(), 3u);
  EXPECT_EQ(names.value().Find("احمد"), "p");  // أ normalised to ا
  EXPECT_EQ(names.value().Find("سلتيك"), "o");
  EXPECT_EQ(names.value().Find("وزيدان"), "lp");  // و stripped
  EXPECT_EQ(names.value().Find("زيد"), "");
  EXPECT_EQ(names.value().Find("وزير"), "");
  EXPECT_EQ(NameWords{}.Find("احمد"), "");
  // Bad lines are errors with their line number, never crashes.
  for (const char* bad : {"أحمد\n", "أحمد\tP\n", "أحمد\tabcdefghi\n", "أحمد\t\n", "\tp\n", "\xD8\tp\n",
                          "\xD9\x8E\tp\n"}) {
    auto r = NameWords::Parse(std::string("# x\n") + bad, "names.txt");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().line, 2) << bad;
  }
  EXPECT_FALSE(NameWords::Load("/nonexistent/names.txt").ok());
}

TEST(Ner, NameWordsTravelWithTheModel) {
  auto hints = std::make_shared<const NameHints>(testing::TestResources()->gazetteer);
  auto names = NameWords::Parse("فادي\tp\nسليم\tp\nنادر\tp\nصيدا\tl\n", "names.txt");
  ASSERT_TRUE(names.ok());
  TrainOptions options;
  options.epochs = 3;
  auto tagger = Tagger::Train(Toy(), hints, options, Vocabulary{}, {}, names.value());
  std::vector<std::string> words = {"قال", "الوزير", "فادي", "حداد", "في", "صيدا"};
  auto tags = tagger->Tag(words);
  EXPECT_EQ(tags[2], "B-PERS");
  auto dir = testing::TempDir("ner-names");
  const std::string path = (dir / "m.bin").string(), again = (dir / "m2.bin").string();
  ASSERT_TRUE(tagger->Save(path).ok());
  auto loaded = Tagger::Load(path, hints);
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  EXPECT_EQ(loaded.value()->Tag(words), tags);
  EXPECT_EQ(testing::ReadFile(path).substr(0, 8), "RASDNER3");
  // Deterministic: the same training gives the same bytes.
  ASSERT_TRUE(Tagger::Train(Toy(), hints, options, Vocabulary{}, {}, names.value())->Save(again).ok());
  EXPECT_EQ(testing::ReadFile(path), testing::ReadFile(again));
}

TEST(Ner, AdaptedModelsKeepOnlyTheirOwnDomainsCopies) {
  auto hints = std::make_shared<const NameHints>(testing::TestResources()->gazetteer);
  auto data = Toy();
  for (int k = 0; k < 10; ++k) {
    Sentence other{{"زار", "المهندس", "رامي", "بيروت"}, {"O", "O", "B-PERS", "B-LOC"}};
    other.domain = 1;
    data.push_back(std::move(other));
  }
  TrainOptions options;
  options.epochs = 3;
  options.adapt = true;
  auto tagger = Tagger::Train(data, hints, options, Vocabulary{});
  std::vector<std::string> words = {"قال", "الوزير", "فادي", "حداد", "في", "صيدا"};
  auto tags = tagger->Tag(words);
  EXPECT_EQ(tags[2], "B-PERS");
  auto dir = testing::TempDir("ner-adapt");
  const std::string path = (dir / "m.bin").string();
  ASSERT_TRUE(tagger->Save(path).ok());
  // Tagging reads the shared and domain-0 copies only; the others are not saved.
  const std::string bytes = testing::ReadFile(path);
  EXPECT_NE(bytes.find("@0:"), std::string::npos);
  EXPECT_EQ(bytes.find("@1:"), std::string::npos);
  auto loaded = Tagger::Load(path, hints);
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  EXPECT_EQ(loaded.value()->Tag(words), tags);
}

TEST(Ner, ReadsConllAndReportsBadLines) {
  auto dir = testing::TempDir("ner-conll");
  testing::WriteFile(dir / "a.conll", "قال O\nسليم B-PERS\n\nفي O\nصيدا B-LOC\n");
  auto ok = ReadConll((dir / "a.conll").string());
  ASSERT_TRUE(ok.ok());
  ASSERT_EQ(ok.value().size(), 2u);
  EXPECT_EQ(ok.value()[1].tags[1], "B-LOC");
  EXPECT_EQ(ok.value()[0].tags[1], "B-PER");  // ANERcorp's PERS is written PER
  testing::WriteFile(dir / "b.conll", "قال O\nسليم PERSON\n");
  auto bad = ReadConll((dir / "b.conll").string());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().line, 2);
  EXPECT_FALSE(ReadConll((dir / "missing.conll").string()).ok());
}

}  // namespace
}  // namespace rasd::ner
