// Golden tests: what each seed article and each bundled example yields, pinned as a
// summary (removed-line reasons, repairs, actor codes, events as type, source,
// target and date, resolved times). The seeds are read from ../shared/seeds at run
// time; none of their text is copied here. RASD_UPDATE_GOLDEN=1 rewrites the files.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "test_util.h"

namespace rasd {
namespace {

namespace fs = std::filesystem;

std::string Summary(const Document& d) {
  std::string s;
  s += "title " + std::string(d.title ? "yes" : "no") + "\n";
  s += "outlet " + d.outlet.value_or("-") + "\n";
  for (const auto& r : d.removed) s += "removed " + r.reason + "\n";
  s += "repairs " + std::to_string(d.repairs.size()) + "\n";
  s += "sentences " + std::to_string(d.sentences.size()) + "\n";
  std::set<std::string> codes;
  for (const auto& e : d.entities)
    if (e.actor) codes.insert(std::string(EntityTypeName(e.type)) + " " + e.actor->code);
  for (const auto& c : codes) s += "actor " + c + "\n";
  for (const auto& e : d.events) {
    s += "event " + e.plover + " " + e.cameo + " " + (e.source ? e.source->code : "-") + " -> " +
         (e.target ? e.target->code : "-") + " " + ModalityName(e.modality) + (e.negated ? " negated" : "") + " " +
         (e.date ? e.date->start + ".." + e.date->end : "-") +
         (e.mentions.empty() ? "" : " +" + std::to_string(e.mentions.size()) + " mentions") + "\n";
  }
  for (const auto& t : d.times)
    s += "time " + (t.resolved ? t.resolved->start + ".." + t.resolved->end : std::string("?")) + "\n";
  for (const auto& q : d.quotes) s += "quote " + (q.speaker ? q.speaker->name : "?") + "\n";
  for (const auto& a : d.attributions) s += std::string("attribution ") + (a.anonymous ? "anonymous" : "named") + "\n";
  return s;
}

void Compare(const std::string& golden_path, const std::string& actual) {
  if (std::getenv("RASD_UPDATE_GOLDEN")) {
    fs::create_directories(fs::path(golden_path).parent_path());
    testing::WriteFile(golden_path, actual);
    return;
  }
  ASSERT_TRUE(fs::exists(golden_path)) << golden_path << " missing; run with RASD_UPDATE_GOLDEN=1";
  EXPECT_EQ(testing::ReadFile(golden_path), actual) << "golden: " << golden_path;
}

TEST(Golden, Seeds) {
  const std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared/seeds not found (set RASD_SHARED); seed golden tests skipped";
  std::map<std::string, std::string> dates;
  auto gold = nlohmann::json::parse(testing::ReadFile(shared + "/seeds/gold-dev.json"), nullptr, false);
  if (gold.is_array())
    for (const auto& g : gold) dates[g.value("id", "")] = g.value("doc_date", "");
  int n = 0;
  for (const auto& f : fs::directory_iterator(shared + "/seeds")) {
    if (f.path().extension() != ".txt") continue;
    read::RawArticle a;
    a.id = f.path().stem().string();
    a.input = f.path().filename().string();
    a.body = testing::ReadFile(f.path().string());
    Document d = testing::TestPipeline().Analyze(a, AnalyzeOptions{dates[a.id], "", nullptr});
    Compare(std::string(RASD_SOURCE_DIR) + "/tests/golden/seeds/" + a.id.substr(0, 3) + ".expected", Summary(d));
    ++n;
  }
  EXPECT_EQ(n, 5);
}

TEST(Golden, Examples) {
  int n = 0;
  for (const auto& f : fs::directory_iterator(std::string(RASD_SOURCE_DIR) + "/examples/articles")) {
    read::RawArticle a;
    a.id = f.path().stem().string();
    a.input = f.path().filename().string();
    a.body = testing::ReadFile(f.path().string());
    Document d = testing::TestPipeline().Analyze(a, AnalyzeOptions{"2024-03-15", "", nullptr});
    Compare(std::string(RASD_SOURCE_DIR) + "/tests/golden/examples/" + a.id + ".expected", Summary(d));
    ++n;
  }
  EXPECT_GE(n, 8);
}

}  // namespace
}  // namespace rasd
