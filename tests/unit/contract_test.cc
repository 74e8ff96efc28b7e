// The analysis contract (docs/contract.md): every key present, offsets valid.
#include <gtest/gtest.h>

#include "pipeline/json.h"
#include "test_util.h"
#include "text/utf8.h"

namespace rasd {
namespace {

std::u32string U32(const std::string& s) {
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) out += text::DecodeNext(s, i);
  return out;
}

void CheckActor(const Json& a) {
  if (a.is_null()) return;
  for (const char* k : {"id", "name", "code", "country", "agent"}) EXPECT_TRUE(a.contains(k)) << k;
}

void CheckContract(const Json& j) {
  for (const char* k : {"id", "input", "url", "outlet", "author", "date", "title", "subtitle", "lang", "text", "removed",
                        "repairs", "sentences", "entities", "events", "quotes", "attributions", "times"})
    ASSERT_TRUE(j.contains(k)) << "missing key " << k;
  const std::u32string text = U32(j["text"].get<std::string>());
  const long n = static_cast<long>(text.size());
  auto slice = [&](const Json& x) {
    long s = x["start"], e = x["end"];
    EXPECT_LE(0, s);
    EXPECT_LE(s, e);
    EXPECT_LE(e, n);
    return text.substr(s, e - s);
  };
  for (const auto& s : j["sentences"]) slice(s);
  for (const auto& e : j["entities"]) {
    EXPECT_EQ(slice(e), U32(e["text"].get<std::string>()));
    EXPECT_TRUE(e.contains("type"));
    CheckActor(e["actor"]);
  }
  for (const auto& q : j["quotes"]) EXPECT_EQ(slice(q), U32(q["text"].get<std::string>()));
  for (const auto& t : j["times"]) EXPECT_EQ(slice(t), U32(t["text"].get<std::string>()));
  for (const auto& e : j["events"]) {
    for (const char* k : {"sentence", "trigger", "cameo", "plover", "mode", "goldstein", "source", "target", "negated",
                          "modality", "date", "place", "confidence", "mentions"})
      EXPECT_TRUE(e.contains(k)) << k;
    EXPECT_EQ(slice(e["trigger"]), U32(e["trigger"]["text"].get<std::string>()));
    CheckActor(e["source"]);
    CheckActor(e["target"]);
    EXPECT_LT(e["sentence"].get<long>(), static_cast<long>(j["sentences"].size()));
  }
  for (const auto& a : j["attributions"])
    for (const char* k : {"sentence", "outlet", "via", "anonymous"}) EXPECT_TRUE(a.contains(k)) << k;
}

TEST(Contract, ExampleArticlesFollowTheContract) {
  namespace fs = std::filesystem;
  int checked = 0;
  for (const auto& f : fs::directory_iterator(std::string(RASD_SOURCE_DIR) + "/examples/articles")) {
    read::RawArticle a;
    a.id = f.path().stem().string();
    a.input = f.path().string();
    a.body = testing::ReadFile(f.path().string());
    Document d = testing::TestPipeline().Analyze(a, AnalyzeOptions{"2024-03-15", "", nullptr});
    Json j = Json::parse(ToJsonLine(d));
    CheckContract(j);
    ++checked;
  }
  EXPECT_GE(checked, 8);
}

TEST(Contract, EmptyValuesAreNullOrEmptyArrays) {
  Document d = testing::AnalyzeText("نص قصير.", "");
  Json j = Json::parse(ToJsonLine(d));
  CheckContract(j);
  EXPECT_TRUE(j["date"].is_null());
  EXPECT_TRUE(j["url"].is_null());
  EXPECT_TRUE(j["events"].is_array());
  EXPECT_TRUE(j["events"].empty());
}

}  // namespace
}  // namespace rasd
