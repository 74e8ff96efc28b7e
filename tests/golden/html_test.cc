// Golden HTML pages (tests/data/html and examples/html, written by us in the layouts of common Arabic news
// sites): extracted title, date, outlet, author and body edges match the sidecar JSON.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace rasd {
namespace {

namespace fs = std::filesystem;

TEST(GoldenHtml, PagesExtractAsExpected) {
  int pages = 0;
  const std::string sidecars = std::string(RASD_SOURCE_DIR) + "/tests/data/html/";
  std::vector<fs::path> files;
  for (const char* dir : {"/tests/data/html", "/examples/html"})
    for (const auto& f : fs::directory_iterator(std::string(RASD_SOURCE_DIR) + dir))
      if (f.path().extension() == ".html") files.push_back(f.path());
  for (const auto& path : files) {
    fs::directory_entry f(path);
    SCOPED_TRACE(f.path().filename().string());
    auto expected = nlohmann::json::parse(testing::ReadFile(sidecars + f.path().stem().string() + ".expected.json"));
    read::RawArticle a;
    a.id = f.path().stem().string();
    a.input = f.path().string();
    a.body = testing::ReadFile(f.path().string());
    a.is_html = true;
    Document d = testing::TestPipeline().Analyze(a);
    auto opt = [](const nlohmann::json& j) { return j.is_null() ? std::string("null") : j.get<std::string>(); };
    EXPECT_EQ(d.title.value_or("null"), opt(expected["title"]));
    EXPECT_EQ(d.date.value_or("null"), opt(expected["date"]));
    EXPECT_EQ(d.outlet.value_or("null"), opt(expected["outlet"]));
    EXPECT_EQ(d.author.value_or("null"), opt(expected["author"]));
    const std::string first = expected["first_sentence"], last = expected["last_sentence"];
    EXPECT_EQ(d.text.substr(0, first.size()), first) << d.text.substr(0, 300);
    ASSERT_GE(d.text.size(), last.size());
    EXPECT_EQ(d.text.substr(d.text.size() - last.size()), last) << d.text.substr(d.text.size() > 300 ? d.text.size() - 300 : 0);
    for (const auto& bad : expected["must_not_contain"]) EXPECT_EQ(d.text.find(bad.get<std::string>()), std::string::npos) << bad;
    ++pages;
  }
  EXPECT_GE(pages, 7);
}

}  // namespace
}  // namespace rasd
