// rasd eval: the scores against gold data (src/eval/eval.h).
#include <gtest/gtest.h>

#include "eval/eval.h"
#include "test_util.h"

namespace rasd {
namespace {

Event MakeEvent(const std::string& plover, const std::string& source, const std::string& target,
                Modality modality = Modality::kAsserted, bool negated = false) {
  Event e;
  e.plover = plover;
  if (!source.empty()) e.source = Actor{source, source, source, source, ""};
  if (!target.empty()) e.target = Actor{target, target, target, target, ""};
  e.modality = modality;
  e.negated = negated;
  return e;
}

TEST(Eval, BioSpansReadBioAndBioesAndFoldTypeNames) {
  using S = std::set<std::tuple<size_t, size_t, std::string>>;
  EXPECT_EQ(eval::BioSpans({"B-PERS", "I-PERS", "O", "B-LOC"}), (S{{0, 2, "PER"}, {3, 4, "LOC"}}));
  EXPECT_EQ(eval::BioSpans({"I-ORG", "I-ORG", "B-ORG"}), (S{{0, 2, "ORG"}, {2, 3, "ORG"}}));  // I opens; B splits
  EXPECT_EQ(eval::BioSpans({"S-GPE", "B-PER", "E-PER"}), (S{{0, 1, "LOC"}, {1, 3, "PER"}}));
  EXPECT_EQ(eval::BioSpans({"B-PER", "I-LOC"}), (S{{0, 1, "PER"}, {1, 2, "LOC"}}));  // a type change closes
}

TEST(Eval, ConllScoresCountExactSpansPerTypeAndMicro) {
  const std::vector<std::vector<std::string>> gold = {{"B-PER", "I-PER", "O", "B-LOC"}, {"B-ORG", "O"}};
  const std::vector<std::vector<std::string>> pred = {{"B-PER", "O", "O", "B-LOC"}, {"B-ORG", "B-MISC"}};
  const auto s = eval::ScoreConll(gold, pred);
  EXPECT_EQ(s.by_type.at("PER").tp, 0);  // a span cut short is wrong
  EXPECT_EQ(s.by_type.at("PER").fp, 1);
  EXPECT_EQ(s.by_type.at("PER").fn, 1);
  EXPECT_EQ(s.by_type.at("LOC").tp, 1);
  EXPECT_EQ(s.micro.tp, 2);
  EXPECT_EQ(s.micro.fp, 2);
  EXPECT_EQ(s.micro.fn, 1);
  EXPECT_NEAR(s.micro.F1(), 2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), 1e-9);
  const auto only = eval::ScoreConll(gold, pred, {"PER", "LOC", "ORG"});
  EXPECT_EQ(only.by_type.count("MISC"), 0u);
  EXPECT_EQ(only.micro.fp, 1);
}

TEST(Eval, DetectionCountsOnlyAssertedOrReportedEventsOfTheType) {
  std::vector<eval::GoldSentence> gold(4);
  for (auto& g : gold) g.detection = true, g.plover = "PROTEST";
  gold[0].label = "yes";
  gold[1].label = "yes";
  gold[2].label = "easy no";
  gold[3].label = "ambiguous";
  std::vector<Document> docs(4);
  docs[0].events = {MakeEvent("PROTEST", "EGY", "")};
  docs[1].events = {MakeEvent("PROTEST", "EGY", "", Modality::kIntended), MakeEvent("ASSAULT", "", "")};
  docs[2].events = {MakeEvent("PROTEST", "", "", Modality::kReported)};
  docs[3].events = {MakeEvent("PROTEST", "", "")};
  const auto s = eval::ScoreDetection(gold, docs);
  const auto& p = s.by_type.at("PROTEST");
  EXPECT_EQ(p.tp, 1);
  EXPECT_EQ(p.fn, 1);  // intended is not counted
  EXPECT_EQ(p.fp, 1);
  EXPECT_EQ(s.skipped, 1);
}

TEST(Eval, ValidationScoresCategoryAndCountriesWhereGoldNamesThem) {
  std::vector<eval::GoldSentence> gold(3);
  gold[0] = {"a", "…", "", "", "ASSAULT", "ISR", "PSE", false};
  gold[1] = {"b", "…", "", "", "ASSAULT", "", "IGO", false};
  gold[2] = {"c", "…", "", "", "PROTEST", "", "", false};
  std::vector<Document> docs(3);
  docs[0].events = {MakeEvent("ASSAULT", "ISR", "SYR"), MakeEvent("ASSAULT", "", "PSE")};
  docs[1].events = {MakeEvent("ASSAULT", "", "IGOUNO")};  // an IGO code counts as IGO
  docs[2].events = {MakeEvent("PROTEST", "", "", Modality::kAsserted, /*negated=*/true)};
  const auto s = eval::ScoreValidation(gold, docs);
  EXPECT_EQ(s.found, 2);
  EXPECT_EQ(s.total, 3);
  EXPECT_EQ(s.source, 1);
  EXPECT_EQ(s.source_total, 1);
  EXPECT_EQ(s.target, 2);
  EXPECT_EQ(s.target_total, 2);
}

TEST(Eval, ConllGoldReadsABadTagAsOAndSaysWhere) {
  auto dir = testing::TempDir("eval-conll");
  testing::WriteFile(dir / "g.conll", "قال O\nالوزير B-PERS\nحداد I-PERS\n\nفي O\nصيدا IO\n");
  std::vector<Error> warnings;
  auto g = eval::ReadConllGold((dir / "g.conll").string(), &warnings);
  ASSERT_TRUE(g.ok());
  ASSERT_EQ(g.value().tags.size(), 2u);
  EXPECT_EQ(g.value().tags[1][1], "O");
  EXPECT_EQ(g.value().words[1][1], "صيدا");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].line, 6);
  EXPECT_FALSE(eval::ReadConllGold((dir / "none.conll").string(), &warnings).ok());
}

TEST(Eval, ReadSentencesReportsTheBadLine) {
  auto dir = testing::TempDir("eval");
  testing::WriteFile(dir / "ok.jsonl",
                     "{\"id\":\"1\",\"date\":\"20080101\",\"text\":\"تظاهر المئات.\",\"events\":[{\"plover\":\"PROTEST\","
                     "\"sourcecode\":\"None CVL\",\"targetcode\":\"EGY GOV\"}]}\n");
  auto ok = eval::ReadSentences((dir / "ok.jsonl").string());
  ASSERT_TRUE(ok.ok());
  ASSERT_EQ(ok.value().size(), 1u);
  EXPECT_EQ(ok.value()[0].date, "2008-01-01");
  EXPECT_EQ(ok.value()[0].source, "");
  EXPECT_EQ(ok.value()[0].target, "EGY");
  testing::WriteFile(dir / "bad.jsonl", "{\"id\":\"1\",\"text\":\"نص\",\"label\":\"yes\",\"event_type\":\"PROTEST\"}\nnot json\n");
  auto bad = eval::ReadSentences((dir / "bad.jsonl").string());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().line, 2);
}

}  // namespace
}  // namespace rasd
