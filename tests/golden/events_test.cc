// Event golden sentences (tests/golden/events/sentences.tsv, written by us): for each,
// the engine codes an event of the expected type, source and target countries, modality
// and negation — or, for "none", no asserted event at all.
#include <gtest/gtest.h>

#include "test_util.h"
#include "text/tsv.h"

namespace rasd {
namespace {

std::string CountryOf(const std::optional<Actor>& a) {
  if (!a) return "-";
  return a->country.empty() ? "-" : a->country;
}

TEST(GoldenEvents, SentencesCodeAsExpected) {
  auto table = text::ReadTsv(std::string(RASD_SOURCE_DIR) + "/tests/golden/events/sentences.tsv",
                             {"id", "date", "plover", "source", "target", "modality", "negated", "text"});
  ASSERT_TRUE(table.ok()) << table.error().ToString();
  const auto& t = table.value();
  int passed = 0;
  for (const auto& row : t.rows) {
    auto f = [&](const char* col) { return row.fields[t.Column(col)]; };
    SCOPED_TRACE(f("id"));
    Document d = testing::AnalyzeText(f("text"), f("date"));
    std::string got;
    for (const auto& e : d.events)
      got += e.plover + " " + CountryOf(e.source) + ">" + CountryOf(e.target) + " " + ModalityName(e.modality) +
             (e.negated ? " negated" : "") + "; ";
    if (f("plover") == "none") {
      bool asserted = false;
      for (const auto& e : d.events)
        asserted |= !e.negated && (e.modality == Modality::kAsserted || e.modality == Modality::kReported);
      EXPECT_FALSE(asserted) << "got: " << got;
      passed += !asserted;
      continue;
    }
    bool found = false;
    for (const auto& e : d.events)
      found |= e.plover == f("plover") && CountryOf(e.source) == f("source") && CountryOf(e.target) == f("target") &&
               ModalityName(e.modality) == f("modality") && e.negated == (f("negated") == "yes");
    EXPECT_TRUE(found) << "got: " << got;
    passed += found;
  }
  RecordProperty("passed", passed);
  EXPECT_GE(t.rows.size(), 25u);
}

// Time golden sentences (tests/golden/times/expressions.tsv, written by us): one per time
// expression form, resolved against the article date; where an event is named, it carries
// the date of the expression in its clause.
TEST(GoldenTimes, ExpressionsResolveAndDateTheirEvents) {
  auto table = text::ReadTsv(std::string(RASD_SOURCE_DIR) + "/tests/golden/times/expressions.tsv",
                             {"id", "date", "expression", "start", "end", "event", "text"});
  ASSERT_TRUE(table.ok()) << table.error().ToString();
  const auto& t = table.value();
  for (const auto& row : t.rows) {
    auto f = [&](const char* col) { return row.fields[t.Column(col)]; };
    SCOPED_TRACE(f("id"));
    Document d = testing::AnalyzeText(f("text"), f("date"));
    std::string got;
    const TimeExpr* found = nullptr;
    for (const auto& te : d.times) {
      got += te.text + "=" + (te.resolved ? te.resolved->start + ".." + te.resolved->end : "?") + "; ";
      if (te.text == f("expression")) found = &te;
    }
    ASSERT_NE(found, nullptr) << "got: " << got;
    ASSERT_TRUE(found->resolved) << "got: " << got;
    EXPECT_EQ(found->resolved->start, f("start"));
    EXPECT_EQ(found->resolved->end, f("end"));
    if (f("event") == "-") continue;
    const Event* e = testing::FindIf(d.events, [&](const Event& x) { return x.plover == f("event"); });
    ASSERT_NE(e, nullptr);
    ASSERT_TRUE(e->date);
    EXPECT_EQ(e->date->start, f("start"));
  }
  EXPECT_GE(t.rows.size(), 25u);
}

}  // namespace
}  // namespace rasd
