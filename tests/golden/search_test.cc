// Search golden (tests/golden/search/, written by us): the articles are ingested into a
// fresh database and every query must find the listed articles and none of the
// excluded ones — عقوبات finds العقوبات، بالعقوبات، وعقوباتها، عقوبة and a once-split
// العقـ.ـوبات, and not العقبة.
#include <gtest/gtest.h>

#include <set>

#include "pipeline/json.h"
#include "read/reader.h"
#include "store/store.h"
#include "test_util.h"
#include "text/tsv.h"

namespace rasd {
namespace {

TEST(GoldenSearch, MorphologicalMatches) {
  const std::string dir = std::string(RASD_SOURCE_DIR) + "/tests/golden/search";
  auto tmp = testing::TempDir("search-golden");
  auto db = store::Store::Open((tmp / "s.db").string());
  ASSERT_TRUE(db.ok()) << db.error().ToString();
  read::ArticleSource source({dir + "/articles.jsonl"});
  int n = 0;
  while (true) {
    auto next = source.Next();
    ASSERT_TRUE(next.ok()) << next.error().ToString();
    if (!next.value()) break;
    Document doc = testing::TestPipeline().Analyze(*next.value());
    auto added = db.value()->Add(doc, ToJsonLine(doc), "test");
    ASSERT_TRUE(added.ok() && added.value());
    ++n;
  }
  ASSERT_EQ(n, 8);
  auto table = text::ReadTsv(dir + "/queries.tsv", {"query", "finds", "not"});
  ASSERT_TRUE(table.ok()) << table.error().ToString();
  const auto& t = table.value();
  ASSERT_GE(t.rows.size(), 10u);
  for (const auto& row : t.rows) {
    const std::string query = row.fields[t.Column("query")];
    SCOPED_TRACE(query);
    store::SearchQuery q;
    q.text = query;
    q.limit = 50;
    auto r = db.value()->Search(q);
    ASSERT_TRUE(r.ok()) << r.error().ToString();
    std::set<std::string> got;
    for (const auto& h : r.value().hits) got.insert(h.doc_id);
    EXPECT_EQ(r.value().total, static_cast<int64_t>(got.size()));
    std::string got_list;
    for (const auto& g : got) got_list += g + " ";
    for (const auto& id : text::SplitAlternatives(row.fields[t.Column("finds")]))
      EXPECT_TRUE(got.count(id)) << "missing " << id << "; got " << got_list;
    for (const auto& id : text::SplitAlternatives(row.fields[t.Column("not")]))
      EXPECT_FALSE(got.count(id)) << "unexpected " << id << "; got " << got_list;
    // Every hit's snippet marks at least one matched word.
    for (const auto& h : r.value().hits) {
      bool marked = false;
      for (const auto& s : h.snippet) marked |= s.hit;
      EXPECT_TRUE(marked) << h.doc_id;
    }
  }
}

}  // namespace
}  // namespace rasd
